/**
 * The fact sheet's "at a glance" cards (issue 13): a claimant's latest dated figure of the metric,
 * compared only within the same scope, with the scope printed when it is not the whole question.
 * The fixture (tests/fixtures/data/at-a-glance) reproduces each way a card misled before.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { atAGlance, claimantCard, metricCards } from '../../src/derive/atAGlance.js';
import { Citations } from '../../src/derive/citations.js';
import type { Dataset } from '../../src/model/index.js';
import { loadValidDataset } from '../../src/validate/index.js';
import { fixturesDir } from '../validate/fixtureIssues.js';

let dataset: Dataset;
beforeAll(async () => {
  dataset = await loadValidDataset(path.join(fixturesDir, 'at-a-glance'));
});

const ids = (figures: readonly { id: string }[]) => figures.map((figure) => figure.id);
const figuresOf = (claimant: string, metric: string) =>
  dataset.figures.filter((figure) => figure.claimant === claimant && figure.metric === metric);
const card = (id: string) => atAGlance(dataset, new Citations(dataset)).find((view) => view.id === id);

describe('at-a-glance cards', () => {
  it('never lets one of several undated parts stand for a claimant (the tribal mobilisation alone)', () => {
    expect(claimantCard(dataset, figuresOf('command', 'trained_personnel'))).toBeUndefined();
    expect(ids(metricCards(dataset, 'trained_personnel'))).toEqual([]);
  });

  it('never lets an undated figure outrank a dated one (the 3 million delivery over the 2021 total)', () => {
    expect(ids(metricCards(dataset, 'aid_value'))).toEqual(['fig_aid_total_2021']);
    expect(claimantCard(dataset, figuresOf('paper', 'troops_deployed'))?.id).toBe('fig_troops_inferred');
  });

  it("shows a claimant's whole answer, not a part with the same date (the Pentagon's total, not Syria)", () => {
    expect(claimantCard(dataset, figuresOf('pentagon', 'airstrikes'))?.id).toBe('fig_strikes_total');
    expect(ids(metricCards(dataset, 'airstrikes'))).toEqual(['fig_strikes_command', 'fig_strikes_total']);
  });

  it('prints the scope of a card that covers only part of the question, or differs from its neighbour', () => {
    expect(card('fig_strikes_command')?.cardScope).toBe('العراق');
    expect(card('fig_strikes_total')?.cardScope).toBe('العراق وسورية');
    // One card, covering everything the metric's figures cover: nothing to tell the reader.
    expect(card('fig_troops_inferred')?.cardScope).toBeNull();
    expect(card('fig_aid_total_2021')?.cardScope).toBeNull();
  });

  it('keeps an inferred date marked as inferred', () => {
    expect(card('fig_troops_inferred')?.asOf).toEqual({ known: true, iso: '2020-01', precision: 'month', inferred: true });
  });
});

describe('the fact sheet at a glance', () => {
  it('shows exactly the cards the rules give, metric by metric', async () => {
    const { deriveFactsheet } = await import('../../src/derive/factsheet.js');
    expect(ids(deriveFactsheet(dataset).atAGlance)).toEqual(['fig_troops_inferred', 'fig_strikes_command', 'fig_strikes_total', 'fig_aid_total_2021']);
  });
});

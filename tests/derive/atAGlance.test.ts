/**
 * The fact sheet's "at a glance" cards (issue 13): a claimant's latest dated figure of the metric,
 * compared only within the same scope, with the scope printed when it is not the whole question.
 * The fixture (tests/fixtures/data/at-a-glance) reproduces each way a card misled before.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { atAGlance, claimantCard, glanceDisputes, metricCards } from '../../src/derive/atAGlance.js';
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
    const cards = ids(metricCards(dataset, 'trained_personnel'));
    expect(cards).not.toContain('fig_trained_army');
    expect(cards).not.toContain('fig_trained_tribal');
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

  it('never shows two equal cards while a third claimant says otherwise (two «83» hiding «أكثر من 63»)', () => {
    expect(ids(metricCards(dataset, 'member_states'))).toEqual(['fig_members_paper', 'fig_members_ministry']);
  });

  it('never lets a figure known only in words («آلاف») take the place of a number, however new', () => {
    expect(ids(metricCards(dataset, 'airstrikes'))).not.toContain('fig_strikes_thousands');
  });

  it("prints a lone card's scope when its dispute sets it against figures of other scopes (Iraqi forces vs parts)", () => {
    expect(ids(metricCards(dataset, 'trained_personnel'))).toEqual(['fig_trained_isf_writer']);
    expect(card('fig_trained_isf_writer')?.cardScope).toContain('قوات الأمن العراقية');
  });

  it("names under the cards every claimant of the metric's dispute that no card shows, with the question to look up", () => {
    const views = glanceDisputes(dataset);
    expect(views.map((view) => [view.question, view.others.map((other) => other.name)])).toEqual([
      ['كم دولة في التحالف؟', ['التحالف الدولي']],
      ['كم عنصراً درّب التحالف؟', ['قيادة العمليات']],
    ]);
  });

  it('keeps an inferred date marked as inferred', () => {
    expect(card('fig_troops_inferred')?.asOf).toEqual({ known: true, iso: '2020-01', precision: 'month', inferred: true, notBefore: false });
  });
});

describe('the fact sheet at a glance', () => {
  it('shows exactly the cards the rules give, metric by metric', async () => {
    const { deriveFactsheet } = await import('../../src/derive/factsheet.js');
    expect(ids(deriveFactsheet(dataset).atAGlance)).toEqual([
      'fig_members_paper',
      'fig_members_ministry',
      'fig_troops_inferred',
      'fig_strikes_command',
      'fig_strikes_total',
      'fig_trained_isf_writer',
      'fig_aid_total_2021',
    ]);
  });
});

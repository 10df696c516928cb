/**
 * A count of deaths that does not say the dead were civilians (issue 13, item 10) is modelled as
 * `deaths_unspecified`: it may stand in a dispute about civilian deaths, and wherever it is printed
 * beside civilian counts — table, chart, card — it says what it counts.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { deriveCasualties } from '../../src/derive/casualties.js';
import { deriveFactsheet } from '../../src/derive/factsheet.js';
import type { Dataset } from '../../src/model/index.js';
import { loadValidDataset } from '../../src/validate/index.js';
import { fixturesDir, issuesOf } from '../validate/fixtureIssues.js';

let dataset: Dataset;
beforeAll(async () => {
  dataset = await loadValidDataset(path.join(fixturesDir, 'deaths-unspecified'));
});

describe('deaths the source does not call civilian', () => {
  it('may be disputed against civilian counts', async () => {
    expect(await issuesOf('deaths-unspecified')).toEqual([]);
  });

  it('say so in the tables and the dispute card', () => {
    const view = deriveCasualties(dataset);
    const row = view.otherEstimates.find((figure) => figure.id === 'fig_estimate');
    expect(row?.caveat).toBe('لا يصف المصدر القتلى بأنهم مدنيون');
    expect(view.disputes[0]!.figures.find((figure) => figure.id === 'fig_estimate')?.caveat).toBe(row?.caveat);
    expect(view.admissions.find((figure) => figure.id === 'fig_admitted')?.caveat).toBeNull();
  });

  it('say so on their chart bar', () => {
    const bars = deriveCasualties(dataset).deathsChart.map((bar) => [bar.claimant, bar.what]);
    expect(bars).toEqual([
      ['المرصد', 'قتلى لا يصفهم المصدر بالمدنيين'],
      ['التحالف الدولي', 'القتلى المدنيون'],
    ]);
  });


  it('say so on their card', () => {
    const card = deriveFactsheet(dataset).atAGlance.find((figure) => figure.id === 'fig_estimate');
    expect(card?.metric).toBe('قتلى لا يصفهم المصدر بالمدنيين');
  });
});

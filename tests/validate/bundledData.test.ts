import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/load/index.js';
import { analyseDataset, formatIssue } from '../../src/validate/index.js';
import { repoRoot } from './fixtureIssues.js';

const dataDir = path.join(repoRoot, 'data');

describe('the bundled data/', () => {
  it('validates with zero issues', async () => {
    const { issues } = analyseDataset(await loadDataset(dataDir, { displayRoot: repoRoot }));
    expect(issues.map(formatIssue)).toEqual([]);
  });

  it('has one source per seed article and the record kinds the briefs need', async () => {
    const { dataset } = analyseDataset(await loadDataset(dataDir, { displayRoot: repoRoot }));
    expect(dataset?.sources.map((source) => source.file).sort()).toEqual([
      '000_f0c790a69fb04632.txt',
      '001_6b99b92fd73bce01.txt',
      '002_a4fc2bad700da427.txt',
      '003_510b49d05079c788.txt',
      '004_e6c1c72df0de1643.txt',
    ]);
    const metrics = new Set(dataset?.figures.map((figure) => figure.metric));
    for (const metric of ['troops_deployed', 'troops_authorised', 'airstrikes', 'civilian_deaths', 'member_states', 'trained_personnel', 'aid_value', 'bases_handed_over'] as const) {
      expect(metrics, metric).toContain(metric);
    }
    expect(dataset?.disputes.map((dispute) => dispute.metric).sort()).toEqual([
      'aid_value',
      'airstrikes',
      'civilian_deaths',
      'member_states',
      'trained_personnel',
      'troops_deployed',
    ]);
  });

  it('keeps the coalition civilian-death admissions as a chain 800 → 1061 → 1257', async () => {
    const { dataset } = analyseDataset(await loadDataset(dataDir, { displayRoot: repoRoot }));
    const admissions = dataset?.figures.filter((figure) => figure.metric === 'civilian_deaths' && figure.claimant === 'global_coalition') ?? [];
    expect(admissions.map((figure) => [figure.value, figure.status])).toEqual([
      [800, 'superseded'],
      [1061, 'superseded'],
      [1257, 'current'],
    ]);
  });
});

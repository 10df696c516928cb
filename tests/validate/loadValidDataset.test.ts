import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError, formatIssue, loadValidDataset } from '../../src/validate/index.js';
import { fixturesDir, repoRoot } from './fixtureIssues.js';

describe('loadValidDataset', () => {
  it('returns the dataset, with as_of at the top and every record list', async () => {
    const dataset = await loadValidDataset(path.join(fixturesDir, 'valid'), { displayRoot: repoRoot });
    expect(dataset.as_of).toBe('2021-08-23');
    expect(dataset.figures.map((figure) => figure.id)).toEqual(['fig_old', 'fig_new', 'fig_monitor']);
    expect(dataset.sources).toHaveLength(1);
    expect(dataset.actors).toHaveLength(2);
    expect(dataset.events).toHaveLength(1);
    expect(dataset.disputes).toHaveLength(1);
    expect(dataset.positions).toHaveLength(1);
    expect(dataset.outlook).toHaveLength(1);
  });

  it('applies schema defaults and normalises "غير معروف" to unknown', async () => {
    const dataset = await loadValidDataset(path.join(fixturesDir, 'valid'), { displayRoot: repoRoot });
    expect(dataset.figures[1]).toMatchObject({ status: 'current', bound: 'exact' });
    expect(dataset.outlook[0]?.stated_on).toBe('unknown');
    expect(dataset.events[0]?.date).toEqual({ iso: '2014-09', precision: 'month', inferred: true, not_before: false, reasoning: 'test' });
  });

  it('throws one DataError listing every issue, one line each', async () => {
    const error = await loadValidDataset(path.join(fixturesDir, 'many-problems'), { displayRoot: repoRoot }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    const dataError = error as DataError;
    expect(dataError.name).toBe('DataError');
    expect(dataError.issues).toHaveLength(3);
    expect(dataError.message).toBe(
      ['the data has 3 problems:', ...dataError.issues.map(formatIssue)].join('\n'),
    );
    expect(dataError.issues[0]).toEqual({
      file: 'tests/fixtures/data/many-problems/dataset.yaml',
      line: 20,
      column: 19,
      path: 'figures[0].value.min',
      message: 'must be ≤ max (9 > 1)',
    });
  });

  it('reports a missing data folder as an issue, not a crash', async () => {
    const error = await loadValidDataset(path.join(fixturesDir, 'no-such-folder'), { displayRoot: repoRoot }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).message).toBe(
      'the data has 1 problem:\ntests/fixtures/data/no-such-folder:1:1 cannot read the data folder (ENOENT)',
    );
  });
});

describe('formatIssue', () => {
  it('prints file:line:column path: message', () => {
    expect(formatIssue({ file: 'data/figures.yaml', line: 41, column: 12, path: 'figures[3].value.min', message: 'must be ≤ max (12 > 5)' })).toBe(
      'data/figures.yaml:41:12 figures[3].value.min: must be ≤ max (12 > 5)',
    );
  });

  it('leaves out the path for whole-file problems', () => {
    expect(formatIssue({ file: 'data/empty.yaml', line: 1, column: 1, path: '', message: 'is empty' })).toBe('data/empty.yaml:1:1 is empty');
  });
});

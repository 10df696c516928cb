import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDataset } from '../../src/load/index.js';
import { formatIssue, validateDataset } from '../../src/validate/index.js';

export const repoRoot = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const fixturesDir = path.join(repoRoot, 'tests', 'fixtures', 'data');

/** Every issue for one fixture folder, formatted as editors see them (paths relative to the repo). */
export async function issuesOf(fixture: string): Promise<string[]> {
  const loaded = await loadDataset(path.join(fixturesDir, fixture), { displayRoot: repoRoot });
  return validateDataset(loaded).map(formatIssue);
}

/** The path prefix of a fixture's files in issue lines. */
export function at(fixture: string, file = 'dataset.yaml'): string {
  return `tests/fixtures/data/${fixture}/${file}`;
}

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadValidDataset } from '../../src/validate/index.js';
import { repoRoot } from './fixtureIssues.js';

// The article texts stay outside the repository; when they are next to it (../shared/seeds),
// every quote in data/ must be an exact substring of the article its record cites.
// BRIEFS_SEEDS_DIR points elsewhere when the seeds live somewhere else.
const seedsDir = process.env['BRIEFS_SEEDS_DIR'] ?? path.resolve(repoRoot, '..', 'shared', 'seeds');
const seedsAvailable = existsSync(seedsDir);

describe('quotes in data/', () => {
  it.skipIf(!seedsAvailable)(`are verbatim substrings of their cited articles (seeds in ${seedsDir})`, async () => {
    const dataset = await loadValidDataset(path.join(repoRoot, 'data'), { displayRoot: repoRoot });
    const articleOf = new Map(dataset.sources.map((source) => [source.id, readFileSync(path.join(seedsDir, source.file), 'utf8')]));
    const records = [...dataset.events, ...dataset.figures, ...dataset.positions, ...dataset.outlook];
    const notFound: string[] = [];
    let checked = 0;
    for (const record of records) {
      for (const citation of record.evidence) {
        checked++;
        if (!articleOf.get(citation.source)?.includes(citation.quote)) notFound.push(`${record.id} (${citation.source}): ${citation.quote}`);
      }
    }
    expect(notFound).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });

  it.runIf(!seedsAvailable)('are not checked: the seed articles are not available', () => {
    console.warn(`Skipping the verbatim-quote check: no seed articles at ${seedsDir}`);
  });
});

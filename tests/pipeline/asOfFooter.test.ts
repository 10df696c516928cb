/**
 * The running footer is drawn by the typesetter, outside the template blocks: an inferred as-of date
 * is marked there too, on every page (issue 13, item 11), and on the site.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { briefs } from '../../src/briefs/registry.js';
import { renderBrief } from '../../src/pipeline/renderBrief.js';
import { createTemplateEngine } from '../../src/template/index.js';
import { templatesDir } from '../../src/paths.js';
import { loadValidDataset } from '../../src/validate/index.js';
import type { Dataset } from '../../src/model/index.js';
import { pdftotextPages } from '../support/pdfText.js';
import { fixturesDir } from '../validate/fixtureIssues.js';

let dataset: Dataset;
beforeAll(async () => {
  dataset = await loadValidDataset(path.join(fixturesDir, 'inferred-dates'));
});

async function footers(data: Dataset): Promise<string[]> {
  const result = await renderBrief(briefs.history, { dataset: data, templates: createTemplateEngine(templatesDir), digits: 'latn' });
  return pdftotextPages(result.bytes).map((page) => page.split('\n').find((line) => line.includes('البيانات حتى')) ?? '');
}

describe('the running footer', () => {
  it('marks an inferred as-of date on every page', async () => {
    expect(dataset.as_of_inferred).toBe(true);
    const lines = await footers(dataset);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toContain('مستنتَج');
  });

  it('prints a recorded as-of date without the mark', async () => {
    for (const line of await footers({ ...dataset, as_of_inferred: false })) {
      expect(line).toContain('البيانات حتى');
      expect(line).not.toContain('مستنتَج');
    }
  });
});

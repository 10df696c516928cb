/**
 * The running footer is drawn by the typesetter, outside the template blocks: an inferred as-of date
 * is marked there too, on every page (issue 13, item 11), and on the site.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { briefs } from '../../src/briefs/registry.js';
import { renderBrief } from '../../src/pipeline/renderBrief.js';
import { dataAsOfPhrase } from '../../src/derive/common.js';
import { printedStrings } from '../briefs/printedStrings.js';
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

  it('prints a lower-bound as-of as the month it cannot precede, on every page, as the header band does', async () => {
    const lowerBound = { ...dataset, as_of_not_before: true };
    const lines = await footers(lowerBound);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).toContain('لا يسبق');
      expect(line).toContain('ديسمبر');
      // «حتى 31 ديسمبر» would turn "December or later" into an end date.
      expect(line).not.toMatch(/31\s*ديسمبر/u);
    }
    expect(dataAsOfPhrase(lowerBound)).toBe('البيانات حتى تاريخ لا يسبق ديسمبر/كانون\u00A0الأول 2023 (مستنتَج)');
  });
});

describe('the as-of phrase', () => {
  it('reads the same in the templates (partials/as-of.hbs) and in the furniture and site (dataAsOfPhrase)', () => {
    const engine = createTemplateEngine(templatesDir);
    for (const variant of [
      { as_of_inferred: false, as_of_not_before: false },
      { as_of_inferred: true, as_of_not_before: false },
      { as_of_inferred: true, as_of_not_before: true },
    ]) {
      const data = { ...dataset, ...variant };
      const blocks = engine.renderBlocks('history', { ...briefs.history.derive(data), brief: { title: 't', asOf: data.as_of } });
      const lead = printedStrings(blocks).find((s) => s.text.includes('البيانات حتى'));
      expect(lead?.text).toContain(dataAsOfPhrase(data));
    }
  });
});


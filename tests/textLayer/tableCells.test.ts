/**
 * A table cell reads as a unit (issue 16, item 1, on the briefs themselves): copying a cell of several
 * lines gives its text whole, not interleaved with the lines of the cells beside it. Each cell of
 * every table of every brief (of four or more words), its text as the document blocks hold it,
 * searched for in each reader's extraction of the brief.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { briefIds, briefs } from '../../src/briefs/registry.js';
import type { Block } from '../../src/document/index.js';
import { renderBrief } from '../../src/pipeline/renderBrief.js';
import { defaultDataDir, templatesDir } from '../../src/paths.js';
import { createTemplateEngine } from '../../src/template/index.js';
import { loadValidDataset } from '../../src/validate/index.js';
import { allBlocks } from '../support/documentBlocks.js';
import { extract, fidelity, readers, type Reader } from './readers.js';

const LOOSE_MIN = 98.5;
const STRICT_MIN = 95;

/**
 * Known gaps, measured on the five briefs (it.fails flips when the case passes):
 *  - poppler: a cell's lines sit ~1.7 font sizes apart, and poppler puts two lines into one block only
 *    within 1.5 (TextOutputDev's maxLineSpacingDelta), so each line is a block of its own and a row
 *    is read across its cells, interleaved. Setting the text layer at lineSpacing / 1.48 measured
 *    90.5 % here (21–46 % on the HTML editions' cells became 76–100), the other readers unchanged,
 *    but lost characters of a 1,000-character word broken over narrow lines (tests/hostile): not in.
 *  - PDFium: ~78. It joins text on one baseline across the columns of a row into one line, so the
 *    lines of a cell come back interleaved with the other cells' lines.
 */
const knownGaps = new Set<Reader>(['poppler', 'pdfium']);

const cellText = (blocks: readonly Block[]): string[] =>
  allBlocks(blocks).flatMap((block) =>
    block.kind === 'table' ? block.rows.flat().map((cell) => cell.content.map((inline) => inline.text).join('')) : [],
  );

describe('table cells of the briefs, each read as a unit', () => {
  const texts = new Map<Reader, string>();
  let cells: string[] = [];
  beforeAll(async () => {
    const dataset = await loadValidDataset(defaultDataDir);
    const templates = createTemplateEngine(templatesDir);
    const documents: Uint8Array[] = [];
    for (const id of briefIds) {
      const { bytes, blocks } = await renderBrief(briefs[id], { dataset, templates, digits: 'latn' });
      documents.push(bytes);
      cells.push(...cellText(blocks));
    }
    cells = [...new Set(cells.map((cell) => cell.replace(/\s+/g, ' ').trim()))];
    for (const reader of readers) texts.set(reader, (await Promise.all(documents.map((bytes) => extract(reader, bytes)))).join('\n'));
  }, 180_000);

  for (const reader of readers) {
    const test = knownGaps.has(reader) ? it.fails : it;
    test(`${reader} reads ≥ ${LOOSE_MIN}% of the cells loose, ≥ ${STRICT_MIN}% strict`, () => {
      const f = fidelity(cells, texts.get(reader)!);
      console.log(`table cells, ${reader}: ${f.loose.toFixed(1)} / ${f.strict.toFixed(1)} of ${f.total}${f.missed.length ? `; missed: ${f.missed.slice(0, process.env.ALLMISSED ? 99 : 2).map((m) => m.slice(0, process.env.ALLMISSED ? 200 : 40)).join(' | ')}` : ''}`);
      expect(f.total).toBeGreaterThan(100);
      expect(f.loose).toBeGreaterThanOrEqual(LOOSE_MIN);
      expect(f.strict).toBeGreaterThanOrEqual(STRICT_MIN);
    });
  }
});

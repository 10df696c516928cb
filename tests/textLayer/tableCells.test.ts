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
 *  - poppler: 94.9 / 94.9 (41.6 before the layer was sized and drawn in for it, layerGeometry.ts).
 *    Every cell still missed (14 of 274) ends with citation numbers after a number or after each
 *    other ("نهاية 2011. 3", "العراق 1، 3", "داعش. 3، 4"): poppler's reorderText reads everything
 *    between two right-to-left letters, numbers and the neutrals between them, as one left-to-right
 *    section in visual order, so it gives "3 .2011" and "3 ،1". The number-run layout, not the cells.
 *  - PDFium: 77.7. It joins text on one baseline across the columns of a row into one line (a
 *    single-line cell drawn just before a cell of several lines: "أغسطس/آب 2010 (مُخطَّط)" is read
 *    "أغسطس/آب 2010 <the event beside it>" then "(مُخطَّط)"). CPDF_TextPage::ProcessInsertObject
 *    breaks a line only when the next text object's origin lies outside the previous object's
 *    vertical extent (for an object of several characters drawn left to right); measured: the layer
 *    of the lines left of the page's middle raised by 1, 2 or 4 pt changes nothing. A skewed text
 *    matrix (c = 0.1), which turns that test off, with those lines lowered by 5 pt, took PDFium
 *    from 76.5 to 81.9 (cells counted per brief) and pdf.js to 2 %: not in.
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

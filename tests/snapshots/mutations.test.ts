/**
 * The layout snapshots bite: each change a reader would see makes at least one snapshot comparison fail
 * (the same comparisons the snapshot tests make, against the committed references), and changes no
 * reader can see make none fail.
 *
 * Mutations go through the public pipeline (dataset copy, the blocks the template engine returns, the
 * digit style), on the troops brief: several pages with paragraphs, tables and figures.
 *
 * Under `npm run test:update` the references are being rewritten by the snapshot tests at the same
 * time, so this file then compares with the unmutated brief rendered here instead.
 */
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as mupdf from 'mupdf';
import { parseDocument } from 'yaml';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultDataDir } from '../../src/paths.js';
import { buildBriefs } from '../../src/pipeline/build.js';
import { loadValidDataset } from '../../src/validate/index.js';
import {
  committedReferences,
  compareSnapshot,
  defaultRenderInputs,
  renderBriefPdf,
  snapshotOf,
  type RenderInputs,
  type SnapshotDifferences,
  type SnapshotReferences,
} from '../support/briefSnapshots.js';
import { scratchDir } from '../support/builtBriefs.js';
import {
  breakPageBefore,
  layOutLeftToRight,
  replaceLetterWithUncovered,
  reverseFirstWords,
  swapFirstTableColumns,
  withFigureValue,
  withMutatedBlocks,
  type BlocksMutation,
} from '../support/layoutMutations.js';
import { notdefGlyphs } from '../support/pdfGlyphs.js';
import { snapshotUpdateMode } from '../support/snapshotFiles.js';

// The typesetter refuses to draw a character no font has (fonts/coverage.ts): to see the snapshots
// catch a missing-glyph box at all, coverage here wrongly gives U+4E2D to the Arabic file, which lacks it.
vi.mock('../../src/fonts/coverage.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/fonts/coverage.js')>();
  return { ...original, familyForChar: (char: string) => (char === '\u4E2D' ? 'AmiriArabic' : original.familyForChar(char)) };
});

const brief = 'troops';
let inputs: RenderInputs;
let references: SnapshotReferences;

beforeAll(async () => {
  inputs = await defaultRenderInputs();
  references =
    snapshotUpdateMode() === 'all'
      ? await snapshotOf(await renderBriefPdf(brief, inputs))
      : committedReferences(brief);
});

async function differencesOf(pdf: Uint8Array): Promise<SnapshotDifferences> {
  return compareSnapshot(references, await snapshotOf(pdf));
}

const withBlocks = (mutate: BlocksMutation) => renderBriefPdf(brief, { ...inputs, templates: withMutatedBlocks(inputs.templates, mutate) });

describe('changes a reader would see fail the snapshots', () => {
  it('one line’s words in reverse order: the layout dump shows the changed words', async () => {
    const { layout, pages } = await differencesOf(await withBlocks(reverseFirstWords(4)));
    expect(layout.join('\n')).toMatch(/^page 1, line \d+: .+ → .+/m);
    expect(pages.length).toBeGreaterThan(0);
  });

  it('a paragraph laid out left to right with its text layer intact: the page image differs', async () => {
    const { pages } = await differencesOf(await withBlocks(layOutLeftToRight));
    // The dump marks the run too (⟪…⟫), where pdf.js sees the words advance to the right.
    expect(pages.map((d) => d.page)).toContain(1);
  });

  it('one glyph drawn as .notdef: the dump counts the box (and the letter lost), the page image shows it', async () => {
    const pdf = await withBlocks(replaceLetterWithUncovered);
    expect(notdefGlyphs(pdf)).toHaveLength(1);
    const { layout, pages } = await differencesOf(pdf);
    expect(layout).toContain('page 1 (595×842 pt) → page 1 (595×842 pt, 1 missing-glyph box)');
    expect(layout.join('\n')).toMatch(/^page 1, line \d+: /m);
    expect(pages.map((d) => d.page)).toContain(1);
  });

  it('two table columns swapped: lines move sideways in the dump and the table looks different', async () => {
    const { layout, pages } = await differencesOf(await withBlocks(swapFirstTableColumns));
    expect(layout.length).toBeGreaterThan(0);
    expect(pages.map((d) => d.page)).toContain(1);
  });

  it('one figure changed in the data: the dump says 800 → 801', async () => {
    const dataset = withFigureValue(inputs.dataset, 'fig_us_troops_embassy_2014', 801);
    const { layout, pages } = await differencesOf(await renderBriefPdf(brief, { ...inputs, dataset }));
    expect(layout.join('\n')).toMatch(/line \d+: 800 → 801/);
    expect(pages.length).toBeGreaterThan(0);
  });

  it('a paragraph pushed to the next page: the dump reports its lines moved from page 1 to page 2', async () => {
    const { layout, pages } = await differencesOf(await withBlocks(breakPageBefore));
    // One page more than the reference has (its length follows the content, not this test).
    const pageCount = references.pages.length;
    expect(layout).toContain(`${pageCount} pages → ${pageCount + 1} pages`);
    expect(layout.join('\n')).toMatch(/^page 1, lines \d+–\d+ → page 2, lines \d+–\d+/m);
    expect(pages.map((d) => d.page)).toContain(2);
  });

  it('Arabic-Indic digits instead of Western ones: every number changes in the dump', async () => {
    const { layout, pages } = await differencesOf(await renderBriefPdf(brief, { ...inputs, digits: 'arab' }));
    // Western digits on the left of an arrow, Arabic-Indic ones on the right (e.g. "800 → ٨٠٠").
    expect(layout.join('\n')).toMatch(/[0-9][^→]* → [^→]*[٠-٩]/);
    expect(pages.length).toBeGreaterThan(0);
  });
});

describe('changes no reader can see pass the snapshots', () => {
  const none: SnapshotDifferences = { layout: [], pages: [] };

  it('the brief as built, read from disk, with the previous manifest formatted differently', async () => {
    const outDir = await scratchDir('snapshots');
    const options = { dataDir: defaultDataDir, outDir, briefs: [brief] as const, digits: 'latn' as const };
    await buildBriefs({ ...options, briefs: [...options.briefs] });
    const manifestFile = path.join(outDir, 'manifest.json');
    await writeFile(manifestFile, JSON.stringify(JSON.parse(await readFile(manifestFile, 'utf8')), null, '\t'));
    await buildBriefs({ ...options, briefs: [...options.briefs] });
    const differences = await differencesOf(await readFile(path.join(outDir, 'troops.pdf')));
    expect(differences).toEqual(none);
  });

  it('the data files reformatted (comments dropped, other quoting and indentation)', async () => {
    const dataDir = await scratchDir('data');
    await cp(defaultDataDir, dataDir, { recursive: true });
    for (const name of (await readdir(dataDir)).filter((n) => n.endsWith('.yaml'))) {
      const file = path.join(dataDir, name);
      const doc = parseDocument(await readFile(file, 'utf8'));
      doc.commentBefore = null;
      await writeFile(file, doc.toString({ indent: 4, defaultStringType: 'QUOTE_DOUBLE', lineWidth: 0 }));
    }
    const dataset = await loadValidDataset(dataDir);
    const differences = await differencesOf(await renderBriefPdf(brief, { ...inputs, dataset }));
    expect(differences).toEqual(none);
  });

  it('the PDF rewritten by another writer (objects renumbered, streams uncompressed)', async () => {
    const pdf = await renderBriefPdf(brief, inputs);
    const doc = mupdf.Document.openDocument(pdf, 'application/pdf') as mupdf.PDFDocument;
    const rewritten = doc.saveToBuffer('decompress,garbage=compact').asUint8Array().slice();
    doc.destroy();
    expect(Buffer.from(rewritten).equals(Buffer.from(pdf))).toBe(false);
    expect(await differencesOf(rewritten)).toEqual(none);
  });
});

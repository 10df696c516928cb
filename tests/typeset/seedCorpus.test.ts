/**
 * The whole seed corpus (five articles, one paragraph per line) typeset as plain text and read back:
 * every paragraph's words, numbers and Latin words in source order, with no .notdef glyph.
 * Skipped when ../shared/seeds is not beside the repository.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { typesetPlainText } from '../../src/typeset/index.js';
import { paragraphsInOrder, pdfjsPages, pdftotextPages } from '../support/pdfText.js';
import { notdefGlyphs } from '../support/pdfGlyphs.js';
import { bodyText, haveSeeds, seedParagraphs } from './support.js';

describe.skipIf(!haveSeeds)('seed corpus read back', () => {
  let paragraphs: string[] = [];
  let bytes: Uint8Array;
  let pages = 0;
  let ms = 0;
  beforeAll(async () => {
    paragraphs = seedParagraphs().flatMap((s) => s.paragraphs);
    const started = performance.now();
    const result = await typesetPlainText(paragraphs.join('\n'), { digits: 'latn' });
    ms = performance.now() - started;
    bytes = result.bytes;
    pages = result.pages;
  });

  it('has all the paragraphs (145 non-empty lines, 134 of them longer than three words)', () => {
    expect(paragraphs.length).toBe(145);
    expect(paragraphs.filter((p) => p.split(/\s+/).length > 3).length).toBe(134);
    expect(pages).toBeGreaterThan(5);
    console.log(`seed corpus: ${paragraphs.length} paragraphs, ${pages} pages, ${Math.round(ms)} ms`);
  });

  it('draws no .notdef glyph', () => {
    expect(notdefGlyphs(bytes)).toEqual([]);
  });

  it('reads back in order with pdftotext', () => {
    const text = bodyText(pdftotextPages(bytes));
    const { inOrder, failures } = paragraphsInOrder(paragraphs, text);
    const long = paragraphsInOrder(paragraphs.filter((p) => p.split(/\s+/).length > 3), text);
    console.log(`pdftotext: ${inOrder}/${paragraphs.length} paragraphs in order (${long.inOrder}/134 of those over three words)`);
    console.log(failures.slice(0, 3).join('\n'));
    expect(inOrder).toBeGreaterThanOrEqual(PDFTOTEXT_MIN);
  });

  it('reads back in order with pdf.js', async () => {
    const text = bodyText(await pdfjsPages(bytes));
    const { inOrder, failures } = paragraphsInOrder(paragraphs, text);
    const long = paragraphsInOrder(paragraphs.filter((p) => p.split(/\s+/).length > 3), text);
    console.log(`pdf.js: ${inOrder}/${paragraphs.length} paragraphs in order (${long.inOrder}/134 of those over three words)`);
    console.log(failures.slice(0, 3).join('\n'));
    expect(inOrder).toBeGreaterThanOrEqual(PDFJS_MIN);
  });
});

/**
 * Measured (regression floor, not a goal). Remaining failures, by class:
 * - pdf.js (28): a word that ends with a mark (tanween "تدريجياً", shadda "أنّ") draws that mark
 *   first; pdf.js appends a zero-width mark to the open text item (the previous word's) without a
 *   position check, so the mark lands on the neighbouring word (see tests/typeset/readback.test.ts);
 * - pdftotext (18): poppler ends a word where two consecutive glyphs start less than 0.1 em apart
 *   (its duplicate-text test): Amiri's narrow medial forms (ج/ح before ي/ب, 0.055 em) split
 *   "تدر يجياً", "و بحارة"; a leading mark within 0.1 em of its base ("أنّ"); a stacked vowel.
 * Numeric ranges read in order since they are laid out as left-to-right units (126 → 127).
 */
const PDFTOTEXT_MIN = 127;
const PDFJS_MIN = 117;

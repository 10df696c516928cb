/**
 * Lines break between words only, never before "،" "." ":" "؛" or a closing bracket, and an
 * over-long word is kept whole (it overflows rather than being cut) without crashing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { typesetPlainText } from '../../src/typeset/index.js';
import { drawnGlyphs } from '../support/pdfGlyphs.js';
import { pdftotextPages, tokens } from '../support/pdfText.js';
import { createRequire } from 'node:module';
import { paragraphPieces } from '../../src/typeset/paragraphRuns.js';

// Spaces before punctuation (as careless sources write) create break opportunities we must refuse.
const unit = 'قال المسؤول ، في بيان : إن القوات ؛ وفق الاتفاق ) المعلن ( ستبقى . ثم أضاف » نعم « وانتهى';
const punctuated = Array.from({ length: 12 }, () => unit).join(' ');
const longWord = 'والمستشفيات'.repeat(9);

describe('line breaking', () => {
  let lines: string[];
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = (await typesetPlainText([punctuated, `كلمة ${longWord} بعدها`].join('\n'), { digits: 'latn' })).bytes;
    lines = pdftotextPages(bytes)
      .join('\n')
      .split('\n')
      .map((l) => l.replace(/[\u202A-\u202E]/g, '').trim())
      .filter((l) => l.length > 0 && !l.startsWith('صفحة'));
  });

  it('wraps the long paragraph over several lines', () => {
    expect(lines.length).toBeGreaterThan(5);
  });

  it('never starts a line with "،" "." ":" "؛" or a closing bracket', () => {
    // pdftotext writes brackets as drawn (mirrored): a closing ")" of the source reads "(".
    for (const line of lines) expect(line).not.toMatch(/^[،.:؛(\]«]/u);
  });

  it('keeps every word whole', () => {
    expect(tokens(lines.join(' '))).toEqual(tokens(punctuated + ` كلمة ${longWord} بعدها`));
  });

  it('keeps an over-long word on one line, in one piece', () => {
    const rows = new Set(drawnGlyphs(bytes).filter((g) => g.unicode === 'ف').map((g) => Math.round(g.y)));
    // every "ف" of the nine repetitions lies on the same baseline as the others
    const counts = [...rows].map((y) => drawnGlyphs(bytes).filter((g) => g.unicode === 'ف' && Math.round(g.y) === y).length);
    expect(Math.max(...counts)).toBeGreaterThanOrEqual(9);
  });

  it('sets a word longer than the line smaller instead of cutting it or running off the page', async () => {
    const huge = 'والمستشفيات'.repeat(16);
    const result = await typesetPlainText(`كلمة ${huge} بعدها`, { digits: 'latn' });
    const glyphs = drawnGlyphs(result.bytes).filter((g) => g.unicode === 'ف' && g.y > 100); // not the footer's "صفحة"
    expect(glyphs.length).toBe(16);
    expect(new Set(glyphs.map((g) => Math.round(g.y))).size).toBe(1);
    for (const g of drawnGlyphs(result.bytes)) {
      expect(g.x).toBeGreaterThanOrEqual(57);
      expect(g.x).toBeLessThanOrEqual(595.28 - 57);
    }
  });

  it('lets a line end before an opening quotation mark or bracket (pdfmake reads the brackets as written)', () => {
    const TextBreaker = createRequire(import.meta.url)('pdfmake/js/TextBreaker').default as new () => {
      getBreaks(texts: unknown[], stack: unknown): { text: string; noNewLine?: boolean }[];
    };
    for (const text of ['قال «نعم» ثم', 'قال (نعم) ثم']) {
      const breaks = new TextBreaker().getBreaks(paragraphPieces([{ text }], 'latn'), undefined);
      expect(breaks[0]!.text).toBe('قال ');
      expect(breaks[0]!.noNewLine).toBeFalsy();
    }
  });
});

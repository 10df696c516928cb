/**
 * Lines break between words only, never before "،" "." ":" "؛" or a closing bracket, and an
 * over-long word is kept whole (it overflows rather than being cut) without crashing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { typesetPlainText } from '../../src/typeset/index.js';
import { drawnGlyphs } from '../support/pdfGlyphs.js';
import { pdftotextPages, tokens } from '../support/pdfText.js';
import { paragraphPieces } from '../../src/typeset/paragraphPieces.js';
import { breakLines, type BreakablePiece } from '../../src/typeset/lineBreaking.js';
import { setParagraph, type SetLine } from '../../src/typeset/paragraphLayout.js';

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

  it('lets a line end before an opening quotation mark or bracket (brackets are read as written)', () => {
    for (const text of ['قال «نعم» ثم', 'قال (نعم) ثم']) {
      const pieces = paragraphPieces([{ text }], 'latn');
      expect(pieces[0]!.text).toBe('قال ');
      expect(pieces[0]!.noNewLine).toBeFalsy();
    }
  });
});

/** Fake pieces: width includes the trailing space, as measured. */
const piece = (width: number, space = 0, noNewLine = false): BreakablePiece => ({ width: width + space, trailingCut: space, leadingCut: 0, noNewLine });

describe('breakLines', () => {
  it('fills each line while the next word fits, its trailing space free at the line end', () => {
    // 30+4, 30+4, 30+4, 30: the third word fits exactly in 98 once its space is dropped
    expect(breakLines([piece(30, 4), piece(30, 4), piece(30, 4), piece(30)], 98)).toEqual([[0, 3], [3, 4]]);
    expect(breakLines([piece(30, 4), piece(30, 4), piece(30, 4), piece(30)], 97)).toEqual([[0, 2], [2, 4]]);
  });

  it('moves a glued chain (a word and the punctuation after it) to the next line as a whole', () => {
    // "word" + "،": the comma must not start a line, so "word" does not fit either
    expect(breakLines([piece(50, 4), piece(30, 0, true), piece(5, 4), piece(20)], 80)).toEqual([[0, 1], [1, 4]]);
  });

  it('gives a piece wider than a line a line of its own, never cutting it', () => {
    expect(breakLines([piece(20, 4), piece(500, 4), piece(20)], 100)).toEqual([[0, 1], [1, 2], [2, 3]]);
  });

  it('breaks nothing', () => {
    expect(breakLines([], 100)).toEqual([]);
  });
});

describe('setParagraph', () => {
  const text = 'أعلن التحالف الدولي في 23\u00A0أغسطس/آب 2021 أن عدد الغارات بلغ 1257 غارة (وفق بيانات القيادة المركزية الأميركية CENTCOM) في العراق وسورية.';
  const lines = setParagraph([{ text }], 120, { fontSize: 11.5, alignment: 'justify', digits: 'latn' });
  const width = (line: SetLine) => line.runs.reduce((sum, run, i) => sum + run.width + (i < line.runs.length - 1 ? run.spaceAfter : 0), 0);

  it('breaks for the width given, every line within it, only the last one marked last', () => {
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) {
      expect(line.width).toBe(120);
      expect(width(line)).toBeLessThanOrEqual(120 + 1e-6);
    }
    expect(lines.map((line) => line.lastLine)).toEqual(lines.map((_, i) => i === lines.length - 1));
  });

  it('draws every character once, in reading order across the lines, with no separator spaces drawn', () => {
    const drawn = lines.flatMap((line) => line.runs.map((run) => run.text + (run.spaceAfter > 0 ? ' ' : ''))).join('');
    expect(drawn.trim()).toBe(text);
  });

  it('never separates a day from its month', () => {
    const lineOf = (s: string) => lines.findIndex((line) => line.runs.some((run) => run.text.includes(s)));
    expect(lineOf('23')).toBe(lineOf('أغسطس'));
  });

  it('shapes each run in the direction of its level', () => {
    for (const run of lines.flatMap((line) => line.runs)) expect(run.direction).toBe(run.level % 2 === 1 ? 'rtl' : 'ltr');
  });
});

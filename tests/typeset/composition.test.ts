import { describe, expect, it } from 'vitest';
import { lineBreaksBefore, tieLastWords } from '../../src/typeset/composition.js';

const words = (...texts: string[]) => texts.map((text, i) => ({ text: i < texts.length - 1 ? `${text} ` : text, noNewLine: false }));

describe('tieLastWords: a paragraph never ends in a line of one word', () => {
  it('forbids the line break between the last two words, and only there', () => {
    const pieces = tieLastWords(words('لا', 'يشرح', 'أي', 'مصدر', 'طريقة', 'عدّه.'));
    expect(pieces.map((p) => p.noNewLine)).toEqual([false, false, false, false, true, false]);
  });

  it('treats a word made of several pieces (glued with noNewLine) as one word', () => {
    const pieces = [...words('بحسب', 'الاستخبارات', 'في', 'بغداد', ''), { text: 'العراقية', noNewLine: true }, { text: ')', noNewLine: false }];
    pieces.splice(4, 1); // words() leaves the last word without its space: drop the empty one
    tieLastWords(pieces);
    expect(pieces.map((p) => p.noNewLine)).toEqual([false, false, false, true, true, false]);
  });

  it('does not count a dash standing alone or raised citation numbers as words', () => {
    const pieces = [
      ...words('كانت', 'الحرب', 'طويلة', 'جدًّا.', ''),
      { text: '— ', noNewLine: false },
      { text: 'العراق', noNewLine: true },
      { text: '٢، ', noNewLine: false, sup: true },
      { text: '٣', noNewLine: false, sup: true },
    ];
    pieces.splice(4, 1);
    tieLastWords(pieces);
    // «جدًّا.» and «العراق» are the last two words: the dash and the citations ride with them.
    expect(pieces.map((p) => p.noNewLine)).toEqual([false, false, false, true, true, true, true, false]);
  });

  it('leaves short paragraphs and over-long last words as they are', () => {
    expect(tieLastWords(words('سطر', 'وحيد.')).map((p) => p.noNewLine)).toEqual([false, false]);
    const long = tieLastWords(words('كلمة', 'كلمة', 'كلمة', 'الاستخباراتالعراقية', 'والأمريكيةالمشتركة'));
    expect(long.every((p) => p.noNewLine === false)).toBe(true);
  });
});

describe('lineBreaksBefore: a paragraph split across pages keeps two lines on each side', () => {
  const line = 17.6;
  const at = (index: number, count: number, linesLeft: number, onPage = index) =>
    lineBreaksBefore({ index, count, onPage, height: line, available: linesLeft * line + 3 });

  it('moves a first line that would stand alone at the foot (an orphan), with the paragraph', () => {
    expect(at(0, 6, 1)).toBe(true);
    expect(at(0, 6, 2)).toBe(false);
  });

  it('moves a paragraph of two or three lines whole, since any split leaves one line alone', () => {
    expect(at(0, 3, 2)).toBe(true);
    expect(at(0, 3, 3)).toBe(false);
    expect(at(0, 2, 1)).toBe(true);
  });

  it('takes the last-but-one line over with the last (no widow), when two stay behind', () => {
    expect(at(4, 6, 1)).toBe(true);
    expect(at(4, 6, 2)).toBe(false);
    // Only one line of the paragraph on this page: moving would leave it alone, so the widow stays.
    expect(at(4, 6, 1, 1)).toBe(false);
    // Other lines go where they fall.
    expect(at(2, 6, 1)).toBe(false);
  });

  it('never moves a line at the top of a page or one that does not fit anyway', () => {
    expect(lineBreaksBefore({ index: 0, count: 6, onPage: 0, height: line, available: line / 2 })).toBe(false);
    expect(lineBreaksBefore({ index: 0, count: 1, onPage: 0, height: line, available: line })).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { tieLastWords } from '../../src/typeset/composition.js';

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

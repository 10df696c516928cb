import { describe, expect, it } from 'vitest';
import { paragraphPieces } from '../../src/typeset/paragraphPieces.js';

const summary = (pieces: ReturnType<typeof paragraphPieces>) =>
  pieces.map((p) => `${p.font}:${p._bidi.level}:${p.text}${p.noNewLine ? '+' : ''}`);

describe('paragraphPieces', () => {
  it('splits words into single-font, single-level pieces, spaces kept after the word', () => {
    expect(summary(paragraphPieces([{ text: 'في 10 سبتمبر' }], 'latn'))).toEqual([
      'AmiriArabic:1:في ',
      'AmiriLatin:2:10 ',
      'AmiriArabic:1:سبتمبر',
    ]);
  });
  it('keeps a word with several fonts together; its brackets go to the mirrored-bracket font', () => {
    // Mirrored brackets come from the font whose text layer maps them back to what was written.
    const pieces = paragraphPieces([{ text: 'القوات (SOFA) قبل' }], 'latn');
    expect(summary(pieces)).toEqual([
      'AmiriArabic:1:القوات ',
      'AmiriMirrored:1:(+',
      'AmiriLatin:2:SOFA+',
      'AmiriMirrored:1:) ',
      'AmiriArabic:1:قبل',
    ]);
    // Pieces hold the brackets as written, without the word separators; shaped right to left at
    // their odd level, they are drawn mirrored (see shaping.test.ts).
    expect(pieces.map((p) => p._bidi.text)).toEqual(['القوات', '(', 'SOFA', ')', 'قبل']);
  });
  it('lets a line break before an opening bracket, as written (not as drawn)', () => {
    // A mirrored "(" drawn as ")" must not read as a closing bracket, which nothing may precede at a
    // line start.
    const pieces = paragraphPieces([{ text: 'الدنبوس (23 أغسطس)' }], 'latn');
    expect(pieces[0]!.text).toBe('الدنبوس ');
    expect(pieces[0]!.noNewLine).toBeFalsy();
  });
  it('glues punctuation that must not start a line to the word before it', () => {
    const pieces = paragraphPieces([{ text: 'كلمة ، وأخرى : ثم ) نهاية' }], 'latn');
    expect(summary(pieces)).toEqual([
      'AmiriArabic:1:كلمة +',
      'AmiriArabic:1:، ',
      'AmiriArabic:1:وأخرى +',
      'AmiriLatin:1:: ',
      'AmiriArabic:1:ثم +',
      'AmiriMirrored:1:) ',
      'AmiriArabic:1:نهاية',
    ]);
  });
  it('isolates ltr runs and styles cite and muted runs', () => {
    const pieces = paragraphPieces([{ text: 'بين ' }, { text: '35–50', ltr: true }, { text: '3', cite: true }, { text: ' تقريبا', muted: true }], 'arab');
    // The range stays left to right (even levels) with Arabic-Indic digits, which the algorithm
    // would otherwise treat as Arabic numbers. Text stays in reading order: the level alone says
    // in which direction a piece is shaped.
    expect(summary(pieces)).toEqual([
      'AmiriArabic:1:بين ',
      'AmiriArabic:4:٣٥+',
      'AmiriLatin:4:–+',
      'AmiriArabic:4:٥٠+',
      'AmiriArabic:2:٣ ',
      'AmiriArabic:1:تقريبا',
    ]);
    expect(pieces.find((p) => p.sup)?.text.trim()).toBe('٣');
    expect(pieces.at(-1)?.color).toBe('#5f5f5f');
  });
  it('keeps a range left to right and on one line, its space kept', () => {
    expect(summary(paragraphPieces([{ text: 'الفترة (2016- 2017) شن' }], 'latn'))).toEqual([
      'AmiriArabic:1:الفترة ',
      'AmiriMirrored:1:(+',
      'AmiriLatin:2:2016- +',
      'AmiriLatin:2:2017+',
      'AmiriMirrored:1:) ',
      'AmiriArabic:1:شن',
    ]);
  });
  it('lays Arabic-Indic digits out as the Western digits would be ("Group ٢٠٢١" stays with the name)', () => {
    const levels = (digits: 'latn' | 'arab') => paragraphPieces([{ text: 'تقرير Monitoring Group 2021 أن' }], digits).map((p) => p._bidi.level);
    expect(levels('arab')).toEqual(levels('latn'));
    expect(levels('arab')).toEqual([1, 2, 2, 2, 1]);
  });
  it('never breaks at a no-break space: a date keeps its day with its month', () => {
    const pieces = paragraphPieces([{ text: 'في 23\u00A0أغسطس/آب 2021' }], 'latn');
    expect(summary(pieces)).toEqual([
      'AmiriArabic:1:في ',
      'AmiriLatin:2:23+',
      'AmiriLatin:1:\u00A0+',
      'AmiriArabic:1:أغسطس+',
      'AmiriLatin:1:/+',
      'AmiriArabic:1:آب ',
      'AmiriLatin:2:2021',
    ]);
    // pdfmake would trim it as if a line could end there, and measure the date one space short.
    const noBreakSpace = pieces.find((p) => p.text === '\u00A0')!;
    expect(noBreakSpace.preserveLeadingSpaces && noBreakSpace.preserveTrailingSpaces).toBe(true);
    expect(pieces.find((p) => p.text === 'آب ')!.preserveTrailingSpaces).toBeFalsy();
  });
  it('returns nothing for an empty paragraph', () => {
    expect(paragraphPieces([{ text: '   ' }], 'latn')).toEqual([]);
    expect(paragraphPieces([], 'latn')).toEqual([]);
  });
});

describe('citation markers', () => {
  it('stay on the line of the word they follow, even after a space', () => {
    const pieces = paragraphPieces([{ text: 'أكثر من مليون عنصر ' }, { text: '3', cite: true }], 'latn');
    expect(summary(pieces).slice(-2)).toEqual(['AmiriArabic:1:عنصر +', 'AmiriLatin:2:3']);
  });
});

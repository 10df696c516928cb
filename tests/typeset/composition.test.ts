import { describe, expect, it } from 'vitest';
import { Composition, KEEP_LINES, linesKeptTogether, needSpace, SECTION_ROOM, type Measures } from '../../src/typeset/composition.js';
import { tieLastWords } from '../../src/typeset/composition.js';
import type { Node } from '../../src/typeset/textNodes.js';

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

describe('linesKeptTogether: a paragraph split across pages keeps two lines on each side', () => {
  const groups = (count: number) => linesKeptTogether(count).map(({ from, to, unbreakable }) => `${from}-${to}${unbreakable ? '!' : ''}`);

  it('keeps its first two lines together (no orphan) and its last two (no widow); the lines between go where they fall', () => {
    expect(groups(7)).toEqual(['0-2!', '2-5', '5-7!']);
    expect(groups(4)).toEqual(['0-2!', '2-4!']);
  });

  it('keeps a paragraph of two or three lines whole, since any split leaves one line alone', () => {
    expect(groups(3)).toEqual(['0-3!']);
    expect(groups(2)).toEqual(['0-2!']);
    expect(groups(1)).toEqual(['0-1']);
  });
});

/** Lines 10 pt high at every size (bold 12): easy sums. */
const measures: Measures = { lineHeight: (_font, bold) => (bold ? 12 : 10), font: 'AmiriArabic', fontSize: 12, pageHeight: 700 };
const lines = (count: number, extra: Node = {}): Node => ({ text: Array.from({ length: count }, (_, i) => ({ text: i < count - 1 ? 'x\n' : 'x', _line: {} })), ...extra });

describe('Composition#paragraph: widows and orphans in the structure pdfmake lays out', () => {
  it('sets a long paragraph as a stack of its groups, the two outer ones unbreakable, each ending its last line', () => {
    const node = new Composition(measures).paragraph(lines(6, { margin: [0, 0, 0, 7], color: 'red', fontSize: 12 }));
    const stack = node.stack as Node[];
    expect(node.margin).toEqual([0, 0, 0, 7]);
    expect(stack.map((g) => [(g.text as Node[]).length, g.unbreakable === true, g.color, g.margin])).toEqual([
      [2, true, 'red', undefined],
      [2, false, 'red', undefined],
      [2, true, 'red', undefined],
    ]);
    expect(stack.map((g) => (g.text as Node[]).map((l) => l.text))).toEqual([['x\n', 'x'], ['x\n', 'x'], ['x\n', 'x']]);
  });

  it('makes a short paragraph one unbreakable node, and leaves a single line alone', () => {
    const composition = new Composition(measures);
    expect(composition.paragraph(lines(3)).unbreakable).toBe(true);
    expect(composition.paragraph(lines(1)).unbreakable).toBeUndefined();
  });
});

describe('Composition#flow: room reserved before a heading, for itself and what keeps with it', () => {
  const heading = () => lines(1, { bold: true, margin: [0, 8, 0, 3] });
  const isSpace = (n: Node) => n.unbreakable === true && Array.isArray(n.stack) && (n.stack as Node[])[0]!.canvas !== undefined;
  /** The reserving blocks, in order, also those set below a keeper's top margin (in a stack with it). */
  const reserved = (nodes: Node[]): Node[] => nodes.flatMap((n) => (isSpace(n) ? [n] : Array.isArray(n.stack) && n.unbreakable !== true ? reserved(n.stack as Node[]) : []));
  const height = (space: Node) => ((space.stack as Node[])[0]!.margin as number[])[1];

  it('is an unbreakable block as tall as the room, which gives its height back at once', () => {
    expect(needSpace(40)).toEqual({ unbreakable: true, stack: [{ canvas: [], margin: [0, 40, 0, 0] }], margin: [0, 0, 0, -40] });
  });

  it('reserves the heading and the first two lines of the paragraph after it', () => {
    const composition = new Composition(measures);
    const h = composition.keepWithNext(heading());
    const flowed = composition.flow([h, composition.paragraph(lines(6)), lines(3)]);
    // Below the heading's top margin (dropped at a page's top, as pdfmake drops a margin that does not
    // fit): the room for the heading (12 + its bottom margin 3) and the two lines (2 × 10).
    expect(flowed[0]!.margin).toEqual([0, 8, 0, 0]);
    expect(flowed[0]!.stack).toEqual([expect.objectContaining({ unbreakable: true }), h]);
    expect(h.margin).toEqual([0, 0, 0, 3]);
    expect(reserved(flowed).map(height)).toEqual([12 + 3 + KEEP_LINES * 10]);
  });

  it('counts a run of headings as one, and a title inside a box as the box’s own', () => {
    const composition = new Composition(measures);
    const title = lines(1, { bold: true });
    const box = composition.keepWithNext({ table: { body: [[{ stack: [title, lines(5)] }]] }, layout: { hLineWidth: () => 0, paddingTop: () => 7, paddingBottom: () => 3 }, margin: [0, 4, 0, 12] }, 'keeper', title);
    const flowed = composition.flow([composition.keepWithNext(heading()), box]);
    // The heading (15 below its top margin), then the box: its margin, the cell's top padding, its title and two lines, and
    // the bottom padding pdfmake keeps free below a row's lines at a page's foot.
    expect(reserved(flowed).map(height)).toEqual([15 + 4 + 7 + 12 + 20 + 3, 7 + 12 + 20 + 3]);
  });

  it('keeps a heading with a table’s header row and first row (kept together by pdfmake)', () => {
    const composition = new Composition(measures);
    const table = {
      table: { headerRows: 1, keepWithHeaderRows: 1, body: [[lines(1, { bold: true })], [lines(3)], [lines(2)]] },
      layout: { hLineWidth: () => 0.5, paddingTop: () => 3, paddingBottom: () => 3 },
      margin: [0, 2, 0, 10],
    };
    const flowed = composition.flow([composition.keepWithNext(heading()), table]);
    expect(reserved(flowed).map(height)).toEqual([15 + 2 + (0.5 + 3 + 12 + 3) + (0.5 + 3 + 30 + 3) + 0.5]);
  });

  it('asks a section start for SECTION_ROOM of the page as well, and reserves nothing where a page starts anyway', () => {
    const composition = new Composition(measures);
    const section = composition.keepWithNext(heading(), 'section');
    expect(reserved(composition.flow([section, lines(3)])).map(height)).toEqual([SECTION_ROOM * 700]);
    const forced = composition.keepWithNext({ ...heading(), pageBreak: 'before' }, 'section');
    expect(reserved(composition.flow([forced, lines(3)]))).toEqual([]);
  });

  it('does not undo a forced page break after a heading, and gives up on what no page holds', () => {
    const composition = new Composition(measures);
    const flowed = composition.flow([composition.keepWithNext(heading()), { ...lines(5), pageBreak: 'before' }]);
    expect(reserved(flowed).map(height)).toEqual([15]);
    const huge = composition.flow([composition.keepWithNext(heading()), { ...lines(80), unbreakable: true }]);
    expect(reserved(huge)).toEqual([]);
  });
});

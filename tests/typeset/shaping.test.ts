/**
 * Shaping. The engine shapes with HarfBuzz; what it draws is checked against an independent
 * OpenType implementation, fontkit (its own GSUB/GPOS code), on a fresh parse of the same TrueType
 * file: the glyphs drawn in the PDF for a set of words equal fontkit's, in visual order. Glyphs are
 * drawn as outlines, each a form XObject named after its face and glyph id (read with `mutool show`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { typesetPlainText } from '../../src/typeset/index.js';
import { fontFaces, ttfPath } from '../../src/fonts/fontFiles.js';
import { loadFonts } from '../../src/typeset/fontRegistry.js';
import { shapeRun } from '../../src/typeset/shaping.js';
import { drawnOutlines } from '../support/pdfGlyphs.js';

const fontkit = createRequire(import.meta.url)('fontkit') as {
  create(bytes: Buffer): { layout(text: string): { glyphs: { id: number }[] } };
};

const words = [
  'بيت', 'لا', 'لأن', 'السلام', 'الله', 'مستشفى', 'المقاتِلة', 'نفَس', 'التحالف', 'لـ',
  'الكردية', 'داعش', 'واشنطن', 'تدريجياً', 'وقّعت', 'ذكرى', 'البشمركة', 'مؤكدًا', 'سبتمبر/أيلول',
];

/** fontkit's glyphs for a word, visual order (fontkit reverses an Arabic run itself). */
function fontkitGlyphs(fontFile: Buffer, text: string): number[] {
  return fontkit.create(fontFile).layout(text).glyphs.map((g) => g.id);
}

describe('the drawn glyphs match an independent shaper (fontkit)', () => {
  const lines = new Map<string, number[][]>();
  let arabicTtf: Buffer;

  beforeAll(async () => {
    loadFonts(); // makes sure fonts/ holds the TrueType files
    const face = fontFaces().find((f) => f.script === 'arabic' && f.weight === 400)!;
    arabicTtf = readFileSync(ttfPath(face));
    const { bytes } = await typesetPlainText(words.join('\n'), { digits: 'latn' });
    const arabic = loadFonts().faces.indexOf(loadFonts().faceOf('AmiriArabic', false));
    // Group page-1 glyphs into lines (top to bottom; marks may sit off the baseline), each sorted left to right.
    const byLine = new Map<number, { x: number; candidates: number[] }[]>();
    const glyphs = drawnOutlines(bytes).filter((g) => g.page === 1 && g.face === arabic).sort((a, b) => b.y - a.y);
    let line = 0;
    glyphs.forEach((g, i) => {
      if (i > 0 && glyphs[i - 1]!.y - g.y > 8) line++; // lines are ~20 pt apart, marks within a few points
      byLine.set(line, [...(byLine.get(line) ?? []), { x: g.x, candidates: [g.gid] }]);
    });
    const ordered = [...byLine.entries()].sort((a, b) => a[0] - b[0]);
    words.forEach((word, i) => {
      const glyphs = ordered[i]?.[1].sort((a, b) => a.x - b.x) ?? [];
      lines.set(word, glyphs.map((g) => g.candidates));
    });
  });

  it.each(words.filter((w) => !w.includes('/')))('%s', (word) => {
    const expected = fontkitGlyphs(arabicTtf, word);
    const drawn = lines.get(word)!;
    expect(drawn.length).toBe(expected.length);
    expected.forEach((gid, i) => expect(drawn[i]).toContain(gid));
  });
});

describe('shapeRun', () => {
  const fonts = loadFonts();
  const arabic = fonts.faceOf('AmiriArabic', false);
  const mirrored = fonts.faceOf('AmiriMirrored', false);
  const latin = fonts.faceOf('AmiriLatin', false);
  const characters = (run: ReturnType<typeof shapeRun>) => run.glyphs.map((g) => String.fromCodePoint(...g.codePoints)).join('');

  it('returns a right-to-left run in visual order, its characters read from the right', () => {
    const run = shapeRun(arabic, 'داعش', 'rtl');
    expect([...characters(run)].reverse().join('')).toBe('داعش');
  });

  it('shapes digits in the direction asked, never reversing a left-to-right number', () => {
    expect(characters(shapeRun(latin, '2024', 'ltr'))).toBe('2024');
    expect(characters(shapeRun(arabic, '٢٠٢٤', 'ltr'))).toBe('٢٠٢٤');
  });

  it('draws a bracket at a right-to-left level with its mirror image, keeping the bracket written as its character', () => {
    const rtl = shapeRun(mirrored, '(', 'rtl');
    expect(rtl.glyphs.map((g) => g.id)).toEqual([mirrored.font.glyphForCodePoint(0x29).id]);
    expect(rtl.glyphs[0]!.codePoints).toEqual([0x28]);
    expect(shapeRun(latin, '(', 'ltr').glyphs.map((g) => g.id)).toEqual([latin.font.glyphForCodePoint(0x28).id]);
  });

  it('draws a vowel over a shadda where the font stacks it (raised above the shadda), as HarfBuzz places it', () => {
    const word = 'تضمَّن';
    const run = shapeRun(arabic, word, 'rtl');
    expect(run).toEqual(arabic.shaper.shape(word, 'rtl'));
    const shadda = run.glyphs.findIndex((g) => g.codePoints.includes(0x651));
    const fatha = run.glyphs.findIndex((g) => g.codePoints.includes(0x64e));
    // Two glyphs (Amiri has no ligature of the pair here), the fatha the higher of the two.
    expect(shadda).toBeGreaterThanOrEqual(0);
    expect(fatha).toBeGreaterThanOrEqual(0);
    expect(shadda).not.toBe(fatha);
    expect(run.positions[fatha]!.xAdvance).toBe(0);
    expect(run.positions[fatha]!.yOffset).toBeGreaterThan(run.positions[shadda]!.yOffset);
    // Every character has its glyph (HarfBuzz puts shadda before the vowel; the text layer writes the word as typed).
    const sorted = (codePoints: number[]) => [...codePoints].sort((a, b) => a - b);
    expect(sorted(run.glyphs.flatMap((g) => g.codePoints))).toEqual(sorted([...word].map((c) => c.codePointAt(0)!)));
  });

  it('leaves cursive vertical offsets to HarfBuzz ("محل")', () => {
    expect(shapeRun(arabic, 'محل', 'rtl')).toEqual(arabic.shaper.shape('محل', 'rtl'));
  });

  it('shapes a word once per face and direction', () => {
    expect(shapeRun(arabic, 'التحالف', 'rtl')).toBe(shapeRun(arabic, 'التحالف', 'rtl'));
  });
});

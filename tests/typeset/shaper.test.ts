/** HarfBuzz shaping behind fontkit's layout interface: glyphs, their characters, their advances. */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fontFaces, ttfPath } from '../../src/fonts/fontFiles.js';
import { fontkit } from '../../src/fonts/fontkit.js';
import { loadFonts } from '../../src/typeset/fontRegistry.js';
import { HarfBuzzShaper } from '../../src/typeset/shaper.js';

let shaper: HarfBuzzShaper;

beforeAll(() => {
  loadFonts(); // makes sure fonts/ holds the TrueType files
  const face = fontFaces().find((f) => f.script === 'arabic' && f.weight === 400)!;
  const bytes = readFileSync(ttfPath(face));
  shaper = new HarfBuzzShaper(bytes, fontkit.create(bytes));
});

describe('HarfBuzzShaper', () => {
  it.each(['التحالف', 'لا', 'الله', 'المقاتِلة', 'نفَس', 'لـ', 'الكردية', 'تدريجياً'])(
    'gives back every character of "%s" once, in reading order',
    (word) => {
      const run = shaper.shape(word);
      // Glyphs come in visual order (right-to-left runs reversed); their characters, read in reverse, spell the word.
      const characters = [...run.glyphs].reverse().flatMap((glyph) => glyph.codePoints);
      expect(String.fromCodePoint(...characters)).toBe(word);
    },
  );

  it('gives back a left-to-right run\'s characters in drawing order', () => {
    const run = shaper.shape('2024-10', 'ltr');
    expect(String.fromCodePoint(...run.glyphs.flatMap((glyph) => glyph.codePoints))).toBe('2024-10');
  });

  it('gives a ligature (lam-alef) both its characters, and a mark its own glyph\'s', () => {
    const run = shaper.shape('لا');
    expect(run.glyphs.filter((glyph) => glyph.codePoints.length > 0).map((glyph) => glyph.codePoints.length).reduce((a, b) => a + b, 0)).toBe(2);
    const marked = shaper.shape('نفَس');
    expect(marked.glyphs.some((glyph) => glyph.codePoints.length === 1 && glyph.codePoints[0] === 0x64e)).toBe(true);
  });

  it('gives an inserted connector glyph no character of its own', () => {
    const run = shaper.shape('الكردية');
    expect(run.glyphs.some((glyph) => glyph.codePoints.length === 0)).toBe(true);
  });

  it('measures a run as the sum of its advances', () => {
    const run = shaper.shape('داعش');
    expect(run.advanceWidth).toBe(run.positions.reduce((sum, p) => sum + p.xAdvance, 0));
    expect(run.advanceWidth).toBeGreaterThan(0);
  });

  it('keeps digits after an Arabic letter in the right-to-left run, as fontkit does', () => {
    const run = shaper.shape('ب2024');
    expect(run.glyphs.at(-1)!.codePoints).toEqual(['ب'.codePointAt(0)]);
  });
});

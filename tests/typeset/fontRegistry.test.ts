/** The embedded fonts as the engine uses them: parsed once, and shaped by HarfBuzz behind fontkit's layout(). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFonts } from '../../src/typeset/fontRegistry.js';
import { HarfBuzzShaper } from '../../src/typeset/shaper.js';

const registry = loadFonts();
const arabic = registry.faces.find((face) => face.family === 'AmiriArabic' && !face.bold)!;
const reference = new HarfBuzzShaper(readFileSync(arabic.path), arabic.font);

type Position = { xAdvance: number; xOffset?: number; yOffset?: number };
const placement = (run: { glyphs: { id: number }[]; positions: Position[] }) =>
  run.glyphs.map((glyph, i) => [glyph.id, run.positions[i]!.xAdvance, run.positions[i]!.xOffset, run.positions[i]!.yOffset]);

describe('font registry', () => {
  it('parses each font file once per process', () => {
    expect(loadFonts()).toBe(registry);
    expect(registry.fontOf('AmiriArabic', false)).toBe(arabic.font);
  });

  it.each(['التحالف', 'محل', 'كثيراً', 'برنامج'])('lays "%s" out exactly as HarfBuzz does, cursive vertical offsets included', (word) => {
    expect(placement(arabic.font.layout(word))).toEqual(placement(reference.shape(word)));
  });

  it('keeps a vowel stacked on a shadda level with it (fontkit placement), so extractors read the word whole', () => {
    const word = 'تضمَّن';
    const shaped = reference.shape(word);
    expect(shaped.positions.some((p) => p.xAdvance === 0 && p.yOffset !== 0)).toBe(true); // HarfBuzz raises the vowel
    const laidOut = arabic.font.layout(word);
    expect(laidOut.positions.every((p: Position) => p.yOffset === 0)).toBe(true);
    const characters = [...laidOut.glyphs].reverse().flatMap((glyph) => glyph.codePoints);
    expect(String.fromCodePoint(...characters).normalize('NFC')).toBe(word.normalize('NFC'));
  });
});

/**
 * Shaping checked against an independent shaper: the glyphs drawn in the PDF for a set of words
 * equal HarfBuzz's for the same TrueType file, in visual order. Drawn glyphs are read with MuPDF
 * and mapped from the embedded subset back to the original font by identical outline.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import * as hb from 'harfbuzzjs';
import { typesetPlainText } from '../../src/typeset/index.js';
import { fontFaces, ttfPath } from '../../src/fonts/fontFiles.js';
import { loadFonts } from '../../src/typeset/fontRegistry.js';
import { drawnGlyphs, embeddedFonts, subsetToOriginalGids } from '../support/pdfGlyphs.js';

const words = [
  'بيت', 'لا', 'لأن', 'السلام', 'الله', 'مستشفى', 'المقاتِلة', 'نفَس', 'التحالف', 'لـ',
  'الكردية', 'داعش', 'واشنطن', 'تدريجياً', 'وقّعت', 'ذكرى', 'البشمركة', 'مؤكدًا', 'سبتمبر/أيلول',
];

function harfbuzzGlyphs(fontFile: Buffer, text: string): number[] {
  const blob = new hb.Blob(new Uint8Array(fontFile));
  const face = new hb.Face(blob);
  const font = new hb.Font(face);
  const buffer = new hb.Buffer();
  buffer.addText(text);
  buffer.guessSegmentProperties();
  hb.shape(font, buffer);
  return buffer.getGlyphInfos().map((g: { codepoint: number }) => g.codepoint);
}

describe('shaping matches HarfBuzz', () => {
  const lines = new Map<string, number[][]>();
  let arabicTtf: Buffer;

  beforeAll(async () => {
    loadFonts(); // makes sure fonts/ holds the TrueType files
    const face = fontFaces().find((f) => f.script === 'arabic' && f.weight === 400)!;
    arabicTtf = readFileSync(ttfPath(face));
    const { bytes } = await typesetPlainText(words.join('\n'), { digits: 'latn' });
    const subsets = embeddedFonts(bytes);
    const maps = new Map([...subsets].map(([name, data]) => [name, subsetToOriginalGids(data, arabicTtf)]));
    // Group page-1 glyphs into lines (top to bottom), each sorted left to right.
    const byLine = new Map<number, { x: number; candidates: number[] }[]>();
    for (const g of drawnGlyphs(bytes).filter((g) => g.page === 1)) {
      const key = Math.round(g.y);
      const candidates = maps.get(g.font)?.get(g.gid) ?? [];
      byLine.set(key, [...(byLine.get(key) ?? []), { x: g.x, candidates }]);
    }
    const ordered = [...byLine.entries()].sort((a, b) => b[0] - a[0]);
    words.forEach((word, i) => {
      const glyphs = ordered[i]?.[1].sort((a, b) => a.x - b.x) ?? [];
      lines.set(word, glyphs.map((g) => g.candidates));
    });
  });

  it.each(words.filter((w) => !w.includes('/')))('%s', (word) => {
    const expected = harfbuzzGlyphs(arabicTtf, word);
    const drawn = lines.get(word)!;
    expect(drawn.length).toBe(expected.length);
    expected.forEach((gid, i) => expect(drawn[i]).toContain(gid));
  });
});

/**
 * The text writer draws placed runs into a surface: the only place text operators come from. A fake
 * surface and font record what it emits and what it declares for the text layer.
 */
import { describe, expect, it } from 'vitest';
import { MARK_NOMINAL_WIDTH } from '../../src/typeset/glyphRun.js';
import { ShapedRun } from '../../src/typeset/shaper.js';
import { writeRun, type PdfFont, type TextSurface } from '../../src/typeset/textWriter.js';

function fakeFont(): PdfFont & { included: number[] } {
  const included: number[] = [];
  return {
    included,
    include(glyphId) {
      let sid = included.indexOf(glyphId);
      if (sid < 0) sid = included.push(glyphId) - 1;
      return sid + 1; // subset id 0 is .notdef
    },
    widths: [],
    unicode: [],
    markWidths: new Map(),
    unitsPerEm: 1000,
    ascender: 800,
  };
}

function fakeSurface(): TextSurface & { ops: string[]; colors: string[] } {
  const ops: string[] = [];
  const colors: string[] = [];
  return { ops, colors, addContent: (o) => ops.push(o), useFont: () => 'F1', setFillColor: (c) => colors.push(c), pageHeight: 800 };
}

const glyph = (id: number, codePoints: number[], advanceWidth: number) => ({ id, codePoints, advanceWidth });
const at = (xAdvance: number, yOffset = 0, xOffset = 0) => ({ xAdvance, yAdvance: 0, xOffset, yOffset });

describe('writeRun', () => {
  it('draws the glyphs in one TJ at the run origin, baseline from the top of the text box', () => {
    const surface = fakeSurface();
    const font = fakeFont();
    // "لا" as Amiri draws it: two glyphs, visual order
    const run = new ShapedRun([glyph(40, [0x627], 250), glyph(41, [0x644], 300)], [at(250), at(300)]);
    writeRun(surface, { font, fontSize: 10, color: '#111111', x: 100, top: 50, glyphs: run });
    expect(surface.colors).toEqual(['#111111']);
    // y = 800 - 50 - 0.8 * 10
    expect(surface.ops).toEqual(['q', '1 0 0 -1 0 800 cm', 'BT', '1 0 0 1 100 742 Tm', '/F1 10 Tf', '[<00010002> 0] TJ', 'ET', 'Q']);
    expect(font.included).toEqual([40, 41]);
    expect(font.widths.slice(1)).toEqual([250, 300]);
    expect(font.unicode.slice(1)).toEqual([[0x627], [0x644]]);
  });

  it('gives a glyph the font inserted (no character) the text value ZERO WIDTH JOINER, never a tatweel', () => {
    const font = fakeFont();
    const run = new ShapedRun([glyph(7, [], 100), glyph(8, [0x643], 300)], [at(100), at(300)]);
    writeRun(fakeSurface(), { font, fontSize: 10, color: 'black', x: 0, top: 0, glyphs: run });
    expect(font.unicode[1]).toEqual([0x200d]);
  });

  it('declares a nominal width for a zero-advance mark and compensates it in the TJ, so nothing moves', () => {
    const surface = fakeSurface();
    const font = fakeFont();
    // a fatha drawn over the letter to its right: mark first, zero advance
    const run = new ShapedRun([glyph(9, [0x64e], 0), glyph(10, [0x628], 300)], [at(0, 0, 120), at(300)]);
    writeRun(surface, { font, fontSize: 10, color: 'black', x: 0, top: 0, glyphs: run });
    expect(font.widths[1]).toBe(MARK_NOMINAL_WIDTH);
    // the run starts at the mark (x offset 120 is the run's lead, applied by the line layout), and the
    // pen comes back by the declared width plus the offset so the letter lands where the shaper put it
    expect(surface.ops.find((o) => o.endsWith('TJ'))).toBe(`[<0001> ${MARK_NOMINAL_WIDTH + 120} <0002> 0] TJ`);
  });

  it('moves the text matrix only for a glyph raised or lowered off the baseline', () => {
    const surface = fakeSurface();
    const font = fakeFont();
    const run = new ShapedRun([glyph(1, [0x62d], 300), glyph(2, [0x645], 200)], [at(300, 50), at(200)]);
    writeRun(surface, { font, fontSize: 10, color: 'black', x: 10, top: 0, glyphs: run });
    const tm = surface.ops.filter((o) => o.endsWith('Tm'));
    expect(tm).toEqual(['1 0 0 1 10 792 Tm', '1 0 0 1 10 792.5 Tm', '1 0 0 1 13 792 Tm']);
  });

  it('draws nothing for an empty run', () => {
    const surface = fakeSurface();
    writeRun(surface, { font: fakeFont(), fontSize: 10, color: 'black', x: 0, top: 0, glyphs: new ShapedRun([], []) });
    expect(surface.ops).toEqual([]);
  });
});

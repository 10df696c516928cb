import { describe, expect, it } from 'vitest';
import { arrangeRun, runLead, MAX_INTRA_WORD_GAP, MARK_NOMINAL_WIDTH, OVERHANG_WIDTH_REDUCTION, SHADDA_NOMINAL_WIDTH, TANWEEN_NOMINAL_WIDTH, withMarkWidths, type GlyphPosition } from '../../src/typeset/glyphRun.js';

const pos = (xAdvance: number, xOffset = 0, advanceWidth = xAdvance): GlyphPosition => ({ xAdvance, xOffset, yOffset: 0, advanceWidth });

function drawn(positions: GlyphPosition[]): number[] {
  let pen = 0;
  return positions.map((p) => {
    const x = pen + p.xOffset;
    pen += p.xAdvance;
    return x;
  });
}

describe('arrangeRun', () => {
  it('keeps every glyph where the shaper put it, without any offset (no text-matrix moves)', () => {
    const input = [pos(400), pos(0, -150, 0), pos(300), pos(200, -40)];
    const [encoded, out] = arrangeRun(['a', 'b', 'c', 'd'], input);
    expect(encoded).toEqual(['a', 'b', 'c', 'd']);
    expect(drawn(out)).toEqual(drawn(input));
    expect(out.every((p) => p.xOffset === 0)).toBe(true);
    expect(out.reduce((s, p) => s + p.xAdvance, 0)).toBe(900);
  });
  it('draws a run that starts with an offset mark from that mark (the line layout shifts the run by runLead)', () => {
    const input = [pos(0, -209, 0), pos(229), pos(244)];
    const [, out] = arrangeRun(['a', 'b', 'c'], input);
    expect(runLead(input)).toBe(-209);
    expect(drawn(out).map((x) => x + runLead(input))).toEqual(drawn(input));
    expect(out.every((p) => p.xOffset === 0)).toBe(true);
  });
  it('narrows an intra-word gap wider than the extractors threshold, moving only the glyphs on its left', () => {
    // glyph 0 has advance 190 but the next glyph starts 122 units later (Amiri's "و" kerning)
    const input = [pos(190), pos(467, 122), pos(567)];
    const [, out] = arrangeRun(['a', 'b', 'c'], input);
    const x = drawn(out).map((v) => v + runLead(input));
    expect(x[1]! - (x[0]! + 190)).toBe(MAX_INTRA_WORD_GAP);
    expect(x.slice(1)).toEqual(drawn(input).slice(1));
    // the run still ends where the shaper ended it
    expect(runLead(input) + out.reduce((s, p) => s + p.xAdvance, 0)).toBe(190 + 467 + 567);
  });
});

describe('withMarkWidths', () => {
  it('gives zero-advance marks a nominal width, once per glyph id, leaving their drawn position', () => {
    const chosen = new Map<number, number>();
    const input = [pos(0, -209, 0), pos(229), pos(0, 10, 0), pos(300), pos(0, 40, 0), pos(250)];
    const codePoints = [[0x64b], [0x627], [0x651], [0x644], [0x64e], [0x644]];
    const out = withMarkWidths(['0007', '0008', '0009', '000a', '000b', '000c'], input, codePoints, chosen);
    expect(out.map((p) => p.advanceWidth)).toEqual([TANWEEN_NOMINAL_WIDTH, 229, SHADDA_NOMINAL_WIDTH, 300, MARK_NOMINAL_WIDTH, 250]);
    expect([...chosen]).toEqual([[7, TANWEEN_NOMINAL_WIDTH], [9, SHADDA_NOMINAL_WIDTH], [11, MARK_NOMINAL_WIDTH]]);
    expect(drawn(out)).toEqual(drawn(input));
  });
});

describe('overhung letters', () => {
  it('declare a narrower width when the next glyph tucks under them beyond 0.2 em, without moving anything', () => {
    const chosen = new Map<number, number>();
    // visual order: kaf (advance 573) then "ذ" drawn 0.293 em back under it
    const input = [pos(573, 0), pos(270, -293, 270)];
    const out = withMarkWidths(['0002', '0003'], input, [[0x643], [0x630]], chosen);
    expect(out[0]!.advanceWidth).toBe(573 - OVERHANG_WIDTH_REDUCTION);
    expect(out[0]!.fontAdvanceWidth).toBe(573);
    expect(drawn(out)).toEqual(drawn(input));
    // the same glyph elsewhere declares the same width (one width per glyph in a PDF font)
    expect(withMarkWidths(['0002'], [pos(573)], [[0x643]], chosen)[0]!.advanceWidth).toBe(573 - OVERHANG_WIDTH_REDUCTION);
  });
});

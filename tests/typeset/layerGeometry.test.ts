/**
 * Where a line's text layer sits (layerGeometry.ts): its size from the line spacing, so poppler keeps
 * the lines of a cell in one block, and its right end drawn in, so the cells beside it stay out of it.
 */
import { describe, expect, it } from 'vitest';
import { END_INSET, layerLine } from '../../src/typeset/layerGeometry.js';
import type { LayerLine } from '../../src/typeset/textLayer.js';

const line = (fontSize = 10.5): LayerLine => ({
  runs: [
    { text: 'مغادرة', rtl: true, left: 160, width: 40 },
    { text: '2011', rtl: false, left: 120, width: 20 },
    { text: 'آخر', rtl: true, left: 100, width: 15 },
  ],
  gaps: [
    { after: 0, left: 140, width: 20 },
    { after: 1, left: 115, width: 5 },
  ],
  fontSize,
  baselineY: 500,
});

describe('layerLine', () => {
  it('sets the layer so the line spacing is under 1.5 of its size (poppler joins such lines into one block)', () => {
    const spacing = 18.46; // Amiri at 10.5 pt: 1.76 font sizes from one baseline to the next
    const { fontSize } = layerLine(line(10.5), spacing);
    expect(spacing / fontSize).toBeLessThan(1.5);
    expect(spacing / fontSize).toBeGreaterThan(1.45);
  });

  it('never sets it smaller than the drawn size, nor more than 1.3 times it', () => {
    expect(layerLine(line(12), 14).fontSize).toBe(12);
    expect(layerLine(line(10), 30).fontSize).toBe(10);
  });

  it('ends the box of the line’s right-most run 0.2 em short, and moves no other box', () => {
    const before = line();
    const after = layerLine(before, 18.46);
    expect(after.runs[0]!.left).toBe(before.runs[0]!.left);
    expect(before.runs[0]!.width - after.runs[0]!.width).toBeCloseTo(END_INSET * after.fontSize, 6);
    expect(after.runs.slice(1)).toEqual(before.runs.slice(1));
    expect(after.gaps).toEqual(before.gaps);
    expect(after.baselineY).toBe(before.baselineY);
  });

  it('gives up at most half of a short run (a number, a bracket) at the end', () => {
    const short: LayerLine = { ...line(), runs: [{ text: '(', rtl: true, left: 50, width: 3 }, { text: '2011', rtl: false, left: 30, width: 18 }], gaps: [] };
    const after = layerLine(short, 18.46);
    expect(after.runs[0]!.width).toBeCloseTo(1.5, 6);
    expect(after.runs[1]).toEqual(short.runs[1]);
  });
});

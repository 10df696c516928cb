/**
 * lineLayout: one broken line of runs (logical order, with bidi levels) → where each run is drawn.
 * Fake lines, as pdfmake's own test of applyBidiToLine does: widths in points, no fonts.
 */
import { describe, expect, it } from 'vitest';
import { layoutLine, type LineRun } from '../../src/typeset/lineLayout.js';

const run = (level: number, width: number, spaceAfter = 0, spaceLevel = 1, lead = 0): LineRun => ({ level, width, spaceAfter, spaceLevel, lead });

describe('layoutLine', () => {
  it('sets an all right-to-left line from the right edge, first word rightmost', () => {
    const { x, scale } = layoutLine({ runs: [run(1, 30, 4), run(1, 20, 4), run(1, 10)], availableWidth: 100, alignment: 'right', lastLine: true });
    expect(scale).toBe(1);
    // 30 + 4 + 20 + 4 + 10 = 68 wide, flush right: the line starts at 32
    expect(x).toEqual([70, 46, 32]);
  });

  it('keeps a number left to right between Arabic words, its spaces on the paragraph side ("في 10 سبتمبر")', () => {
    // levels: في (1), 10 (2), سبتمبر (1); both spaces at the paragraph level 1
    const { x } = layoutLine({ runs: [run(1, 10, 3), run(2, 12, 3), run(1, 40)], availableWidth: 68, alignment: 'right', lastLine: true });
    // visual, left to right: سبتمبر, space, 10, space, في
    expect(x).toEqual([58, 43, 0]);
  });

  it('reverses a left-to-right phrase as a whole, not word by word (UBA L2)', () => {
    // "قال Monitoring Group" : the Latin words at level 2, the space between them at level 2 too
    const { x } = layoutLine({ runs: [run(1, 10, 2), run(2, 30, 2, 2), run(2, 20)], availableWidth: 64, alignment: 'right', lastLine: true });
    expect(x).toEqual([54, 0, 32]);
  });

  it('drops the line-final space (rule L1) when aligning', () => {
    const { x } = layoutLine({ runs: [run(1, 30, 4), run(1, 20, 4)], availableWidth: 100, alignment: 'right', lastLine: true });
    expect(x[1]).toBe(46); // not 42: the space after the last run takes no room
  });

  it('justifies by widening the gaps between words only, and sets the last line flush right', () => {
    const runs = [run(1, 30, 4), run(1, 20, 4), run(1, 10)];
    const justified = layoutLine({ runs, availableWidth: 100, alignment: 'justify', lastLine: false });
    expect(justified.x).toEqual([70, 70 - 4 - 16 - 20, 0]); // 32 spare points over two gaps
    const last = layoutLine({ runs, availableWidth: 100, alignment: 'justify', lastLine: true });
    expect(last.x).toEqual([70, 46, 32]);
  });

  it('centres and left-aligns on request', () => {
    const runs = [run(1, 30, 4), run(1, 10)];
    expect(layoutLine({ runs, availableWidth: 100, alignment: 'center', lastLine: true }).x).toEqual([28 + 10 + 4, 28]);
    expect(layoutLine({ runs, availableWidth: 100, alignment: 'left', lastLine: true }).x).toEqual([14, 0]);
  });

  it('moves a run by its lead (a first glyph drawn left of the run origin)', () => {
    const { x } = layoutLine({ runs: [run(1, 30, 0, 1, -2)], availableWidth: 30, alignment: 'right', lastLine: true });
    expect(x).toEqual([-2]);
  });

  it('sets a line that cannot fit (one word longer than the column) smaller until it fits', () => {
    const { x, scale } = layoutLine({ runs: [run(1, 150, 0, 1, -10)], availableWidth: 100, alignment: 'justify', lastLine: false });
    expect(scale).toBeCloseTo(2 / 3);
    expect(x[0]).toBeCloseTo(-10 * (2 / 3));
  });

  it('lays out an empty line as nothing', () => {
    expect(layoutLine({ runs: [], availableWidth: 100, alignment: 'right', lastLine: true })).toEqual({ x: [], left: [], gaps: [], scale: 1 });
  });

  it('reports each word space where it is drawn, justification included, for the text layer', () => {
    // "في 10 سبتمبر", justified into 80 points: the two gaps share 12 spare points
    const { gaps, left } = layoutLine({ runs: [run(1, 10, 3), run(2, 12, 3), run(1, 40)], availableWidth: 80, alignment: 'justify', lastLine: false });
    // visual: سبتمبر [0, 40], space [40, 49], 10 [49, 61], space [61, 70], في [70, 80]
    expect(left).toEqual([70, 49, 0]);
    expect(gaps).toEqual([{ after: 0, x: 61, width: 9 }, { after: 1, x: 40, width: 9 }]);
  });
});

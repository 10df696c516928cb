/**
 * The text writer draws a finished line: its glyphs as outlines (form XObjects where the shaper put
 * them), then its text layer. A fake surface records what it emits.
 */
import { describe, expect, it } from 'vitest';
import { ShapedRun } from '../../src/typeset/shaper.js';
import { planTextLayer } from '../../src/typeset/textLayer.js';
import { fakeLayerFont } from './support.js';
import { writeLine, writeRun, type PlacedRun, type TextSurface } from '../../src/typeset/textWriter.js';

function fakeSurface(): TextSurface & { ops: string[]; colors: string[]; used: number[] } {
  const ops: string[] = [];
  const colors: string[] = [];
  const used: number[] = [];
  return {
    ops, colors, used,
    addContent: (o) => ops.push(o),
    useFont: () => 'F1',
    useGlyph: (_font, gid) => { used.push(gid); return gid === 3 ? undefined : `G${gid}`; },
    setFillColor: (c) => colors.push(c),
    pageHeight: 800,
  };
}

const glyph = (id: number, codePoints: number[], advanceWidth: number) => ({ id, codePoints, advanceWidth });
const at = (xAdvance: number, yOffset = 0, xOffset = 0) => ({ xAdvance, yAdvance: 0, xOffset, yOffset });
const outlines = { drawGlyph: () => {} };
const placed = (glyphs: ShapedRun, x = 100): PlacedRun => ({ outlines, unitsPerEm: 1000, ascender: 800, fontSize: 10, color: '#111111', x, top: 50, glyphs });

describe('writeRun', () => {
  it('draws each glyph as its outline form, scaled to the size, from the run origin on the baseline', () => {
    const surface = fakeSurface();
    // "لا" as Amiri draws it: two glyphs, visual order
    writeRun(surface, placed(new ShapedRun([glyph(40, [0x627], 250), glyph(41, [0x644], 300)], [at(250), at(300)])));
    expect(surface.colors).toEqual(['#111111']);
    // on pdfkit's top-down page: baseline 50 + 0.8 * 10 down, font units y up; the second glyph 250 units to the right
    expect(surface.ops).toEqual(['q\n0.01 0 0 -0.01 100 58 cm\n/G40 Do\n1 0 0 1 250 0 cm\n/G41 Do\nQ']);
  });

  it('places a glyph raised off the baseline by its offset, and the next one back on the baseline', () => {
    const surface = fakeSurface();
    writeRun(surface, placed(new ShapedRun([glyph(1, [0x62d], 300), glyph(2, [0x645], 200)], [at(300, 50), at(200)]), 10));
    expect(surface.ops[0]).toBe('q\n0.01 0 0 -0.01 10 58 cm\n1 0 0 1 0 50 cm\n/G1 Do\n1 0 0 1 300 -50 cm\n/G2 Do\nQ');
  });

  it('draws nothing for a glyph without an outline (a space) or an empty run', () => {
    const surface = fakeSurface();
    writeRun(surface, placed(new ShapedRun([glyph(3, [0x20], 250)], [at(250)])));
    writeRun(surface, placed(new ShapedRun([], [])));
    expect(surface.ops).toEqual([]);
  });
});

describe('writeRun, a run drawn again', () => {
  it('asks for every glyph again, in order, and draws what it drew the first time, at its new place', () => {
    const run = new ShapedRun([glyph(40, [0x627], 250), glyph(3, [0x20], 200), glyph(41, [0x644], 300)], [at(250), at(200), at(300)]);
    const first = fakeSurface();
    writeRun(first, placed(run));
    const again = fakeSurface();
    writeRun(again, placed(run, 20));
    expect(again.used).toEqual([40, 3, 41]);
    expect(again.ops).toEqual([first.ops[0]!.replace(' 100 58 cm', ' 20 58 cm')]);
  });

  it('follows the surface when it names a glyph\'s form otherwise', () => {
    const run = new ShapedRun([glyph(40, [0x627], 250), glyph(41, [0x644], 300)], [at(250), at(300)]);
    writeRun(fakeSurface(), placed(run));
    const other = { ...fakeSurface(), ops: [] as string[] };
    other.addContent = (o) => other.ops.push(o);
    other.useGlyph = (_font, gid) => (gid === 41 ? undefined : `H${gid}`);
    writeRun(other, placed(run));
    expect(other.ops).toEqual(['q\n0.01 0 0 -0.01 100 58 cm\n/H40 Do\nQ']);
  });
});

describe('writeLine', () => {
  it('draws the glyphs, then the text layer as invisible text, each part balanced', () => {
    const surface = fakeSurface();
    const run = new ShapedRun([glyph(40, [0x627], 250), glyph(41, [0x644], 300)], [at(250), at(300)]);
    const layerFont = fakeLayerFont();
    writeLine(surface, {
      runs: [placed(run)],
      layerFont,
      layer: planTextLayer(layerFont, { runs: [{ text: 'لا', rtl: true, left: 100, width: 5.5 }], gaps: [], fontSize: 10, baselineY: 42 }),
    });
    const content = surface.ops.join('\n');
    expect(content.indexOf('Do')).toBeLessThan(content.indexOf('BT'));
    expect(content).toContain('3 Tr');
    for (const [open, close] of [['q', 'Q'], ['BT', 'ET']] as const) {
      const count = (op: string) => content.split(/\s+/).filter((t) => t === op).length;
      expect(count(open)).toBe(count(close));
    }
  });
});

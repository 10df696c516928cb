/**
 * Glyph outlines as PDF paths: read from the face HarfBuzz holds (the shaper draws them), the same
 * contours an independent TrueType reader (fontkit) finds, quadratic curves as their cubic equivalents.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fontFaces, ttfPath } from '../../src/fonts/fontFiles.js';
import { fontkit } from '../../src/fonts/fontkit.js';
import { loadFonts } from '../../src/typeset/fontRegistry.js';
import { outlineOf, type OutlineFont } from '../../src/typeset/glyphOutlines.js';
import { HarfBuzzShaper } from '../../src/typeset/shaper.js';

interface FontkitOutlines {
  numGlyphs: number;
  getGlyph(id: number): { path: { commands: { command: string; args: number[] }[] } };
}

/** fontkit's contours, replayed through the same pen: the outline another reader finds. */
function fontkitSource(font: FontkitOutlines): OutlineFont {
  return {
    drawGlyph(id, pen) {
      for (const { command, args } of font.getGlyph(id).path.commands) {
        const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = args;
        if (command === 'moveTo') pen.moveTo(a, b);
        else if (command === 'lineTo') pen.lineTo(a, b);
        else if (command === 'quadraticCurveTo') pen.quadraticCurveTo(a, b, c, d);
        else if (command === 'bezierCurveTo') pen.bezierCurveTo(a, b, c, d, e, f);
        else if (command === 'closePath') pen.closePath();
      }
    },
  };
}

let shaper: HarfBuzzShaper;
let other: FontkitOutlines;

beforeAll(() => {
  loadFonts(); // makes sure fonts/ holds the TrueType files
  const face = fontFaces().find((f) => f.script === 'arabic' && f.weight === 400)!;
  const bytes = readFileSync(ttfPath(face));
  const font = fontkit.create(bytes);
  shaper = new HarfBuzzShaper(bytes, font);
  other = font as unknown as FontkitOutlines;
});

describe('glyph outlines', () => {
  it('are the contours fontkit reads, for every glyph of the Arabic face', () => {
    const reference = fontkitSource(other);
    const differing: number[] = [];
    for (let gid = 0; gid < other.numGlyphs; gid++) {
      if (JSON.stringify(outlineOf(shaper, gid)) !== JSON.stringify(outlineOf(reference, gid))) differing.push(gid);
    }
    expect(differing).toEqual([]);
  });

  it('leave the line back to a contour’s start to the close (h draws it), and end with a non-zero fill', () => {
    const square: OutlineFont = {
      drawGlyph(_id, pen) {
        pen.moveTo(0, 0);
        pen.lineTo(100, 0);
        pen.lineTo(100, 100);
        pen.lineTo(0, 0);
        pen.closePath();
      },
    };
    expect(outlineOf(square, 1)).toEqual({ path: '0 0 m\n100 0 l\n100 100 l\nh\nf', bbox: [0, 0, 100, 100] });
  });

  it('draw a quadratic curve as the equivalent cubic one', () => {
    const arc: OutlineFont = {
      drawGlyph(_id, pen) {
        pen.moveTo(0, 0);
        pen.quadraticCurveTo(150, 300, 300, 0);
        pen.closePath();
      },
    };
    expect(outlineOf(arc, 1)!.path).toBe('0 0 m\n100 200 200 200 300 0 c\nh\nf');
  });

  it('give an empty glyph (a space) no outline', () => {
    const space = (other as unknown as { glyphForCodePoint(c: number): { id: number } }).glyphForCodePoint(0x20).id;
    expect(outlineOf(shaper, space)).toBeUndefined();
  });
});

/**
 * fontkit, an OpenType implementation independent of HarfBuzz: the engine reads each font's cmap,
 * coverage and metrics with it (pdfkit subsets with it too); HarfBuzz shapes every word
 * (typeset/shaping.ts) and draws the glyph outlines (typeset/shaper.ts).
 */
import { createRequire } from 'node:module';

/** The parts of a fontkit font we use. */
export interface FontkitFont {
  postscriptName: string;
  unitsPerEm: number;
  ascent: number;
  descent: number;
  characterSet: number[];
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphForCodePoint(codePoint: number): { id: number };
}

export interface Fontkit {
  create(buffer: Uint8Array, postscriptName?: string): FontkitFont;
}

// fontkit ships no typings; its CommonJS build is the one pdfkit loads too.
export const fontkit = createRequire(import.meta.url)('fontkit') as Fontkit;

/**
 * The text writer: the one place that emits text operators (BT … ET) and draws glyphs. A line is
 * drawn in two parts, one unit of content:
 *  - its glyphs, shaped and placed, as outlines (glyphOutlines.ts), each a form XObject drawn where
 *    the shaper put it: shapes, not text, so that no reader picks text out of shaped Arabic;
 *  - its text layer (textLayer.ts): the line's characters as invisible text over the glyphs, laid
 *    out for what search, copy and screen readers do with text (the page's only text).
 * The unit is balanced (q … Q, BT … ET), so it can sit inside a marked-content sequence.
 */
import { pdfNumber } from './pdfNumber.js';
import { arrangeRun, glyphPositions, type GlyphPosition } from './glyphRun.js';
import type { OutlineFont } from './glyphOutlines.js';
import type { ShapedRun } from './shaper.js';
import { writeTextLayer, type LayerFont, type LayerPlan } from './textLayer.js';

/** One embedded PDF font of the document being written (pdfmakeAdapter.ts provides it over pdfkit). */
export interface PdfFont {
  /** Adds a glyph to the font's subset; returns its id there (what the content stream shows). */
  include(glyphId: number): number;
  /** The font's width table (/W), per subset id, in 1/1000 em. */
  widths: number[];
  /** The font's text values (ToUnicode), per subset id. */
  unicode: number[][];
  /** Widths chosen for marks and overhung letters in this font, per subset id (see glyphRun.ts). */
  markWidths: Map<number, number>;
  /** Font units per em. */
  unitsPerEm: number;
  /** Ascender, in 1/1000 em: runs are placed by the top of their text box, as pdfkit places text. */
  ascender: number;
}

/** The page being written. */
export interface TextSurface {
  addContent(operators: string): void;
  /** The font's resource name on the current page (registered there on first use). */
  useFont(font: PdfFont): string;
  /** The resource name of the form XObject drawing the glyph's outline (made once per document); undefined for an empty glyph. */
  useGlyph(font: OutlineFont, glyphId: number): string | undefined;
  setFillColor(color: string): void;
  /** pdfkit draws pages top-down (its page content starts with a flip); text is written bottom-up. */
  pageHeight: number;
}

/** A run ready to draw. */
export interface PlacedRun {
  /** The face's outlines (its shaper draws them) and its metrics. */
  outlines: OutlineFont;
  unitsPerEm: number;
  /** Ascender, in 1/1000 em: runs are placed by the top of their text box, as pdfkit places text. */
  ascender: number;
  fontSize: number;
  color: string;
  /** Left edge of the run's first glyph, in points from the page's left edge. */
  x: number;
  /** Top of the run's text box, in points from the page's top edge (pdfkit's convention). */
  top: number;
  glyphs: ShapedRun;
}

/** pdfkit's number format in content streams (six decimals). */
const number = (n: number) => pdfNumber(n, 6);

/** Where each glyph of the run is drawn, in 1/1000 em from the run's first glyph (see glyphRun.ts). */
function placements(run: ShapedRun, unitsPerEm: number): GlyphPosition[] {
  const positions = glyphPositions(run, unitsPerEm);
  return arrangeRun(run.glyphs.map(() => ''), positions)[1];
}

/**
 * A run's glyphs as drawn from its matrix: the moves and form names, one operator a line (undefined
 * when no glyph has an outline). It depends only on the shaped run, its font and the forms' names,
 * so a run shaped once (shaping.ts remembers runs) is laid out once and drawn from this record.
 */
interface RunDrawing {
  outlines: OutlineFont;
  unitsPerEm: number;
  /** The form each glyph is drawn with, as the surface named it (undefined: an empty glyph). */
  names: (string | undefined)[];
  body: string | undefined;
}

const drawings = new WeakMap<ShapedRun, RunDrawing>();

function drawingOf(glyphs: ShapedRun, outlines: OutlineFont, unitsPerEm: number, names: (string | undefined)[]): RunDrawing {
  const positions = placements(glyphs, unitsPerEm);
  const toUnits = unitsPerEm / 1000;
  const ops: string[] = [];
  let pen = 0;
  let atX = 0;
  let atY = 0;
  glyphs.glyphs.forEach((_, i) => {
    const p = positions[i]!;
    const name = names[i];
    if (name !== undefined) {
      // Whole font units (0.006 pt at most at 12 pt), from the run's origin: no error accumulates.
      const gx = Math.round((pen + p.xOffset) * toUnits);
      const gy = Math.round(p.yOffset * toUnits);
      if (gx !== atX || gy !== atY) ops.push(`1 0 0 1 ${number(gx - atX)} ${number(gy - atY)} cm`);
      ops.push(`/${name} Do`);
      atX = gx;
      atY = gy;
    }
    pen += p.xAdvance;
  });
  return { outlines, unitsPerEm, names, body: ops.length > 0 ? ops.join('\n') : undefined };
}

/** Draws a run's glyphs as outlines (`colorSet`: the fill colour is the run's already); says whether it drew any. */
export function writeRun(surface: TextSurface, run: PlacedRun, colorSet = false): boolean {
  const glyphs = run.glyphs.glyphs;
  if (glyphs.length === 0) return false;
  // Every glyph's form asked for in order, as each draw makes the page (and the document) use it.
  let drawing = drawings.get(run.glyphs);
  let fresh = drawing === undefined || drawing.outlines !== run.outlines || drawing.unitsPerEm !== run.unitsPerEm;
  const names: (string | undefined)[] = new Array(glyphs.length);
  for (let i = 0; i < glyphs.length; i++) {
    names[i] = surface.useGlyph(run.outlines, glyphs[i]!.id);
    if (!fresh && names[i] !== drawing!.names[i]) fresh = true;
  }
  if (fresh) drawings.set(run.glyphs, (drawing = drawingOf(run.glyphs, run.outlines, run.unitsPerEm, names)));
  if (drawing!.body === undefined) return false;
  const size = run.fontSize;
  const scale = size / run.unitsPerEm;
  const baseline = run.top + (run.ascender / 1000) * size;
  if (!colorSet) surface.setFillColor(run.color);
  // One matrix for the run (font units, y up, on pdfkit's top-down page), then each glyph by a move
  // relative to the last one, in font units; balanced, one unit of content.
  surface.addContent(`q\n${number(scale)} 0 0 ${number(-scale)} ${number(run.x)} ${number(baseline)} cm\n${drawing!.body}\nQ`);
  return true;
}

/** A finished line: its runs, and its text layer laid out (textLayer.ts). */
export interface PlacedLine {
  runs: readonly PlacedRun[];
  layerFont: LayerFont;
  layer: LayerPlan;
}

/**
 * Draws some of a line's runs (indices into its runs, in drawing order; one marked-content sequence
 * of the structure writer holds them): their glyphs, then their part of the text layer.
 */
export function writeRuns(surface: TextSurface, line: PlacedLine, runs: readonly number[]): void {
  let color: string | undefined;
  for (const i of runs) {
    const run = line.runs[i]!;
    if (writeRun(surface, run, run.color === color)) color = run.color;
  }
  writeTextLayer(surface, line.layerFont, line.layer, runs);
}

/** Draws a whole line: its glyphs, then its text layer. */
export function writeLine(surface: TextSurface, line: PlacedLine): void {
  writeRuns(surface, line, line.layer.order);
}

/**
 * The text writer: the one place that emits text operators (BT … ET). It draws finished runs —
 * glyphs already shaped and placed — into a PDF surface, and decides what the text layer says:
 * each glyph's declared width (glyphRun.ts) and its text value (ToUnicode).
 *
 * This is where word spaces, marked content and /ActualText belong when the text layer needs them.
 */
import { arrangeRun, glyphPositions, withMarkWidths, type GlyphPosition } from './glyphRun.js';
import type { ShapedRun } from './shaper.js';

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
  setFillColor(color: string): void;
  /** pdfkit draws pages top-down (its page content starts with a flip); text is written bottom-up. */
  pageHeight: number;
}

/** A run ready to draw. */
export interface PlacedRun {
  font: PdfFont;
  fontSize: number;
  color: string;
  /** Left edge of the run's first glyph, in points from the page's left edge. */
  x: number;
  /** Top of the run's text box, in points from the page's top edge (pdfkit's convention). */
  top: number;
  glyphs: ShapedRun;
}

/** pdfkit's number format in content streams. */
function number(n: number): string {
  if (!(n > -1e21 && n < 1e21)) throw new Error(`unsupported number: ${n}`);
  return String(Math.round(n * 1e6) / 1e6);
}

/**
 * The text value of a drawn glyph: its characters; for a glyph the font inserts without a character
 * (Amiri's kashida connector between lam and kaf), a ZERO WIDTH JOINER, so that extractors do not
 * invent a tatweel ("الـكردية").
 */
export function textValueOf(codePoints: readonly number[]): number[] {
  return codePoints.length === 0 ? [0x200d] : [...codePoints];
}

/** Adds the run's glyphs to the font, with their widths and text values; returns the subset ids. */
function encodeRun(font: PdfFont, run: ShapedRun): { encoded: string[]; positions: GlyphPosition[] } {
  const scale = 1000 / font.unitsPerEm;
  const encoded: string[] = [];
  run.glyphs.forEach((glyph) => {
    const sid = font.include(glyph.id);
    encoded.push(sid.toString(16).padStart(4, '0'));
    font.widths[sid] ??= glyph.advanceWidth * scale;
    // An inserted connector shares its glyph with a written tatweel; the connector's value wins
    // (one value per glyph), so words the font stretched are never read with an invented tatweel.
    const value = textValueOf(glyph.codePoints);
    if (glyph.codePoints.length === 0) font.unicode[sid] = value;
    else font.unicode[sid] ??= value;
  });
  return { encoded, positions: glyphPositions(run, font.unitsPerEm) };
}

export function writeRun(surface: TextSurface, run: PlacedRun): void {
  if (run.glyphs.glyphs.length === 0) return;
  const { font } = run;
  const { encoded, positions: shaped } = encodeRun(font, run.glyphs);
  const withMarks = withMarkWidths(encoded, shaped, run.glyphs.glyphs.map((g) => g.codePoints), font.markWidths);
  for (const [sid, width] of font.markWidths) font.widths[sid] = width;
  const [, positions] = arrangeRun(encoded, withMarks);

  const resource = surface.useFont(font);
  const size = run.fontSize;
  const scale = size / 1000;
  let x = run.x;
  const y = surface.pageHeight - run.top - (font.ascender / 1000) * size;
  surface.setFillColor(run.color);
  surface.addContent('q');
  surface.addContent(`1 0 0 -1 0 ${number(surface.pageHeight)} cm`);
  surface.addContent('BT');
  surface.addContent(`1 0 0 1 ${number(x)} ${number(y)} Tm`);
  surface.addContent(`/${resource} ${number(size)} Tf`);

  // Glyphs and TJ adjustments; a glyph raised or lowered (yOffset) gets a text-matrix move of its own.
  const commands: string[] = [];
  let last = 0;
  let hadOffset = false;
  const addSegment = (cur: number): void => {
    if (last < cur) {
      const p = positions[cur - 1]!;
      commands.push(`<${encoded.slice(last, cur).join('')}> ${number(-(p.xAdvance - p.advanceWidth))}`);
    }
    last = cur;
  };
  const flush = (cur: number): void => {
    addSegment(cur);
    if (commands.length > 0) {
      surface.addContent(`[${commands.join(' ')}] TJ`);
      commands.length = 0;
    }
  };
  let i = 0;
  for (; i < positions.length; i++) {
    const p = positions[i]!;
    if (p.xOffset || p.yOffset) {
      flush(i);
      surface.addContent(`1 0 0 1 ${number(x + p.xOffset * scale)} ${number(y + p.yOffset * scale)} Tm`);
      flush(i + 1);
      hadOffset = true;
    } else {
      if (hadOffset) {
        surface.addContent(`1 0 0 1 ${number(x)} ${number(y)} Tm`);
        hadOffset = false;
      }
      if (p.xAdvance - p.advanceWidth !== 0) addSegment(i + 1);
    }
    x += p.xAdvance * scale;
  }
  flush(i);
  surface.addContent('ET');
  surface.addContent('Q');
}

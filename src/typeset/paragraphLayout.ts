/**
 * A paragraph, from runs of text to finished lines: bidi, isolation and font runs (paragraphPieces)
 * → shaped widths → line breaking → per line, what the line layout and the writer need. Pure: no
 * pdfmake, no PDF. The width is the column's, known before pdfmake flows the page.
 */
import type { Digits, Inline } from '../document/model.js';
import { loadFonts, type LoadedFace } from './fontRegistry.js';
import { glyphPositions, runLead } from './glyphRun.js';
import { breakLines, type BreakablePiece } from './lineBreaking.js';
import { tieLastWords } from './composition.js';
import type { Alignment, LineRun } from './lineLayout.js';
import { defaultPieceStyle, paragraphPieces, type PieceInline, type PieceStyle } from './paragraphPieces.js';
import { naturalDirection } from './shaper.js';
import { shapeRun, type Direction, type ShapedRun } from './shaping.js';

/** pdfmake's (and typographers') size for raised text: a citation marker. */
export const SUPERSCRIPT_SCALE = 0.58;

export interface SetRun extends LineRun {
  face: LoadedFace;
  /** The characters drawn, reading order. */
  text: string;
  direction: Direction;
  glyphs: ShapedRun;
  fontSize: number;
  /** Raised (a citation marker). */
  sup: boolean;
  /** Its own colour (muted text, a citation marker), else the paragraph's. */
  color?: string;
}

/** A broken line, ready for the line layout (lineLayout.ts) and the writer. */
export interface SetLine {
  /** The width it was broken for. */
  width: number;
  alignment: Alignment;
  /** The paragraph's last line: never justified. */
  lastLine: boolean;
  runs: SetRun[];
}

export interface ParagraphStyle {
  fontSize: number;
  bold?: boolean;
  alignment: Alignment;
  digits: Digits;
  pieceStyle?: PieceStyle;
  /** Raised text's size as a share of the text's (SUPERSCRIPT_SCALE unless given). */
  supScale?: number;
  /** Running text: the last two words tied (composition.ts), so the last line never holds one word. */
  tieLastWords?: boolean;
}

/** Widths remembered per face and text, in font units. */
const widths = new WeakMap<LoadedFace, Map<string, number>>();

/** A word's advance in font units, remembered per face. */
const advances = new WeakMap<LoadedFace, Map<string, number>>();

function advanceOf(face: LoadedFace, text: string): number {
  if (text.length === 0) return 0;
  let cache = advances.get(face);
  if (cache === undefined) advances.set(face, (cache = new Map()));
  let advance = cache.get(text);
  if (advance === undefined) cache.set(text, (advance = shapeRun(face, text, naturalDirection(text)).advanceWidth));
  return advance;
}

/**
 * A text's width in font units: each word shaped on its own (the same run that is drawn), each space
 * as a space. (Amiri kerns nothing against a space: shaping a word with its space gives the same
 * width on every word of the data and the seed articles, in every face, measured.)
 */
function measure(face: LoadedFace, text: string): number {
  let cache = widths.get(face);
  if (cache === undefined) widths.set(face, (cache = new Map()));
  let width = cache.get(text);
  if (width === undefined) {
    width = 0;
    let last = 0;
    for (let i = 0; i < text.length; i++) {
      if (text[i] === ' ' || text[i] === '\t') {
        width += advanceOf(face, text.slice(last, i)) + advanceOf(face, text[i]!);
        last = i + 1;
      }
    }
    width += advanceOf(face, text.slice(last));
    cache.set(text, width);
  }
  return width;
}

interface MeasuredPiece extends BreakablePiece {
  piece: PieceInline;
  face: LoadedFace;
  fontSize: number;
}

export function measurePieces(pieces: readonly PieceInline[], fontSize: number, bold: boolean, supScale = SUPERSCRIPT_SCALE): MeasuredPiece[] {
  const fonts = loadFonts();
  return pieces.map((piece) => {
    const face = fonts.faceOf(piece.font, bold || piece.bold === true);
    const size = piece.sup ? fontSize * supScale : fontSize;
    const scale = size / face.unitsPerEm;
    const text = piece.text;
    const leading = piece.preserveLeadingSpaces ? '' : (/^\s+/u.exec(text)?.[0] ?? '');
    const trailing = piece.preserveTrailingSpaces ? '' : (/\s+$/u.exec(text)?.[0] ?? '');
    return {
      piece,
      face,
      fontSize: size,
      width: measure(face, text) * scale,
      leadingCut: leading ? measure(face, leading) * scale : 0,
      trailingCut: trailing ? measure(face, trailing) * scale : 0,
      noNewLine: piece.noNewLine,
    };
  });
}

/** Leads per shaped run, in 1/1000 em (runs are shared, so is their lead). */
const leads = new WeakMap<ShapedRun, number>();

function leadOf(glyphs: ShapedRun, unitsPerEm: number): number {
  let lead = leads.get(glyphs);
  if (lead === undefined) leads.set(glyphs, (lead = runLead(glyphPositions(glyphs, unitsPerEm))));
  return lead;
}

function setRun(measured: MeasuredPiece, first: boolean): SetRun {
  const { piece, face, fontSize } = measured;
  const direction: Direction = piece._bidi.level % 2 === 1 ? 'rtl' : 'ltr';
  const glyphs = shapeRun(face, piece._bidi.text, direction);
  return {
    face,
    text: piece._bidi.text,
    direction,
    glyphs,
    fontSize,
    sup: piece.sup === true,
    ...(piece.color !== undefined ? { color: piece.color } : {}),
    level: piece._bidi.level,
    width: measured.width - measured.trailingCut - (first ? measured.leadingCut : 0),
    spaceAfter: measured.trailingCut,
    spaceLevel: piece._bidi.spaceLevel,
    lead: (leadOf(glyphs, face.unitsPerEm) * fontSize) / 1000,
  };
}

/** The paragraph's lines at `width`; none for a paragraph with nothing to draw. */
export function setParagraph(content: readonly Inline[], width: number, style: ParagraphStyle): SetLine[] {
  const pieces = paragraphPieces(content, style.digits, style.pieceStyle ?? defaultPieceStyle);
  if (style.tieLastWords === true) tieLastWords(pieces);
  const measured = measurePieces(pieces, style.fontSize, style.bold === true, style.supScale);
  const ranges = breakLines(measured, width);
  return ranges.map(([start, end], index) => ({
    width,
    alignment: style.alignment,
    lastLine: index === ranges.length - 1,
    runs: measured.slice(start, end).map((m, i) => setRun(m, i === 0)),
  }));
}

/** A paragraph's width on one line (for a column sized to its text). */
export function naturalWidth(content: readonly Inline[], style: ParagraphStyle): number {
  const measured = measurePieces(paragraphPieces(content, style.digits, style.pieceStyle ?? defaultPieceStyle), style.fontSize, style.bold === true, style.supScale);
  if (measured.length === 0) return 0;
  const total = measured.reduce((sum, m) => sum + m.width, 0);
  return total - measured[0]!.leadingCut - measured.at(-1)!.trailingCut;
}

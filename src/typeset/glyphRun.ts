/**
 * How a shaped run is written into the PDF, so that text extractors read it as one word.
 *
 * fontkit returns an Arabic run in visual order with each mark *before* its base and with some
 * glyphs moved by an x offset (Amiri's kerning, mark placement). pdfkit writes an offset glyph by
 * moving the text matrix, and extractors (poppler, pdf.js) treat such jumps — and gaps wider than
 * ~0.1 em — as word breaks. We keep every glyph's drawn position but:
 *  - express positions as advances (TJ adjustments) instead of text-matrix moves,
 *  - narrow the rare intra-word gap above 0.09 em (e.g. after "و") to 0.09 em: invisible in print,
 *    and below the extractors' word-break threshold,
 *  - give zero-advance marks a nominal width in the font's width table (compensated by the TJ
 *    adjustment, so nothing moves on the page): poppler measures the gap after a mark from its
 *    nominal width, and a mark with none ends the word ("تدريجيا ً").
 */

/** pdfkit's glyph position, in 1/1000 em. */
export interface GlyphPosition {
  xAdvance: number;
  yAdvance?: number;
  xOffset: number;
  yOffset: number;
  /** The width the PDF declares for the glyph (its /W entry); drawing compensates any difference. */
  advanceWidth: number;
  /** The font's own advance width, when advanceWidth was changed for the text layer. */
  fontAdvanceWidth?: number;
}

export const MAX_INTRA_WORD_GAP = 90;

/** A shaped run's positions in 1/1000 em, each with its glyph's own advance width. */
export function glyphPositions(
  run: { glyphs: readonly { advanceWidth: number }[]; positions: readonly { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[] },
  unitsPerEm: number,
): GlyphPosition[] {
  const scale = 1000 / unitsPerEm;
  return run.positions.map((p, i) => ({
    xAdvance: p.xAdvance * scale,
    yAdvance: p.yAdvance * scale,
    xOffset: p.xOffset * scale,
    yOffset: p.yOffset * scale,
    advanceWidth: run.glyphs[i]!.advanceWidth * scale,
  }));
}

/**
 * Nominal widths for marks, in 1/1000 em. Tanween ("اً") sits up to ~0.21 em from the next glyph
 * and needs 0.15 em to stay within poppler's 0.1 em word gap; other marks get 0.095 em so that a
 * stacked pair (shadda + vowel, two compensating moves) stays under pdf.js's 0.2 em backward limit.
 * Measured on the seed corpus: pdftotext 105 → 126 of 145 paragraphs in order, pdf.js unchanged.
 */
export const TANWEEN_NOMINAL_WIDTH = 150;
export const MARK_NOMINAL_WIDTH = 95;

/**
 * A letter that the next glyph tucks under by more than pdf.js's 0.2 em backward limit (kaf over
 * "ذكر", "مؤكد", "البشمركة": up to 0.29 em) declares a width this much smaller, so the backward move
 * stays within the limit; elsewhere the visible gap grows by less than 0.1 em, under both
 * extractors' word-gap thresholds. Measured on the seed corpus: pdf.js 96 → 117 of 145 paragraphs
 * in order, pdftotext unchanged.
 */
export const OVERHANG_WIDTH_REDUCTION = 95;
const OVERHANG_LIMIT = -195;

/**
 * A word-final shadda is drawn first (visually leftmost) and its base starts up to ~0.125 em left of
 * it ("شنّ"): poppler ends a word at a backward move beyond 0.2 em from the mark's nominal end, so
 * shadda declares 0.075 em. Measured: tricky corpus item "شنّ" read whole by pdftotext; seed corpus
 * unchanged (a general 0.075 em for all marks splits "ليُقدِم").
 */
export const SHADDA_NOMINAL_WIDTH = 75;

export function nominalMarkWidth(codePoints: readonly number[]): number {
  const tanween = codePoints.length > 0 && codePoints.every((c) => c >= 0x64b && c <= 0x64d);
  if (tanween) return TANWEEN_NOMINAL_WIDTH;
  return codePoints.length === 1 && codePoints[0] === 0x651 ? SHADDA_NOMINAL_WIDTH : MARK_NOMINAL_WIDTH;
}

/**
 * Chooses the widths the PDF declares for marks and overhung letters (once per glyph id, remembered
 * in `chosen`, since a PDF font has one width per glyph); the caller writes `chosen` into the
 * font's width table. Drawn positions do not change: pdfkit's TJ adjustments compensate.
 */
function declare(p: GlyphPosition, width: number): GlyphPosition {
  return width === p.advanceWidth ? p : { ...p, advanceWidth: width, fontAdvanceWidth: p.fontAdvanceWidth ?? p.advanceWidth };
}

export function withMarkWidths(
  encoded: readonly string[],
  positions: readonly GlyphPosition[],
  codePoints: readonly (readonly number[])[],
  chosen: Map<number, number>,
): GlyphPosition[] {
  const drawX: number[] = [];
  let pen = 0;
  for (const p of positions) {
    drawX.push(pen + p.xOffset);
    pen += p.xAdvance;
  }
  return positions.map((p, i) => {
    const gid = parseInt(encoded[i]!, 16);
    const known = chosen.get(gid);
    if (known !== undefined) return declare(p, known);
    if (p.xAdvance === 0 && p.advanceWidth === 0) {
      const width = nominalMarkWidth(codePoints[i] ?? []);
      chosen.set(gid, width);
      return declare(p, width);
    }
    // The next base glyph on the right: does it tuck under this one beyond pdf.js's limit?
    let next = i + 1;
    while (next < positions.length && positions[next]!.xAdvance === 0) next++;
    if (p.xAdvance !== 0 && next < positions.length && drawX[next]! - (drawX[i]! + p.advanceWidth) < OVERHANG_LIMIT) {
      const width = p.advanceWidth - OVERHANG_WIDTH_REDUCTION;
      chosen.set(gid, width);
      return declare(p, width);
    }
    return p;
  });
}

/**
 * Where each glyph of the run is drawn (1/1000 em from the run's origin): the shaper's positions,
 * with intra-word gaps wider than MAX_INTRA_WORD_GAP narrowed. Such a gap follows a letter that
 * does not join leftwards; moving everything on its left rightwards narrows it without touching any
 * join (the run keeps its width).
 */
export function placeGlyphs(positions: readonly GlyphPosition[]): number[] {
  const drawX: number[] = [];
  let pen = 0;
  for (const p of positions) {
    drawX.push(pen + p.xOffset);
    pen += p.xAdvance;
  }
  const isMark = positions.map((p) => p.xAdvance === 0);
  const shifts: { upTo: number; amount: number }[] = [];
  let lastBase = -1;
  for (let i = 0; i < positions.length; i++) {
    if (isMark[i]) continue;
    if (lastBase >= 0) {
      const base = positions[lastBase]!;
      const gap = drawX[i]! - (drawX[lastBase]! + (base.fontAdvanceWidth ?? base.advanceWidth));
      if (gap > MAX_INTRA_WORD_GAP) shifts.push({ upTo: lastBase, amount: gap - MAX_INTRA_WORD_GAP });
    }
    lastBase = i;
  }
  if (shifts.length === 0) return drawX;
  return drawX.map((dx, j) => dx + shifts.reduce((sum, s) => (j <= s.upTo ? sum + s.amount : sum), 0));
}

/**
 * Where the run's first glyph is drawn relative to its origin (e.g. a final tanween, drawn first in
 * visual order, sits left of the origin). The line layout moves the run by this amount so that the
 * first glyph needs no text-matrix move, which pdf.js would read as a separate item.
 */
export function runLead(positions: readonly GlyphPosition[]): number {
  return positions.length === 0 ? 0 : placeGlyphs(positions)[0]!;
}

export function arrangeRun(encoded: string[], positions: GlyphPosition[]): [string[], GlyphPosition[]] {
  const n = positions.length;
  if (n === 0) return [encoded, positions];
  let total = 0;
  for (const p of positions) total += p.xAdvance;
  // The drawing sequence stays visual, marks before their bases: extractors reverse right-to-left
  // words, so a mark drawn after its base would come back attached to the wrong letter (measured).
  const x = placeGlyphs(positions);

  const outPositions: GlyphPosition[] = new Array(n);
  // The run is drawn from its first glyph's position (see runLead): no offset on the first glyph.
  let outPen = x[0]!;
  for (let i = 0; i < n; i++) {
    const p = positions[i]!;
    const xOffset = x[i]! - outPen;
    const xAdvance = (i + 1 === n ? total : x[i + 1]!) - outPen;
    // Only a glyph with a vertical offset still needs a text-matrix move.
    outPositions[i] = { ...p, xOffset: Math.abs(xOffset) < 1e-6 ? 0 : xOffset, xAdvance };
    outPen += xAdvance;
  }
  return [encoded, outPositions];
}

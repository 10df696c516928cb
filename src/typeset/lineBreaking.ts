/**
 * Pipeline step: line breaking, on shaped widths. Greedy, first fit: a line takes pieces while the
 * next one fits — with every piece glued to it (noNewLine: the rest of a word, punctuation that
 * must not start a line, a citation marker, the parts of a numeric expression or of a date) — the
 * spaces at the line's end taking no room. A piece (or glued chain) wider than a line gets a line
 * of its own: it is never cut (the line layout sets it smaller).
 */

export interface BreakablePiece {
  /** Width with the spaces after it, in points. */
  width: number;
  /** Width of its trailing spaces (dropped at a line end). */
  trailingCut: number;
  /** Width of its leading spaces (dropped at a line start). */
  leadingCut: number;
  /** No line may break after this piece. */
  noNewLine?: boolean;
}

/** Room for rounding when a piece fits exactly (a column sized to its text). */
const EPSILON = 1e-6;

/** The pieces of each line, as [start, end) index ranges. */
export function breakLines(pieces: readonly BreakablePiece[], maxWidth: number): [number, number][] {
  const lines: [number, number][] = [];
  let start = 0;
  while (start < pieces.length) {
    let used = 0; // widths of the pieces taken so far
    const leadingCut = pieces[start]!.leadingCut;
    let end = start;
    let glued = false;
    while (end < pieces.length) {
      if (end > start && !glued) {
        // The piece and everything glued to it must fit, without the chain's trailing spaces.
        let chain = 0;
        let cut = 0;
        for (let k = end; k < pieces.length; k++) {
          chain += pieces[k]!.width;
          cut += pieces[k]!.trailingCut;
          if (!pieces[k]!.noNewLine) break;
        }
        if (used + chain - leadingCut - cut > maxWidth + EPSILON) break;
      }
      used += pieces[end]!.width;
      glued = pieces[end]!.noNewLine === true;
      end++;
    }
    lines.push([start, end]);
    start = end;
  }
  return lines;
}

/**
 * Where a line's text layer sits, for poppler (pdftotext, Evince, Okular), which groups a page's words
 * into blocks by position alone (TextOutputDev's coalesce, poppler 22.12) before it reads them:
 *  - a line joins the block of the line above only when their baselines are at most 1.5 font sizes
 *    apart (maxLineSpacingDelta). Amiri's lines are 1.76 font sizes apart, so every line was a block
 *    of its own, and the lines of a table row were read across its cells, interleaved. The layer is
 *    therefore set at the size that puts the line spacing just under 1.5 of it (lineSpacing / 1.48),
 *    never smaller than the drawn size and never more than 1.3 times it (a line much taller than its
 *    text, which no size would join, keeps its own size);
 *  - a word on a block's line is pulled into the block when it lies within one font size of it
 *    (minColSpacing2): a table's cells are 10.5 pt apart (two 5 pt paddings and a rule), under the
 *    enlarged size, so the box of a line's right-most run ends 0.2 em short (at most half of it), which
 *    keeps neighbouring cells more than a font size apart. Only that box: every other character's box
 *    stays over its glyph (a mark's box is 0.02 em wide, a citation number's a few points), and the
 *    right-most run starts where it did, so its characters keep their order and their words.
 * The other readers read the shorter box as they read any run (its letters still abut), and none of
 * them tests line spacing; the glyphs drawn are not moved. The size is one for the line, as before: the reader-side measures of
 * textLayer.ts are in em, so they hold at any size.
 */
import type { LayerLine } from './textLayer.js';

/** poppler's limit is 1.5 font sizes; a little under it, for rounding. */
const SPACING_PER_SIZE = 1.48;
const MAX_ENLARGEMENT = 1.3;
/** The right end of a line moves in by this much of the layer's size. */
export const END_INSET = 0.2;

/** The line laid out for the readers: its size from the line spacing, its right-most run's box ended short. */
export function layerLine(line: LayerLine, lineSpacing: number): LayerLine {
  const wanted = lineSpacing / SPACING_PER_SIZE;
  const fontSize = wanted > line.fontSize && wanted <= line.fontSize * MAX_ENLARGEMENT ? wanted : line.fontSize;
  const right = (box: { left: number; width: number }) => box.left + box.width;
  let last = -1;
  line.runs.forEach((run, i) => {
    if (run.text.length > 0 && (last < 0 || right(run) > right(line.runs[last]!))) last = i;
  });
  // A word space never ends a line, but should one reach past the run, the run is not the line's end.
  if (last < 0 || line.gaps.some((gap) => right(gap) > right(line.runs[last]!))) return { ...line, fontSize };
  const run = line.runs[last]!;
  const width = run.width - Math.min(END_INSET * fontSize, run.width / 2);
  return { ...line, fontSize, runs: line.runs.map((r, i) => (i === last ? { ...r, width } : r)) };
}

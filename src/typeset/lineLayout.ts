/**
 * Pipeline steps after line breaking, for one line: visual reordering (UBA rule L2), alignment and
 * justification, and where each run starts.
 *
 * Spaces are not drawn: they are gaps with their own bidi level, so a space between an Arabic word
 * and a number lands between them whatever the direction; the line-final space is dropped (rule L1).
 * Justification widens only those gaps, never the joins inside a word; the last line of a paragraph
 * (and a line ended by a forced break) is set flush right.
 */
import { visualOrder } from './bidi.js';

export type Alignment = 'right' | 'left' | 'center' | 'justify';

/** One run of a broken line, in logical order. Widths in points. */
export interface LineRun {
  /** Bidi level of the run's characters. */
  level: number;
  /** Width of the run's glyphs. */
  width: number;
  /** Width of the spaces after it (0 for none); dropped at the line end. */
  spaceAfter: number;
  /** Bidi level of those spaces. */
  spaceLevel: number;
  /** Where the run's first glyph is drawn from its origin (see runLead in glyphRun.ts), at scale 1. */
  lead: number;
}

export interface LineInput {
  runs: readonly LineRun[];
  availableWidth: number;
  alignment: Alignment;
  /** The paragraph's last line, or a line ended by a forced break: never justified. */
  lastLine: boolean;
}

export interface LaidOutLine {
  /** Left edge of each run's first glyph, from the line's left edge, per run in logical order. */
  x: number[];
  /** Left edge of each run's box (its advance width from its pen position), per run in logical order. */
  left: number[];
  /**
   * The word spaces as drawn (justification included), in logical order: each follows run `after`,
   * spans `width` from `x` (the line's left edge). The text layer writes a space there.
   */
  gaps: { after: number; x: number; width: number }[];
  /** Factor applied to the font size: below 1 only for a line that cannot fit (one long word). */
  scale: number;
}

interface Element {
  level: number;
  width: number;
  run?: number;
  /** For a space: the run it follows. */
  after?: number;
  stretch: boolean;
}

export function layoutLine({ runs, availableWidth, alignment, lastLine }: LineInput): LaidOutLine {
  if (runs.length === 0) return { x: [], left: [], gaps: [], scale: 1 };
  // A line wider than the column can only be one word (or a glued chain) longer than a line:
  // rather than cut it mid-word or let it run off the page, set it smaller until it fits.
  const natural = runs.reduce((sum, run, i) => sum + run.width + (i < runs.length - 1 ? run.spaceAfter : 0), 0);
  const scale = natural > availableWidth && natural > 0 ? availableWidth / natural : 1;

  const elements: Element[] = [];
  runs.forEach((run, i) => {
    elements.push({ level: run.level, width: run.width * scale, run: i, stretch: false });
    if (i < runs.length - 1 && run.spaceAfter > 0) {
      elements.push({ level: run.spaceLevel, width: run.spaceAfter * scale, after: i, stretch: true });
    }
  });

  const order = visualOrder(elements.map((e) => e.level)).map((i) => elements[i]!);
  const lineWidth = elements.reduce((sum, e) => sum + e.width, 0);
  const spare = availableWidth - lineWidth;
  const stretches = elements.filter((e) => e.stretch).length;

  let offset = 0;
  let extraPerGap = 0;
  if (alignment === 'justify' && !lastLine && stretches > 0 && spare > 0) extraPerGap = spare / stretches;
  else if (alignment === 'center') offset = spare / 2;
  else if (alignment !== 'left') offset = spare; // right, and justify's last line: flush right

  const x: number[] = new Array(runs.length);
  const left: number[] = new Array(runs.length);
  const gaps: LaidOutLine['gaps'] = [];
  let pen = offset;
  for (const element of order) {
    const width = element.width + (element.stretch ? extraPerGap : 0);
    if (element.run !== undefined) {
      x[element.run] = pen + runs[element.run]!.lead * scale;
      left[element.run] = pen;
    } else if (element.after !== undefined) {
      gaps.push({ after: element.after, x: pen, width });
    }
    pen += width;
  }
  gaps.sort((a, b) => a.after - b.after);
  return { x, left, gaps, scale };
}

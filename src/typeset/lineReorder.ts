/**
 * After pdfmake has broken a paragraph into lines (in logical order), place each line's pieces in
 * visual order (UBA rule L2) and align it right-to-left. Runs from pdfmake's
 * ElementWriter.alignLine, once per finished line, before the line is placed.
 *
 * Spaces are not drawn: they are gaps with their own bidi level, so a space between an Arabic word
 * and a number lands between them whatever the direction; the line-final space is dropped (rule L1).
 * Justification widens only those gaps, never the joins inside a word.
 */
import type { BidiPieceInfo } from './paragraphRuns.js';
import { visualOrder } from './bidi.js';
import { runLead, type GlyphPosition } from './glyphRun.js';

/** The parts of pdfmake's Line and inline objects we read and write. */
export interface LayoutInline {
  text: string;
  x: number;
  width: number;
  fontSize?: number;
  /** pdfkit's font: lays text out as encode() will draw it; `font` is the parsed font behind it. */
  font?: { font?: object; layout(text: string): { positions: GlyphPosition[] } };
  trailingCut?: number;
  leadingCut?: number;
  alignment?: string;
  _bidi?: BidiPieceInfo;
}

export interface LayoutLine {
  inlines: LayoutInline[];
  newLineForced?: boolean;
  lastLineInParagraph?: boolean;
}

interface Element {
  level: number;
  width: number;
  inline?: LayoutInline;
  stretch: boolean;
}

/** Leads per parsed font (shared by every document, like the shaping they derive from) and text. */
const leadsByFont = new WeakMap<object, Map<string, number>>();

/** The run is drawn from its first glyph (see runLead in glyphRun.ts), so place it that much further. */
function leadOf(inline: LayoutInline): number {
  if (!inline._bidi || !inline.font || inline.fontSize === undefined) return 0;
  const owner = inline.font.font ?? inline.font;
  let leads = leadsByFont.get(owner);
  if (leads === undefined) leadsByFont.set(owner, (leads = new Map()));
  let lead = leads.get(inline.text);
  if (lead === undefined) {
    lead = runLead(inline.font.layout(inline.text).positions);
    leads.set(inline.text, lead);
  }
  return (lead * inline.fontSize) / 1000;
}

/**
 * A line wider than the column can only be one word (or a glued chain) longer than a line: rather
 * than cut it mid-word or let it run off the page, set it smaller until it fits.
 */
function shrinkToFit(line: LayoutLine, availableWidth: number): void {
  const last = line.inlines[line.inlines.length - 1]!;
  const width = line.inlines.reduce((sum, i) => sum + i.width, 0) - (last.trailingCut ?? 0);
  if (width <= availableWidth || width <= 0) return;
  const factor = availableWidth / width;
  for (const inline of line.inlines) {
    if (inline.fontSize !== undefined) inline.fontSize *= factor;
    inline.width *= factor;
    if (inline.trailingCut !== undefined) inline.trailingCut *= factor;
    if (inline.leadingCut !== undefined) inline.leadingCut *= factor;
  }
}

/** Returns false when the line is not ours (no engine pieces), leaving it to pdfmake. */
export function layoutBidiLine(line: LayoutLine, availableWidth: number): boolean {
  const inlines = line.inlines;
  if (inlines.length === 0 || !inlines.some((i) => i._bidi)) return false;

  shrinkToFit(line, availableWidth);
  const elements: Element[] = [];
  inlines.forEach((inline, i) => {
    const trailing = inline.trailingCut ?? 0;
    const leading = i === 0 ? (inline.leadingCut ?? 0) : 0;
    const level = inline._bidi?.level ?? 1;
    elements.push({ level, width: inline.width - trailing - leading, inline, stretch: false });
    if (i < inlines.length - 1 && trailing > 0) {
      elements.push({ level: inline._bidi?.spaceLevel ?? 1, width: trailing, stretch: true });
    }
    if (inline._bidi) inline.text = inline._bidi.drawText;
  });

  const order = visualOrder(elements.map((e) => e.level)).map((i) => elements[i]!);
  const lineWidth = elements.reduce((sum, e) => sum + e.width, 0);
  const spare = availableWidth - lineWidth;
  const alignment = inlines[0]!.alignment ?? 'right';
  const gaps = elements.filter((e) => e.stretch).length;

  let offset = 0;
  let extraPerGap = 0;
  const justify = alignment === 'justify' && !line.newLineForced && !line.lastLineInParagraph && gaps > 0 && spare > 0;
  if (justify) extraPerGap = spare / gaps;
  else if (alignment === 'center') offset = spare / 2;
  else if (alignment !== 'left') offset = spare; // right, and justify's last line: flush right

  let x = offset;
  for (const element of order) {
    const inline = element.inline;
    if (inline) inline.x = x + leadOf(inline);
    x += element.width + (element.stretch ? extraPerGap : 0);
  }
  // line.inlines stay in logical order: pdf.js reports text items in drawing order.
  return true;
}

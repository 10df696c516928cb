/** What every block is set with: the context it is set in, and the paragraph helpers they share. */
import type { Block, Digits, Inline } from '../../document/index.js';
import { engineTextNode, type Node } from '../textNodes.js';
import { FONT_SIZE } from '../styles.js';
import type { Composition } from '../composition.js';
import type { DocumentStructure, StructNode } from '../structure/tree.js';

export type { Node } from '../textNodes.js';

export interface BlockContext {
  digits: Digits;
  /** Width the block sizes its tables and charts to, in points. */
  width: number;
  /** Width pdfmake gives a paragraph here (the lines are broken for it before pdfmake flows them). */
  lineWidth: number;
  /** Heading → destination id, for the table of contents. */
  headingIds: Map<Block, string>;
  /** Headings listed in the table of contents, in document order. */
  tocEntries: { id: string; level: number; content: Inline[] }[];
  /** The document's page-composition rules (keep with next, section starts). */
  composition: Composition;
  /** Where the block's structure elements go (structure/tree.ts). */
  structure: StructureContext;
}

export interface StructureContext {
  document: DocumentStructure;
  /** The element the blocks here are children of. */
  parent: StructNode;
  /** The level of the last heading set, shared by the whole document (a box title sits one below). */
  heading: { level: number };
}

/** The context for blocks inside `parent`. */
export const inside = (ctx: BlockContext, parent: StructNode): BlockContext => ({ ...ctx, structure: { ...ctx.structure, parent } });

/** The text of a heading as a bookmark reads it: no citation markers, spaces collapsed. */
export function plainTitle(content: readonly Inline[]): string {
  return content
    .filter((inline) => !inline.cite)
    .map((inline) => inline.text)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

export type Alignment = 'right' | 'justify' | 'center' | 'left';

/** A paragraph in this context: `extra` must give its fontSize (and bold); `width` defaults to the context's line width. */
export function textNode(content: Inline[], ctx: BlockContext, alignment: Alignment, extra: Node & { fontSize: number }, width = ctx.lineWidth): Node {
  return setText(content, ctx, alignment, extra, width, false);
}

/** Running text: its last line never holds a single word where the paragraph can be set otherwise. */
export function runningText(content: Inline[], ctx: BlockContext, alignment: Alignment, extra: Node & { fontSize: number }, width = ctx.lineWidth): Node {
  return setText(content, ctx, alignment, extra, width, true);
}

function setText(content: Inline[], ctx: BlockContext, alignment: Alignment, extra: Node & { fontSize: number }, width: number, tieLastWords: boolean): Node {
  const { fontSize, bold, ...rest } = extra;
  const style = { fontSize, bold: bold === true, alignment, digits: ctx.digits, supScale: FONT_SIZE.citeScale, tieLastWords };
  return engineTextNode(content, width, style, rest);
}

/**
 * The widths pdfmake gives the columns of a table (columnCalculator: star columns share what the
 * fixed columns, paddings and vertical lines leave), for tables whose star columns hold only text.
 */
export function tableColumnWidths(
  available: number,
  widths: readonly (number | '*')[],
  layout: { paddingLeft(i: number): number; paddingRight(i: number): number; vLineWidth(i: number): number },
): number[] {
  let offsets = 0;
  let previousRight = 0;
  widths.forEach((_, i) => {
    offsets += previousRight + layout.vLineWidth(i) + layout.paddingLeft(i);
    previousRight = layout.paddingRight(i);
  });
  offsets += previousRight + layout.vLineWidth(widths.length);
  const fixed = widths.reduce<number>((sum, w) => sum + (w === '*' ? 0 : w), 0);
  const stars = widths.filter((w) => w === '*').length;
  const star = stars > 0 ? (available - offsets - fixed) / stars : 0;
  return widths.map((w) => (w === '*' ? star : w));
}

export const plain = (text: string): Inline[] => [{ text }];

/**
 * Page composition rules, decided by the document's own structure, so pdfmake settles them in its
 * one layout pass (no layout pass of their own, no hook into pdfmake):
 * - widows and orphans: a paragraph's first KEEP_LINES lines and its last KEEP_LINES lines are each
 *   an unbreakable group (a paragraph too short to split into two lines on each side is one group);
 * - keep with next: a heading, a box title or a chart title is never left at the foot of a page with
 *   fewer than KEEP_LINES lines (or the first row) of what follows it;
 * - section starts: a level-1 heading (a section of the fact sheet) starts a new page when less than
 *   SECTION_ROOM of the page is left, and otherwise follows on the same page, so no page ends with a
 *   few stray lines before a forced break;
 * - a paragraph's last two words are tied, so that its last line never holds a single word.
 *
 * Keep with next and section starts reserve room, as LaTeX's \needspace does: before the heading
 * (below its top margin) stands an unbreakable block as tall as the room the heading needs (itself,
 * and what must stay with it), which pdfmake moves to the next page when it does not fit, and which
 * takes back its own height at once (a negative bottom margin), so it adds no space where it fits. The room is measured on the
 * nodes before layout: every line is the engine's, so its height is known (LineHeight), and a table's
 * first rows are the heights of their cells plus the layout's paddings and rules.
 */
import type { Node } from './textNodes.js';

/** Lines of what follows that a heading keeps on its page; lines a paragraph keeps on each side of a break. */
export const KEEP_LINES = 2;
/** A section starts a new page when less than this share of the page's text area is left. */
export const SECTION_ROOM = 0.4;

type Role = 'keeper' | 'section';

/** Height pdfmake gives a line of text in a font family (bold or not) at a size: ascent to descent. */
export type LineHeight = (family: string, bold: boolean, size: number) => number;

/** What the room of a node is measured with: the document's line heights, default font and size. */
export interface Measures {
  lineHeight: LineHeight;
  font: string;
  fontSize: number;
  /** Height of a page's text area (the flow's pages). */
  pageHeight: number;
}

/** How tall the top of a node is, down to a number of its lines (see Composition#room). */
export interface Room {
  height: number;
  /** Lines of what follows counted (a title's own lines are not). */
  lines: number;
  /** The node is measured whole (its bottom margin included): what follows it comes next. */
  whole: boolean;
}

/** A block that reserves `height` points at the foot of a page and gives them back where they fit. */
export function needSpace(height: number): Node {
  // An empty canvas: pdfmake gives an empty text a line's height.
  return { unbreakable: true, stack: [{ canvas: [], margin: [0, height, 0, 0] }], margin: [0, 0, 0, -height] };
}

/** Splits a paragraph's lines so that no page holds a single line of it (widows and orphans). */
export function linesKeptTogether(count: number, keep = KEEP_LINES): { from: number; to: number; unbreakable: boolean }[] {
  if (count < 2) return [{ from: 0, to: count, unbreakable: false }];
  if (count < 2 * keep) return [{ from: 0, to: count, unbreakable: true }];
  const groups = [{ from: 0, to: keep, unbreakable: true }];
  if (count > 2 * keep) groups.push({ from: keep, to: count - keep, unbreakable: false });
  groups.push({ from: count - keep, to: count, unbreakable: true });
  return groups;
}

type Layout = Record<string, ((i: number, node: Node) => number) | undefined>;
const margins = (node: Node): [number, number, number, number] => {
  const m = node.margin;
  if (typeof m === 'number') return [m, m, m, m];
  if (Array.isArray(m) && m.length === 2) return [m[0], m[1], m[0], m[1]] as [number, number, number, number];
  if (Array.isArray(m) && m.length === 4) return m as [number, number, number, number];
  return [0, 0, 0, 0];
};

/** The composition of one document: which nodes keep with what follows, and the room they need. */
export class Composition {
  private readonly keepers = new WeakMap<Node, Role>();
  /** Title lines: a heading's own lines do not count as what follows another heading. */
  private readonly titles = new WeakSet<Node>();

  constructor(private readonly measures: Measures) {}

  /** Running text in the flow of a page: kept from leaving a single line at a page's foot or top. */
  paragraph(node: Node): Node {
    const lines = node.text;
    if (!Array.isArray(lines)) return node;
    const groups = linesKeptTogether(lines.length);
    if (groups.length === 1) return groups[0]!.unbreakable ? { ...node, unbreakable: true } : node;
    const { margin, ...style } = node;
    // Each group ends its last line (pdfmake breaks lines at the placeholders' newlines).
    const group = ({ from, to, unbreakable }: { from: number; to: number; unbreakable: boolean }): Node => ({
      ...style,
      text: lines.slice(from, to).map((line: Node, i, all) => (i === all.length - 1 && typeof line.text === 'string' ? { ...line, text: line.text.replace(/\n$/u, '') } : line)),
      ...(unbreakable ? { unbreakable: true } : {}),
    });
    return { stack: groups.map(group), ...(margin === undefined ? {} : { margin }) };
  }

  /**
   * A heading or chart title (a text node), or a box or chart whose title is `title`: kept with the
   * lines that follow the title. A section start (a level-1 heading) also asks for SECTION_ROOM.
   */
  keepWithNext(node: Node, role: Role = 'keeper', title: Node = node): Node {
    this.titles.add(title);
    this.keepers.set(node, role);
    return node;
  }

  /** A sequence of blocks' nodes, with the room each keeper needs reserved before it. */
  flow(nodes: readonly Node[]): Node[] {
    const flowed: Node[] = [];
    nodes.forEach((node, i) => {
      const role = this.keepers.get(node);
      // A node that starts a page has its page's room.
      if (role !== undefined && node.pageBreak !== 'before') {
        let need = this.roomFrom(nodes, i);
        if (role === 'section') need = Math.max(need, SECTION_ROOM * this.measures.pageHeight + margins(node)[1]);
        // What cannot stay together on any page goes where it falls.
        if (need > 0 && need < 0.9 * this.measures.pageHeight) {
          // The room is reserved below the keeper's top margin, which pdfmake drops at the top of a
          // page when it does not fit at the foot of the last one, as a typesetter drops it.
          const [left, top, right, bottom] = margins(node);
          if (top === 0) flowed.push(needSpace(need), node);
          else {
            node.margin = [left, 0, right, bottom];
            flowed.push({ stack: [needSpace(need - top), node], margin: [0, top, 0, 0] });
          }
          return;
        }
      }
      flowed.push(node);
    });
    return flowed;
  }

  /** The room from the top of nodes[i] to the KEEP_LINES-th line that follows its titles. */
  roomFrom(nodes: readonly Node[], i: number): number {
    let height = 0;
    let lines = 0;
    for (let j = i; j < nodes.length && lines < KEEP_LINES; j++) {
      // A forced page break after the heading (the template's own decision) is not undone by moving it.
      if (j > i && nodes[j]!.pageBreak !== undefined) break;
      const room = this.room(nodes[j]!, KEEP_LINES - lines);
      height += room.height;
      lines += room.lines;
      if (!room.whole) break;
    }
    return height;
  }

  /**
   * How tall a node is from its top edge (its top margin included) down to its `want`-th line of
   * what follows its titles — whole, with its bottom margin, when it holds fewer lines or cannot
   * break (pdfmake moves an unbreakable block, a table's header with its first row, a row kept whole).
   */
  room(node: Node, want: number, size = this.measures.fontSize): Room {
    if (node.unbreakable === true && want !== Infinity) return { ...this.room(node, Infinity, size), lines: want };
    if (node.relativePosition !== undefined || node.absolutePosition !== undefined) return { height: 0, lines: 0, whole: true };
    const [, top, , bottom] = margins(node);
    const fontSize = typeof node.fontSize === 'number' ? node.fontSize : size;
    const inner = this.inner(node, want, fontSize);
    return { height: top + inner.height + (inner.whole ? bottom : 0), lines: inner.lines, whole: inner.whole };
  }

  private inner(node: Node, want: number, size: number): Room {
    if (node.text !== undefined) {
      const count = Array.isArray(node.text) ? node.text.length : node.text === '' ? 0 : 1;
      const height = this.measures.lineHeight(typeof node.font === 'string' ? node.font : this.measures.font, node.bold === true, size);
      if (this.titles.has(node)) return { height: count * height, lines: 0, whole: true };
      const lines = Math.min(count, want);
      return { height: lines * height, lines, whole: lines === count };
    }
    if (Array.isArray(node.stack)) return this.sequence(node.stack as Node[], want, size);
    if (Array.isArray(node.columns)) {
      const rooms = (node.columns as Node[]).map((column) => this.room(column, want, size));
      return { height: Math.max(0, ...rooms.map((r) => r.height)), lines: Math.max(0, ...rooms.map((r) => r.lines)), whole: rooms.every((r) => r.whole) };
    }
    if (node.table !== undefined) return this.tableRows(node, want, size);
    if (Array.isArray(node.canvas)) {
      const bottoms = (node.canvas as Node[]).map((shape) => Math.max(Number(shape.y ?? 0) + Number(shape.h ?? 0), Number(shape.y1 ?? 0), Number(shape.y2 ?? 0)));
      return { height: Math.max(0, ...bottoms), lines: 0, whole: true };
    }
    return { height: 0, lines: 0, whole: true };
  }

  private sequence(children: readonly Node[], want: number, size: number): Room {
    let height = 0;
    let lines = 0;
    for (const child of children) {
      const room = this.room(child, want - lines, size);
      height += room.height;
      lines += room.lines;
      if (!room.whole || lines >= want) return { height, lines, whole: false };
    }
    return { height, lines, whole: true };
  }

  /** A table's rows down to `want` lines: the header with the rows kept with it, or rows kept whole, are whole. */
  private tableRows(node: Node, want: number, size: number): Room {
    const table = node.table as { body: Node[][]; headerRows?: number; keepWithHeaderRows?: number; dontBreakRows?: boolean };
    const layout = (typeof node.layout === 'object' && node.layout !== null ? node.layout : {}) as Layout;
    const ask = (name: string, fallback: number, i: number) => layout[name]?.(i, node) ?? fallback;
    const header = table.headerRows ?? 0;
    const keptWithHeader = header + (header > 0 ? (table.keepWithHeaderRows ?? 0) : 0);
    let height = 0;
    let lines = 0;
    for (let r = 0; r < table.body.length; r++) {
      const whole = table.dontBreakRows === true || r < keptWithHeader;
      const cells = table.body[r]!.map((cell) => this.room(cell, whole ? Infinity : want - lines, size));
      height += ask('hLineWidth', 1, r) + ask('paddingTop', 2, r) + Math.max(0, ...cells.map((c) => c.height)) + ask('paddingBottom', 2, r);
      // A header row is the table's title; a body row kept whole is enough of what follows.
      lines += r < header ? 0 : whole ? want - lines : Math.max(0, ...cells.map((c) => c.lines));
      if (lines >= want && r >= keptWithHeader - 1) {
        return { height: height + ask('hLineWidth', 1, r + 1), lines, whole: r === table.body.length - 1 && cells.every((c) => c.whole) };
      }
      if (!whole && cells.some((c) => !c.whole)) return { height, lines, whole: false };
    }
    return { height: height + ask('hLineWidth', 1, table.body.length), lines, whole: true };
  }
}

/**
 * Ties a paragraph's last two words (no line break between them), so its last line never holds one
 * word alone. Works on the paragraph pieces (`noNewLine`: no line may break after this piece), the
 * contract our line breaker honours. A word is what stands between two breaks and holds a letter or
 * a digit: a dash or other punctuation standing alone, or a raised citation number, is not a word,
 * and rides with the word after it. Not done when the last two words are so long that, tied, they
 * could not share a line with anything else.
 */
export function tieLastWords<P extends { text?: unknown; noNewLine?: boolean; sup?: boolean }>(pieces: P[], maxTiedCharacters = 24): P[] {
  const textOf = (p: P) => (typeof p.text === 'string' ? p.text : '');
  const isBreak = (p: P) => p.noNewLine !== true && /\s$/u.test(textOf(p));
  // Segments between breaks: [first piece, last piece], and whether the segment is a word.
  const segments: { start: number; end: number; word: boolean }[] = [];
  let start = 0;
  pieces.forEach((p, i) => {
    if (i === pieces.length - 1 || isBreak(p)) {
      const word = pieces.slice(start, i + 1).some((q) => q.sup !== true && /[\p{L}\p{N}]/u.test(textOf(q)));
      segments.push({ start, end: i, word });
      start = i + 1;
    }
  });
  const words = segments.filter((segment) => segment.word);
  // A paragraph of three words or fewer is short enough to stand as it falls.
  if (words.length <= 3) return pieces;
  const before = words[words.length - 2]!;
  const tied = pieces.slice(before.start).map(textOf).join('').trim();
  if ([...tied].length > maxTiedCharacters) return pieces;
  // Every break from the last-but-one word to the paragraph's end.
  for (const segment of segments) if (segment.start >= before.start && segment.end < pieces.length - 1) pieces[segment.end]!.noNewLine = true;
  return pieces;
}

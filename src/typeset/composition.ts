/**
 * Page composition rules, decided on the laid-out page, never on today's content:
 * - keep with next: a heading, a box title or a chart title is never left at the foot of a page with
 *   fewer than KEEP_LINES lines of what follows it;
 * - section starts: a level-1 heading (a section of the fact sheet) starts a new page when less than
 *   SECTION_ROOM of the page is left, and otherwise follows on the same page, so no page ends with a
 *   few stray lines before a forced break;
 * - widows and orphans: a paragraph split across pages leaves at least KEEP_LINES lines on each side;
 * - a paragraph's last two words are tied, so that its last line never holds a single word.
 *
 * Two ways in, by what a rule needs to know:
 * - flow rules (section starts, widows and orphans) need only where pdfmake's writer stands when it is
 *   about to place a node or a line: they ride on the nodes (FLOW_RULES) and the adapter's flow hook
 *   asks them during layout, so they cost no layout pass of their own;
 * - keep with next needs what follows the heading, laid out: it is decided in pdfmake's
 *   pageBreakBefore pass, which lays the document out again after each break it makes.
 * pdfmake reports each laid-out node to that callback with only a few of its fields; the nodes we made
 * are found again through their `text` array (pdfmake keeps it by reference), and their lines'
 * positions are read from the node itself.
 */
import type { Node } from './blocks.js';

/** Lines of what follows that a heading keeps on its page. */
export const KEEP_LINES = 2;
/** A section starts a new page when less than this share of the page's text area is left. */
export const SECTION_ROOM = 0.4;

type Role = 'keeper' | 'section';

/** Where pdfmake's writer stands when it is about to place a node or a line (the adapter's flow hook). */
export interface FlowPlace {
  /** Share of the page's text area above this point (0 at its top). */
  verticalRatio: number;
  /** Points left on the page below this point. */
  available: number;
}

/** The rules a node carries into layout, under FLOW_RULES. */
export interface FlowRules {
  /** Asked before the node (where its first line would stand): true starts it on the next page. */
  breakBefore?(start: FlowPlace): boolean;
  /** A paragraph: each of its lines asks whether it starts the next page (widows and orphans). */
  lineBreaksBefore?(line: LineAtFoot): boolean;
}

/** The node property the adapter's flow hook reads. */
export const FLOW_RULES = '_flowRules';

/** A paragraph's line about to be placed, and the room it has. */
export interface LineAtFoot {
  /** 0-based index of the line in its paragraph, and the paragraph's number of lines. */
  index: number;
  count: number;
  /** The paragraph's lines already on this page. */
  onPage: number;
  height: number;
  available: number;
}

/**
 * Widows and orphans: true moves this line to the next page, so that neither page holds a single
 * line of the paragraph. Its first line moves (with the rest) when fewer than KEEP_LINES lines fit —
 * all of them, for a paragraph too short to split into two lines on each side; its last-but-KEEP_LINES
 * line moves when the lines after it would not fit, and enough stay behind.
 */
export function lineBreaksBefore({ index, count, onPage, height, available }: LineAtFoot): boolean {
  // A line that does not fit goes over anyway (pdfmake); a line at a page's top stays.
  if (height > available + 0.01 || count < 2) return false;
  const fits = (lines: number) => lines * height <= available + 0.01;
  if (index === 0) return !fits(count < 2 * KEEP_LINES ? count : KEEP_LINES);
  if (count >= 2 * KEEP_LINES && index === count - KEEP_LINES && onPage >= KEEP_LINES) return !fits(KEEP_LINES);
  return false;
}

/** A section start: on the next page when less than SECTION_ROOM of this one is left. */
const sectionRules: FlowRules = { breakBefore: (start) => start.verticalRatio > 1 - SECTION_ROOM };
/** Running text in the flow. */
const paragraphRules: FlowRules = { lineBreaksBefore };

/** What we mark on nodes: a heading-like node keeps with what follows; a section start may break. */
export interface CompositionMarks {
  role: Role;
}

interface LinePosition {
  pageNumber: number;
  top: number;
  verticalRatio: number;
  pageInnerHeight: number;
}

interface NodeInfo {
  pageBreak?: string;
  text?: unknown;
  table?: unknown;
  headlineLevel?: number;
  startPosition?: LinePosition;
  pageNumbers?: number[];
}

interface NodeQueries {
  getFollowingNodesOnPage(): NodeInfo[];
  getNodesOnNextPage(): NodeInfo[];
}

/**
 * Room (points, from the top of the heading's line to the page's foot) a heading needs when what
 * follows cannot be measured (see below): its own line and about three lines of body text.
 */
export const KEEP_SPACE = 4 * 12 * 1.5;
/** Height a counted line needs below its top: a line of text and a table row's padding. */
const ROW_ROOM = 12 * 1.5 + 8;

/** Registers the text nodes of one document, so the page-break pass can find them again. */
export class Composition {
  private readonly marks = new WeakMap<object, CompositionMarks & { node: Node; measured: Node }>();
  private readonly leaves = new WeakMap<object, Node>();
  private readonly keepers: Node[] = [];
  /** Title lines of keepers: a heading's lines do not count as what follows another heading. */
  private readonly titles = new WeakSet<Node>();

  /** Every text node goes through here (its lines are counted when it follows a heading). */
  leaf(node: Node): Node {
    if (typeof node.text === 'object' && node.text !== null) this.leaves.set(node.text, node);
    return node;
  }

  /** Running text in the flow of a page: kept from leaving a single line at a page's foot or top. */
  paragraph(node: Node): Node {
    node[FLOW_RULES] = paragraphRules;
    return this.leaf(node);
  }

  /**
   * A heading or chart title (a text node), or a box (a table node whose title is `measured`): kept
   * with the lines that follow. A box moves whole: a break inside it would leave its empty frame.
   */
  keepWithNext(node: Node, role: Role = 'keeper', measured: Node = node): Node {
    this.leaf(measured);
    this.titles.add(measured);
    // pdfmake passes headlineLevel on to the page-break pass; the value itself is not used.
    if (node.headlineLevel === undefined) node.headlineLevel = 9;
    if (role === 'section') node[FLOW_RULES] = sectionRules;
    const key = keyOf(node);
    if (key) this.marks.set(key, { role, node, measured });
    this.keepers.push(node);
    return node;
  }

  private positionsOf(leaf: Node | undefined): LinePosition[] {
    return ((leaf?.positions as LinePosition[] | undefined) ?? []).filter((p) => p !== undefined);
  }

  private leafOf(info: NodeInfo): Node | undefined {
    return typeof info.text === 'object' && info.text !== null ? this.leaves.get(info.text) : undefined;
  }

  private markOf(info: NodeInfo) {
    const key = keyOf(info);
    return key ? this.marks.get(key) : undefined;
  }

  /** pdfmake's pageBreakBefore callback: true moves the node to the next page. */
  readonly pageBreakBefore = (info: NodeInfo, queries: NodeQueries): boolean => {
    const mark = this.markOf(info);
    const start = info.startPosition;
    if (!mark || !start) return false;
    // Already at the top of a page: moving it would only leave an empty page.
    if (start.verticalRatio < 0.02) return false;
    // (A section start that has too little room left was moved by its flow rule already.)
    const breaks = this.strandedAtFoot(mark.measured, start, queries);
    // pdfmake asks about each node once; after a break moves what follows, every other heading is
    // asked again. Each break is final, so this ends after at most one pass per heading that breaks.
    if (breaks) for (const node of this.keepers) delete node.pageBreakCalculated;
    return breaks;
  };

  /** Fewer than KEEP_LINES lines of what follows share the heading's page, and more follows. */
  private strandedAtFoot(measured: Node, start: LinePosition, queries: NodeQueries): boolean {
    const page = start.pageNumber;
    const own = this.positionsOf(measured).filter((p) => p.pageNumber === page);
    const below = Math.max(start.top, ...own.map((p) => p.top));
    const rows = new Set<number>();
    for (const next of queries.getFollowingNodesOnPage()) {
      // A heading that follows closes what this one introduced once a line stands between them;
      // directly after it, it belongs to the same run of headings.
      if (this.markOf(next) && rows.size > 0) return false;
      const leaf = this.leafOf(next);
      if (leaf && this.titles.has(leaf)) continue;
      const positions = this.positionsOf(leaf);
      // pdfmake lays out an unbreakable block (a table row kept whole) on a scratch page and does not
      // move the recorded positions with it: what follows cannot be counted, so the heading keeps
      // room for it instead.
      if (positions.some((p) => p.pageNumber < page)) {
        return rows.size < KEEP_LINES && start.pageInnerHeight - (below - (start.top - start.verticalRatio * start.pageInnerHeight)) < KEEP_SPACE;
      }
      for (const p of positions) {
        // A line of a row kept whole is recorded where it was tried, even when the row then moved
        // on: a line with no room for its row's padding below it is not counted as on the page.
        const pageFoot = start.top - start.verticalRatio * start.pageInnerHeight + start.pageInnerHeight;
        if (p.pageNumber === page && p.top > below + 0.5 && p.top + ROW_ROOM <= pageFoot) rows.add(Math.round(p.top));
      }
      if (rows.size >= KEEP_LINES) return false;
    }
    // Nothing more on the next page: what followed was short and is complete. A forced page break
    // right after the heading (the template's own decision) is not undone by moving the heading.
    const nextPage = queries.getNodesOnNextPage();
    return nextPage.length > 0 && nextPage[0]!.pageBreak !== 'before';
  }
}

function keyOf(node: { text?: unknown; table?: unknown }): object | undefined {
  const key = node.table ?? node.text;
  return typeof key === 'object' && key !== null ? key : undefined;
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

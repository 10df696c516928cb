/**
 * The document's logical structure, built with its pdfmake nodes (blocks.ts) and written as the
 * PDF's structure tree when the pages are drawn (tagWriter.ts). The tree is in reading order; the
 * pages are drawn in whatever order pdfmake lays them out (a table row left to right, a chart's bars
 * before their labels), so each drawn line only names the element it belongs to (its LineTag).
 */

/** Standard structure types (ISO 32000-1, 14.8.4) the briefs use. */
export type Role =
  | 'Document'
  | 'H1'
  | 'H2'
  | 'H3'
  | 'H4'
  | 'H5'
  | 'H6'
  | 'P'
  | 'L'
  | 'LI'
  | 'Lbl'
  | 'LBody'
  | 'Table'
  | 'THead'
  | 'TBody'
  | 'TR'
  | 'TH'
  | 'TD'
  | 'Figure'
  | 'TOC'
  | 'TOCI'
  | 'Reference'
  | 'Link'
  | 'Span'
  | 'Div';

export interface StructNode {
  role: Role;
  children: StructNode[];
  /** Alternative text (a Figure's). */
  alt?: string;
  /** Language of the element's text, when it differs from the document's. */
  lang?: string;
  /** A table header cell's scope. */
  scope?: 'Column' | 'Row';
  /** A list's numbering (List attribute ListNumbering). */
  listNumbering?: 'Decimal' | 'Disc' | 'None';
  /** A heading's bookmark: its level in the outline and its title. */
  outline?: { level: number; title: string };
  /** A named destination placed where the element's first line is drawn. */
  destination?: string;
  /** A Link's target: a named destination of the document. */
  linkTo?: string;
  /** What a Link's annotations say where they go (their Contents). */
  description?: string;
  /** The element's text as read (ActualText), when drawing order does not give it. */
  actualText?: string;
  /** A source-list entry's number (its Lbl): links back to where source n is first cited. */
  citedFrom?: number;
}

/** What a drawn line is: content of an element, or page furniture. */
export type LineTag =
  | { kind: 'content'; node: StructNode }
  | { kind: 'artifact'; type: 'Pagination' | 'Layout'; subtype?: 'Header' | 'Footer' }
  | { kind: 'pageStart'; document: DocumentStructure };

/** A document's structure: the tree, and what its citation markers point to. */
export interface DocumentStructure {
  root: StructNode;
  /** Citation number → the named destination of its entry in the source list. */
  sources: Map<number, string>;
}

export function newDocumentStructure(): DocumentStructure {
  return { root: { role: 'Document', children: [] }, sources: new Map() };
}

/** A new element, appended to `parent`'s children. */
export function addNode(parent: StructNode, role: Role, props: Omit<Partial<StructNode>, 'role' | 'children'> = {}): StructNode {
  const node: StructNode = { role, children: [], ...props };
  parent.children.push(node);
  return node;
}

export const contentTag = (node: StructNode): LineTag => ({ kind: 'content', node });
export const HEADER_ARTIFACT: LineTag = { kind: 'artifact', type: 'Pagination', subtype: 'Header' };
export const FOOTER_ARTIFACT: LineTag = { kind: 'artifact', type: 'Pagination', subtype: 'Footer' };

export function headingRole(level: number): Role {
  return `H${Math.min(6, Math.max(1, level))}` as Role;
}

/** The destination of source-list entry `n`. */
export const sourceDestination = (n: number): string => `source-${n}`;
/** The destination of the first citation of source `n`. */
export const citationDestination = (n: number): string => `cite-${n}`;

/** Latin-script text with no Arabic letter: drawn in a Latin font, read in another language. */
export function isLatinScript(text: string): boolean {
  return /\p{Script=Latin}/u.test(text) && !/\p{Script_Extensions=Arabic}/u.test(text);
}

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';

/** The source numbers a citation marker's text names ("3", "٣،", "3، 5" → 3, 5). */
export function citedNumbers(text: string): number[] {
  const western = text.replace(/[٠-٩]/g, (d) => String(ARABIC_INDIC.indexOf(d)));
  return (western.match(/\d+/g) ?? []).map(Number);
}

/**
 * The markup's closed vocabulary: every element and the attributes it accepts.
 * Anything else is an error, so a template cannot reach beyond the Block model.
 */

export const inlineElements = ['b', 'cite', 'ltr', 'muted'] as const;
export type InlineElementName = (typeof inlineElements)[number];

/** Elements that may stand at the top level of a brief (and, except where noted, inside a box). */
export const blockElements = [
  'h1',
  'h2',
  'h3',
  'p',
  'ul',
  'ol',
  'table',
  'box',
  'key-figures',
  'chart',
  'toc',
  'cover',
  'page-break',
] as const;
export type BlockElementName = (typeof blockElements)[number];

/** Blocks that only make sense on a page of their own, not inside a box. */
export const topLevelOnlyElements: ReadonlySet<string> = new Set(['box', 'toc', 'cover', 'page-break']);

/** Allowed attributes per element. */
export const allowedAttributes: Readonly<Record<string, readonly string[]>> = {
  h1: ['toc'],
  h2: ['toc'],
  h3: ['toc'],
  p: ['class'],
  ul: [],
  ol: ['sources'],
  li: [],
  table: ['weights'],
  thead: [],
  tbody: [],
  tr: [],
  th: ['align'],
  td: ['align'],
  box: ['tone', 'title'],
  'key-figures': [],
  'key-figure': [],
  value: [],
  label: [],
  chart: ['title', 'unit'],
  bar: ['label', 'value', 'min', 'max', 'shown', 'note'],
  toc: ['title'],
  cover: ['title', 'subtitle'],
  line: [],
  /**
   * A QR code on the cover (the edition's page on the readers' site): an absolute http(s) address, and
   * `page`, the same page's name inside the site, which the site's own copy links to (relative links,
   * so a downloaded site works from file://).
   */
  qr: ['href', 'page'],
  'page-break': [],
  b: [],
  cite: [],
  ltr: [],
  muted: [],
};

export function isKnownElement(name: string): boolean {
  return Object.hasOwn(allowedAttributes, name);
}

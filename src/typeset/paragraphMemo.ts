/**
 * setParagraph, remembered: a paragraph's lines depend only on its inlines, its width and its style
 * (the fonts are the process's), so a long-lived process (`briefs watch`) sets again only the
 * paragraphs an edit changed. Each call still gets its own line objects (the structure writer tells
 * lines apart by identity: a repeated table header is drawn from the same lines); the runs inside, as
 * the shaped runs before them, are shared and never changed. The memo keeps what the last documents
 * used: past a bound it starts afresh, keeping the entries read since.
 */
import type { Inline } from '../document/model.js';
import { setParagraph, type ParagraphStyle, type SetLine } from './paragraphLayout.js';

/** Paragraphs remembered before the oldest are let go (the four briefs and the fact sheet set ~3,000). */
const BOUND = 20_000;

let current = new Map<string, readonly SetLine[]>();
let previous = new Map<string, readonly SetLine[]>();

export function setParagraphMemo(content: readonly Inline[], width: number, style: ParagraphStyle): SetLine[] {
  const key = JSON.stringify([content, width, style]);
  let lines = current.get(key);
  if (lines === undefined) {
    lines = previous.get(key) ?? setParagraph(content, width, style);
    if (current.size >= BOUND) [previous, current] = [current, new Map()];
    current.set(key, lines);
  }
  return lines.map((line) => ({ ...line }));
}

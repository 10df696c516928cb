/**
 * The engine's paragraphs as pdfmake text nodes: one pdfmake inline per finished line, which pdfmake
 * only stacks (its height comes from the font and size, its width is the engine's business) and
 * which the adapter's hook hands back to the line layout and the writer. pdfmake measures such a
 * line as next to nothing wide, so a column pdfmake sizes to its content ('auto') must be given
 * the engine's width instead (naturalWidth, as the footer does).
 */
import type { Digits, Inline } from '../document/model.js';
import type { Alignment } from './lineLayout.js';
import { setParagraphMemo } from './paragraphMemo.js';
import type { EngineNodeFields } from './nodeFields.js';
import type { LineTag } from './structure/tree.js';

/** A pdfmake content node (kept loose: pdfmake has no types here). */
export type Node = Record<string, unknown>;

/** Nothing to measure or draw; a word joiner, so that pdfmake's line breaker finds no break in it. */
const LINE_PLACEHOLDER = '\u2060';

/** What the adapter reads of a line inline. */
export interface EngineLineInline {
  text: string;
  /** pdfmake must not move the engine's lines: they are aligned by the engine. */
  alignment: 'left';
  _line: EngineNodeFields['_line'];
  /** What the line is in the document's structure (structure/tree.ts); every line drawn has one. */
  _tag?: EngineNodeFields['_tag'];
}

export function isEngineLineInline(inline: object): inline is EngineLineInline {
  return '_line' in inline;
}

export interface TextStyle {
  fontSize: number;
  bold?: boolean;
  alignment: Alignment;
  digits: Digits;
  supScale?: number;
  tieLastWords?: boolean;
}

/**
 * A paragraph set at `width` (the column pdfmake will give it: the adapter checks) as a pdfmake text
 * node; `extra` carries pdfmake's own properties (margins, colour, ids, links) and `_tag`, what its
 * lines are in the structure tree (pdfmake keeps an inline's own properties on its line).
 */
export function engineTextNode(content: readonly Inline[], width: number, style: TextStyle, extra: Node & { _tag?: LineTag } = {}): Node {
  const { _tag, ...pdfmakeProperties } = extra;
  const lines = setParagraphMemo(content, width, style);
  // An empty paragraph still takes one line.
  const text =
    lines.length === 0
      ? ' '
      : lines.map(
          (line, i): EngineLineInline => ({
            text: LINE_PLACEHOLDER + (i < lines.length - 1 ? '\n' : ''),
            alignment: 'left',
            _line: line,
            ...(_tag === undefined ? {} : { _tag }),
          }),
        );
  return { ...pdfmakeProperties, text, fontSize: style.fontSize, bold: style.bold === true, alignment: style.alignment };
}

/**
 * The first item drawn on every page (pdfmake's page background comes first): it draws nothing and
 * tells the writer a page starts, so that all that is drawn before any text is marked as furniture.
 */
export function pageStartNode(tag: LineTag & { kind: 'pageStart' }): Node {
  return { text: [{ text: LINE_PLACEHOLDER, _tag: tag }] };
}

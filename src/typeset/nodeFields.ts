/**
 * The fields the engine attaches to pdfmake's node objects, declared once. pdfmake carries unknown
 * fields through its layout untouched; the adapter's hook reads them back on the other side.
 */
import type { Digits } from '../document/model.js';
import type { SetLine } from './paragraphLayout.js';
import type { BidiPieceInfo } from './paragraphPieces.js';
import type { LineTag } from './structure/tree.js';

export interface EngineNodeFields {
  /** On a line inline: the engine's finished line, drawn by the writer (textNodes.ts). */
  _line: SetLine;
  /** On a text piece: its bidi run, shaped with that direction (paragraphRuns.ts). */
  _bidi: BidiPieceInfo;
  /** On a heading listed in the contents: the digits its page number is printed in there. */
  _digits: Digits;
  /** On a line inline: what the line is in the structure tree (structure/tree.ts). */
  _tag: LineTag;
}

/** Marks a contents heading with the digits of its page number (read by pageNumberDigits). */
export function setPageNumberDigits(node: object, digits: Digits): void {
  (node as Partial<EngineNodeFields>)._digits = digits;
}

/** The digits a contents entry prints its heading's page number in (pdfmake's page reference to the heading node). */
export function pageNumberDigits(node: object): Digits | undefined {
  return (node as Partial<EngineNodeFields>)._digits;
}

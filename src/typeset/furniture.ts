/**
 * Page furniture: A4 geometry, the running header (brief title) and footer ("صفحة N من M" and a note).
 */
import type { Digits } from '../document/model.js';
import { localizeDigits } from '../arabic/digits.js';
import { engineTextNode } from './textNodes.js';
import { naturalWidth } from './paragraphLayout.js';
import { FOOTER_ARTIFACT, HEADER_ARTIFACT } from './structure/tree.js';

export const PAGE_MARGINS = { left: 58, top: 66, right: 58, bottom: 62 } as const;

export const pageGeometry = {
  pageSize: 'A4',
  pageOrientation: 'portrait',
  pageMargins: [PAGE_MARGINS.left, PAGE_MARGINS.top, PAGE_MARGINS.right, PAGE_MARGINS.bottom],
};

/** Width of the text column on A4 (595.28 pt wide). */
export const CONTENT_WIDTH = 595.28 - PAGE_MARGINS.left - PAGE_MARGINS.right;
export const CONTENT_HEIGHT = 841.89 - PAGE_MARGINS.top - PAGE_MARGINS.bottom;

export const RULE_COLOR = '#8a8a8a';
export const FURNITURE_COLOR = '#4a4a4a';

const HEADER_SIZE = 9;
const FOOTER_SIZE = 8.5;

export function pageHeader(title: string, digits: Digits) {
  return {
    margin: [PAGE_MARGINS.left, 26, PAGE_MARGINS.right, 0],
    stack: [
      engineTextNode([{ text: title }], CONTENT_WIDTH, { fontSize: HEADER_SIZE, alignment: 'right', digits }, { color: FURNITURE_COLOR, _tag: HEADER_ARTIFACT }),
      {
        canvas: [{ type: 'line', x1: 0, y1: 3, x2: CONTENT_WIDTH, y2: 3, lineWidth: 0.5, lineColor: RULE_COLOR }],
      },
    ],
  };
}

export function pageNumberText(current: number, count: number, digits: Digits): string {
  return localizeDigits(`صفحة ${current} من ${count}`, digits);
}

export function pageFooter(current: number, count: number, note: string, digits: Digits) {
  const pageNumber = [{ text: pageNumberText(current, count, digits) }];
  // The page number's column is as wide as the number; the note has the rest.
  const numberWidth = naturalWidth(pageNumber, { fontSize: FOOTER_SIZE, alignment: 'right', digits });
  const noteWidth = CONTENT_WIDTH - numberWidth;
  return {
    margin: [PAGE_MARGINS.left, 22, PAGE_MARGINS.right, 0],
    fontSize: FOOTER_SIZE,
    color: FURNITURE_COLOR,
    columns: [
      // pdfmake lays columns out left to right: the note goes left, the page number right.
      { width: noteWidth, ...engineTextNode([{ text: note }], noteWidth, { fontSize: FOOTER_SIZE, alignment: 'left', digits }, { _tag: FOOTER_ARTIFACT }) },
      { width: numberWidth, ...engineTextNode(pageNumber, numberWidth, { fontSize: FOOTER_SIZE, alignment: 'right', digits }, { _tag: FOOTER_ARTIFACT }) },
    ],
  };
}

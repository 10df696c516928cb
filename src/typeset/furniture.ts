/**
 * Page furniture: A4 geometry, the running header (brief title) and footer ("صفحة N من M" and a note).
 */
import type { Digits } from './document.js';
import { localizeDigits } from './digits.js';
import { paragraphPieces } from './paragraphRuns.js';

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

function text(value: string, digits: Digits, alignment: 'left' | 'right' | 'center') {
  return { text: paragraphPieces([{ text: value }], digits), alignment };
}

export function pageHeader(title: string, digits: Digits) {
  return {
    margin: [PAGE_MARGINS.left, 26, PAGE_MARGINS.right, 0],
    stack: [
      { ...text(title, digits, 'right'), fontSize: 9, color: FURNITURE_COLOR },
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
  return {
    margin: [PAGE_MARGINS.left, 22, PAGE_MARGINS.right, 0],
    fontSize: 8.5,
    color: FURNITURE_COLOR,
    columns: [
      // pdfmake lays columns out left to right: the note goes left, the page number right.
      { width: '*', ...text(note, digits, 'left') },
      { width: 'auto', ...text(pageNumberText(current, count, digits), digits, 'right') },
    ],
  };
}

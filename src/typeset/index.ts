/**
 * The Arabic typesetting engine: bidi, numeric isolation, font fallback, shaping (HarfBuzz), line
 * layout and the text writer; pdfmake keeps the page flow (pdfmakeAdapter.ts is the boundary).
 */
export type { Block, Cell, Digits, Inline, BarChartItem, TypesetDocument, TypesetResult } from './document.js';
export { typesetDocument } from './typesetDocument.js';
export { typesetPlainText } from './plainText.js';
export { familyForChar, unsupportedCharacters, type UnsupportedCharacter } from './fontRuns.js';
export { localizeDigits } from './digits.js';

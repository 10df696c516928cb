/**
 * The Arabic typesetting engine: bidi, font fallback, shaping (fontkit via pdfkit), right-to-left
 * blocks, on top of the real pdfmake.
 */
export type { Block, Cell, Digits, Inline, BarChartItem, TypesetDocument, TypesetResult } from './document.js';
export { typesetDocument } from './typesetDocument.js';
export { typesetPlainText } from './plainText.js';
export { familyForChar, unsupportedCharacters, type UnsupportedCharacter } from './fontRuns.js';
export { localizeDigits } from './digits.js';

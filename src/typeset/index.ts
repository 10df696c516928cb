/**
 * The Arabic typesetting engine: bidi, numeric isolation, font fallback, shaping (HarfBuzz), line
 * layout and the text writer; pdfmake keeps the page flow (pdfmakeAdapter.ts is the boundary).
 */
export { typesetDocument } from './typesetDocument.js';
export { typesetPlainText } from './plainText.js';

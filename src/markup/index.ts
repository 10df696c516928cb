export { parseMarkup } from './parseMarkup.js';
export { MarkupError } from './errors.js';
export { renderMarkupToHtml } from './renderHtml.js';
export { toArabicIndicDigits } from './digits.js';
export { formatPlainNumber } from './numberText.js';

export { parseMarkup } from './parseMarkup.js';
export { MarkupError } from './errors.js';
export { renderMarkupToHtml } from './renderHtml.js';

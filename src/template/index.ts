export { createTemplateEngine, type TemplateEngine } from './engine.js';
export { TemplateError } from './errors.js';
export { formatArabicDate, type DatePrecision } from './helpers/arDate.js';
export { formatQualifiedNumber, formatQuantity, formatRange } from './helpers/quantity.js';
export { citationMarkup } from './helpers/cite.js';
export { toArabicIndicDigits } from '../markup/digits.js';

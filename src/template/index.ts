export { createTemplateCache, createTemplateEngine, type TemplateCache, type TemplateEngine, type TemplateEngineOptions } from './engine.js';
export { TemplateError } from './errors.js';
export { formatQualifiedNumber, formatQuantity, formatRange } from './helpers/quantity.js';
export { citationMarkup } from './helpers/cite.js';

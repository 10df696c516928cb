/**
 * What a long-lived process (`briefs watch`) keeps from one build to the next, so a save costs only
 * what it changed: parsed data files (by their bytes) and compiled templates (by their text). Each
 * cache checks its inputs on every build; a cold build uses none and gives the same bytes.
 */
import { createParsedFileCache, type ParsedFileCache } from '../load/index.js';
import { createTemplateCache, type TemplateCache } from '../template/index.js';

export interface WarmCaches {
  data: ParsedFileCache;
  templates: TemplateCache;
}

export function createWarmCaches(): WarmCaches {
  return { data: createParsedFileCache(), templates: createTemplateCache() };
}

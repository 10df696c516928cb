import type { ValidationIssue } from '../model/index.js';
import { issueAt, type Collected, type Located } from './collect.js';
import type { FieldPath } from './fieldPath.js';
import { isPrintedField } from './printedText.js';

/**
 * Our own sentences write numbers one way: digits never grouped, a dot only as a decimal point
 * ("3322145"، "6.3 مليون"), as the briefs' own formatting does (src/arabic/numberText.ts). A number
 * grouped with dots or commas ("3.322.145"، "1,061") in an editor's note beside "6.3" reads two
 * ways, so it is refused — except inside «…», where the note quotes the source's own writing.
 * Fields that hold the source's words (quotes, qualifiers, `as_said`, titles, `horizon_ar`) keep them.
 */
const SOURCE_WORDS = new Set(['quote', 'qualifier', 'as_said', 'title', 'horizon_ar']);

/** A digit group of three after a dot or comma, right after a digit: "3.322.145", "1,061". */
const GROUPED = /\d[.,]\d{3}(?!\d)/u;

/** The text outside «…» quotations (nested ones included). */
export function outsideQuotations(text: string): string {
  let depth = 0;
  let outside = '';
  for (const char of text) {
    if (char === '«') depth++;
    else if (char === '»') depth = Math.max(0, depth - 1);
    else if (depth === 0) outside += char;
    else outside += ' ';
  }
  return outside;
}

export function groupedNumber(text: string): string | undefined {
  const match = /\d{1,3}(?:[.,]\d{3})+(?!\d)/u.exec(outsideQuotations(text));
  return match !== null && GROUPED.test(match[0]) ? match[0] : undefined;
}

export function checkNumberStyle(collected: Collected, issues: ValidationIssue[]): void {
  const located: Located<unknown>[] = [...collected.info, ...Object.values(collected.records).flat()];
  for (const entry of located) walk(entry, entry.value, [], issues);
}

function walk(entry: Located<unknown>, value: unknown, path: FieldPath, issues: ValidationIssue[], ours = false): void {
  if (typeof value === 'string') {
    const grouped = ours ? groupedNumber(value) : undefined;
    if (grouped !== undefined) {
      const plain = grouped.replaceAll(/[.,]/gu, '');
      issues.push(
        issueAt(entry.file, [...entry.path, ...path], `writes "${grouped}" grouped; our text writes numbers ungrouped with a dot only as a decimal point ("${plain}"), or quotes the source's writing in «…»`),
      );
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => walk(entry, item, [...path, index], issues, ours));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) walk(entry, item, [...path, key], issues, isPrintedField(key) && !SOURCE_WORDS.has(key));
  }
}

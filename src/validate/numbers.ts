import type { ValidationIssue } from '../model/index.js';
import { issueAt, type Collected } from './collect.js';
import type { FieldPath } from './fieldPath.js';

/**
 * Numbers the briefs print and chart must be exact and writable as plain decimals: above 2^53 − 1
 * a count is no longer exact (12345678901234567890 reads back as 12345678901234567000), and from
 * 1e21 up (or below 1e-6) JavaScript writes a number with an exponent ("1e+300"), which no brief
 * can print as a count. Finite and ≥ 0 are checked by the schema.
 */
export function checkPrintableNumbers(collected: Collected, issues: ValidationIssue[]): void {
  for (const located of collected.records.figures) {
    const value = located.value.value;
    const check = (n: number, path: FieldPath) => {
      const message = numberProblem(n);
      if (message !== undefined) issues.push(issueAt(located.file, [...located.path, ...path], message));
    };
    if (typeof value === 'number') check(value, ['value']);
    else if (typeof value === 'object' && 'min' in value) {
      check(value.min, ['value', 'min']);
      check(value.max, ['value', 'max']);
    } else if (typeof value === 'object' && 'magnitude' in value) check(value.magnitude, ['value', 'magnitude']);
  }
}

export function numberProblem(n: number): string | undefined {
  if (n > Number.MAX_SAFE_INTEGER) return `must be at most ${Number.MAX_SAFE_INTEGER} (got ${String(n)})`;
  if (/e/i.test(String(n))) return `must be a plain decimal number (got ${String(n)}); use a larger unit`;
  return undefined;
}

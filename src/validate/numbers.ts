import type { ValidationIssue } from '../model/index.js';
import { issueAt, type Collected } from './collect.js';
import type { FieldPath } from './fieldPath.js';
import { formatPlainNumber } from '../arabic/numberText.js';

/**
 * Numbers the briefs print and chart must be exact and writable as plain decimals: above 2^53 − 1
 * a count is no longer exact (12345678901234567890 reads back as 12345678901234567000), and from
 * 1e21 up (or below 1e-6) JavaScript writes a number with an exponent ("1e+300"), which no brief
 * can print as a count. The briefs print at most `PRINTED_DECIMALS` decimals, so a number with more
 * would print as another number (800.126 as «800.13», 0.000001 as «0»): refused rather than rounded.
 * Finite and ≥ 0 are checked by the schema.
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

/** The decimals the briefs print (formatPlainNumber's default). */
export const PRINTED_DECIMALS = 2;

export function numberProblem(n: number): string | undefined {
  if (n > Number.MAX_SAFE_INTEGER) return `must be at most ${Number.MAX_SAFE_INTEGER} (got ${String(n)})`;
  if (/e/i.test(String(n))) return `must be a plain decimal number (got ${String(n)}); use a larger unit`;
  if (!printsExactly(n)) {
    const printed = formatPlainNumber(n, PRINTED_DECIMALS);
    return `has more decimals than the briefs print (at most ${PRINTED_DECIMALS}): ${String(n)} would print as "${printed}"; write the number as the source gives it, or in a larger unit`;
  }
  return undefined;
}

function printsExactly(n: number): boolean {
  const scale = 10 ** PRINTED_DECIMALS;
  return Math.round(n * scale) / scale === n;
}

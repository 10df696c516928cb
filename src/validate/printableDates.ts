import type { ValidationIssue } from '../model/index.js';
import { formatArabicDate } from '../arabic/dates.js';
import { issueAt, type Collected, type Located } from './collect.js';
import type { FieldPath } from './fieldPath.js';

/**
 * Every date in the data must be one the templates can print: the same formatter the templates
 * call is tried here, so a date it would refuse is a data error at the data file's line, never a
 * build failure blamed on templates/partials/date.hbs.
 */
export function checkPrintableDates(collected: Collected, issues: ValidationIssue[]): void {
  for (const info of collected.info) check(info, ['as_of'], { iso: info.value.as_of, precision: 'day' }, issues);
  for (const located of Object.values(collected.records).flat() as Located<unknown>[]) {
    for (const { path, date } of datesIn(located.value)) check(located, path, date, issues);
  }
}

interface DateLike {
  iso: string;
  precision: 'day' | 'month' | 'year';
}

function isDateLike(value: unknown): value is DateLike {
  return typeof value === 'object' && value !== null && typeof (value as DateLike).iso === 'string' && typeof (value as DateLike).precision === 'string';
}

/** Every date spec inside a record, with its path: whatever field holds it (as_of, period.from, target…). */
function* datesIn(value: unknown, path: FieldPath = []): Generator<{ path: FieldPath; date: DateLike }> {
  if (isDateLike(value)) {
    yield { path, date: value };
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* datesIn(item, [...path, index]);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) yield* datesIn(item, [...path, key]);
  }
}

function check(located: Located<unknown>, path: FieldPath, date: DateLike, issues: ValidationIssue[]): void {
  try {
    formatArabicDate(date.iso, date.precision);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    const at = located.path.length === 0 && path.length === 1 ? path : [...located.path, ...path, 'iso'];
    issues.push(issueAt(located.file, at, `cannot be printed as a date (${why})`));
  }
}

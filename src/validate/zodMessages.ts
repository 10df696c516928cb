import type { z } from 'zod';
import { isMissingField, valueAt, type FieldPath } from './fieldPath.js';

/**
 * Turns a zod issue into the short message an editor reads. Schema-level messages (written in
 * src/model/) are kept; this adds what only the raw data can tell: that a field is missing, or
 * which value was given.
 */
export function zodIssueMessage(issue: z.core.$ZodIssue, record: unknown, path: FieldPath): string {
  const aboutTheValue = issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union';
  if (aboutTheValue && isMissingField(record, path)) return 'is required';
  const given = valueAt(record, path);
  // YAML's .inf / .nan are numbers to JavaScript; say what is wrong with them in plain words.
  // Only where a number belongs: a `.nan` given for a date or a name is simply the wrong kind of value.
  const expectsText = issue.code === 'invalid_type' && issue.expected !== 'number';
  if (typeof given === 'number' && !Number.isFinite(given) && !expectsText) return `must be a finite number (got ${String(given)})`;
  if (aboutTheValue) {
    return `${issue.message} (got ${describe(given)})`;
  }
  return issue.message;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}

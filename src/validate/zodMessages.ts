import type { z } from 'zod';
import { isMissingField, valueAt, type FieldPath } from './fieldPath.js';

/**
 * Turns a zod issue into the short message an editor reads. Schema-level messages (written in
 * src/model/) are kept; this adds what only the raw data can tell: that a field is missing, or
 * which value was given.
 */
export function zodIssueMessage(issue: z.core.$ZodIssue, record: unknown, path: FieldPath): string {
  if (issue.code === 'invalid_type' && isMissingField(record, path)) return 'is required';
  if (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union') {
    const given = valueAt(record, path);
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

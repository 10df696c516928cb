import { z } from 'zod';
import { Text, Unknown } from './common.js';

/**
 * Dates are ISO strings cut to what the source actually says: "2014", "2014-09" or "2014-09-05",
 * with the precision spelled out so a reader of the YAML never has to guess.
 * Relative dates ("last March") resolved from an article's date are marked `inferred` with the
 * reasoning, so the briefs can show them as such.
 */
export const DatePrecision = z.enum(['day', 'month', 'year'], {
  error: 'must be one of: day, month, year',
});
export type DatePrecision = z.infer<typeof DatePrecision>;

const ISO_PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function precisionOf(iso: string): DatePrecision | undefined {
  const m = ISO_PARTIAL.exec(iso);
  if (!m) return undefined;
  return m[3] !== undefined ? 'day' : m[2] !== undefined ? 'month' : 'year';
}

/**
 * True when every given part exists in the calendar (rejects 2014-02-30, 2014-13, and the year 0000,
 * which the Gregorian calendar the sources use does not have: 1 BC is followed by AD 1).
 */
export function isRealDate(iso: string): boolean {
  const m = ISO_PARTIAL.exec(iso);
  if (!m) return false;
  const year = Number(m[1]);
  if (year === 0) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  return day >= 1 && day <= daysInMonth(year, month);
}

/** Days in a month of a year; setUTCFullYear, because Date.UTC reads years 0–99 as 1900–1999. */
function daysInMonth(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

/** YAML reads a bare year (2014) as a number; accept it as the string "2014". */
const IsoDate = z.preprocess(
  (v) => (typeof v === 'number' && Number.isInteger(v) ? String(v) : v),
  z
    .string({ error: 'must be a date like 2014, 2014-09 or 2014-09-05' })
    .regex(ISO_PARTIAL, { error: 'must be a date like 2014, 2014-09 or 2014-09-05' })
    .refine(isRealDate, { error: (issue) => `is not a real date (${String(issue.input)})` }),
);

export const DateSpec = z
  .strictObject({
    iso: IsoDate,
    precision: DatePrecision,
    /** True when the date is worked out rather than printed in the source. */
    inferred: z.boolean({ error: 'must be true or false' }).default(false),
    /**
     * True when the sources support only a lower bound: the thing happened in this month (or day, or
     * year) or later, e.g. an undated article written "after the Gaza war began". Printed
     * «لا يسبق أكتوبر/تشرين الأول 2023», never as the plain month, which would read as "in October".
     */
    not_before: z.boolean({ error: 'must be true or false' }).default(false),
    /** Why an inferred or lower-bound date is what it is (Arabic or English). Required for both. */
    reasoning: Text.optional(),
  })
  .superRefine((d, ctx) => {
    const actual = precisionOf(d.iso);
    if (actual !== undefined && actual !== d.precision) {
      ctx.addIssue({
        code: 'custom',
        path: ['precision'],
        message: `does not match the date "${d.iso}" (which has ${actual} precision)`,
      });
    }
    if (d.inferred && d.reasoning === undefined) {
      ctx.addIssue({ code: 'custom', path: ['reasoning'], message: 'is required when a date is inferred' });
    } else if (d.not_before && d.reasoning === undefined) {
      ctx.addIssue({ code: 'custom', path: ['reasoning'], message: 'is required when a date is only a lower bound (not_before)' });
    }
  });
export type DateSpec = z.infer<typeof DateSpec>;

export const MaybeDate = z.union([Unknown, DateSpec]);
export type MaybeDate = z.infer<typeof MaybeDate>;

/** A span of time a figure covers, e.g. "since 2014" (from only) or "2015 to 2017". */
export const Period = z.strictObject({
  from: DateSpec.optional(),
  to: DateSpec.optional(),
  /** The source's own words for the period, when they are vaguer than the dates. */
  as_said: Text.optional(),
});
export type Period = z.infer<typeof Period>;

/** Earliest day a date spec can mean, for ordering ("2014-09" → 2014-09-01). */
export function startOf(date: DateSpec): string {
  const [y, m = '01', d = '01'] = date.iso.split('-');
  return `${y}-${m}-${d}`;
}

/** Latest day a date spec can mean ("2014-09" → 2014-09-30). */
export function endOf(date: DateSpec): string {
  const [y, m, d] = date.iso.split('-');
  if (d !== undefined) return date.iso;
  if (m !== undefined) return `${y}-${m}-${String(daysInMonth(Number(y), Number(m))).padStart(2, '0')}`;
  return `${y}-12-31`;
}

/** A full calendar day, "2024-01-31" — used where a single exact day is required (the dataset's as-of). */
export const IsoDay = z
  .string({ error: 'must be a date like 2024-01-31' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date like 2024-01-31' })
  .refine(isRealDate, { error: (issue) => `is not a real date (${String(issue.input)})` });

/**
 * Dates in the Arab press's form, at the precision the data records:
 * "10 سبتمبر/أيلول 2014", "سبتمبر/أيلول 2014", "2014" (with no-break spaces, below).
 *
 * The first month name comes from date-fns' `ar` locale (the Egyptian/Gulf names: يناير … ديسمبر);
 * the second is the Syriac name used in Iraq and the Levant, which date-fns does not provide.
 * The name is read from the locale as `format(date, 'LLLL')` reads it (standalone, wide), without
 * loading `format` itself (34 modules more, ~20 ms of every start).
 */
import type { Month } from 'date-fns';
import { ar } from 'date-fns/locale/ar';

export type DatePrecision = 'day' | 'month' | 'year';

const syriacMonthNames = [
  'كانون الثاني',
  'شباط',
  'آذار',
  'نيسان',
  'أيار',
  'حزيران',
  'تموز',
  'آب',
  'أيلول',
  'تشرين الأول',
  'تشرين الثاني',
  'كانون الأول',
] as const;

/**
 * A line never breaks between the day and its month ("23" / "أغسطس") or inside a two-word month
 * name ("تشرين" / "الثاني"): those spaces are no-break spaces (U+00A0), which the typesetter keeps
 * inside a word, HTML keeps together, and text extractors read as spaces. The year may still go to
 * the next line, as narrow table columns need.
 */
const NO_BREAK = '\u00A0';

const isoDate = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** "yyyy", "yyyy-mm" or "yyyy-mm-dd"; precision defaults to what the string holds. */
export function formatArabicDate(iso: string, precision?: DatePrecision): string {
  const match = isoDate.exec(iso);
  if (match === null) throw new Error(`"${iso}" is not an ISO date (yyyy, yyyy-mm or yyyy-mm-dd)`);
  const [, yearText = '', monthText, dayText] = match;
  const held: DatePrecision = dayText !== undefined ? 'day' : monthText !== undefined ? 'month' : 'year';
  const wanted = precision ?? held;
  if (rank[wanted] > rank[held]) throw new Error(`"${iso}" has no ${wanted} for precision "${wanted}"`);

  const year = Number(yearText);
  if (wanted === 'year') return yearText;
  const monthIndex = Number(monthText) - 1;
  const day = Number(dayText ?? '1');
  // setFullYear, because the Date constructor reads years 0–99 as 1900–1999.
  const date = new Date(2000, 0, 1);
  date.setFullYear(year, monthIndex, day);
  if (date.getFullYear() !== year || date.getMonth() !== monthIndex || date.getDate() !== day) {
    throw new Error(`"${iso}" is not a calendar date`);
  }
  const monthNames = `${ar.localize.month(monthIndex as Month, { width: 'wide', context: 'standalone' })}/${syriacMonthNames[monthIndex] ?? ''}`.replaceAll(' ', NO_BREAK);
  return wanted === 'month' ? `${monthNames} ${yearText}` : `${day}${NO_BREAK}${monthNames} ${yearText}`;
}

const rank: Readonly<Record<DatePrecision, number>> = { year: 0, month: 1, day: 2 };

export function isDatePrecision(value: unknown): value is DatePrecision {
  return value === 'day' || value === 'month' || value === 'year';
}

/** Arabic language rules every layer shares: digits, number writing, counts and dates. */
export { localizeDigits, toArabicIndic, toArabicIndicDigits, type Digits } from './digits.js';
export { formatPlainNumber } from './numberText.js';
export { assertCount, formatCount, scaleOf, scaleWord, type CountParts } from './counts.js';
export { formatArabicDate, isDatePrecision, type DatePrecision } from './dates.js';

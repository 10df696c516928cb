/** Arabic language rules every layer shares: digits, number writing, counts and dates. */
export { localizeDigits, toArabicIndic, toArabicIndicDigits, type Digits } from './digits.js';
export { formatNumber, formatPlainNumber } from './numberText.js';
export { countWithNoun, countedForm, nounAfter, type CountedForm, type NounForms } from './agreement.js';
export { assertCount, formatCount, scaleOf, scaleWord, type CountParts } from './counts.js';
export { formatArabicDate, isDatePrecision, type DatePrecision } from './dates.js';

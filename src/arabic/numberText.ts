import { localizeDigits, type Digits } from './digits.js';

/**
 * Plain numbers as our own text writes them in Western digits: never grouped ("13470", "3322145"),
 * decimals with a dot ("7.5"). One convention, so a dot is always a decimal point: the press's
 * "3.322.145" beside "6.3 مليون" reads two ways (quotes keep the source's writing). Round millions
 * and thousands take a scale word before they get here (see arabic/counts.ts).
 * toArabicIndicDigits() reads this, and the press's grouped form in quotes.
 */
export function formatPlainNumber(value: number, maxDecimals = 2): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const sign = value < 0 ? '-' : '';
  const [integerPart = '0', fraction = ''] = Math.abs(value).toFixed(maxDecimals).split('.');
  const decimals = fraction.replace(/0+$/, '');
  return `${sign}${integerPart}${decimals === '' ? '' : `.${decimals}`}`;
}

/** A number as the briefs print it, in the document's digits: "1257", "7.5", or "١٢٥٧", "٧٫٥". */
export function formatNumber(value: number, digits: Digits, maxDecimals = 2): string {
  return localizeDigits(formatPlainNumber(value, maxDecimals), digits);
}

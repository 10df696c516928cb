/**
 * Western → Arabic-Indic digits (٠-٩, ٬ thousands, ٫ decimal) for the HTML edition.
 *
 * Delegates to the typesetting engine's own conversion so that the PDF and the HTML edition of a
 * brief agree on every number: "7.5" is a decimal (formatPlainNumber never groups), a quoted
 * "3.322.145" is the press's thousands grouping, and Latin designations such as "F-16" keep their
 * Western digits.
 */
import { localizeDigits } from '../typeset/digits.js';

export function toArabicIndicDigits(text: string): string {
  return localizeDigits(text, 'arab');
}

/**
 * Count–noun agreement, as Arabic grammar and the press have it, written once for every counted word
 * (scale words, units, pages): plural after 3–10 ("8 قواعد"، "3 آلاف"), accusative singular after
 * 11–99 ("79 دولة"، "1257 شخصاً"، "50 ألفاً"), singular otherwise ("100 دولار") and after a
 * fraction ("7.5 مليار"). Only the last two digits count: "103 قواعد"، "111 شخصاً".
 */

/** The forms of a counted noun. `one` and `two` stand alone for 1 and 2 ("صفحة واحدة"، "صفحتان"). */
export interface NounForms {
  singular: string;
  plural: string;
  accusative: string;
  one?: string;
  two?: string;
}

export type CountedForm = 'singular' | 'plural' | 'accusative';

/** Which form of a noun follows this count. */
export function countedForm(count: number): CountedForm {
  if (!Number.isInteger(count)) return 'singular';
  const lastTwo = Math.abs(count) % 100;
  if (lastTwo >= 3 && lastTwo <= 10) return 'plural';
  if (lastTwo >= 11) return 'accusative';
  return 'singular';
}

/** The noun as it follows the count ("قواعد" after 8, "شخصاً" after 1257). */
export function nounAfter(count: number, forms: NounForms): string {
  return forms[countedForm(count)];
}

/** The count with its noun ("12 صفحة"), or the noun alone where Arabic says 1 and 2 without digits. */
export function countWithNoun(count: number, countText: string, forms: NounForms): string {
  if (count === 1 && forms.one !== undefined) return forms.one;
  if (count === 2 && forms.two !== undefined) return forms.two;
  return `${countText} ${nounAfter(count, forms)}`;
}

/**
 * Digit shaping: 'latn' keeps the sources' Western digits; 'arab' writes Arabic-Indic digits with the
 * Arabic thousands (٬) and decimal (٫) separators. Digits that are part of a Latin designation
 * ("B-52", "A-10", "F16") stay Western: they are names, not numbers.
 */
/** Which digits a document prints: the sources' Western digits, or Arabic-Indic. */
export type Digits = 'latn' | 'arab';

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';
const THOUSANDS = '٬';
const DECIMAL = '٫';

/** A number with optional separators, not glued to a Latin letter (optionally via a hyphen). */
const NUMBER = /(?<![A-Za-z][-‐]?)(?<![\d.,])\d+(?:[.,]\d+)*(?![A-Za-z])/g;

export function toArabicIndic(digitsOnly: string): string {
  return digitsOnly.replace(/\d/g, (d) => ARABIC_INDIC[Number(d)]!);
}

/**
 * Which separator means what: several identical separators with 3-digit groups are thousands
 * ("3.322.145"); with two kinds, the last one is the decimal ("1,234.5"); a lone "," before exactly
 * three digits is thousands ("1,061"); any other lone separator is decimal ("7.5"). Anything else
 * (e.g. a date "10.05.2024") keeps its separators and only changes digits.
 */
function localizeNumber(num: string): string {
  const groups = num.split(/[.,]/);
  const seps = num.match(/[.,]/g) ?? [];
  if (seps.length === 0) return toArabicIndic(num);
  const kinds = new Set(seps);
  const tailGroupsOf3 = (gs: string[]) => gs.slice(1).every((g) => g.length === 3);
  let roles: ('thousands' | 'decimal' | 'keep')[];
  if (kinds.size === 1 && seps.length > 1) {
    roles = seps.map(() => (tailGroupsOf3(groups) ? 'thousands' : 'keep'));
  } else if (kinds.size === 2) {
    const last = seps.length - 1;
    roles = seps.map((_, i) => (i === last ? 'decimal' : tailGroupsOf3(groups.slice(0, -1)) ? 'thousands' : 'keep'));
  } else if (seps[0] === ',' && groups[1]!.length === 3) {
    roles = ['thousands'];
  } else {
    roles = ['decimal'];
  }
  let out = toArabicIndic(groups[0]!);
  seps.forEach((sep, i) => {
    const role = roles[i]!;
    out += role === 'thousands' ? THOUSANDS : role === 'decimal' ? DECIMAL : sep;
    out += toArabicIndic(groups[i + 1]!);
  });
  return out;
}

export function localizeDigits(text: string, digits: Digits): string {
  if (digits === 'latn') return text;
  return text.replace(NUMBER, localizeNumber);
}

/** Arabic-Indic digits, as the PDF prints them: the HTML edition uses this so both agree on every number. */
export function toArabicIndicDigits(text: string): string {
  return localizeDigits(text, 'arab');
}

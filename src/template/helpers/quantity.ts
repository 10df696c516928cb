/**
 * A figure in words the way the sources write it, qualifier and unit included:
 * ("أكثر من", 34000, "غارة") → "أكثر من 34 ألف غارة"; ("نحو", 2500, "جندي") → "نحو 2500 جندي".
 * The unit is used exactly as the data spells it (its grammatical form is the data's business).
 */
import { formatPlainNumber } from '../../arabic/numberText.js';
import { assertCount, formatCount, scaleOf, scaleWord } from '../../arabic/counts.js';

/** Empty, null or undefined parts are left out. */
export type OptionalText = string | null | undefined;

/** Qualifiers Arabic puts after the counted noun: "800 مدني على الأقل", "2500 جندي تقريباً". */
const qualifiersAfterNoun: ReadonlySet<string> = new Set(['على الأقل', 'تقريباً', 'تقريبا', 'فقط']);

export function formatQuantity(qualifier: OptionalText, value: number, unit: OptionalText): string {
  const hasUnit = isPresent(unit);
  return withQualifier(qualifier, [formatCount(value, hasUnit), unit]);
}

/** The qualifier before the counted words, or after them where Arabic puts it ("800 مدني على الأقل"). */
function withQualifier(qualifier: OptionalText, counted: readonly OptionalText[]): string {
  const after = isPresent(qualifier) && qualifiersAfterNoun.has(qualifier.trim());
  return joinWords(after ? [...counted, qualifier] : [qualifier, ...counted]);
}

/**
 * A number in digits with the source's qualifier where Arabic puts it, for a chart's value labels:
 * ("أكثر من", 4000) → "أكثر من 4000"; ("على الأقل", 800) → "800 على الأقل".
 */
export function formatQualifiedNumber(qualifier: OptionalText, value: number): string {
  assertCount(value);
  return withQualifier(qualifier, [formatPlainNumber(value)]);
}

export type RangeForm = 'words' | 'isolated';

/** A range with the parts that render it; isolated ranges keep "35–50" as one left-to-right unit. */
export interface RangeParts {
  /** "بين 35 و50" (words) or "35–50" (isolated: typeset inside an LTR isolate). */
  numbers: string;
  /** What follows the numbers: the shared scale word and the unit, e.g. "ألف جندي" or "ألفاً". */
  rest: string;
}

/**
 * ("35000", "50000", no unit) → "بين 35 و50 ألفاً"; with unit "جندي" → "بين 35 و50 ألف جندي";
 * isolated → "35–50" + "ألفاً". Both ends share a scale word when both can take it; otherwise both
 * are written out in digits ("بين 800 و1061 مدنياً"), so "800" can never be misread as thousands.
 */
export function rangeParts(min: number, max: number, unit: OptionalText, form: RangeForm): RangeParts {
  assertCount(min);
  assertCount(max);
  if (min > max) throw new Error(`min ${min} is greater than max ${max}`);
  const hasUnit = isPresent(unit);
  const low = scaleOf(min);
  const high = scaleOf(max);
  const shared = low !== undefined && high !== undefined && low.scale === high.scale ? high : undefined;
  const [minText, maxText] =
    shared !== undefined && low !== undefined
      ? [formatPlainNumber(low.multiple), formatPlainNumber(shared.multiple)]
      : [formatPlainNumber(min), formatPlainNumber(max)];
  const scaleText = shared === undefined ? undefined : scaleWord(shared.scale, shared.multiple, hasUnit);
  return {
    numbers: form === 'words' ? `بين ${minText} و${maxText}` : `${minText}–${maxText}`,
    rest: joinWords([scaleText, unit]),
  };
}

export function formatRange(min: number, max: number, unit: OptionalText): string {
  const { numbers, rest } = rangeParts(min, max, unit, 'words');
  return joinWords([numbers, rest]);
}

function isPresent(text: OptionalText): text is string {
  return text !== null && text !== undefined && text.trim() !== '';
}

function joinWords(words: readonly OptionalText[]): string {
  return words.filter(isPresent).map((word) => word.trim()).join(' ');
}

/**
 * Counts as the Arab press writes them: "2500", "34 ألف", "3 آلاف", "50 ألفاً", "7.5 مليار",
 * "5 مليارات" — and, where no scale word fits, digits never grouped ("3322145": a dot is a decimal point).
 *
 * Round thousands from 3000 and round (to two decimals) millions and billions take a scale word;
 * other numbers are written out in digits (see formatPlainNumber). The scale word's form follows the
 * count as Arabic grammar has it: plural after 3–10 ("3 آلاف"), accusative singular after 11–99 when
 * nothing follows ("50 ألفاً"; before a counted noun the press writes "34 ألف غارة"), singular otherwise.
 */
import { countedForm, type NounForms } from './agreement.js';
import { formatPlainNumber } from './numberText.js';

interface Scale extends NounForms {
  size: number;
}

const scales: readonly Scale[] = [
  { size: 1e9, singular: 'مليار', plural: 'مليارات', accusative: 'ملياراً' },
  { size: 1e6, singular: 'مليون', plural: 'ملايين', accusative: 'مليوناً' },
  { size: 1e3, singular: 'ألف', plural: 'آلاف', accusative: 'ألفاً' },
];

/** A count split into the digits and the scale word that follows them (if any). */
export interface CountParts {
  digits: string;
  scale?: Scale;
  /** The count of scale units, e.g. 34 for 34000. */
  multiple?: number;
}

/** Which scale a number can be written with, and how many of it; undefined if none fits. */
export function scaleOf(value: number): { scale: Scale; multiple: number } | undefined {
  for (const scale of scales) {
    const multiple = value / scale.size;
    if (multiple < 1 || multiple >= 1000) continue;
    if (scale.size === 1e3) {
      // Thousands only when whole and from 3000 on: the press writes "2500" and "2000".
      if (Number.isInteger(multiple) && multiple >= 3) return { scale, multiple };
    } else if (hasAtMostTwoDecimals(multiple)) {
      return { scale, multiple };
    }
  }
  return undefined;
}

function hasAtMostTwoDecimals(value: number): boolean {
  return Math.abs(Math.round(value * 100) - value * 100) < 1e-6;
}

/** The scale word's grammatical form for a count, given whether a counted noun follows it. */
export function scaleWord(scale: Scale, multiple: number, nounFollows: boolean): string {
  const form = countedForm(multiple);
  // Before a counted noun the press writes the singular: "34 ألف غارة", but "50 ألفاً" alone.
  return form === 'accusative' && nounFollows ? scale.singular : scale[form];
}

/** The count with its scale word: "34 ألف" / "50 ألفاً" / "مليون" / "13470". */
export function formatCount(value: number, nounFollows: boolean): string {
  assertCount(value);
  const scaled = scaleOf(value);
  if (scaled === undefined) return formatPlainNumber(value);
  const word = scaleWord(scaled.scale, scaled.multiple, nounFollows);
  // One thousand/million/billion is the word alone: "أكثر من مليون دولار".
  return scaled.multiple === 1 ? word : `${formatPlainNumber(scaled.multiple)} ${word}`;
}

export function assertCount(value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new Error(`expected a non-negative number, got ${JSON.stringify(value) ?? String(value)}`);
  }
}

/**
 * What a chart's bars say, the same in the PDF and the HTML edition: each bar's printed value and the
 * largest value, which sets the scale.
 */
// The module itself, not the folder's index: that brings date-fns (43 modules) to every typeset.
import { formatNumber } from '../arabic/numberText.js';
import type { Digits } from '../arabic/digits.js';
import type { BarChartItem } from './model.js';

/** Printed where a bar has no number: a missing value is unknown, not zero. */
export const MISSING_VALUE = '—';

/** A bar's value as printed, left to right: "1257", "35000–50000", or — when it has none. */
export function barValueText(item: BarChartItem, digits: Digits): string {
  if (item.min !== undefined && item.max !== undefined) return `${formatNumber(item.min, digits)}–${formatNumber(item.max, digits)}`;
  return item.value !== undefined ? formatNumber(item.value, digits) : MISSING_VALUE;
}

/** The largest value among the bars (0 when none has one): the far end of the chart's scale. */
export function chartMaximum(items: readonly BarChartItem[]): number {
  return Math.max(0, ...items.map((item) => Math.max(item.value ?? 0, item.max ?? 0, item.min ?? 0)));
}

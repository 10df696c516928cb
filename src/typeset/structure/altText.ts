/**
 * A chart's alternative text, from the chart's own data (never written by hand): what it shows,
 * then every bar's label, value (a range as its two ends, a qualified value as printed) and note,
 * which names the claimant.
 */
// The module itself, not the folder's index: that brings date-fns (43 modules) to every typeset.
import { formatNumber } from '../../arabic/numberText.js';
import type { Digits } from '../../arabic/digits.js';
import type { BarChartItem } from '../../document/index.js';

export interface ChartData {
  title: string;
  unit?: string;
  items: readonly BarChartItem[];
}

function valueText(item: BarChartItem, format: (n: number) => string): string {
  if (item.min !== undefined && item.max !== undefined) return `من ${format(item.min)} إلى ${format(item.max)}`;
  if (item.shown !== undefined) return item.shown;
  return item.value !== undefined ? format(item.value) : 'بلا قيمة';
}

export function chartAltText(chart: ChartData, digits: Digits): string {
  const format = (n: number) => formatNumber(n, digits);
  const unit = chart.unit ? ` (${chart.unit})` : '';
  const bars = chart.items.map((item) => `${item.label}: ${valueText(item, format)}${item.note ? ` (${item.note})` : ''}`);
  return `رسم بياني بالأعمدة: ${chart.title}${unit}. عدد الأعمدة ${format(chart.items.length)}. ${bars.join('؛ ')}.`;
}

/**
 * A chart's printed values, the same in the PDF and the HTML edition. A bar without a number prints
 * "—": a missing value is unknown, and "0" would state a count no source gave.
 */
import { describe, expect, it } from 'vitest';
import { barValueText, chartMaximum, type Block } from '../../src/document/index.js';
import { renderMarkupToHtml } from '../../src/markup/index.js';
import { typesetDocument } from '../../src/typeset/index.js';
import { pdftotextPages } from '../support/pdfText.js';

const chart: Extract<Block, { kind: 'chart' }> = {
  kind: 'chart',
  title: 'قتلى',
  items: [
    { label: 'المرصد', value: 1257 },
    { label: 'التحالف', min: 35000, max: 50000 },
    { label: 'مصدر بلا رقم' },
  ],
};

describe('bar values', () => {
  it('prints a number, a range, or — for a bar with none', () => {
    expect(chart.items.map((item) => barValueText(item, 'latn'))).toEqual(['1257', '35000–50000', '—']);
    expect(barValueText(chart.items[0]!, 'arab')).toBe('١٢٥٧');
    expect(chartMaximum(chart.items)).toBe(50000);
    expect(chartMaximum([{ label: 'x' }])).toBe(0);
  });

  it('the HTML edition prints — for the missing value, never 0', () => {
    const html = renderMarkupToHtml([chart], { digits: 'latn' });
    const values = [...html.matchAll(/class="chart-value"[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(values).toEqual(['1257', '35000–50000', '—']);
  });

  it('the PDF prints — for the missing value, never 0', async () => {
    const { bytes } = await typesetDocument({
      title: 't', subject: 's', author: 'a', keywords: [], asOf: '2021-08-23', footerNote: 'ن', digits: 'latn', blocks: [chart],
    });
    const text = (await pdftotextPages(bytes)).join('\n');
    expect(text).toContain('—');
    expect(text).toContain('1257');
    expect(text).not.toMatch(/(^|\s)0(\s|$)/m);
  });
});

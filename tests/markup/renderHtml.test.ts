import { describe, expect, test } from 'vitest';
import { parseMarkup, renderMarkupToHtml } from '../../src/markup/index.js';
import type { Block } from '../../src/document/model.js';

const html = (markup: string, digits: 'latn' | 'arab' = 'latn'): string =>
  renderMarkupToHtml(parseMarkup(markup, { template: 'test.hbs' }), { digits });

describe('renderMarkupToHtml', () => {
  test('headings and paragraphs with inline styles', () => {
    expect(html('<h2>النشأة</h2><p class="lead">أقرّ <b>التحالف</b><cite>3</cite> <ltr>35–50</ltr> <muted>تقريباً</muted></p>')).toBe(
      '<h2>النشأة</h2>\n<p class="lead">أقرّ <strong>التحالف</strong><sup class="cite">3</sup> <bdi dir="ltr">35–50</bdi> <span class="muted">تقريباً</span></p>',
    );
  });

  test('lists', () => {
    expect(html('<ol><li>أ</li><li>ب</li></ol><ul><li>ج</li></ul>')).toBe('<ol><li>أ</li><li>ب</li></ol>\n<ul><li>ج</li></ul>');
  });

  test('tables with a header, row headers, alignment and column weights', () => {
    expect(
      html('<table weights="3 1"><thead><tr><th>الجهة</th><th>العدد</th></tr></thead><tr><th>التحالف</th><td align="end">1257</td></tr></table>'),
    ).toBe(
      '<table><colgroup><col style="width:75.00%"><col style="width:25.00%"></colgroup>' +
        '<thead><tr><th scope="col">الجهة</th><th scope="col">العدد</th></tr></thead>' +
        '<tbody><tr><th scope="row">التحالف</th><td style="text-align:end">1257</td></tr></tbody></table>',
    );
  });

  test('boxes, key figures, cover and page breaks', () => {
    expect(html('<box tone="accent" title="في سطور"><p>نص</p></box>')).toBe(
      '<aside class="box box-accent"><p class="box-title"><strong>في سطور</strong></p><p>نص</p></aside>',
    );
    expect(html('<key-figures><key-figure><value>83</value><label>عضواً</label></key-figure></key-figures>')).toBe(
      '<div class="key-figures"><div class="key-figure"><p class="key-figure-value">83</p><p class="key-figure-label">عضواً</p></div></div>',
    );
    expect(html('<cover title="التحالف" subtitle="ورقة"><line>سطر</line></cover><page-break/>')).toBe(
      '<header class="cover"><h1>التحالف</h1><p class="cover-subtitle">ورقة</p><p class="cover-line">سطر</p></header>\n' +
        '<div class="page-break" aria-hidden="true"></div>',
    );
  });

  test('the contents link to the headings marked for it', () => {
    expect(html('<toc title="المحتويات"/><h1 toc>أولاً</h1><h2>فرعي</h2><box><h2 toc>ثانياً</h2></box>')).toBe(
      '<nav class="toc"><h2>المحتويات</h2><ol><li><a href="#section-1">أولاً</a></li><li><a href="#section-2">ثانياً</a></li></ol></nav>\n' +
        '<h1 id="section-1">أولاً</h1>\n<h2>فرعي</h2>\n<aside class="box box-neutral"><h2 id="section-2">ثانياً</h2></aside>',
    );
  });

  test('as a whole page: headings nest under the cover’s <h1>, and each body cell names its column', () => {
    const page = (markup: string): string =>
      renderMarkupToHtml(parseMarkup(markup, { template: 'test.hbs' }), { digits: 'latn', page: true });
    expect(page('<cover title="صحيفة"></cover><h1>التاريخ</h1><h2>النشأة</h2><h3>الموصل</h3>')).toBe(
      '<header class="cover"><h1>صحيفة</h1></header>\n<h2>التاريخ</h2>\n<h3>النشأة</h3>\n<h4>الموصل</h4>',
    );
    // A brief titled by its one level-1 heading is already one <h1> over its sections.
    expect(page('<h1>القوات</h1><h2>الأعداد</h2>')).toBe('<h1>القوات</h1>\n<h2>الأعداد</h2>');
    expect(page('<table><thead><tr><th>الجهة</th><th>الرقم <cite>2</cite></th></tr></thead><tr><th>التحالف</th><td>1257</td></tr></table>')).toBe(
      '<table><thead><tr><th scope="col">الجهة</th><th scope="col">الرقم <sup class="cite">2</sup></th></tr></thead>' +
        '<tbody><tr><th scope="row" data-label="الجهة">التحالف</th><td data-label="الرقم">1257</td></tr></tbody></table>',
    );
  });

  test('charts as HTML/CSS bars scaled to the largest value; ranges as offset bars', () => {
    expect(html('<chart title="القتلى" unit="شخص"><bar label="التحالف" value="1257" note="إقرار"/><bar label="إيروورز" min="8000" max="10000"/></chart>')).toBe(
      '<figure class="chart"><figcaption>القتلى <span class="chart-unit">(شخص)</span></figcaption><ul class="chart-bars">' +
        '<li class="chart-row"><span class="chart-label">التحالف <small class="chart-note">إقرار</small></span>' +
        '<span class="chart-track" aria-hidden="true"><span class="chart-bar" style="margin-inline-start:0.00%;inline-size:12.57%"></span></span>' +
        '<bdi class="chart-value" dir="ltr">1257</bdi></li>' +
        '<li class="chart-row"><span class="chart-label">إيروورز</span>' +
        '<span class="chart-track" aria-hidden="true"><span class="chart-bar chart-range" style="margin-inline-start:80.00%;inline-size:20.00%"></span></span>' +
        '<bdi class="chart-value" dir="ltr">8000–10000</bdi></li></ul></figure>',
    );
  });

  test('a qualified chart value prints as the template gave it', () => {
    expect(html('<chart title="القتلى"><bar label="المرصد" value="4000" shown="أكثر من 4000"/></chart>')).toContain(
      '<span class="chart-value">أكثر من 4000</span>',
    );
  });

  test('Arabic-Indic digits in text and chart values, never in markup', () => {
    expect(html('<h3 toc>عام 2014</h3><p>7.5 مليار<cite>12</cite></p><chart title="x"><bar label="أ" value="3322145"/></chart>', 'arab')).toBe(
      '<h3 id="section-1">عام ٢٠١٤</h3>\n<p>٧٫٥ مليار<sup class="cite">١٢</sup></p>\n' +
        '<figure class="chart"><figcaption>x</figcaption><ul class="chart-bars"><li class="chart-row"><span class="chart-label">أ</span>' +
        '<span class="chart-track" aria-hidden="true"><span class="chart-bar" style="margin-inline-start:0.00%;inline-size:100.00%"></span></span>' +
        '<bdi class="chart-value" dir="ltr">٣٣٢٢١٤٥</bdi></li></ul></figure>',
    );
  });

  test('text is escaped by construction, wherever it comes from', () => {
    const hostile = '<script>alert("x")</script> & \'quote\' {{constructor}}';
    const blocks: Block[] = [
      { kind: 'heading', level: 1, content: [{ text: hostile }] },
      { kind: 'box', tone: 'neutral', title: [{ text: hostile }], blocks: [] },
      { kind: 'chart', title: hostile, unit: hostile, items: [{ label: hostile, note: hostile, value: 1 }] },
      { kind: 'cover', title: hostile, subtitle: hostile, lines: [hostile] },
      { kind: 'toc', title: hostile },
    ];
    const output = renderMarkupToHtml(blocks, { digits: 'latn' });
    expect(output).not.toContain('<script>');
    expect(output).not.toContain("'quote'");
    expect(output.match(/&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; &#39;quote&#39; \{\{constructor\}\}/g)).toHaveLength(10);
  });
});

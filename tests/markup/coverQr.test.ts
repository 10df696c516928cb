import { describe, expect, test } from 'vitest';
import { MarkupError, parseMarkup, renderMarkupToHtml } from '../../src/markup/index.js';

const parse = (markup: string) => parseMarkup(markup, { template: 'templates/factsheet.hbs' });

describe('<qr> inside <cover>: the edition page\'s QR code', () => {
  test('becomes the cover\'s qr, beside its lines', () => {
    expect(parse('<cover title="ص"><line>أ</line><qr href="https://example.org/e.html">صفحة الإصدار</qr><line>ب</line></cover>')).toEqual([
      { kind: 'cover', title: 'ص', lines: ['أ', 'ب'], qr: { url: 'https://example.org/e.html', caption: 'صفحة الإصدار' } },
    ]);
  });

  test.each([
    ['<cover title="ص"><qr href="editions/x.html">x</qr></cover>', /must be an absolute http\(s\) address/],
    ['<cover title="ص"><qr href="javascript:alert(1)">x</qr></cover>', /must be an absolute http\(s\) address/],
    ['<cover title="ص"><qr>x</qr></cover>', /needs a non-empty "href" attribute/],
    ['<cover title="ص"><qr href="https://a.org/">x</qr><qr href="https://b.org/">y</qr></cover>', /at most one <qr>/],
    ['<p><qr href="https://a.org/">x</qr></p>', /not allowed/],
  ])('%s is refused', (markup, message) => {
    expect(() => parse(markup)).toThrow(MarkupError);
    expect(() => parse(markup)).toThrow(message);
  });

  test('on the site, the code is a link to the same page, relative when the page is named', () => {
    const html = (markup: string) => renderMarkupToHtml(parse(markup), { digits: 'latn', page: true });
    expect(html('<cover title="ص"><qr href="https://example.org/e.html">صفحة الإصدار</qr></cover>')).toContain('<a href="https://example.org/e.html">صفحة الإصدار</a>');
    expect(html('<cover title="ص"><qr href="https://example.org/edition-x.html" page="edition-x.html">صفحة</qr></cover>')).toContain('<a href="edition-x.html">صفحة</a>');
    expect(() => parse('<cover title="ص"><qr href="https://a.org/" page="../x.html">x</qr></cover>')).toThrow(/must be a page of the site/);
  });
});

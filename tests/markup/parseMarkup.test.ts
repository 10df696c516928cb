import { describe, expect, test } from 'vitest';
import { MarkupError, parseMarkup } from '../../src/markup/index.js';
import type { Block } from '../../src/document/model.js';

const origin = { template: 'templates/history.hbs' };
const parse = (markup: string): Block[] => parseMarkup(markup, origin);

/** The error message parseMarkup throws for the markup, or a failure if it does not throw. */
function errorOf(markup: string): string {
  try {
    parse(markup);
  } catch (error) {
    expect(error).toBeInstanceOf(MarkupError);
    return (error as MarkupError).message;
  }
  throw new Error('expected a MarkupError');
}

describe('elements → blocks', () => {
  test('headings, with and without a contents entry', () => {
    expect(parse('<h1 toc>التحالف الدولي</h1><h2>النشأة</h2><h3 toc="toc">الموصل</h3>')).toEqual([
      { kind: 'heading', level: 1, content: [{ text: 'التحالف الدولي' }], toc: true },
      { kind: 'heading', level: 2, content: [{ text: 'النشأة' }] },
      { kind: 'heading', level: 3, content: [{ text: 'الموصل' }], toc: true },
    ]);
  });

  test('paragraphs: body, lead and note', () => {
    expect(parse('<p>نص</p><p class="lead">مقدمة</p><p class="note">ملاحظة</p>')).toEqual([
      { kind: 'paragraph', content: [{ text: 'نص' }] },
      { kind: 'paragraph', content: [{ text: 'مقدمة' }], style: 'lead' },
      { kind: 'paragraph', content: [{ text: 'ملاحظة' }], style: 'note' },
    ]);
  });

  test('inline styles, nested', () => {
    expect(parse('<p>أقرّ <b>التحالف</b><cite>3</cite> <ltr>35–50</ltr> <muted>تقريباً <b>جداً</b></muted></p>')).toEqual([
      {
        kind: 'paragraph',
        content: [
          { text: 'أقرّ ' },
          { text: 'التحالف', bold: true },
          { text: '3', cite: true },
          { text: ' ' },
          { text: '35–50', ltr: true },
          { text: ' ' },
          { text: 'تقريباً ', muted: true },
          { text: 'جداً', muted: true, bold: true },
        ],
      },
    ]);
  });

  test('two citation markers side by side stay two markers', () => {
    expect(parse('<p>نص<cite>1</cite><cite>2</cite></p>')).toEqual([
      { kind: 'paragraph', content: [{ text: 'نص' }, { text: '1', cite: true }, { text: '2', cite: true }] },
    ]);
  });

  test('lists', () => {
    expect(parse('<ul><li>أول</li><li><b>ثان</b></li></ul><ol><li>واحد</li></ol>')).toEqual([
      { kind: 'list', ordered: false, items: [[{ text: 'أول' }], [{ text: 'ثان', bold: true }]] },
      { kind: 'list', ordered: true, items: [[{ text: 'واحد' }]] },
    ]);
  });

  test('tables: header rows, body rows, header cells, alignment and weights', () => {
    const markup = `
      <table weights="3 1 1">
        <thead><tr><th>الجهة</th><th>العدد</th><th>المصدر</th></tr></thead>
        <tbody>
          <tr><th>التحالف</th><td align="end">1257</td><td align="center"><cite>4</cite></td></tr>
        </tbody>
      </table>`;
    expect(parse(markup)).toEqual([
      {
        kind: 'table',
        header: [
          [
            { content: [{ text: 'الجهة' }], header: true },
            { content: [{ text: 'العدد' }], header: true },
            { content: [{ text: 'المصدر' }], header: true },
          ],
        ],
        rows: [
          [
            { content: [{ text: 'التحالف' }], header: true },
            { content: [{ text: '1257' }], align: 'end' },
            { content: [{ text: '4', cite: true }], align: 'center' },
          ],
        ],
        weights: [3, 1, 1],
      },
    ]);
  });

  test('tables: rows without <tbody>, no header, no weights', () => {
    expect(parse('<table><tr><td>أ</td></tr><tr><td>ب</td></tr></table>')).toEqual([
      { kind: 'table', header: [], rows: [[{ content: [{ text: 'أ' }] }], [{ content: [{ text: 'ب' }] }]] },
    ]);
  });

  test('boxes hold blocks; tone defaults to neutral', () => {
    expect(parse('<box tone="accent" title="في سطور"><p>نص</p><ul><li>بند</li></ul></box><box><p>x</p></box>')).toEqual([
      {
        kind: 'box',
        tone: 'accent',
        title: [{ text: 'في سطور' }],
        blocks: [
          { kind: 'paragraph', content: [{ text: 'نص' }] },
          { kind: 'list', ordered: false, items: [[{ text: 'بند' }]] },
        ],
      },
      { kind: 'box', tone: 'neutral', blocks: [{ kind: 'paragraph', content: [{ text: 'x' }] }] },
    ]);
  });

  test('key figures', () => {
    const markup = `<key-figures>
      <key-figure><value>أكثر من 34 ألف</value><label>غارة <cite>2</cite></label></key-figure>
      <key-figure><value>83</value><label>عضواً</label></key-figure>
    </key-figures>`;
    expect(parse(markup)).toEqual([
      {
        kind: 'keyFigures',
        items: [
          { value: [{ text: 'أكثر من 34 ألف' }], label: [{ text: 'غارة ' }, { text: '2', cite: true }] },
          { value: [{ text: '83' }], label: [{ text: 'عضواً' }] },
        ],
      },
    ]);
  });

  test('charts: single values and ranges, with notes', () => {
    const markup = `<chart title="القتلى المدنيون" unit="شخص">
      <bar label="التحالف" value="1257" note="إقرار رسمي"/>
      <bar label="إيروورز" min="8106" max="13187.5"/>
    </chart>`;
    expect(parse(markup)).toEqual([
      {
        kind: 'chart',
        title: 'القتلى المدنيون',
        unit: 'شخص',
        items: [
          { label: 'التحالف', value: 1257, note: 'إقرار رسمي' },
          { label: 'إيروورز', min: 8106, max: 13187.5 },
        ],
      },
    ]);
  });

  test('charts: a value the source qualifies carries its printed form', () => {
    expect(parse('<chart title="القتلى"><bar label="المرصد" value="4000" shown="أكثر من 4000"/></chart>')).toEqual([
      { kind: 'chart', title: 'القتلى', items: [{ label: 'المرصد', value: 4000, shown: 'أكثر من 4000' }] },
    ]);
    expect(() => parse('<chart title="x"><bar label="a" min="1" max="2" shown="نحو 2"/></chart>')).toThrow('<bar> takes "shown" only with "value"');
  });

  test('contents, cover and page break', () => {
    const markup = `<cover title="التحالف الدولي" subtitle="ورقة حقائق">
        <line>البيانات حتى 23 أغسطس/آب 2021</line>
        <line>الطبعة   الأولى</line>
      </cover>
      <page-break/>
      <toc title="المحتويات"/>
      <page-break></page-break>`;
    expect(parse(markup)).toEqual([
      {
        kind: 'cover',
        title: 'التحالف الدولي',
        subtitle: 'ورقة حقائق',
        lines: ['البيانات حتى 23 أغسطس/آب 2021', 'الطبعة الأولى'],
      },
      { kind: 'pageBreak' },
      { kind: 'toc', title: 'المحتويات' },
      { kind: 'pageBreak' },
    ]);
  });

  test('comments are ignored; empty markup is no blocks', () => {
    expect(parse('<!-- ملاحظة للمحرر --><p>نص</p>')).toEqual([{ kind: 'paragraph', content: [{ text: 'نص' }] }]);
    expect(parse('  \n ')).toEqual([]);
  });
});

describe('whitespace', () => {
  test('runs of whitespace collapse to one space; the ends of a block are trimmed', () => {
    expect(parse('<p>\n   تأسس\t\tالتحالف\n\n   عام 2014   \n</p>')).toEqual([
      { kind: 'paragraph', content: [{ text: 'تأسس التحالف عام 2014' }] },
    ]);
  });

  test('spaces around inline elements are kept once, wherever they are written', () => {
    const expected = [{ text: 'أقرّ ' }, { text: 'التحالف', bold: true }, { text: ' بمقتل' }];
    expect(parse('<p>أقرّ <b>التحالف</b> بمقتل</p>')[0]).toEqual({ kind: 'paragraph', content: expected });
    expect(parse('<p>أقرّ <b> التحالف</b> بمقتل</p>')[0]).toEqual({
      kind: 'paragraph',
      content: [{ text: 'أقرّ ' }, { text: 'التحالف', bold: true }, { text: ' بمقتل' }],
    });
    expect(parse('<p>أقرّ<b> التحالف </b>بمقتل</p>')[0]).toEqual({
      kind: 'paragraph',
      content: [{ text: 'أقرّ' }, { text: ' التحالف ', bold: true }, { text: 'بمقتل' }],
    });
    expect(parse('<p>أقرّ\n  <b>التحالف</b>\n  بمقتل</p>')[0]).toEqual({ kind: 'paragraph', content: expected });
  });

  test('no space is invented between a word and its citation marker', () => {
    expect(parse('<p>غارة<cite>3</cite>.</p>')[0]).toEqual({
      kind: 'paragraph',
      content: [{ text: 'غارة' }, { text: '3', cite: true }, { text: '.' }],
    });
  });

  test('whitespace-only inline elements at the ends vanish', () => {
    expect(parse('<p><b> </b>نص<muted> </muted></p>')[0]).toEqual({ kind: 'paragraph', content: [{ text: 'نص' }] });
  });

  test('no-break spaces and zero-width joiners are not whitespace to collapse', () => {
    expect(parse('<p>34&nbsp;ألف\u200c  غارة</p>')[0]).toEqual({
      kind: 'paragraph',
      content: [{ text: '34\u00a0ألف\u200c غارة' }],
    });
  });

  test('whitespace in attribute text collapses too', () => {
    expect(parse('<toc title="  فهرس\n   المحتويات "/>')).toEqual([{ kind: 'toc', title: 'فهرس المحتويات' }]);
  });
});

describe('entities', () => {
  test("Handlebars' escapes decode back to the data's characters, in text and attributes", () => {
    const escaped = '&amp; &lt; &gt; &quot; &#x27; &#x60; &#x3D;';
    expect(parse(`<p>${escaped}</p><toc title="${escaped}"/>`)).toEqual([
      { kind: 'paragraph', content: [{ text: '& < > " \' ` =' }] },
      { kind: 'toc', title: '& < > " \' ` =' },
    ]);
  });

  test('an escaped entity stays literal text', () => {
    expect(parse('<p>&amp;lt; &amp;amp;</p>')[0]).toEqual({ kind: 'paragraph', content: [{ text: '&lt; &amp;' }] });
  });

  test('escaped tags are text, not elements', () => {
    expect(parse('<p>&lt;/p&gt;&lt;h1&gt;x&lt;/h1&gt;</p>')[0]).toEqual({
      kind: 'paragraph',
      content: [{ text: '</p><h1>x</h1>' }],
    });
  });
});

describe('errors name the template, line and column', () => {
  test('the error carries its parts', () => {
    let caught: unknown;
    try {
      parse('<p>نص</p>\n<p>\n  نص <img src="/etc/passwd"></p>');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MarkupError);
    expect(caught).toMatchObject({
      template: 'templates/history.hbs',
      line: 3,
      column: 6,
      reason: 'unknown element <img>',
      excerpt: 'نص <img src="/etc/passwd"></p>',
    });
  });

  test.each([
    ['<img src="x.png">', 'line 1, column 1: unknown element <img>'],
    ['<image href="x"/>', 'line 1, column 1: unknown element <image>'],
    ['<p><a href="https://example.com">x</a></p>', 'line 1, column 4: unknown element <a>'],
    ['<svg><image href="/etc/passwd"/></svg>', 'line 1, column 1: unknown element <svg>'],
    ['<script>alert(1)</script>', 'line 1, column 1: unknown element <script>'],
    ['<p style="color:red">x</p>', 'line 1, column 4: unknown attribute "style" on <p>'],
    ['<h1 id="x">x</h1>', 'line 1, column 5: unknown attribute "id" on <h1>'],
    ['<chart title="a" title="b"><bar label="x" value="1"/></chart>', 'line 1, column 18: duplicate attribute "title" on <chart>'],
    ['<!DOCTYPE html>', 'line 1, column 1: declarations and processing instructions are not allowed'],
  ])('outside the vocabulary: %s', (markup, expected) => {
    expect(errorOf(markup)).toBe(`templates/history.hbs: markup error at ${expected}\n  | ${markup}`);
  });

  test.each([
    ['نص بلا فقرة', 'line 1, column 1: text is not allowed at the top level: put it in <p>'],
    ['<li>بند</li>', 'line 1, column 1: <li> is not allowed here'],
    ['<b>عريض</b>', 'line 1, column 1: <b> is not allowed here'],
    ['<ul>نص</ul>', 'line 1, column 5: text is not allowed inside <ul>'],
    ['<ul><p>x</p></ul>', 'line 1, column 5: <p> is not allowed inside <ul> (expected <li>)'],
    ['<ul><li><p>x</p></li></ul>', 'line 1, column 9: <p> is not allowed inside <li>'],
    ['<box><box><p>x</p></box></box>', 'line 1, column 6: <box> is not allowed inside <box>'],
    ['<box><toc title="x"/></box>', 'line 1, column 6: <toc> is not allowed inside <box>'],
    ['<box>نص</box>', 'line 1, column 6: text is not allowed inside <box>: put it in <p>'],
    ['<table><td>x</td></table>', 'line 1, column 8: <td> is not allowed inside <table> (expected <thead> or <tbody> or <tr>)'],
    ['<table><tbody><tr><td>x</td></tr></tbody><thead><tr><th>y</th></tr></thead></table>', 'line 1, column 42: <thead> must come once, before the body rows'],
    ['<key-figures><value>1</value></key-figures>', 'line 1, column 14: <value> is not allowed inside <key-figures> (expected <key-figure>)'],
    ['<key-figures><key-figure><label>x</label><value>1</value></key-figure></key-figures>', 'line 1, column 14: <key-figure> needs exactly one <value> followed by one <label>'],
    ['<cover title="x"><line><b>y</b></line></cover>', 'line 1, column 24: <b> is not allowed inside <line>'],
    ['<page-break>نص</page-break>', 'line 1, column 13: <page-break> must be empty'],
    ['<chart title="x"><bar label="a" value="1">نص</bar></chart>', 'line 1, column 43: <bar> must be empty'],
  ])('misplaced: %s', (markup, expected) => {
    expect(errorOf(markup)).toBe(`templates/history.hbs: markup error at ${expected}\n  | ${markup}`);
  });

  test.each([
    ['<p>نص<ul><li>x</li></ul>', 'line 1, column 6: <p> opened at line 1, column 1 is not closed before <ul>'],
    ['<p><b>نص</p>', 'line 1, column 9: <b> opened at line 1, column 4 is not closed before </p>'],
    ['<p>نص</b></p>', 'line 1, column 6: </b> has no matching <b>'],
    ['<p>نص</p></p>', 'line 1, column 10: </p> has no matching <p>'],
    ['<ul><li>أ<li>ب</li></ul>', 'line 1, column 10: <li> opened at line 1, column 5 is not closed before <li>'],
    ['<p>نص', 'line 1, column 6: <p> opened at line 1, column 1 is not closed'],
    ['<p>نص</span>', 'line 1, column 6: unknown element </span>'],
  ])('structure: %s', (markup, expected) => {
    expect(errorOf(markup)).toBe(`templates/history.hbs: markup error at ${expected}\n  | ${markup}`);
  });

  test.each([
    ['<p class="big">x</p>', 'line 1, column 4: bad value "big" for "class" on <p>: expected one of "lead", "note"'],
    ['<h2 toc="no">x</h2>', 'line 1, column 5: bad value "no" for "toc" on <h2>: expected empty (just "toc")'],
    ['<box tone="red"><p>x</p></box>', 'line 1, column 6: bad value "red" for "tone" on <box>: expected one of "accent", "neutral"'],
    ['<table><tr><td align="left">x</td></tr></table>', 'line 1, column 16: bad value "left" for "align" on <td>: expected one of "start", "center", "end"'],
    ['<table weights="3 x"><tr><td>1</td><td>2</td></tr></table>', 'line 1, column 8: bad value "3 x" for "weights" on <table>: expected positive numbers separated by spaces, such as "3 1 1"'],
    ['<table weights="0 1"><tr><td>1</td><td>2</td></tr></table>', 'line 1, column 8: bad value "0 1" for "weights" on <table>: expected positive numbers separated by spaces, such as "3 1 1"'],
    ['<table weights="1 1 1"><tr><td>1</td><td>2</td></tr></table>', 'line 1, column 1: row 1 of <table> has 2 cells, expected 3'],
    ['<table><tr><td>1</td><td>2</td></tr><tr><td>3</td></tr></table>', 'line 1, column 1: row 2 of <table> has 1 cells, expected 2'],
    ['<chart title="x"><bar label="a" value="1e3"/></chart>', 'line 1, column 33: bad value "1e3" for "value" on <bar>: expected a non-negative decimal number such as 34000 or 7.5'],
    ['<chart title="x"><bar label="a" value="Infinity"/></chart>', 'line 1, column 33: bad value "Infinity" for "value" on <bar>: expected a non-negative decimal number such as 34000 or 7.5'],
    ['<chart title="x"><bar label="a" value="-5"/></chart>', 'line 1, column 33: bad value "-5" for "value" on <bar>: expected a non-negative decimal number such as 34000 or 7.5'],
    ['<chart title="x"><bar label="a" value="NaN"/></chart>', 'line 1, column 33: bad value "NaN" for "value" on <bar>: expected a non-negative decimal number such as 34000 or 7.5'],
    ['<chart title="x"><bar label="a" value=""/></chart>', 'line 1, column 33: bad value "" for "value" on <bar>: expected a non-negative decimal number such as 34000 or 7.5'],
    ['<chart title="x"><bar label="a" value="34,000"/></chart>', 'line 1, column 33: bad value "34,000" for "value" on <bar>: expected a non-negative decimal number such as 34000 or 7.5'],
    ['<chart title="x"><bar label="a" min="50" max="35"/></chart>', 'line 1, column 18: <bar> has min="50" greater than max="35"'],
    ['<chart title="x"><bar label="a" value="1" min="0" max="2"/></chart>', 'line 1, column 18: <bar> needs either "value" or both "min" and "max"'],
    ['<chart title="x"><bar label="a" min="1"/></chart>', 'line 1, column 18: <bar> needs either "value" or both "min" and "max"'],
    ['<chart title="x"><bar value="1"/></chart>', 'line 1, column 18: <bar> needs a non-empty "label" attribute'],
    ['<chart title="x"></chart>', 'line 1, column 1: <chart> needs at least one <bar>'],
    ['<chart unit="x"><bar label="a" value="1"/></chart>', 'line 1, column 1: <chart> needs a non-empty "title" attribute'],
    ['<toc title=" "/>', 'line 1, column 1: <toc> needs a non-empty "title" attribute'],
    ['<cover><line>x</line></cover>', 'line 1, column 1: <cover> needs a non-empty "title" attribute'],
  ])('bad attribute values: %s', (markup, expected) => {
    expect(errorOf(markup)).toBe(`templates/history.hbs: markup error at ${expected}\n  | ${markup}`);
  });

  test('lines and columns count from the start of the rendered markup', () => {
    const markup = '<h1>عنوان</h1>\n\n<p>\n  نص <blink>x</blink>\n</p>';
    expect(errorOf(markup)).toBe(
      'templates/history.hbs: markup error at line 4, column 6: unknown element <blink>\n  | نص <blink>x</blink>',
    );
  });

  test('long lines are quoted around the problem', () => {
    const markup = `<p>${'نص '.repeat(60)}<img/>${' نص'.repeat(60)}</p>`;
    const message = errorOf(markup);
    expect(message.split('\n')[0]).toBe('templates/history.hbs: markup error at line 1, column 184: unknown element <img>');
    expect(message.split('\n')[1]).toMatch(/^ {2}\| ….*<img\/>.*…$/);
  });
});

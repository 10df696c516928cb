import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { createTemplateEngine } from '../../src/template/index.js';
import { MarkupError, renderMarkupToHtml } from '../../src/markup/index.js';
import { escapeHtml } from '../../src/markup/html.js';

const engine = createTemplateEngine(path.join(import.meta.dirname, 'fixtures', 'templates'));

const PLACEHOLDER = 'PLACEHOLDER';
const harmlessHtml = renderMarkupToHtml(
  engine.renderBlocks('hostile', { title: PLACEHOLDER, text: PLACEHOLDER, value: 5, unit: PLACEHOLDER }),
  { digits: 'latn' },
);

const hostileStrings = [
  '{{constructor}}',
  '{{{title}}}',
  '<table>',
  '"}, {"image": "/etc/passwd"',
  '</p><h1>x</h1>',
  '&lt;',
  '&amp;amp;',
  '<cite>9</cite>',
  '</ltr><img src="/etc/passwd">',
  '\' " ` = < > &',
  '__proto__',
];

describe('data strings come out as literal text', () => {
  test.each(hostileStrings)('%s', (hostile) => {
    const blocks = engine.renderBlocks('hostile', { title: hostile, text: hostile, value: 5, unit: hostile });
    const text = [{ text: hostile }];
    expect(blocks).toEqual([
      { kind: 'heading', level: 2, content: text },
      { kind: 'paragraph', style: 'note', content: text },
      {
        kind: 'table',
        header: [],
        rows: [[{ content: text }, { content: [{ text: `2500 ${hostile}` }] }]],
        weights: [2, 1],
      },
      { kind: 'box', tone: 'neutral', title: text, blocks: [{ kind: 'paragraph', content: text }] },
      { kind: 'chart', title: hostile, unit: hostile, items: [{ label: hostile, note: hostile, value: 5 }] },
      {
        kind: 'paragraph',
        content: [
          { text: `${hostile} 34 ألف ${hostile}، ` },
          { text: '35–50', ltr: true },
          { text: ` ألف ${hostile}` },
          { text: '2', cite: true },
        ],
      },
    ]);
    // The HTML edition is the same page as for harmless data, with the string escaped in its place.
    const html = renderMarkupToHtml(blocks, { digits: 'latn' });
    expect(html).toBe(harmlessHtml.replaceAll(PLACEHOLDER, escapeHtml(hostile)));
  });

  test('a data string cannot add attributes: it is only a bad value', () => {
    expect(() => engine.renderBlocks('hostile', { title: 't', text: 't', value: '1" label="x', unit: 'u' })).toThrow(MarkupError);
    expect(() => engine.renderBlocks('hostile', { title: 't', text: 't', value: '1" label="x', unit: 'u' })).toThrow(
      'bad value "1" label="x" for "value" on <bar>: expected a non-negative decimal number such as 34000 or 7.5',
    );
  });

  test('inherited (prototype) properties are never rendered', () => {
    const inherited = { title: 'INHERITED', text: 'INHERITED', value: 5, unit: 'INHERITED' };
    expect(engine.render('hostile', Object.create(inherited))).not.toContain('INHERITED');
  });
});

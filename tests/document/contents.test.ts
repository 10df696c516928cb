/** The contents: the headings marked for it, inside boxes too, in document order — one list for PDF and HTML. */
import { describe, expect, it } from 'vitest';
import { contentsHeadings, type Block } from '../../src/document/index.js';
import { renderMarkupToHtml } from '../../src/markup/index.js';

const h = (text: string, toc = true): Block => ({ kind: 'heading', level: 2, content: [{ text }], toc });
const blocks: Block[] = [
  h('أولاً'),
  h('ليس في الفهرس', false),
  { kind: 'box', tone: 'neutral', blocks: [h('داخل الإطار')] },
  { kind: 'toc', title: 'المحتويات' },
  h('أخيراً'),
];

describe('contentsHeadings', () => {
  it('lists toc headings anywhere, boxes included, in order', () => {
    expect(contentsHeadings(blocks).map((b) => (b.kind === 'heading' ? b.content[0]!.text : ''))).toEqual(['أولاً', 'داخل الإطار', 'أخيراً']);
  });

  it('is what the HTML contents link to', () => {
    const html = renderMarkupToHtml(blocks, { digits: 'latn' });
    const links = [...html.matchAll(/href="#(section-\d+)"/g)].map((m) => m[1]);
    expect(links).toEqual(['section-1', 'section-2', 'section-3']);
    expect(html).toMatch(/id="section-2"[^>]*>داخل الإطار/);
  });
});

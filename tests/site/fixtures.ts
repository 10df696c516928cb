import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Block } from '../../src/document/model.js';
import type { BlocksToHtml, SiteBrief, SiteInput } from '../../src/site/index.js';

/** A one-page Arabic PDF with figures (2500, 2021, 5200, 2019), printed once by Chromium. */
export const samplePdf = new Uint8Array(readFileSync(fileURLToPath(new URL('./fixtures/sample.pdf', import.meta.url))));

/** A 1×1 PNG: enough for the pure site generator, which only copies thumbnails. */
export const tinyPng = {
  bytes: Uint8Array.from(
    Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64'),
  ),
  width: 1,
  height: 1,
};

export const sampleBlocks: Block[] = [
  { kind: 'heading', level: 1, content: [{ text: 'قوات التحالف في العراق' }] },
  {
    kind: 'paragraph',
    content: [{ text: 'بلغ عدد القوات الأميركية 2500 جندي في 2021، بعد أن كان 5200 جندي في 2019.' }, { text: '1', cite: true }],
  },
];

/** Stands in for the markup layer's renderMarkupToHtml in tests of the site alone. */
export const plainBlocksToHtml: BlocksToHtml = (blocks) =>
  blocks
    .map((block) => {
      if (block.kind === 'heading') return `<h${block.level}>${block.content.map((run) => run.text).join('')}</h${block.level}>`;
      if (block.kind === 'paragraph')
        return `<p>${block.content.map((run) => (run.cite ? `<sup>${run.text}</sup>` : run.text)).join('')}</p>`;
      return '';
    })
    .join('\n');

export function sampleBrief(overrides: Partial<SiteBrief> = {}): SiteBrief {
  return {
    id: 'troops',
    file: 'troops.pdf',
    title: 'قوات التحالف في العراق: الأعداد والتدريب والقواعد',
    summary: 'أعداد القوات الأميركية وقوات التحالف عبر السنين.',
    asOf: '2021-08-23',
    asOfText: '23 أغسطس/آب 2021',
    pages: 1,
    pdf: samplePdf,
    thumbnail: tinyPng,
    blocks: sampleBlocks,
    ...overrides,
  };
}

export function sampleSiteInput(overrides: Partial<SiteInput> = {}): SiteInput {
  return {
    asOf: '2021-08-23',
    asOfText: '23 أغسطس/آب 2021',
    digits: 'latn',
    generator: { name: 'coalition-briefs', version: '0.1.0' },
    briefs: [
      sampleBrief(),
      sampleBrief({ id: 'history', file: 'history.pdf', title: 'المسار التاريخي', summary: 'من 2014 إلى 2021.' }),
    ],
    fonts: [],
    fontLicense: 'SIL Open Font License 1.1',
    renderBlocks: plainBlocksToHtml,
    ...overrides,
  };
}

import { createServer, type Server } from 'node:http';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { renderMarkupToHtml } from '../../src/markup/index.js';
import { buildSite, loadSiteFonts, renderFirstPageThumbnail } from '../../src/site/index.js';
import type { Block } from '../../src/document/model.js';
import { sampleBrief, samplePdf } from './fixtures.js';

/** Every block kind the markup layer renders, so screenshots show the whole stylesheet at work. */
export const everyBlockKind: Block[] = [
  { kind: 'cover', title: 'قوات التحالف في العراق', subtitle: 'الأعداد والتدريب والقواعد', lines: ['البيانات حتى 23 أغسطس/آب 2021'] },
  { kind: 'toc', title: 'المحتويات' },
  { kind: 'heading', level: 1, toc: true, content: [{ text: 'قوات التحالف في العراق' }] },
  {
    kind: 'paragraph',
    style: 'lead',
    content: [{ text: 'بلغ عدد القوات الأميركية 2500 جندي في 2021، بعد أن كان 5200 جندي في 2019.' }, { text: '1', cite: true }],
  },
  { kind: 'keyFigures', items: [{ value: [{ text: '2500' }], label: [{ text: 'جندي أميركي' }] }, { value: [{ text: '85' }], label: [{ text: 'دولة وشريكًا' }] }] },
  { kind: 'heading', level: 2, toc: true, content: [{ text: 'الأعداد عبر السنين' }] },
  {
    kind: 'table',
    header: [[{ content: [{ text: 'السنة' }] }, { content: [{ text: 'العدد' }] }, { content: [{ text: 'المصدر' }] }]],
    rows: [
      [{ content: [{ text: '2019' }] }, { content: [{ text: '5200' }] }, { content: [{ text: 'وزارة الدفاع الأميركية' }, { text: '2', cite: true }] }],
      [{ content: [{ text: '2021' }] }, { content: [{ text: '2500' }] }, { content: [{ text: 'البيت الأبيض' }, { text: '3', cite: true }] }],
    ],
    weights: [1, 1, 3],
  },
  { kind: 'chart', title: 'القوات الأميركية في العراق', unit: 'جندي', items: [{ label: '2019', value: 5200 }, { label: '2021', value: 2500 }, { label: 'تقدير', min: 2000, max: 3000, note: 'بحسب المصادر' }] },
  { kind: 'box', tone: 'accent', title: [{ text: 'للتوضيح' }], blocks: [{ kind: 'paragraph', content: [{ text: 'الأرقام ' }, { text: 'تقريبية', muted: true }, { text: ' وفق ' }, { text: 'CJTF-OIR', ltr: true }, { text: '.' }] }] },
  { kind: 'list', ordered: true, items: [[{ text: 'تقرير وزارة الدفاع، 2019.' }], [{ text: 'بيان البيت الأبيض، 2021.' }]] },
];

/** Where the fixture site says it is published (nothing is fetched from there). */
export const fixturePublicUrl = 'https://example.github.io/coalition-briefs/';

/** A site written by the real generator (markup renderer, fonts, thumbnails) from fixture briefs. */
export async function writeFixtureSite(dir: string, publicUrl: string | undefined = fixturePublicUrl): Promise<void> {
  const { fonts, license } = await loadSiteFonts();
  const thumbnail = await renderFirstPageThumbnail(samplePdf, 360);
  const files = buildSite({
    asOf: '2021-08-23',
    asOfText: '23 أغسطس/آب 2021',
    digits: 'latn',
    generator: { name: 'coalition-briefs', version: '0.1.0' },
    briefs: [
      sampleBrief({ thumbnail, blocks: everyBlockKind }),
      sampleBrief({ id: 'history', file: 'history.pdf', title: 'التحالف الدولي ضد داعش في العراق: المسار التاريخي', summary: 'من الانسحاب الأميركي وصعود داعش إلى تأسيس التحالف ومعارك الموصل والرقة وما بعد إعلان النصر.', pages: 14, thumbnail }),
    ],
    fonts,
    fontLicense: license,
    renderBlocks: renderMarkupToHtml,
    publicUrl,
  });
  for (const file of [...files, { name: 'manifest.json', bytes: '{"files":[]}\n' }]) {
    const target = path.join(dir, file.name);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.bytes);
  }
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.xml': 'application/atom+xml; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** A bare static host on loopback: files and content types, nothing else (no rewrites, no index fallback but "/"). */
export async function serveStatic(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const target = path.join(dir, pathname === '/' ? 'index.html' : pathname);
    if (path.relative(dir, target).startsWith('..')) return void response.writeHead(403).end();
    try {
      const body = await readFile(target);
      response.writeHead(200, { 'content-type': contentTypes[path.extname(target)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

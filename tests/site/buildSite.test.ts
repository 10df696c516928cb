import { describe, expect, it } from 'vitest';
import { parseDocument } from 'htmlparser2';
import { DomUtils } from 'htmlparser2';
import { buildSite, editionFingerprint, editionId, parsePublicUrl, publicUrlFromEnvironment, siteTitle } from '../../src/site/index.js';
import type { Block } from '../../src/document/model.js';
import { renderMarkupToHtml } from '../../src/markup/index.js';
import { sampleBrief, sampleSiteInput } from './fixtures.js';

function fileText(files: ReturnType<typeof buildSite>, name: string): string {
  const file = files.find((candidate) => candidate.name === name);
  if (file === undefined) throw new Error(`no ${name} in the site`);
  return typeof file.bytes === 'string' ? file.bytes : Buffer.from(file.bytes).toString('utf8');
}

describe('the reader’s site (pure generator)', () => {
  const files = buildSite(sampleSiteInput());
  const names = files.map((file) => file.name);

  it('has an index, a feed, a stylesheet, and per brief an HTML edition, the PDF and a page-1 thumbnail', () => {
    expect(names).toEqual(
      expect.arrayContaining([
        'index.html', 'feed.xml', 'style.css', 'fonts/LICENSE.txt',
        'troops.html', 'troops.pdf', 'troops-page1.png',
        'history.html', 'history.pdf', 'history-page1.png',
      ]),
    );
  });

  it('is Arabic, right to left, UTF-8 and responsive', () => {
    const index = fileText(files, 'index.html');
    expect(index).toMatch(/<html lang="ar" dir="rtl">/);
    expect(index).toContain('<meta charset="utf-8">');
    expect(index).toContain('name="viewport"');
  });

  it('lists every brief with title, summary, as-of date, page count, size, thumbnail and download link', () => {
    const dom = parseDocument(fileText(files, 'index.html'));
    const items = DomUtils.findAll((el) => el.name === 'li' && el.attribs.class === 'brief', dom.children);
    expect(items.map((item) => item.attribs.id)).toEqual(['troops', 'history']);
    const troops = DomUtils.textContent(items[0]!);
    expect(troops).toContain('قوات التحالف في العراق: الأعداد والتدريب والقواعد');
    expect(troops).toContain('أعداد القوات الأميركية وقوات التحالف عبر السنين.');
    expect(troops).toContain('23 أغسطس/آب 2021');
    expect(troops).toContain('صفحة واحدة');
    expect(troops).toMatch(/PDF بحجم \d+ كيلوبايت/);
    const img = DomUtils.findOne((el) => el.name === 'img', items[0]!.children)!;
    expect(img.attribs.src).toBe('troops-page1.png');
    const download = DomUtils.findOne((el) => el.name === 'a' && 'download' in el.attribs, items[0]!.children)!;
    expect(download.attribs.href).toBe('troops.pdf');
  });

  it('uses only relative links to files of the site, so it works from file:// and any static host', () => {
    // manifest.json is the one file the build adds beside the generator's (it records their checksums).
    const published = [...names, 'manifest.json'];
    for (const name of names.filter((n) => n.endsWith('.html'))) {
      const dom = parseDocument(fileText(files, name));
      const refs = DomUtils.findAll((el) => 'href' in el.attribs || 'src' in el.attribs, dom.children).map(
        (el) => el.attribs.href ?? el.attribs.src!,
      );
      expect(refs.length).toBeGreaterThan(0);
      for (const ref of refs) expect(published, `${name} links to ${ref}`).toContain(ref);
    }
    expect(fileText(files, 'style.css')).not.toMatch(/https?:/);
  });

  it('renders each HTML edition from the brief’s blocks, with its citations', () => {
    const edition = fileText(files, 'troops.html');
    expect(edition).toContain('<p>بلغ عدد القوات الأميركية 2500 جندي في 2021، بعد أن كان 5200 جندي في 2019.<sup>1</sup></p>');
    expect(edition).toMatch(/<html lang="ar" dir="rtl">/);
  });

  it('forbids scripts and anything from other sites on every page (Content-Security-Policy)', () => {
    for (const name of names.filter((n) => n.endsWith('.html'))) {
      const dom = parseDocument(fileText(files, name));
      const csp = DomUtils.findOne((el) => el.name === 'meta' && el.attribs['http-equiv'] === 'Content-Security-Policy', dom.children);
      expect(csp?.attribs.content, name).toContain("default-src 'self'");
      expect(csp?.attribs.content, name).toContain("script-src 'none'");
    }
  });

  it('keeps hostile data inert in the HTML edition too (the markup layer escapes what it renders)', () => {
    const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const site = buildSite(
      sampleSiteInput({ renderBlocks: renderMarkupToHtml, briefs: [sampleBrief({ blocks: [{ kind: 'paragraph', content: [{ text: hostile }] }] })] }),
    );
    const edition = fileText(site, 'troops.html');
    expect(edition).not.toContain('<script>alert');
    expect(edition).not.toContain('<img src=x');
  });

  it('escapes data in the pages it writes itself', () => {
    const site = buildSite(sampleSiteInput({ briefs: [sampleBrief({ title: '<script>alert(1)</script>', summary: 'a & "b"' })] }));
    const index = fileText(site, 'index.html');
    expect(index).not.toContain('<script>');
    expect(index).toContain('&lt;script&gt;');
    expect(fileText(site, 'feed.xml')).toContain('a &amp; &quot;b&quot;');
  });

  it('writes numbers in the chosen digits', () => {
    const site = buildSite(sampleSiteInput({ digits: 'arab', briefs: [sampleBrief({ pages: 12 })] }));
    expect(fileText(site, 'index.html')).toContain('١٢ صفحة');
  });

  it('gives byte-identical files for the same inputs (no clock, no randomness)', () => {
    const again = buildSite(sampleSiteInput());
    expect(again).toEqual(files);
  });

  describe('the Atom feed', () => {
    const feed = fileText(files, 'feed.xml');
    const entryIds = (site: ReturnType<typeof buildSite>) =>
      DomUtils.getElementsByTagName('entry', parseDocument(fileText(site, 'feed.xml'), { xmlMode: true }).children).map((entry) => ({
        id: DomUtils.textContent(DomUtils.getElementsByTagName('id', entry.children)[0]!),
        updated: DomUtils.textContent(DomUtils.getElementsByTagName('updated', entry.children)[0]!),
      }));

    it('has one entry per edition, identified by what the edition says and dated by the data’s as-of date', () => {
      const entries = entryIds(files);
      expect(entries).toHaveLength(2);
      const input = sampleSiteInput();
      expect(entries.map((entry) => entry.id)).toEqual(
        input.briefs.map((brief) => editionId(editionFingerprint({ ...brief, digits: input.digits }))),
      );
      for (const entry of entries) expect(entry.updated).toBe('2021-08-23T00:00:00Z');
    });

    it('keeps every entry id and date when the PDFs are typeset again from the same data (other bytes, other page count)', () => {
      const retypeset = sampleSiteInput({
        briefs: sampleSiteInput().briefs.map((brief) => ({ ...brief, pdf: Uint8Array.from([...brief.pdf, 0x0a]), pages: brief.pages + 1 })),
      });
      expect(fileText(buildSite(retypeset), 'feed.xml')).not.toBe(feed); // the enclosure's length did change
      expect(entryIds(buildSite(retypeset))).toEqual(entryIds(files));
    });

    it('makes a new entry for an edition whose data changed, and only for it', () => {
      const [troops, history] = sampleSiteInput().briefs;
      const changedBlocks = structuredClone(troops!.blocks);
      const paragraph = changedBlocks[1] as Extract<(typeof changedBlocks)[number], { kind: 'paragraph' }>;
      paragraph.content[0] = { text: paragraph.content[0]!.text.replace('2500', '2600') };
      const changed = entryIds(buildSite(sampleSiteInput({ briefs: [{ ...troops!, blocks: changedBlocks }, history!] })));
      const before = entryIds(files);
      expect(changed[0]!.id).not.toBe(before[0]!.id);
      expect(changed[1]).toEqual(before[1]);
    });

    it('makes a new entry when the edition’s title, summary, as-of date or digits change', () => {
      const base = sampleSiteInput().briefs[0]!;
      const id = (content: Partial<Parameters<typeof editionFingerprint>[0]>) =>
        editionId(editionFingerprint({ ...base, digits: 'latn', ...content }));
      const ids = [id({}), id({ title: 'عنوان آخر' }), id({ summary: 'ملخص آخر' }), id({ asOf: '2021-09-01' }), id({ digits: 'arab' })];
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('does not depend on the order in which a block’s properties were built', () => {
      const base = sampleSiteInput().briefs[0]!;
      const reordered = base.blocks.map((block) => Object.fromEntries(Object.entries(block).reverse()) as typeof block);
      expect(editionFingerprint({ ...base, digits: 'latn', blocks: reordered })).toBe(editionFingerprint({ ...base, digits: 'latn' }));
    });

    it('writes ids as version-8 UUID URNs', () => {
      expect(editionId('a'.repeat(64))).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    });

    it('links each entry to its HTML edition and its PDF, relative to the feed when the site has no public URL', () => {
      expect(feed).toContain('<link rel="self" type="application/atom+xml" href="feed.xml"/>');
      expect(feed).toContain('<link rel="alternate" type="text/html" href="troops.html"/>');
      expect(feed).toMatch(/<link rel="enclosure" type="application\/pdf" href="troops.pdf" length="\d+"\/>/);
    });

    it('links only to absolute addresses inside the public URL when there is one, rel="self" included', () => {
      const site = buildSite(sampleSiteInput({ publicUrl: 'https://example.github.io/coalition-briefs' }));
      const dom = parseDocument(fileText(site, 'feed.xml'), { xmlMode: true });
      const links = DomUtils.getElementsByTagName('link', dom.children).map((link) => link.attribs);
      expect(links.find((link) => link.rel === 'self')?.href).toBe('https://example.github.io/coalition-briefs/feed.xml');
      expect(links.find((link) => link.rel === 'alternate')?.href).toBe('https://example.github.io/coalition-briefs/');
      expect(links.map((link) => link.href)).toContain('https://example.github.io/coalition-briefs/troops.pdf');
      for (const link of links) expect(link.href!.startsWith('https://example.github.io/coalition-briefs/'), link.href).toBe(true);
    });

    it('is well-formed XML in the Atom namespace', () => {
      const dom = parseDocument(feed, { xmlMode: true });
      const root = DomUtils.getElementsByTagName('feed', dom.children)[0]!;
      expect(root.attribs.xmlns).toBe('http://www.w3.org/2005/Atom');
      expect(feed.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    });
  });

  describe('sharing: link previews, canonical address, icon', () => {
    const publicUrl = 'https://example.github.io/coalition-briefs/';
    const shared = buildSite(sampleSiteInput({ publicUrl, renderBlocks: renderMarkupToHtml }));
    const head = (name: string) => {
      const dom = parseDocument(fileText(shared, name));
      const meta = (key: string) =>
        DomUtils.findOne((el) => el.name === 'meta' && (el.attribs.property === key || el.attribs.name === key), dom.children)?.attribs.content;
      const link = (rel: string) => DomUtils.findOne((el) => el.name === 'link' && el.attribs.rel === rel, dom.children)?.attribs;
      const title = DomUtils.textContent(DomUtils.findOne((el) => el.name === 'title', dom.children)!);
      return { meta, link, title };
    };

    it('gives each edition its own title, description, address and page-1 preview, all absolute', () => {
      const troops = head('troops.html');
      expect(troops.title).toBe('قوات التحالف في العراق: الأعداد والتدريب والقواعد');
      expect(troops.meta('description')).toBe('أعداد القوات الأميركية وقوات التحالف عبر السنين.');
      expect(troops.link('canonical')?.href).toBe(`${publicUrl}troops.html`);
      expect(troops.meta('og:url')).toBe(`${publicUrl}troops.html`);
      expect(troops.meta('og:type')).toBe('article');
      expect(troops.meta('og:title')).toBe(troops.title);
      expect(troops.meta('og:description')).toBe(troops.meta('description'));
      expect(troops.meta('og:image')).toBe(`${publicUrl}troops-page1.png`);
      expect(troops.meta('og:image:width')).toBe('1');
      expect(troops.meta('twitter:card')).toBe('summary');
      expect(troops.meta('twitter:image')).toBe(`${publicUrl}troops-page1.png`);
      expect(head('history.html').meta('og:image')).toBe(`${publicUrl}history-page1.png`);
    });

    it('gives the index the site’s title and the folder itself as its address', () => {
      const index = head('index.html');
      expect(index.title).toBe(siteTitle);
      expect(index.link('canonical')?.href).toBe(publicUrl);
      expect(index.meta('og:type')).toBe('website');
      expect(index.meta('og:image')).toBe(`${publicUrl}troops-page1.png`);
    });

    it('without a public URL, leaves out what must be absolute (canonical, og:url, og:image) and keeps the rest', () => {
      const local = head('troops.html');
      const dom = parseDocument(fileText(files, 'troops.html'));
      const find = (test: (el: { name: string; attribs: Record<string, string> }) => boolean) => DomUtils.findOne(test, dom.children);
      expect(local.meta('og:title')).toBeDefined();
      expect(find((el) => el.name === 'link' && el.attribs.rel === 'canonical')).toBeNull();
      expect(find((el) => el.name === 'meta' && (el.attribs.property === 'og:url' || el.attribs.property === 'og:image'))).toBeNull();
      expect(find((el) => el.name === 'meta' && el.attribs.property === 'og:title')?.attribs.content).toBe(local.title);
    });

    it('ships an icon every page links to', () => {
      expect(fileText(shared, 'favicon.svg')).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      for (const name of ['index.html', 'troops.html']) expect(head(name).link('icon')).toMatchObject({ href: 'favicon.svg', type: 'image/svg+xml' });
    });

    it('rejects a public URL that is not an absolute http(s) folder address', () => {
      for (const bad of ['coalition-briefs/', 'ftp://example.org/', 'https://example.org/?x=1', 'https://user:pw@example.org/'])
        expect(() => buildSite(sampleSiteInput({ publicUrl: bad })), bad).toThrow(/public URL/);
      expect(parsePublicUrl(' https://example.org/a ')).toBe('https://example.org/a/');
    });

    it('reads the public URL from BRIEFS_SITE_URL, naming the variable when it is wrong', () => {
      expect(publicUrlFromEnvironment({ BRIEFS_SITE_URL: 'https://example.org/briefs' })).toBe('https://example.org/briefs/');
      expect(publicUrlFromEnvironment({ BRIEFS_SITE_URL: '' })).toBeUndefined();
      expect(publicUrlFromEnvironment({})).toBeUndefined();
      expect(() => publicUrlFromEnvironment({ BRIEFS_SITE_URL: 'example.org' })).toThrow(/^BRIEFS_SITE_URL: "example.org" is not an absolute URL/);
    });
  });

  describe('headings', () => {
    const levels = (html: string) => [...html.matchAll(/<h([1-6])[\s>]/g)].map((match) => Number(match[1]));
    const outlineOf = (blocks: Block[]) => {
      const site = buildSite(sampleSiteInput({ renderBlocks: renderMarkupToHtml, briefs: [sampleBrief({ blocks })] }));
      return levels(fileText(site, 'troops.html'));
    };
    const nests = (outline: number[]) => outline.every((level, index) => index === 0 || level <= outline[index - 1]! + 1);

    it('gives a page with a cover and level-1 sections one <h1>, the sections nested under it', () => {
      const outline = outlineOf([
        { kind: 'cover', title: 'صحيفة وقائع', lines: [] },
        { kind: 'toc', title: 'المحتويات' },
        { kind: 'heading', level: 1, toc: true, content: [{ text: 'التاريخ' }] },
        { kind: 'heading', level: 2, content: [{ text: 'النشأة' }] },
        { kind: 'heading', level: 3, content: [{ text: 'الموصل' }] },
        { kind: 'heading', level: 1, toc: true, content: [{ text: 'القوات' }] },
      ]);
      expect(outline).toEqual([1, 2, 2, 3, 4, 2]);
    });

    it('keeps a brief whose title is its one level-1 heading as it is', () => {
      const outline = outlineOf([
        { kind: 'heading', level: 1, content: [{ text: 'القوات' }] },
        { kind: 'heading', level: 2, content: [{ text: 'الأعداد' }] },
      ]);
      expect(outline).toEqual([1, 2]);
    });

    it('gives a page with no title of its own the brief’s title as its <h1>', () => {
      const outline = outlineOf([
        { kind: 'heading', level: 2, content: [{ text: 'الأعداد' }] },
        { kind: 'paragraph', content: [{ text: 'نص' }] },
      ]);
      expect(outline).toEqual([1, 2]);
      const outlineTwoTops = outlineOf([
        { kind: 'heading', level: 1, content: [{ text: 'أ' }] },
        { kind: 'heading', level: 1, content: [{ text: 'ب' }] },
      ]);
      expect(outlineTwoTops).toEqual([1, 2, 2]);
      expect(nests(outlineTwoTops)).toBe(true);
    });
  });
});

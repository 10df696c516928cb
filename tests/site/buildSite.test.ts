import { describe, expect, it } from 'vitest';
import { parseDocument } from 'htmlparser2';
import { DomUtils } from 'htmlparser2';
import { buildSite, editionId } from '../../src/site/index.js';
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

    it('has one entry per edition, identified by the PDF’s sha256 and dated by the data’s as-of date', () => {
      const dom = parseDocument(feed, { xmlMode: true });
      const entries = DomUtils.getElementsByTagName('entry', dom.children);
      expect(entries).toHaveLength(2);
      const ids = entries.map((entry) => DomUtils.textContent(DomUtils.getElementsByTagName('id', entry.children)[0]!));
      expect(ids).toEqual([editionId('a'.repeat(64)), editionId('b'.repeat(64))]);
      for (const entry of entries) {
        expect(DomUtils.textContent(DomUtils.getElementsByTagName('updated', entry.children)[0]!)).toBe('2021-08-23T00:00:00Z');
      }
    });

    it('gives a new entry id when a PDF’s bytes change, and keeps it otherwise', () => {
      expect(editionId('a'.repeat(64))).toBe(editionId('a'.repeat(64)));
      expect(editionId('a'.repeat(64))).not.toBe(editionId('c'.repeat(64)));
      expect(editionId('a'.repeat(64))).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    });

    it('links each entry to its HTML edition and its PDF', () => {
      expect(feed).toContain('<link rel="alternate" type="text/html" href="troops.html"/>');
      expect(feed).toMatch(/<link rel="enclosure" type="application\/pdf" href="troops.pdf" length="\d+"\/>/);
    });

    it('is well-formed XML in the Atom namespace', () => {
      const dom = parseDocument(feed, { xmlMode: true });
      const root = DomUtils.getElementsByTagName('feed', dom.children)[0]!;
      expect(root.attribs.xmlns).toBe('http://www.w3.org/2005/Atom');
      expect(feed.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    });
  });
});

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { briefIds, briefs } from '../../src/briefs/registry.js';
import type { BuildSummary } from '../../src/pipeline/build.js';
import { defaultDataDir, templatesDir as repoTemplatesDir } from '../../src/paths.js';
import { buildAllInto, scratchDir } from '../support/builtBriefs.js';
import { extractFigures } from './figures.js';
import { difference, looksAlike, popplerPage } from './pageLikeness.js';
import { atomProblems, figureRowsAsCards, outline, outlineProblems, printedBars, savePrintedPages, shareTags, widerThanViewport } from './pageChecks.js';

/**
 * The site `briefs build` writes from the bundled data, checked in Chromium from file:// the way a
 * reader opens a downloaded copy, and against the PDFs it sits beside.
 */
const screenshots = fileURLToPath(new URL('./__output__/', import.meta.url));
const launchOptions = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

/** As CI builds it: the workflow passes the GitHub Pages address in BRIEFS_SITE_URL. */
const publicUrl = 'https://example.github.io/coalition-briefs/';
let savedPublicUrl: string | undefined;

let built: BuildSummary;
let site: string;
let browser: Browser;
/** A snapshot of the inputs, so both builds of the determinism test read the very same bytes. */
let inputs: { dataDir: string; templatesDir: string };

beforeAll(async () => {
  savedPublicUrl = process.env.BRIEFS_SITE_URL;
  process.env.BRIEFS_SITE_URL = publicUrl;
  const root = await scratchDir('site-inputs');
  inputs = { dataDir: path.join(root, 'data'), templatesDir: path.join(root, 'templates') };
  await cp(defaultDataDir, inputs.dataDir, { recursive: true });
  await cp(repoTemplatesDir, inputs.templatesDir, { recursive: true });
  built = await buildAllInto(undefined, inputs);
  site = path.join(built.outDir, 'site');
  await mkdir(screenshots, { recursive: true });
  browser = await chromium.launch(launchOptions);
});

afterAll(async () => {
  await browser?.close();
  if (savedPublicUrl === undefined) delete process.env.BRIEFS_SITE_URL;
  else process.env.BRIEFS_SITE_URL = savedPublicUrl;
});

const url = (name: string) => pathToFileURL(path.join(site, name)).href;

async function open(name: string, viewport = { width: 1280, height: 900 }) {
  const page = await browser.newPage({ viewport });
  const problems: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(pathToFileURL(site + path.sep).href)) problems.push(`left the site: ${request.url()}`);
  });
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
  await page.goto(url(name), { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  return { page, problems };
}

describe('the site written by briefs build', () => {
  it('holds the index, the feed, and per brief its HTML edition, PDF (same bytes as out/) and thumbnail', async () => {
    const names = await readdir(site);
    expect(names).toEqual(expect.arrayContaining(['index.html', 'feed.xml', 'style.css', 'manifest.json']));
    for (const id of briefIds) {
      expect(names).toEqual(expect.arrayContaining([`${id}.html`, briefs[id].file, `${id}-page1.png`]));
      expect((await readFile(path.join(site, briefs[id].file))).equals(await readFile(path.join(built.outDir, briefs[id].file)))).toBe(true);
    }
    expect(await readFile(path.join(site, 'manifest.json'), 'utf8')).toBe(await readFile(path.join(built.outDir, 'manifest.json'), 'utf8'));
  });

  it('shows as each brief’s thumbnail page 1 of its PDF, as poppler draws it', async () => {
    for (const id of briefIds) {
      const thumbnail = PNG.sync.read(await readFile(path.join(site, `${id}-page1.png`)));
      expect(thumbnail.width, id).toBe(360);
      const pdf = await readFile(path.join(built.outDir, briefs[id].file));
      const measured = difference(popplerPage(pdf, 1, thumbnail.width, thumbnail.height), thumbnail);
      expect(looksAlike(measured), `${id}: ${JSON.stringify(measured)}`).toBe(true);
    }
  });

  it('lists every brief on the index, right to left, with a thumbnail that loads and links that resolve', async () => {
    const { page, problems } = await open('index.html');
    const facts = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      direction: getComputedStyle(document.body).direction,
      ids: [...document.querySelectorAll('li.brief')].map((li) => li.id),
      images: [...document.images].map((img) => ({ src: img.src, naturalWidth: img.naturalWidth })),
      links: [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href),
      text: document.body.innerText,
    }));
    await page.close();
    expect(facts.lang).toBe('ar');
    expect(facts.direction).toBe('rtl');
    expect(facts.ids).toEqual([...briefIds]);
    expect(facts.images).toHaveLength(briefIds.length);
    for (const image of facts.images) expect(image.naturalWidth, image.src).toBeGreaterThan(0);
    for (const link of facts.links) expect(existsSync(fileURLToPath(link)), link).toBe(true);
    for (const entry of built.manifest.files) {
      expect(facts.text).toContain(briefs[entry.brief as keyof typeof briefs].title);
    }
    expect(problems).toEqual([]);
  });

  for (const id of briefIds) {
    it(`shows in the HTML edition of ${id} the same figures as its PDF, with its citations`, async () => {
      const { page, problems } = await open(`${id}.html`);
      const facts = await page.evaluate(() => ({
        direction: getComputedStyle(document.body).direction,
        lang: document.documentElement.lang,
        body: (document.querySelector('main') as HTMLElement).innerText,
        citations: document.querySelectorAll('main sup.cite').length,
        anchors: [...document.querySelectorAll('a[href^="#"]')].map((a) => a.getAttribute('href')!.slice(1)),
        ids: [...document.querySelectorAll('[id]')].map((el) => el.id),
        links: [...document.querySelectorAll('a[href]:not([href^="#"])')].map((a) => (a as HTMLAnchorElement).href),
      }));
      await page.close();
      expect(facts.lang).toBe('ar');
      expect(facts.direction).toBe('rtl');
      expect(facts.citations, 'citation markers').toBeGreaterThan(0);
      for (const anchor of facts.anchors) expect(facts.ids).toContain(anchor);
      for (const link of facts.links) expect(existsSync(fileURLToPath(link)), link).toBe(true);
      expect(problems).toEqual([]);

      const entry = built.manifest.files.find((file) => file.brief === id)!;
      // Page furniture (the footers' edition id) is the PDF's own, not the brief's.
      const pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(built.outDir, entry.file), '-'], { encoding: 'utf8' }).replaceAll(built.manifest.edition!, '');
      // The edition id (the cover's QR caption) names the edition; it is no figure of the brief.
      const html = new Set(extractFigures(facts.body.replaceAll(built.manifest.edition!, '')));
      expect(new Set(extractFigures(pdfText)).size, `figures read from ${entry.file}`).toBeGreaterThan(10);
      // Page furniture (page numbers, the contents' page references) is the PDF's own, not the brief's.
      const isPageNumber = (figure: string) => /^\d+$/.test(figure) && Number(figure) <= entry.pages;
      const missing = [...new Set(extractFigures(pdfText))].filter((figure) => !html.has(figure) && !isPageNumber(figure));
      expect(missing, `figures in ${entry.file} but not in ${id}.html`).toEqual([]);
      const pdf = new Set(extractFigures(pdfText));
      const extra = [...html].filter((figure) => !pdf.has(figure) && !isPageNumber(figure));
      expect(extra, `figures in ${id}.html but not in ${entry.file}`).toEqual([]);
    });
  }

  it('publishes an Atom feed that follows RFC 4287, one entry per brief, its absolute links naming files of the site', async () => {
    const { problems, entries } = await atomProblems(browser, await readFile(path.join(site, 'feed.xml'), 'utf8'), publicUrl);
    expect(problems).toEqual([]);
    expect(entries).toHaveLength(briefIds.length);
    for (const entry of entries) {
      expect(entry.id).toMatch(/^urn:uuid:/);
      for (const link of entry.links) expect(existsSync(path.join(site, link.slice(publicUrl.length))), link).toBe(true);
    }
  });

  it('on a phone (390 px), no element or line of any page is wider than the screen, and figure rows are cards', async () => {
    for (const name of ['index', ...briefIds]) {
      const { page } = await open(`${name}.html`, { width: 390, height: 844 });
      const wide = await widerThanViewport(page);
      const { cards, problems } = await figureRowsAsCards(page);
      await page.close();
      expect(wide, name).toEqual([]);
      expect(problems, name).toEqual([]);
      // Every brief has figure tables (claimant, figure, scope, date, method).
      if (name !== 'index') expect(cards, `${name}: figure rows`).toBeGreaterThan(0);
    }
  }, 120_000);

  it('gives every page one <h1>, an outline that nests, and absolute sharing tags and canonical link', async () => {
    for (const name of ['index', ...briefIds]) {
      const { page } = await open(`${name}.html`);
      const levels = await outline(page);
      const tags = await shareTags(page);
      await page.close();
      expect(outlineProblems(levels), `${name}: ${levels.join(' ')}`).toEqual([]);
      const address = name === 'index' ? publicUrl : `${publicUrl}${name}.html`;
      expect(tags, name).toMatchObject({ canonical: address, 'og:url': address, 'twitter:card': 'summary' });
      expect(tags['og:image'], name).toBe(`${publicUrl}${name === 'index' ? briefIds[0] : name}-page1.png`);
      expect(tags['og:title'], name).toBe(name === 'index' ? tags.title : briefs[name as keyof typeof briefs].title);
      expect(tags['og:description'], name).toBe(tags.description);
    }
  });

  for (const id of briefIds) {
    it(`prints the HTML edition of ${id}: the document without navigation or footer, chart bars kept (default print settings)`, async () => {
      // The whole edition as a reader prints it; its pages saved for a person to look at.
      const pdf = path.join(screenshots, `built-${id}-print.pdf`);
      const page = await browser.newPage();
      await page.goto(url(`${id}.html`), { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      await page.pdf({ path: pdf, preferCSSPageSize: true });
      const charts = await page.locator('main .chart').count();
      await page.close();
      savePrintedPages(pdf, path.join(screenshots, `built-${id}-print`));
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
      expect(text).not.toContain('كل الموجزات');
      const html = new Set(extractFigures((await readFile(path.join(site, `${id}.html`), 'utf8')).replace(/<[^>]*>/g, ' ')));
      expect([...new Set(extractFigures(text))].filter((figure) => !html.has(figure) && Number(figure) > 40), 'printed figures').toEqual([]);
      if (charts === 0) return;
      const { bars } = await printedBars(browser, url(`${id}.html`), path.join(screenshots, `built-${id}-chart-print.pdf`), { fromFirstChart: true });
      expect(bars.length).toBeGreaterThan(0);
      for (const inked of bars) expect(inked).toBeGreaterThan(0.6);
    });
  }

  it('screenshots the index and the editions, on a desktop and a phone, for a person to look at', async () => {
    for (const [device, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]] as const) {
      for (const name of ['index', ...briefIds]) {
        const { page, problems } = await open(`${name}.html`, viewport);
        await page.screenshot({ path: path.join(screenshots, `built-${name}-${device}.png`), fullPage: true });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        await page.close();
        expect(overflow, `${name} on a ${device} scrolls sideways`).toBeLessThanOrEqual(0);
        expect(problems).toEqual([]);
      }
    }
  }, 300_000); // many pages or a whole rebuild: generous on a loaded two-core CI machine

  it('is byte-identical when built again from the same data', async () => {
    const again = await buildAllInto(undefined, inputs);
    const files = (await readdir(site, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(site, path.join(entry.parentPath, entry.name)));
    expect(files.length).toBeGreaterThan(briefIds.length * 3);
    for (const name of files) {
      const [a, b] = await Promise.all([readFile(path.join(site, name)), readFile(path.join(again.outDir, 'site', name))]);
      expect(a.equals(b), name).toBe(true);
    }
  }, 300_000); // many pages or a whole rebuild: generous on a loaded two-core CI machine
});

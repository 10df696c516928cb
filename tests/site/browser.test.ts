import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFigures } from './figures.js';
import { atomProblems, figureRowsAsCards, outline, outlineProblems, printedBars, savePrintedPages, shareTags, widerThanViewport } from './pageChecks.js';
import { fixturePublicUrl, serveStatic, writeFixtureSite } from './siteUnderTest.js';

/**
 * The reader's site in a real browser (Debian's chromium, headless), opened from file:// and from a
 * loopback static host. Screenshots go to tests/site/__output__/ for a person to look at.
 */
const screenshots = fileURLToPath(new URL('./__output__/', import.meta.url));
const launchOptions = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

let browser: Browser;
let root: string;
let fixtureSite: string;
let server: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'briefs-site-'));
  fixtureSite = path.join(root, 'fixture');
  await writeFixtureSite(fixtureSite);
  server = await serveStatic(fixtureSite);
  await mkdir(screenshots, { recursive: true });
  browser = await chromium.launch(launchOptions);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

interface LoadedPage {
  page: Page;
  /** Requests that failed, got an error status, or left the site. */
  problems: string[];
}

/** Opens a page and records every request that fails or goes anywhere but the site itself. */
async function open(url: string, viewport = { width: 1280, height: 900 }): Promise<LoadedPage> {
  const page = await browser.newPage({ viewport });
  const problems: string[] = [];
  const siteRoot = new URL('.', url).href;
  page.on('request', (request) => {
    if (!request.url().startsWith(siteRoot)) problems.push(`left the site: ${request.url()}`);
  });
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  return { page, problems };
}

async function htmlPages(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.endsWith('.html')).sort((a, b) => (a === 'index.html' ? -1 : b === 'index.html' ? 1 : a.localeCompare(b)));
}

/** Checks common to every page of the site, on one host. */
async function checkPage(url: string, fileExists: (href: URL) => Promise<boolean>): Promise<void> {
  const { page, problems } = await open(url);
  try {
    const facts = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      dir: document.documentElement.dir,
      direction: getComputedStyle(document.body).direction,
      charset: document.characterSet,
      amiri: [...document.fonts].some((face) => face.family.replaceAll(/["']/g, '') === 'Amiri' && face.status === 'loaded'),
      links: [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href),
      anchors: [...document.querySelectorAll('a[href^="#"]')].map((a) => a.getAttribute('href')!.slice(1)),
      ids: [...document.querySelectorAll('[id]')].map((el) => el.id),
      images: [...document.images].map((img) => ({ src: img.src, complete: img.complete, naturalWidth: img.naturalWidth })),
    }));
    expect(facts).toMatchObject({ lang: 'ar', dir: 'rtl', direction: 'rtl', charset: 'UTF-8', amiri: true });
    for (const image of facts.images) expect(image, `image ${image.src}`).toMatchObject({ complete: true, naturalWidth: expect.any(Number) });
    for (const image of facts.images) expect(image.naturalWidth, `image ${image.src} decoded`).toBeGreaterThan(0);
    for (const anchor of facts.anchors) expect(facts.ids, `in-page link #${anchor}`).toContain(anchor);
    for (const link of facts.links) {
      const href = new URL(link);
      expect(href.href.startsWith(new URL('.', url).href), `${link} stays inside the site`).toBe(true);
      expect(await fileExists(href), `${link} resolves`).toBe(true);
    }
    expect(problems).toEqual([]);
  } finally {
    await page.close();
  }
}

async function shoot(url: string, name: string, viewport: { width: number; height: number }): Promise<{ overflow: number }> {
  const { page, problems } = await open(url, viewport);
  try {
    await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(problems).toEqual([]);
    return { overflow };
  } finally {
    await page.close();
  }
}

const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 900 };

describe('the reader’s site in Chromium (fixture briefs)', () => {
  it('is right to left and Arabic, and every link and thumbnail resolves, from file://', async () => {
    for (const name of await htmlPages(fixtureSite)) {
      await checkPage(pathToFileURL(path.join(fixtureSite, name)).href, async (href) => existsSync(fileURLToPath(href)));
    }
  });

  it('works the same from a static web host', async () => {
    for (const name of await htmlPages(fixtureSite)) {
      await checkPage(new URL(name, server.url).href, async (href) => (await fetch(href, { method: 'HEAD' })).ok);
    }
  });

  it('fits a phone screen without sideways scrolling; screenshots for a person to look at', async () => {
    for (const [name, viewport] of [['phone', phone], ['desktop', desktop]] as const) {
      for (const page of ['index', 'troops']) {
        const { overflow } = await shoot(pathToFileURL(path.join(fixtureSite, `${page}.html`)).href, `fixture-${page}-${name}`, viewport);
        expect(overflow, `${page} on ${name}`).toBeLessThanOrEqual(0);
      }
    }
  }, 180_000);

  it('shows in the HTML edition every figure of the PDF', async () => {
    const pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(fixtureSite, 'troops.pdf'), '-'], { encoding: 'utf8' });
    const { page } = await open(pathToFileURL(path.join(fixtureSite, 'troops.html')).href);
    const htmlText = await page.locator('main').innerText();
    await page.close();
    const pdfFigures = new Set(extractFigures(pdfText));
    expect(pdfFigures.size).toBeGreaterThan(0);
    const htmlFigures = new Set(extractFigures(htmlText));
    expect([...pdfFigures].filter((figure) => !htmlFigures.has(figure))).toEqual([]);
  });
  it('prints an edition with its chart bars under default print settings (no backgrounds), without navigation or footer', async () => {
    const pdf = path.join(screenshots, 'fixture-troops-print.pdf');
    const { bars, tracks } = await printedBars(browser, pathToFileURL(path.join(fixtureSite, 'troops.html')).href, pdf);
    savePrintedPages(pdf, path.join(screenshots, 'fixture-troops-print'));
    expect(bars).toHaveLength(3);
    // Each bar inked in the accent; the empty rest of its track blank: backgrounds were indeed dropped.
    for (const inked of bars) expect(inked).toBeGreaterThan(0.6);
    expect(tracks.length).toBeGreaterThan(0);
    for (const inked of tracks) expect(inked).toBeLessThan(0.02);
    const pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    expect(pdfText).toContain('القوات الأميركية في العراق');
    expect(pdfText).not.toContain('كل الموجزات'); // the navigation and the footer's links

    const { page } = await open(pathToFileURL(path.join(fixtureSite, 'troops.html')).href);
    await page.emulateMedia({ media: 'print' });
    const hidden = await page.evaluate(() => ['.edition-nav', '.site-footer'].map((selector) => getComputedStyle(document.querySelector(selector)!).display));
    await page.close();
    expect(hidden).toEqual(['none', 'none']);
  });

  it('prints the index’s download buttons dark on the white paper', async () => {
    const { page } = await open(pathToFileURL(path.join(fixtureSite, 'index.html')).href);
    await page.emulateMedia({ media: 'print' });
    const colours = await page.evaluate(() =>
      [...document.querySelectorAll('.button')].map((button) => {
        const style = getComputedStyle(button);
        return { color: style.color, background: style.backgroundColor, border: style.borderTopStyle };
      }),
    );
    await page.close();
    expect(colours.length).toBeGreaterThan(0);
    for (const colour of colours) {
      // Printing drops backgrounds, so the text stands on white paper, whatever the background says.
      expect(contrastOnWhite(colour.color), colour.color).toBeGreaterThanOrEqual(4.5);
      expect(colour.border).toBe('solid');
    }
  });

  it('at 390 px: no element or line wider than the screen, and figure rows read as cards', async () => {
    for (const name of await htmlPages(fixtureSite)) {
      const { page } = await open(pathToFileURL(path.join(fixtureSite, name)).href, phone);
      expect(await widerThanViewport(page), name).toEqual([]);
      const { cards, problems } = await figureRowsAsCards(page);
      await page.close();
      expect(problems, name).toEqual([]);
      if (name === 'troops.html') expect(cards).toBe(2);
    }
  });

  it('on a desktop, figure tables stay tables', async () => {
    const { page } = await open(pathToFileURL(path.join(fixtureSite, 'troops.html')).href, desktop);
    const display = await page.evaluate(() => getComputedStyle(document.querySelector('main tbody tr')!).display);
    await page.close();
    expect(display).toBe('table-row');
  });

  it('has one <h1> per page and an outline that nests', async () => {
    for (const name of await htmlPages(fixtureSite)) {
      const { page } = await open(pathToFileURL(path.join(fixtureSite, name)).href);
      const levels = await outline(page);
      await page.close();
      expect(outlineProblems(levels), `${name}: ${levels.join(' ')}`).toEqual([]);
    }
  });

  it('carries link-preview tags and a canonical link, absolute, and an icon that loads', async () => {
    for (const name of await htmlPages(fixtureSite)) {
      const { page, problems } = await open(new URL(name, server.url).href);
      const tags = await shareTags(page);
      const icon = await page.evaluate(async (href) => (await fetch(href)).headers.get('content-type'), tags.icon!);
      await page.close();
      expect(problems).toEqual([]);
      const id = name.replace(/\.html$/, '');
      const address = name === 'index.html' ? fixturePublicUrl : `${fixturePublicUrl}${name}`;
      expect(tags, name).toMatchObject({ canonical: address, 'og:url': address, 'twitter:card': 'summary' });
      for (const key of ['title', 'description', 'og:title', 'og:description', 'og:type', 'og:image:width', 'og:image:height'] as const)
        expect(tags[key], `${name} ${key}`).toBeTruthy();
      expect(tags['og:title']).toBe(tags.title);
      expect(tags['og:image']).toBe(`${fixturePublicUrl}${name === 'index.html' ? 'troops' : id}-page1.png`);
      expect(icon).toBe('image/svg+xml');
    }
  });

  it('publishes an Atom feed that follows RFC 4287, with absolute links inside the public URL', async () => {
    const { problems, entries } = await atomProblems(browser, await readFile(path.join(fixtureSite, 'feed.xml'), 'utf8'), fixturePublicUrl);
    expect(problems).toEqual([]);
    expect(entries).toHaveLength(2);
  });
});

/** WCAG contrast ratio of an rgb() colour against white. */
function contrastOnWhite(rgb: string): number {
  const [r, g, b] = rgb.match(/\d+(\.\d+)?/g)!.slice(0, 3).map(Number).map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  return 1.05 / (luminance + 0.05);
}

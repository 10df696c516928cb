import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFigures } from './figures.js';
import { serveStatic, writeFixtureSite } from './siteUnderTest.js';

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
});

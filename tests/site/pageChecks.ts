import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';

/**
 * What a reader of the site would notice, measured in a real browser: things sticking out of a phone's
 * screen, figure rows that are not cards, a broken outline, missing link-preview tags, chart bars lost
 * on paper, a feed that is not Atom. Each returns what is wrong (empty: nothing).
 */

/** Every element box and every line of text must lie within the viewport's width (no sideways scrolling, nothing cut). */
export async function widerThanViewport(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const problems: string[] = [];
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''}`;
    const visible = (el: Element) => {
      const style = getComputedStyle(el);
      return style.display !== 'none' && style.visibility !== 'hidden' && !(style.clipPath.startsWith('inset(50%'));
    };
    for (const el of document.body.querySelectorAll('*')) {
      // What is not shown (the cards' header row, kept for screen readers) cannot stick out.
      if ([el, ...ancestors(el)].some((a) => !visible(a))) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      if (rect.left < -0.5 || rect.right > width + 0.5) problems.push(`${describe(el)} spans ${Math.round(rect.left)}..${Math.round(rect.right)} px`);
    }
    // Text may spill out of a box that itself fits (no-wrap text in a fixed column).
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (parent === null || [parent, ...ancestors(parent)].some((a) => !visible(a)) || node.textContent!.trim() === '') continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        if (rect.left < -0.5 || rect.right > width + 0.5)
          problems.push(`text «${node.textContent!.trim().slice(0, 30)}» in ${describe(parent)} spans ${Math.round(rect.left)}..${Math.round(rect.right)} px`);
      }
    }
    return problems;

    function* ancestors(el: Element): Generator<Element> {
      for (let a = el.parentElement; a !== null; a = a.parentElement) yield a;
    }
  });
}

/**
 * On a phone, a figure table (three columns or more) shows each row as a card: the row a box of its
 * own, its cells one under another across the card's width, each headed by its column's name.
 * Returns the problems and how many cards were seen.
 */
export async function figureRowsAsCards(page: Page): Promise<{ cards: number; problems: string[] }> {
  return page.evaluate(() => {
    const problems: string[] = [];
    let cards = 0;
    for (const [t, table] of [...document.querySelectorAll('main table')].entries()) {
      const headers = [...table.querySelectorAll('thead tr:first-child > *')].map((th) => (th as HTMLElement).innerText.replace(/\s*[\d٠-٩،, ]+$/, '').trim());
      if (headers.length < 3) continue;
      for (const [r, row] of [...table.querySelectorAll('tbody tr')].entries()) {
        cards += 1;
        const where = `table ${t + 1} row ${r + 1}`;
        const rowBox = row.getBoundingClientRect();
        if (getComputedStyle(row).display !== 'block') problems.push(`${where}: displayed as ${getComputedStyle(row).display}`);
        let previousBottom = -Infinity;
        for (const [c, cell] of [...row.children].entries()) {
          const box = cell.getBoundingClientRect();
          if (box.width < rowBox.width * 0.8) problems.push(`${where} cell ${c + 1}: ${Math.round(box.width)} px wide in a ${Math.round(rowBox.width)} px card`);
          if (box.top < previousBottom - 1) problems.push(`${where} cell ${c + 1}: beside the cell before it, not under it`);
          previousBottom = box.bottom;
          const label = getComputedStyle(cell, '::before').content.replace(/^"|"$/g, '');
          if (label !== headers[c]) problems.push(`${where} cell ${c + 1}: labelled ${label}, column is «${headers[c]}»`);
        }
      }
    }
    return { cards, problems };
  });
}

/** Heading levels in document order. */
export async function outline(page: Page): Promise<number[]> {
  return page.evaluate(() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName.slice(1))));
}

/** One <h1>, first; no heading more than one level below the one before it. */
export function outlineProblems(levels: readonly number[]): string[] {
  const problems: string[] = [];
  const h1s = levels.filter((level) => level === 1).length;
  if (h1s !== 1) problems.push(`${h1s} <h1> elements`);
  if (levels[0] !== 1) problems.push(`the first heading is <h${levels[0]}>`);
  levels.forEach((level, index) => {
    if (index > 0 && level > levels[index - 1]! + 1) problems.push(`<h${level}> right after <h${levels[index - 1]}> (heading ${index + 1})`);
  });
  return problems;
}

/** The link-preview tags and canonical link, as the page's DOM has them. */
export async function shareTags(page: Page): Promise<Record<string, string | null>> {
  return page.evaluate(() => {
    const meta = (key: string) =>
      document.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content') ?? null;
    return {
      title: document.title,
      description: meta('description'),
      canonical: document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null,
      icon: (document.querySelector('link[rel="icon"]') as HTMLLinkElement | null)?.href ?? null,
      'og:title': meta('og:title'),
      'og:description': meta('og:description'),
      'og:type': meta('og:type'),
      'og:url': meta('og:url'),
      'og:image': meta('og:image'),
      'og:image:width': meta('og:image:width'),
      'og:image:height': meta('og:image:height'),
      'twitter:card': meta('twitter:card'),
    };
  });
}

/** A4 with the stylesheet's 15 mm margins, in CSS pixels: the width a printed page lays out in. */
const mm = 96 / 25.4;
export const printed = { pageWidth: 210 * mm, pageHeight: 297 * mm, margin: 15 * mm, contentWidth: 180 * mm, contentHeight: 267 * mm };

/**
 * Prints a page the way a reader does (Chromium's PDF, backgrounds off as in the default print
 * settings), rasterises page 1 with pdftoppm at 96 dpi (one pixel per CSS pixel) and returns, for
 * each chart bar and for the empty part of its track, the share of its pixels that are inked in the
 * accent's red.
 */
export async function printedBars(
  browser: Browser,
  url: string,
  pdfPath: string,
  options: { fromFirstChart?: boolean } = {},
): Promise<{ bars: number[]; tracks: number[] }> {
  const page = await browser.newPage({ viewport: { width: Math.round(printed.contentWidth), height: 1000 } });
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    // A long edition's first chart is pages in: leave out what comes before it, so it prints on page 1.
    if (options.fromFirstChart === true)
      await page.evaluate(() => {
        const chart = document.querySelector('main .chart')!;
        let block: Element = chart;
        while (block.parentElement !== null && block.parentElement.tagName !== 'MAIN') block = block.parentElement;
        for (let el = block.previousElementSibling; el !== null; el = el.previousElementSibling) (el as HTMLElement).style.display = 'none';
        (document.querySelector('.edition-header') as HTMLElement | null)?.style.setProperty('display', 'none');
      });
    await page.pdf({ path: pdfPath, preferCSSPageSize: true });
    // The same layout on screen with print styles: where each bar sits on page 1.
    await page.emulateMedia({ media: 'print' });
    const boxes = await page.evaluate(() =>
      [...document.querySelectorAll('.chart-bar')].map((bar) => {
        const b = bar.getBoundingClientRect();
        const t = bar.parentElement!.getBoundingClientRect();
        return { bar: { x: b.x, y: b.y + scrollY, width: b.width, height: b.height }, track: { x: t.x, y: t.y + scrollY, width: t.width, height: t.height } };
      }),
    );
    if (boxes.length === 0) throw new Error(`${url}: no chart bars`);
    if (boxes[0]!.bar.y + boxes[0]!.bar.height > printed.contentHeight)
      throw new Error(`${url}: the first bar lies beyond page 1 (y ${Math.round(boxes[0]!.bar.y)}); put the chart higher in the test page`);
    // Page 1's bars; a later page's position depends on where the browser broke the pages.
    const beyond = boxes.findIndex(({ bar }) => bar.y + bar.height > printed.contentHeight);
    if (beyond >= 0) boxes.splice(beyond);
    const image = await pageImage(pdfPath);
    const redness = (box: { x: number; y: number; width: number; height: number }, skip?: { x: number; width: number }) => {
      let inked = 0;
      let total = 0;
      // Inset by 2 px: anti-aliased edges are neither inked nor blank.
      for (let y = Math.ceil(box.y + 2); y < box.y + box.height - 2; y += 1)
        for (let x = Math.ceil(box.x + 2); x < box.x + box.width - 2; x += 1) {
          if (skip && x >= skip.x - 2 && x <= skip.x + skip.width + 2) continue;
          const px = Math.round(printed.margin + x);
          const py = Math.round(printed.margin + y);
          const i = (py * image.width + px) * 4;
          total += 1;
          if (image.data[i]! - image.data[i + 1]! > 40) inked += 1;
        }
      return total === 0 ? 1 : inked / total;
    };
    return {
      bars: boxes.map(({ bar }) => redness(bar)),
      tracks: boxes.filter(({ bar, track }) => track.width - bar.width > 20).map(({ bar, track }) => redness({ ...track, height: track.height - 1 }, bar)),
    };
  } finally {
    await page.close();
  }
}

async function pageImage(pdfPath: string): Promise<PNG> {
  const dir = await mkdtemp(path.join(tmpdir(), 'printed-'));
  try {
    execFileSync('pdftoppm', ['-r', '96', '-f', '1', '-l', '1', '-png', pdfPath, path.join(dir, 'page')]);
    const [file] = (await readdir(dir)).filter((name) => name.endsWith('.png'));
    return PNG.sync.read(await readFile(path.join(dir, file!)));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Saves every page of a printed PDF as PNG for a person to look at. */
export function savePrintedPages(pdfPath: string, pngPrefix: string): void {
  execFileSync('pdftoppm', ['-r', '60', '-png', pdfPath, pngPrefix]);
}

/**
 * An Atom feed read by Chromium's XML parser (strict: a well-formedness error is a parsererror) and
 * checked against RFC 4287's requirements: the feed and each entry have exactly one atom:id (an
 * absolute IRI), atom:title and atom:updated (RFC 3339); the feed an author (or every entry one), a
 * rel="self" link; every entry a rel="alternate" link (it has no content), ids unique. With `base`,
 * every href must be absolute and inside it.
 */
export async function atomProblems(browser: Browser, xml: string, base?: string): Promise<{ problems: string[]; entries: { id: string; links: string[] }[] }> {
  const page = await browser.newPage();
  try {
    return await page.evaluate(
      ({ source, base }) => {
        const atom = 'http://www.w3.org/2005/Atom';
        const problems: string[] = [];
        const doc = new DOMParser().parseFromString(source, 'application/xml');
        if (doc.getElementsByTagName('parsererror').length > 0) return { problems: ['not well-formed XML'], entries: [] };
        const feed = doc.documentElement;
        if (feed.namespaceURI !== atom || feed.localName !== 'feed') problems.push(`root is {${feed.namespaceURI}}${feed.localName}`);
        const children = (el: Element, name: string) => [...el.children].filter((c) => c.namespaceURI === atom && c.localName === name);
        const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
        const isAbsolute = (iri: string) => {
          try {
            return new URL(iri).protocol.length > 1;
          } catch {
            return false;
          }
        };
        const required = (el: Element, where: string) => {
          for (const name of ['id', 'title', 'updated']) {
            const found = children(el, name);
            if (found.length !== 1) problems.push(`${where}: ${found.length} atom:${name}`);
          }
          const id = children(el, 'id')[0]?.textContent?.trim() ?? '';
          if (!isAbsolute(id)) problems.push(`${where}: atom:id "${id}" is not an absolute IRI`);
          const updated = children(el, 'updated')[0]?.textContent?.trim() ?? '';
          if (!rfc3339.test(updated) || Number.isNaN(Date.parse(updated))) problems.push(`${where}: atom:updated "${updated}" is not an RFC 3339 date`);
          for (const link of children(el, 'link')) {
            const href = link.getAttribute('href');
            if (href === null) problems.push(`${where}: atom:link without href`);
            else if (base !== undefined && !(isAbsolute(href) && href.startsWith(base))) problems.push(`${where}: link ${href} is not absolute inside ${base}`);
          }
          return id;
        };
        required(feed, 'feed');
        const entries = [...feed.children].filter((c) => c.namespaceURI === atom && c.localName === 'entry');
        const self = children(feed, 'link').filter((link) => link.getAttribute('rel') === 'self');
        if (self.length !== 1) problems.push(`feed: ${self.length} rel="self" links`);
        else if (base !== undefined && self[0]!.getAttribute('href') !== `${base}feed.xml`) problems.push(`feed: rel="self" is ${self[0]!.getAttribute('href')}`);
        const feedAuthor = children(feed, 'author').length > 0;
        const ids = new Set<string>();
        const listed = entries.map((entry, index) => {
          const where = `entry ${index + 1}`;
          const id = required(entry, where);
          if (ids.has(id)) problems.push(`${where}: id ${id} used twice`);
          ids.add(id);
          if (!feedAuthor && children(entry, 'author').length === 0) problems.push(`${where}: no atom:author (nor has the feed)`);
          const alternates = children(entry, 'link').filter((link) => (link.getAttribute('rel') ?? 'alternate') === 'alternate');
          if (children(entry, 'content').length === 0 && alternates.length === 0) problems.push(`${where}: neither atom:content nor a rel="alternate" link`);
          return { id, links: children(entry, 'link').map((link) => link.getAttribute('href') ?? '') };
        });
        if (entries.length === 0) problems.push('no entries');
        return { problems, entries: listed };
      },
      { source: xml, base },
    );
  } finally {
    await page.close();
  }
}

import { atomDate, editionId, feedId } from './feedIds.js';
import { formatPages, formatSize } from './format.js';
import { siteStylesheet } from './styles.js';
import { editionTemplate, feedTemplate, indexTemplate } from './templates.js';
import type { SiteBrief, SiteFile, SiteInput } from './types.js';
import { toArabicIndicDigits } from '../markup/index.js';
import type { Digits } from '../typeset/document.js';

export const siteTitle = 'موجزات التحالف الدولي ضد داعش في العراق';
export const siteDescription =
  'موجزات عربية موثّقة المصادر عن التحالف الدولي ضد داعش في العراق: التاريخ والقوات والضحايا والانسحاب، بصيغة PDF وعلى الصفحة.';

/** Where each brief's files live inside the site. Relative names: the site works from file:// and any host. */
export function siteNames(brief: Pick<SiteBrief, 'id' | 'file'>): { html: string; pdf: string; thumbnail: string } {
  return { html: `${brief.id}.html`, pdf: brief.file, thumbnail: `${brief.id}-page1.png` };
}

/**
 * The reader's site as files, from typed inputs only (no I/O, no clock): index.html, one HTML edition
 * per brief, feed.xml, the PDFs, their page-1 thumbnails, the stylesheet and fonts.
 * (The build adds manifest.json, which records these files' checksums.)
 * Same inputs, same bytes.
 */
export function buildSite(input: SiteInput): SiteFile[] {
  const common = { siteTitle, siteDescription, generator: input.generator };
  const asOfText = inDigits(input.asOfText, input.digits);
  const listed = input.briefs.map((brief) => {
    const names = siteNames(brief);
    return {
      ...brief,
      asOfText: inDigits(brief.asOfText, input.digits),
      htmlHref: names.html,
      pdfHref: names.pdf,
      pagesText: formatPages(brief.pages, input.digits),
      sizeText: formatSize(brief.pdf.byteLength, input.digits),
      thumbnail: { href: names.thumbnail, width: brief.thumbnail.width, height: brief.thumbnail.height },
    };
  });

  const files: SiteFile[] = [
    { name: 'index.html', bytes: indexTemplate({ ...common, asOf: input.asOf, asOfText, briefs: listed }) },
    { name: 'feed.xml', bytes: renderFeed(input) },
    { name: 'style.css', bytes: siteStylesheet(input.fonts) },
    ...input.fonts.map((font) => ({ name: `fonts/${font.file}`, bytes: font.bytes })),
    { name: 'fonts/LICENSE.txt', bytes: input.fontLicense },
  ];
  for (const [index, brief] of input.briefs.entries()) {
    const names = siteNames(brief);
    const body = input.renderBlocks(brief.blocks, { digits: input.digits });
    files.push(
      { name: names.html, bytes: editionTemplate({ ...common, brief: listed[index], body }) },
      { name: names.pdf, bytes: brief.pdf },
      { name: names.thumbnail, bytes: brief.thumbnail.bytes },
    );
  }
  assertUniqueNames(files);
  return files;
}

function renderFeed(input: SiteInput): string {
  const entries = input.briefs.map((brief) => {
    const names = siteNames(brief);
    return {
      id: editionId(brief.sha256),
      title: brief.title,
      summary: brief.summary,
      updated: atomDate(brief.asOf),
      htmlHref: names.html,
      pdfHref: names.pdf,
      bytes: brief.pdf.byteLength,
    };
  });
  // The feed changes when an edition does: its date is the newest edition's, never the build's.
  const updated = entries.map((entry) => entry.updated).sort().at(-1) ?? atomDate(input.asOf);
  return feedTemplate({
    siteTitle,
    siteDescription,
    generator: input.generator,
    feedId: feedId(input.generator.name),
    updated,
    entries,
  });
}

/** Dates and other prose with numbers, in the reader's digits (the PDFs' footers do the same). */
function inDigits(text: string, digits: Digits): string {
  return digits === 'arab' ? toArabicIndicDigits(text) : text;
}

function assertUniqueNames(files: readonly SiteFile[]): void {
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.name)) throw new Error(`site: two files named ${file.name}`);
    seen.add(file.name);
  }
}

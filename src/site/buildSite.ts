import { atomDate, editionFingerprint, editionId, feedId } from './feedIds.js';
import { favicon } from './favicon.js';
import { formatPages, formatSize } from './format.js';
import { parsePublicUrl, publicAddress } from './publicUrl.js';
import { siteStylesheet } from './styles.js';
import { editionPageTemplate, editionTemplate, feedTemplate, indexTemplate, supersededTemplate } from './templates.js';
import type { SiteBrief, SiteFile, SiteInput } from './types.js';
import { toArabicIndicDigits } from '../arabic/index.js';
import type { Digits } from '../document/model.js';

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
  const base = input.publicUrl === undefined ? undefined : parsePublicUrl(input.publicUrl);
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

  // The index's preview is the first edition's page 1: the site has no picture of its own.
  const first = input.briefs[0];
  const indexShare = share(base, { title: siteTitle, description: siteDescription, page: 'index.html', type: 'website', image: first && preview(first) });
  const edition = input.edition && {
    ...input.edition,
    href: input.edition.page,
    previous: input.edition.previous && { ...input.edition.previous, asOfText: inDigits(input.edition.previous.asOfText, input.digits), href: input.edition.previous.page },
  };
  const files: SiteFile[] = [
    { name: 'index.html', bytes: indexTemplate({ ...common, share: indexShare, asOf: input.asOf, asOfText, briefs: listed, edition }) },
    { name: 'feed.xml', bytes: renderFeed(input, base) },
    { name: 'style.css', bytes: siteStylesheet(input.fonts) },
    { name: 'favicon.svg', bytes: favicon },
    ...input.fonts.map((font) => ({ name: `fonts/${font.file}`, bytes: font.bytes })),
    { name: 'fonts/LICENSE.txt', bytes: input.fontLicense },
  ];
  for (const [index, brief] of input.briefs.entries()) {
    const names = siteNames(brief);
    const body = input.renderBlocks(brief.blocks, { digits: input.digits, page: true });
    const editionShare = share(base, { title: brief.title, description: brief.summary, page: names.html, type: 'article', image: preview(brief) });
    // One <h1> per page: the brief's own title (cover or heading), else the page gives it one.
    const pageTitle = /<h1[\s>]/.test(body) ? undefined : brief.title;
    files.push(
      { name: names.html, bytes: editionTemplate({ ...common, share: editionShare, brief: listed[index], body, pageTitle }) },
      { name: names.pdf, bytes: brief.pdf },
      { name: names.thumbnail, bytes: brief.thumbnail.bytes },
    );
  }
  if (edition) {
    // The edition's page: the cover's QR code leads here. It lists the files and what changed.
    const page = edition.href;
    const pageShare = share(base, { title: `الإصدار ${edition.id}: ${siteTitle}`, description: siteDescription, page, type: 'website', image: first && preview(first) });
    files.push({ name: page, bytes: editionPageTemplate({ ...common, share: pageShare, asOf: input.asOf, asOfText, edition, briefs: listed }) });
    // A printed copy of the previous edition leads here too: its page says it was superseded, and by what.
    if (edition.previous && edition.previous.id !== edition.id) {
      const old = edition.previous;
      const oldShare = share(base, { title: `الإصدار ${old.id}: ${siteTitle}`, description: siteDescription, page: old.href, type: 'website', image: undefined });
      files.push({ name: old.href, bytes: supersededTemplate({ ...common, share: oldShare, old, edition, asOfText }) });
    }
  }
  assertUniqueNames(files);
  return files;
}

interface Preview {
  name: string;
  width: number;
  height: number;
  alt: string;
}

function preview(brief: SiteBrief): Preview {
  const { thumbnail } = siteNames(brief);
  return { name: thumbnail, width: brief.thumbnail.width, height: brief.thumbnail.height, alt: `الصفحة الأولى من «${brief.title}»` };
}

/**
 * A page's link-preview tags (Open Graph, Twitter card) and canonical address. Link previews and
 * canonical links must be absolute: without a public URL they are left out, never written relative.
 */
function share(
  base: string | undefined,
  page: { title: string; description: string; page: string; type: 'website' | 'article'; image: Preview | undefined },
) {
  const absolute = (name: string) => (base === undefined ? undefined : publicAddress(base, name));
  return {
    title: page.title,
    description: page.description,
    type: page.type,
    url: absolute(page.page),
    image:
      page.image === undefined || base === undefined
        ? undefined
        : { url: absolute(page.image.name), width: page.image.width, height: page.image.height, alt: page.image.alt },
  };
}

function renderFeed(input: SiteInput, base: string | undefined): string {
  // Absolute with a public URL; otherwise relative to the feed itself (RFC 4287 resolves them so).
  const href = (name: string) => (base === undefined ? name : publicAddress(base, name));
  const entries = input.briefs.map((brief) => {
    const names = siteNames(brief);
    const fingerprint = editionFingerprint({ ...brief, digits: input.digits });
    return {
      id: editionId(fingerprint),
      title: brief.title,
      summary: brief.summary,
      // The data's as-of date: a re-typeset keeps it, as it keeps the id.
      updated: atomDate(brief.asOf),
      htmlHref: href(names.html),
      pdfHref: href(names.pdf),
      bytes: brief.pdf.byteLength,
      // What changed in the data since the previous edition (the fact sheet's section, as HTML).
      content: input.edition?.changesHtml ?? undefined,
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
    selfHref: href('feed.xml'),
    indexHref: href('index.html'),
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

import type { Block, Digits } from '../document/model.js';
import type { Png } from './thumbnail.js';

/** One brief as the site presents it: the built PDF, its page-1 thumbnail and the blocks it was typeset from. */
export interface SiteBrief {
  id: string;
  /** The PDF's file name, e.g. "history.pdf"; copied into the site under the same name. */
  file: string;
  title: string;
  /** One Arabic line for the listing and the feed. */
  summary: string;
  /** ISO yyyy-mm-dd: the data's as-of date, the edition's only date. */
  asOf: string;
  /** The same date for readers, in Arabic, as the PDFs' footers write it. */
  asOfText: string;
  pages: number;
  pdf: Uint8Array;
  thumbnail: Png;
  /** The same blocks the PDF was typeset from: the HTML edition renders these. */
  blocks: Block[];
}

/** A web font shipped with the site, so pages never reach a CDN and look the same everywhere. */
export interface SiteFont {
  /** File name inside site/fonts/. */
  file: string;
  family: string;
  weight: number;
  /** CSS unicode-range, so a browser fetches a subset only when the page uses it. */
  unicodeRange: string;
  bytes: Uint8Array;
}

/**
 * Turns blocks into a safe HTML body fragment (the markup layer's renderMarkupToHtml); `page`: the
 * fragment is a whole page's body (one <h1>, headings nested under it, table cells labelled).
 */
export type BlocksToHtml = (blocks: Block[], options: { digits: Digits; page: boolean }) => string;

export interface SiteInput {
  asOf: string;
  asOfText: string;
  digits: Digits;
  generator: { name: string; version: string };
  briefs: SiteBrief[];
  fonts: SiteFont[];
  /** The fonts' licence text (the OFL requires it to travel with the fonts). */
  fontLicense: string;
  renderBlocks: BlocksToHtml;
  /**
   * Where readers find the site, e.g. "https://example.github.io/coalition-briefs/" (see
   * parsePublicUrl). With it, the feed's links, canonical links and preview images are absolute;
   * without it the site is built to be read where it lies, and only relative links are written.
   */
  publicUrl?: string;
  /** The edition these briefs are: its page (edition-<id>.html), and what changed since the previous one. */
  edition?: SiteEdition;
}

export interface SiteEdition {
  id: string;
  /** The edition's page in the site (edition-<id>.html), where the cover's QR code leads. */
  page: string;
  /** The edition compared with (--previous), and its page (which says it was superseded), or null. */
  previous: { id: string; asOf: string; asOfText: string; page: string } | null;
  /** The change list as an HTML fragment (the same template as the fact sheet's section), or null. */
  changesHtml: string | null;
}

/** A file of the site, named relative to the site's root (e.g. "index.html", "fonts/x.woff2"). */
export interface SiteFile {
  name: string;
  bytes: Uint8Array | string;
}

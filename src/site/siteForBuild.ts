import type { Block, Digits } from '../document/model.js';
import { buildSite } from './buildSite.js';
import { parsePublicUrl } from './publicUrl.js';
import { loadSiteFonts } from './loadSiteFonts.js';
import type { Png } from './thumbnail.js';
import type { BlocksToHtml, SiteEdition, SiteFile } from './types.js';

/** Thumbnails are drawn at twice their displayed width (9rem ≈ 160 CSS px) for sharp high-density screens. */
export const thumbnailWidth = 360;

/** One brief as the build has it in memory once it is typeset. */
export interface BuiltEdition {
  id: string;
  file: string;
  title: string;
  summary: string;
  pages: number;
  sha256: string;
  pdf: Uint8Array;
  blocks: Block[];
  /** Page 1 at thumbnailWidth, being drawn while the build goes on (see thumbnailer.ts). */
  thumbnail: Promise<Png>;
}

export interface SiteBuildInput {
  editions: BuiltEdition[];
  asOf: string;
  asOfText: string;
  digits: Digits;
  generator: { name: string; version: string };
  renderBlocks: BlocksToHtml;
  /**
   * The site's public address (see parsePublicUrl); when not given, the BRIEFS_SITE_URL environment
   * variable, as CI sets it to the GitHub Pages URL. Neither: a site for reading where it lies.
   */
  publicUrl?: string;
  edition?: SiteEdition;
}

/** The environment variable a build reads the site's public address from. */
export const publicUrlVariable = 'BRIEFS_SITE_URL';

/** BRIEFS_SITE_URL, checked (a bad address stops the build with the variable's name); unset or empty: none. */
export function publicUrlFromEnvironment(environment: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = environment[publicUrlVariable]?.trim();
  return value === undefined || value === '' ? undefined : parsePublicUrl(value, publicUrlVariable);
}

/**
 * The build's step for the site: draws the thumbnails, reads the fonts, and returns the site's files
 * named relative to out/ ("site/index.html", …), ready for the same atomic write as the PDFs.
 */
export async function renderSiteForBuild(input: SiteBuildInput): Promise<SiteFile[]> {
  const publicUrl = input.publicUrl ?? publicUrlFromEnvironment();
  const fontsRead = loadSiteFonts();
  // The editions' HTML bodies first, while the worker draws the last thumbnails (the wait that ends
  // a full build); buildSite then takes each body from here. The same calls, the same strings.
  const bodies = new Map(input.editions.map((edition) => [edition.blocks, input.renderBlocks(edition.blocks, { digits: input.digits, page: true })]));
  const renderBlocks: BlocksToHtml = (blocks, options) =>
    (options.page && options.digits === input.digits ? bodies.get(blocks) : undefined) ?? input.renderBlocks(blocks, options);
  const { fonts, license } = await fontsRead;
  const briefs = [];
  for (const edition of input.editions) {
    briefs.push({
      ...edition,
      asOf: input.asOf,
      asOfText: input.asOfText,
      thumbnail: await edition.thumbnail,
    });
  }
  const files = buildSite({
    asOf: input.asOf,
    asOfText: input.asOfText,
    digits: input.digits,
    generator: input.generator,
    briefs,
    fonts,
    fontLicense: license,
    renderBlocks,
    publicUrl,
    ...(input.edition ? { edition: input.edition } : {}),
  });
  return files.map((file) => ({ name: `site/${file.name}`, bytes: file.bytes }));
}

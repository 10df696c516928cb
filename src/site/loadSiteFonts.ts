import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { SiteFont } from './types.js';

export interface SiteFonts {
  fonts: SiteFont[];
  license: string;
}

const require = createRequire(import.meta.url);

/** Arabic and Latin subsets cover the briefs; each is fetched by the browser only when a page uses it. */
const subsets = ['arabic', 'latin'] as const;
const weights = [400, 700] as const;

/**
 * Reads Amiri's WOFF2 files, their Unicode ranges and licence from @fontsource/amiri (found through
 * Node's module resolution): the load side of the site, so buildSite itself stays free of I/O.
 */
export async function loadSiteFonts(): Promise<SiteFonts> {
  const packageDir = path.dirname(require.resolve('@fontsource/amiri/package.json'));
  const ranges = JSON.parse(await readFile(path.join(packageDir, 'unicode.json'), 'utf8')) as Record<string, string>;
  const fonts: SiteFont[] = [];
  for (const subset of subsets) {
    const unicodeRange = ranges[subset];
    if (unicodeRange === undefined) throw new Error(`@fontsource/amiri: no unicode range for ${subset}`);
    for (const weight of weights) {
      const file = `amiri-${subset}-${weight}-normal.woff2`;
      fonts.push({
        file,
        family: 'Amiri',
        weight,
        unicodeRange,
        bytes: new Uint8Array(await readFile(path.join(packageDir, 'files', file))),
      });
    }
  }
  return { fonts, license: await readFile(path.join(packageDir, 'LICENSE'), 'utf8') };
}

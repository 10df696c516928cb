/** Shared helpers for the typesetting tests. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../src/paths.js';
import type { LayerFont } from '../../src/typeset/textLayer.js';

/** The five seed articles live beside the repository, never inside it. */
export const seedsDir = path.resolve(packageRoot, '../shared/seeds');
export const haveSeeds = existsSync(seedsDir);

export function seedParagraphs(): { file: string; paragraphs: string[] }[] {
  return readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => ({
      file,
      paragraphs: readFileSync(path.join(seedsDir, file), 'utf8')
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l.length > 0),
    }));
}

/**
 * pdftotext marks each direction run with LRE/RLE … PDF (U+202A–U+202C) and moves the space that
 * separates a left-to-right run from the next Arabic word inside the run ("GPS‬في" displays as
 * "في GPS"): the marks are run boundaries, read as spaces.
 */
const EMBEDDING_MARKS = /[\u202A-\u202E]/g;
const OTHER_CONTROLS = /[\u200E\u200F\u2066-\u2069]/g;
const FOOTER = /صفحة\s*[\d٠-٩]+\s*من\s*[\d٠-٩]+/g;

/** Page texts joined, without the running footer ("صفحة N من M"). */
export function bodyText(pages: string[]): string {
  return pages
    .map((p) => p.replace(EMBEDDING_MARKS, ' ').replace(OTHER_CONTROLS, '').replace(FOOTER, ' '))
    .join('\n');
}

/** A layer font that records what it is given: any code point below U+0700 is its own glyph. */
export function fakeLayerFont(): LayerFont {
  const included: number[] = [];
  return {
    include(gid) { let sid = included.indexOf(gid); if (sid < 0) sid = included.push(gid) - 1; return sid + 1; },
    widths: [], unicode: [], markWidths: new Map(), unitsPerEm: 1000, ascender: 800,
    glyphForCodePoint: (cp) => (cp < 0x700 ? cp : 0), numGlyphs: 5000, glyphBox: () => [50, 0, 450, 600],
  };
}

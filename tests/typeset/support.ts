/** Shared helpers for the typesetting tests. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../src/paths.js';

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

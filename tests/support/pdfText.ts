/**
 * Reading a PDF's text layer back the way users' tools do: poppler's `pdftotext` and pdf.js.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Plain `pdftotext` (reading-order mode), one string per page. */
export function pdftotextPages(bytes: Uint8Array): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdftext-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const pages = text.split('\f');
    if (pages.length > 1 && pages[pages.length - 1]!.trim() === '') pages.pop();
    return pages;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * pdf.js text content, one string per page: items in the order pdf.js reports them, separated by a
 * space (a newline after items marked hasEOL). pdf.js infers spaces only from rightward gaps, so
 * right-to-left words arrive as separate items.
 */
export async function pdfjsPages(bytes: Uint8Array): Promise<string[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    let text = '';
    for (const item of content.items) {
      if ('str' in item) text += item.str + (item.hasEOL ? '\n' : ' ');
    }
    pages.push(text);
  }
  await doc.destroy();
  return pages;
}

/**
 * Invisible format characters (bidi controls that extractors insert, joiners) and tatweel, which is
 * elongation rather than spelling (search engines ignore it too): not part of a word's identity.
 */
const IGNORABLE = /[\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\u061C\uFEFF\u0640]/g;

/**
 * Words, numbers and Latin words in order: runs of letters (with their marks) or digits (with their
 * inner separators). Punctuation, brackets and spaces do not count.
 */
export function tokens(text: string): string[] {
  const clean = text.normalize('NFC').replace(IGNORABLE, '');
  return clean.match(/[\p{L}\p{M}]+|\p{Nd}+(?:[.,\u066B\u066C]\p{Nd}+)*/gu) ?? [];
}

/** Position just after `needle` found as a contiguous run in `haystack` at or after `from`, or -1. */
export function findRun(haystack: string[], needle: string[], from: number): number {
  if (needle.length === 0) return from;
  outer: for (let i = from; i + needle.length <= haystack.length; i++) {
    for (let k = 0; k < needle.length; k++) if (haystack[i + k] !== needle[k]) continue outer;
    return i + needle.length;
  }
  return -1;
}

/** How many paragraphs come back, in order, as contiguous token runs of the extracted text. */
export function paragraphsInOrder(paragraphs: string[], extracted: string): { inOrder: number; failures: string[] } {
  const hay = tokens(extracted);
  let cursor = 0;
  let inOrder = 0;
  const failures: string[] = [];
  for (const paragraph of paragraphs) {
    const at = findRun(hay, tokens(paragraph), cursor);
    if (at >= 0) {
      inOrder++;
      cursor = at;
    } else {
      failures.push(paragraph);
    }
  }
  return { inOrder, failures };
}

export interface PdfjsItem {
  page: number;
  str: string;
  /** Left edge and baseline, in PDF points. */
  x: number;
  y: number;
}

/** Every pdf.js text item with its page and position. */
export async function pdfjsItems(bytes: Uint8Array): Promise<PdfjsItem[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, useSystemFonts: false }).promise;
  const items: PdfjsItem[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    for (const item of content.items) {
      if ('str' in item && item.str.trim() !== '') {
        items.push({ page: p, str: item.str, x: item.transform[4] as number, y: item.transform[5] as number });
      }
    }
  }
  await doc.destroy();
  return items;
}

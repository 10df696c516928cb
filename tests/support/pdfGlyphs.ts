/**
 * The glyphs a PDF actually draws, read back with MuPDF (`mutool trace`), and the fonts it embeds.
 * Reusable on any generated brief: `notdefGlyphs(bytes)` must be empty.
 *
 * In pdfkit's subsets glyph 0 is always .notdef, so a drawn glyph id 0 is a missing-glyph box.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as mupdf from 'mupdf';

export interface DrawnGlyph {
  page: number;
  /** PDF font name, e.g. "BZZZZZ+Amiri-Regular". */
  font: string;
  /** Glyph id inside the embedded (subset) font. */
  gid: number;
  unicode: string;
  x: number;
  y: number;
}

function withTempPdf<T>(bytes: Uint8Array, fn: (file: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdfglyphs-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    writeFileSync(file, bytes);
    return fn(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const decodeXml = (s: string) =>
  s.replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Every glyph drawn on every page, in drawing order. */
export function drawnGlyphs(bytes: Uint8Array): DrawnGlyph[] {
  const xml = withTempPdf(bytes, (file) => execFileSync('mutool', ['trace', file], { encoding: 'utf8', maxBuffer: 1 << 28 }));
  const glyphs: DrawnGlyph[] = [];
  let page = 0;
  let font = '';
  for (const line of xml.split('\n')) {
    if (line.includes('<page ')) page++;
    const span = /<span font="([^"]*)"/.exec(line);
    if (span) font = span[1]!;
    const g = /<g unicode="([^"]*)" glyph="([^"]*)" x="([^"]*)" y="([^"]*)"/.exec(line);
    if (g) {
      glyphs.push({ page, font, unicode: decodeXml(g[1]!), gid: Number(g[2]), x: Number(g[3]), y: Number(g[4]) });
    }
  }
  return glyphs;
}

/** Glyphs drawn as .notdef (glyph id 0): each one is a visible missing-glyph box. */
export function notdefGlyphs(bytes: Uint8Array): DrawnGlyph[] {
  return drawnGlyphs(bytes).filter((g) => g.gid === 0);
}

/** The embedded TrueType subsets by PDF font name (Type0 → CIDFontType2 → FontFile2), read with MuPDF. */
export function embeddedFonts(bytes: Uint8Array): Map<string, Buffer> {
  const doc = mupdf.Document.openDocument(bytes, 'application/pdf') as mupdf.PDFDocument;
  const fonts = new Map<string, Buffer>();
  for (let num = 1; num < doc.countObjects(); num++) {
    const dict = doc.newIndirect(num).resolve();
    if (!dict.isDictionary() || dict.get('Subtype').toString() !== '/CIDFontType2') continue;
    const name = dict.get('BaseFont').asName();
    const file = dict.get('FontDescriptor').get('FontFile2');
    if (!name || !file.isStream()) continue;
    fonts.set(name, Buffer.from(file.readStream().asUint8Array()));
  }
  return fonts;
}

interface OutlineFont {
  numGlyphs: number;
  getGlyph(id: number): { path: { toSVG(): string } };
}

const require = createRequire(import.meta.url);
const fontkit = require('fontkit') as { create(buf: Buffer): OutlineFont };

/** Maps each glyph of a subset back to the original font's glyph id, by identical outline. */
export function subsetToOriginalGids(subset: Buffer, original: Buffer): Map<number, number[]> {
  const sub = fontkit.create(subset);
  const orig = fontkit.create(original);
  const byOutline = new Map<string, number[]>();
  for (let gid = 0; gid < orig.numGlyphs; gid++) {
    const key = orig.getGlyph(gid).path.toSVG();
    byOutline.set(key, [...(byOutline.get(key) ?? []), gid]);
  }
  const map = new Map<number, number[]>();
  for (let gid = 0; gid < sub.numGlyphs; gid++) {
    map.set(gid, byOutline.get(sub.getGlyph(gid).path.toSVG()) ?? []);
  }
  return map;
}

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

/**
 * Every glyph shown on every page, in drawing order, visible or not (the text layer is invisible
 * text). Read through a MuPDF device rather than `mutool trace`, whose dump of every outline path
 * outgrows any buffer on a long document.
 */
export function drawnGlyphs(bytes: Uint8Array): DrawnGlyph[] {
  const doc = mupdf.Document.openDocument(bytes, 'application/pdf');
  const glyphs: DrawnGlyph[] = [];
  try {
    for (let index = 0; index < doc.countPages(); index++) {
      const page = index + 1;
      const collect = (text: mupdf.Text): void => {
        let font = '';
        text.walk({
          beginSpan: (spanFont) => { font = spanFont.getName(); },
          showGlyph: (glyphFont, trm, gid, unicode) => {
            glyphs.push({ page, font: font || glyphFont.getName(), unicode: unicode >= 0 ? String.fromCodePoint(unicode) : '', gid, x: trm[4], y: trm[5] });
          },
        });
      };
      const device = new mupdf.Device({
        fillText: collect,
        strokeText: collect,
        clipText: collect,
        clipStrokeText: collect,
        ignoreText: collect,
      });
      doc.loadPage(index).run(device, mupdf.Matrix.identity);
      device.close();
    }
  } finally {
    doc.destroy();
  }
  return glyphs;
}

/** How many glyph forms ("GF<face>_<gid>") a PDF holds: one per distinct glyph drawn. */
export function glyphForms(bytes: Uint8Array): number {
  const doc = mupdf.Document.openDocument(bytes, 'application/pdf') as mupdf.PDFDocument;
  try {
    const names = new Set<string>();
    for (let index = 0; index < doc.countPages(); index++) {
      const xobjects = doc.findPage(index).get('Resources').get('XObject');
      if (!xobjects.isDictionary()) continue;
      xobjects.forEach((_value, key) => {
        if (/^GF\d+_\d+$/.test(String(key))) names.add(String(key));
      });
    }
    return names.size;
  } finally {
    doc.destroy();
  }
}

/** Glyphs drawn as .notdef (glyph id 0): each one is a visible missing-glyph box. */
export function notdefGlyphs(bytes: Uint8Array): (DrawnGlyph | DrawnOutline)[] {
  // Glyphs are drawn as outlines, the text layer as invisible text: neither may be a .notdef.
  return [...drawnOutlines(bytes).filter((g) => g.gid === 0), ...drawnGlyphs(bytes).filter((g) => g.gid === 0)];
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

/** A glyph drawn as an outline (a form XObject "GF<face>_<gid>", see src/typeset/pdfmakeAdapter.ts). */
export interface DrawnOutline {
  page: number;
  /** Index of the face in the font registry (loadFonts().faces). */
  face: number;
  /** Glyph id in the face's TrueType file. */
  gid: number;
  /** Where the glyph's origin lands, in PDF user space (bottom-up). */
  x: number;
  y: number;
  /** The size it is drawn at, in points per font unit (× units per em gives the type size). */
  scale: number;
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5],
];

/** Every glyph outline drawn on every page, in drawing order (read with `mutool show`). */
export function drawnOutlines(bytes: Uint8Array): DrawnOutline[] {
  return withTempPdf(bytes, (file) => {
    const show = (...args: string[]) => execFileSync('mutool', ['show', ...args], { encoding: 'latin1', maxBuffer: 1 << 28 });
    const pages = [...show(file, 'pages').matchAll(/page (\d+) = (\d+) 0 R/g)].map((m) => Number(m[2]));
    const out: DrawnOutline[] = [];
    pages.forEach((pageObj, index) => {
      const dict = show(file, String(pageObj));
      const contents = /\/Contents\s+(\[[^\]]*\]|\d+ 0 R)/.exec(dict)?.[1] ?? '';
      const refs = [...contents.matchAll(/(\d+) 0 R/g)].map((m) => m[1]!);
      const content = refs.map((r) => show('-b', file, r)).join('\n');
      let ctm: Matrix = [1, 0, 0, 1, 0, 0];
      const stack: Matrix[] = [];
      const operands: string[] = [];
      for (const token of content.match(/\/[^\s/<>[\]()]+|-?\d*\.?\d+|[A-Za-z*'"]+|[[\]<>()]/g) ?? []) {
        if (/^-?\d*\.?\d+$/.test(token) || token.startsWith('/')) {
          operands.push(token);
          continue;
        }
        if (token === 'q') stack.push(ctm);
        else if (token === 'Q') ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
        else if (token === 'cm') ctm = multiply(operands.slice(-6).map(Number) as Matrix, ctm);
        else if (token === 'Do') {
          const m = /^\/GF(\d+)_(\d+)$/.exec(operands[operands.length - 1] ?? '');
          if (m) out.push({ page: index + 1, face: Number(m[1]), gid: Number(m[2]), x: ctm[4], y: ctm[5], scale: Math.hypot(ctm[2], ctm[3]) });
        }
        operands.length = 0;
      }
    });
    return out;
  });
}

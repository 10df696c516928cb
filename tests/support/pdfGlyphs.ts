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
import zlib from 'node:zlib';

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
export function notdefGlyphs(bytes: Uint8Array): (DrawnGlyph | DrawnOutline)[] {
  // Glyphs are drawn as outlines, the text layer as invisible text: neither may be a .notdef.
  return [...drawnOutlines(bytes).filter((g) => g.gid === 0), ...drawnGlyphs(bytes).filter((g) => g.gid === 0)];
}

/** The embedded TrueType subsets by PDF font name (Type0 → CIDFontType2 → FontFile2). */
export function embeddedFonts(bytes: Uint8Array): Map<string, Buffer> {
  const pdf = Buffer.from(bytes).toString('latin1');
  // Objects in file order; a stream's bytes are skipped by its /Length so they cannot fake an object.
  const objects = new Map<number, { dict: string; streamStart: number }>();
  const objRe = /(\d+) 0 obj\b/g;
  for (let m = objRe.exec(pdf); m; m = objRe.exec(pdf)) {
    const bodyStart = m.index + m[0].length;
    const streamAt = pdf.indexOf('stream', bodyStart);
    const endAt = pdf.indexOf('endobj', bodyStart);
    if (streamAt >= 0 && streamAt < endAt) {
      const dict = pdf.slice(bodyStart, streamAt);
      const streamStart = streamAt + 'stream'.length + (pdf[streamAt + 6] === '\r' ? 2 : 1);
      objects.set(Number(m[1]), { dict, streamStart });
      const length = Number(/\/Length\s+(\d+)/.exec(dict)?.[1] ?? 0);
      objRe.lastIndex = streamStart + length;
    } else {
      objects.set(Number(m[1]), { dict: pdf.slice(bodyStart, endAt), streamStart: -1 });
    }
  }
  const ref = (dict: string, key: string) => {
    const r = new RegExp(`/${key}\\s*\\[?\\s*(\\d+) 0 R`).exec(dict);
    return r ? Number(r[1]) : undefined;
  };
  const fonts = new Map<string, Buffer>();
  for (const { dict } of objects.values()) {
    if (!/\/Subtype\s*\/CIDFontType2/.test(dict)) continue;
    const name = /\/BaseFont\s*\/([^\s/<>]+)/.exec(dict)?.[1];
    const descriptor = objects.get(ref(dict, 'FontDescriptor') ?? -1);
    const fileObj = descriptor && objects.get(ref(descriptor.dict, 'FontFile2') ?? -1);
    if (!name || !fileObj || fileObj.streamStart < 0) continue;
    const length = Number(/\/Length\s+(\d+)/.exec(fileObj.dict)?.[1]);
    const raw = Buffer.from(bytes).subarray(fileObj.streamStart, fileObj.streamStart + length);
    fonts.set(name, /FlateDecode/.test(fileObj.dict) ? zlib.inflateSync(raw) : Buffer.from(raw));
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
          if (m) out.push({ page: index + 1, face: Number(m[1]), gid: Number(m[2]), x: ctm[4], y: ctm[5] });
        }
        operands.length = 0;
      }
    });
    return out;
  });
}

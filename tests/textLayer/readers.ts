/**
 * What four PDF engines give back when a reader searches or copies, and how much of a corpus comes
 * back: the measure of ../shared/tools/text-layer (fidelity.py), reimplemented here so the spec runs
 * on a clean clone.
 *  - poppler: `pdftotext` (Evince, Okular, search indexers);
 *  - pdf.js: getTextContent, items joined, a newline at each end of line (Firefox);
 *  - PDFium: FPDFText_GetText per page (@embedpdf/pdfium, Chrome's, Edge's and Android's engine);
 *  - MuPDF: structured text, preserving whitespace (the mupdf package; SumatraPDF, mobile readers).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type Reader = 'poppler' | 'pdfjs' | 'pdfium' | 'mupdf';
export const readers: readonly Reader[] = ['poppler', 'pdfjs', 'pdfium', 'mupdf'];

const require = createRequire(import.meta.url);

export async function extract(reader: Reader, bytes: Uint8Array): Promise<string> {
  switch (reader) {
    case 'poppler':
      return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: bytes, encoding: 'utf8', maxBuffer: 1 << 28 });
    case 'pdfjs': {
      const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
      const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, useSystemFonts: false }).promise;
      let out = '';
      for (let i = 1; i <= doc.numPages; i++) {
        const content = await (await doc.getPage(i)).getTextContent();
        for (const item of content.items) if ('str' in item) out += item.str + (item.hasEOL ? '\n' : '');
        out += '\n';
      }
      await doc.destroy();
      return out;
    }
    case 'mupdf': {
      const mupdf = await import('mupdf');
      const doc = mupdf.Document.openDocument(bytes, 'application/pdf');
      let out = '';
      for (let i = 0; i < doc.countPages(); i++) out += doc.loadPage(i).toStructuredText('preserve-whitespace').asText() + '\n';
      doc.destroy();
      return out;
    }
    case 'pdfium':
      return pdfiumText(bytes);
  }
}

interface Pdfium {
  PDFiumExt_Init(): void;
  FPDF_LoadMemDocument(ptr: number, size: number, password: string): number;
  FPDF_GetPageCount(doc: number): number;
  FPDF_LoadPage(doc: number, index: number): number;
  FPDFText_LoadPage(page: number): number;
  FPDFText_CountChars(text: number): number;
  FPDFText_GetText(text: number, start: number, count: number, buffer: number): number;
  FPDFText_ClosePage(text: number): void;
  FPDF_ClosePage(page: number): void;
  FPDF_CloseDocument(doc: number): void;
  pdfium: { wasmExports: { malloc(n: number): number; free(p: number): void }; HEAPU8: Uint8Array };
}
let pdfium: Promise<Pdfium> | undefined;

async function pdfiumText(bytes: Uint8Array): Promise<string> {
  pdfium ??= (async () => {
    const dir = path.dirname(require.resolve('@embedpdf/pdfium'));
    const { init } = (await import('@embedpdf/pdfium')) as unknown as { init(o: { wasmBinary: Buffer }): Promise<Pdfium> };
    const m = await init({ wasmBinary: readFileSync(path.join(dir, 'pdfium.wasm')) });
    m.PDFiumExt_Init();
    return m;
  })();
  const m = await pdfium;
  const ptr = m.pdfium.wasmExports.malloc(bytes.length);
  m.pdfium.HEAPU8.set(bytes, ptr);
  const doc = m.FPDF_LoadMemDocument(ptr, bytes.length, '');
  if (!doc) throw new Error('PDFium could not open the PDF');
  let out = '';
  for (let i = 0; i < m.FPDF_GetPageCount(doc); i++) {
    const page = m.FPDF_LoadPage(doc, i);
    const text = m.FPDFText_LoadPage(page);
    const n = m.FPDFText_CountChars(text);
    const buf = m.pdfium.wasmExports.malloc((n + 1) * 2);
    const got = m.FPDFText_GetText(text, 0, n, buf);
    out += String.fromCharCode(...new Uint16Array(m.pdfium.HEAPU8.buffer, buf, Math.max(got - 1, 0))) + '\n';
    m.pdfium.wasmExports.free(buf);
    m.FPDFText_ClosePage(text);
    m.FPDF_ClosePage(page);
  }
  m.FPDF_CloseDocument(doc);
  m.pdfium.wasmExports.free(ptr);
  return out;
}

// The token rules of fidelity.py: runs of Arabic letters, of digits, or of Latin letters;
// punctuation and harakat ignored, alef forms folded, Arabic-Indic digits folded, separators dropped.
const AR = '\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06fc';
const TOKEN = new RegExp(`[${AR}]+|[0-9]+(?:[.,\u066b\u066c][0-9]+)*|[A-Za-z]+`, 'g');
const FOOTER = /^\s*صفحة\s*[0-9٠-٩]+\s*من\s*[0-9٠-٩]+\s*$/gm;
const CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f]/g;

export function tokens(text: string): string[] {
  const s = text
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660))
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x6f0))
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '')
    .replace(/[\u0622\u0623\u0625]/g, '\u0627');
  return (s.match(TOKEN) ?? []).map((t) => (/^[0-9]/.test(t) ? t.replace(/[.,\u066b\u066c]/g, '') : t));
}

export function pageTokens(text: string): string[] {
  return tokens(text.replace(CONTROLS, ' ').replace(FOOTER, ' '));
}

function contains(hay: readonly string[], needle: readonly string[]): boolean {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

export interface Fidelity {
  total: number;
  loose: number;
  strict: number;
  /** Strings that did not come back word for word. */
  missed: string[];
}

/** Share of the strings (of >= 4 tokens, each once) that come back in order: letters only (loose), words as words (strict). */
export function fidelity(strings: readonly string[], extracted: string): Fidelity {
  const hay = pageTokens(extracted);
  const joined = hay.join('');
  const seen = new Set<string>();
  let total = 0;
  let loose = 0;
  let strict = 0;
  const missed: string[] = [];
  for (const s of strings) {
    const t = tokens(s);
    if (t.length < 4 || seen.has(t.join(' '))) continue;
    seen.add(t.join(' '));
    total++;
    if (joined.includes(t.join(''))) loose++;
    if (contains(hay, t)) strict++;
    else missed.push(s);
  }
  return { total, loose: (100 * loose) / total, strict: (100 * strict) / total, missed };
}

/**
 * The one pdfmake instance of the process, locked down and hooked once:
 * - no URL may be fetched, no local file read but our fonts (which come from the virtual FS);
 * - ElementWriter.alignLine → our bidi line layout for engine-made lines;
 * - Renderer.renderLine → page references (table of contents) printed in the document's digits.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { isMirroredBracketFont, loadFonts } from './fontRegistry.js';
import { mirrorOf } from './bidi.js';
import { layoutBidiLine, type LayoutLine } from './lineReorder.js';
import { toArabicIndic } from './digits.js';
import { arrangeRun, withMarkWidths, type GlyphPosition } from './glyphRun.js';

const require = createRequire(import.meta.url);

export interface PdfmakeOutput {
  getBuffer(): Promise<Buffer>;
  getStream(): Promise<PdfKitDocument>;
}

export interface PdfKitDocument {
  _pdfMakePages?: unknown[];
  on(event: string, cb: (...args: unknown[]) => void): void;
  read(size?: number): Buffer | null;
  end(): void;
}

export interface Pdfmake {
  createPdf(doc: object, options?: object): PdfmakeOutput;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  setFonts(fonts: object): void;
  virtualfs: { writeFileSync(name: string, content: Buffer): void };
}

interface PageNodeRef {
  positions?: { pageNumber: number }[];
  /** Set by blocks.ts on headings listed in the table of contents. */
  _digits?: string;
}

interface PageRefInline {
  text: string;
  width: number;
  font: { widthOfString(text: string, size: number): number };
  fontSize: number;
  _pageNodeRef?: PageNodeRef;
}

let runtime: Pdfmake | undefined;

let encodePatched = false;

/**
 * The text value (ToUnicode) of a drawn glyph, where pdfkit's default (the shaper's characters) is
 * wrong:
 *  - a glyph the font inserts without a source character (Amiri's kashida connector between lam and
 *    kaf) gets none from pdfkit, and extractors then invent a tatweel ("الـكردية"): it is a ZERO
 *    WIDTH JOINER;
 *  - in the mirrored-bracket font (see fontRegistry.ts) every glyph is a bracket drawn for its mirror
 *    image: its value is the bracket the author wrote.
 */
function textValueOf(codePoints: number[], mirroredBrackets: boolean): number[] {
  if (codePoints.length === 0) return [0x200d];
  if (mirroredBrackets && codePoints.length === 1) {
    const drawn = String.fromCodePoint(codePoints[0]!);
    return [(mirrorOf(drawn) ?? drawn).codePointAt(0)!];
  }
  return codePoints;
}

/**
 * Replaces pdfkit's EmbeddedFont#encode (reached through a font instance). It does what pdfkit's
 * does — lay the text out, add each glyph to the subset, note its width and text value the first
 * time — with our text values, then our text-layer widths and run arrangement (glyphRun.ts).
 */
function patchFontEncode(font: object): void {
  if (encodePatched) return;
  interface EmbeddedFontLike {
    encode(text: string, features?: unknown): [string[], GlyphPosition[]];
    /** The fontkit font behind it. */
    font: object;
    /** pdfkit's font units → 1/1000 em. */
    scale: number;
    subset: { includeGlyph(id: number): number };
    layout(text: string, features?: unknown): { glyphs: { id: number; advanceWidth: number; codePoints: number[] }[]; positions: GlyphPosition[] };
    unicode: number[][];
    /** pdfkit's width table (the PDF's /W), per subset glyph id, in 1/1000 em. */
    widths: number[];
    /** Nominal mark widths chosen for this font (one per glyph id). */
    _markWidths?: Map<number, number>;
  }
  const proto = Object.getPrototypeOf(font) as EmbeddedFontLike;
  proto.encode = function encode(this: EmbeddedFontLike, text: string, features?: unknown) {
    const { glyphs, positions } = this.layout(text, features);
    const mirroredBrackets = isMirroredBracketFont(this.font);
    const encoded: string[] = [];
    for (const glyph of glyphs) {
      const gid = this.subset.includeGlyph(glyph.id);
      encoded.push(gid.toString(16).padStart(4, '0'));
      this.widths[gid] ??= glyph.advanceWidth * this.scale;
      // An inserted connector shares its glyph with a written tatweel; the connector's value wins
      // (one value per glyph), so words the font stretched are never read with an invented tatweel.
      const value = textValueOf(glyph.codePoints, mirroredBrackets);
      if (glyph.codePoints.length === 0) this.unicode[gid] = value;
      else this.unicode[gid] ??= value;
    }
    const chosen = (this._markWidths ??= new Map());
    const withMarks = withMarkWidths(encoded, positions, glyphs.map((g) => g.codePoints), chosen);
    for (const [gid, width] of chosen) this.widths[gid] = width;
    return arrangeRun(encoded, withMarks);
  };
  encodePatched = true;
}

/**
 * pdfkit caches each word's shaping per document (EmbeddedFont#layoutCache, keyed by the text). The
 * fontkit fonts are parsed once per process, and a cached run depends only on the font and the text,
 * so one cache per font serves every document: the fact sheet reuses the four briefs' words, and a
 * warm render shapes almost nothing. Cached runs are never mutated after they are stored (pdfkit
 * scales positions once, in layoutRun, before caching; encode() and arrangeRun copy).
 */
const sharedLayoutCaches = new WeakMap<object, Record<string, unknown>>();

function shareLayoutCache(font: { font?: object; layoutCache?: Record<string, unknown> }): void {
  if (font.font === undefined || font.layoutCache === undefined) return;
  let shared = sharedLayoutCaches.get(font.font);
  if (shared === undefined) {
    shared = Object.create(null) as Record<string, unknown>;
    sharedLayoutCaches.set(font.font, shared);
  }
  font.layoutCache = shared;
}

function installHooks(): void {
  const PDFDocument = require('pdfmake/js/PDFDocument').default;
  const originalProvideFont = PDFDocument.prototype.provideFont;
  PDFDocument.prototype.provideFont = function provideFont(this: unknown, ...args: unknown[]) {
    const font = originalProvideFont.apply(this, args) as object;
    patchFontEncode(font);
    shareLayoutCache(font);
    return font;
  };

  const ElementWriter = require('pdfmake/js/ElementWriter').default;
  const originalAlignLine = ElementWriter.prototype.alignLine;
  ElementWriter.prototype.alignLine = function alignLine(this: { context(): { availableWidth: number } }, line: LayoutLine) {
    if (!layoutBidiLine(line, this.context().availableWidth)) originalAlignLine.call(this, line);
  };

  const Renderer = require('pdfmake/js/Renderer').default;
  const originalRenderLine = Renderer.prototype.renderLine;
  Renderer.prototype.renderLine = function renderLine(
    this: unknown,
    line: { inlines: PageRefInline[]; _pageNodeRef?: PageNodeRef },
    x: number,
    y: number,
  ) {
    // pdfmake writes page references with Western digits at render time; localise them first.
    const first = line.inlines[0];
    if (line._pageNodeRef && first && line._pageNodeRef._digits === 'arab') {
      const page = line._pageNodeRef.positions?.[0]?.pageNumber;
      if (page !== undefined) {
        first.text = toArabicIndic(String(page));
        first.width = first.font.widthOfString(first.text, first.fontSize);
        delete line._pageNodeRef;
      }
    }
    return originalRenderLine.call(this, line, x, y);
  };
}

export function getPdfmake(): Pdfmake {
  if (runtime) return runtime;
  const fonts = loadFonts();
  const pdfmake = require('pdfmake') as Pdfmake;
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((p) => fonts.paths.has(path.resolve(p)));
  for (const face of fonts.faces) pdfmake.virtualfs.writeFileSync(face.path, face.token);
  pdfmake.setFonts(fonts.pdfmakeFonts);
  installHooks();
  runtime = pdfmake;
  return runtime;
}

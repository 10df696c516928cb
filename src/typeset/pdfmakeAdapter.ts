/**
 * The boundary with pdfmake and pdfkit: the only module that knows their internals.
 *
 * pdfmake keeps the page flow (tables, headers and footers, the table of contents, links,
 * metadata) and breaks paragraphs into lines between the engine's pieces, measuring them with the
 * engine's fonts. Every line then reaches the engine through ONE hook, Renderer#renderLine: the
 * engine reorders, aligns and justifies the line (lineLayout.ts) and the text writer draws it
 * (textWriter.ts). pdfkit never shapes or draws text itself.
 *
 * At start-up the installed pdfmake and pdfkit must be the versions this was written against: the
 * hook, and what it reads of pdfmake's lines and pdfkit's fonts, are theirs.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { loadFonts, type LoadedFace } from './fontRegistry.js';
import { toArabicIndic } from './digits.js';
import { runLead, glyphPositions } from './glyphRun.js';
import { layoutLine, type Alignment, type LineRun } from './lineLayout.js';
import type { BidiPieceInfo } from './paragraphRuns.js';
import { naturalDirection } from './shaper.js';
import { shapeRun } from './shaping.js';
import { writeRun, type PdfFont, type TextSurface } from './textWriter.js';

const require = createRequire(import.meta.url);

/** The versions whose internals this module was written against. */
export const SUPPORTED = { pdfmake: '0.3.11', pdfkit: '0.19.1' } as const;

function packageVersion(entry: string): string {
  let dir = path.dirname(entry);
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

const pdfmakeEntry = require.resolve('pdfmake');
const pdfmakeRequire = createRequire(pdfmakeEntry);
const pdfkitEntry = pdfmakeRequire.resolve('pdfkit');

/** Throws, naming both versions, unless the installed pdfmake and pdfkit are the supported ones. */
export function checkVersions(installed = { pdfmake: packageVersion(pdfmakeEntry), pdfkit: packageVersion(pdfkitEntry) }): void {
  const wrong = (Object.keys(SUPPORTED) as (keyof typeof SUPPORTED)[]).filter((name) => installed[name] !== SUPPORTED[name]);
  if (wrong.length === 0) return;
  const list = wrong.map((name) => `${name} ${installed[name]} (expected ${SUPPORTED[name]})`).join(', ');
  throw new Error(
    `unsupported ${list}: src/typeset/pdfmakeAdapter.ts hooks pdfmake's Renderer#renderLine and reads pdfkit's fonts; ` +
      'check those internals against the new version, then update SUPPORTED.',
  );
}

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

// ---------------------------------------------------------------------------------------------
// Fonts: what pdfkit embeds and measures with.

/** The fontkit font methods and tables pdfkit's EmbeddedFont reads (besides layout). */
interface FontkitInternals {
  createSubset(): unknown;
  getGlyph(id: number): { advanceWidth: number };
  unitsPerEm: number;
  ascent: number;
  descent: number;
  lineGap: number;
  xHeight: number;
  capHeight: number;
  italicAngle: number;
  bbox: unknown;
  'OS/2': unknown;
  post: unknown;
  head: unknown;
  _tables: unknown;
}

/** A width-only run: what pdfkit's measurement (EmbeddedFont#layout) reads of a shaped run. */
class MeasuredRun {
  readonly glyphs: { advanceWidth: number }[] = [{ advanceWidth: 0 }];
  readonly positions: { xAdvance: number }[];
  constructor(width: number) {
    this.positions = [{ xAdvance: width }];
  }
  /** pdfkit scales positions in place before reading the width. */
  get advanceWidth(): number {
    return this.positions[0]!.xAdvance;
  }
}

/**
 * The font pdfkit receives for a face (through fontkit's public registerFormat): it embeds the
 * face's fontkit font under the face's PDF name, and measures text with the engine's shaping, so
 * pdfmake breaks lines on the widths the engine draws. It never draws: the writer does.
 */
class PdfkitFace {
  constructor(readonly face: LoadedFace) {}
  private get font(): FontkitInternals {
    return this.face.font as unknown as FontkitInternals;
  }
  get postscriptName(): string {
    return this.face.postscriptName;
  }
  layout(text: string, features?: unknown): MeasuredRun {
    if (features) throw new Error('font features are not supported by the typesetting engine');
    return new MeasuredRun(shapeRun(this.face, text, naturalDirection(text)).advanceWidth);
  }
  createSubset(): unknown {
    return this.font.createSubset();
  }
  getGlyph(id: number): { advanceWidth: number } {
    return this.font.getGlyph(id);
  }
  get unitsPerEm() { return this.font.unitsPerEm; }
  get ascent() { return this.font.ascent; }
  get descent() { return this.font.descent; }
  get lineGap() { return this.font.lineGap; }
  get xHeight() { return this.font.xHeight; }
  get capHeight() { return this.font.capHeight; }
  get italicAngle() { return this.font.italicAngle; }
  get bbox() { return this.font.bbox; }
  get 'OS/2'() { return this.font['OS/2']; }
  get post() { return this.font.post; }
  get head() { return this.font.head; }
  /** pdfkit merges two fonts of one name when their tables match. */
  get _tables() { return this.font._tables; }
}

const TOKEN_PREFIX = 'coalition-briefs-font:';

/** pdfmake reads each face through its virtual file system: a short token that fontkit resolves to the face. */
function fontToken(face: LoadedFace): Buffer {
  return Buffer.from(TOKEN_PREFIX + face.path, 'utf8');
}

function registerFontFormat(): void {
  const registry = loadFonts();
  const faces = new Map(registry.faces.map((face) => [face.path, new PdfkitFace(face)]));
  // fontkit format: `new Format(stream)` returns the face a token buffer names.
  function EngineFontFormat(this: unknown, stream: { buffer: Uint8Array }): PdfkitFace {
    const key = Buffer.from(stream.buffer).toString('utf8').slice(TOKEN_PREFIX.length);
    const face = faces.get(key);
    if (!face) throw new Error(`unknown font token ${key}`);
    return face;
  }
  EngineFontFormat.probe = (buffer: Uint8Array): boolean =>
    buffer.length < 300 && Buffer.from(buffer.subarray(0, TOKEN_PREFIX.length)).toString('utf8') === TOKEN_PREFIX;
  const pdfkitFontkit = createRequire(pdfkitEntry)('fontkit') as { registerFormat(format: unknown): void };
  pdfkitFontkit.registerFormat(EngineFontFormat);
}

// ---------------------------------------------------------------------------------------------
// The hook: every line pdfmake renders.

/** pdfkit's EmbeddedFont, as far as the writer and the line placement read it. */
interface PdfkitFont {
  id: string;
  font: unknown;
  ascender: number;
  subset: { includeGlyph(id: number): number };
  widths: number[];
  unicode: number[][];
  ref(): unknown;
  lineHeight(size: number, includeGap?: boolean): number;
}

interface PdfkitDocumentInternals {
  page: { height: number; fonts: Record<string, unknown> };
  addContent(operators: string): void;
  fillColor(color: string): void;
  goTo(x: number, y: number, w: number, h: number, name: string): void;
  addNamedDestination(name: string, type: string, x: number, y: number, zoom: null): void;
}

interface PageNodeRef {
  positions?: { pageNumber: number }[];
  /** Set by blocks.ts on headings listed in the table of contents. */
  _digits?: string;
}

/** pdfmake's inline, as measured and placed by pdfmake. */
interface PdfmakeInline {
  text: string;
  x: number;
  width: number;
  fontSize: number;
  font: PdfkitFont;
  color?: string;
  alignment?: Alignment;
  trailingCut?: number;
  leadingCut?: number;
  sup?: boolean;
  sub?: boolean;
  linkToDestination?: string;
  link?: string;
  linkToPage?: number;
  background?: unknown;
  decoration?: unknown;
  _pageNodeRef?: PageNodeRef;
  _bidi?: BidiPieceInfo;
}

interface PdfmakeLine {
  inlines: PdfmakeInline[];
  maxWidth: number;
  id?: string;
  newLineForced?: boolean;
  lastLineInParagraph?: boolean;
  _pageNodeRef?: PageNodeRef;
  _outline?: unknown;
  getWidth(): number;
  getHeight(): number;
  getAscenderHeight(): number;
}

const pdfFonts = new WeakMap<PdfkitFont, PdfFont>();

function pdfFontOf(font: PdfkitFont): PdfFont {
  let pdfFont = pdfFonts.get(font);
  if (pdfFont === undefined) {
    if (!(font.font instanceof PdfkitFace)) throw new Error('text in a font the typesetting engine did not provide');
    pdfFont = {
      include: (glyphId) => font.subset.includeGlyph(glyphId),
      widths: font.widths,
      unicode: font.unicode,
      markWidths: new Map(),
      unitsPerEm: font.font.unitsPerEm,
      ascender: font.ascender,
    };
    pdfFonts.set(font, pdfFont);
  }
  return pdfFont;
}

function faceOf(font: PdfkitFont): LoadedFace {
  if (!(font.font instanceof PdfkitFace)) throw new Error('text in a font the typesetting engine did not provide');
  return font.font.face;
}

function surfaceOf(doc: PdfkitDocumentInternals, fontOf: Map<PdfFont, PdfkitFont>): TextSurface {
  return {
    addContent: (operators) => doc.addContent(operators),
    useFont: (pdfFont) => {
      const font = fontOf.get(pdfFont)!;
      doc.page.fonts[font.id] ??= font.ref();
      return font.id;
    },
    setFillColor: (color) => doc.fillColor(color),
    pageHeight: doc.page.height,
  };
}

/** pdfmake writes page references (table of contents) when rendering: the number, in the document's digits. */
function pageReferenceText(ref: PageNodeRef): string {
  const page = ref.positions?.[0]?.pageNumber;
  if (page === undefined) throw new Error('Page reference id not found');
  return ref._digits === 'arab' ? toArabicIndic(String(page)) : String(page);
}

/** How far pdfmake's ElementWriter#alignLine moved the line for its alignment (the engine aligns it itself). */
function pdfmakeAlignmentOffset(line: PdfmakeLine): number {
  const alignment = line.inlines[0]?.alignment;
  if (alignment === 'right') return line.maxWidth - line.getWidth();
  if (alignment === 'center') return (line.maxWidth - line.getWidth()) / 2;
  return 0;
}

function renderLine(doc: PdfkitDocumentInternals, line: PdfmakeLine, x: number, y: number): void {
  if (line._outline !== undefined) throw new Error('outline entries are not supported by the typesetting engine');
  for (const inline of line.inlines) {
    if (inline.background || inline.decoration || inline.link || inline.linkToPage || inline.sub) {
      throw new Error('text backgrounds, decorations, URL and page links and subscripts are not supported by the typesetting engine');
    }
  }
  const inlines = line.inlines;
  if (inlines.length === 0) return;
  const engineLine = inlines.some((inline) => inline._bidi);
  if (engineLine && !inlines.every((inline) => inline._bidi)) throw new Error('a line mixes engine pieces with other text');

  // Runs: the characters drawn, in which direction, and their widths as pdfmake measured them.
  const texts = inlines.map((inline, i) => {
    const ref = (i === 0 ? line._pageNodeRef : undefined) ?? inline._pageNodeRef;
    return ref ? pageReferenceText(ref) : (inline._bidi?.text ?? inline.text.trim());
  });
  const shaped = inlines.map((inline, i) => {
    const direction = inline._bidi ? (inline._bidi.level % 2 === 1 ? 'rtl' : 'ltr') : naturalDirection(texts[i]!);
    return shapeRun(faceOf(inline.font), texts[i]!, direction);
  });

  let xs: number[];
  let scale = 1;
  if (engineLine) {
    const runs: LineRun[] = inlines.map((inline, i) => {
      const trailing = inline.trailingCut ?? 0;
      const leading = i === 0 ? (inline.leadingCut ?? 0) : 0;
      const lead = runLead(glyphPositions(shaped[i]!, faceOf(inline.font).font.unitsPerEm));
      return {
        level: inline._bidi!.level,
        width: inline.width - trailing - leading,
        spaceAfter: trailing,
        spaceLevel: inline._bidi!.spaceLevel,
        lead: (lead * inline.fontSize) / 1000,
      };
    });
    const laidOut = layoutLine({
      runs,
      availableWidth: line.maxWidth,
      alignment: inlines[0]!.alignment ?? 'right',
      lastLine: line.newLineForced === true || line.lastLineInParagraph === true,
    });
    const left = x - pdfmakeAlignmentOffset(line);
    xs = laidOut.x.map((runX) => left + runX);
    scale = laidOut.scale;
  } else {
    // Text that is not the engine's (a page reference) stays where pdfmake put it.
    xs = inlines.map((inline) => x + inline.x);
  }

  // Vertical placement as pdfmake's renderLine does it: each run on the line's common baseline.
  const sizes = inlines.map((inline) => inline.fontSize * scale);
  const lineHeight = line.getHeight();
  const ascenderHeight = Math.max(0, ...inlines.map((inline, i) => (inline.font.ascender / 1000) * sizes[i]!));
  const descent = lineHeight - ascenderHeight;
  const fontOf = new Map<PdfFont, PdfkitFont>();
  const surface = surfaceOf(doc, fontOf);
  inlines.forEach((inline, i) => {
    const size = sizes[i]!;
    let top = y + lineHeight - (inline.font.ascender / 1000) * size - descent;
    if (inline.sup) top -= size * 0.75;
    if (inline.linkToDestination) doc.goTo(xs[i]!, top, inline.width, inline.font.lineHeight(size), inline.linkToDestination);
    if (line.id && i === 0) doc.addNamedDestination(line.id, 'XYZ', xs[i]!, top, null);
    const font = pdfFontOf(inline.font);
    fontOf.set(font, inline.font);
    writeRun(surface, { font, fontSize: size, color: inline.color ?? 'black', x: xs[i]!, top, glyphs: shaped[i]! });
  });
}

function installHook(): void {
  const Renderer = require('pdfmake/js/Renderer').default as { prototype: { renderLine: unknown } };
  Renderer.prototype.renderLine = function (this: { pdfDocument: PdfkitDocumentInternals }, line: PdfmakeLine, x = 0, y = 0): void {
    renderLine(this.pdfDocument, line, x, y);
  };
}

// ---------------------------------------------------------------------------------------------

let runtime: Pdfmake | undefined;

/** The one pdfmake instance of the process: version-checked, locked down, hooked once. */
export function getPdfmake(): Pdfmake {
  if (runtime) return runtime;
  checkVersions();
  const fonts = loadFonts();
  registerFontFormat();
  const pdfmake = require('pdfmake') as Pdfmake;
  // No URL may be fetched, no local file read but our fonts (which come from the virtual FS).
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((p) => fonts.paths.has(path.resolve(p)));
  for (const face of fonts.faces) pdfmake.virtualfs.writeFileSync(face.path, fontToken(face));
  const table: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }> = {};
  for (const face of fonts.faces) {
    const entry = (table[face.family] ??= { normal: '', bold: '', italics: '', bolditalics: '' });
    if (face.bold) entry.bold = entry.bolditalics = face.path;
    else entry.normal = entry.italics = face.path;
  }
  pdfmake.setFonts(table);
  installHook();
  runtime = pdfmake;
  return runtime;
}

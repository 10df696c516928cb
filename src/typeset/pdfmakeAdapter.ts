/**
 * The boundary with pdfmake and pdfkit: the only module that knows their internals.
 *
 * pdfmake keeps the page flow (tables, headers and footers, the table of contents, links,
 * metadata). The engine breaks its paragraphs into lines itself (paragraphLayout.ts) and hands
 * pdfmake one inline per finished line (textNodes.ts), which pdfmake stacks. Every line pdfmake
 * renders reaches the engine through ONE hook, Renderer#renderLine: the engine reorders, aligns and
 * justifies it (lineLayout.ts) and the text writer draws it (textWriter.ts). pdfkit never shapes or
 * draws text itself; it embeds the fonts (subsets, widths, ToUnicode) the writer fills in. The page
 * composition (keep with next, widows and orphans, section starts) needs no hook: it is written into
 * the document's structure, which pdfmake lays out in one pass (composition.ts).
 *
 * At start-up the installed pdfmake and pdfkit must be the versions this was written against: the
 * hook, and what it reads of pdfmake's lines and pdfkit's fonts, are theirs.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { loadFonts, type LoadedFace } from './fontRegistry.js';
import { toArabicIndic } from '../arabic/digits.js';
import { layoutLine } from './lineLayout.js';
import { naturalDirection } from './shaper.js';
import { shapeRun, type ShapedRun } from './shaping.js';
import { isEngineLineInline, type EngineLineInline } from './textNodes.js';
import { pageNumberDigits } from './nodeFields.js';
import { outlineOf, type OutlineFont } from './glyphOutlines.js';
import { layerLine } from './layerGeometry.js';
import { planTextLayer, type LayerFont, type LayerRun } from './textLayer.js';
import { writeRuns, type PdfFont, type PlacedLine, type PlacedRun, type TextSurface } from './textWriter.js';
import type { DocumentAttachment } from '../document/model.js';
import type { LineTag } from './structure/tree.js';
import { TagWriter, type LinkTie, type PdfStructElement, type TaggablePdf, type TaggedRun } from './structure/tagWriter.js';

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
 * face's fontkit font under the face's PDF name, and measures what pdfmake still measures itself (a
 * line's placeholder, a page number in the table of contents) with the engine's shaping. It never
 * draws: the writer does.
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

/** pdfkit's indirect object: a stream it deflates itself unless its dictionary names a Filter. */
interface PdfkitReference {
  data: Record<string, unknown>;
  write(chunk: string | Uint8Array): void;
  end(chunk?: string | Uint8Array): void;
}

interface PdfkitDocumentInternals extends Omit<TaggablePdf, 'page' | 'viewerPreferences'> {
  page: {
    width: number;
    height: number;
    fonts: Record<string, unknown>;
    xobjects: Record<string, unknown>;
    dictionary: { data: Record<string, unknown> };
  };
  ref(data: object): PdfkitReference;
  _root: { data: { ViewerPreferences?: { data: Record<string, unknown> } } };
  /** pdfmake's PDFDocument: the font of a family and weight, opened once per document. */
  provideFont(family: string, bold: boolean, italics: boolean): PdfkitFont;
  addContent(operators: string): void;
  fillColor(color: string): void;
  /** pdfkit's annotation; a link's structParent ties it to its Link element (an OBJR). */
  annotate(x: number, y: number, w: number, h: number, options: { Subtype: 'Link'; Dest: string; Contents?: String; structParent?: PdfStructElement }): void;
  addNamedDestination(name: string, type: string, x: number, y: number, zoom: null): void;
}

interface PageNodeRef {
  positions?: { pageNumber: number }[];
}

/** pdfmake's inline, as measured and placed by pdfmake. */
interface PdfmakeInline {
  text: string;
  x: number;
  width: number;
  fontSize: number;
  font: PdfkitFont;
  color?: string;
  sup?: boolean;
  sub?: boolean;
  linkToDestination?: string;
  link?: string;
  linkToPage?: number;
  background?: unknown;
  decoration?: unknown;
  _pageNodeRef?: PageNodeRef;
  /** Its place in the structure tree (textNodes.ts). */
  _tag?: LineTag;
}

interface PdfmakeLine {
  inlines: PdfmakeInline[];
  maxWidth: number;
  id?: string;
  _pageNodeRef?: PageNodeRef;
  _outline?: unknown;
  getHeight(): number;
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
      unitsPerEm: font.font.face.unitsPerEm,
      ascender: font.ascender,
    };
    pdfFonts.set(font, pdfFont);
  }
  return pdfFont;
}

/**
 * The document's layer fonts: the Arabic faces' pdfkit fonts, used for the text layer only (glyphs
 * are drawn as outlines); a line set all in bold is written in the bold one, so readers still see
 * headings as bold. One font per line: pdf.js starts a new item at a change of font.
 */
const layerFonts = new WeakMap<PdfFont, LayerFont>();

function layerFontOf(doc: PdfkitDocumentInternals, bold: boolean): { font: PdfkitFont; layer: LayerFont } {
  const face = loadFonts().faceOf('AmiriArabic', bold);
  const font = pdfkitFontOf(doc, face);
  const pdfFont = pdfFontOf(font);
  let layer = layerFonts.get(pdfFont);
  if (layer === undefined) {
    const cmap = face.font as unknown as {
      glyphForCodePoint(cp: number): { id: number };
      getGlyph(id: number): { bbox: { minX: number; minY: number; maxX: number; maxY: number } };
      numGlyphs: number;
    };
    layer = {
      ...pdfFont,
      glyphForCodePoint: (cp) => cmap.glyphForCodePoint(cp).id,
      numGlyphs: cmap.numGlyphs,
      glyphBox: (id) => {
        const { minX, minY, maxX, maxY } = cmap.getGlyph(id).bbox;
        return [minX, minY, maxX, maxY];
      },
    };
    layerFonts.set(pdfFont, layer);
  }
  return { font, layer };
}

/**
 * A glyph form's resource name says what it draws: "GF<face>_<glyph id>", the face's index in the
 * font registry and the glyph's id in that face's TrueType file (so tests can read drawn glyphs back).
 */
export function glyphFormName(font: OutlineFont, gid: number): string {
  const face = loadFonts().faces.findIndex((f) => f.shaper === font);
  if (face < 0) throw new Error('a glyph outline from a font the typesetting engine did not provide');
  return `GF${face}_${gid}`;
}

/** Each glyph's path, deflated: what pdfkit writes for a stream of its own (the text, a newline, zlib's default level). */
const deflatedPaths = new WeakMap<OutlineFont, Map<number, Buffer>>();

function deflatedPath(font: OutlineFont, gid: number, path: string): Buffer {
  let perFont = deflatedPaths.get(font);
  if (perFont === undefined) deflatedPaths.set(font, (perFont = new Map()));
  let bytes = perFont.get(gid);
  if (bytes === undefined) perFont.set(gid, (bytes = deflateSync(Buffer.from(path + '\n', 'latin1'))));
  return bytes;
}

/** Glyph outlines as form XObjects, made once per document and registered on each page that draws them. */
type GlyphForms = Map<OutlineFont, Map<number, { name: string; ref: unknown } | null>>;
const glyphForms = new WeakMap<PdfkitDocumentInternals, GlyphForms>();

function glyphFormsOf(doc: PdfkitDocumentInternals): GlyphForms {
  let perDoc = glyphForms.get(doc);
  if (perDoc === undefined) glyphForms.set(doc, (perDoc = new Map()));
  return perDoc;
}

function glyphForm(doc: PdfkitDocumentInternals, perDoc: GlyphForms, font: OutlineFont, gid: number): { name: string; ref: unknown } | null {
  let perFont = perDoc.get(font);
  if (perFont === undefined) perDoc.set(font, (perFont = new Map()));
  let form = perFont.get(gid);
  if (form === undefined) {
    const outline = outlineOf(font, gid);
    if (outline === undefined) form = null;
    else {
      // A path needs no resources; the form's Type is optional: ~30 bytes less for each of hundreds of glyphs.
      // The stream comes deflated (as pdfkit would deflate it), once per process: every brief draws
      // the same few hundred glyphs. A Filter given makes pdfkit keep the bytes; it sets the Length.
      const ref = doc.ref({ Subtype: 'Form', BBox: outline.bbox, Length: 0, Filter: 'FlateDecode' });
      ref.end(deflatedPath(font, gid, outline.path));
      form = { name: glyphFormName(font, gid), ref };
    }
    perFont.set(gid, form);
  }
  return form;
}

function faceOf(font: PdfkitFont): LoadedFace {
  if (!(font.font instanceof PdfkitFace)) throw new Error('text in a font the typesetting engine did not provide');
  return font.font.face;
}

function surfaceOf(doc: PdfkitDocumentInternals, fontOf: Map<PdfFont, PdfkitFont>): TextSurface {
  const forms = glyphFormsOf(doc);
  // The page's XObject resources, read on the first glyph drawn (reading them makes the entry).
  let xobjects: Record<string, unknown> | undefined;
  return {
    addContent: (operators) => doc.addContent(operators),
    useFont: (pdfFont) => {
      const font = fontOf.get(pdfFont)!;
      doc.page.fonts[font.id] ??= font.ref();
      return font.id;
    },
    useGlyph: (font, gid) => {
      const form = glyphForm(doc, forms, font, gid);
      if (form === null) return undefined;
      xobjects ??= doc.page.xobjects;
      xobjects[form.name] ??= form.ref;
      return form.name;
    },
    setFillColor: (color) => doc.fillColor(color),
    pageHeight: doc.page.height,
  };
}

/** pdfmake writes page references (table of contents) when rendering: the number, in the document's digits. */
function pageReferenceText(ref: PageNodeRef): string {
  const page = ref.positions?.[0]?.pageNumber;
  if (page === undefined) throw new Error('Page reference id not found');
  return pageNumberDigits(ref) === 'arab' ? toArabicIndic(String(page)) : String(page);
}

/** The document's pdfkit font for a face (pdfmake's PDFDocument caches one per family and weight). */
function pdfkitFontOf(doc: PdfkitDocumentInternals, face: LoadedFace): PdfkitFont {
  return doc.provideFont(face.family, face.bold, false);
}

/** One run to draw: where, how large, in which font. */
interface Drawn {
  font: PdfkitFont;
  glyphs: ShapedRun;
  x: number;
  size: number;
  sup: boolean;
  color: string;
  /** pdfmake's width of the run (for its link area). */
  width: number;
  /** Its characters in reading order (what the structure tree reads). */
  text: string;
  /** A space follows it. */
  spaceAfter: boolean;
  face: LoadedFace;
  rtl: boolean;
  /** Its box (advance widths from its pen position), for the text layer: left edge and width, in points. */
  left: number;
  boxWidth: number;
}

/** The structure writer of each tagged document, made on its first page (structure/tagWriter.ts). */
const tagWriters = new WeakMap<PdfkitDocumentInternals, TagWriter>();

function taggable(doc: PdfkitDocumentInternals): TaggablePdf {
  return {
    struct: (role, options) => doc.struct(role, options),
    addStructure: (element) => doc.addStructure(element),
    markStructureContent: (role) => doc.markStructureContent(role),
    markContent: (tag, options) => doc.markContent(tag, options),
    endMarkedContent: () => doc.endMarkedContent(),
    addContent: (operators) => doc.addContent(operators),
    addNamedDestination: (name, type, x, y, zoom) => doc.addNamedDestination(name, type, x, y, zoom),
    get outline() {
      return doc.outline;
    },
    get page() {
      return doc.page;
    },
    viewerPreferences: () => doc._root.data.ViewerPreferences?.data,
  };
}

function renderLine(doc: PdfkitDocumentInternals, line: PdfmakeLine, x: number, y: number): void {
  if (line._outline !== undefined) throw new Error('outline entries are not supported by the typesetting engine');
  for (const inline of line.inlines) {
    if (inline.background || inline.decoration || inline.link || inline.linkToPage || inline.sub) {
      throw new Error('text backgrounds, decorations, URL and page links and subscripts are not supported by the typesetting engine');
    }
  }
  const inlines = line.inlines;
  const first = inlines[0] as PdfmakeInline | undefined;
  if (first?._tag?.kind === 'pageStart') {
    let writer = tagWriters.get(doc);
    if (writer === undefined) tagWriters.set(doc, (writer = new TagWriter(taggable(doc), first._tag.document)));
    writer.pageStart();
    return;
  }
  if (inlines.length === 0) return;
  const color = (inline: PdfmakeInline) => inline.color ?? 'black';
  let drawn: Drawn[];
  let gaps: { after: number; left: number; width: number }[] = [];
  if (inlines.length === 1 && isEngineLineInline(inlines[0]!)) {
    // The engine's line: reordered, aligned and justified by the engine, for the width it was broken for.
    const inline = inlines[0]! as PdfmakeInline & EngineLineInline;
    const set = inline._line;
    if (Math.abs(set.width - line.maxWidth) > 0.01) {
      throw new Error(`a line was broken for ${set.width} pt but pdfmake gives it ${line.maxWidth} pt (see blocks.ts)`);
    }
    const laidOut = layoutLine({ runs: set.runs, availableWidth: set.width, alignment: set.alignment, lastLine: set.lastLine });
    drawn = set.runs.map((run, i) => ({
      font: pdfkitFontOf(doc, run.face),
      glyphs: run.glyphs,
      x: x + laidOut.x[i]!,
      size: run.fontSize * laidOut.scale,
      sup: run.sup,
      color: run.color ?? color(inline),
      width: (run.width + run.spaceAfter) * laidOut.scale,
      text: run.text,
      spaceAfter: run.spaceAfter > 0,
      face: run.face,
      rtl: run.direction === 'rtl',
      left: x + laidOut.left[i]!,
      boxWidth: run.width * laidOut.scale,
    }));
    gaps = laidOut.gaps.map((gap) => ({ after: gap.after, left: x + gap.x, width: gap.width }));
  } else {
    // Other text (a page reference, an empty paragraph's space) stays where pdfmake put it.
    drawn = inlines.map((inline, i) => {
      const ref = (i === 0 ? line._pageNodeRef : undefined) ?? inline._pageNodeRef;
      const text = ref ? pageReferenceText(ref) : inline.text.trim();
      const face = faceOf(inline.font);
      const glyphs = shapeRun(face, text, naturalDirection(text));
      return {
        font: inline.font,
        glyphs,
        x: x + inline.x,
        size: inline.fontSize,
        sup: inline.sup === true,
        color: color(inline),
        width: inline.width,
        text,
        spaceAfter: i < inlines.length - 1,
        face,
        rtl: naturalDirection(text) === 'rtl',
        left: x + inline.x,
        boxWidth: (glyphs.advanceWidth * inline.fontSize) / face.unitsPerEm,
      };
    });
  }

  // Vertical placement as pdfmake's renderLine does it: each run on the line's common baseline.
  const lineHeight = line.getHeight();
  const ascenderHeight = Math.max(...drawn.map((run) => (run.font.ascender / 1000) * run.size));
  const descent = lineHeight - ascenderHeight;
  const link = inlines[0]!.linkToDestination;
  const fontOf = new Map<PdfFont, PdfkitFont>();
  const surface = surfaceOf(doc, fontOf);
  const tops = drawn.map((run) => {
    const top = y + lineHeight - (run.font.ascender / 1000) * run.size - descent;
    return run.sup ? top - run.size * 0.75 : top;
  });
  // What is drawn: each run's glyphs as outlines, and the line's text layer (one size and baseline
  // for the line: a raised citation marker is read in line), laid out once for the whole line, at the
  // size and within the ends that keep poppler's blocks to one cell (layerGeometry.ts).
  const main = drawn.find((run) => !run.sup) ?? drawn[0]!;
  const layerFont = layerFontOf(doc, drawn.every((run) => run.face.bold));
  fontOf.set(layerFont.layer, layerFont.font);
  const layerRuns: LayerRun[] = drawn.map((run) => ({ text: run.text, rtl: run.rtl, left: run.left, width: run.boxWidth }));
  const placed: PlacedLine = {
    runs: drawn.map((run, i): PlacedRun => ({
      outlines: run.face.shaper,
      unitsPerEm: run.face.unitsPerEm,
      ascender: run.font.ascender,
      fontSize: run.size,
      color: run.color,
      x: run.x,
      top: tops[i]!,
      glyphs: run.glyphs,
    })),
    layerFont: layerFont.layer,
    layer: planTextLayer(layerFont.layer, layerLine({ runs: layerRuns, gaps, fontSize: main.size, baselineY: doc.page.height - (y + lineHeight - descent) }, lineHeight)),
  };
  // The named destination itself (pdfkit's goTo would add a GoTo action object per link); a
  // tagged link says where it goes (Contents) and is tied to its Link element.
  const annotate = (i: number, destination: string, tie?: LinkTie) => {
    const run = drawn[i]!;
    doc.annotate(run.x, tops[i]!, run.width, run.font.lineHeight(run.size), {
      Subtype: 'Link',
      Dest: destination,
      ...(tie ? { Contents: new String(tie.description), structParent: tie.element } : {}),
    });
  };
  const runs = drawn.map((run, i): TaggedRun => {
    const top = tops[i]!;
    return {
      text: run.text,
      sup: run.sup,
      spaceAfter: run.spaceAfter,
      left: run.x,
      right: run.x + run.width,
      annotate: (destination, tie) => annotate(i, destination, tie),
      place: (destination) => doc.addNamedDestination(destination, 'XYZ', run.x, top, null),
    };
  });
  // Draws some runs, in the order given, as one marked-content sequence's content.
  const draw = (indices: readonly number[], tie?: LinkTie): void => {
    for (const i of indices) {
      if (link) annotate(i, link, tie);
      if (line.id && i === 0) doc.addNamedDestination(line.id, 'XYZ', drawn[0]!.x, tops[0]!, null);
    }
    writeRuns(surface, placed, indices);
  };
  const writer = tagWriters.get(doc);
  if (writer === undefined) {
    draw(placed.layer.order);
    return;
  }
  const engineLine = inlines.length === 1 && isEngineLineInline(first!) ? (first as PdfmakeInline & EngineLineInline) : undefined;
  writer.line({ tag: first!._tag, linkTo: link, key: engineLine?._line, x, top: y, height: lineHeight, runs, order: placed.layer.order, draw });
}

function installHook(): void {
  const Renderer = require('pdfmake/js/Renderer').default as { prototype: { renderLine: unknown } };
  Renderer.prototype.renderLine = function (this: { pdfDocument: PdfkitDocumentInternals }, line: PdfmakeLine, x = 0, y = 0): void {
    renderLine(this.pdfDocument, line, x, y);
  };
}

// ---------------------------------------------------------------------------------------------
// The document level: version, PDF/A identification, Info, associated files.

/** A file embedded as a PDF/A-3 associated file of the document (catalog /AF), dated from the data. */
export type PdfAttachment = DocumentAttachment;

export interface DocumentOptions {
  /** PDF/A-3 is based on PDF 1.7 (ISO 32000-1). */
  version: '1.7';
  /** pdfkit writes the sRGB OutputIntent with its ICC profile for a PDF/A subset. */
  subset: 'PDF/A-3b';
  /** Catalog /Lang. */
  language: string;
  /** The Info dictionary, as pdfmake's `info` takes it. */
  info: Record<string, string | Date>;
  files: readonly PdfAttachment[];
}

/** What of pdfkit's document the document level touches: its public file(). */
interface PdfkitDocumentLevel extends PdfKitDocument {
  file(src: Buffer, options: { name: string; type: string; description: string; relationship: string; creationDate: Date; modifiedDate: Date }): unknown;
}

/**
 * Renders a document definition into PDF bytes with the document-level options. The bytes are
 * pdfkit's own file, its streams not yet deflated; its XMP packet is replaced afterwards, in the file
 * (metadataStream.ts), and its streams deflated (streamCompression.ts).
 */
export async function renderDocument(definition: Record<string, unknown>, options: DocumentOptions): Promise<Buffer> {
  // Streams unfiltered: the final writing step deflates them all at once, off the main thread (streamCompression.ts).
  const pdf = getPdfmake().createPdf({ ...definition, version: options.version, subset: options.subset, language: options.language, info: options.info, compress: false });
  // pdfmake resolves the stream once every page is rendered, before pdfkit's end() writes the rest.
  const doc = (await pdf.getStream()) as PdfkitDocumentLevel;
  for (const file of options.files) {
    doc.file(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength), {
      name: file.name,
      type: file.mimeType,
      description: file.description,
      relationship: file.relationship,
      creationDate: file.date,
      modifiedDate: file.date,
    });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('readable', () => {
      let chunk: Buffer | null;
      while ((chunk = doc.read()) !== null) chunks.push(chunk);
    });
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', (error) => reject(error as Error));
    doc.end();
  });
}


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

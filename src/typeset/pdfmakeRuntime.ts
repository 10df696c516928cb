/**
 * The one pdfmake instance of the process, locked down and hooked once:
 * - no URL may be fetched, no local file read but our fonts (which come from the virtual FS);
 * - ElementWriter.alignLine → our bidi line layout for engine-made lines;
 * - Renderer.renderLine → page references (table of contents) printed in the document's digits.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { loadFonts } from './fontRegistry.js';
import { layoutBidiLine, type LayoutLine } from './lineReorder.js';
import { toArabicIndic } from './digits.js';

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

function installHooks(): void {
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

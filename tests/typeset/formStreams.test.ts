/**
 * withDeflatedForms: the glyph outline forms pdfkit wrote unfiltered come out deflated exactly as
 * pdfkit deflates a stream itself; nothing else changes. A typeset document's raster copy keeps
 * them unfiltered and draws the same pages.
 */
import { createRequire } from 'node:module';
import * as mupdf from 'mupdf';
import { describe, expect, it } from 'vitest';
import { withDeflatedForms } from '../../src/typeset/formStreams.js';
import { readPdfkitFile, UnexpectedPdfLayoutError } from '../../src/typeset/objectStreams.js';
import { typesetDocument } from '../../src/typeset/index.js';
import { sampleDocument } from './fixtures/sampleDocument.js';

const require = createRequire(import.meta.url);
type Ref = { compress: boolean; end(chunk: string): void };
type PdfkitDoc = { on(event: string, f: (chunk?: Buffer) => void): void; text(s: string, x?: number, y?: number): PdfkitDoc; ref(data: object): Ref; end(): void };
const PDFDocument = require('pdfkit') as new (options: object) => PdfkitDoc;

const PATHS = ['0 0 m\n100 0 l\n100 700 l\nh\nf', '10 10 m\n20 40 30 40 40 10 c\nh\nf', '0 0 m\n100 0 l\n100 700 l\nh\nf'];

/** A pdfkit file with three glyph-like forms (two alike), deflated by pdfkit or left unfiltered. */
function pdfkitBytes(unfiltered: boolean): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ compress: true, info: { CreationDate: new Date(0), ModDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk) => chunks.push(chunk!));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.text('page', 72, 72);
    for (const path of PATHS) {
      const ref = doc.ref({ Subtype: 'Form', BBox: [0, 0, 100, 700] });
      if (unfiltered) ref.compress = false;
      ref.end(path);
    }
    doc.end();
  });
}

describe('withDeflatedForms', () => {
  it('gives the objects pdfkit writes when it deflates the forms itself', async () => {
    const packed = withDeflatedForms(readPdfkitFile(await pdfkitBytes(true)));
    const byPdfkit = readPdfkitFile(await pdfkitBytes(false));
    expect(packed.objects.map((o) => o.num)).toEqual(byPdfkit.objects.map((o) => o.num));
    for (const [i, o] of packed.objects.entries()) expect(o.body.toString('latin1'), `object ${o.num}`).toBe(byPdfkit.objects[i]!.body.toString('latin1'));
    const forms = packed.objects.filter((o) => o.body.toString('latin1').startsWith('<<\n/Subtype /Form\n'));
    expect(forms).toHaveLength(3);
    for (const form of forms) expect(form.body.toString('latin1')).toMatch(/^<<\n\/Subtype \/Form\n\/BBox \[0 0 100 700\]\n\/Length \d+\n\/Filter \/FlateDecode\n>>\nstream\n/);
  });

  it('leaves a file with no unfiltered form as it is', async () => {
    const file = readPdfkitFile(await pdfkitBytes(false));
    const again = withDeflatedForms(file);
    for (const [i, o] of again.objects.entries()) expect(o.body.equals(file.objects[i]!.body)).toBe(true);
  });

  it('refuses a form whose stream is not the length its dictionary says', async () => {
    const file = readPdfkitFile(await pdfkitBytes(true));
    const broken = {
      ...file,
      objects: file.objects.map((o) => ({ num: o.num, body: Buffer.from(o.body.toString('latin1').replace(/^(<<\n\/Subtype \/Form\n[^>]*\/Length )(\d+)/, (_, head: string, n: string) => `${head}${Number(n) + 1}`), 'latin1') })),
    };
    expect(() => withDeflatedForms(broken)).toThrow(UnexpectedPdfLayoutError);
  });
});

describe('a typeset document\'s raster copy', () => {
  it('draws the same pages as the published file, its glyph outlines unfiltered', async () => {
    const result = await typesetDocument(sampleDocument('arab'));
    const copy = result.rasterCopy();
    const open = (bytes: Uint8Array) => mupdf.Document.openDocument(bytes, 'application/pdf') as mupdf.PDFDocument;
    const published = open(result.bytes);
    const raster = open(copy);
    expect(raster.countPages()).toBe(published.countPages());
    const formsOf = (doc: mupdf.PDFDocument) => {
      const filters: string[] = [];
      for (let num = 1; num < doc.countObjects(); num++) {
        const obj = doc.newIndirect(num);
        if (obj.isStream() && obj.get('Subtype').toString() === '/Form') filters.push(obj.get('Filter').toString());
      }
      return filters;
    };
    const publishedForms = formsOf(published);
    expect(publishedForms.length).toBeGreaterThan(50);
    expect(new Set(publishedForms)).toEqual(new Set(['/FlateDecode']));
    expect(formsOf(raster)).toEqual(publishedForms.map(() => 'null'));
    for (let i = 0; i < published.countPages(); i++) {
      const pixels = (doc: mupdf.PDFDocument) =>
        Buffer.from(doc.loadPage(i).toPixmap(mupdf.Matrix.scale(0.5, 0.5), mupdf.ColorSpace.DeviceGray).getPixels());
      expect(pixels(raster).equals(pixels(published)), `page ${i + 1}`).toBe(true);
    }
    expect(copy.byteLength).toBeGreaterThan(result.bytes.byteLength);
  });
});

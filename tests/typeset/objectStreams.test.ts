/**
 * packObjectStreams keeps every object and every page as pdfkit wrote them and only changes how the
 * file stores its dictionaries: into deflated object streams behind a cross-reference stream.
 */
import { createRequire } from 'node:module';
import * as mupdf from 'mupdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { packObjectStreams, UnexpectedPdfLayoutError } from '../../src/typeset/objectStreams.js';
import { typesetDocument } from '../../src/typeset/index.js';
import { sampleDocument } from './fixtures/sampleDocument.js';

const require = createRequire(import.meta.url);
type PdfkitDoc = {
  on(event: string, f: (chunk?: Buffer) => void): void;
  text(s: string, x?: number, y?: number): PdfkitDoc;
  addPage(): PdfkitDoc;
  link(x: number, y: number, w: number, h: number, url: string): PdfkitDoc;
  end(): void;
};
const PDFDocument = require('pdfkit') as new (options: object) => PdfkitDoc;

/** A small document as pdfkit writes it: three pages, links (annotation dictionaries), a font. */
function pdfkitBytes(): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ compress: true, info: { Title: 'sample', CreationDate: new Date(0), ModDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk) => chunks.push(chunk!));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    for (let page = 0; page < 3; page++) {
      if (page > 0) doc.addPage();
      doc.text(`page ${page + 1}`, 72, 72);
      for (let i = 0; i < 5; i++) doc.link(72, 100 + i * 20, 100, 10, `https://example.org/${page}/${i}`);
    }
    doc.end();
  });
}

function open(bytes: Uint8Array): mupdf.PDFDocument {
  return mupdf.Document.openDocument(bytes, 'application/pdf') as mupdf.PDFDocument;
}

/** Every object, resolved through the file's own cross-reference data: dictionaries as text, streams as their decoded bytes. */
function objectsOf(doc: mupdf.PDFDocument): Map<number, string> {
  const objects = new Map<number, string>();
  for (let num = 1; num < doc.countObjects(); num++) {
    const obj = doc.newIndirect(num);
    if (obj.resolve().isNull()) continue;
    objects.set(num, obj.isStream() ? `${obj.resolve().toString()} ${Buffer.from(obj.readStream().asUint8Array()).toString('hex')}` : obj.resolve().toString());
  }
  return objects;
}

function pageTexts(doc: mupdf.PDFDocument): string[] {
  const texts: string[] = [];
  for (let i = 0; i < doc.countPages(); i++) texts.push(doc.loadPage(i).toStructuredText('preserve-whitespace').asText());
  return texts;
}

describe('packObjectStreams', () => {
  let original: Buffer;
  let packed: Buffer;
  beforeAll(async () => {
    original = await pdfkitBytes();
    packed = packObjectStreams(original);
  });

  it('keeps every object, with its number and content', () => {
    const before = objectsOf(open(original));
    const after = objectsOf(open(packed));
    for (const [num, content] of before) expect(after.get(num), `object ${num}`).toBe(content);
  });

  it('keeps the pages, their text and the document information', () => {
    const before = open(original);
    const after = open(packed);
    expect(after.countPages()).toBe(3);
    expect(pageTexts(after)).toEqual(pageTexts(before));
    expect(after.getMetaData('info:Title')).toBe('sample');
  });

  it('stores the dictionaries in object streams behind a cross-reference stream, and the trailer keeps Root, Info and ID', () => {
    const text = packed.toString('latin1');
    expect(text).toMatch(/\/Type \/ObjStm/);
    expect(text).not.toMatch(/\nxref\n/);
    const trailer = open(packed).getTrailer();
    expect(trailer.get('Type').toString()).toBe('/XRef');
    for (const key of ['Root', 'Info', 'ID']) expect(trailer.get(key).isNull(), key).toBe(false);
    // Annotations are dictionaries: none is left as a top-level object of its own.
    expect(text).not.toMatch(/\d+ 0 obj\n<<\n\/Type \/Annot/);
  });

  it('gives the same bytes for the same input', () => {
    expect(packObjectStreams(original).equals(packed)).toBe(true);
  });

  it('refuses a file that is not laid out as pdfkit writes (here: one it already packed)', () => {
    expect(() => packObjectStreams(packed)).toThrow(UnexpectedPdfLayoutError);
  });

  it('is the last step of every typeset document: a tagged document shrinks and reads the same', async () => {
    const result = await typesetDocument(sampleDocument('arab'));
    const doc = open(result.bytes);
    expect(Buffer.from(result.bytes).toString('latin1')).toMatch(/\/Type \/ObjStm/);
    expect(doc.getTrailer().get('Root').get('StructTreeRoot').isNull()).toBe(false);
    expect(doc.countPages()).toBe(result.pages);
  });
});

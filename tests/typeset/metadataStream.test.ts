/**
 * withXmpPacket: the engine's XMP packet replaces the one pdfkit writes, in the written file, as the
 * content of the stream the catalog's /Metadata names; every other object stays as pdfkit wrote it.
 */
import { createRequire } from 'node:module';
import * as mupdf from 'mupdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { withXmpPacket } from '../../src/typeset/metadataStream.js';
import { readPdfkitFile, UnexpectedPdfLayoutError, writeWithObjectStreams } from '../../src/typeset/objectStreams.js';

const require = createRequire(import.meta.url);
type PdfkitDoc = { on(event: string, f: (chunk?: Buffer) => void): void; text(s: string, x?: number, y?: number): PdfkitDoc; end(): void };
const PDFDocument = require('pdfkit') as new (options: object) => PdfkitDoc;

/** pdfkit writes its own packet, its Info values pasted in unescaped, for any PDF newer than 1.3. */
const HOSTILE_TITLE = 'Troops & "advisers" <2014> \'s';

function pdfkitBytes(pdfVersion: string): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ pdfVersion, compress: true, info: { Title: HOSTILE_TITLE, CreationDate: new Date(0), ModDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk) => chunks.push(chunk!));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.text('page', 72, 72);
    doc.end();
  });
}

function open(bytes: Uint8Array): mupdf.PDFDocument {
  return mupdf.Document.openDocument(bytes, 'application/pdf') as mupdf.PDFDocument;
}

const PACKET = '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:title>Troops &amp; عنوان</dc:title></x:xmpmeta><?xpacket end="r"?>';

describe('withXmpPacket', () => {
  let original: Buffer;
  beforeAll(async () => {
    original = await pdfkitBytes('1.7');
  });

  it('starts from a pdfkit packet that is not XML (the reason for this step)', () => {
    const packet = open(original).getTrailer().get('Root').get('Metadata').readStream().asString();
    expect(packet).toContain(`<rdf:li xml:lang="x-default">${HOSTILE_TITLE}</rdf:li>`);
  });

  it('makes the catalog\'s metadata stream hold exactly the given packet, unfiltered, under the same object number', () => {
    const file = readPdfkitFile(original);
    const replaced = writeWithObjectStreams(withXmpPacket(file, PACKET));
    const before = open(original).getTrailer().get('Root').get('Metadata');
    const metadata = open(replaced).getTrailer().get('Root').get('Metadata');
    expect(metadata.asIndirect()).toBe(before.asIndirect());
    expect(metadata.get('Type').toString()).toBe('/Metadata');
    expect(metadata.get('Subtype').toString()).toBe('/XML');
    expect(metadata.get('Filter').isNull()).toBe(true);
    expect(Buffer.from(metadata.readRawStream().asUint8Array()).toString('utf8')).toBe(PACKET);
    // The packet is found by scanning the file (PDF/A), and pdfkit's is gone.
    expect(replaced.includes(Buffer.from(PACKET, 'utf8'))).toBe(true);
    expect(replaced.includes(Buffer.from(HOSTILE_TITLE, 'latin1'))).toBe(false);
  });

  it('leaves every other object as pdfkit wrote it', () => {
    const file = readPdfkitFile(original);
    const replaced = withXmpPacket(file, PACKET);
    const metadata = open(original).getTrailer().get('Root').get('Metadata').asIndirect();
    expect(replaced.objects.map((o) => o.num)).toEqual(file.objects.map((o) => o.num));
    for (const [i, o] of replaced.objects.entries()) {
      if (o.num !== metadata) expect(o.body.equals(file.objects[i]!.body), `object ${o.num}`).toBe(true);
    }
    expect(open(writeWithObjectStreams(replaced)).getMetaData('info:Title')).toBe(HOSTILE_TITLE);
  });

  it('gives the same bytes for the same input', () => {
    const once = writeWithObjectStreams(withXmpPacket(readPdfkitFile(original), PACKET));
    const again = writeWithObjectStreams(withXmpPacket(readPdfkitFile(original), PACKET));
    expect(once.equals(again)).toBe(true);
  });

  it('refuses a file with no metadata stream to replace (pdfkit writes none for PDF 1.3)', async () => {
    const old = await pdfkitBytes('1.3');
    expect(() => withXmpPacket(readPdfkitFile(old), PACKET)).toThrow(UnexpectedPdfLayoutError);
    expect(() => withXmpPacket(readPdfkitFile(old), PACKET)).toThrow(/0 \/Metadata references in the catalog/);
  });
});

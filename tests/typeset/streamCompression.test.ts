/**
 * deflateStreams does to pdfkit's unfiltered file what pdfkit does with `compress: true`: the same
 * objects, byte for byte — page contents, an embedded font, the PDF/A output intent's ICC profile
 * (whose /Length pdfkit sets before writing), an attached file — with the XMP packet left as text.
 */
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readPdfkitFile, UnexpectedPdfLayoutError, type PdfkitFile } from '../../src/typeset/objectStreams.js';
import { deflateStreams } from '../../src/typeset/streamCompression.js';

const require = createRequire(import.meta.url);
type PdfkitDoc = {
  on(event: string, f: (chunk?: Buffer) => void): void;
  font(path: string): PdfkitDoc;
  text(s: string, x?: number, y?: number): PdfkitDoc;
  addPage(): PdfkitDoc;
  file(src: Buffer, options: object): PdfkitDoc;
  end(): void;
};
const PDFDocument = require('pdfkit') as new (options: object) => PdfkitDoc;
const amiri = new URL('../../fonts/amiri-latin-400.ttf', import.meta.url).pathname;

/** One document as pdfkit writes it, deflated by itself or not. */
function pdfkitFile(compress: boolean): Promise<PdfkitFile> {
  return new Promise((resolve) => {
    const date = new Date(0);
    const doc = new PDFDocument({ compress, pdfVersion: '1.7', subset: 'PDF/A-3b', info: { Title: 'sample', CreationDate: date, ModDate: date } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk) => chunks.push(chunk!));
    doc.on('end', () => resolve(readPdfkitFile(Buffer.concat(chunks))));
    doc.font(amiri);
    for (let page = 0; page < 3; page++) {
      if (page > 0) doc.addPage();
      doc.text(`page ${page + 1}: ${'the same words again, '.repeat(20)}`, 72, 72);
    }
    doc.file(Buffer.from(JSON.stringify({ figures: Array.from({ length: 200 }, (_, i) => i) })), {
      name: 'data.json',
      type: 'application/json',
      description: 'the data',
      relationship: 'Data',
      creationDate: date,
      modifiedDate: date,
    });
    doc.end();
  });
}

const bodies = (file: PdfkitFile) => new Map(file.objects.map((o) => [o.num, o.body.toString('latin1')]));

describe('deflateStreams', () => {
  it("writes, from pdfkit's unfiltered file, the objects pdfkit writes when it deflates them itself", async () => {
    const [plain, compressed] = await Promise.all([pdfkitFile(false), pdfkitFile(true)]);
    const deflated = await deflateStreams(plain);
    const streams = compressed.objects.filter((o) => o.body.toString('latin1').endsWith('endstream'));
    expect(streams.length).toBeGreaterThan(6); // three pages, the font's streams, the ICC profile, the attachment, the XMP packet
    expect(bodies(deflated)).toEqual(bodies(compressed));
  });

  it('leaves the XMP packet unfiltered and readable as text, and streams already filtered as they are', async () => {
    const plain = await pdfkitFile(false);
    const deflated = bodies(await deflateStreams(plain));
    const metadata = [...deflated.values()].find((body) => body.includes('/Type /Metadata'));
    expect(metadata).toContain('<x:xmpmeta');
    expect(metadata).not.toContain('/Filter');
    // Run again on its own output, it finds nothing left to deflate.
    expect(bodies(await deflateStreams(await deflateStreams(plain)))).toEqual(deflated);
  });

  it('deflates losslessly: each stream inflates to the data pdfkit wrote', async () => {
    const plain = await pdfkitFile(false);
    const deflated = await deflateStreams(plain);
    const before = bodies(plain);
    for (const { num, body } of deflated.objects) {
      const text = body.toString('latin1');
      if (!text.includes('/Filter /FlateDecode') || before.get(num)!.includes('/Filter')) continue;
      const data = body.subarray(body.indexOf('\nstream\n') + 8, body.length - '\nendstream'.length);
      const original = before.get(num)!;
      expect(inflateSync(data).toString('latin1')).toBe(original.slice(original.indexOf('\nstream\n') + 8, original.length - '\nendstream'.length));
    }
  });

  it('refuses a stream whose /Length is not its data, rather than guess', async () => {
    const plain = await pdfkitFile(false);
    const broken = plain.objects.map((o) => {
      const text = o.body.toString('latin1');
      return text.includes('/Type /EmbeddedFile') ? { num: o.num, body: Buffer.from(text.replace(/\/Length \d+/, '/Length 1'), 'latin1') } : o;
    });
    await expect(deflateStreams({ ...plain, objects: broken })).rejects.toThrow(UnexpectedPdfLayoutError);
  });
});

/**
 * A final writing step: the document's XMP packet (document/metadata.ts: escaped, agreeing with the
 * Info dictionary) put in place of the one pdfkit writes. pdfkit 0.19.1 always writes a packet for a
 * PDF newer than 1.3, built by pasting the Info values into XML unescaped (a title with "&" makes it
 * invalid XML). Rather than replace pdfkit's method that writes it, the written file's metadata
 * stream — the object the catalog's /Metadata names — gets the engine's packet as its content: the
 * same object number, nothing of pdfkit's changed at run time.
 */
import { UnexpectedPdfLayoutError, type PdfkitFile } from './objectStreams.js';

/** The metadata stream's body: unfiltered (PDF/A: a reader finds the packet by scanning). */
function metadataStream(xmp: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`<<\n/Type /Metadata\n/Subtype /XML\n/Length ${xmp.length}\n>>\nstream\n`, 'latin1'),
    xmp,
    Buffer.from('\nendstream', 'latin1'),
  ]);
}

/** The object a top-level entry of a dictionary refers to (pdfkit writes one entry per line). */
function referenceIn(dictionary: string, key: string, where: string): number {
  const found = [...dictionary.matchAll(new RegExp(`^/${key} (\\d+) 0 R$`, 'gm'))];
  if (found.length !== 1) throw new UnexpectedPdfLayoutError(`${found.length} /${key} references in the ${where}`);
  return Number(found[0]![1]);
}

/** The same file with `xmp` (UTF-8) as the content of its metadata stream. */
export function withXmpPacket(file: PdfkitFile, xmp: string): PdfkitFile {
  const root = referenceIn(file.trailerEntries, 'Root', 'trailer');
  const catalog = file.objects.find((o) => o.num === root);
  if (catalog === undefined) throw new UnexpectedPdfLayoutError(`no catalog object ${root}`);
  const metadata = referenceIn(catalog.body.toString('latin1'), 'Metadata', 'catalog');
  const old = file.objects.find((o) => o.num === metadata);
  if (old === undefined || !/^<<\n(?:.*\n)*?\/Type \/Metadata\n/.test(old.body.subarray(0, 200).toString('latin1'))) {
    throw new UnexpectedPdfLayoutError(`object ${metadata} is not a metadata stream`);
  }
  const body = metadataStream(Buffer.from(xmp, 'utf8'));
  return { ...file, objects: file.objects.map((o) => (o.num === metadata ? { num: o.num, body } : o)) };
}

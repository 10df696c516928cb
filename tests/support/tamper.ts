/** Fixtures for `briefs verify`: a built PDF altered the ways a file is altered in circulation (mupdf, saved incrementally as an editor saves). */
import * as mupdf from 'mupdf';
import { openPdf } from './pdfObjects.js';

function save(doc: mupdf.PDFDocument): Uint8Array {
  return doc.saveToBuffer('incremental').asUint8Array().slice();
}

/** One byte of page `page`'s (1-based) drawing changed: a digit of a drawing operand. */
export function changeContentByte(bytes: Uint8Array, page: number): Uint8Array {
  const doc = openPdf(bytes);
  let contents = doc.findPage(page - 1).get('Contents');
  if (contents.isArray()) contents = contents.get(0);
  const data = Buffer.from(contents.readStream().asUint8Array());
  // The first digit of a number in the stream, made another digit.
  const at = data.findIndex((byte) => byte >= 0x31 && byte <= 0x38);
  data[at] = data[at]! + 1;
  contents.writeStream(data);
  return save(doc);
}

/** The attachment's bytes replaced by `replacement` (another edition's data, or an edited copy). */
export function replaceAttachment(bytes: Uint8Array, replacement: Uint8Array): Uint8Array {
  const doc = openPdf(bytes);
  const stream = doc.getTrailer().get('Root').get('AF').get(0).get('EF').get('F');
  stream.writeStream(replacement);
  stream.get('Params').put('Size', replacement.byteLength);
  return save(doc);
}

export function attachmentBytes(bytes: Uint8Array): Uint8Array {
  return openPdf(bytes).getTrailer().get('Root').get('AF').get(0).get('EF').get('F').readStream().asUint8Array().slice();
}

/** No attachment at all: the catalog's AF array and the embedded-files name tree removed. */
export function removeAttachment(bytes: Uint8Array): Uint8Array {
  const doc = openPdf(bytes);
  const root = doc.getTrailer().get('Root');
  root.delete('AF');
  root.get('Names').delete('EmbeddedFiles');
  return save(doc);
}

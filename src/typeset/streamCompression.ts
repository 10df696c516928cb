/**
 * A final writing step: the streams deflated, all at once, on libuv's thread pool. pdfkit deflates
 * each stream on the main thread as it finishes the object (`deflateSync`): a brief's page contents,
 * its font, the output intent's profile and the attached data (the glyph forms come deflated from
 * the adapter's memo): 12-17 ms of a warm rebuild of troops, as much as its garbage collection.
 * pdfkit writes them unfiltered here (the definition's `compress: false`), and this step does what
 * pdfkit would have done — deflate every stream that has no filter, except the XMP packet (PDF/A: a
 * reader finds it by scanning) — with zlib's asynchronous deflate, so the two cores share the work.
 * Same zlib, same level, same dictionary entries in the same order: the same bytes as pdfkit's.
 */
import { deflate } from 'node:zlib';
import { promisify } from 'node:util';
import { isStream, UnexpectedPdfLayoutError, type PdfkitFile } from './objectStreams.js';

const deflateAsync = promisify(deflate);

const STREAM = Buffer.from('\nstream\n', 'latin1');
const ENDSTREAM = Buffer.from('\nendstream', 'latin1');

/** A stream object's dictionary text and data; null for an object that is not a stream. */
function splitStream(body: Buffer): { dictionary: string; data: Buffer } | null {
  if (!isStream(body)) return null;
  // A dictionary pdfkit writes is text: the first "\nstream\n" ends it.
  const at = body.indexOf(STREAM);
  if (at < 0) throw new UnexpectedPdfLayoutError('a stream without its "stream" keyword');
  return { dictionary: body.subarray(0, at).toString('latin1'), data: body.subarray(at + STREAM.length, body.length - ENDSTREAM.length) };
}

/** Top-level entries of a dictionary pdfkit wrote: one per line, between "<<" and ">>" on their own lines. */
const LENGTH = /^\/Length (\d+)$/m;
const FILTERED = /^\/Filter /m;
const METADATA = /^\/Type \/Metadata$/m;

/**
 * The stream's body as pdfkit writes it compressed: the deflated data, its length, and /Filter as the
 * dictionary's last entry (pdfkit adds it as the first data is written, after every entry set before;
 * none of its streams gains an entry later — tests/typeset/streamCompression.test.ts holds pdfkit to it).
 */
async function deflated(dictionary: string, data: Buffer, started?: Promise<Buffer>): Promise<Buffer> {
  const length = LENGTH.exec(dictionary);
  if (!length || Number(length[1]) !== data.length) throw new UnexpectedPdfLayoutError('a stream whose /Length is not its data');
  const packed = await (started ?? deflateAsync(data));
  const head = `${dictionary.replace(LENGTH, `/Length ${packed.length}`).replace(/\n>>$/, '')}\n/Filter /FlateDecode\n>>`;
  return Buffer.concat([Buffer.from(head, 'latin1'), STREAM, packed, ENDSTREAM]);
}

/** A stream's data known before pdfkit writes it (an attached file), deflating while the pages are typeset. */
export interface EarlyDeflate {
  data: Uint8Array;
  deflated: Promise<Buffer>;
}

/** Starts deflating data that will be a stream of the file, so the thread pool works while the main thread typesets. */
export function deflateEarly(data: Uint8Array): EarlyDeflate {
  const deflated = deflateAsync(data);
  // Awaited by deflateStreams; a render that fails first never awaits it, and that is no crash.
  deflated.catch(() => {});
  return { data, deflated };
}

/** The same file with every unfiltered stream but the metadata deflated (with `early`'s result where its data is the stream's). */
export async function deflateStreams(file: PdfkitFile, early: readonly EarlyDeflate[] = []): Promise<PdfkitFile> {
  const objects = await Promise.all(
    file.objects.map(async (object) => {
      const stream = splitStream(object.body);
      if (stream === null || stream.data.length === 0 || FILTERED.test(stream.dictionary) || METADATA.test(stream.dictionary)) return object;
      const known = early.find((entry) => Buffer.from(entry.data.buffer, entry.data.byteOffset, entry.data.byteLength).equals(stream.data));
      return { num: object.num, body: await deflated(stream.dictionary, stream.data, known?.deflated) };
    }),
  );
  return { ...file, objects };
}

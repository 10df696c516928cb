/**
 * A final writing step: pdfkit writes the document's streams unfiltered (render.ts asks it to) and
 * they are deflated here, exactly as pdfkit would deflate them (zlib's defaults, /Filter last,
 * after /Length): the glyph outline forms (one per glyph drawn) each distinct outline once per process —
 * the briefs draw the same few hundred glyphs — and the other streams (page contents, fonts, the
 * colour profile, the attachment) each once. (zlib's asynchronous deflate on the thread pool was
 * measured too: its stream machinery cost the main thread more than it saved, on a loaded machine.)
 *
 * Why not let pdfkit deflate them: the file before this step is what the site's thumbnails are
 * drawn from (render.ts, `rasterCopy`). pdf.js decodes a form's stream again at every use of the
 * form — 984 times on the fact sheet's first page, each through a DecompressionStream — and
 * unfiltered outlines draw the same PNG in less than half the time; unfiltered page contents spare
 * it an inflate too. The XMP packet stays unfiltered (PDF/A: a reader finds it by scanning).
 */
import { deflateSync } from 'node:zlib';
import { UnexpectedPdfLayoutError, type PdfkitFile } from './objectStreams.js';

const FORM_HEAD = '<<\n/Subtype /Form\n';
const STREAM = '\n>>\nstream\n';
const ENDSTREAM = '\nendstream';
const LENGTH = /\n\/Length (\d+)(?=\n|$)/;

/** Deflated outlines by their unfiltered bytes (latin1): a bounded set, the glyphs of the process's fonts. */
const deflated = new Map<string, Buffer>();

function deflatedOnce(data: Buffer): Buffer {
  const key = data.toString('latin1');
  let bytes = deflated.get(key);
  if (bytes === undefined) deflated.set(key, (bytes = deflateSync(data)));
  return bytes;
}

/** An unfiltered stream object, split: its dictionary (up to `>>`), where its /Length entry is, and its data. */
interface UnfilteredStream {
  dict: string;
  length: RegExpExecArray;
  data: Buffer;
}

/** The body's stream, when it is one without a filter; undefined for anything else. */
function unfilteredStream(num: number, body: Buffer): UnfilteredStream | undefined {
  if (body.subarray(0, 3).toString('latin1') !== '<<\n') return undefined;
  if (body.subarray(body.length - ENDSTREAM.length).toString('latin1') !== ENDSTREAM) return undefined;
  const dictEnd = body.indexOf(STREAM, 0, 'latin1');
  if (dictEnd < 0) return undefined;
  const dict = body.subarray(0, dictEnd).toString('latin1');
  if (dict.includes('/Filter')) return undefined;
  const length = LENGTH.exec(dict);
  const data = body.subarray(dictEnd + STREAM.length, body.length - ENDSTREAM.length);
  if (!length || Number(length[1]) !== data.length) throw new UnexpectedPdfLayoutError(`stream ${num}'s length`);
  return { dict, length, data };
}

/**
 * The stream's body with `packed` as its data, in pdfkit's own order for a deflated stream: /Filter
 * last (pdfkit adds it on the first write, after every key the stream was made with, /Length included).
 */
function withData({ dict, length }: UnfilteredStream, packed: Buffer): Buffer {
  const head = `${dict.slice(0, length.index)}\n/Length ${packed.length}${dict.slice(length.index + length[0].length)}\n/Filter /FlateDecode${STREAM}`;
  return Buffer.concat([Buffer.from(head, 'latin1'), packed, Buffer.from(ENDSTREAM, 'latin1')]);
}

/** An unfiltered form XObject's body with its stream deflated; any other object's body unchanged. */
function deflatedForm(num: number, body: Buffer): Buffer {
  if (body.subarray(0, FORM_HEAD.length).toString('latin1') !== FORM_HEAD) return body;
  const dictEnd = body.indexOf(STREAM, 0, 'latin1');
  if (dictEnd < 0) throw new UnexpectedPdfLayoutError(`form ${num} has no stream`);
  const stream = unfilteredStream(num, body);
  if (stream !== undefined) return withData(stream, deflatedOnce(stream.data));
  if (!body.subarray(0, dictEnd).toString('latin1').includes('/Filter')) throw new UnexpectedPdfLayoutError(`form ${num}'s stream`);
  return body;
}

/** The same file with every unfiltered form XObject deflated. */
export function withDeflatedForms(file: PdfkitFile): PdfkitFile {
  return { ...file, objects: file.objects.map((o) => ({ num: o.num, body: deflatedForm(o.num, o.body) })) };
}

/** The same file with every unfiltered stream deflated, the metadata stream excepted. */
export function withDeflatedStreams(file: PdfkitFile): PdfkitFile {
  const objects = file.objects.map(({ num, body }) => {
    if (body.subarray(0, FORM_HEAD.length).toString('latin1') === FORM_HEAD) return { num, body: deflatedForm(num, body) };
    const stream = unfilteredStream(num, body);
    if (stream === undefined || /\n\/Type \/Metadata(?=\n)/.test(stream.dict)) return { num, body };
    return { num, body: withData(stream, deflateSync(stream.data)) };
  });
  return { ...file, objects };
}

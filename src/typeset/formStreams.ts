/**
 * A final writing step: the glyph outline forms (form XObjects, one per glyph drawn) are written by
 * pdfkit unfiltered (pdfmakeAdapter.ts asks it to) and deflated here, exactly as pdfkit would
 * deflate them, each distinct outline once per process: the briefs draw the same few hundred glyphs.
 *
 * Why not let pdfkit deflate them: the file before this step is what the site's thumbnails are
 * drawn from (render.ts, `rasterCopy`). pdf.js decodes a form's stream again at every use of the
 * form — 984 times on the fact sheet's first page, each through a DecompressionStream — and
 * unfiltered outlines draw the same PNG in less than half the time.
 */
import { deflateSync } from 'node:zlib';
import { UnexpectedPdfLayoutError, type PdfkitFile } from './objectStreams.js';

const FORM_HEAD = '<<\n/Subtype /Form\n';
const STREAM = '\n>>\nstream\n';
const ENDSTREAM = '\nendstream';

/** Deflated outlines by their unfiltered bytes (latin1): a bounded set, the glyphs of the process's fonts. */
const deflated = new Map<string, Buffer>();

function deflatedOnce(data: Buffer): Buffer {
  const key = data.toString('latin1');
  let bytes = deflated.get(key);
  if (bytes === undefined) deflated.set(key, (bytes = deflateSync(data)));
  return bytes;
}

/** An unfiltered form XObject's body with its stream deflated; any other object's body unchanged. */
function deflatedForm(num: number, body: Buffer): Buffer {
  if (body.subarray(0, FORM_HEAD.length).toString('latin1') !== FORM_HEAD) return body;
  const dictEnd = body.indexOf(STREAM, 0, 'latin1');
  if (dictEnd < 0) throw new UnexpectedPdfLayoutError(`form ${num} has no stream`);
  const dict = body.subarray(0, dictEnd).toString('latin1');
  if (dict.includes('/Filter')) return body;
  const length = /\n\/Length (\d+)$/.exec(dict);
  const data = body.subarray(dictEnd + STREAM.length, body.length - ENDSTREAM.length);
  if (!length || Number(length[1]) !== data.length || body.subarray(body.length - ENDSTREAM.length).toString('latin1') !== ENDSTREAM) {
    throw new UnexpectedPdfLayoutError(`form ${num}'s stream`);
  }
  const packed = deflatedOnce(data);
  // pdfkit's own order for a deflated stream: /Length, then /Filter.
  const head = `${dict.slice(0, length.index)}\n/Length ${packed.length}\n/Filter /FlateDecode${STREAM}`;
  return Buffer.concat([Buffer.from(head, 'latin1'), packed, Buffer.from(ENDSTREAM, 'latin1')]);
}

/** The same file with every unfiltered form XObject deflated. */
export function withDeflatedForms(file: PdfkitFile): PdfkitFile {
  return { ...file, objects: file.objects.map((o) => ({ num: o.num, body: deflatedForm(o.num, o.body) })) };
}

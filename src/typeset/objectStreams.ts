/**
 * The last step of writing a PDF: pdfkit writes every object on its own, uncompressed, with a classic
 * cross-reference table. A tagged brief has thousands of small dictionaries (structure elements, link
 * annotations, the parent tree), which then weigh more than its pages. PDF 1.5 object streams store
 * those dictionaries together, deflated, indexed by a cross-reference stream: the same objects, the
 * same numbers, a fraction of the bytes. Streams (pages' content, fonts, images, the XMP packet, the
 * attachment) cannot go into an object stream and stay as they are; so do the catalog and the Info
 * dictionary, which the trailer names.
 *
 * Input is pdfkit's own output (one `N 0 obj … endobj` per object, generation 0, a classic xref
 * table and trailer); anything else is refused rather than guessed at.
 */
import { deflateSync } from 'node:zlib';

/** Dictionaries per object stream: readers inflate a whole stream to reach one object in it. */
const OBJECTS_PER_STREAM = 200;

export class UnexpectedPdfLayoutError extends Error {
  constructor(detail: string) {
    super(`objectStreams: not the layout pdfkit writes (${detail}); pdfkit changed?`);
    this.name = 'UnexpectedPdfLayoutError';
  }
}

/** A file as pdfkit wrote it, object by object: what the final writing steps read and rewrite. */
export interface PdfkitFile {
  header: Buffer;
  /** In-use objects by number, in file order: the bytes between `N 0 obj` and `endobj`, trimmed. */
  objects: { num: number; body: Buffer }[];
  size: number;
  /** The trailer's entries other than /Size (Root, Info, ID), as written. */
  trailerEntries: string;
  trailerRefs: Set<number>;
}

/** Reads pdfkit's output into its objects and trailer; refuses any other layout. */
export function readPdfkitFile(input: Uint8Array): PdfkitFile {
  const pdf = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const tail = pdf.subarray(Math.max(0, pdf.length - 64)).toString('latin1');
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!start) throw new UnexpectedPdfLayoutError('no startxref at the end');
  const xrefAt = Number(start[1]);
  const xrefHead = /^xref\n0 (\d+)\n/.exec(pdf.subarray(xrefAt, xrefAt + 32).toString('latin1'));
  if (!xrefHead) throw new UnexpectedPdfLayoutError('no classic xref table');
  const size = Number(xrefHead[1]);
  const entriesAt = xrefAt + xrefHead[0].length;
  const offsets: { num: number; offset: number }[] = [];
  for (let num = 0; num < size; num++) {
    const entry = pdf.subarray(entriesAt + num * 20, entriesAt + num * 20 + 20).toString('latin1');
    const m = /^(\d{10}) (\d{5}) ([nf])/.exec(entry);
    if (!m) throw new UnexpectedPdfLayoutError(`xref entry ${num}`);
    if (m[3] === 'n') {
      if (m[2] !== '00000') throw new UnexpectedPdfLayoutError(`object ${num} has generation ${m[2]}`);
      offsets.push({ num, offset: Number(m[1]) });
    }
  }
  const trailerText = pdf.subarray(entriesAt + size * 20, pdf.length).toString('latin1');
  const trailer = /^trailer\n<<\n([\s\S]*?)\n>>\nstartxref/.exec(trailerText);
  if (!trailer) throw new UnexpectedPdfLayoutError('trailer');
  const trailerEntries = trailer[1]!
    .split('\n')
    .filter((line) => !line.startsWith('/Size '))
    .join('\n');
  const trailerRefs = new Set([...trailerEntries.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1])));

  offsets.sort((a, b) => a.offset - b.offset);
  const objects = offsets.map(({ num, offset }, i) => {
    const end = i + 1 < offsets.length ? offsets[i + 1]!.offset : xrefAt;
    const text = pdf.subarray(offset, end);
    const head = `${num} 0 obj\n`;
    if (text.subarray(0, head.length).toString('latin1') !== head) throw new UnexpectedPdfLayoutError(`object ${num} at ${offset}`);
    const endobj = text.lastIndexOf('endobj');
    if (endobj < 0) throw new UnexpectedPdfLayoutError(`object ${num} has no endobj`);
    return { num, body: trimEnd(text.subarray(head.length, endobj)) };
  });
  return { header: pdf.subarray(0, offsets[0]?.offset ?? 0), objects, size, trailerEntries, trailerRefs };
}

function trimEnd(bytes: Buffer): Buffer {
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0x0a || bytes[end - 1] === 0x0d || bytes[end - 1] === 0x20)) end--;
  return bytes.subarray(0, end);
}

const ENDSTREAM = Buffer.from('endstream', 'latin1');

/** An object body (as PdfkitFile holds it) that is a stream: it ends with its "endstream". */
export function isStream(body: Buffer): boolean {
  return body.length >= ENDSTREAM.length && body.subarray(body.length - ENDSTREAM.length).equals(ENDSTREAM);
}

/** The same document with its non-stream objects in object streams and a cross-reference stream. */
export function packObjectStreams(input: Uint8Array): Buffer {
  return writeWithObjectStreams(readPdfkitFile(input));
}

/** Writes a file's objects: streams and the trailer's objects as they are, the other dictionaries in object streams. */
export function writeWithObjectStreams(file: PdfkitFile): Buffer {
  const { header, objects, size, trailerEntries, trailerRefs } = file;

  const direct = objects.filter((o) => isStream(o.body) || trailerRefs.has(o.num));
  const packable = objects.filter((o) => !isStream(o.body) && !trailerRefs.has(o.num)).sort((a, b) => a.num - b.num);

  const parts: Buffer[] = [header];
  let position = header.length;
  const push = (chunk: Buffer): void => {
    parts.push(chunk);
    position += chunk.length;
  };
  /** Cross-reference entries: [type, field 2, field 3] by object number. */
  const entries = new Map<number, [number, number, number]>();
  const writeObject = (num: number, body: Buffer): void => {
    entries.set(num, [1, position, 0]);
    push(Buffer.from(`${num} 0 obj\n`, 'latin1'));
    push(body);
    push(Buffer.from('\nendobj\n', 'latin1'));
  };
  const streamObject = (dict: string, data: Buffer): Buffer =>
    Buffer.concat([Buffer.from(`<<\n${dict}\n/Length ${data.length}\n>>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]);

  for (const o of direct) writeObject(o.num, o.body);

  let nextNum = size;
  for (let first = 0; first < packable.length; first += OBJECTS_PER_STREAM) {
    const group = packable.slice(first, first + OBJECTS_PER_STREAM);
    const streamNum = nextNum++;
    const index: string[] = [];
    const bodies: Buffer[] = [];
    let offset = 0;
    group.forEach((o, i) => {
      index.push(`${o.num} ${offset}`);
      bodies.push(o.body, Buffer.from('\n', 'latin1'));
      offset += o.body.length + 1;
      entries.set(o.num, [2, streamNum, i]);
    });
    const indexBytes = Buffer.from(index.join(' ') + '\n', 'latin1');
    const data = deflateSync(Buffer.concat([indexBytes, ...bodies]));
    writeObject(streamNum, streamObject(`/Type /ObjStm\n/N ${group.length}\n/First ${indexBytes.length}\n/Filter /FlateDecode`, data));
  }

  const xrefNum = nextNum++;
  const xrefAt = position;
  entries.set(xrefNum, [1, xrefAt, 0]);
  const width = [1, 4, 2] as const;
  const table = Buffer.alloc(nextNum * 7);
  for (let num = 0; num < nextNum; num++) {
    const [type, a, b] = entries.get(num) ?? (num === 0 ? [0, 0, 65535] : [0, 0, 0]);
    table.writeUInt8(type, num * 7);
    table.writeUInt32BE(a, num * 7 + width[0]);
    table.writeUInt16BE(b, num * 7 + width[0] + width[1]);
  }
  const xrefData = deflateSync(table);
  writeObject(xrefNum, streamObject(`/Type /XRef\n/Size ${nextNum}\n/W [${width.join(' ')}]\n${trailerEntries}\n/Filter /FlateDecode`, xrefData));
  push(Buffer.from(`startxref\n${xrefAt}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

/**
 * pdfmake document definition → PDF bytes, deterministically: every date inside is the data's as-of
 * date, producer and creator are fixed, so pdfkit's document ID (a hash of the info dictionary) is the
 * same on every run. Every document is PDF 1.7, PDF/A-3b (sRGB output intent, fonts embedded, XMP
 * identification), with Info and XMP made from one record (document/metadata.ts).
 */
import { readPdfkitFile, writeWithObjectStreams } from './objectStreams.js';
import { withXmpPacket } from './metadataStream.js';
import { deflateEarly, deflateStreams } from './streamCompression.js';
import { renderDocument, type PdfAttachment } from './pdfmakeAdapter.js';
import type { TypesetResult } from '../document/model.js';
import { documentDate, infoDictionary, xmpPacket, type DocumentMetadata } from '../document/metadata.js';
import type { DocumentStructure } from './structure/tree.js';
import { pageStartNode } from './textNodes.js';

export type { PdfAttachment } from './pdfmakeAdapter.js';

export interface RenderMetadata {
  title: string;
  subject?: string;
  author?: string;
  keywords?: string[];
  /** ISO date (yyyy-mm-dd) used as creation and modification date. */
  date: string;
  /** The edition (xmpMM:VersionID) and the document's stable identity (xmpMM:DocumentID). */
  edition?: { id: string; documentId: string };
  /** PDF/A-3 associated files (the edition's data). */
  attachments?: readonly PdfAttachment[];
  /** Info /Creator and xmp:CreatorTool: the generator with its version (default: the typesetter). */
  creator?: string;
}

export const PRODUCER = 'coalition-briefs typesetter (pdfmake 0.3.11)';

export const LANGUAGE = 'ar';

export function fixedDate(isoDate: string): Date {
  return documentDate(isoDate.slice(0, 10));
}

/** The document metadata of a render: what Info and XMP both say. */
export function documentMetadata(meta: RenderMetadata, tagged: boolean): DocumentMetadata {
  return {
    title: meta.title,
    subject: meta.subject ?? '',
    author: meta.author ?? '',
    keywords: meta.keywords ?? [],
    language: LANGUAGE,
    creator: meta.creator ?? PRODUCER,
    producer: PRODUCER,
    date: fixedDate(meta.date).toISOString().slice(0, 10),
    ...(meta.edition ? { edition: meta.edition } : {}),
    // Level B: level A is not claimed (its glyphs are drawn as outlines under an invisible text layer, a case no validator here has judged).
    pdfa: { part: 3, conformance: 'B' },
    ...(tagged ? { pdfua: { part: 1 as const } } : {}),
  };
}

/**
 * Renders a definition whose footer reports the page count through `onPageCount`. With a
 * structure, the PDF is tagged: its structure tree, bookmarks, links and viewer preferences (title
 * shown, pages right to left) are written as the pages are drawn (structure/tagWriter.ts).
 */
export async function renderDefinition(
  definition: Record<string, unknown>,
  meta: RenderMetadata,
  pageCount: () => number,
  structure?: DocumentStructure,
): Promise<TypesetResult> {
  const tagging = structure
    ? { tagged: true, displayTitle: true, background: () => pageStartNode({ kind: 'pageStart', document: structure }) }
    : {};
  const metadata = documentMetadata(meta, structure !== undefined);
  // The attached data is known now: the thread pool deflates it while the pages are typeset.
  const early = (meta.attachments ?? []).map((file) => deflateEarly(file.bytes));
  const written = await renderDocument({ ...definition, ...tagging }, {
    version: '1.7',
    subset: 'PDF/A-3b',
    language: LANGUAGE,
    info: infoDictionary(metadata),
    files: meta.attachments ?? [],
  });
  // The final writing steps, on pdfkit's file: the escaped XMP packet in place of pdfkit's, the streams deflated, object streams.
  const bytes = writeWithObjectStreams(await deflateStreams(withXmpPacket(readPdfkitFile(written), xmpPacket(metadata)), early));
  return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), pages: pageCount() };
}

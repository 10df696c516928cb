/**
 * pdfmake document definition → PDF bytes, deterministically: fixed dates, producer and creator,
 * so pdfkit's document ID (a hash of the info dictionary) is the same on every run.
 */
import { getPdfmake } from './pdfmakeAdapter.js';
import type { TypesetResult } from '../document/model.js';
import type { DocumentStructure } from './structure/tree.js';
import { pageStartNode } from './textNodes.js';

export interface RenderMetadata {
  title: string;
  subject?: string;
  author?: string;
  keywords?: string[];
  /** ISO date (yyyy-mm-dd) used as creation and modification date. */
  date: string;
}

export const PRODUCER = 'coalition-briefs typesetter (pdfmake 0.3.11)';

export function fixedDate(isoDate: string): Date {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) throw new Error(`invalid as-of date: ${isoDate}`);
  return date;
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
  const date = fixedDate(meta.date);
  const tagging = structure
    ? { tagged: true, displayTitle: true, background: () => pageStartNode({ kind: 'pageStart', document: structure }) }
    : {};
  const full = {
    ...definition,
    ...tagging,
    language: 'ar',
    info: {
      title: meta.title,
      subject: meta.subject ?? '',
      author: meta.author ?? '',
      keywords: (meta.keywords ?? []).join(', '),
      creator: PRODUCER,
      producer: PRODUCER,
      creationDate: date,
      modDate: date,
    },
  };
  const pdf = getPdfmake().createPdf(full);
  const bytes = await pdf.getBuffer();
  return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), pages: pageCount() };
}

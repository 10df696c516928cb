/**
 * The typesetting engine's input: a small, closed document model.
 *
 * Templates produce markup; `src/markup/` parses it into these blocks; `src/typeset/` turns them into
 * pdfmake nodes. Nothing outside this model can reach pdfmake, so no data string can create images,
 * file paths or arbitrary pdfmake nodes.
 *
 * All text is in logical (reading) order. The engine does bidi, shaping, font fallback and digits.
 */

import type { Digits } from '../arabic/digits.js';

export type { Digits } from '../arabic/digits.js';

/** A run of text inside a paragraph, heading, list item or table cell. */
export interface Inline {
  text: string;
  bold?: boolean;
  /** A citation marker, drawn small and raised (e.g. the source number "3"). */
  cite?: boolean;
  /** Keep this run left-to-right as a unit (an isolate), e.g. "35–50" or "10-05-2024". */
  ltr?: boolean;
  /** De-emphasised text (grey), e.g. a qualifier or a unit note. */
  muted?: boolean;
}

export type Cell = { content: Inline[]; header?: boolean; align?: 'start' | 'center' | 'end' };

export interface BarChartItem {
  label: string;
  /** A single value, or a range with min ≤ max. */
  value?: number;
  min?: number;
  max?: number;
  /** The value as printed when it says more than the number ("أكثر من 4000"): a bound never shows as an exact count. */
  shown?: string;
  /** Short note under the label, e.g. the claimant. */
  note?: string;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; content: Inline[]; /** listed in the table of contents */ toc?: boolean }
  | { kind: 'paragraph'; content: Inline[]; style?: 'body' | 'lead' | 'note' }
  | { kind: 'list'; ordered: boolean; items: Inline[][]; /** the source list: citation marker n refers to item n */ sources?: boolean }
  | {
      kind: 'table';
      /** Header rows repeat on every page the table spans. */
      header: Cell[][];
      rows: Cell[][];
      /** Relative column weights, first column first (it is drawn on the right). */
      weights?: number[];
    }
  | { kind: 'box'; title?: Inline[]; tone: 'accent' | 'neutral'; blocks: Block[] }
  | { kind: 'keyFigures'; items: { value: Inline[]; label: Inline[] }[] }
  | { kind: 'chart'; title: string; unit?: string; items: BarChartItem[] }
  | { kind: 'toc'; title: string }
  | { kind: 'cover'; title: string; subtitle?: string; lines: string[]; /** A QR code to `url`, captioned; `page`: the same page inside the site. */ qr?: { url: string; caption: string; page?: string } }
  | { kind: 'pageBreak' };

export interface TypesetDocument {
  /** PDF metadata and the running header. */
  title: string;
  subject: string;
  author: string;
  keywords: string[];
  /** The data's as-of date (ISO yyyy-mm-dd): the PDF's creation date and the footer's "data as of". */
  asOf: string;
  /** Footer text beside the page number, e.g. "البيانات حتى 23 أغسطس/آب 2021". */
  footerNote: string;
  digits: Digits;
  blocks: Block[];
  /** The edition id (XMP xmpMM:VersionID) and the document's stable identity (xmpMM:DocumentID). */
  edition?: { id: string; documentId: string };
  /** Info /Creator and xmp:CreatorTool: the generator and its version. */
  creator?: string;
  /** Files embedded as PDF/A-3 associated files (the edition's data). */
  attachments?: readonly DocumentAttachment[];
}

/** A file embedded in the PDF as an associated file of the document. */
export interface DocumentAttachment {
  name: string;
  bytes: Uint8Array;
  mimeType: string;
  description: string;
  relationship: 'Source' | 'Data' | 'Alternative' | 'Supplement' | 'Unspecified';
  date: Date;
}

export interface TypesetResult {
  bytes: Uint8Array;
  pages: number;
}

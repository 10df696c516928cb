/**
 * What `briefs verify` reads of a PDF, with pdf.js (a dependency already, for the site's
 * thumbnails), so a file rewritten by another program (qpdf, a viewer's "save") still reads: its
 * attachments, its XMP edition id, and a digest of each page's drawing (the operators pdf.js
 * interprets, not the bytes that encode them).
 */
import { createHash } from 'node:crypto';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfReading {
  pages: number;
  /** Embedded files by name. */
  attachments: Map<string, Uint8Array>;
  /** xmpMM:VersionID of the XMP packet (the edition id), if any. */
  editionId: string | undefined;
  /** sha256 of each page's operators, page 1 first. */
  pageDigests: string[];
}

/** A value of an operator's arguments, as stable text (typed arrays as lists; pdf.js's per-document font names without their document number). */
function stable(value: unknown): unknown {
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
  if (Array.isArray(value)) return value.map(stable);
  if (typeof value === 'string') return value.replace(/^g_d\d+_/, 'g_');
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, stable(item)]));
  return value;
}

export class NotAPdfError extends Error {}

export async function readPdf(bytes: Uint8Array, options: { pages?: boolean } = {}): Promise<PdfReading> {
  let document;
  try {
    document = await getDocument({
      // pdf.js detaches the buffer it is given: hand it a copy.
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: true,
      verbosity: 0,
    }).promise;
  } catch (error) {
    throw new NotAPdfError(`not a readable PDF (${(error as Error).message})`);
  }
  try {
    const found = ((await document.getAttachments()) ?? {}) as Record<string, { filename: string; content: Uint8Array }>;
    const attachments = new Map(Object.values(found).map((file) => [file.filename, file.content]));
    const { metadata } = await document.getMetadata();
    const editionId = (metadata?.get('xmpmm:versionid') as string | null | undefined) ?? undefined;
    const pageDigests: string[] = [];
    if (options.pages !== false) {
      for (let number = 1; number <= document.numPages; number++) {
        const page = await document.getPage(number);
        const operators = await page.getOperatorList();
        const hash = createHash('sha256');
        operators.fnArray.forEach((fn, i) => hash.update(`${fn}:${JSON.stringify(stable(operators.argsArray[i]))}\n`));
        pageDigests.push(hash.digest('hex'));
        page.cleanup();
      }
    }
    return { pages: document.numPages, attachments, editionId, pageDigests };
  } finally {
    await document.destroy();
  }
}

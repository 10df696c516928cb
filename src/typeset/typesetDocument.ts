/**
 * TypesetDocument → PDF: cover, running header and footer, table of contents, every block kind.
 */
import { contentsHeadings, type Block, type Inline, type TypesetDocument, type TypesetResult } from '../document/index.js';
import { blocksToNodes, type BlockContext } from './blocks.js';
import { Composition } from './composition.js';
import { CONTENT_HEIGHT, CONTENT_WIDTH, pageFooter, pageGeometry, pageHeader } from './furniture.js';
import { lineHeight } from './fontRegistry.js';
import { renderDefinition } from './render.js';
import { FONT_SIZE, COLOR } from './styles.js';
import { newDocumentStructure } from './structure/tree.js';
import { performance } from 'node:perf_hooks';

export async function typesetDocument(doc: TypesetDocument): Promise<TypesetResult> {
  const tocHeadings = contentsHeadings(doc.blocks);
  const headingIds = new Map<Block, string>();
  const tocEntries: { id: string; level: number; content: Inline[] }[] = [];
  tocHeadings.forEach((h, i) => {
    const id = `heading-${i + 1}`;
    headingIds.set(h, id);
    tocEntries.push({ id, level: h.level, content: h.content });
  });
  const composition = new Composition({ lineHeight, font: 'AmiriArabic', fontSize: FONT_SIZE.body, pageHeight: CONTENT_HEIGHT });
  const structure = newDocumentStructure();
  const ctx: BlockContext = {
    digits: doc.digits,
    width: CONTENT_WIDTH,
    lineWidth: CONTENT_WIDTH,
    headingIds,
    tocEntries,
    composition,
    structure: { document: structure, parent: structure.root, heading: { level: 0 } },
  };
  const hasCover = doc.blocks[0]?.kind === 'cover';
  let pages = 0;
  // The engine's own work, every paragraph set into lines, timed as a build step (pipeline/stepTimes.ts);
  // the rest of the typeset step is pdfmake's flow and the PDF.
  const linesStart = performance.now();
  const content = blocksToNodes(doc.blocks, ctx);
  performance.measure('briefs:lines', { start: linesStart, end: performance.now() });

  return renderDefinition(
    {
      ...pageGeometry,
      defaultStyle: { font: 'AmiriArabic', fontSize: FONT_SIZE.body, color: COLOR.text, lineHeight: 1 },
      // Headings keep with what follows, sections start where the page has room (composition.ts).
      content,
      header: (current: number) => (hasCover && current === 1 ? null : pageHeader(doc.title, doc.digits)),
      footer: (current: number, count: number) => {
        pages = Math.max(pages, count);
        return hasCover && current === 1 ? null : pageFooter(current, count, doc.footerNote, doc.digits);
      },
    },
    {
      title: doc.title,
      subject: doc.subject,
      author: doc.author,
      keywords: doc.keywords,
      date: doc.asOf,
      ...(doc.edition ? { edition: doc.edition } : {}),
      ...(doc.attachments ? { attachments: doc.attachments } : {}),
      ...(doc.creator ? { creator: doc.creator } : {}),
    },
    () => pages,
    structure,
  );
}

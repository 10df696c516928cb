/**
 * TypesetDocument → PDF: cover, running header and footer, table of contents, every block kind.
 */
import type { Block, Inline, TypesetDocument, TypesetResult } from './document.js';
import { blocksToNodes, type BlockContext } from './blocks.js';
import { Composition } from './composition.js';
import { CONTENT_WIDTH, pageFooter, pageGeometry, pageHeader } from './furniture.js';
import { renderDefinition } from './render.js';
import { FONT_SIZE, COLOR } from './styles.js';

/** Headings marked toc:true, found anywhere (including inside boxes), in document order. */
function collectTocHeadings(blocks: readonly Block[], found: Extract<Block, { kind: 'heading' }>[] = []) {
  for (const block of blocks) {
    if (block.kind === 'heading' && block.toc) found.push(block);
    if (block.kind === 'box') collectTocHeadings(block.blocks, found);
  }
  return found;
}

export async function typesetDocument(doc: TypesetDocument): Promise<TypesetResult> {
  const tocHeadings = collectTocHeadings(doc.blocks);
  const headingIds = new Map<Block, string>();
  const tocEntries: { id: string; level: number; content: Inline[] }[] = [];
  tocHeadings.forEach((h, i) => {
    const id = `heading-${i + 1}`;
    headingIds.set(h, id);
    tocEntries.push({ id, level: h.level, content: h.content });
  });
  const composition = new Composition();
  const ctx: BlockContext = { digits: doc.digits, width: CONTENT_WIDTH, lineWidth: CONTENT_WIDTH, headingIds, tocEntries, composition };
  const hasCover = doc.blocks[0]?.kind === 'cover';
  let pages = 0;

  return renderDefinition(
    {
      ...pageGeometry,
      defaultStyle: { font: 'AmiriArabic', fontSize: FONT_SIZE.body, color: COLOR.text, lineHeight: 1 },
      content: blocksToNodes(doc.blocks, ctx),
      header: (current: number) => (hasCover && current === 1 ? null : pageHeader(doc.title, doc.digits)),
      footer: (current: number, count: number) => {
        pages = Math.max(pages, count);
        return hasCover && current === 1 ? null : pageFooter(current, count, doc.footerNote, doc.digits);
      },
      // Headings keep with what follows; sections start where the page has room (composition.ts).
      pageBreakBefore: composition.pageBreakBefore,
    },
    {
      title: doc.title,
      subject: doc.subject,
      author: doc.author,
      keywords: doc.keywords,
      date: doc.asOf,
      ...(doc.edition ? { edition: doc.edition } : {}),
      ...(doc.attachments ? { attachments: doc.attachments } : {}),
    },
    () => pages,
  );
}

/** The table of contents: the headings marked for it, the same list for the PDF and the HTML edition. */
import type { Block } from './model.js';

export type Heading = Extract<Block, { kind: 'heading' }>;

/** Headings marked `toc`, found anywhere (including inside boxes), in document order. */
export function contentsHeadings(blocks: readonly Block[]): Heading[] {
  const found: Heading[] = [];
  const visit = (block: Block): void => {
    if (block.kind === 'heading' && block.toc) found.push(block);
    if (block.kind === 'box') block.blocks.forEach(visit);
  };
  blocks.forEach(visit);
  return found;
}

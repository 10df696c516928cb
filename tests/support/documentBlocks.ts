/** Walks over a document's blocks, for tests that check what the blocks hold. */
import type { Block, Inline } from '../../src/document/index.js';

/** Every block of the document, boxes opened. */
export function allBlocks(blocks: readonly Block[]): Block[] {
  return blocks.flatMap((block) => (block.kind === 'box' ? [block, ...allBlocks(block.blocks)] : [block]));
}

/** All inline runs of the document's text blocks. */
export function allInlines(blocks: readonly Block[]): Inline[] {
  return allBlocks(blocks).flatMap((block): Inline[] => {
    switch (block.kind) {
      case 'heading':
      case 'paragraph':
        return block.content;
      case 'list':
        return block.items.flat();
      case 'table':
        return [...block.header, ...block.rows].flat().flatMap((cell) => cell.content);
      case 'keyFigures':
        return block.items.flatMap((item) => [...item.value, ...item.label]);
      case 'box':
        return block.title ?? [];
      default:
        return [];
    }
  });
}

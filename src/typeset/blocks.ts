/**
 * Blocks of the document model → pdfmake nodes, right to left: tables and columns are mirrored
 * (pdfmake lays them out left to right), list markers sit on the right, text goes through the
 * paragraph pipeline (bidi pieces) and is aligned by the line re-orderer.
 */
import type { Block } from '../document/index.js';
import { box } from './blocks/box.js';
import { chart } from './blocks/chart.js';
import { toc } from './blocks/contents.js';
import type { BlockContext, Node } from './blocks/context.js';
import { cover } from './blocks/cover.js';
import { keyFigures } from './blocks/keyFigures.js';
import { table } from './blocks/table.js';
import { heading, list, paragraph } from './blocks/text.js';

export type { BlockContext, Node } from './blocks/context.js';

export function blockNode(block: Block, ctx: BlockContext): Node | undefined {
  switch (block.kind) {
    case 'heading':
      return heading(block, ctx);
    case 'paragraph':
      return paragraph(block, ctx);
    case 'list':
      return list(block, ctx);
    case 'table':
      return table(block, ctx);
    case 'box':
      return box(block, ctx);
    case 'keyFigures':
      return keyFigures(block, ctx);
    case 'chart':
      return chart(block, ctx);
    case 'toc':
      return toc(block, ctx);
    case 'cover':
      return cover(block, ctx);
    case 'pageBreak':
      return undefined;
  }
}

export function blocksToNodes(blocks: readonly Block[], ctx: BlockContext): Node[] {
  const nodes: Node[] = [];
  let breakBefore = false;
  for (const block of blocks) {
    if (block.kind === 'pageBreak') {
      breakBefore = nodes.length > 0;
      continue;
    }
    const node = blockNode(block, ctx);
    if (!node) continue;
    if (breakBefore) node.pageBreak = 'before';
    breakBefore = false;
    nodes.push(node);
  }
  // Room reserved before what keeps with what follows it (composition.ts).
  return ctx.composition.flow(nodes);
}

/** What the document model says a brief's structure must hold, read from its blocks. */
import type { Block, Inline } from '../../src/document/index.js';

export const plainText = (content: readonly Inline[], withCitations = true): string =>
  content
    .filter((inline) => withCitations || !inline.cite)
    .map((inline) => inline.text)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();

/** Headings and box titles, in document order: a box title heads its box one level below the section it is in. */
export function expectedHeadings(blocks: readonly Block[], state = { level: 0 }, out: { level: number; text: string }[] = []) {
  for (const block of blocks) {
    if (block.kind === 'heading') {
      state.level = block.level;
      out.push({ level: block.level, text: plainText(block.content, false) });
    } else if (block.kind === 'box') {
      if (block.title) out.push({ level: Math.min(6, state.level + 1), text: plainText(block.title, false) });
      expectedHeadings(block.blocks, state, out);
    }
  }
  return out;
}

export { allBlocks, allInlines } from '../support/documentBlocks.js';

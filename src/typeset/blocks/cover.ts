/** The cover: title, subtitle and lines, the edition's QR code when given; what follows shares its page (the fact sheet's key numbers). */
import type { Block } from '../../document/index.js';
import { COLOR, FONT_SIZE } from '../styles.js';
import { addNode, contentTag } from '../structure/tree.js';
import { plain, runningText, textNode, type BlockContext, type Node } from './context.js';
import { coverQr } from './coverQr.js';

export function cover(block: Extract<Block, { kind: 'cover' }>, ctx: BlockContext): Node {
  // The cover's title is the document's title (shown by viewers, DisplayDocTitle): a paragraph, so
  // that the outline and the headings are the sections.
  const p = () => contentTag(addNode(ctx.structure.parent, 'P'));
  const stack: Node[] = [
    { canvas: [{ type: 'rect', x: ctx.width - 60, y: 0, w: 60, h: 6, color: COLOR.accentBar }], margin: [0, 0, 0, 14] },
    runningText(plain(block.title), ctx, 'right', { fontSize: FONT_SIZE.coverTitle, bold: true, color: COLOR.heading, lineHeight: 1.05, _tag: p() }),
  ];
  if (block.subtitle) {
    stack.push(runningText(plain(block.subtitle), ctx, 'right', { fontSize: FONT_SIZE.coverSubtitle, color: COLOR.muted, margin: [0, 8, 0, 0], _tag: p() }));
  }
  stack.push({ canvas: [{ type: 'line', x1: 0, y1: 0, x2: ctx.width, y2: 0, lineWidth: 0.6, lineColor: COLOR.rule }], margin: [0, 12, 0, 8] });
  for (const line of block.lines) {
    stack.push(textNode(plain(line), ctx, 'right', { fontSize: FONT_SIZE.coverLine, margin: [0, 0, 0, 4], _tag: p() }));
  }
  if (block.qr) stack.push(coverQr(block.qr, ctx));
  // A template that wants the cover alone on its page says so with a page break.
  return { stack, margin: [0, 0, 0, 6] };
}

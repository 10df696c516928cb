/**
 * The cover's QR code (the edition's page on the readers' site), with its caption beside it. Its own
 * module, so a redesign of the cover only decides where it goes.
 */
import { COLOR, FONT_SIZE } from '../styles.js';
import { addNode, contentTag } from '../structure/tree.js';
import { plain, textNode, type BlockContext, type Node } from './context.js';

/**
 * Room for the QR code (points). pdfmake draws whole-point modules (floor(room / modules)), so an
 * edition page's address (37 modules) comes out 74 pt, about 26 mm: read by phone cameras from a
 * printed page at arm's length.
 */
const QR_SIZE = 100;
const GAP = 12;

export function coverQr(qr: { url: string; caption: string }, ctx: BlockContext): Node {
  const captionWidth = ctx.width - QR_SIZE - GAP;
  const captionCtx = { ...ctx, width: captionWidth, lineWidth: captionWidth };
  return {
    margin: [0, 28, 0, 0],
    // pdfmake lays columns out left to right: the caption goes left, the code at the right (the start).
    columns: [
      { width: captionWidth, stack: [textNode(plain(qr.caption), captionCtx, 'right', { fontSize: FONT_SIZE.coverLine, color: COLOR.muted, margin: [0, 30, 0, 0], _tag: contentTag(addNode(ctx.structure.parent, 'P')) })] },
      { width: QR_SIZE, qr: qr.url, fit: QR_SIZE, eccLevel: 'M', alignment: 'right', foreground: COLOR.text, background: '#ffffff' },
    ],
    columnGap: GAP,
  };
}

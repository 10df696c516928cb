/** The table of contents: each listed heading with its page number, linked to the heading. */
import type { Block } from '../../document/index.js';
import { COLOR, FONT_SIZE } from '../styles.js';
import { addNode, contentTag } from '../structure/tree.js';
import { plain, plainTitle, tableColumnWidths, textNode, type BlockContext, type Node } from './context.js';

export function toc(block: Extract<Block, { kind: 'toc' }>, ctx: BlockContext): Node {
  // pdfmake's default paddings (4 pt), no vertical lines.
  const titleWidth = tableColumnWidths(ctx.lineWidth, [34, '*'], { paddingLeft: () => 4, paddingRight: () => 4, vLineWidth: () => 0 })[1]!;
  const titleTag = contentTag(addNode(ctx.structure.parent, 'P'));
  const element = addNode(ctx.structure.parent, 'TOC');
  const rows = ctx.tocEntries.map((entry) => {
    const indent = (entry.level - 1) * 14;
    // Each entry: a link to its heading, read as its title, then its page number (pdfmake links
    // the page number to the heading too: the writer finds its Link by the destination).
    const link = addNode(addNode(element, 'TOCI'), 'Link', { linkTo: entry.id, description: plainTitle(entry.content) });
    return [
      {
        // pdfmake measures the placeholder "00000" and prints the page number when rendering
        // (see pdfmakeAdapter); noWrap keeps the placeholder on one line.
        text: '00',
        noWrap: true,
        font: ctx.digits === 'arab' ? 'AmiriArabic' : 'AmiriLatin',
        pageReference: entry.id,
        alignment: 'left',
        fontSize: FONT_SIZE.body,
      },
      textNode(
        entry.content,
        ctx,
        'right',
        { fontSize: FONT_SIZE.body, bold: entry.level === 1, margin: [0, 0, indent, 0], linkToDestination: entry.id, _tag: contentTag(link) },
        titleWidth - indent,
      ),
    ];
  });
  return {
    stack: [
      textNode(plain(block.title), ctx, 'right', { fontSize: FONT_SIZE.h2, bold: true, color: COLOR.heading, margin: [0, 0, 0, 6], _tag: titleTag }),
      rows.length > 0
        ? {
            table: { widths: [34, '*'], body: rows },
            layout: {
              hLineWidth: (i: number) => (i === 0 ? 0 : 0.3),
              vLineWidth: () => 0,
              hLineColor: () => '#c4c4c4',
              paddingTop: () => 2,
              paddingBottom: () => 2,
            },
          }
        : { text: '' },
    ],
    margin: [0, 0, 0, 14],
    // The contents are read as one list: kept on one page, the next when this one has no room for them.
    unbreakable: rows.length <= 30,
  };
}

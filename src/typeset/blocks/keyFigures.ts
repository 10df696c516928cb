/** Key figures: up to four big values a row, each with its label. */
import type { Block, Inline } from '../../document/index.js';
import { COLOR, FONT_SIZE } from '../styles.js';
import { addNode, contentTag } from '../structure/tree.js';
import { tableColumnWidths, textNode, type BlockContext, type Node } from './context.js';

/** Big numbers stay big; a value that is a phrase ("عشرات الآلاف من الأشخاص") gets smaller type. */
function keyValueSize(value: Inline[], perRow: number): number {
  const length = value.map((i) => i.text).join('').trim().length;
  const room = 4 / perRow; // narrower cells when more figures share a row
  if (length <= 9 * room) return FONT_SIZE.keyValue;
  if (length <= 14 * room) return FONT_SIZE.keyValue * 0.8;
  return FONT_SIZE.keyValue * 0.66;
}

export function keyFigures(block: Extract<Block, { kind: 'keyFigures' }>, ctx: BlockContext): Node {
  if (block.items.length === 0) return { text: '' }; // pdfmake cannot lay out a table with no rows
  const perRow = Math.min(4, Math.max(1, block.items.length));
  // The table reaches 4 pt beyond the column on each side (its margins), its cells are padded 4 pt and
  // separated by 4 pt white lines.
  const cellWidth = tableColumnWidths(ctx.lineWidth + 8, Array.from({ length: perRow }, () => '*' as const), {
    paddingLeft: () => 4,
    paddingRight: () => 4,
    vLineWidth: () => 4,
  })[0]!;
  const rows: Node[][] = [];
  // A list of figures: each item its value, then what the value is.
  const element = addNode(ctx.structure.parent, 'L', { listNumbering: 'None' });
  for (let i = 0; i < block.items.length; i += perRow) {
    const cells: Node[] = block.items.slice(i, i + perRow).map((item) => {
      const itemBody = addNode(addNode(element, 'LI'), 'LBody');
      const value = contentTag(addNode(itemBody, 'P'));
      const label = contentTag(addNode(itemBody, 'P'));
      return {
        stack: [
          textNode(item.value, ctx, 'center', { fontSize: keyValueSize(item.value, perRow), bold: true, color: COLOR.heading, _tag: value }, cellWidth),
          textNode(item.label, ctx, 'center', { fontSize: FONT_SIZE.keyLabel, color: COLOR.muted, _tag: label }, cellWidth),
        ],
        fillColor: COLOR.keyFill,
      };
    });
    while (cells.length < perRow) cells.push({ text: '' });
    rows.push(cells.reverse());
  }
  return {
    table: { widths: Array.from({ length: perRow }, () => '*'), body: rows, dontBreakRows: true },
    layout: {
      hLineWidth: () => 4,
      vLineWidth: () => 4,
      hLineColor: () => '#ffffff',
      vLineColor: () => '#ffffff',
      paddingTop: () => 4,
      paddingBottom: () => 2,
    },
    margin: [-4, 0, -4, 8],
  };
}

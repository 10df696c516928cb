/** Tables: weighted columns, first column on the right, header rows repeated on every page. */
import type { Block, Cell } from '../../document/index.js';
import { COLOR, FONT_SIZE } from '../styles.js';
import { CONTENT_HEIGHT } from '../furniture.js';
import { addNode, contentTag } from '../structure/tree.js';
import { runningText, textNode, type Alignment, type BlockContext, type Node } from './context.js';

/** Column widths (in points) from weights; the first weight is the right-most column. */
function columnWidths(count: number, weights: number[] | undefined, tableWidth: number, padding: number): number[] {
  const w = Array.from({ length: count }, (_, i) => Math.max(0.0001, weights?.[i] ?? 1));
  const sum = w.reduce((a, b) => a + b, 0);
  const usable = tableWidth - count * padding * 2 - (count + 1) * 0.5 - 0.5;
  return w.map((x) => (usable * x) / sum);
}

const cellAlignment = (cell: Cell): Alignment =>
  cell.align === 'center' ? 'center' : cell.align === 'end' ? 'left' : 'right';

/**
 * Rows are kept whole (a row never starts on one page and ends on the next), except in a table with
 * a row that might not fit on a page at all: pdfmake drops such a row whole, so that table lets its
 * rows break. The estimate errs high (wide glyphs, generous line height).
 */
function rowsMayBreak(block: Extract<Block, { kind: 'table' }>, widths: readonly number[]): boolean {
  const estimatedHeight = (cell: Cell | undefined, width: number): number => {
    const characters = (cell?.content ?? []).reduce((sum, inline) => sum + inline.text.length, 0);
    const perLine = Math.max(1, Math.floor(width / (FONT_SIZE.tableBody * 0.6)));
    return Math.ceil(characters / perLine) * FONT_SIZE.tableBody * 1.8;
  };
  // widths are already in drawing order (first column on the right), cells in reading order.
  const inReadingOrder = [...widths].reverse();
  return block.rows.some((row) => row.some((cell, c) => estimatedHeight(cell, inReadingOrder[c] ?? 0) > CONTENT_HEIGHT * 0.6));
}

/** Cells at least this wide (points) hold running text. */
const WIDE_CELL = 150;

export function table(block: Extract<Block, { kind: 'table' }>, ctx: BlockContext): Node {
  const count = Math.max(0, ...[...block.header, ...block.rows].map((r) => r.length));
  if (count === 0) return { text: '' };
  const padding = 5;
  const readingWidths = columnWidths(count, block.weights, ctx.width, padding);
  const widths = [...readingWidths].reverse();
  const element = addNode(ctx.structure.parent, 'Table');
  const head = block.header.length > 0 ? addNode(element, 'THead') : undefined;
  const tbody = block.rows.length > 0 ? addNode(element, 'TBody') : undefined;
  const row = (cells: Cell[], isHeader: boolean, index: number): Node[] => {
    const nodes: Node[] = [];
    const tr = addNode((isHeader ? head : tbody)!, 'TR');
    for (let c = 0; c < count; c++) {
      const cell = cells[c];
      const header = isHeader || cell?.header === true;
      // A header row's cells head their columns; a header cell in a body row heads its row.
      const cellElement = addNode(tr, header ? 'TH' : 'TD', header ? { scope: isHeader ? 'Column' : 'Row' } : {});
      // Running text in a wide cell (an event, a note) ends as a paragraph does; a narrow cell breaks as it must.
      const set = !header && (readingWidths[c] ?? 0) >= WIDE_CELL ? runningText : textNode;
      nodes.push(
        set(
          cell?.content ?? [],
          ctx,
          cell ? cellAlignment(cell) : 'right',
          {
            fontSize: header ? FONT_SIZE.tableHeader : FONT_SIZE.tableBody,
            bold: header,
            fillColor: isHeader ? COLOR.tableHeaderFill : index % 2 === 1 ? COLOR.tableZebraFill : undefined,
            _tag: contentTag(cellElement),
          },
          readingWidths[c],
        ),
      );
    }
    return nodes.reverse(); // first column on the right
  };
  const body = [...block.header.map((r, i) => row(r, true, i)), ...block.rows.map((r, i) => row(r, false, i))];
  const headerRows = block.header.length;
  return {
    table: { headerRows, keepWithHeaderRows: headerRows > 0 ? 1 : 0, dontBreakRows: !rowsMayBreak(block, widths), widths, body },
    layout: {
      hLineWidth: (i: number, node: { table: { body: unknown[] } }) =>
        i === 0 || i === node.table.body.length ? 0.8 : i === headerRows ? 0.8 : 0.4,
      vLineWidth: () => 0,
      hLineColor: (i: number) => (i === headerRows ? '#555555' : COLOR.rule),
      paddingLeft: () => padding,
      paddingRight: () => padding,
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
    margin: [0, 2, 0, 10],
  };
}

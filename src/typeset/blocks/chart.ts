/** Bar charts: the geometry of bars and ranges growing from the right, each value at its bar's end. */
import { barValueText, chartMaximum, type BarChartItem, type Block, type Digits, type Inline } from '../../document/index.js';
import { COLOR, FONT_SIZE } from '../styles.js';
import { chartAltText } from '../structure/altText.js';
import { addNode, contentTag } from '../structure/tree.js';
import { plain, textNode, type BlockContext, type Node } from './context.js';

/** A bar's value as printed: the number or range left to right, or the words the template gave ("أكثر من 4000"). */
function chartValue(item: BarChartItem, digits: Digits): Inline[] {
  return item.shown === undefined ? [{ text: barValueText(item, digits), ltr: true }] : [{ text: item.shown }];
}

export function chart(block: Extract<Block, { kind: 'chart' }>, ctx: BlockContext): Node {
  const labelWidth = Math.round(ctx.width * 0.3);
  // Values are printed at the end of their bars, in room kept free on the left of the longest one.
  const valueRoom = Math.round(ctx.width * 0.17);
  const cellWidth = ctx.width - labelWidth - 2 * 4;
  const barWidth = cellWidth - valueRoom;
  const maxValue = Math.max(1e-9, chartMaximum(block.items));
  const scale = (v: number) => (Math.max(0, v) / maxValue) * (barWidth - 4);
  const barHeight = 11;
  const trackHeight = barHeight + 6;
  const valueGap = 4;
  // The chart is one Figure: its alternative text says everything it shows (from its data); its
  // title, labels and values are the Figure's content, its bars and axis page graphics (artifacts).
  const _tag = contentTag(addNode(ctx.structure.parent, 'Figure', { alt: chartAltText(block, ctx.digits) }));
  const rows = block.items.map((item) => {
    const right = cellWidth; // bars grow from the right edge, the zero line
    const shapes: Node[] = [
      { type: 'line', x1: right, y1: 0, x2: right, y2: trackHeight, lineWidth: 1, lineColor: COLOR.axis },
    ];
    let extent = 0;
    if (item.min !== undefined && item.max !== undefined) {
      const x1 = right - scale(item.max);
      const x2 = right - scale(item.min);
      extent = scale(item.max);
      shapes.push(
        // a thin track from zero to the lower bound, then the range as an outlined light bar
        { type: 'line', x1: x2, y1: 3 + barHeight / 2, x2: right, y2: 3 + barHeight / 2, lineWidth: 0.6, lineColor: COLOR.barRangeEdge, dash: { length: 2, space: 2 } },
        { type: 'rect', x: x1, y: 3, w: Math.max(1.5, x2 - x1), h: barHeight, color: COLOR.barRangeFill, lineColor: COLOR.barRangeEdge, lineWidth: 1 },
        { type: 'line', x1, y1: 1, x2: x1, y2: barHeight + 5, lineWidth: 1.4, lineColor: COLOR.barRangeEdge },
        { type: 'line', x1: x2, y1: 1, x2, y2: barHeight + 5, lineWidth: 1.4, lineColor: COLOR.barRangeEdge },
      );
    } else if (item.value !== undefined) {
      const w = Math.max(1, scale(item.value));
      extent = w;
      shapes.push({ type: 'rect', x: right - w, y: 3, w, h: barHeight, color: COLOR.barValue });
    }
    const label: Node[] = [textNode(plain(item.label), ctx, 'right', { fontSize: FONT_SIZE.chartLabel, bold: true, _tag }, labelWidth)];
    if (item.note) label.push(textNode(plain(item.note), ctx, 'right', { fontSize: FONT_SIZE.chartNote, color: COLOR.muted, _tag }, labelWidth));
    // The value, right-aligned in the cell, then moved left to just beyond the bar's end; a detached
    // block (relativePosition), so it takes no room of its own below the bar.
    const value = textNode(
      chartValue(item, ctx.digits),
      ctx,
      'right',
      { fontSize: FONT_SIZE.chartLabel, relativePosition: { x: -(extent + valueGap), y: -trackHeight }, _tag },
      cellWidth,
    );
    // Left to right: bar with its value, then the label (read first, on the right).
    return [{ stack: [{ canvas: shapes }, value], margin: [0, 2, 0, 0] }, { stack: label }];
  });
  const title: Inline[] = [{ text: block.title, bold: true }];
  if (block.unit) title.push({ text: ` (${block.unit})`, muted: true });
  const titleNode = textNode(title, ctx, 'right', { fontSize: FONT_SIZE.h3, color: COLOR.heading, margin: [0, 0, 0, 4], _tag });
  const unbreakable = block.items.length <= 14;
  const node: Node = {
    stack: [
      titleNode,
      rows.length === 0
        ? { text: '' } // pdfmake cannot lay out a table with no rows
        : {
            table: { widths: [cellWidth, labelWidth], body: rows, dontBreakRows: true },
            layout: { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 2, paddingRight: () => 2, paddingTop: () => 3, paddingBottom: () => 3 },
          },
    ],
    margin: [0, 4, 0, 12],
    unbreakable,
  };
  // An unbreakable chart keeps its title anyway (and a page break inside it would leave an empty page).
  return unbreakable ? node : ctx.composition.keepWithNext(node, 'keeper', titleNode);
}

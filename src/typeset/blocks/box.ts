/** Boxes: a fill and a bar on the right, around text blocks and tables. */
import type { Block } from '../../document/index.js';
import { COLOR, FONT_SIZE } from '../styles.js';
import { blocksToNodes } from '../blocks.js';
import { addNode, contentTag, headingRole } from '../structure/tree.js';
import { inside, plainTitle, tableColumnWidths, textNode, type BlockContext, type Node } from './context.js';
import { table } from './table.js';

const BOX = { barWidth: 3.5, pad: 9 } as const;

/**
 * A box is a one-cell table with a fill and a bar on its right. A table inside such a cell would
 * draw its repeated header above the box on the next page (pdfmake starts the cell's fill there
 * below the header), so a box holding tables is set as a stack of segments: box cells for the text,
 * and each table widened into the box itself — side columns in the box's fill, the bar as its right
 * edge — so that its repeated header stays inside the box.
 */
export function box(block: Extract<Block, { kind: 'box' }>, ctx: BlockContext): Node {
  const accent = block.tone === 'accent';
  const fill = accent ? COLOR.accentFill : COLOR.neutralFill;
  const barColor = accent ? COLOR.accentBar : COLOR.neutralBar;
  const { barWidth, pad } = BOX;
  const cellLayout = (top: number, bottom: number) => ({
    hLineWidth: () => 0,
    // The bar is on the right, where reading starts.
    vLineWidth: (i: number) => (i === 1 ? barWidth : 0),
    vLineColor: () => barColor,
    paddingLeft: () => pad,
    paddingRight: () => pad,
    paddingTop: () => top,
    paddingBottom: () => bottom,
  });
  // The box's text is set at the width pdfmake gives its cell; its tables are sized to the same room.
  const inner: BlockContext = {
    ...inside(ctx, addNode(ctx.structure.parent, 'Div')),
    width: ctx.width - 2 * pad - barWidth - 1,
    lineWidth: tableColumnWidths(ctx.lineWidth, ['*'], cellLayout(0, 0))[0]!,
  };
  // A box's title heads the box: a heading one level below the section it stands in.
  const titleLevel = Math.min(6, ctx.structure.heading.level + 1);
  const titleTag = block.title
    ? contentTag(addNode(inner.structure.parent, headingRole(titleLevel), { outline: { level: titleLevel, title: plainTitle(block.title) } }))
    : undefined;
  const title = block.title
    ? textNode(block.title, inner, 'right', { bold: true, fontSize: FONT_SIZE.h3, color: COLOR.heading, margin: [0, 0, 0, 4], _tag: titleTag })
    : undefined;
  // Runs of text blocks, and the tables between them.
  const parts: (Block[] | Extract<Block, { kind: 'table' }>)[] = [];
  for (const child of block.blocks) {
    if (child.kind === 'table') parts.push(child);
    else if (Array.isArray(parts[parts.length - 1])) (parts[parts.length - 1] as Block[]).push(child);
    else parts.push([child]);
  }
  const cell = (stack: Node[], top: number, bottom: number): Node => ({
    table: { widths: ['*'], body: [[{ stack: stack.length > 0 ? withoutBottomMargin(stack) : [{ text: '' }], fillColor: fill }]] },
    layout: cellLayout(top, bottom),
  });
  const hasTable = parts.some((part) => !Array.isArray(part));
  let node: Node;
  if (!hasTable) {
    node = { ...cell([...(title ? [title] : []), ...blocksToNodes(block.blocks, inner)], pad - 2, pad - 6), margin: [0, 4, 0, 12] };
  } else {
    const segments: Node[] = [];
    let pending: Node[] = title ? [title] : [];
    let top = pad - 2;
    for (const part of parts) {
      if (Array.isArray(part)) {
        pending.push(...blocksToNodes(part, inner));
        continue;
      }
      if (pending.length > 0 || segments.length === 0) segments.push(cell(pending, top, 2));
      pending = [];
      top = 10; // the table's own space below it
      segments.push(tableInBox(table(part, inner), ctx.width, fill, barColor));
    }
    segments.push(cell(pending, pending.length > 0 ? top : 0, pad - 6));
    node = { stack: segments, margin: [0, 4, 0, 12] };
  }
  // A titled box keeps its title with what follows it in the box.
  if (title) ctx.composition.keepWithNext(node, 'keeper', title);
  return node;
}

/**
 * The cell's padding closes a box: its last block's bottom margin would only add to it, and where that
 * margin no longer fits on the page, pdfmake carries it over, drawing a sliver of empty box on the next.
 */
function withoutBottomMargin(stack: Node[]): Node[] {
  const last = stack[stack.length - 1]!;
  const margin = last.margin as number[] | undefined;
  if (Array.isArray(margin) && margin.length === 4) last.margin = [margin[0], margin[1], margin[2], 0];
  return stack;
}

/** A table set into a box: a side column in the box's fill on each side, the box's bar on the right. */
function tableInBox(node: Node, boxWidth: number, fill: string, barColor: string): Node {
  const { barWidth, pad } = BOX;
  const table = node.table as { widths: number[]; body: Node[][] };
  const layout = node.layout as Record<string, (...args: never[]) => unknown>;
  const cellPadding = (i: number) => (layout.paddingLeft as (i: number) => number)(i) + (layout.paddingRight as (i: number) => number)(i);
  const columnsWidth = table.widths.reduce((sum, w, i) => sum + w + cellPadding(i + 1), 0);
  // The side columns take what is left, so the bar falls where the box's text cells draw it.
  const rightSide = boxWidth - barWidth - pad - columnsWidth;
  const columns = table.widths.length + 2;
  const side = (right: boolean): Node => ({ text: '', fillColor: fill, border: [false, false, right, false] });
  const body = table.body.map((row) => [
    side(false),
    ...row.map((c) => (c.fillColor === undefined ? { ...c, fillColor: fill } : c)),
    side(true),
  ]);
  const inner = (i: number) => i > 0 && i < columns - 1;
  return {
    ...node,
    table: { ...table, widths: [pad, ...table.widths, rightSide], body },
    layout: {
      ...layout,
      vLineWidth: (i: number) => (i === columns ? barWidth : 0),
      vLineColor: () => barColor,
      paddingLeft: (i: number) => (inner(i) ? (layout.paddingLeft as (i: number) => number)(i) : 0),
      paddingRight: (i: number) => (inner(i) ? (layout.paddingRight as (i: number) => number)(i) : 0),
    },
    margin: [0, 0, 0, 0],
  };
}

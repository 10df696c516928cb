/**
 * Blocks of the document model → pdfmake nodes, right to left: tables and columns are mirrored
 * (pdfmake lays them out left to right), list markers sit on the right, text goes through the
 * paragraph pipeline (bidi pieces) and is aligned by the line re-orderer.
 */
import type { Block, Cell, Digits, Inline, BarChartItem } from './document.js';
import { engineTextNode, type Node } from './textNodes.js';
import { localizeDigits } from './digits.js';
import { COLOR, FONT_SIZE } from './styles.js';
import { formatPlainNumber } from '../markup/numberText.js';
import { CONTENT_HEIGHT } from './furniture.js';
import type { Composition } from './composition.js';

export type { Node } from './textNodes.js';

export interface BlockContext {
  digits: Digits;
  /** Width the block sizes its tables and charts to, in points. */
  width: number;
  /** Width pdfmake gives a paragraph here (the lines are broken for it before pdfmake flows them). */
  lineWidth: number;
  /** Heading → destination id, for the table of contents. */
  headingIds: Map<Block, string>;
  /** Headings listed in the table of contents, in document order. */
  tocEntries: { id: string; level: number; content: Inline[] }[];
  /** The document's page-composition rules (keep with next, section starts). */
  composition: Composition;
}

type Alignment = 'right' | 'justify' | 'center' | 'left';

/** A paragraph in this context: `extra` must give its fontSize (and bold); `width` defaults to the context's line width. */
export function textNode(content: Inline[], ctx: BlockContext, alignment: Alignment, extra: Node & { fontSize: number }, width = ctx.lineWidth): Node {
  return setText(content, ctx, alignment, extra, width, false);
}

/** Running text: its last line never holds a single word where the paragraph can be set otherwise. */
function runningText(content: Inline[], ctx: BlockContext, alignment: Alignment, extra: Node & { fontSize: number }, width = ctx.lineWidth): Node {
  return setText(content, ctx, alignment, extra, width, true);
}

function setText(content: Inline[], ctx: BlockContext, alignment: Alignment, extra: Node & { fontSize: number }, width: number, tieLastWords: boolean): Node {
  const { fontSize, bold, ...rest } = extra;
  const style = { fontSize, bold: bold === true, alignment, digits: ctx.digits, supScale: FONT_SIZE.citeScale, tieLastWords };
  return ctx.composition.leaf(engineTextNode(content, width, style, rest));
}

/**
 * The widths pdfmake gives the columns of a table (columnCalculator: star columns share what the
 * fixed columns, paddings and vertical lines leave), for tables whose star columns hold only text.
 */
export function tableColumnWidths(
  available: number,
  widths: readonly (number | '*')[],
  layout: { paddingLeft(i: number): number; paddingRight(i: number): number; vLineWidth(i: number): number },
): number[] {
  let offsets = 0;
  let previousRight = 0;
  widths.forEach((_, i) => {
    offsets += previousRight + layout.vLineWidth(i) + layout.paddingLeft(i);
    previousRight = layout.paddingRight(i);
  });
  offsets += previousRight + layout.vLineWidth(widths.length);
  const fixed = widths.reduce<number>((sum, w) => sum + (w === '*' ? 0 : w), 0);
  const stars = widths.filter((w) => w === '*').length;
  const star = stars > 0 ? (available - offsets - fixed) / stars : 0;
  return widths.map((w) => (w === '*' ? star : w));
}

const plain = (text: string): Inline[] => [{ text }];

function heading(block: Extract<Block, { kind: 'heading' }>, ctx: BlockContext): Node {
  const size = block.level === 1 ? FONT_SIZE.h1 : block.level === 2 ? FONT_SIZE.h2 : FONT_SIZE.h3;
  const margin = block.level === 1 ? [0, 14, 0, 8] : block.level === 2 ? [0, 12, 0, 5] : [0, 8, 0, 3];
  const node = textNode(block.content, ctx, 'right', {
    fontSize: size,
    bold: true,
    color: COLOR.heading,
    margin,
    headlineLevel: block.level,
  });
  ctx.composition.keepWithNext(node, block.level === 1 ? 'section' : 'keeper');
  const id = ctx.headingIds.get(block);
  if (id) {
    node.id = id;
    node._digits = ctx.digits; // read when pdfmake prints this heading's page number in the TOC
  }
  return node;
}

function paragraph(block: Extract<Block, { kind: 'paragraph' }>, ctx: BlockContext): Node {
  switch (block.style ?? 'body') {
    case 'lead':
      return runningText(block.content, ctx, 'justify', { fontSize: FONT_SIZE.lead, margin: [0, 0, 0, 9] });
    case 'note':
      return runningText(block.content, ctx, 'right', { fontSize: FONT_SIZE.note, color: COLOR.muted, margin: [0, 0, 0, 6] });
    default:
      return runningText(block.content, ctx, 'justify', { fontSize: FONT_SIZE.body, margin: [0, 0, 0, 7] });
  }
}

function list(block: Extract<Block, { kind: 'list' }>, ctx: BlockContext): Node {
  if (block.items.length === 0) return { text: '' }; // pdfmake cannot lay out a table with no rows
  const markerWidth = block.ordered ? 22 : 12;
  const layout = { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 0, paddingRight: (i: number) => (i === 0 ? 6 : 0), paddingTop: () => 1, paddingBottom: () => 1 };
  const [itemWidth] = tableColumnWidths(ctx.lineWidth, ['*', markerWidth], layout);
  const body = block.items.map((item, i) => {
    const marker = block.ordered ? `${i + 1}.` : '•';
    // Columns left to right: content, then the marker on the right.
    return [
      runningText(item, ctx, 'justify', { fontSize: FONT_SIZE.body }, itemWidth),
      textNode(plain(marker), ctx, 'right', { fontSize: FONT_SIZE.body, bold: block.ordered }, markerWidth),
    ];
  });
  return {
    table: { widths: ['*', markerWidth], body, dontBreakRows: true },
    layout,
    margin: [0, 0, 0, 8],
  };
}

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

function table(block: Extract<Block, { kind: 'table' }>, ctx: BlockContext): Node {
  const count = Math.max(0, ...[...block.header, ...block.rows].map((r) => r.length));
  if (count === 0) return { text: '' };
  const padding = 5;
  const readingWidths = columnWidths(count, block.weights, ctx.width, padding);
  const widths = [...readingWidths].reverse();
  const row = (cells: Cell[], isHeader: boolean, index: number): Node[] => {
    const nodes: Node[] = [];
    for (let c = 0; c < count; c++) {
      const cell = cells[c];
      const header = isHeader || cell?.header === true;
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

const BOX = { barWidth: 3.5, pad: 9 } as const;

/**
 * A box is a one-cell table with a fill and a bar on its right. A table inside such a cell would
 * draw its repeated header above the box on the next page (pdfmake starts the cell's fill there
 * below the header), so a box holding tables is set as a stack of segments: box cells for the text,
 * and each table widened into the box itself — side columns in the box's fill, the bar as its right
 * edge — so that its repeated header stays inside the box.
 */
function box(block: Extract<Block, { kind: 'box' }>, ctx: BlockContext): Node {
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
    ...ctx,
    width: ctx.width - 2 * pad - barWidth - 1,
    lineWidth: tableColumnWidths(ctx.lineWidth, ['*'], cellLayout(0, 0))[0]!,
  };
  const title = block.title
    ? textNode(block.title, inner, 'right', { bold: true, fontSize: FONT_SIZE.h3, color: COLOR.heading, margin: [0, 0, 0, 4] })
    : undefined;
  // Runs of text blocks, and the tables between them.
  const parts: (Block[] | Extract<Block, { kind: 'table' }>)[] = [];
  for (const child of block.blocks) {
    if (child.kind === 'table') parts.push(child);
    else if (Array.isArray(parts[parts.length - 1])) (parts[parts.length - 1] as Block[]).push(child);
    else parts.push([child]);
  }
  const cell = (stack: Node[], top: number, bottom: number): Node => ({
    table: { widths: ['*'], body: [[{ stack: stack.length > 0 ? stack : [{ text: '' }], fillColor: fill }]] },
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
  // A titled box keeps its title with what follows it, by moving whole.
  if (title) ctx.composition.keepWithNext(hasTable ? (node.stack as Node[])[0]! : node, 'keeper', title);
  return node;
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

/** Big numbers stay big; a value that is a phrase ("عشرات الآلاف من الأشخاص") gets smaller type. */
function keyValueSize(value: Inline[], perRow: number): number {
  const length = value.map((i) => i.text).join('').trim().length;
  const room = 4 / perRow; // narrower cells when more figures share a row
  if (length <= 9 * room) return FONT_SIZE.keyValue;
  if (length <= 14 * room) return FONT_SIZE.keyValue * 0.8;
  return FONT_SIZE.keyValue * 0.66;
}

function keyFigures(block: Extract<Block, { kind: 'keyFigures' }>, ctx: BlockContext): Node {
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
  for (let i = 0; i < block.items.length; i += perRow) {
    const cells: Node[] = block.items.slice(i, i + perRow).map((item) => ({
      stack: [
        textNode(item.value, ctx, 'center', { fontSize: keyValueSize(item.value, perRow), bold: true, color: COLOR.heading }, cellWidth),
        textNode(item.label, ctx, 'center', { fontSize: FONT_SIZE.keyLabel, color: COLOR.muted }, cellWidth),
      ],
      fillColor: COLOR.keyFill,
    }));
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
      paddingTop: () => 6,
      paddingBottom: () => 4,
    },
    margin: [-4, 0, -4, 8],
  };
}

/** Chart values written as the text around them writes numbers ("1257", "3.322.145"), in the document's digits. */
export function formatNumber(value: number, digits: Digits): string {
  return localizeDigits(formatPlainNumber(value), digits);
}

function chartValueText(item: BarChartItem, digits: Digits): string {
  if (item.min !== undefined && item.max !== undefined) {
    return `${formatNumber(item.min, digits)}–${formatNumber(item.max, digits)}`;
  }
  return item.value !== undefined ? formatNumber(item.value, digits) : '—';
}

/** A bar's value as printed: the number or range left to right, or the words the template gave ("أكثر من 4000"). */
function chartValue(item: BarChartItem, digits: Digits): Inline[] {
  return item.shown === undefined ? [{ text: chartValueText(item, digits), ltr: true }] : [{ text: item.shown }];
}

function chart(block: Extract<Block, { kind: 'chart' }>, ctx: BlockContext): Node {
  const labelWidth = Math.round(ctx.width * 0.3);
  // Values are printed at the end of their bars, in room kept free on the left of the longest one.
  const valueRoom = Math.round(ctx.width * 0.17);
  const cellWidth = ctx.width - labelWidth - 2 * 4;
  const barWidth = cellWidth - valueRoom;
  const maxValue = Math.max(1e-9, ...block.items.map((i) => Math.max(i.value ?? 0, i.max ?? 0, i.min ?? 0)));
  const scale = (v: number) => (Math.max(0, v) / maxValue) * (barWidth - 4);
  const barHeight = 11;
  const trackHeight = barHeight + 6;
  const valueGap = 4;
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
    const label: Node[] = [textNode(plain(item.label), ctx, 'right', { fontSize: FONT_SIZE.chartLabel, bold: true }, labelWidth)];
    if (item.note) label.push(textNode(plain(item.note), ctx, 'right', { fontSize: FONT_SIZE.chartNote, color: COLOR.muted }, labelWidth));
    // The value, right-aligned in the cell, then moved left to just beyond the bar's end; a detached
    // block (relativePosition), so it takes no room of its own below the bar.
    const value = textNode(
      chartValue(item, ctx.digits),
      ctx,
      'right',
      { fontSize: FONT_SIZE.chartLabel, relativePosition: { x: -(extent + valueGap), y: -trackHeight } },
      cellWidth,
    );
    // Left to right: bar with its value, then the label (read first, on the right).
    return [{ stack: [{ canvas: shapes }, value], margin: [0, 2, 0, 0] }, { stack: label }];
  });
  const title: Inline[] = [{ text: block.title, bold: true }];
  if (block.unit) title.push({ text: ` (${block.unit})`, muted: true });
  const titleNode = textNode(title, ctx, 'right', { fontSize: FONT_SIZE.h3, color: COLOR.heading, margin: [0, 0, 0, 4] });
  const unbreakable = block.items.length <= 14;
  return {
    stack: [
      // An unbreakable chart keeps its title anyway (and a page break inside it would leave an empty page).
      unbreakable ? titleNode : ctx.composition.keepWithNext(titleNode),
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
}

function toc(block: Extract<Block, { kind: 'toc' }>, ctx: BlockContext): Node {
  // pdfmake's default paddings (4 pt), no vertical lines.
  const titleWidth = tableColumnWidths(ctx.lineWidth, [34, '*'], { paddingLeft: () => 4, paddingRight: () => 4, vLineWidth: () => 0 })[1]!;
  const rows = ctx.tocEntries.map((entry) => {
    const indent = (entry.level - 1) * 14;
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
        { fontSize: FONT_SIZE.body, bold: entry.level === 1, margin: [0, 0, indent, 0], linkToDestination: entry.id },
        titleWidth - indent,
      ),
    ];
  });
  return {
    stack: [
      textNode(plain(block.title), ctx, 'right', { fontSize: FONT_SIZE.h2, bold: true, color: COLOR.heading, margin: [0, 0, 0, 6] }),
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
  };
}

/**
 * Room for the QR code (points). pdfmake draws whole-point modules (floor(room / modules)), so an
 * edition page's address (37 modules) comes out 74 pt, about 26 mm: read by phone cameras from a
 * printed page at arm's length.
 */
const QR_SIZE = 100;

/** The cover's QR code (pdfmake draws it as vector squares), at the right with its caption beside it. */
function coverQr(qr: { url: string; caption: string }, ctx: BlockContext): Node {
  const captionWidth = ctx.width - QR_SIZE - 12;
  return {
    margin: [0, 28, 0, 0],
    // pdfmake lays columns out left to right: the caption goes left, the code at the right (the start).
    columns: [
      { width: captionWidth, stack: [textNode(plain(qr.caption), { ...ctx, width: captionWidth, lineWidth: captionWidth }, 'right', { fontSize: FONT_SIZE.coverLine, color: COLOR.muted, margin: [0, 30, 0, 0] })] },
      { width: QR_SIZE, qr: qr.url, fit: QR_SIZE, eccLevel: 'M', alignment: 'right', foreground: COLOR.text, background: '#ffffff' },
    ],
    columnGap: 12,
  };
}

function cover(block: Extract<Block, { kind: 'cover' }>, ctx: BlockContext): Node {
  const stack: Node[] = [
    { canvas: [{ type: 'rect', x: ctx.width - 60, y: 0, w: 60, h: 6, color: COLOR.accentBar }], margin: [0, 150, 0, 22] },
    runningText(plain(block.title), ctx, 'right', { fontSize: FONT_SIZE.coverTitle, bold: true, color: COLOR.heading, lineHeight: 1.05 }),
  ];
  if (block.subtitle) {
    stack.push(runningText(plain(block.subtitle), ctx, 'right', { fontSize: FONT_SIZE.coverSubtitle, color: COLOR.muted, margin: [0, 8, 0, 0] }));
  }
  stack.push({ canvas: [{ type: 'line', x1: 0, y1: 0, x2: ctx.width, y2: 0, lineWidth: 0.6, lineColor: COLOR.rule }], margin: [0, 24, 0, 14] });
  for (const line of block.lines) {
    stack.push(textNode(plain(line), ctx, 'right', { fontSize: FONT_SIZE.coverLine, margin: [0, 0, 0, 4] }));
  }
  if (block.qr) stack.push(coverQr(block.qr, ctx));
  return { stack, pageBreak: 'after' };
}

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
  return nodes;
}

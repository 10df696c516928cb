/** Headings, paragraphs and lists. */
import type { Block } from '../../document/index.js';
import { setPageNumberDigits } from '../nodeFields.js';
import { COLOR, FONT_SIZE } from '../styles.js';
import { addNode, contentTag, headingRole, sourceDestination } from '../structure/tree.js';
import { plain, plainTitle, runningText, tableColumnWidths, textNode, type BlockContext, type Node } from './context.js';

export function heading(block: Extract<Block, { kind: 'heading' }>, ctx: BlockContext): Node {
  const size = block.level === 1 ? FONT_SIZE.h1 : block.level === 2 ? FONT_SIZE.h2 : FONT_SIZE.h3;
  const margin = block.level === 1 ? [0, 14, 0, 8] : block.level === 2 ? [0, 12, 0, 5] : [0, 8, 0, 3];
  ctx.structure.heading.level = block.level;
  const element = addNode(ctx.structure.parent, headingRole(block.level), { outline: { level: block.level, title: plainTitle(block.content) } });
  const node = textNode(block.content, ctx, 'right', {
    fontSize: size,
    bold: true,
    color: COLOR.heading,
    margin,
    headlineLevel: block.level,
    _tag: contentTag(element),
  });
  ctx.composition.keepWithNext(node, block.level === 1 ? 'section' : 'keeper');
  const id = ctx.headingIds.get(block);
  if (id) {
    node.id = id;
    setPageNumberDigits(node, ctx.digits); // read when pdfmake prints this heading's page number in the TOC
  }
  return node;
}

/** A paragraph of the page's flow: widows and orphans are its composition's business. */
export function paragraph(block: Extract<Block, { kind: 'paragraph' }>, ctx: BlockContext): Node {
  return ctx.composition.paragraph(paragraphNode(block, ctx));
}

function paragraphNode(block: Extract<Block, { kind: 'paragraph' }>, ctx: BlockContext): Node {
  const _tag = contentTag(addNode(ctx.structure.parent, 'P'));
  switch (block.style ?? 'body') {
    case 'lead':
      return runningText(block.content, ctx, 'justify', { fontSize: FONT_SIZE.lead, margin: [0, 0, 0, 9], _tag });
    case 'note':
      return runningText(block.content, ctx, 'right', { fontSize: FONT_SIZE.note, color: COLOR.muted, margin: [0, 0, 0, 6], _tag });
    default:
      return runningText(block.content, ctx, 'justify', { fontSize: FONT_SIZE.body, margin: [0, 0, 0, 7], _tag });
  }
}

export function list(block: Extract<Block, { kind: 'list' }>, ctx: BlockContext): Node {
  if (block.items.length === 0) return { text: '' }; // pdfmake cannot lay out a table with no rows
  const markerWidth = block.ordered ? 22 : 12;
  const layout = { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 0, paddingRight: (i: number) => (i === 0 ? 6 : 0), paddingTop: () => 1, paddingBottom: () => 1 };
  const [itemWidth] = tableColumnWidths(ctx.lineWidth, ['*', markerWidth], layout);
  const element = addNode(ctx.structure.parent, 'L', { listNumbering: block.ordered ? 'Decimal' : 'Disc' });
  const body = block.items.map((item, i) => {
    const marker = block.ordered ? `${i + 1}.` : '•';
    const li = addNode(element, 'LI');
    // A source's number links back to where the source is first cited (structure/tagWriter.ts).
    const label = addNode(li, 'Lbl', block.sources ? { citedFrom: i + 1 } : {});
    const itemBody = addNode(li, 'LBody');
    if (block.sources) {
      // A citation marker "n" links to the n-th entry of the source list.
      itemBody.destination = sourceDestination(i + 1);
      ctx.structure.document.sources.set(i + 1, itemBody.destination);
    }
    // Columns left to right: content, then the marker on the right.
    return [
      runningText(item, ctx, 'justify', { fontSize: FONT_SIZE.body, _tag: contentTag(itemBody) }, itemWidth),
      textNode(plain(marker), ctx, 'right', { fontSize: FONT_SIZE.body, bold: block.ordered, _tag: contentTag(label) }, markerWidth),
    ];
  });
  return {
    table: { widths: ['*', markerWidth], body, dontBreakRows: true },
    layout,
    margin: [0, 0, 0, 8],
  };
}

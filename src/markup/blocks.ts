/** Step two of parsing: the positioned markup tree becomes the typesetting engine's Block model. */
import type { BarChartItem, Block, Cell, Inline } from '../document/model.js';
import { AttributeReader } from './attributes.js';
import { collectInline, collectPlainText } from './inline.js';
import type { Fail, MarkupElement, MarkupNode } from './markupTree.js';
import { topLevelOnlyElements } from './vocabulary.js';

type BlockContainer = 'top' | 'box';

export function convertBlocks(parent: MarkupElement, container: BlockContainer, fail: Fail): Block[] {
  return childElements(parent, fail).map((element) => {
    if (container === 'box' && topLevelOnlyElements.has(element.name)) {
      fail(element.offset, `<${element.name}> is not allowed inside <box>`);
    }
    return convertBlock(element, fail);
  });
}

function convertBlock(element: MarkupElement, fail: Fail): Block {
  const attributes = new AttributeReader(element, fail);
  switch (element.name) {
    case 'h1':
    case 'h2':
    case 'h3':
      return {
        kind: 'heading',
        level: element.name === 'h1' ? 1 : element.name === 'h2' ? 2 : 3,
        content: collectInline(element.children, element.name, fail),
        ...(attributes.flag('toc') ? { toc: true } : {}),
      };
    case 'p': {
      const style = attributes.optionalChoice('class', ['lead', 'note'] as const);
      return {
        kind: 'paragraph',
        content: collectInline(element.children, 'p', fail),
        ...(style === undefined ? {} : { style }),
      };
    }
    case 'ul':
    case 'ol':
      return {
        kind: 'list',
        ordered: element.name === 'ol',
        items: childElements(element, fail, ['li']).map((item) => collectInline(item.children, 'li', fail)),
        ...(attributes.flag('sources') ? { sources: true } : {}),
      };
    case 'table':
      return convertTable(element, attributes, fail);
    case 'box': {
      const title = attributes.optionalText('title');
      return {
        kind: 'box',
        tone: attributes.optionalChoice('tone', ['accent', 'neutral'] as const) ?? 'neutral',
        ...(title === undefined ? {} : { title: [{ text: title }] }),
        blocks: convertBlocks(element, 'box', fail),
      };
    }
    case 'key-figures':
      return {
        kind: 'keyFigures',
        items: childElements(element, fail, ['key-figure']).map((figure) => convertKeyFigure(figure, fail)),
      };
    case 'chart':
      return convertChart(element, attributes, fail);
    case 'toc':
      requireEmpty(element, fail);
      return { kind: 'toc', title: attributes.requiredText('title') };
    case 'cover': {
      const subtitle = attributes.optionalText('subtitle');
      return {
        kind: 'cover',
        title: attributes.requiredText('title'),
        ...(subtitle === undefined ? {} : { subtitle }),
        lines: childElements(element, fail, ['line', 'qr'])
          .filter((child) => child.name === 'line')
          .map((line) => collectPlainText(line.children, 'line', fail)),
        ...coverQr(element, fail),
      };
    }
    case 'page-break':
      requireEmpty(element, fail);
      return { kind: 'pageBreak' };
    default:
      return fail(element.offset, `<${element.name}> is not allowed here`);
  }
}

/** The cover's QR code, at most one: an absolute http(s) address and its caption. */
function coverQr(cover: MarkupElement, fail: Fail): { qr?: { url: string; caption: string } } {
  const codes = childElements(cover, fail, ['line', 'qr']).filter((child) => child.name === 'qr');
  if (codes.length === 0) return {};
  if (codes.length > 1) fail(codes[1]!.offset, '<cover> has at most one <qr>');
  const code = codes[0]!;
  const reader = new AttributeReader(code, fail);
  const url = reader.requiredText('href');
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) fail(code.offset, `<qr href="${url}">: must be an absolute http(s) address`);
  const page = reader.optionalText('page');
  if (page !== undefined && !/^[a-z0-9][a-z0-9-]*\.html$/.test(page)) fail(code.offset, `<qr page="${page}">: must be a page of the site (name.html)`);
  return { qr: { url, caption: collectPlainText(code.children, 'qr', fail), ...(page === undefined ? {} : { page }) } };
}

function convertTable(element: MarkupElement, attributes: AttributeReader, fail: Fail): Block {
  const header: Cell[][] = [];
  const rows: Cell[][] = [];
  let seenBody = false;
  for (const child of childElements(element, fail, ['thead', 'tbody', 'tr'])) {
    if (child.name === 'thead') {
      if (seenBody || header.length > 0) fail(child.offset, '<thead> must come once, before the body rows');
      header.push(...childElements(child, fail, ['tr']).map((row) => convertRow(row, fail)));
    } else if (child.name === 'tbody') {
      seenBody = true;
      rows.push(...childElements(child, fail, ['tr']).map((row) => convertRow(row, fail)));
    } else {
      seenBody = true;
      rows.push(convertRow(child, fail));
    }
  }
  const weights = attributes.optionalPositiveNumbers('weights');
  checkColumnCounts(element, [...header, ...rows], weights, fail);
  return { kind: 'table', header, rows, ...(weights === undefined ? {} : { weights }) };
}

/** pdfmake needs rectangular tables (the model has no column spans). */
function checkColumnCounts(table: MarkupElement, allRows: Cell[][], weights: number[] | undefined, fail: Fail): void {
  const columns = weights?.length ?? allRows[0]?.length;
  if (columns === undefined) return;
  allRows.forEach((row, index) => {
    if (row.length !== columns) {
      fail(table.offset, `row ${index + 1} of <table> has ${row.length} cells, expected ${columns}`);
    }
  });
}

function convertRow(row: MarkupElement, fail: Fail): Cell[] {
  return childElements(row, fail, ['th', 'td']).map((cell) => {
    const align = new AttributeReader(cell, fail).optionalChoice('align', ['start', 'center', 'end'] as const);
    return {
      content: collectInline(cell.children, cell.name, fail),
      ...(cell.name === 'th' ? { header: true } : {}),
      ...(align === undefined ? {} : { align }),
    };
  });
}

function convertKeyFigure(figure: MarkupElement, fail: Fail): { value: Inline[]; label: Inline[] } {
  const parts = childElements(figure, fail, ['value', 'label']);
  const [value, label] = parts;
  if (parts.length !== 2 || value?.name !== 'value' || label?.name !== 'label') {
    fail(figure.offset, '<key-figure> needs exactly one <value> followed by one <label>');
  }
  return { value: collectInline(value.children, 'value', fail), label: collectInline(label.children, 'label', fail) };
}

function convertChart(element: MarkupElement, attributes: AttributeReader, fail: Fail): Block {
  const unit = attributes.optionalText('unit');
  const title = attributes.requiredText('title');
  const items = childElements(element, fail, ['bar']).map((bar) => convertBar(bar, fail));
  if (items.length === 0) fail(element.offset, '<chart> needs at least one <bar>');
  return { kind: 'chart', title, ...(unit === undefined ? {} : { unit }), items };
}

function convertBar(bar: MarkupElement, fail: Fail): BarChartItem {
  requireEmpty(bar, fail);
  const attributes = new AttributeReader(bar, fail);
  const label = attributes.requiredText('label');
  const note = attributes.optionalText('note');
  const value = attributes.optionalCount('value');
  const min = attributes.optionalCount('min');
  const max = attributes.optionalCount('max');
  const shown = attributes.optionalText('shown');
  const withNote = note === undefined ? {} : { note };
  if (value !== undefined && min === undefined && max === undefined) {
    return { label, value, ...(shown === undefined ? {} : { shown }), ...withNote };
  }
  if (shown !== undefined) fail(bar.offset, '<bar> takes "shown" only with "value"');
  if (value === undefined && min !== undefined && max !== undefined) {
    if (min > max) fail(bar.offset, `<bar> has min="${min}" greater than max="${max}"`);
    return { label, min, max, ...withNote };
  }
  return fail(bar.offset, '<bar> needs either "value" or both "min" and "max"');
}

/**
 * The element children of a container; whitespace between them is ignored, other text is an error.
 * With `allowed`, any other element is reported as misplaced.
 */
function childElements(parent: MarkupElement, fail: Fail, allowed?: readonly string[]): MarkupElement[] {
  const where = parent.name === '#root' ? 'at the top level' : `inside <${parent.name}>`;
  return parent.children.flatMap((node: MarkupNode) => {
    if (node.kind === 'text') {
      if (node.text.trim() !== '') fail(node.offset, `text is not allowed ${where}${textHint(parent)}`);
      return [];
    }
    if (allowed !== undefined && !allowed.includes(node.name)) {
      fail(node.offset, `<${node.name}> is not allowed ${where} (expected ${allowed.map((n) => `<${n}>`).join(' or ')})`);
    }
    return [node];
  });
}

function textHint(parent: MarkupElement): string {
  return parent.name === '#root' || parent.name === 'box' ? ': put it in <p>' : '';
}

function requireEmpty(element: MarkupElement, fail: Fail): void {
  const content = element.children.find((node) => node.kind === 'element' || node.text.trim() !== '');
  if (content !== undefined) fail(content.offset, `<${element.name}> must be empty`);
}

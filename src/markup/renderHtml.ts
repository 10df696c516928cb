/** The HTML edition of a brief: semantic, escaped HTML for the reader's website (the page sets dir and lang). */
import { barValueText, chartMaximum, contentsHeadings, type BarChartItem, type Block, type Cell, type Digits, type Inline } from '../document/index.js';
import { toArabicIndicDigits } from '../arabic/index.js';
import { element, join, type Html, type HtmlChild } from './html.js';

export interface HtmlOptions {
  digits: Digits;
  /**
   * The blocks are a whole web page's body (the site's HTML edition): its headings nest under the
   * page's one <h1>, and each table cell names its column (data-label), so a narrow screen can show a
   * row as a card.
   */
  page?: boolean;
}

export function renderMarkupToHtml(blocks: Block[], opts: HtmlOptions): string {
  const renderer = new HtmlRenderer(opts.digits, tocEntries(blocks), opts.page === true ? headingShift(blocks) : 0, opts.page === true);
  return join(blocks.map((block) => renderer.block(block)), '\n').value;
}

/**
 * A page has one <h1>. The PDF's level-1 headings are its sections when a cover holds the title or
 * when there are several of them: then every heading moves one level down, under the cover's <h1>
 * (or the one the page gives itself).
 */
function headingShift(blocks: readonly Block[]): 0 | 1 {
  let covers = 0;
  let topHeadings = 0;
  const visit = (block: Block): void => {
    if (block.kind === 'cover') covers += 1;
    if (block.kind === 'heading' && block.level === 1) topHeadings += 1;
    if (block.kind === 'box') block.blocks.forEach(visit);
  };
  blocks.forEach(visit);
  return topHeadings > 0 && (covers > 0 || topHeadings > 1) ? 1 : 0;
}

interface TocEntry {
  heading: Extract<Block, { kind: 'heading' }>;
  id: string;
}

/** The contents' headings with the anchors the contents link to. */
function tocEntries(blocks: readonly Block[]): TocEntry[] {
  return contentsHeadings(blocks).map((heading, index) => ({ heading, id: `section-${index + 1}` }));
}

class HtmlRenderer {
  constructor(
    private readonly digits: Digits,
    private readonly toc: readonly TocEntry[],
    private readonly headingShift: 0 | 1 = 0,
    private readonly labelCells = false,
  ) {}

  private text(text: string): string {
    return this.digits === 'arab' ? toArabicIndicDigits(text) : text;
  }


  block(block: Block): Html {
    switch (block.kind) {
      case 'heading': {
        const id = this.toc.find((entry) => entry.heading === block)?.id;
        return element(`h${Math.min(6, block.level + this.headingShift)}`, { id }, this.inlines(block.content));
      }
      case 'paragraph':
        return element('p', { class: block.style === 'body' ? undefined : block.style }, this.inlines(block.content));
      case 'list':
        return element(
          block.ordered ? 'ol' : 'ul',
          {},
          block.items.map((item) => element('li', {}, this.inlines(item))),
        );
      case 'table':
        return this.table(block);
      case 'box':
        return element(
          'aside',
          { class: `box box-${block.tone}` },
          block.title === undefined ? [] : element('p', { class: 'box-title' }, element('strong', {}, this.inlines(block.title))),
          block.blocks.map((inner) => this.block(inner)),
        );
      case 'keyFigures':
        // Value before label, as printed ("2500" over "جندي"); a <dl> would require the label first.
        return element(
          'div',
          { class: 'key-figures' },
          block.items.map((item) =>
            element(
              'div',
              { class: 'key-figure' },
              element('p', { class: 'key-figure-value' }, this.inlines(item.value)),
              element('p', { class: 'key-figure-label' }, this.inlines(item.label)),
            ),
          ),
        );
      case 'chart':
        return this.chart(block);
      case 'toc':
        return element(
          'nav',
          { class: 'toc' },
          element('h2', {}, this.text(block.title)),
          element(
            'ol',
            {},
            this.toc.map((entry) =>
              element('li', {}, element('a', { href: `#${entry.id}` }, this.inlines(entry.heading.content))),
            ),
          ),
        );
      case 'cover':
        return element(
          'header',
          { class: 'cover' },
          element('h1', {}, this.text(block.title)),
          block.subtitle === undefined ? [] : element('p', { class: 'cover-subtitle' }, this.text(block.subtitle)),
          block.lines.map((line) => element('p', { class: 'cover-line' }, this.text(line))),
          // On screen the code's address is a link: the printed copy's QR code leads to the same page.
          block.qr === undefined ? [] : element('p', { class: 'cover-qr' }, element('a', { href: block.qr.page ?? block.qr.url }, this.text(block.qr.caption))),
        );
      case 'pageBreak':
        return element('div', { class: 'page-break', 'aria-hidden': 'true' });
    }
  }

  private inlines(runs: readonly Inline[]): Html {
    return join(runs.map((run) => this.inline(run)));
  }

  private inline(run: Inline): Html {
    let node: HtmlChild = this.text(run.text);
    if (run.ltr) node = element('bdi', { dir: 'ltr' }, node);
    if (run.muted) node = element('span', { class: 'muted' }, node);
    if (run.bold) node = element('strong', {}, node);
    if (run.cite) node = element('sup', { class: 'cite' }, node);
    return join([node]);
  }

  /** A header's words, without its citation numbers: a column's name. */
  private plainText(runs: readonly Inline[]): string {
    return this.text(runs.filter((run) => !run.cite).map((run) => run.text).join('')).trim();
  }

  private table(table: Extract<Block, { kind: 'table' }>): Html {
    const total = table.weights?.reduce((sum, weight) => sum + weight, 0) ?? 0;
    const columns =
      table.weights === undefined
        ? []
        : element(
            'colgroup',
            {},
            table.weights.map((weight) => element('col', { style: `width:${((weight / total) * 100).toFixed(2)}%` })),
          );
    // A cell's column name, from a single header row (a multi-row header has no one name per column).
    const labels = this.labelCells && table.header.length === 1 ? table.header[0]!.map((cell) => this.plainText(cell.content)) : [];
    const row = (cells: readonly Cell[], scope: 'col' | 'row'): Html =>
      element(
        'tr',
        {},
        cells.map((cell, column) =>
          element(
            cell.header || scope === 'col' ? 'th' : 'td',
            {
              scope: cell.header || scope === 'col' ? scope : undefined,
              style: cell.align === undefined ? undefined : `text-align:${cell.align}`,
              'data-label': scope === 'row' ? labels[column] : undefined,
            },
            this.inlines(cell.content),
          ),
        ),
      );
    return element(
      'table',
      {},
      columns,
      table.header.length === 0 ? [] : element('thead', {}, table.header.map((cells) => row(cells, 'col'))),
      element('tbody', {}, table.rows.map((cells) => row(cells, 'row'))),
    );
  }

  /** Plain HTML/CSS bars: each bar's extent is a percentage of the largest value in the chart. */
  private chart(chart: Extract<Block, { kind: 'chart' }>): Html {
    const largest = chartMaximum(chart.items);
    const scale = largest > 0 ? largest : 1;
    const percent = (value: number): string => `${((Math.max(0, value) / scale) * 100).toFixed(2)}%`;
    const bar = (item: BarChartItem): Html => {
      const isRange = item.min !== undefined && item.max !== undefined;
      const start = isRange ? (item.min ?? 0) : 0;
      const end = isRange ? (item.max ?? 0) : (item.value ?? 0);
      const style = `margin-inline-start:${percent(start)};inline-size:${percent(Math.max(0, end) - Math.max(0, start))}`;
      return element('span', { class: isRange ? 'chart-bar chart-range' : 'chart-bar', style });
    };
    return element(
      'figure',
      { class: 'chart' },
      element(
        'figcaption',
        {},
        this.text(chart.title),
        chart.unit === undefined ? [] : [' ', element('span', { class: 'chart-unit' }, `(${this.text(chart.unit)})`)],
      ),
      element(
        'ul',
        { class: 'chart-bars' },
        chart.items.map((item) =>
          element(
            'li',
            { class: 'chart-row' },
            element(
              'span',
              { class: 'chart-label' },
              this.text(item.label),
              item.note === undefined ? [] : [' ', element('small', { class: 'chart-note' }, this.text(item.note))],
            ),
            element('span', { class: 'chart-track', 'aria-hidden': 'true' }, bar(item)),
            item.shown === undefined
              ? element('bdi', { class: 'chart-value', dir: 'ltr' }, barValueText(item, this.digits))
              : element('span', { class: 'chart-value' }, this.text(item.shown)),
          ),
        ),
      ),
    );
  }
}

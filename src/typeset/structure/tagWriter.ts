/**
 * Writes the document's structure tree (tree.ts) into the PDF as pdfmake draws the pages: every
 * drawn line becomes a marked-content sequence (MCID) of its element, or an artifact; all else on a
 * page (rules, fills, table borders, chart bars, backgrounds) is drawn inside an artifact the writer
 * keeps open between lines. It also places what navigation needs: named destinations of source-list
 * entries, bookmarks of headings, link annotations tied to their Link elements, and the viewer
 * preferences. It writes through pdfkit's tagging API (doc.struct, markStructureContent,
 * markContent, outline), the version pdfmakeAdapter.ts checks.
 */
import { citationDestination, citedNumbers, isLatinScript, type DocumentStructure, type LineTag, type StructNode } from './tree.js';

/** The language of Latin-script spans (the Latin names and terms in the sources are English). */
export const LATIN_LANG = 'en';

/** pdfkit's structure element (PDFStructureElement). */
export interface PdfStructElement {
  add(child: PdfStructElement | PdfStructContent): PdfStructElement;
  end(): void;
  dictionary: { data: Record<string, unknown> };
}
export type PdfStructContent = object;

interface PdfOutlineItem {
  addItem(title: string, options: { top: number; left: number; expanded?: boolean }): PdfOutlineItem;
}

/** What the writer uses of pdfkit's document. */
export interface TaggablePdf {
  struct(role: string, options?: { alt?: string; lang?: string; actual?: string; scope?: string }): PdfStructElement;
  addStructure(element: PdfStructElement): void;
  markStructureContent(role: string): PdfStructContent;
  markContent(tag: string, options?: object): void;
  endMarkedContent(): void;
  addContent(operators: string): void;
  addNamedDestination(name: string, type: string, x: number, y: number, zoom: null): void;
  outline: PdfOutlineItem;
  page: { width: number; height: number; dictionary: { data: Record<string, unknown> } };
  /** The catalog's viewer preferences (pdfkit creates them for displayTitle). */
  viewerPreferences(): Record<string, unknown> | undefined;
}

/** What a link annotation is tied to: its Link element, and its description (the annotation's Contents). */
export interface LinkTie {
  element: PdfStructElement;
  description: string;
}

/** One run of a line, as the adapter draws it. */
export interface TaggedRun {
  /** Its characters, in reading order. */
  text: string;
  /** Raised: a citation marker. */
  sup: boolean;
  /** A space follows it on the line (between words: the reader's text has one). */
  spaceAfter: boolean;
  /** Its left and right edges on the page, in points. */
  left: number;
  right: number;
  /** Draws the run; a link annotation it makes belongs to `linkElement`. */
  draw(link?: LinkTie): void;
  /** Draws a link annotation over the run to the named destination, tied to `linkElement`. */
  annotate(destination: string, link: LinkTie): void;
  /** Places a named destination where the run is drawn. */
  place(destination: string): void;
}

export interface TaggedLine {
  tag: LineTag | undefined;
  /** The destination the line links to: a line with no tag of its own (a page reference) is part of the Link to it. */
  linkTo?: string;
  /** The engine's line, when it is one: a line drawn a second time (a repeated table header) is furniture. */
  key?: object;
  /** Where the line's box starts (left, top, in pdfkit's top-down points), and its height. */
  x: number;
  top: number;
  height: number;
  runs: TaggedRun[];
}

interface OpenOutline {
  level: number;
  item: PdfOutlineItem;
}

export class TagWriter {
  private readonly elements = new Map<StructNode, PdfStructElement>();
  private readonly parents = new Map<StructNode, StructNode>();
  private readonly ended = new Set<StructNode>();
  private readonly started = new Set<StructNode>();
  private readonly drawnLines = new WeakSet<object>();
  /** Link elements that got content on the current page: ended when it is left, so their annotation references name their page. */
  private readonly linksOnPage = new Set<StructNode>();
  private readonly outline: OpenOutline[] = [];
  private readonly links = new Map<string, StructNode>();
  /** What each element holding text reads, as its lines are drawn: its text, and text that reads after it (a page number). */
  private readonly texts = new Map<PdfStructElement, { text: string; after: string }>();
  /** Each Figure's bounding box on its first page, in PDF points (left, bottom, right, top). */
  private readonly figureBoxes = new Map<StructNode, { page: object; box: [number, number, number, number] }>();
  /** Sources whose first citation has been drawn (and has its destination). */
  private readonly cited = new Set<number>();

  constructor(
    private readonly pdf: TaggablePdf,
    private readonly structure: DocumentStructure,
  ) {
    const root = pdf.struct('Document');
    pdf.addStructure(root);
    this.elements.set(structure.root, root);
    this.build(structure.root, root);
    const preferences = pdf.viewerPreferences();
    // Pages read right to left: a two-page spread shows page 2 on the right.
    if (preferences) preferences.Direction = 'R2L';
  }

  private build(node: StructNode, element: PdfStructElement): void {
    for (const child of node.children) {
      const childElement = this.create(child);
      element.add(childElement);
      this.parents.set(child, node);
      if (child.role === 'Link' && child.linkTo !== undefined) this.links.set(child.linkTo, child);
      this.build(child, childElement);
    }
  }

  private create(node: StructNode): PdfStructElement {
    const options: { alt?: string; lang?: string; actual?: string; scope?: string } = {};
    if (node.alt !== undefined) options.alt = node.alt;
    if (node.lang !== undefined) options.lang = node.lang;
    if (node.actualText !== undefined) options.actual = node.actualText;
    if (node.scope !== undefined) options.scope = node.scope;
    const element = this.pdf.struct(node.role, options);
    if (node.listNumbering !== undefined) element.dictionary.data.A = { O: 'List', ListNumbering: node.listNumbering };
    this.elements.set(node, element);
    return element;
  }

  /** The element a line of `node` adds to (a Link ended on an earlier page continues in a new one). */
  private elementOf(node: StructNode): PdfStructElement {
    if (this.ended.has(node)) {
      this.ended.delete(node);
      const parent = this.parents.get(node)!;
      const continued = this.create(node);
      this.elements.get(parent)!.add(continued);
    }
    return this.elements.get(node)!;
  }

  /** A page starts: its links from the page before are complete; what is drawn now is furniture until a line says otherwise. */
  pageStart(): void {
    for (const node of this.linksOnPage) {
      this.elements.get(node)!.end();
      this.ended.add(node);
    }
    this.linksOnPage.clear();
    // Annotations are visited in structure order.
    this.pdf.page.dictionary.data.Tabs = 'S';
    this.pdf.markContent('Artifact');
  }

  line(line: TaggedLine): void {
    const linked = line.linkTo === undefined ? undefined : this.links.get(line.linkTo);
    const tag = line.tag ?? (linked ? { kind: 'content' as const, node: linked } : undefined);
    const readsAfter = line.tag === undefined && linked !== undefined;
    if (tag === undefined) {
      const text = line.runs.map((run) => run.text).join(' ');
      if (text !== '') throw new Error(`a line with no place in the structure tree (every drawn line needs a tag: see structure/tree.ts): "${text}"`);
      return;
    }
    if (tag.kind === 'pageStart') throw new Error('a page start drawn as a line');
    const repeated = line.key !== undefined && this.drawnLines.has(line.key);
    if (line.key !== undefined) this.drawnLines.add(line.key);
    this.pdf.endMarkedContent(); // the page's open artifact
    if (tag.kind === 'artifact' || repeated) {
      // A table's header row repeated on a later page is pagination furniture: its cells are in the
      // structure tree once, where the table starts, and are not read again on every page.
      const type = tag.kind === 'artifact' ? tag.type : 'Pagination';
      const subtype = tag.kind === 'artifact' && tag.subtype ? ` /Subtype /${tag.subtype}` : '';
      this.pdf.addContent(`/Artifact <</Type /${type}${subtype}>> BDC`);
      for (const run of line.runs) run.draw();
      this.pdf.addContent('EMC');
    } else {
      this.content(tag.node, line, readsAfter);
    }
    this.pdf.markContent('Artifact');
  }

  /**
   * The element's text as read, given as its ActualText: the runs are drawn in logical order, but
   * an Arabic run's glyphs are drawn right to left, so its marked content reads backwards in
   * readers that take it in drawing order (poppler's structure text: measured); pdf.js's
   * accessibility tree reads ActualText as the element's label.
   */
  private read(element: PdfStructElement, text: string, after = false): void {
    let read = this.texts.get(element);
    if (read === undefined) this.texts.set(element, (read = { text: '', after: '' }));
    if (after) read.after = read.after === '' ? text : `${read.after} ${text}`;
    else read.text = read.text === '' ? text : `${read.text} ${text}`;
    const whole = read.after === '' ? read.text : `${read.text} ${read.after}`;
    // Text with no right-to-left character (a number, a Latin name) is drawn in reading order.
    if (/[\p{Script_Extensions=Arabic}\p{Script_Extensions=Hebrew}]/u.test(whole)) element.dictionary.data.ActualText = new String(whole);
  }

  private content(node: StructNode, line: TaggedLine, readsAfter: boolean): void {
    if (!this.started.has(node)) {
      this.started.add(node);
      this.firstLine(node, line);
    }
    const element = this.elementOf(node);
    if (node.role === 'Figure') this.growFigure(node, element, line);
    const isLink = node.role === 'Link';
    if (isLink) this.linksOnPage.add(node);
    if (node.citedFrom !== undefined && this.cited.has(node.citedFrom)) {
      // A source's number links back to where the source is first cited.
      const link = this.pdf.struct('Link');
      element.add(link);
      const content = this.pdf.markStructureContent('Link');
      for (const run of line.runs) run.draw();
      this.pdf.endMarkedContent();
      link.add(content);
      const description = `أول موضع يُستشهد فيه بالمصدر ${node.citedFrom}`;
      for (const run of line.runs) run.annotate(citationDestination(node.citedFrom), { element: link, description });
      link.end();
      return;
    }
    let open = false;
    const lineText = line.runs.map((run, i) => run.text + (run.spaceAfter && i < line.runs.length - 1 ? ' ' : '')).join('');
    if (node.role !== 'Figure' && lineText !== '') this.read(element, lineText, readsAfter);
    const close = () => {
      if (open) this.pdf.endMarkedContent();
      open = false;
    };
    for (const run of line.runs) {
      const number = run.sup ? citedNumbers(run.text).find((n) => this.structure.sources.has(n)) : undefined;
      const cited = number === undefined ? undefined : this.structure.sources.get(number);
      if (cited !== undefined && !isLink) {
        if (!this.cited.has(number!)) {
          this.cited.add(number!);
          run.place(citationDestination(number!));
        }
        // A citation marker: a Reference holding a Link to its entry in the source list.
        close();
        const reference = this.pdf.struct('Reference');
        const link = this.pdf.struct('Link');
        element.add(reference);
        reference.add(link);
        const content = this.pdf.markStructureContent('Link');
        run.draw();
        this.pdf.endMarkedContent();
        link.add(content);
        run.annotate(cited, { element: link, description: `المصدر ${number}` });
        this.read(link, run.text);
        link.end();
        reference.end();
      } else if (isLatinScript(run.text)) {
        close();
        const span = this.pdf.struct('Span', { lang: LATIN_LANG });
        element.add(span);
        const content = this.pdf.markStructureContent('Span');
        run.draw();
        this.pdf.endMarkedContent();
        span.add(content);
        this.read(span, run.text);
        span.end();
      } else {
        if (!open) {
          element.add(this.pdf.markStructureContent(node.role));
          open = true;
        }
        run.draw(isLink ? { element, description: node.description ?? '' } : undefined);
      }
    }
    close();
  }

  /**
   * A Figure's BBox (Layout attribute): the union of its text on its first page — the title, the
   * labels on the right and the values at the bars' ends: the bars lie between them.
   */
  private growFigure(node: StructNode, element: PdfStructElement, line: TaggedLine): void {
    if (line.runs.length === 0) return;
    const { height } = this.pdf.page;
    const left = Math.min(...line.runs.map((run) => run.left));
    const right = Math.max(...line.runs.map((run) => run.right));
    const box: [number, number, number, number] = [left, height - line.top - line.height, right, height - line.top];
    const known = this.figureBoxes.get(node);
    if (known && known.page !== this.pdf.page) return;
    const grown: [number, number, number, number] = known
      ? [Math.min(known.box[0], box[0]), Math.min(known.box[1], box[1]), Math.max(known.box[2], box[2]), Math.max(known.box[3], box[3])]
      : box;
    this.figureBoxes.set(node, { page: this.pdf.page, box: grown });
    const round = (n: number) => Math.round(n * 100) / 100;
    element.dictionary.data.A = { O: 'Layout', Placement: 'Block', BBox: grown.map(round) };
  }

  /** Where an element starts: its destination and its bookmark. */
  private firstLine(node: StructNode, line: TaggedLine): void {
    if (node.destination !== undefined) this.pdf.addNamedDestination(node.destination, 'XYZ', line.x, line.top, null);
    if (node.outline !== undefined) {
      const { level, title } = node.outline;
      while (this.outline.length > 0 && this.outline[this.outline.length - 1]!.level >= level) this.outline.pop();
      const parent = this.outline[this.outline.length - 1]?.item ?? this.pdf.outline;
      // pdfkit's outline destination: left = page width − left, top = page height − top.
      const item = parent.addItem(title, { left: this.pdf.page.width - line.x, top: line.top, expanded: level === 1 });
      this.outline.push({ level, item });
    }
  }
}

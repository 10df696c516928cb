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
  /** pdfkit's children, in the order K is written (0.19.1). */
  _children?: unknown[];
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
  /**
   * The order the runs are drawn in (indices into `runs`): the text layer's, which is not reading
   * order inside a right-to-left direction run (textLayer.ts). Marked content follows it, so what
   * one sequence holds is drawn together.
   */
  order: readonly number[];
  /** Draws runs, in the order given, inside the marked content open now; a link annotation they make belongs to `link`. */
  draw(runs: readonly number[], link?: LinkTie): void;
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
      line.draw(line.order);
      this.pdf.addContent('EMC');
    } else {
      this.content(tag.node, line, line.tag === undefined && linked !== undefined);
    }
    this.pdf.markContent('Artifact');
  }

  /*
   * No element is given its text as ActualText: the text layer (textLayer.ts) draws each direction
   * run so that readers get its words in reading order, and what an element reads is its marked
   * content's text, which pdf.js's accessibility layer reads in reading order. MuPDF 1.28 replaces an
   * element's content with its ActualText and lays a multi-word Arabic one out reversed (every line of
   * the seed articles lost: 0.0 / 0.0); poppler 22.12's structure text does not read it (measured).
   */
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
      line.draw(line.order);
      this.pdf.endMarkedContent();
      link.add(content);
      const description = `أول موضع يُستشهد فيه بالمصدر ${node.citedFrom}`;
      for (const run of line.runs) run.annotate(citationDestination(node.citedFrom), { element: link, description });
      link.end();
      return;
    }
    // Runs of the element's own content go into one sequence until a run of another element (a
    // citation, a Latin span) comes between them in drawing order.
    let open: number[] | undefined;
    const close = () => {
      if (open === undefined) return;
      line.draw(open, isLink ? { element, description: node.description ?? '' } : undefined);
      this.pdf.endMarkedContent();
      open = undefined;
    };
    for (const index of line.order) {
      const run = line.runs[index]!;
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
        line.draw([index]);
        this.pdf.endMarkedContent();
        link.add(content);
        run.annotate(cited, { element: link, description: `المصدر ${number}` });
        link.end();
        reference.end();
      } else if (isLatinScript(run.text)) {
        close();
        const span = this.pdf.struct('Span', { lang: LATIN_LANG });
        element.add(span);
        const content = this.pdf.markStructureContent('Span');
        line.draw([index]);
        this.pdf.endMarkedContent();
        span.add(content);
        span.end();
      } else {
        if (open === undefined) {
          const content = this.pdf.markStructureContent(node.role);
          if (readsAfter) this.readsAfter(element, content);
          else this.addBeforeAfters(element, content);
          open = [];
        }
        open.push(index);
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

  /**
   * Content that reads after the element's own (a contents entry's page number, drawn before its
   * title in a right-to-left row) stays last among the element's kids: their order is reading order.
   */
  private readonly afters = new Map<PdfStructElement, PdfStructContent[]>();

  private readsAfter(element: PdfStructElement, content: PdfStructContent): void {
    element.add(content);
    (this.afters.get(element) ?? this.afters.set(element, []).get(element)!).push(content);
  }

  private addBeforeAfters(element: PdfStructElement, content: PdfStructContent): void {
    element.add(content);
    const afters = this.afters.get(element);
    const kids = element._children;
    if (afters === undefined || kids === undefined) return;
    // pdfkit writes K from its children when the element ends: move the later content to the end.
    const moved = kids.filter((kid) => afters.includes(kid as PdfStructContent));
    kids.splice(0, kids.length, ...kids.filter((kid) => !moved.includes(kid)), ...moved);
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

/**
 * A PDF's logical structure read back with MuPDF (the raw objects: roles, attributes, marked-content
 * references, annotations) and pdf.js (the text of each marked-content sequence, as its accessibility
 * layer reads it), and its content streams checked operator by operator: nothing of our own model.
 */
import * as mupdf from 'mupdf';

export interface ContentRef {
  kind: 'mcid';
  page: number;
  mcid: number;
}
export interface AnnotationRef {
  kind: 'annotation';
  page: number | undefined;
  /** The named destination the link goes to (its GoTo action's D, or its Dest). */
  destination: string | undefined;
}
export interface Element {
  kind: 'element';
  role: string;
  alt?: string;
  actualText?: string;
  lang?: string;
  /** Attribute dictionaries merged (Scope, ListNumbering, ...), values as names or strings. */
  attributes: Record<string, string>;
  kids: (Element | ContentRef | AnnotationRef)[];
}

export interface PdfStructure {
  catalogLang: string | undefined;
  marked: boolean;
  viewerPreferences: Record<string, string>;
  root: Element[];
  pageCount: number;
  /** Named destinations of the document. */
  destinations: Set<string>;
  /** Every link annotation on every page: page index, destination, and whether the structure tree holds it. */
  links: { page: number; destination: string | undefined; structParent: number | undefined; contents: string | undefined }[];
  /** Bookmarks, depth first: level (1 = top) and title. */
  outline: { level: number; title: string; page: number | undefined }[];
}

function text(obj: mupdf.PDFObject): string | undefined {
  if (obj.isString()) return obj.asString();
  if (obj.isName()) return obj.asName();
  if (obj.isBoolean()) return String(obj.asBoolean());
  if (obj.isNumber()) return String(obj.asNumber());
  if (obj.isArray()) return Array.from({ length: obj.length }, (_, i) => text(obj.get(i))).join(' ');
  return undefined;
}

function destinationOf(annotation: mupdf.PDFObject): string | undefined {
  const action = annotation.get('A');
  const dest = action.isNull() ? annotation.get('Dest') : action.get('D');
  return dest.isString() || dest.isName() ? text(dest) : undefined;
}

function nameTreeKeys(node: mupdf.PDFObject, into: Set<string>): void {
  if (node.isNull()) return;
  const names = node.get('Names');
  if (names.isArray()) for (let i = 0; i < names.length; i += 2) into.add(text(names.get(i))!);
  const kids = node.get('Kids');
  if (kids.isArray()) for (let i = 0; i < kids.length; i++) nameTreeKeys(kids.get(i), into);
}

export function readStructure(bytes: Uint8Array): PdfStructure {
  const doc = mupdf.Document.openDocument(bytes, 'application/pdf') as mupdf.PDFDocument;
  try {
    const catalog = doc.getTrailer().get('Root');
    const pageIndex = new Map<number, number>();
    const pageCount = doc.countPages();
    for (let i = 0; i < pageCount; i++) pageIndex.set(doc.findPage(i).asIndirect(), i);
    const pageOf = (obj: mupdf.PDFObject): number | undefined => (obj.isNull() ? undefined : pageIndex.get(obj.asIndirect()));

    const readElement = (dict: mupdf.PDFObject, inheritedPage: number | undefined): Element => {
      const page = pageOf(dict.get('Pg')) ?? inheritedPage;
      const attributes: Record<string, string> = {};
      const a = dict.get('A');
      const attributeDicts = a.isArray() ? Array.from({ length: a.length }, (_, i) => a.get(i)) : a.isDictionary() ? [a] : [];
      for (const attrs of attributeDicts) attrs.forEach((value, key) => void (attributes[String(key)] = text(value) ?? ''));
      const element: Element = { kind: 'element', role: dict.get('S').asName(), attributes, kids: [] };
      for (const [key, field] of [['Alt', 'alt'], ['ActualText', 'actualText'], ['Lang', 'lang']] as const) {
        const value = dict.get(key);
        if (!value.isNull()) element[field] = text(value);
      }
      const k = dict.get('K');
      const kids = k.isArray() ? Array.from({ length: k.length }, (_, i) => k.get(i)) : k.isNull() ? [] : [k];
      for (const kid of kids) {
        if (kid.isNumber()) element.kids.push({ kind: 'mcid', page: page!, mcid: kid.asNumber() });
        else if (kid.get('Type').isName() && kid.get('Type').asName() === 'MCR') {
          element.kids.push({ kind: 'mcid', page: pageOf(kid.get('Pg')) ?? page!, mcid: kid.get('MCID').asNumber() });
        } else if (kid.get('Type').isName() && kid.get('Type').asName() === 'OBJR') {
          element.kids.push({ kind: 'annotation', page: pageOf(kid.get('Pg')) ?? page, destination: destinationOf(kid.get('Obj')) });
        } else element.kids.push(readElement(kid, page));
      }
      return element;
    };

    const treeRoot = catalog.get('StructTreeRoot');
    const rootKids = treeRoot.isNull() ? undefined : treeRoot.get('K');
    const root: Element[] = [];
    if (rootKids && rootKids.isArray()) for (let i = 0; i < rootKids.length; i++) root.push(readElement(rootKids.get(i), undefined));
    else if (rootKids && rootKids.isDictionary()) root.push(readElement(rootKids, undefined));

    const viewerPreferences: Record<string, string> = {};
    catalog.get('ViewerPreferences').forEach?.((value, key) => void (viewerPreferences[String(key)] = text(value) ?? ''));

    const destinations = new Set<string>();
    nameTreeKeys(catalog.get('Names').get('Dests'), destinations);

    const links: PdfStructure['links'] = [];
    for (let i = 0; i < pageCount; i++) {
      const annots = doc.findPage(i).get('Annots');
      if (!annots.isArray()) continue;
      for (let j = 0; j < annots.length; j++) {
        const annot = annots.get(j);
        if (annot.get('Subtype').asName() !== 'Link') continue;
        const sp = annot.get('StructParent');
        links.push({ page: i, destination: destinationOf(annot), structParent: sp.isNumber() ? sp.asNumber() : undefined, contents: text(annot.get('Contents')) });
      }
    }

    const outline: PdfStructure['outline'] = [];
    const walk = (items: ReturnType<typeof doc.loadOutline>, level: number) => {
      for (const item of items ?? []) {
        outline.push({ level, title: item.title ?? '', page: item.page });
        walk(item.down ?? [], level + 1);
      }
    };
    walk(doc.loadOutline(), 1);

    const marked = catalog.get('MarkInfo').get('Marked');
    return {
      catalogLang: text(catalog.get('Lang')),
      marked: marked.isBoolean() && marked.asBoolean(),
      viewerPreferences,
      root,
      pageCount,
      destinations,
      links,
      outline,
    };
  } finally {
    doc.destroy();
  }
}

/** Every element of the tree, depth first (document order). */
export function elements(roots: readonly Element[]): Element[] {
  const out: Element[] = [];
  const visit = (e: Element) => {
    out.push(e);
    for (const kid of e.kids) if (kid.kind === 'element') visit(kid);
  };
  roots.forEach(visit);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Content streams: what is drawn outside any marked content.

const PAINTING = new Set(['TJ', 'Tj', "'", '"', 'f', 'F', 'f*', 'S', 's', 'B', 'B*', 'b', 'b*', 'sh', 'Do', 'BI']);

type Token = { op: string } | { operand: string };

/** Content-stream tokens: operands (numbers, names, strings, arrays, dictionaries) and operators. */
function* tokens(content: string): Generator<Token> {
  let i = 0;
  const n = content.length;
  while (i < n) {
    const c = content[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '%') {
      while (i < n && content[i] !== '\n') i++;
    } else if (c === '(') {
      let depth = 0;
      const start = i;
      for (; i < n; i++) {
        const ch = content[i];
        if (ch === '\\') i++;
        else if (ch === '(') depth++;
        else if (ch === ')' && --depth === 0) break;
      }
      i++;
      yield { operand: content.slice(start, i) };
    } else if (c === '<' && content[i + 1] === '<') {
      // A dictionary (marked-content properties): up to its matching >>.
      let depth = 0;
      const start = i;
      while (i < n) {
        if (content.startsWith('<<', i)) {
          depth++;
          i += 2;
        } else if (content.startsWith('>>', i)) {
          depth--;
          i += 2;
          if (depth === 0) break;
        } else if (content[i] === '(') {
          for (let d = 0; i < n; i++) {
            if (content[i] === '\\') i++;
            else if (content[i] === '(') d++;
            else if (content[i] === ')' && --d === 0) break;
          }
          i++;
        } else i++;
      }
      yield { operand: content.slice(start, i) };
    } else if (c === '<') {
      const end = content.indexOf('>', i);
      yield { operand: content.slice(i, end + 1) };
      i = end + 1;
    } else if (c === '[' || c === ']') {
      yield { operand: c };
      i++;
    } else if (c === '/') {
      const m = /^\/[^\s/\[\]()<>{}%]*/.exec(content.slice(i, i + 200))!;
      yield { operand: m[0] };
      i += m[0].length;
    } else {
      const m = /^[^\s/\[\]()<>{}%]+/.exec(content.slice(i, i + 200))!;
      const word = m[0];
      i += word.length;
      if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word) || word === 'true' || word === 'false' || word === 'null') yield { operand: word };
      else yield { op: word };
    }
  }
}

export interface MarkedContentReport {
  /** Painting operators outside both structure content and artifacts, per page: "page 3: f". */
  unmarked: string[];
  /** MCIDs found in each page's content stream. */
  mcids: Map<number, Set<number>>;
  /** Artifacts per page, by their properties ("/Artifact <</Type /Pagination /Subtype /Header>>"). */
  artifacts: Map<number, string[]>;
  /** Unbalanced marked content (an EMC without a BDC, a sequence open at the stream's end). */
  unbalanced: string[];
}

export function markedContent(bytes: Uint8Array): MarkedContentReport {
  const doc = mupdf.Document.openDocument(bytes, 'application/pdf') as mupdf.PDFDocument;
  const report: MarkedContentReport = { unmarked: [], mcids: new Map(), artifacts: new Map(), unbalanced: [] };
  try {
    for (let p = 0; p < doc.countPages(); p++) {
      const contents = doc.findPage(p).get('Contents');
      const streams = contents.isArray() ? Array.from({ length: contents.length }, (_, i) => contents.get(i)) : [contents];
      const content = streams.map((s) => Buffer.from(s.readStream().asUint8Array()).toString('latin1')).join('\n');
      const stack: { tag: string; mcid?: number; artifact: boolean }[] = [];
      const mcids = new Set<number>();
      const artifacts: string[] = [];
      let operands: string[] = [];
      for (const token of tokens(content)) {
        if ('operand' in token) {
          operands.push(token.operand);
          continue;
        }
        const { op } = token;
        if (op === 'BMC' || op === 'BDC') {
          const tag = operands[0] ?? '';
          const props = op === 'BDC' ? operands[1] ?? '' : '';
          const mcid = /\/MCID\s+(\d+)/.exec(props);
          const entry = { tag, artifact: tag === '/Artifact', ...(mcid ? { mcid: Number(mcid[1]) } : {}) };
          if (entry.mcid !== undefined) {
            if (mcids.has(entry.mcid)) report.unbalanced.push(`page ${p + 1}: MCID ${entry.mcid} used twice`);
            mcids.add(entry.mcid);
          }
          if (entry.artifact) artifacts.push(`${tag} ${props}`.trim());
          stack.push(entry);
        } else if (op === 'EMC') {
          if (stack.pop() === undefined) report.unbalanced.push(`page ${p + 1}: EMC without BMC/BDC`);
        } else if (PAINTING.has(op)) {
          if (!stack.some((e) => e.artifact || e.mcid !== undefined)) report.unmarked.push(`page ${p + 1}: ${op}`);
        }
        operands = [];
      }
      if (stack.length > 0) report.unbalanced.push(`page ${p + 1}: ${stack.length} sequence(s) open at the end`);
      report.mcids.set(p, mcids);
      report.artifacts.set(p, artifacts);
    }
  } finally {
    doc.destroy();
  }
  return report;
}

/** The text of each marked-content sequence, as pdf.js reads it: page index → MCID → text. */
export async function textByMcid(bytes: Uint8Array): Promise<Map<number, Map<number, string>>> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, useSystemFonts: false, disableFontFace: true }).promise;
  const out = new Map<number, Map<number, string>>();
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const content = await (await doc.getPage(p)).getTextContent({ includeMarkedContent: true });
      const texts = new Map<number, string>();
      const open: (number | undefined)[] = [];
      for (const item of content.items) {
        if ('type' in item) {
          if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') {
            const mcid = typeof item.id === 'string' ? Number(/_mc(\d+)$/.exec(item.id)?.[1]) : undefined;
            open.push(Number.isFinite(mcid) ? mcid : undefined);
          } else if (item.type === 'endMarkedContent') open.pop();
          continue;
        }
        const mcid = [...open].reverse().find((m) => m !== undefined);
        if (mcid !== undefined) texts.set(mcid, (texts.get(mcid) ?? '') + item.str);
      }
      out.set(p - 1, texts);
    }
  } finally {
    await doc.destroy();
  }
  return out;
}

/**
 * Step one of parsing: htmlparser2 tokenises the markup (entities decoded, HTML-style) and we build
 * a small positioned tree, rejecting anything outside the vocabulary as early as it is seen.
 *
 * htmlparser2 is forgiving (it closes elements implicitly and drops stray end tags); briefs should
 * not be, so implied closes and stray end tags are errors here.
 */
import { Parser, type Handler, type ParserOptions } from 'htmlparser2';
import { allowedAttributes, isKnownElement } from './vocabulary.js';

export interface MarkupAttribute {
  name: string;
  value: string;
  offset: number;
}

export interface MarkupElement {
  kind: 'element';
  name: string;
  attributes: MarkupAttribute[];
  children: MarkupNode[];
  /** Offset of the element's "<" in the markup. */
  offset: number;
}

export interface MarkupText {
  kind: 'text';
  /** Entities already decoded; whitespace not yet collapsed. */
  text: string;
  offset: number;
}

export type MarkupNode = MarkupElement | MarkupText;

/** Reports a problem at an offset of the markup; never returns. */
export type Fail = (offset: number, reason: string) => never;

const parserOptions: ParserOptions = {
  xmlMode: false,
  decodeEntities: true,
  lowerCaseTags: true,
  lowerCaseAttributeNames: true,
  recognizeSelfClosing: true,
};

/** Parses markup into a tree whose root (named "#root") holds the top-level nodes. */
export function parseMarkupTree(markup: string, fail: Fail, describeOffset: (offset: number) => string): MarkupElement {
  const root: MarkupElement = { kind: 'element', name: '#root', attributes: [], children: [], offset: 0 };
  const open: MarkupElement[] = [root];
  let parser: StrictParser | undefined;
  let closingSelfClosingTag = false;
  const current = (): MarkupElement => open[open.length - 1] ?? root;
  const eventOffset = (): number => Math.min(parser?.startIndex ?? 0, markup.length);

  const handler: Partial<Handler> = {
    onopentagname(name) {
      const offset = eventOffset();
      // Named as written: htmlparser2 renames some HTML tags (<image> becomes <img>).
      if (!isKnownElement(name)) fail(offset, `unknown element <${/^<([^\s/>]+)/.exec(markup.slice(offset))?.[1] ?? name}>`);
      const element: MarkupElement = { kind: 'element', name, attributes: [], children: [], offset };
      current().children.push(element);
      open.push(element);
    },
    onattribute(name, value) {
      const element = current();
      const offset = eventOffset();
      if (!(allowedAttributes[element.name] ?? []).includes(name)) {
        fail(offset, `unknown attribute "${name}" on <${element.name}>`);
      }
      if (element.attributes.some((attribute) => attribute.name === name)) {
        fail(offset, `duplicate attribute "${name}" on <${element.name}>`);
      }
      element.attributes.push({ name, value, offset });
    },
    onopentag(name, _attributes, isImplied) {
      if (isImplied) fail(eventOffset(), `</${name}> has no matching <${name}>`);
    },
    onclosetag(name, isImplied) {
      const element = current();
      // htmlparser2 reports the close of a self-closing tag ("<page-break/>") as implied too.
      if (isImplied && !closingSelfClosingTag) {
        const offset = eventOffset();
        const next = /^<([a-zA-Z][^\s/>]*)/.exec(markup.slice(offset))?.[1]?.toLowerCase();
        const where = next === undefined ? '' : ` before <${next}>`;
        fail(offset, `<${element.name}> opened at ${describeOffset(element.offset)} is not closed${where}`);
      }
      if (element.name !== name) fail(eventOffset(), `</${name}> does not close <${element.name}>`);
      open.pop();
    },
    ontext(text) {
      const siblings = current().children;
      const previous = siblings[siblings.length - 1];
      if (previous?.kind === 'text') previous.text += text;
      else siblings.push({ kind: 'text', text, offset: eventOffset() });
    },
    onprocessinginstruction() {
      fail(eventOffset(), 'declarations and processing instructions are not allowed');
    },
  };

  /** Checks end tags before htmlparser2 silently drops or implicitly resolves them. */
  class StrictParser extends Parser {
    override onclosetag(start: number, endIndex: number): void {
      const name = markup.slice(start, endIndex).trim().toLowerCase();
      const tagOffset = markup.lastIndexOf('</', start);
      if (!isKnownElement(name)) fail(tagOffset, `unknown element </${name}>`);
      const element = current();
      if (!open.some((candidate) => candidate !== root && candidate.name === name)) {
        fail(tagOffset, `</${name}> has no matching <${name}>`);
      }
      if (element.name !== name) {
        fail(tagOffset, `<${element.name}> opened at ${describeOffset(element.offset)} is not closed before </${name}>`);
      }
      super.onclosetag(start, endIndex);
    }

    override onselfclosingtag(endIndex: number): void {
      closingSelfClosingTag = true;
      try {
        super.onselfclosingtag(endIndex);
      } finally {
        closingSelfClosingTag = false;
      }
    }
  }

  parser = new StrictParser(handler, parserOptions);
  parser.parseComplete(markup);
  return root;
}

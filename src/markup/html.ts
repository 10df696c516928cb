/**
 * Escaping by construction: markup is only ever made by `element()`, which escapes every text child
 * and attribute value. Tag and attribute names are literals in the renderer, never data.
 */

/** HTML that this module built (already escaped). */
export class Html {
  private constructor(readonly value: string) {}

  /** Only for the module itself; everything else goes through element() or text(). */
  static trusted(value: string): Html {
    return new Html(value);
  }

  toString(): string {
    return this.value;
  }
}

export type HtmlChild = Html | string | readonly HtmlChild[];
export type HtmlAttributes = Readonly<Record<string, string | number | undefined>>;

const escapes: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => escapes[character] ?? character);
}

const voidElements = new Set(['col', 'hr', 'br']);

export function element(tag: string, attributes: HtmlAttributes, ...children: HtmlChild[]): Html {
  const attributeText = Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeHtml(String(value))}"`)
    .join('');
  if (voidElements.has(tag)) return Html.trusted(`<${tag}${attributeText}>`);
  return Html.trusted(`<${tag}${attributeText}>${join(children).value}</${tag}>`);
}

export function join(children: readonly HtmlChild[], separator = ''): Html {
  return Html.trusted(children.map(childToString).join(separator));
}

function childToString(child: HtmlChild): string {
  if (child instanceof Html) return child.value;
  if (typeof child === 'string') return escapeHtml(child);
  return child.map(childToString).join('');
}

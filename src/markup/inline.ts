/** Inline content: styled runs with whitespace collapsed the way HTML does it. */
import type { Inline } from '../document/model.js';
import type { Fail, MarkupNode } from './markupTree.js';

type InlineStyle = Omit<Inline, 'text'>;

const styleOfElement: Readonly<Record<string, keyof InlineStyle>> = {
  b: 'bold',
  cite: 'cite',
  ltr: 'ltr',
  muted: 'muted',
};

/** Runs of inline markup, e.g. the children of a <p>, <li> or <td>. */
export function collectInline(nodes: readonly MarkupNode[], container: string, fail: Fail): Inline[] {
  const runs: Inline[] = [];
  const visit = (node: MarkupNode, style: InlineStyle): void => {
    if (node.kind === 'text') {
      runs.push({ text: node.text, ...style });
      return;
    }
    const flag = styleOfElement[node.name];
    if (flag === undefined) fail(node.offset, `<${node.name}> is not allowed inside <${container}>`);
    for (const child of node.children) visit(child, { ...style, [flag]: true });
  };
  for (const node of nodes) visit(node, {});
  return mergeEqualRuns(collapseWhitespace(runs));
}

/** Plain text only, e.g. a cover line: inline elements are errors. */
export function collectPlainText(nodes: readonly MarkupNode[], container: string, fail: Fail): string {
  for (const node of nodes) {
    if (node.kind === 'element') fail(node.offset, `<${node.name}> is not allowed inside <${container}>`);
  }
  return collapseText(nodes.map((node) => (node.kind === 'text' ? node.text : '')).join(''));
}

/** HTML's white-space: normal — ASCII whitespace only, so no-break and other Unicode spaces survive. */
const asciiWhitespace = /[ \t\n\r\f]+/g;

export function collapseText(text: string): string {
  return text.replace(asciiWhitespace, ' ').replace(/^ | $/g, '');
}

/** Collapses across run boundaries, so "نص <b> عريض</b>" keeps exactly one space between the words. */
function collapseWhitespace(runs: readonly Inline[]): Inline[] {
  const collapsed: Inline[] = [];
  let afterSpace = true; // leading whitespace of the block is dropped
  for (const run of runs) {
    let text = run.text.replace(asciiWhitespace, ' ');
    if (afterSpace && text.startsWith(' ')) text = text.slice(1);
    if (text === '') continue;
    afterSpace = text.endsWith(' ');
    collapsed.push({ ...run, text });
  }
  // Trailing whitespace of the block is dropped too.
  for (let last = collapsed.at(-1); last !== undefined && last.text.endsWith(' '); last = collapsed.at(-1)) {
    last.text = last.text.slice(0, -1);
    if (last.text !== '') break;
    collapsed.pop();
  }
  return collapsed;
}

/** Citation markers and isolates stay separate units: two markers side by side are two sources. */
function canMerge(a: Inline, b: Inline): boolean {
  return a.bold === b.bold && a.muted === b.muted && !a.cite && !b.cite && !a.ltr && !b.ltr;
}

function mergeEqualRuns(runs: readonly Inline[]): Inline[] {
  const merged: Inline[] = [];
  for (const run of runs) {
    const previous = merged[merged.length - 1];
    if (previous !== undefined && canMerge(previous, run)) previous.text += run.text;
    else merged.push({ ...run });
  }
  return merged;
}

/**
 * `briefs typeset FILE.txt`: any UTF-8 text, one paragraph per line, justified right-to-left on A4
 * at 12 pt, with page numbers.
 */
import type { Digits, TypesetResult } from '../document/model.js';
import { locateUnsupportedCharacters, UndrawableTextError } from '../fonts/coverage.js';
import { engineTextNode } from './textNodes.js';
import { renderDefinition } from './render.js';
import { CONTENT_WIDTH, pageFooter, pageGeometry } from './furniture.js';
import { addNode, contentTag, newDocumentStructure } from './structure/tree.js';

/** Throws UndrawableTextError, naming each line, column and code point, for a character no embedded font has. */
export async function typesetPlainText(text: string, opts: { digits: Digits }): Promise<TypesetResult> {
  const undrawable = locateUnsupportedCharacters(text.replace(/^\uFEFF/, ''));
  if (undrawable.length > 0) throw new UndrawableTextError(undrawable);
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  let pages = 0;
  const structure = newDocumentStructure();
  const content = lines.map((line) =>
    engineTextNode([{ text: line }], CONTENT_WIDTH, { fontSize: 12, alignment: 'justify', digits: opts.digits }, {
      margin: [0, 0, 0, 6],
      _tag: contentTag(addNode(structure.root, 'P')),
    }),
  );
  return renderDefinition(
    {
      ...pageGeometry,
      defaultStyle: { font: 'AmiriArabic', fontSize: 12, lineHeight: 1.25 },
      content,
      footer: (current: number, count: number) => {
        pages = Math.max(pages, count);
        return pageFooter(current, count, '', opts.digits);
      },
    },
    { title: lines[0]?.slice(0, 80) ?? '', date: '2000-01-01' },
    () => pages,
    structure,
  );
}

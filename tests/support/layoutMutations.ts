/**
 * Small, deliberate changes to a brief, applied through the public pipeline pieces (a copy of the
 * dataset, the blocks the template engine hands to the typesetter, the digit style) — never by editing
 * committed files. The mutation tests use them to show that the layout snapshots notice each one.
 */
import type { Dataset } from '../../src/model/index.js';
import type { TemplateEngine } from '../../src/template/index.js';
import type { Block, Cell } from '../../src/document/model.js';

export type BlocksMutation = (blocks: Block[]) => Block[];

/** The same engine, except that the blocks of every rendered template pass through `mutate`. */
export function withMutatedBlocks(engine: TemplateEngine, mutate: BlocksMutation): TemplateEngine {
  return {
    templateNames: engine.templateNames,
    render: (name, context) => engine.render(name, context),
    renderBlocks: (name, context) => mutate(structuredClone(engine.renderBlocks(name, context))),
  };
}

type Paragraph = Extract<Block, { kind: 'paragraph' }>;

/** The n-th (0-based) body paragraph: the lead paragraph under the title is skipped. */
function bodyParagraph(blocks: Block[], n = 0): Paragraph {
  const found = blocks.filter((b): b is Paragraph => b.kind === 'paragraph' && b.style !== 'lead')[n];
  if (!found) throw new Error(`no body paragraph #${n}`);
  return found;
}

/** The first words of the first body paragraph in reverse order: the text reads backwards. */
export const reverseFirstWords =
  (count: number): BlocksMutation =>
  (blocks) => {
    const inline = bodyParagraph(blocks).content[0]!;
    const words = inline.text.split(' ');
    inline.text = [...words.slice(0, count).reverse(), ...words.slice(count)].join(' ');
    return blocks;
  };

/**
 * The first body paragraph laid out as one left-to-right run: same text, same logical order in the
 * text layer, but its words drawn left to right — what a missing bidi reordering looks like.
 */
export const layOutLeftToRight: BlocksMutation = (blocks) => {
  for (const inline of bodyParagraph(blocks).content) inline.ltr = true;
  return blocks;
};

/**
 * One letter of the first body paragraph replaced by a character no embedded font has (U+4E2D, a CJK
 * ideograph), injected after validation. The typesetter refuses it; with coverage mocked to claim it
 * (tests/snapshots/mutations.test.ts), it is drawn as the .notdef box.
 */
export const replaceLetterWithUncovered: BlocksMutation = (blocks) => {
  const inline = bodyParagraph(blocks).content[0]!;
  const at = inline.text.search(/\p{Script=Arabic}/u);
  inline.text = `${inline.text.slice(0, at)}\u4E2D${inline.text.slice(at + 1)}`;
  return blocks;
};

/** The first two columns of the first table exchanged, in its header, its rows and its weights. */
export const swapFirstTableColumns: BlocksMutation = (blocks) => {
  const table = blocks.find((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');
  if (!table) throw new Error('no table');
  const swap = (row: Cell[]) => row.splice(0, 2, row[1]!, row[0]!);
  table.header.forEach(swap);
  table.rows.forEach(swap);
  if (table.weights) table.weights.splice(0, 2, table.weights[1]!, table.weights[0]!);
  return blocks;
};

/** A page break before the first body paragraph: it and everything after move to the next page. */
export const breakPageBefore: BlocksMutation = (blocks) => {
  const index = blocks.indexOf(bodyParagraph(blocks));
  blocks.splice(index, 0, { kind: 'pageBreak' });
  return blocks;
};

/** A copy of the dataset with one figure's single value changed. */
export function withFigureValue(dataset: Dataset, figureId: string, value: number): Dataset {
  const copy = structuredClone(dataset);
  const figure = copy.figures.find((f) => f.id === figureId);
  if (!figure || typeof figure.value !== 'number') throw new Error(`no figure ${figureId} with a single value`);
  (figure as { value: number }).value = value;
  return copy;
}

import type { Block } from '../document/model.js';
import { convertBlocks } from './blocks.js';
import { MarkupError } from './errors.js';
import { parseMarkupTree, type Fail } from './markupTree.js';
import { SourcePosition } from './sourcePosition.js';

/**
 * Parses brief markup (the output of a template) into the typesetting engine's blocks.
 * Throws MarkupError, naming the template and the line and column in the markup, on anything
 * outside the vocabulary or out of place.
 */
export function parseMarkup(markup: string, origin: { template: string }): Block[] {
  const positions = new SourcePosition(markup);
  const fail: Fail = (offset, reason) => {
    const { line, column, excerpt } = positions.locate(offset);
    throw new MarkupError(origin.template, line, column, reason, excerpt);
  };
  const describeOffset = (offset: number): string => {
    const { line, column } = positions.locate(offset);
    return `line ${line}, column ${column}`;
  };
  return convertBlocks(parseMarkupTree(markup, fail, describeOffset), 'top', fail);
}

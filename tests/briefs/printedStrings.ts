/**
 * Everything a brief prints, as the strings a reader sees: one string per paragraph, heading, list
 * item, table cell, card label, chart label and note, cover line. Read from the blocks the
 * typesetter (and the HTML edition) receive, so these tests need no PDF.
 */
import { briefIds, briefs, type BriefId } from '../../src/briefs/registry.js';
import type { Dataset } from '../../src/model/index.js';
import { templatesDir } from '../../src/paths.js';
import { composeBrief } from '../../src/pipeline/renderBrief.js';
import { createTemplateEngine } from '../../src/template/index.js';
import type { Block, Inline } from '../../src/document/model.js';

export interface PrintedString {
  /** Where it sits, e.g. "table cell", "chart label". */
  where: string;
  text: string;
  /** The same string in runs, for tests that care about marked-up parts (cites, muted). */
  runs: Inline[];
}

const joined = (runs: readonly Inline[]) => runs.map((run) => run.text).join('');
const printed = (where: string, runs: Inline[]): PrintedString => ({ where, text: joined(runs), runs });
const plain = (where: string, text: string): PrintedString => ({ where, text, runs: [{ text }] });

export function printedStrings(blocks: readonly Block[]): PrintedString[] {
  return blocks.flatMap((block): PrintedString[] => {
    switch (block.kind) {
      case 'heading':
        return [printed('heading', block.content)];
      case 'paragraph':
        return [printed('paragraph', block.content)];
      case 'list':
        return block.items.map((item) => printed('list item', item));
      case 'table':
        return [...block.header, ...block.rows].flat().map((cell) => printed('table cell', cell.content));
      case 'box':
        return [...(block.title ? [printed('box title', block.title)] : []), ...printedStrings(block.blocks)];
      case 'keyFigures':
        return block.items.flatMap((item) => [printed('card value', item.value), printed('card label', item.label)]);
      case 'chart':
        return [
          plain('chart title', block.title),
          ...block.items.flatMap((item) => [plain('chart label', item.label), ...(item.note ? [plain('chart note', item.note)] : []), ...(item.shown ? [plain('chart value', item.shown)] : [])]),
        ];
      case 'cover':
        return [plain('cover', block.title), ...(block.subtitle ? [plain('cover', block.subtitle)] : []), ...block.lines.map((line) => plain('cover', line))];
      default:
        return [];
    }
  });
}

/** Each brief's blocks for a dataset (derive → template → markup; no typesetting). */
export function composeAll(dataset: Dataset): Map<BriefId, Block[]> {
  const templates = createTemplateEngine(templatesDir);
  return new Map(briefIds.map((id) => [id, composeBrief(briefs[id], { dataset, templates })]));
}

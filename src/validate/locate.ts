import { isMap, isNode, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { FieldPath } from './fieldPath.js';

export interface Position {
  line: number;
  column: number;
}

/**
 * Where a field path points in a YAML document: the value's own position when it exists, else the
 * nearest enclosing node (so a missing field points at the record that lacks it). With
 * `atKey`, points at the key itself (for unknown fields, the key is what is wrong).
 */
export function locate(
  document: Document.Parsed | undefined,
  lineCounter: LineCounter,
  path: FieldPath,
  options: { atKey?: boolean } = {},
): Position {
  if (document === undefined) return { line: 1, column: 1 };
  let node: unknown = document.contents;
  let found: Node | undefined = isNode(node) ? node : undefined;
  for (const [index, segment] of path.entries()) {
    const isLast = index === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && keyOf(item.key) === String(segment));
      if (!pair) break;
      if (isLast && options.atKey && isNode(pair.key)) {
        found = pair.key;
        break;
      }
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
    } else {
      break;
    }
    if (!isNode(node)) break;
    found = node;
  }
  const offset = found?.range?.[0] ?? 0;
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

function keyOf(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' ? key : undefined;
}

/** A path into a data file: keys and list indexes, e.g. ["figures", 3, "value", "min"]. */
export type FieldPath = readonly (string | number)[];

/** "figures[3].value.min" — the form editors see in issues. */
export function formatPath(path: FieldPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text;
}

/** The value at `path` inside plain data, or undefined when any step is missing. */
export function valueAt(root: unknown, path: FieldPath): unknown {
  let current: unknown = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** True when the parent of `path` is an object that lacks the last key (a missing field). */
export function isMissingField(root: unknown, path: FieldPath): boolean {
  if (path.length === 0) return false;
  const parent = valueAt(root, path.slice(0, -1));
  const key = path[path.length - 1]!;
  return parent !== null && typeof parent === 'object' && !Array.isArray(parent) && !(key in parent);
}

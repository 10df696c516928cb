/**
 * Canonical JSON: object keys sorted (by UTF-16 code units, as RFC 8785 sorts them), no whitespace,
 * undefined properties left out (as JSON.stringify does). The same value always gives the same text,
 * whatever order its properties were built in, so it can be hashed and compared byte for byte.
 *
 * The text of a deeply frozen object (the validated records are: validate/validateDataset.ts) cannot
 * change, so it is remembered: a long-lived process (`briefs watch`) writes again only the records an
 * edit changed.
 */
const frozenTexts = new WeakMap<object, string>();

export function canonicalJson(value: unknown): string {
  return canonical(value).text;
}

/** The text, and whether the value can never change (a primitive, or frozen all the way down). */
function canonical(value: unknown): { text: string; fixed: boolean } {
  if (value !== null && typeof value === 'object') {
    const known = frozenTexts.get(value);
    if (known !== undefined) return { text: known, fixed: true };
    let fixed = Object.isFrozen(value);
    let text: string;
    if (Array.isArray(value)) {
      text = `[${value
        .map((item) => {
          if (item === undefined) return 'null';
          const part = canonical(item);
          fixed &&= part.fixed;
          return part.text;
        })
        .join(',')}]`;
    } else {
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, item]) => item !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      text = `{${entries
        .map(([key, item]) => {
          const part = canonical(item);
          fixed &&= part.fixed;
          return `${JSON.stringify(key)}:${part.text}`;
        })
        .join(',')}}`;
    }
    if (fixed) frozenTexts.set(value, text);
    return { text, fixed };
  }
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`canonical JSON has no ${value}`);
  // A function or symbol is left out by JSON.stringify (undefined); only plain data is fixed.
  return { text: JSON.stringify(value), fixed: true };
}

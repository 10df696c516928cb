/**
 * Canonical JSON: object keys sorted (by UTF-16 code units, as RFC 8785 sorts them), no whitespace,
 * undefined properties left out (as JSON.stringify does). The same value always gives the same text,
 * whatever order its properties were built in, so it can be hashed and compared byte for byte.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`canonical JSON has no ${value}`);
  return JSON.stringify(value);
}

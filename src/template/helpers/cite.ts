/** Citation markers: source numbers → "<cite>3</cite>" or "<cite>3، 5</cite>" in the brief markup. */

export function citationMarkup(sources: unknown): string {
  const numbers = (Array.isArray(sources) ? sources : [sources]).map((source) => {
    if (typeof source !== 'number' || !Number.isInteger(source) || source < 1) {
      throw new Error(`expected source numbers (positive integers), got ${JSON.stringify(source) ?? String(source)}`);
    }
    return source;
  });
  if (numbers.length === 0) throw new Error('no source numbers');
  // Digits only (checked above), so the markup needs no escaping.
  const unique = [...new Set(numbers)].sort((a, b) => a - b);
  return `<cite>${unique.join('، ')}</cite>`;
}

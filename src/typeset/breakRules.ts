/**
 * Where a line may not break, character by character (the piece builder marks such pieces
 * noNewLine; lineBreaking.ts keeps them together).
 */

/** Characters that must not begin a line: they glue to the word before them. */
const NO_LINE_START = /^[،؛:.,;!?؟)\]}»”’%…]/u;

export function mayNotStartLine(char: string): boolean {
  return NO_LINE_START.test(char);
}

/** A space that must not break a line: inside a numeric expression ("2016- 2017"). */
export function isGluedSpace(text: string, index: number): boolean {
  return /[-‐‑–]/u.test(text[index - 1] ?? '') && /\p{Nd}/u.test(text[index - 2] ?? '') && /\p{Nd}/u.test(text[index + 1] ?? '');
}

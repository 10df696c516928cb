/** A markup problem, located in the markup a template rendered (line and column are 1-based). */
export class MarkupError extends Error {
  override readonly name = 'MarkupError';

  constructor(
    readonly template: string,
    readonly line: number,
    readonly column: number,
    /** The problem alone, without location. */
    readonly reason: string,
    /** The offending line of markup, to find it in the template. */
    readonly excerpt: string,
  ) {
    super(`${template}: markup error at line ${line}, column ${column}: ${reason}\n  | ${excerpt}`);
  }
}

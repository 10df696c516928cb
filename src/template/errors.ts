/** A template problem, located in a template file (line and column are 1-based). */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';

  constructor(
    /** The template file, e.g. "templates/partials/header.hbs". */
    readonly file: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
    /** The problem alone, without location. */
    readonly reason: string,
  ) {
    super(`${file}${line === undefined ? '' : `:${line}`}${line !== undefined && column !== undefined ? `:${column}` : ''}: ${reason}`);
  }
}

/** A helper failure, carrying the Handlebars location of the call (line 1-based, column 0-based). */
export class HelperError extends Error {
  constructor(
    message: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
  ) {
    super(message);
  }
}

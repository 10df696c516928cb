/**
 * A problem found in the data, located precisely enough for an editor to jump to it.
 * This is a report type, not a data record, so it is a plain interface rather than a zod schema.
 */
export interface ValidationIssue {
  /** Path as shown to the user, e.g. "data/figures.yaml". */
  file: string;
  /** 1-based line and column. */
  line: number;
  column: number;
  /** The field path inside the file, e.g. "figures[3].value.min"; empty for whole-file problems. */
  path: string;
  message: string;
}

/** One readable line: `data/figures.yaml:41:12 figures[3].value.min: must be ≤ max (12 > 5)`. */
export function formatIssue(issue: ValidationIssue): string {
  const where = `${issue.file}:${issue.line}:${issue.column}`;
  return issue.path ? `${where} ${issue.path}: ${issue.message}` : `${where} ${issue.message}`;
}

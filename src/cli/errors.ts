import type { ValidationIssue } from '../model/validationIssue.js';
import { TemplateError } from '../template/errors.js';
import { MarkupError } from '../markup/errors.js';
import { FileSystemError, OutputBusyError, fromNodeError } from '../write/fileSystemError.js';

/** A mistake in how the command was called (exit code 2), as opposed to bad data or templates (1). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * The exit codes, one meaning each (README, "Exit codes"). `check` uses `stale` for a stale out/.
 * Interrupted builds exit 130 (SIGINT) or 143 (SIGTERM), as shells expect.
 */
export const exitCodes = {
  ok: 0,
  /** The data or a template has a problem (or, for `check`, out/ is stale). */
  dataOrTemplate: 1,
  stale: 1,
  usage: 2,
  /** A file or folder cannot be read or written (named in the message). */
  fileSystem: 3,
  /** Another build holds the output folder's lock. */
  busy: 4,
} as const;

export function exitCodeFor(error: unknown): number {
  const known = fromNodeError(error);
  // By name too: modules below the CLI (editions/) report a bad argument without importing the CLI.
  if (known instanceof UsageError || (known as Error | undefined)?.name === 'UsageError') return exitCodes.usage;
  if (known instanceof FileSystemError) return exitCodes.fileSystem;
  if (known instanceof OutputBusyError) return exitCodes.busy;
  // Data files the loader could not read at all (permission, I/O): the file system's fault, not the data's.
  const issues = (known as { name?: unknown; issues?: { message: string }[] } | undefined)?.issues;
  if ((known as Error | undefined)?.name === 'DataError' && Array.isArray(issues) && issues.length > 0 && issues.every((issue) => /^cannot (be read|read the data folder) \(E[A-Z]+\)$/.test(issue.message))) {
    return exitCodes.fileSystem;
  }
  return exitCodes.dataOrTemplate;
}

/** One located problem, as `--json` prints it. */
export interface Problem {
  file: string | null;
  line: number | null;
  column: number | null;
  field: string | null;
  message: string;
}

export interface ErrorDescription {
  kind: string;
  message: string;
  /** Every problem, located where the error knows where (data errors report all at once). */
  problems: Problem[];
}

export function describeError(error: unknown): ErrorDescription {
  const known = fromNodeError(error);
  const kind = known instanceof Error ? known.name : 'Error';
  const message = known instanceof Error ? known.message : String(known);
  return { kind, message, problems: problemsOf(known, message) };
}

function problemsOf(error: unknown, message: string): Problem[] {
  // By name, not instanceof: the CLI must not load the validator (and zod) to describe an error.
  if (error instanceof Error && error.name === 'DataError' && Array.isArray((error as Error & { issues?: unknown }).issues)) {
    const { issues } = error as Error & { issues: ValidationIssue[] };
    return issues.map((issue) => ({ file: issue.file, line: issue.line, column: issue.column, field: issue.path === '' ? null : issue.path, message: issue.message }));
  }
  if (error instanceof TemplateError) return [{ file: error.file, line: error.line ?? null, column: error.column ?? null, field: null, message: error.reason }];
  if (error instanceof MarkupError) return [{ file: error.template, line: error.line, column: error.column, field: null, message: `markup error: ${error.reason}` }];
  if (error instanceof FileSystemError) return [{ file: error.path, line: null, column: null, field: null, message: error.reason }];
  return [{ file: null, line: null, column: null, field: null, message }];
}

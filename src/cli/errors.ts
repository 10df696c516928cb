/** A mistake in how the command was called (exit code 2), as opposed to bad data or templates (1). */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function exitCodeFor(error: unknown): number {
  return error instanceof UsageError ? 2 : 1;
}

export interface ErrorDescription {
  kind: string;
  message: string;
  /** Every problem, one readable line each (data errors report all at once). */
  problems: string[];
}

export function describeError(error: unknown): ErrorDescription {
  const kind = error instanceof Error ? error.name : 'Error';
  // Domain errors (data, template, markup) put one located problem per line in their message.
  const message = error instanceof Error ? error.message : String(error);
  return { kind, message, problems: message.split('\n').filter((line) => line.trim() !== '') };
}

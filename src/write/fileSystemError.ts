/**
 * An operating-system failure on a named path (cannot read, cannot write, not a folder…), as one line:
 * "out/site/index.html: is a folder, not a file". The CLI gives it its own exit code (3).
 */
export class FileSystemError extends Error {
  override name = 'FileSystemError';

  constructor(
    readonly path: string,
    /** What is wrong, in words. */
    readonly reason: string,
    readonly code?: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

/** Another build holds the output folder's lock (the CLI's exit code 4). */
export class OutputBusyError extends Error {
  override name = 'OutputBusyError';
}

const reasons: Record<string, string> = {
  ENOENT: 'does not exist',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EEXIST: 'already exists',
  ENOTEMPTY: 'is a folder that is not empty',
  EMFILE: 'too many open files',
  EBUSY: 'is busy',
  EXDEV: 'is on another file system',
  ELOOP: 'too many symbolic links (a link loop?)',
  ENAMETOOLONG: 'the name is too long',
};

/** A Node fs error (ENOENT, EACCES, …) as a FileSystemError naming the path; anything else unchanged. */
export function fromNodeError(error: unknown, fallbackPath?: string): unknown {
  if (error instanceof FileSystemError) return error;
  const nodeError = error as NodeJS.ErrnoException;
  if (typeof nodeError?.code !== 'string' || !/^E[A-Z]+$/.test(nodeError.code)) return error;
  const where = nodeError.path ?? fallbackPath;
  if (where === undefined) return error;
  const reason = reasons[nodeError.code] ?? nodeError.message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '');
  return new FileSystemError(where, `${reason} (${nodeError.code}${nodeError.syscall ? ` on ${nodeError.syscall}` : ''})`, nodeError.code);
}

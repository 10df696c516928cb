import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface PendingFile {
  /** Path relative to the output directory, e.g. "history.pdf" or "site/index.html". */
  name: string;
  bytes: Uint8Array | string;
}

/**
 * Writes every file to a temporary name beside its target, then renames them all into place.
 * Nothing is renamed until every temporary file is complete, so a failure (disk full, a crash
 * mid-way) leaves the previous outputs untouched; the temporaries are removed.
 */
export async function writeFilesAtomically(outDir: string, files: readonly PendingFile[]): Promise<void> {
  // The suffix only names scratch files that never survive: it cannot reach the outputs.
  const suffix = `.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  const staged: { temp: string; target: string }[] = [];
  try {
    for (const file of files) {
      const target = path.join(outDir, file.name);
      assertInside(outDir, target);
      await mkdir(path.dirname(target), { recursive: true });
      const temp = target + suffix;
      staged.push({ temp, target });
      await writeFile(temp, file.bytes);
    }
    for (const { temp, target } of staged) await rename(temp, target);
  } catch (error) {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })));
    throw error;
  }
}

function assertInside(dir: string, target: string): void {
  const relative = path.relative(dir, target);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new Error(`refusing to write outside ${dir}: ${target}`);
  }
}

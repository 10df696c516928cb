import { hostname } from 'node:os';
import { open, readFile, stat, unlink } from 'node:fs/promises';
import { unlinkSync } from 'node:fs';
import path from 'node:path';
import { OutputBusyError } from './fileSystemError.js';

/** The lock file inside the output folder: one build at a time replaces its files. */
export const lockFileName = '.briefs-lock';

export interface OutputLock {
  release(): Promise<void>;
  /** For a signal handler: release synchronously before the process exits. */
  releaseSync(): void;
}

export interface LockOptions {
  /** How long to wait for another build to finish its write step (ms). */
  waitMs: number;
  /** Told once when the lock is held by another build and this one starts waiting. */
  onWait?: (holder: string) => void;
}

/**
 * Takes out/.briefs-lock (created exclusively; it records the pid and host). A lock left by a build that
 * died (its pid no longer runs on this host) is taken over; a live one is waited for, then refused.
 */
export async function lockOutput(outDir: string, options: LockOptions): Promise<OutputLock> {
  const file = path.join(outDir, lockFileName);
  const deadline = Date.now() + options.waitMs;
  let told = false;
  for (;;) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }) + '\n');
      await handle.close();
      let released = false;
      return {
        async release() {
          if (released) return;
          released = true;
          await unlink(file).catch(() => {});
        },
        releaseSync() {
          if (released) return;
          released = true;
          try {
            unlinkSync(file);
          } catch {
            // already gone
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readHolder(file);
    if (holder !== undefined && holder.host === hostname() && !isRunning(holder.pid)) {
      // The build that took it died (kill -9): nothing of its write step can still be running.
      await unlink(file).catch(() => {});
      continue;
    }
    if (holder === undefined && (await ageMs(file)) > 10_000) {
      // Empty or foreign for ten seconds: a build killed between creating and filling it.
      await unlink(file).catch(() => {});
      continue;
    }
    const who = holder === undefined ? 'another build' : `build ${holder.pid} on ${holder.host} (since ${holder.since})`;
    if (Date.now() >= deadline) {
      throw new OutputBusyError(
        `${outDir} is locked by ${who}: wait for it to finish, or remove ${file} if no build is running`,
      );
    }
    if (!told) options.onWait?.(who);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface Holder {
  pid: number;
  host: string;
  since: string;
}

async function readHolder(file: string): Promise<Holder | undefined> {
  try {
    const value = JSON.parse(await readFile(file, 'utf8')) as Partial<Holder>;
    if (typeof value.pid === 'number' && typeof value.host === 'string') return { pid: value.pid, host: value.host, since: String(value.since) };
  } catch {
    // Being written right now, or not ours: treat as held by someone unknown.
  }
  return undefined;
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function ageMs(file: string): Promise<number> {
  try {
    return Date.now() - (await stat(file)).mtimeMs;
  } catch {
    return 0;
  }
}

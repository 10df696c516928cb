import { randomBytes } from 'node:crypto';
import { lstatSync, rmSync } from 'node:fs';
import { lstat, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PendingFile } from './atomicWrite.js';
import { FileSystemError, fromNodeError } from './fileSystemError.js';
import { isRunning, lockOutput, type OutputLock } from './outputLock.js';

/**
 * The write step: all or nothing, also when the process is killed.
 *
 * 1. Take out/.briefs-lock (one build at a time), and finish or clean up what a dead build left.
 * 2. Ask the build what to write, given the manifest in out/ now (read under the lock).
 * 3. Check every target can be replaced (no folder where a file goes) before touching anything.
 * 4. Write every file into out/.briefs-staging-<pid>-<random>/ (same file system as out/).
 * 5. Commit: one rename puts the journal (what to move, what to remove) at out/.briefs-journal.json.
 * 6. Move each staged file over its target, remove the files the new set no longer has, delete the
 *    journal and the staging folder.
 *
 * Killed before 5, out/ is untouched (the staging folder is removed by the next build); killed after
 * 5, the next build (or `briefs build` of any brief) completes step 6 from the journal before anything
 * else. SIGINT and SIGTERM are handled the same way without waiting for the next build: before the
 * commit the staging folder goes and the process exits; after it, the moves finish first.
 */
export const journalFileName = '.briefs-journal.json';
const stagingPrefix = '.briefs-staging-';
/** The temporary names of the earlier writer (atomicWrite.ts): "<target>.tmp-<pid>-<8 hex>". */
const legacyTemp = /\.tmp-(\d+)-[0-9a-f]{8}$/;

export interface WritePlan {
  /** Every file of the new set, named relative to out/ ("history.pdf", "site/index.html"). */
  files: PendingFile[];
  /** Files of the old set the new one no longer has (relative to out/); removed in the same switch. */
  remove: string[];
}

export interface CommitOptions {
  /** How long to wait for another build's write step (ms). Default 120 s. */
  lockWaitMs?: number;
  onLockWait?: (holder: string) => void;
  /** Testing aid: a pause after each write step (ms); also BRIEFS_WRITE_STEP_DELAY_MS. */
  stepDelayMs?: number;
  /** Testing aid: told before each step; BRIEFS_WRITE_TRACE=1 prints "briefs: write step N: …" on stderr. */
  onStep?: (step: number, what: string) => void;
  /** Handle SIGINT/SIGTERM during the write step (default true). */
  handleSignals?: boolean;
}

interface Journal {
  staging: string;
  files: string[];
  remove: string[];
}

export async function commitOutput(
  outDir: string,
  plan: (previousManifest: string | undefined) => WritePlan | Promise<WritePlan>,
  options: CommitOptions = {},
): Promise<WritePlan> {
  const stepDelayMs = options.stepDelayMs ?? (Number(process.env.BRIEFS_WRITE_STEP_DELAY_MS) || 0);
  const trace = options.onStep ?? (process.env.BRIEFS_WRITE_TRACE === '1' ? (n: number, what: string) => process.stderr.write(`briefs: write step ${n}: ${what}\n`) : undefined);
  let stepNumber = 0;
  const step = async (what: string) => {
    trace?.(++stepNumber, what);
    if (stepDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, stepDelayMs));
  };

  await makeOutputFolder(outDir);
  const lock = await lockOutput(outDir, { waitMs: options.lockWaitMs ?? 120_000, onWait: options.onLockWait });
  const staging = path.join(outDir, `${stagingPrefix}${process.pid}-${randomBytes(4).toString('hex')}`);
  // What a signal does depends on how far the switch has gone.
  let phase: 'before' | 'applying' | 'done' = 'before';
  let pendingSignal: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (phase === 'applying') {
      pendingSignal = signal; // finish the moves: out/ becomes the new set, then exit
      return;
    }
    rmSync(staging, { recursive: true, force: true });
    lock.releaseSync();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  const handleSignals = options.handleSignals ?? true;
  if (handleSignals) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  try {
    await recoverOutput(outDir, { locked: true });
    const previous = await readFile(path.join(outDir, 'manifest.json'), 'utf8').catch(() => undefined);
    const planned = await plan(previous);
    const files = [...planned.files].sort((a, b) => rankLast(a.name, 'manifest.json') - rankLast(b.name, 'manifest.json'));
    for (const file of files) assertInside(outDir, file.name);
    // Names to remove come from the old manifest: one pointing outside out/ (or at our own files) is ignored.
    const remove = planned.remove.filter((name) => isInside(outDir, name) && !path.basename(name).startsWith('.briefs-') && !files.some((file) => file.name === name));
    await preflight(outDir, files.map((file) => file.name), remove);

    for (const file of files) {
      await step(`stage ${file.name}`);
      const temp = path.join(staging, file.name);
      await mkdir(path.dirname(temp), { recursive: true });
      await writeFile(temp, file.bytes);
    }
    await mkdir(staging, { recursive: true });
    const journal: Journal = { staging: path.basename(staging), files: files.map((file) => file.name), remove };
    await step('write the journal');
    await writeFile(path.join(staging, journalFileName), JSON.stringify(journal) + '\n');
    await step('commit');
    phase = 'applying';
    await rename(path.join(staging, journalFileName), path.join(outDir, journalFileName));
    await applyJournal(outDir, journal, step);
    phase = 'done';
    return { files, remove };
  } catch (error) {
    if (phase === 'before') await rm(staging, { recursive: true, force: true }).catch(() => {});
    throw fromNodeError(error);
  } finally {
    if (handleSignals) {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
    await lock.release();
    if (pendingSignal !== undefined) process.exit(pendingSignal === 'SIGINT' ? 130 : 143);
  }
}

/**
 * Puts out/ back into one consistent state after a build that died: completes a committed switch
 * (the journal), removes staging folders and the earlier writer's temporary files of dead builds.
 * Takes the lock unless the caller holds it.
 */
export async function recoverOutput(outDir: string, options: { locked?: boolean } = {}): Promise<void> {
  let lock: OutputLock | undefined;
  if (!options.locked) {
    try {
      lock = await lockOutput(outDir, { waitMs: 120_000 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // no out/ yet
      throw error;
    }
  }
  try {
    const journalText = await readFile(path.join(outDir, journalFileName), 'utf8').catch(() => undefined);
    if (journalText !== undefined) {
      const journal = parseJournal(journalText);
      if (journal !== undefined) await applyJournal(outDir, journal, async () => {});
      else await rm(path.join(outDir, journalFileName), { force: true });
    }
    for (const name of await readdir(outDir)) {
      if (name.startsWith(stagingPrefix)) await rm(path.join(outDir, name), { recursive: true, force: true });
    }
    await removeLegacyTemporaries(outDir);
  } finally {
    await lock?.release();
  }
}

/** Is a switch committed but not finished (a build killed in its last step)? */
export async function hasPendingJournal(outDir: string): Promise<boolean> {
  return lstat(path.join(outDir, journalFileName)).then(() => true, () => false);
}

/** Moves each staged file into place; idempotent, so a second run after a kill completes the first. */
async function applyJournal(outDir: string, journal: Journal, step: (what: string) => Promise<void>): Promise<void> {
  const staging = path.join(outDir, journal.staging);
  for (const name of journal.files) {
    await step(`move ${name}`);
    const target = path.join(outDir, name);
    await mkdir(path.dirname(target), { recursive: true });
    try {
      await rename(path.join(staging, name), target);
    } catch (error) {
      // Moved already by the run that was killed.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  for (const name of journal.remove) {
    await step(`remove ${name}`);
    await rm(path.join(outDir, name), { force: true });
  }
  await step('finish');
  await rm(path.join(outDir, journalFileName), { force: true });
  await rm(staging, { recursive: true, force: true });
}

function parseJournal(text: string): Journal | undefined {
  try {
    const value = JSON.parse(text) as Journal;
    const names = (list: unknown): list is string[] => Array.isArray(list) && list.every((name) => typeof name === 'string' && !name.split('/').includes('..'));
    if (typeof value.staging === 'string' && value.staging.startsWith(stagingPrefix) && !value.staging.includes('/') && names(value.files) && names(value.remove)) return value;
  } catch {
    // a journal cut short is never renamed into place; anything else is not ours
  }
  return undefined;
}

async function removeLegacyTemporaries(outDir: string): Promise<void> {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    const match = legacyTemp.exec(entry.name);
    if (match === null || !entry.isFile() || isRunning(Number(match[1]))) continue;
    await rm(path.join(entry.parentPath, entry.name), { force: true });
  }
}

async function makeOutputFolder(outDir: string): Promise<void> {
  const info = await stat(outDir).catch(() => undefined);
  if (info !== undefined && !info.isDirectory()) throw new FileSystemError(outDir, 'the output folder is a file, not a folder');
  try {
    await mkdir(outDir, { recursive: true });
  } catch (error) {
    throw fromNodeError(error, outDir);
  }
}

/** Every target must be a file or absent, under folders (or nothing): else nothing is written at all. */
export async function preflight(outDir: string, names: readonly string[], remove: readonly string[]): Promise<void> {
  for (const name of [...names, ...remove]) {
    const parts = name.split('/');
    let at = outDir;
    for (const [index, part] of parts.entries()) {
      at = path.join(at, part);
      let info;
      try {
        info = lstatSync(at);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') break;
        throw fromNodeError(error, at);
      }
      const last = index === parts.length - 1;
      if (!last && !info.isDirectory()) throw new FileSystemError(at, `is a file where the build needs a folder (for ${name}): nothing was written`);
      if (last && info.isDirectory()) throw new FileSystemError(at, 'is a folder where the build writes a file: nothing was written');
    }
  }
}

function isInside(dir: string, name: string): boolean {
  const relative = path.relative(dir, path.join(dir, name));
  return !(relative === '' || relative.startsWith('..') || path.isAbsolute(relative));
}

function assertInside(dir: string, name: string): void {
  if (!isInside(dir, name)) throw new Error(`refusing to write outside ${dir}: ${name}`);
}

function rankLast(name: string, last: string): number {
  return name === last ? 1 : 0;
}

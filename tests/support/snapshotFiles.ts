/**
 * Where the layout snapshots live, and whether this run may rewrite them.
 *
 *   tests/snapshots/layout/<brief>.txt          layout dump (committed; written by vitest -u)
 *   tests/snapshots/pages/<brief>/page-NN.png   page images (committed; written in update mode)
 *   tests/snapshots/__output__/                 what a failing run rendered (git-ignored)
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const snapshotsDir = fileURLToPath(new URL('../snapshots/', import.meta.url));
export const outputDir = path.join(snapshotsDir, '__output__');

export const layoutReferencePath = (brief: string) => path.join(snapshotsDir, 'layout', `${brief}.txt`);
export const pagesReferenceDir = (brief: string) => path.join(snapshotsDir, 'pages', brief);
const pageFile = (page: number) => `page-${String(page).padStart(2, '0')}.png`;

/** Paths as a person would type them, relative to the repository (messages must not name /tmp or /home). */
export const repoPath = (file: string) => path.relative(path.resolve(snapshotsDir, '../..'), file);

/**
 * vitest's own snapshot mode: "all" under `vitest -u` (npm run test:update), "new" locally (missing
 * snapshots are written), "none" in CI (a missing snapshot fails).
 */
export function snapshotUpdateMode(): 'all' | 'new' | 'none' {
  // Inside a test, vitest's snapshot state says it; in a beforeAll hook only the worker's config does.
  const inTest = expect.getState().snapshotState as { snapshotUpdateState?: UpdateMode } | undefined;
  const worker = (globalThis as { __vitest_worker__?: { config?: { snapshotOptions?: { updateSnapshot?: UpdateMode } } } })
    .__vitest_worker__;
  const mode = inTest?.snapshotUpdateState ?? worker?.config?.snapshotOptions?.updateSnapshot;
  if (!mode) throw new Error('cannot tell vitest’s snapshot update mode');
  return mode;
}

type UpdateMode = 'all' | 'new' | 'none';

export function readLayoutReference(brief: string): string | undefined {
  const file = layoutReferencePath(brief);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** Reference images in page order; pages without one are undefined. */
export function readPageReferences(brief: string): (Buffer | undefined)[] {
  const dir = pagesReferenceDir(brief);
  if (!existsSync(dir)) return [];
  const pages = readdirSync(dir)
    .map((name) => /^page-(\d+)\.png$/.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]));
  const count = Math.max(0, ...pages);
  return Array.from({ length: count }, (_, i) => {
    const file = path.join(dir, pageFile(i + 1));
    return existsSync(file) ? readFileSync(file) : undefined;
  });
}

/** Replaces a brief's reference images with these pages (update mode only). */
export function writePageReferences(brief: string, images: Buffer[]): void {
  const dir = pagesReferenceDir(brief);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  images.forEach((png, i) => writeFileSync(path.join(dir, pageFile(i + 1)), png));
}

/** Writes a failing run's images for a person to look at; returns the folder. */
export function writePageOutput(brief: string, files: { page: number; actual?: Buffer; diff?: Buffer }[]): string {
  const dir = path.join(outputDir, 'pages', brief);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const { page, actual, diff } of files) {
    const base = pageFile(page).replace(/\.png$/, '');
    if (actual) writeFileSync(path.join(dir, `${base}.actual.png`), actual);
    if (diff) writeFileSync(path.join(dir, `${base}.diff.png`), diff);
  }
  return dir;
}

/** Writes a failing run's layout dump beside the reference's name, for `git diff --no-index`. */
export function writeLayoutOutput(brief: string, dump: string): string {
  const file = path.join(outputDir, 'layout', `${brief}.txt`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, dump);
  return file;
}

import { readdir } from 'node:fs/promises';

/**
 * Which entries of a data folder are data files. The loader reads exactly these, and `briefs check`
 * fingerprints exactly these, so a file can never change a brief without making out/ stale.
 *
 * - `*.yaml` and `*.yml` directly inside the folder (sub-folders are not read);
 * - names starting with "." are skipped: hidden files and editors' lock, swap and backup files
 *   (Emacs' `.#events.yaml` lock, often a dangling symlink; vim's `.events.yaml.swp`);
 * - a symbolic link is followed: its target's content is the file's content (a dangling link is a
 *   data error naming the file).
 */
export function isDataFileName(name: string): boolean {
  return !name.startsWith('.') && /\.ya?ml$/i.test(name);
}

/** The data file names in `dir`, sorted (code-unit order). Throws the folder's read error (ENOENT, ENOTDIR, EACCES). */
export async function listDataFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter(isDataFileName).sort();
}

import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * What a build's output depends on, recorded in out/manifest.json so `briefs check` can tell,
 * without rebuilding, whether out/ still matches data/, templates/, the generator and the options.
 */
export interface InputsRecord {
  /** sha256 over everything below: one value to compare at a glance. */
  fingerprint: string;
  generatorVersion: string;
  digits: string;
  /** sha256 of every input file, keyed "data/<relative path>" or "templates/<relative path>", sorted. */
  files: Record<string, string>;
}

export interface InputSources {
  dataDir: string;
  templatesDir: string;
  generatorVersion: string;
  digits: string;
}

/** Reads data/ and templates/ and fingerprints them with the generator version and the digits option. */
export async function recordInputs(sources: InputSources): Promise<InputsRecord> {
  const files: Record<string, string> = {};
  // The keys use fixed prefixes, not the directories' real names, so a copy of the inputs elsewhere
  // (a temp dir, --data DIR) fingerprints the same as the original.
  for (const [prefix, dir] of [['data', sources.dataDir], ['templates', sources.templatesDir]] as const) {
    for (const relative of await listFiles(dir)) {
      files[`${prefix}/${relative}`] = sha256Hex(await readFile(path.join(dir, ...relative.split('/'))));
    }
  }
  return fingerprintInputs({ generatorVersion: sources.generatorVersion, digits: sources.digits, files });
}

/** Pure: the record for already-hashed inputs (files are re-sorted, so key order never matters). */
export function fingerprintInputs(inputs: Omit<InputsRecord, 'fingerprint'>): InputsRecord {
  const files = Object.fromEntries(Object.entries(inputs.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const canonical = JSON.stringify({ generatorVersion: inputs.generatorVersion, digits: inputs.digits, files });
  return { fingerprint: sha256Hex(canonical), generatorVersion: inputs.generatorVersion, digits: inputs.digits, files };
}

/**
 * Every regular file below dir, as sorted "/"-separated relative paths. Hidden files and folders
 * (.git, editor swap files, .DS_Store) are skipped: they are not inputs and would make out/ look stale.
 * A missing directory has no files.
 */
async function listFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((relative) => !relative.split('/').some((part) => part.startsWith('.')))
    .sort();
}

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

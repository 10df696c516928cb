import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { listDataFiles } from '../load/index.js';
import { listTemplateFiles } from '../template/templateFiles.js';
import { sha256 } from '../write/manifest.js';

/**
 * What a build's output depends on, as a build would read it now. Each output's manifest entry records
 * the part it was built from (see record.ts), so `briefs check` can tell, without rebuilding, whether
 * every file in out/ still matches data/, templates/, the generator and the options.
 */
export interface InputsRecord {
  /** sha256 over everything below: one value to compare at a glance. */
  fingerprint: string;
  generatorVersion: string;
  digits: string;
  /** sha256 over the data files' hashes (keys "data/…"). */
  data: string;
  /** sha256 over the template files' hashes (keys "templates/…"). */
  templates: string;
  /** sha256 of every input file, keyed "data/<name>" or "templates/<relative path>", sorted. */
  files: Record<string, string>;
}

export interface InputSources {
  dataDir: string;
  templatesDir: string;
  generatorVersion: string;
  digits: string;
}

/**
 * Reads the inputs and fingerprints them with the generator version and the digits option. The data
 * files are the loader's own list (load/dataFiles.ts), the templates the engine's (templateFiles.ts):
 * what is fingerprinted is exactly what a build reads. A missing data folder has no files.
 */
export async function recordInputs(sources: InputSources): Promise<InputsRecord> {
  const files: Record<string, string> = {};
  // Fixed prefixes, not the directories' real names: a copy of the inputs elsewhere (a temp dir,
  // --data DIR) fingerprints the same as the original.
  // Read side by side (a watch rebuild starts with this; hashFile never throws).
  const entries: [string, string][] = [
    ...(await dataFileNames(sources.dataDir)).map((name): [string, string] => [`data/${name}`, path.join(sources.dataDir, name)]),
    ...templateFileNames(sources.templatesDir).map((relative): [string, string] => [`templates/${relative}`, path.join(sources.templatesDir, ...relative.split('/'))]),
  ];
  const hashes = await Promise.all(entries.map(([, file]) => hashFile(file)));
  entries.forEach(([key], i) => (files[key] = hashes[i]!));
  return fingerprintInputs({ generatorVersion: sources.generatorVersion, digits: sources.digits, files });
}

/** Pure: the record for already-hashed inputs (files are re-sorted, so key order never matters). */
export function fingerprintInputs(inputs: Pick<InputsRecord, 'generatorVersion' | 'digits' | 'files'>): InputsRecord {
  const files = Object.fromEntries(Object.entries(inputs.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const canonical = JSON.stringify({ generatorVersion: inputs.generatorVersion, digits: inputs.digits, files });
  return {
    fingerprint: sha256(canonical),
    generatorVersion: inputs.generatorVersion,
    digits: inputs.digits,
    data: fingerprintFiles(files, 'data/'),
    templates: fingerprintFiles(files, 'templates/'),
    files,
  };
}

/** sha256 over the hashes of the files whose key starts with `prefix` (sorted keys). */
export function fingerprintFiles(files: Record<string, string>, prefix: string): string {
  return sha256(JSON.stringify(Object.entries(files).filter(([key]) => key.startsWith(prefix)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}

async function dataFileNames(dir: string): Promise<string[]> {
  try {
    return await listDataFiles(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

function templateFileNames(dir: string): string[] {
  let briefs;
  try {
    briefs = listTemplateFiles(dir, '', false).map((file) => file.displayPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const partials = listTemplateFiles(path.join(dir, 'partials'), 'partials', false).map((file) => file.displayPath);
  return [...briefs, ...partials].sort();
}

/**
 * A file's sha256; one that cannot be read (a dangling link, no permission) gets a marker naming why,
 * so it still counts as an input (the build reports it) and its repair makes out/ stale.
 */
async function hashFile(file: string): Promise<string> {
  try {
    return sha256(await readFile(file));
  } catch (error) {
    return `unreadable: ${(error as NodeJS.ErrnoException).code ?? 'error'}`;
  }
}

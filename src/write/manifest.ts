import { createHash } from 'node:crypto';

/** What one output was built from: compared by `briefs check` with what a build would use now. */
export interface BuiltFrom {
  /** Fingerprint of the data files (check/inputs.ts). */
  data: string;
  /** Fingerprint of the template files. */
  templates: string;
  digits: string;
  generatorVersion: string;
  /** The data's as-of date, printed in the brief. */
  asOf: string;
}

export interface ManifestEntry {
  file: string;
  brief: string;
  title: string;
  pages: number;
  bytes: number;
  sha256: string;
  /** Repeated per file so a single entry copied elsewhere still says what it is. */
  asOf: string;
  generatorVersion: string;
  digits: string;
  /**
   * This file's own inputs: a partial build (--brief) rewrites only its own entries. Missing only in
   * an entry read from a manifest that did not record them whole (parseManifest): such a file is stale.
   */
  inputs?: BuiltFrom;
  /** The edition id printed in the file's footer and attached data (editions/editionId.ts). */
  edition?: string;
  /** The edition its change list compares with, when the build was given one (--previous). */
  previousEdition?: string | null;
}

/** The site (out/site/), written only by a full build, with its own inputs and every file's sha256. */
export interface SiteRecord {
  /** Missing only when read from a manifest that did not record them whole (parseManifest). */
  inputs?: BuiltFrom;
  /** sha256 of every site file, keyed by its path relative to out/, e.g. "site/index.html". */
  files: Record<string, string>;
}

export interface Manifest {
  generator: { name: string; version: string };
  /** The as-of date every file shares; null when files were built from data with different dates. */
  asOf: string | null;
  /** The digits every file shares; null when files were built with different --digits. */
  digits: string | null;
  /** The edition every file belongs to; null when out/ holds files of several editions. */
  edition?: string | null;
  files: ManifestEntry[];
  site?: SiteRecord;
  /**
   * sha256 of each input file, per data or templates fingerprint that an entry above names, so that
   * `briefs check` can say which file changed ("data/events.yaml: changed since out/ was built").
   */
  inputFiles: Record<string, Record<string, string>>;
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Stable, human-diffable JSON: fixed key order from the types above, files in registry order. */
export function serializeManifest(manifest: Manifest): string {
  return JSON.stringify(manifest, null, 2) + '\n';
}

export interface ManifestInput {
  generator: { name: string; version: string };
  /** The manifest already in out/ (read under the output lock), if any. */
  previous: Manifest | undefined;
  /** The entries this build wrote. */
  built: readonly ManifestEntry[];
  /** The site files this build wrote (a full build), with what they were built from. */
  site?: SiteRecord;
  /** Did this build write every brief? Then it describes all of out/ and keeps nothing old. */
  fullBuild: boolean;
  /** Input file hashes this build read, keyed "data/…", "templates/…". */
  inputFiles: Record<string, string>;
  /** Registry order of the files. */
  order: readonly string[];
  /** Fingerprint one side of the inputs (data/ or templates/) the way check/inputs.ts does. */
  fingerprintFiles(files: Record<string, string>, prefix: string): string;
}

/**
 * The manifest after a build. A full build describes exactly what it wrote (entries of briefs that no
 * longer exist go). A partial build (--brief history) replaces only its own entries; the others keep
 * their own inputs, so a mix of inputs in out/ is recorded as a mix and `briefs check` sees it.
 */
export function composeManifest(input: ManifestInput): Manifest {
  const byFile = new Map<string, ManifestEntry>();
  if (!input.fullBuild) for (const entry of input.previous?.files ?? []) byFile.set(entry.file, entry);
  for (const entry of input.built) byFile.set(entry.file, entry);
  const rank = (file: string) => {
    const index = input.order.indexOf(file);
    return index === -1 ? input.order.length : index;
  };
  const files = [...byFile.values()].sort((a, b) => rank(a.file) - rank(b.file) || a.file.localeCompare(b.file));
  const site = input.fullBuild ? input.site : input.previous?.site;

  // Input file lists for every fingerprint still named: this build's, else the previous manifest's.
  const current: Record<string, Record<string, string>> = {};
  for (const prefix of ['data/', 'templates/']) {
    const subset = Object.fromEntries(Object.entries(input.inputFiles).filter(([key]) => key.startsWith(prefix)));
    current[input.fingerprintFiles(subset, prefix)] = subset;
  }
  const named = new Set([...files.map((entry) => entry.inputs), ...(site ? [site.inputs] : [])].flatMap((from) => (from ? [from.data, from.templates] : [])));
  const inputFiles: Record<string, Record<string, string>> = {};
  for (const fingerprint of [...named].sort()) {
    const list = current[fingerprint] ?? input.previous?.inputFiles?.[fingerprint];
    if (list !== undefined) inputFiles[fingerprint] = list;
  }

  const shared = <T>(values: T[]): T | null => (values.length > 0 && values.every((value) => value === values[0]) ? values[0]! : null);
  const described = [...files.map((entry) => entry.inputs), ...(site ? [site.inputs] : [])].filter((from) => from !== undefined);
  return {
    generator: input.generator,
    asOf: shared(described.map((from) => from.asOf)),
    digits: shared(described.map((from) => from.digits)),
    edition: shared(files.map((entry) => entry.edition ?? null)),
    files,
    ...(site ? { site } : {}),
    inputFiles,
  };
}

/**
 * Reads a manifest (out/manifest.json) defensively: the one parser for the build (the previous
 * manifest a partial build keeps entries of) and for `briefs check`. Anything unreadable is no
 * manifest; an entry without a file name or sha256 is dropped; an entry's or the site's `inputs`
 * that do not say all of what a build was made from are dropped, so the check counts that output
 * as stale instead of trusting half a record.
 */
export function parseManifest(text: string | undefined): Manifest | undefined {
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(value) || !Array.isArray(value.files)) return undefined;
  const files: ManifestEntry[] = [];
  for (const entry of value.files) {
    if (!isObject(entry) || typeof entry.file !== 'string' || typeof entry.sha256 !== 'string') continue;
    const { inputs, ...rest } = entry as unknown as ManifestEntry;
    const from = builtFrom(inputs);
    files.push({ ...rest, ...(from ? { inputs: from } : {}) });
  }
  let site: SiteRecord | undefined;
  if (isObject(value.site) && isStringRecord(value.site.files)) {
    const from = builtFrom(value.site.inputs);
    site = { files: value.site.files, ...(from ? { inputs: from } : {}) };
  }
  const inputFiles: Record<string, Record<string, string>> = {};
  if (isObject(value.inputFiles)) {
    for (const [fingerprint, list] of Object.entries(value.inputFiles)) if (isStringRecord(list)) inputFiles[fingerprint] = list;
  }
  const generator = isObject(value.generator) && typeof value.generator.name === 'string' && typeof value.generator.version === 'string'
    ? { name: value.generator.name, version: value.generator.version }
    : { name: '', version: '' };
  return {
    generator,
    asOf: typeof value.asOf === 'string' ? value.asOf : null,
    digits: typeof value.digits === 'string' ? value.digits : null,
    edition: typeof value.edition === 'string' ? value.edition : null,
    files,
    ...(site ? { site } : {}),
    inputFiles,
  };
}

function builtFrom(value: unknown): BuiltFrom | undefined {
  if (!isObject(value)) return undefined;
  const keys = ['data', 'templates', 'digits', 'generatorVersion', 'asOf'] as const;
  if (!keys.every((key) => typeof value[key] === 'string')) return undefined;
  return Object.fromEntries(keys.map((key) => [key, value[key]])) as unknown as BuiltFrom;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return isObject(value) && Object.values(value).every((item) => typeof item === 'string');
}

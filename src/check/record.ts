import type { BuiltFrom } from '../write/manifest.js';

/** One recorded output: its sha256 and, when the manifest says, what it was built from. */
export interface RecordedOutput {
  file: string;
  sha256: string;
  inputs?: BuiltFrom;
}

/** The parts of out/manifest.json that `briefs check` reads; anything else in it is ignored. */
export interface RecordedManifest {
  files: RecordedOutput[];
  site?: { inputs?: BuiltFrom; files: Record<string, string> };
  inputFiles: Record<string, Record<string, string>>;
}

/** Reads a manifest defensively: a hand-edited or older manifest makes out/ stale, never crashes the check. */
export function parseRecordedManifest(text: string): RecordedManifest | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(value) || !Array.isArray(value.files)) return undefined;
  const manifest: RecordedManifest = { files: [], inputFiles: {} };
  for (const entry of value.files) {
    if (!isObject(entry) || typeof entry.file !== 'string' || typeof entry.sha256 !== 'string') continue;
    const inputs = builtFrom(entry.inputs);
    manifest.files.push({ file: entry.file, sha256: entry.sha256, ...(inputs ? { inputs } : {}) });
  }
  if (isObject(value.site) && isStringRecord(value.site.files)) {
    const inputs = builtFrom(value.site.inputs);
    manifest.site = { files: value.site.files, ...(inputs ? { inputs } : {}) };
  }
  if (isObject(value.inputFiles)) {
    for (const [fingerprint, files] of Object.entries(value.inputFiles)) {
      if (isStringRecord(files)) manifest.inputFiles[fingerprint] = files;
    }
  }
  return manifest;
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

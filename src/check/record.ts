import { sha256Hex } from './inputs.js';
import type { InputsRecord } from './inputs.js';

/**
 * What `briefs build` adds to out/manifest.json beside the lead's per-PDF entries, so that
 * `briefs check` can verify out/ without rebuilding.
 */
export interface BuildRecord {
  inputs: InputsRecord;
  /** sha256 of every other output (the site), keyed by path relative to out/, e.g. "site/index.html". */
  outputs: Record<string, string>;
}

/** The parts of out/manifest.json that `briefs check` reads; anything else in it is ignored. */
export interface RecordedManifest extends Partial<BuildRecord> {
  files?: { file: string; sha256: string }[];
}

/** Reads a manifest defensively: a hand-edited or older manifest makes out/ stale, never crashes the check. */
export function parseRecordedManifest(text: string): RecordedManifest | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(value)) return undefined;
  const manifest: RecordedManifest = {};
  if (Array.isArray(value.files)) {
    manifest.files = value.files.filter(
      (entry): entry is { file: string; sha256: string } =>
        isObject(entry) && typeof entry.file === 'string' && typeof entry.sha256 === 'string',
    );
  }
  const inputs = value.inputs;
  if (
    isObject(inputs) &&
    typeof inputs.fingerprint === 'string' &&
    typeof inputs.generatorVersion === 'string' &&
    typeof inputs.digits === 'string' &&
    isStringRecord(inputs.files)
  ) {
    manifest.inputs = {
      fingerprint: inputs.fingerprint,
      generatorVersion: inputs.generatorVersion,
      digits: inputs.digits,
      files: inputs.files,
    };
  }
  if (isStringRecord(value.outputs)) manifest.outputs = value.outputs;
  return manifest;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return isObject(value) && Object.values(value).every((item) => typeof item === 'string');
}

/** The outputs record for manifest.json: sha256 of each file, keyed by its path relative to out/. */
export function hashOutputs(files: readonly { name: string; bytes: Uint8Array | string }[]): Record<string, string> {
  return Object.fromEntries(files.map((file) => [file.name, sha256Hex(file.bytes)]));
}

export interface NextRecordInput {
  /** Did this build render every brief (and so the site)? */
  fullBuild: boolean;
  /** The inputs as this build read them. */
  inputs: InputsRecord;
  /** The site files this build wrote (none in a partial build), named relative to out/. */
  site: readonly { name: string; bytes: Uint8Array | string }[];
  previous: RecordedManifest | undefined;
}

/**
 * What the new manifest records. A full build records what it read and wrote. A partial build
 * (--brief) leaves the other briefs and the site as they were, so it may only claim the current
 * inputs when they are the ones the previous record vouched for; otherwise it keeps the old record,
 * and `briefs check` keeps saying out/ is stale until a full build.
 */
export function nextBuildRecord(next: NextRecordInput): Partial<BuildRecord> {
  if (next.fullBuild) return { inputs: next.inputs, outputs: hashOutputs(next.site) };
  const record: Partial<BuildRecord> = {};
  const inputs = next.previous?.inputs?.fingerprint === next.inputs.fingerprint ? next.inputs : next.previous?.inputs;
  if (inputs !== undefined) record.inputs = inputs;
  if (next.previous?.outputs !== undefined) record.outputs = next.previous.outputs;
  return record;
}

import type { InputsRecord } from './inputs.js';
import type { RecordedManifest } from './record.js';

/** One reason out/ is stale, about one file (an input, an output, or manifest.json itself). */
export interface StaleReason {
  file: string;
  why: string;
}

export interface StalenessReport {
  upToDate: boolean;
  reasons: StaleReason[];
  /** The outputs a rebuild would replace (every output when an input changed: briefs share data). */
  staleOutputs: string[];
}

export interface OutputState {
  /** sha256 of the output file as it is now in out/, or undefined when it is missing. */
  actualSha256(file: string): string | undefined;
}

/**
 * Pure comparison of what out/ was built from (the manifest) with the inputs as they are now,
 * and of each recorded output with the bytes on disk.
 */
export function assessStaleness(
  manifest: RecordedManifest | undefined,
  current: InputsRecord,
  outputs: OutputState,
): StalenessReport {
  if (manifest === undefined) {
    return stale([{ file: 'manifest.json', why: 'missing or unreadable: out/ has not been built' }], []);
  }
  const recordedOutputs: Record<string, string> = {
    ...Object.fromEntries((manifest.files ?? []).map((entry) => [entry.file, entry.sha256])),
    ...manifest.outputs,
  };
  const allOutputs = Object.keys(recordedOutputs);
  if (manifest.inputs === undefined) {
    return stale([{ file: 'manifest.json', why: 'records no input fingerprint (built by an older generator, or only in part: run a full build)' }], allOutputs);
  }

  const inputReasons = compareInputs(manifest.inputs, current);
  const outputReasons: StaleReason[] = [];
  for (const [file, recorded] of Object.entries(recordedOutputs)) {
    const actual = outputs.actualSha256(file);
    if (actual === undefined) outputReasons.push({ file, why: 'missing from out/' });
    else if (actual !== recorded) outputReasons.push({ file, why: 'modified since the build (sha256 differs from manifest.json)' });
  }
  if (manifest.outputs === undefined) {
    outputReasons.push({ file: 'site/', why: 'not recorded in manifest.json (built without the site)' });
  }
  const reasons = [...inputReasons, ...outputReasons];
  if (reasons.length === 0) return { upToDate: true, reasons: [], staleOutputs: [] };
  const staleOutputs = inputReasons.length > 0 ? allOutputs : outputReasons.map((reason) => reason.file);
  return stale(reasons, staleOutputs);
}

function compareInputs(built: InputsRecord, current: InputsRecord): StaleReason[] {
  if (built.fingerprint === current.fingerprint) return [];
  const reasons: StaleReason[] = [];
  if (built.generatorVersion !== current.generatorVersion) {
    reasons.push({ file: 'package.json', why: `generator version is ${current.generatorVersion}; out/ was built by ${built.generatorVersion}` });
  }
  if (built.digits !== current.digits) {
    reasons.push({ file: 'manifest.json', why: `out/ was built with --digits ${built.digits}, expected --digits ${current.digits}` });
  }
  const names = [...new Set([...Object.keys(built.files), ...Object.keys(current.files)])].sort();
  for (const file of names) {
    const before = built.files[file];
    const now = current.files[file];
    if (before === now) continue;
    if (before === undefined) reasons.push({ file, why: 'added since out/ was built' });
    else if (now === undefined) reasons.push({ file, why: 'removed since out/ was built' });
    else reasons.push({ file, why: 'changed since out/ was built' });
  }
  if (reasons.length === 0) reasons.push({ file: 'manifest.json', why: 'input fingerprint differs from the recorded one' });
  return reasons;
}

function stale(reasons: StaleReason[], staleOutputs: string[]): StalenessReport {
  return { upToDate: false, reasons, staleOutputs };
}

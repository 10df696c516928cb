import type { InputsRecord } from './inputs.js';
import type { RecordedManifest, RecordedOutput } from './record.js';
import type { BuiltFrom } from '../write/manifest.js';

/** One reason out/ is stale, about one file (an input, an output, or manifest.json itself). */
export interface StaleReason {
  file: string;
  why: string;
}

export interface StalenessReport {
  upToDate: boolean;
  reasons: StaleReason[];
  /** The outputs a rebuild would replace. */
  staleOutputs: string[];
}

export interface OutputState {
  /** sha256 of the output file as it is now in out/, or undefined when it is missing. */
  actualSha256(file: string): string | undefined;
}

/** What a full build writes now: the PDFs (registry) and whether there is a site. */
export interface ExpectedOutputs {
  files: readonly string[];
  site: boolean;
}

/**
 * Pure comparison, output by output, of what each was built from (its manifest entry) with the inputs
 * a build would use now, and of each recorded output with the bytes on disk. Every brief a full build
 * writes must be there, and nothing else may be recorded.
 */
export function assessStaleness(
  manifest: RecordedManifest | undefined,
  current: InputsRecord,
  outputs: OutputState,
  expected: ExpectedOutputs,
): StalenessReport {
  if (manifest === undefined) {
    return { upToDate: false, reasons: [{ file: 'manifest.json', why: 'missing or unreadable: out/ has not been built' }], staleOutputs: [] };
  }
  const units: { name: string; files: { file: string; sha256: string }[]; inputs: BuiltFrom | undefined }[] = manifest.files.map((entry: RecordedOutput) => ({
    name: entry.file,
    files: [{ file: entry.file, sha256: entry.sha256 }],
    inputs: entry.inputs,
  }));
  if (manifest.site) {
    units.push({ name: 'site/', files: Object.entries(manifest.site.files).map(([file, sha256]) => ({ file, sha256 })), inputs: manifest.site.inputs });
  }
  const allOutputs = units.flatMap((unit) => unit.files.map((file) => file.file));

  const reasons: StaleReason[] = [];
  const stale = new Set<string>();
  const markStale = (unit: (typeof units)[number]) => unit.files.forEach((file) => stale.add(file.file));

  // Inputs, grouped by what differs, so one data edit reads as one line rather than one per output.
  const byMismatch = new Map<string, { units: string[]; reason: (who: string) => StaleReason[] }>();
  const mismatch = (key: string, unit: (typeof units)[number], reason: (who: string) => StaleReason[]) => {
    const group = byMismatch.get(key) ?? { units: [], reason };
    group.units.push(unit.name);
    byMismatch.set(key, group);
    markStale(unit);
  };
  for (const unit of units) {
    const from = unit.inputs;
    if (from === undefined) {
      reasons.push({ file: unit.name, why: 'manifest.json records no inputs for it (built by an older generator): run a full build' });
      markStale(unit);
      continue;
    }
    if (from.generatorVersion !== current.generatorVersion) {
      mismatch(`version:${from.generatorVersion}`, unit, (who) =>
        who === 'out/'
          ? [{ file: 'package.json', why: `generator version is ${current.generatorVersion}; out/ was built by ${from.generatorVersion}` }]
          : [{ file: who, why: `built by generator ${from.generatorVersion}; the generator is now ${current.generatorVersion}` }],
      );
    }
    if (from.digits !== current.digits) {
      mismatch(`digits:${from.digits}`, unit, (who) =>
        who === 'out/'
          ? [{ file: 'manifest.json', why: `out/ was built with --digits ${from.digits}, expected --digits ${current.digits}` }]
          : [{ file: who, why: `built with --digits ${from.digits}, expected --digits ${current.digits}` }],
      );
    }
    for (const side of ['data', 'templates'] as const) {
      if (from[side] === current[side]) continue;
      const recorded = manifest.inputFiles[from[side]];
      mismatch(`${side}:${from[side]}`, unit, (who) => {
        if (recorded === undefined) return [{ file: who, why: `built from other ${side} files than ${side}/ holds now` }];
        const diff = diffFiles(recorded, current.files, `${side}/`, who);
        return diff.length > 0 ? diff : [{ file: who, why: `built from other ${side} files than ${side}/ holds now` }];
      });
    }
  }
  for (const group of byMismatch.values()) {
    const who = group.units.length === units.length ? 'out/' : group.units.join(', ');
    for (const reason of group.reason(who)) if (!reasons.some((r) => r.file === reason.file && r.why === reason.why)) reasons.push(reason);
  }

  // What a build writes now and the manifest does not record, and the other way round.
  const recorded = new Set(manifest.files.map((entry) => entry.file));
  for (const file of expected.files) {
    if (!recorded.has(file)) {
      reasons.push({ file, why: 'not built (no entry in manifest.json)' });
      stale.add(file);
    }
  }
  for (const entry of manifest.files) {
    if (!expected.files.includes(entry.file)) {
      reasons.push({ file: entry.file, why: 'recorded in manifest.json but no brief writes it any more: run a full build' });
      stale.add(entry.file);
    }
  }
  if (expected.site && manifest.site === undefined) {
    reasons.push({ file: 'site/', why: 'not built (only a full build writes the site)' });
    stale.add('site/');
  }

  // Bytes on disk.
  for (const unit of units) {
    for (const { file, sha256 } of unit.files) {
      const actual = outputs.actualSha256(file);
      if (actual === undefined) reasons.push({ file, why: 'missing from out/' });
      else if (actual !== sha256) reasons.push({ file, why: 'modified since the build (sha256 differs from manifest.json)' });
      else continue;
      stale.add(file);
    }
  }
  // The site's copy of each PDF must be the PDF in out/ (both from the same inputs).
  for (const [file, sha256] of Object.entries(manifest.site?.files ?? {})) {
    const pdf = manifest.files.find((entry) => `site/${entry.file}` === file);
    if (pdf !== undefined && pdf.sha256 !== sha256) {
      reasons.push({ file, why: `is not the same PDF as ${pdf.file} (built from other inputs)` });
      stale.add(file);
    }
  }

  if (reasons.length === 0) return { upToDate: true, reasons: [], staleOutputs: [] };
  const staleOutputs = [...allOutputs.filter((file) => stale.has(file)), ...[...stale].filter((file) => !allOutputs.includes(file))];
  return { upToDate: false, reasons, staleOutputs };
}


/** One reason per input file that differs between a recorded list and the current one. */
function diffFiles(recorded: Record<string, string>, current: Record<string, string>, prefix: string, who: string): StaleReason[] {
  const since = who === 'out/' ? 'out/ was built' : `${who} ${who.includes(',') ? 'were' : 'was'} built`;
  const names = [...new Set([...Object.keys(recorded), ...Object.keys(current)])].filter((name) => name.startsWith(prefix)).sort();
  const reasons: StaleReason[] = [];
  for (const file of names) {
    const before = recorded[file];
    const now = current[file];
    if (before === now) continue;
    if (before === undefined) reasons.push({ file, why: `added since ${since}` });
    else if (now === undefined) reasons.push({ file, why: `removed since ${since}` });
    else reasons.push({ file, why: `changed since ${since}` });
  }
  return reasons;
}

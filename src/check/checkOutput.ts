import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { recordInputs } from './inputs.js';
import { sha256 } from '../write/manifest.js';
import { parseRecordedManifest } from './record.js';
import { hasPendingJournal, journalFileName } from '../write/commitOutput.js';
import { assessStaleness, type ExpectedOutputs, type StalenessReport } from './staleness.js';

export interface CheckOptions {
  dataDir: string;
  templatesDir: string;
  outDir: string;
  generatorVersion: string;
  /** The digits option the build would use now; an output built with other digits is stale. */
  digits: string;
  /** What a full build writes now (default: nothing required, only what the manifest records is checked). */
  expected?: ExpectedOutputs;
}

/** Is out/ what `briefs build` would write now? Reads only; never builds. */
export async function checkOutput(options: CheckOptions): Promise<StalenessReport> {
  const manifestText = await readIfExists(path.join(options.outDir, 'manifest.json'));
  const manifest = manifestText === undefined ? undefined : parseRecordedManifest(manifestText.toString('utf8'));
  const current = await recordInputs(options);
  const hashes = new Map<string, string | undefined>();
  for (const file of [...(manifest?.files ?? []).map((entry) => entry.file), ...Object.keys(manifest?.site?.files ?? {})]) {
    const target = resolveInside(options.outDir, file);
    const bytes = target === undefined ? undefined : await readIfExists(target);
    hashes.set(file, bytes === undefined ? undefined : sha256(bytes));
  }
  const report = assessStaleness(manifest, current, { actualSha256: (file) => hashes.get(file) }, options.expected ?? { files: [], site: false });
  if (await hasPendingJournal(options.outDir)) {
    const reason = { file: journalFileName, why: 'a build was interrupted while replacing files: the next briefs build completes it' };
    return { upToDate: false, reasons: [reason, ...report.reasons], staleOutputs: report.staleOutputs };
  }
  return report;
}

/** A manifest names files relative to out/; one that points outside it is treated as missing. */
function resolveInside(outDir: string, file: string): string | undefined {
  const target = path.resolve(outDir, file);
  const relative = path.relative(outDir, target);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? undefined : target;
}

async function readIfExists(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined;
    throw error;
  }
}

/**
 * What `briefs check` reads of out/manifest.json: the manifest as the build writes it, read by the
 * build's own parser (write/manifest.ts), so the two can never disagree on what a manifest says.
 */
import { parseManifest, type Manifest, type ManifestEntry } from '../write/manifest.js';

/** One recorded output: its sha256 and, when the manifest says, what it was built from. */
export type RecordedOutput = Pick<ManifestEntry, 'file' | 'sha256' | 'inputs'>;

/** The parts of out/manifest.json that `briefs check` reads; anything else in it is ignored. */
export type RecordedManifest = Pick<Manifest, 'files' | 'site' | 'inputFiles'>;

/** Reads a manifest defensively: a hand-edited or older manifest makes out/ stale, never crashes the check. */
export function parseRecordedManifest(text: string): RecordedManifest | undefined {
  return parseManifest(text);
}

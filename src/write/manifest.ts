import { createHash } from 'node:crypto';

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
}

export interface Manifest {
  generator: { name: string; version: string };
  /** The data's as-of date: the only date in the build, so rebuilding unchanged data changes nothing. */
  asOf: string;
  digits: string;
  files: ManifestEntry[];
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Stable, human-diffable JSON: fixed key order from the types above, files in build order. */
export function serializeManifest(manifest: Manifest): string {
  return JSON.stringify(manifest, null, 2) + '\n';
}

/**
 * A partial build (`--brief history`) replaces only its own entries: the manifest keeps describing every
 * file in out/. Entries follow `order` (the registry's), so the manifest does not depend on build order.
 */
export function mergeManifestEntries(
  previous: readonly ManifestEntry[],
  built: readonly ManifestEntry[],
  order: readonly string[],
): ManifestEntry[] {
  const byFile = new Map(previous.map((entry) => [entry.file, entry]));
  for (const entry of built) byFile.set(entry.file, entry);
  const rank = (file: string) => {
    const index = order.indexOf(file);
    return index === -1 ? order.length : index;
  };
  return [...byFile.values()].sort((a, b) => rank(a.file) - rank(b.file) || a.file.localeCompare(b.file));
}

/** The manifest already in out/, if it is one of ours; anything unreadable counts as none. */
export function parsePreviousManifest(text: string | undefined): Manifest | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed = JSON.parse(text) as Partial<Manifest>;
    return Array.isArray(parsed.files) ? (parsed as Manifest) : undefined;
  } catch {
    return undefined;
  }
}

import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildBriefs, type BuildOptions, type BuildSummary } from '../../src/pipeline/build.js';
import { briefIds } from '../../src/briefs/registry.js';
import { defaultDataDir } from '../../src/paths.js';

export async function scratchDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), `briefs-${prefix}-`));
}

/** Builds every brief from the bundled data into a fresh temporary folder. */
export async function buildAllInto(outDir?: string, overrides: Partial<BuildOptions> = {}): Promise<BuildSummary> {
  return buildBriefs({
    dataDir: defaultDataDir,
    outDir: outDir ?? (await scratchDir('out')),
    briefs: briefIds,
    digits: 'latn',
    ...overrides,
  });
}

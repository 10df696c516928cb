/** A build whose inputs changed while it ran (briefs watch saw a save) stops before writing anything. */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildBriefs, SupersededBuild } from '../../src/pipeline/build.js';
import { repoRoot } from '../validate/fixtureIssues.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'briefs-superseded-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('a superseded build', () => {
  it('stops with SupersededBuild and leaves out/ untouched when the inputs changed before the write', async () => {
    const out = path.join(root, 'out');
    let asked = 0;
    // Unchanged for the first brief, changed by the time the build would write.
    const superseded = () => ++asked > 1;
    await expect(buildBriefs({ dataDir: path.join(repoRoot, 'data'), outDir: out, briefs: ['troops'], digits: 'latn', superseded })).rejects.toBeInstanceOf(SupersededBuild);
    expect(asked).toBe(2);
    expect(await readdir(out).catch(() => [])).toEqual([]);
  }, 60_000);
});

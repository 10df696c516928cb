/**
 * The write step is all or nothing, also when the process is killed (issue 14, items 5–7): out/ is
 * always the old set or the new set, byte for byte, once the next build has run (a kill after the
 * commit point leaves a journal that it completes); SIGINT and SIGTERM leave it whole at once.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { commitOutput, recoverOutput } from '../../src/write/commitOutput.js';
import { scratchDir } from '../support/builtBriefs.js';
import { folderContents } from '../support/folderContents.js';

const child = fileURLToPath(new URL('./fixtures/commitChild.mjs', import.meta.url));

/** The old set, as a previous build left it, and the new set: one file changes, one goes, one comes, nested files. */
const oldSet = { full: true, files: { 'history.pdf': 'old history', 'troops.pdf': 'old troops', 'gone.pdf': 'old gone', 'site/index.html': 'old index', 'site/history.pdf': 'old history' } };
const newSet = { full: true, files: { 'history.pdf': 'new history', 'troops.pdf': 'old troops', 'added.pdf': 'new added', 'site/index.html': 'new index', 'site/history.pdf': 'new history', 'site/fonts/a.woff2': 'new font' }, remove: ['gone.pdf'] };
/** stage each of the 7 files, write the journal, commit, move each of the 7, remove 1, finish. */
const steps = 7 + 2 + 7 + 1 + 1;

let root: string;
let setFile: string;
let oldContents: Map<string, string>;
let newContents: Map<string, string>;

async function commitSet(dir: string, set: typeof oldSet | typeof newSet): Promise<void> {
  const file = path.join(root, `set-${Math.random()}.json`);
  await writeFile(file, JSON.stringify(set));
  expect(await runChild(dir, file)).toMatchObject({ code: 0 });
}

interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Runs the child; when `kill` is given, sends the signal as the child announces that step. */
function runChild(dir: string, set: string, kill?: { atStep: number; signal: NodeJS.Signals }, delayMs = 0): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, dir, set], {
      env: { ...process.env, BRIEFS_WRITE_TRACE: '1', BRIEFS_WRITE_STEP_DELAY_MS: String(delayMs) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    proc.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (kill && new RegExp(`^briefs: write step ${kill.atStep}:`, 'm').test(stderr)) proc.kill(kill.signal);
    });
    proc.on('error', reject);
    proc.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

async function scratchWithOldSet(name: string): Promise<string> {
  const dir = path.join(root, name);
  await cp(path.join(root, 'old'), dir, { recursive: true });
  return dir;
}

beforeAll(async () => {
  root = await scratchDir('commit');
  await commitSet(path.join(root, 'old'), oldSet);
  await cp(path.join(root, 'old'), path.join(root, 'new'), { recursive: true });
  await commitSet(path.join(root, 'new'), newSet);
  setFile = path.join(root, 'new-set.json');
  await writeFile(setFile, JSON.stringify(newSet));
  oldContents = await folderContents(path.join(root, 'old'));
  newContents = await folderContents(path.join(root, 'new'));
  expect(oldContents).not.toEqual(newContents);
  expect([...newContents.keys()].sort()).toEqual(['added.pdf', 'history.pdf', 'manifest.json', 'site/fonts/a.woff2', 'site/history.pdf', 'site/index.html', 'troops.pdf']);
}, 60_000);

function oldOrNew(contents: Map<string, string>): 'old' | 'new' | 'mixed' {
  const same = (a: Map<string, string>, b: Map<string, string>) => a.size === b.size && [...a].every(([key, value]) => b.get(key) === value);
  return same(contents, oldContents) ? 'old' : same(contents, newContents) ? 'new' : 'mixed';
}

describe('commitOutput', () => {
  it('killed with SIGKILL at every step of the write, out/ is the old or the new set once the next build recovers it', async () => {
    const seen: string[] = [];
    for (let atStep = 1; atStep <= steps; atStep++) {
      const dir = await scratchWithOldSet(`kill-${atStep}`);
      const result = await runChild(dir, setFile, { atStep, signal: 'SIGKILL' }, 40);
      expect(result.signal, `step ${atStep}: ${result.stderr}`).toBe('SIGKILL');
      await recoverOutput(dir);
      const state = oldOrNew(await folderContents(dir));
      expect(state, `killed at step ${atStep}`).not.toBe('mixed');
      expect(await readdir(dir)).not.toContain('.briefs-lock');
      seen.push(state);
    }
    // Killed before the commit point: the old set; after it: the new one.
    expect(seen.indexOf('new')).toBe(9);
    expect(seen.slice(0, 9).every((state) => state === 'old')).toBe(true);
    expect(seen.slice(9).every((state) => state === 'new')).toBe(true);
  }, 120_000);

  it.each(['SIGINT', 'SIGTERM'] as const)('on %s at any step, out/ is the old or the new set at once, with no temporary files', async (signal) => {
    for (const atStep of [1, 4, 8, 9, 10, 13, 17, steps]) {
      const dir = await scratchWithOldSet(`${signal}-${atStep}`);
      const result = await runChild(dir, setFile, { atStep, signal }, 40);
      expect(result.code, `step ${atStep}: ${result.stderr}`).toBe(signal === 'SIGINT' ? 130 : 143);
      // No recovery needed: the handler finished (or undid) the switch before exiting.
      expect(oldOrNew(await folderContents(dir)), `${signal} at step ${atStep}`).toBe(atStep <= 9 ? 'old' : 'new');
    }
  }, 120_000);

  it('completes a switch a killed build had committed, and removes what dead builds left (staging, journal, old temporary files)', async () => {
    const dir = await scratchWithOldSet('leftovers');
    await runChild(dir, setFile, { atStep: 12, signal: 'SIGKILL' }, 40);
    expect(oldOrNew(await folderContents(dir))).toBe('mixed'); // until the next build
    // The earlier writer's temporary file of a dead process, beside its target.
    await writeFile(path.join(dir, 'history.pdf.tmp-999999-0123abcd'), 'half');
    await commitOutput(dir, () => ({ files: Object.entries(newSet.files).map(([name, bytes]) => ({ name, bytes })).concat([{ name: 'manifest.json', bytes: [...newContents].find(([key]) => key === 'manifest.json')![1] }]).map((file) => ({ ...file, bytes: file.name === 'manifest.json' ? Buffer.from(file.bytes, 'base64') : file.bytes })), remove: [] }), { handleSignals: false });
    expect(oldOrNew(await folderContents(dir))).toBe('new');
    expect((await readdir(dir)).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('writes nothing when a target is a folder (checked before the first file is written)', async () => {
    const dir = await scratchWithOldSet('eisdir');
    await rm(path.join(dir, 'site', 'index.html'));
    await mkdir(path.join(dir, 'site', 'index.html'));
    const before = await folderContents(dir);
    await expect(
      commitOutput(dir, () => ({ files: [{ name: 'history.pdf', bytes: 'new' }, { name: 'site/index.html', bytes: 'new' }], remove: [] }), { handleSignals: false }),
    ).rejects.toThrow(/site\/index\.html: is a folder where the build writes a file: nothing was written/);
    expect(await folderContents(dir)).toEqual(before);
    expect((await readdir(dir)).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('lets one write step at a time into a folder: concurrent merges both land, the manifest matching every file', async () => {
    for (let round = 0; round < 3; round++) {
      const dir = await scratchWithOldSet(`concurrent-${round}`);
      const a = path.join(root, `a-${round}.json`);
      const b = path.join(root, `b-${round}.json`);
      await writeFile(a, JSON.stringify({ files: { 'history.pdf': `a ${round}` } }));
      await writeFile(b, JSON.stringify({ files: { 'troops.pdf': `b ${round}` } }));
      const results = await Promise.all([runChild(dir, a, undefined, 15), runChild(dir, b, undefined, 15)]);
      expect(results.map((result) => result.code)).toEqual([0, 0]);
      const contents = await folderContents(dir);
      const manifest = JSON.parse(Buffer.from(contents.get('manifest.json')!, 'base64').toString()) as Record<string, string>;
      const { createHash } = await import('node:crypto');
      for (const name of ['history.pdf', 'troops.pdf']) {
        expect(manifest[name], name).toBe(createHash('sha256').update(Buffer.from(contents.get(name)!, 'base64')).digest('hex'));
      }
      expect(Buffer.from(contents.get('history.pdf')!, 'base64').toString()).toBe(`a ${round}`);
      expect(Buffer.from(contents.get('troops.pdf')!, 'base64').toString()).toBe(`b ${round}`);
    }
  }, 60_000);
});

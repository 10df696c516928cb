/**
 * `briefs build` as a user runs it, interrupted or racing (issue 14, items 5–7): out/ ends as the old
 * set or the new set, byte for byte; two builds into one out/ leave a manifest that matches its files.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packageRoot, defaultDataDir } from '../../src/paths.js';
import { recoverOutput } from '../../src/write/commitOutput.js';
import { scratchDir } from '../support/builtBriefs.js';
import { folderContents } from '../support/folderContents.js';

const cli = path.join(packageRoot, 'bin', 'briefs.js');
let root: string;
let oldData: string;
let newData: string;
let oldOut: string;
let newOut: string;

function briefs(args: string[], options: { env?: Record<string, string>; killAt?: { pattern: RegExp; signal: NodeJS.Signals } } = {}) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve, reject) => {
    const proc = spawn(process.execPath, [cli, ...args], { env: { ...process.env, ...options.env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let sent = false;
    proc.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (options.killAt && !sent && options.killAt.pattern.test(stderr)) {
        sent = true;
        proc.kill(options.killAt.signal);
      }
    });
    proc.on('error', reject);
    proc.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

async function changeAsOf(dir: string, asOf: string): Promise<void> {
  const file = path.join(dir, 'dataset.yaml');
  await writeFile(file, (await readFile(file, 'utf8')).replace(/^as_of: .*$/m, `as_of: '${asOf}'`));
}

beforeAll(async () => {
  root = await scratchDir('interrupted');
  oldData = path.join(root, 'old-data');
  newData = path.join(root, 'new-data');
  await cp(defaultDataDir, oldData, { recursive: true });
  await cp(defaultDataDir, newData, { recursive: true });
  await changeAsOf(newData, '2024-02-29');
  oldOut = path.join(root, 'old-out');
  newOut = path.join(root, 'new-out');
  expect((await briefs(['build', '--data', oldData, '--out', oldOut])).code).toBe(0);
  await cp(oldOut, newOut, { recursive: true });
  expect((await briefs(['build', '--data', newData, '--out', newOut])).code).toBe(0);
}, 120_000);

async function state(dir: string): Promise<'old' | 'new' | 'mixed'> {
  const contents = await folderContents(dir);
  const [before, after] = [await folderContents(oldOut), await folderContents(newOut)];
  const same = (a: Map<string, string>, b: Map<string, string>) => a.size === b.size && [...a].every(([key, value]) => b.get(key) === value);
  return same(contents, before) ? 'old' : same(contents, after) ? 'new' : 'mixed';
}

describe('briefs build, interrupted in its write step', () => {
  // Steps of a full build's write: stage 30-odd files, journal, commit (the switch), move each, finish.
  it.each([
    ['SIGKILL', 3, 'old'],
    // Announced just before the journal's rename: still the old set. The first move comes after it.
    ['SIGKILL', 'commit', 'old'],
    ['SIGKILL', 'move history.pdf', 'new'],
    ['SIGKILL', 'move site/index.html', 'new'],
    ['SIGINT', 5, 'old'],
    ['SIGINT', 'move history.pdf', 'new'],
    ['SIGTERM', 'move manifest.json', 'new'],
  ] as const)('%s at step %s leaves out/ the %s set', async (signal, at, expected) => {
    const out = path.join(root, `out-${signal}-${String(at).replace(/\W/g, '-')}`);
    await cp(oldOut, out, { recursive: true });
    const pattern = typeof at === 'number' ? new RegExp(`write step ${at}:`) : new RegExp(`write step \\d+: ${at}\\n`);
    const result = await briefs(['build', '--data', newData, '--out', out], {
      env: { BRIEFS_WRITE_TRACE: '1', BRIEFS_WRITE_STEP_DELAY_MS: '30' },
      killAt: { pattern, signal },
    });
    if (signal === 'SIGKILL') {
      expect(result.signal, result.stderr).toBe('SIGKILL');
      await recoverOutput(out); // what the next build does first
    } else {
      expect(result.code, result.stderr).toBe(signal === 'SIGINT' ? 130 : 143);
    }
    expect(await state(out)).toBe(expected);
    expect((await readdir(out, { recursive: true })).filter((name) => /\.tmp-|\.briefs-/.test(name))).toEqual([]);
  }, 60_000);
});

describe('a build that cannot replace a file', () => {
  it('replaces nothing: a folder where site/index.html goes fails the build before any PDF is replaced', async () => {
    const out = path.join(root, 'eisdir');
    await cp(oldOut, out, { recursive: true });
    await rm(path.join(out, 'site', 'index.html'));
    await mkdir(path.join(out, 'site', 'index.html'));
    const before = await folderContents(out);
    const result = await briefs(['build', '--data', newData, '--out', out], { env: { BRIEFS_PROGRESS_AFTER_MS: '600000' } });
    expect(result.code).toBe(3);
    expect(result.stderr.trim()).toBe(`briefs build: ${path.join(out, 'site', 'index.html')}: is a folder where the build writes a file: nothing was written`);
    expect(await folderContents(out)).toEqual(before);
  }, 60_000);
});

describe('two builds into one out/ at once', () => {
  it('both succeed and the manifest matches every file', async () => {
    for (let round = 0; round < 3; round++) {
      const out = path.join(root, `concurrent-${round}`);
      await cp(oldOut, out, { recursive: true });
      const env = { BRIEFS_WRITE_STEP_DELAY_MS: '20' };
      const results = await Promise.all([
        briefs(['build', '--brief', 'history', '--data', newData, '--out', out], { env }),
        briefs(['build', '--brief', 'troops', '--digits', 'arab', '--out', out, '--data', oldData], { env }),
      ]);
      expect(results.map((result) => result.code)).toEqual([0, 0]);
      const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as { files: { file: string; sha256: string; digits: string }[] };
      for (const entry of manifest.files) {
        expect(createHash('sha256').update(await readFile(path.join(out, entry.file))).digest('hex'), `round ${round}: ${entry.file}`).toBe(entry.sha256);
      }
      expect(manifest.files.find((entry) => entry.file === 'troops.pdf')?.digits).toBe('arab');
    }
  }, 120_000);
});

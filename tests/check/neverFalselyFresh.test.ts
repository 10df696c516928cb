/**
 * `briefs check` never calls a stale out/ up to date (issue 14, items 1–4): every output's manifest
 * entry records its own inputs, the fingerprint sees exactly the files the loader reads, a full build
 * records only what it built, and an output folder inside the data folder is refused.
 */
import { cp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { defaultDataDir } from '../../src/paths.js';
import { scratchDir } from '../support/builtBriefs.js';
import { captureOutput } from '../support/captureOutput.js';
import { folderContents } from '../support/folderContents.js';

let root: string;
/** A full build from the bundled data, copied for each test. */
let builtOut: string;

async function run(...args: string[]) {
  const io = captureOutput();
  const code = await main(args, io);
  return { code, stdout: io.stdout.join('\n'), stderr: io.stderr.join('\n') };
}

async function freshCopy(name: string): Promise<{ data: string; out: string }> {
  const data = path.join(root, name, 'data');
  const out = path.join(root, name, 'out');
  await cp(defaultDataDir, data, { recursive: true });
  await cp(builtOut, out, { recursive: true });
  return { data, out };
}

beforeAll(async () => {
  root = await scratchDir('never-fresh');
  builtOut = path.join(root, 'built');
  const built = await run('build', '--out', builtOut);
  expect(built.code, built.stderr).toBe(0);
}, 120_000);

describe('check compares each output with the inputs it was built from', () => {
  it('after a partial build with other --digits, names that brief stale (the site copy differs)', async () => {
    const { data, out } = await freshCopy('digits');
    expect((await run('build', '--brief', 'history', '--digits', 'arab', '--data', data, '--out', out)).code).toBe(0);
    const check = await run('check', '--data', data, '--out', out, '--json');
    expect(check.code).toBe(1);
    const report = JSON.parse(check.stdout) as { upToDate: boolean; reasons: { file: string; why: string }[]; staleOutputs: string[] };
    expect(report.upToDate).toBe(false);
    expect(report.reasons).toContainEqual({ file: 'history.pdf', why: 'built with --digits arab, expected --digits latn' });
    expect(report.reasons).toContainEqual({ file: 'site/history.pdf', why: 'is not the same PDF as history.pdf (built from other inputs)' });
    expect(report.staleOutputs).toContain('history.pdf');
    expect(report.staleOutputs).not.toContain('troops.pdf');
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as { digits: string | null; files: { file: string; digits: string }[] };
    expect(manifest.digits).toBeNull(); // the files disagree: the manifest does not pretend they agree
    expect(manifest.files.find((entry) => entry.file === 'history.pdf')?.digits).toBe('arab');
    expect(manifest.files.find((entry) => entry.file === 'troops.pdf')?.digits).toBe('latn');
  });

  it('after a partial build from other data (another as_of), names the data change and the brief', async () => {
    const { data, out } = await freshCopy('as-of');
    const other = path.join(root, 'as-of', 'd2');
    await cp(data, other, { recursive: true });
    const datasetFile = path.join(other, 'dataset.yaml');
    await writeFile(datasetFile, (await readFile(datasetFile, 'utf8')).replace(/^as_of: .*$/m, "as_of: '2030-01-31'"));
    expect((await run('build', '--brief', 'history', '--data', other, '--out', out)).code).toBe(0);
    // Checked against the bundled data: history.pdf is from other data; the other four are fine.
    const check = await run('check', '--data', data, '--out', out, '--json');
    expect(check.code).toBe(1);
    const report = JSON.parse(check.stdout) as { reasons: { file: string; why: string }[]; staleOutputs: string[] };
    expect(report.reasons).toContainEqual({ file: 'data/dataset.yaml', why: 'changed since history.pdf was built' });
    expect(report.staleOutputs).toContain('history.pdf');
    expect(report.staleOutputs).not.toContain('troops.pdf');
    // And against the other data, everything else is stale.
    const checkOther = JSON.parse((await run('check', '--data', other, '--out', out, '--json')).stdout) as { staleOutputs: string[] };
    expect(checkOther.staleOutputs).toContain('troops.pdf');
    expect(checkOther.staleOutputs).not.toContain('history.pdf');
  });

  it('a partial build with the same inputs keeps out/ up to date', async () => {
    const { data, out } = await freshCopy('same');
    expect((await run('build', '--brief', 'troops', '--data', data, '--out', out)).code).toBe(0);
    expect(await run('check', '--data', data, '--out', out)).toMatchObject({ code: 0 });
  });
});

describe('check fingerprints exactly the files the loader reads', () => {
  it('a hidden data file is neither loaded nor fingerprinted', async () => {
    const { data, out } = await freshCopy('hidden');
    // A whole second dataset.yaml, hidden: were it loaded, as_of would be given twice (a data error).
    await cp(path.join(data, 'dataset.yaml'), path.join(data, '.extra.yaml'));
    expect((await run('validate', '--data', data)).code).toBe(0);
    expect((await run('check', '--data', data, '--out', out)).code).toBe(0);
  });

  it("an Emacs lock file (a dangling symlink .#events.yaml) neither breaks the build nor makes out/ stale", async () => {
    const { data, out } = await freshCopy('emacs-lock');
    await symlink('user@host.1234:1700000000', path.join(data, '.#events.yaml'));
    const before = await folderContents(out);
    const build = await run('build', '--data', data, '--out', out);
    expect(build.code, build.stderr).toBe(0);
    expect(await folderContents(out)).toEqual(before);
    expect((await run('check', '--data', data, '--out', out)).code).toBe(0);
  });

  it('a symlinked data file is followed by both: editing its target makes out/ stale', async () => {
    const { data, out } = await freshCopy('symlink');
    const target = path.join(root, 'symlink', 'dataset-target.yaml');
    await cp(path.join(data, 'dataset.yaml'), target);
    await rm(path.join(data, 'dataset.yaml'));
    await symlink(target, path.join(data, 'dataset.yaml'));
    expect((await run('check', '--data', data, '--out', out)).code).toBe(0);
    await writeFile(target, (await readFile(target, 'utf8')).replace(/^as_of: .*$/m, "as_of: '2030-01-31'"));
    const check = await run('check', '--data', data, '--out', out);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('data/dataset.yaml: changed since out/ was built');
  });

  it('a file the loader does not read (data/README.md) does not make out/ stale', async () => {
    const { data, out } = await freshCopy('readme');
    await writeFile(path.join(data, 'README.md'), '# edited\n', { flag: 'a' });
    expect((await run('check', '--data', data, '--out', out)).code).toBe(0);
  });
});

describe('a full build writes the manifest from what it built', () => {
  it('drops an entry for a brief that no longer exists (and its file), so check settles', async () => {
    const { data, out } = await freshCopy('leftover');
    const manifestFile = path.join(out, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as { files: { file: string; sha256: string }[] };
    const leftover = { ...manifest.files[0]!, file: 'old-brief.pdf', brief: 'old-brief' };
    manifest.files.push(leftover);
    await writeFile(manifestFile, JSON.stringify(manifest, null, 2));
    await writeFile(path.join(out, 'old-brief.pdf'), 'old');
    expect((await run('check', '--data', data, '--out', out)).code).toBe(1);
    expect((await run('build', '--data', data, '--out', out)).code).toBe(0);
    const rebuilt = JSON.parse(await readFile(manifestFile, 'utf8')) as { files: { file: string }[] };
    expect(rebuilt.files.map((entry) => entry.file)).not.toContain('old-brief.pdf');
    expect(await folderContents(out)).toEqual(await folderContents(builtOut));
    expect((await run('check', '--data', data, '--out', out)).code).toBe(0);
  });
});

describe('an output folder inside the data folder', () => {
  it('is refused as a usage error before anything is built', async () => {
    const data = path.join(root, 'nested', 'data');
    await cp(defaultDataDir, data, { recursive: true });
    const before = await folderContents(data);
    for (const command of ['build', 'check']) {
      const result = await run(command, '--data', data, '--out', path.join(data, 'out'));
      expect(result.code, command).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`^briefs ${command}: --out .* is inside the data folder`));
    }
    const same = await run('build', '--data', data, '--out', data);
    expect(same.code).toBe(2);
    expect(await folderContents(data)).toEqual(before);
    await mkdir(path.join(root, 'nested', 'ok'), { recursive: true });
  });
});

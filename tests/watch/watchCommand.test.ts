/**
 * `briefs watch` end to end, as an editor uses it: a real process on a copy of the data, real saves,
 * the PDF read back with pdftotext.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdftotextPages } from '../support/pdfText.js';
import { repoRoot } from '../validate/fixtureIssues.js';
import { until as waitUntil } from '../support/until.js';

let root: string;
let child: ChildProcess;
let stderr = '';
const figures = () => path.join(root, 'data', 'figures-forces.yaml');
const pdf = () => path.join(root, 'out', 'troops.pdf');

const until = (condition: () => boolean | Promise<boolean>, seconds = 60) => waitUntil(condition, seconds, () => stderr);

const pdfText = async () => pdftotextPages(await readFile(pdf())).join('\n');
const count = (text: string, part: string) => text.split(part).length - 1;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'briefs-watch-e2e-'));
  await cp(path.join(repoRoot, 'data'), path.join(root, 'data'), { recursive: true });
  child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'briefs.js'), 'watch', '--brief', 'troops', '--data', path.join(root, 'data'), '--out', path.join(root, 'out')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => (stderr += chunk));
  await until(() => stderr.includes('watching'), 120);
}, 150_000);

afterAll(async () => {
  if (child.exitCode === null) child.kill('SIGKILL');
  await rm(root, { recursive: true, force: true });
});

describe('briefs watch on a copy of the data', () => {
  it('rebuilds the PDF when a figure is saved, and the new figure is in it', async () => {
    expect(await pdfText()).toContain('3000');
    const before = await readFile(pdf());
    const yaml = await readFile(figures(), 'utf8');
    expect(count(yaml, '    value: 3000\n')).toBe(1);
    await writeFile(figures(), yaml.replace('    value: 3000\n', '    value: 3456\n'));
    await until(async () => !(await readFile(pdf())).equals(before));
    const text = await pdfText();
    expect(text).toContain('3456');
  }, 90_000);

  it('reports a YAML error once, with its line, and keeps the last good PDF', async () => {
    const good = await readFile(pdf());
    const yaml = await readFile(figures(), 'utf8');
    const mark = stderr.length;
    await writeFile(figures(), yaml.replace('    value: 3456\n', '    value: [3456\n'));
    await until(() => stderr.slice(mark).includes('build failed'));
    const report = stderr.slice(mark);
    expect(report).toMatch(/figures-forces\.yaml:\d+:\d+/);
    // Saved again with the same error: not reported a second time.
    await writeFile(figures(), yaml.replace('    value: 3456\n', '    value: [3456\n'));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(count(stderr.slice(mark), 'build failed')).toBe(1);
    expect((await readFile(pdf())).equals(good)).toBe(true);
  }, 90_000);

  it('rebuilds on the next good save and says the problem is fixed', async () => {
    const yaml = await readFile(figures(), 'utf8');
    const mark = stderr.length;
    await writeFile(figures(), yaml.replace('    value: [3456\n', '    value: 3789\n'));
    await until(() => stderr.slice(mark).includes('fixed; built'));
    expect(await pdfText()).toContain('3789');
  }, 90_000);

  it('stops on Ctrl-C with exit code 0 and leaves no temporary files', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    const left = (await readdir(path.join(root, 'out'), { recursive: true })).filter((name) => /tmp|staging|journal|lock/.test(String(name)));
    expect(left).toEqual([]);
  }, 30_000);
});

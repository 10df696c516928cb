/**
 * Errors that say what happened, with exit codes that mean one thing (issue 14, items 8–15):
 * 0 ok, 1 data or template error (check: stale), 2 usage, 3 file system, 4 output folder busy.
 */
import { execFile } from 'node:child_process';
import { chmod, cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { defaultDataDir, packageRoot } from '../../src/paths.js';
import { scratchDir } from '../support/builtBriefs.js';
import { captureOutput } from '../support/captureOutput.js';

const cli = path.join(packageRoot, 'bin', 'briefs.js');
let root: string;

async function run(...args: string[]) {
  const io = captureOutput();
  const code = await main(args, io);
  return { code, stdout: io.stdout.join('\n'), stderr: io.stderr };
}

/** Runs the CLI in its own process (to see what it loads, or its real stderr). */
async function spawnCli(args: string[], env: Record<string, string> = {}, nodeArgs: string[] = [], cwd?: string) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [...nodeArgs, cli, ...args], { env: { ...process.env, ...env }, cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  root = await scratchDir('cli-errors');
});

describe('typeset refuses what would destroy or misplace a file', () => {
  it('refuses to write the PDF over its own input (item 8)', async () => {
    const input = path.join(root, 'x.txt');
    await writeFile(input, 'مرحبا\n');
    const result = await run('typeset', input, '-o', input);
    expect(result.code).toBe(2);
    expect(result.stderr).toEqual([`briefs typeset: -o ${input} is the input file: the PDF would overwrite the text`]);
    expect(await readFile(input, 'utf8')).toBe('مرحبا\n');
  });

  it('a bad --digits or a missing input is a usage error (item 11)', async () => {
    const input = path.join(root, 'y.txt');
    await writeFile(input, 'مرحبا\n');
    expect((await run('typeset', input, '-o', path.join(root, 'y.pdf'), '--digits', 'roman')).code).toBe(2);
    const missing = await run('typeset', path.join(root, 'nope.txt'), '-o', path.join(root, 'nope.pdf'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toEqual([`briefs typeset: ${path.join(root, 'nope.txt')}: no such file`]);
  });
});

describe('--out', () => {
  it('empty (an unset variable) is a usage error, and nothing is written (item 9)', async () => {
    // Run where an empty --out would have written: the current directory stays empty.
    const cwd = path.join(root, 'cwd');
    await mkdir(cwd, { recursive: true });
    for (const args of [['build', '--out='], ['build', '--out', ''], ['check', '--out=']]) {
      const result = await spawnCli(args, {}, [], cwd);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/--out is empty/);
    }
    expect(await readdir(cwd)).toEqual([]);
  }, 60_000);

  it('pointing at a file fails at once, before any rendering, in one line with exit code 3 (item 10)', async () => {
    const file = path.join(root, 'a-file');
    await writeFile(file, 'not a folder');
    const result = await spawnCli(['build', '--out', file]);
    expect(result.code).toBe(3);
    expect(result.stderr).toBe(`briefs build: ${file}: the output folder is a file, not a folder\n`);
    // Refused before the pipeline loaded: the process never imported the typesetter.
    const logged = await modulesLoadedBy(['build', '--out', file]);
    expect(logged.some((url) => url.includes('/typeset/'))).toBe(false);
  });
});

describe('operating-system errors: one line naming the path, exit code 3 (item 10)', () => {
  it('a data folder that is a file', async () => {
    const file = path.join(root, 'data-file');
    await writeFile(file, 'x');
    for (const command of ['build', 'validate', 'check']) {
      const result = await run(command, '--data', file, ...(command === 'validate' ? [] : ['--out', path.join(root, 'o')]));
      expect(result.code, command).toBe(3);
      expect(result.stderr).toEqual([`briefs ${command}: ${file}: the data folder is a file, not a folder`]);
    }
  });

  it.skipIf(process.getuid?.() === 0)('an unreadable data file', async () => {
    const data = path.join(root, 'unreadable');
    await cp(defaultDataDir, data, { recursive: true });
    await chmod(path.join(data, 'events.yaml'), 0);
    const result = await run('validate', '--data', data);
    expect(result.code).toBe(3);
    expect(result.stderr.join('\n')).toMatch(/events\.yaml:1:1 cannot be read \(EACCES\)/);
  });

  it('an output folder that cannot be created', async () => {
    const file = path.join(root, 'blocker');
    await writeFile(file, 'x');
    const result = await run('build', '--brief', 'history', '--out', path.join(file, 'out'));
    expect(result.code).toBe(3);
    expect(result.stderr).toEqual([`briefs build: ${file}: is a file, so the output folder ${path.join(file, 'out')} cannot be created`]);
  });
});

describe('check --data on a folder that does not exist (item 14)', () => {
  it('says so, instead of listing every data file as removed', async () => {
    const result = await run('check', '--data', path.join(root, 'typo'), '--out', path.join(root, 'o'));
    expect(result.code).toBe(2);
    expect(result.stderr).toEqual([`briefs check: --data ${path.join(root, 'typo')}: no such folder`]);
  });
});

describe('--json: exactly one JSON document on stdout, success or failure (item 13)', () => {
  const parse = (stdout: string) => JSON.parse(stdout) as { ok: boolean; error?: { kind: string; problems: unknown[] } };

  it('data problems are located objects, without the header line', async () => {
    const data = path.join(root, 'bad-data');
    await cp(defaultDataDir, data, { recursive: true });
    const events = path.join(data, 'events.yaml');
    await writeFile(events, (await readFile(events, 'utf8')).replace("date: { iso: '2001-09-11', precision: day }", "date: { iso: '2001-02-30', precision: day }"));
    const result = await run('validate', '--data', data, '--json');
    expect(result.code).toBe(1);
    const report = parse(result.stdout);
    expect(report.ok).toBe(false);
    expect(report.error?.kind).toBe('DataError');
    expect(report.error?.problems).toEqual([
      { file: expect.stringMatching(/events\.yaml$/), line: expect.any(Number), column: expect.any(Number), field: expect.stringMatching(/^events\[0\]\.date/), message: expect.any(String) },
    ]);
  });

  it.each([
    [['build', '--colour', 'red', '--json'], 2],
    [['publish', '--json'], 2],
    [['build', '--brief', 'nope', '--json'], 2],
    [['typeset', '--json'], 2],
    [['check', '--data', '/nonexistent/typo', '--json'], 2],
    [['validate', '--data', '/dev/null', '--json'], 3],
  ])('%j prints one JSON document and exits %i', async (args, code) => {
    const result = await run(...(args as string[]));
    expect(result.code).toBe(code);
    const report = parse(result.stdout);
    expect(report.ok).toBe(false);
    expect(report.error?.problems).toHaveLength(1);
    expect(report.error?.problems[0]).toMatchObject({ message: expect.any(String) });
  });

  it('--version --json and list --json are JSON too', async () => {
    expect(parse((await run('--version', '--json')).stdout)).toMatchObject({ ok: true });
    expect(Array.isArray(JSON.parse((await run('list', '--json')).stdout))).toBe(true);
  });
});

/** The module URLs a CLI run loads, recorded by a resolve hook. */
async function modulesLoadedBy(args: string[]): Promise<string[]> {
  const log = path.join(root, `modules-${Math.random()}.log`);
  await writeFile(log, '');
  await spawnCli(args, { BRIEFS_MODULE_LOG: log }, ['--import', fileURLToPath(new URL('./fixtures/recordModules.mjs', import.meta.url))]);
  return (await readFile(log, 'utf8')).split('\n').filter(Boolean);
}

describe('commands that do not typeset do not load the engine (item 15)', () => {
  const engine = /\/(typeset|fonts|site)\/|\/template\/engine|node_modules\/(pdfmake|harfbuzzjs|fontkit|handlebars|pdfjs-dist|@napi-rs)/;

  it.each([['--help'], ['--version'], ['-v'], ['list'], ['list', '--help'], ['build', '--help'], ['check', '--help']])('%s', async (...args) => {
    const loaded = await modulesLoadedBy(args);
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.filter((url) => engine.test(url))).toEqual([]);
  });

  it('-v prints the version, and every command has a real --help', async () => {
    expect((await run('-v')).stdout).toMatch(/^\d+\.\d+\.\d+$/);
    for (const command of ['build', 'validate', 'list', 'typeset', 'check']) {
      const help = (await run(command, '--help')).stdout;
      expect(help.split('\n').length, command).toBeGreaterThan(3);
      expect(help).toMatch(/Exit codes: 0 /);
    }
  });

  it('build does load it (the hook sees what it should)', async () => {
    const loaded = await modulesLoadedBy(['build', '--brief', 'casualties', '--out', path.join(root, 'loads')]);
    expect(loaded.some((url) => url.includes('/typeset/'))).toBe(true);
  }, 60_000);
});

describe('progress off a terminal (item 18)', () => {
  it('a build past its quiet period prints one line per step on stderr', async () => {
    const out = path.join(root, 'progress');
    await mkdir(out, { recursive: true });
    const result = await spawnCli(['build', '--brief', 'history', '--brief', 'troops', '--out', out], { BRIEFS_PROGRESS_AFTER_MS: '0' });
    expect(result.code).toBe(0);
    expect(result.stderr.split('\n').filter(Boolean)).toEqual([
      'briefs build: fingerprinting the inputs',
      'briefs build: loading and validating the data',
      'briefs build: rendering history.pdf (1/2)',
      'briefs build: rendering troops.pdf (2/2)',
      `briefs build: writing ${out}`,
    ]);
  }, 60_000);

  it('a quick build stays quiet', async () => {
    const result = await spawnCli(['build', '--brief', 'history', '--out', path.join(root, 'quiet')], { BRIEFS_PROGRESS_AFTER_MS: '600000' });
    expect(result).toMatchObject({ code: 0, stderr: '' });
  }, 60_000);
});

describe('exit codes', () => {
  it('a data file the loader could not read at all is a file-system error (3), a bad one a data error (1)', async () => {
    const { exitCodeFor } = await import('../../src/cli/errors.js');
    const { DataError } = await import('../../src/validate/dataError.js');
    const unreadable = { file: 'data/events.yaml', line: 1, column: 1, path: '', message: 'cannot be read (EACCES)' };
    const bad = { file: 'data/events.yaml', line: 3, column: 5, path: 'events[0].date', message: 'is not a real date' };
    expect(exitCodeFor(new DataError([unreadable]))).toBe(3);
    expect(exitCodeFor(new DataError([unreadable, bad]))).toBe(1);
  });

  it('the global help lists the same exit codes as the README table', async () => {
    const help = (await run('--help')).stdout;
    const readme = await readFile(path.join(packageRoot, 'README.md'), 'utf8');
    const table = [...readme.matchAll(/^\| (\d+(?:, \d+)?) \| /gm)].map((match) => match[1]);
    expect(table).toEqual(['0', '1', '2', '3', '4', '130, 143']);
    for (const code of ['0 success', '1 a data or template error', '2 a usage error', '3 a file or folder', '4 another build', '130/143 interrupted']) expect(help).toContain(code);
  });
});

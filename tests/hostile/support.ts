/**
 * Helpers for the hostile-input suite: build a data folder with one hostile edit, run the real CLI
 * on it as a child process (so a crash, a hang or an exit code outside 0/1/2 is seen as a user would
 * see it), and snapshot an output folder to prove a failed build changed nothing.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const baseFixture = path.join(repoRoot, 'tests', 'hostile', 'fixtures', 'base');
const cli = path.join(repoRoot, 'bin', 'briefs.js');
const cpuReporter = path.join(repoRoot, 'tests', 'hostile', 'cpuUsage.cjs');

/**
 * Each case is bounded at 10 s of the CLI's own CPU time (user + system): the measure of work done
 * that does not depend on how busy the machine is. A child still running after WALL_LIMIT_MS of
 * wall time is killed and reported as a hang.
 */
export const CPU_LIMIT_MS = 10_000;
export const WALL_LIMIT_MS = Number(process.env.HOSTILE_WALL_LIMIT_MS ?? 45_000);

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** CPU time the CLI process used, in ms (user + system). */
  cpuMs: number;
  wallMs: number;
  timedOut: boolean;
}

/**
 * dist/ being recompiled by someone else at the same moment (a shared working tree) shows up as a
 * module-linking error before the CLI runs at all; no data can cause it. Such a run is retried.
 */
const DIST_IN_FLUX = /^(SyntaxError: The requested module '[^']+' does not provide an export named|Error \[ERR_MODULE_NOT_FOUND\]: Cannot find module '[^']*\/dist\/)/m;

/** Runs `briefs ARGS` in `cwd`, as CI does (not a terminal, so no progress lines). */
export async function runCli(args: readonly string[], cwd: string): Promise<CliRun> {
  for (let attempt = 1; ; attempt++) {
    const run = await runCliOnce(args, cwd);
    if (attempt >= 3 || !DIST_IN_FLUX.test(run.stderr)) return run;
    await new Promise((resolve) => setTimeout(resolve, 3000));
  }
}

async function runCliOnce(args: readonly string[], cwd: string): Promise<CliRun> {
  const usageFile = path.join(await mkdtemp(path.join(tmpdir(), 'briefs-cpu-')), 'usage.json');
  const started = performance.now();
  const child = spawn(process.execPath, ['--require', cpuReporter, cli, ...args], {
    cwd,
    // Step lines (a long build off a terminal) are held back for the whole run: here stderr carries
    // only what went wrong. tests/cli/errors.test.ts specifies the step lines.
    env: { ...process.env, BRIEFS_CPU_USAGE_FILE: usageFile, CI: 'true', FORCE_COLOR: '0', BRIEFS_PROGRESS_AFTER_MS: '600000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, WALL_LIMIT_MS);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('close', (c, s) => resolve([c, s])),
  );
  clearTimeout(timer);
  const wallMs = performance.now() - started;
  const usage = JSON.parse(await readFile(usageFile, 'utf8').catch(() => '{"user":0,"system":0}')) as { user: number; system: number };
  await rm(path.dirname(usageFile), { recursive: true, force: true });
  return { code, signal, stdout, stderr, cpuMs: (usage.user + usage.system) / 1000, wallMs, timedOut };
}

export async function scratch(prefix: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), `briefs-hostile-${prefix}-`));
}

/**
 * A case folder `<tmp>/<name>/` holding `data/` (a copy of `from`), so that, run from the case
 * folder, the CLI names files `data/dataset.yaml` exactly as an editor sees them.
 */
export async function caseFolder(root: string, name: string, from: string = baseFixture): Promise<{ cwd: string; data: string }> {
  const cwd = path.join(root, name);
  const data = path.join(cwd, 'data');
  await mkdir(cwd, { recursive: true });
  await cp(from, data, { recursive: true });
  return { cwd, data };
}

/** Replaces exactly one occurrence of `find` in a data file (fails loudly if the anchor moved). */
export async function edit(data: string, file: string, find: string | RegExp, replace: string): Promise<void> {
  const target = path.join(data, file);
  const text = await readFile(target, 'utf8');
  const matches = typeof find === 'string' ? text.split(find).length - 1 : (text.match(new RegExp(find.source, `${find.flags.replace('g', '')}g`)) ?? []).length;
  if (matches !== 1) throw new Error(`hostile edit: expected one match of ${String(find)} in ${file}, found ${matches}`);
  await writeFile(target, text.replace(find, () => replace));
}

export { folderContents as snapshotFolder } from '../support/folderContents.js';

/** Names of leftover temporary files (the atomic writer's `*.tmp-*`) anywhere under `dir`. */
export async function tempFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => /\.tmp-/.test(entry.name)).map((entry) => path.join(entry.parentPath, entry.name));
}

/** Strips the invisible marks extractors insert around right-to-left runs, for substring checks. */
export function visibleText(text: string): string {
  return text.replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C]/g, '');
}

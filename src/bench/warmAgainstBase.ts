/**
 * Warm renders of each brief, this tree against a base checkout (BRIEFS_BENCH_BASE), in fresh
 * processes that alternate (base, this, base, this…), so drift on a shared machine hits both alike.
 * Each process renders every brief `warmUps` times, then `runs` times timed, from the bundled data,
 * through the tree's own compiled modules — validate, template, pipeline/renderBrief, briefs/registry,
 * paths: the interface both trees have had since the bench began (a base without it is reported, not
 * guessed at). The ratio per brief is this tree's median over the base's (medians of the processes).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../paths.js';

/** Run in the tree's folder: prints {brief: median ms} as JSON. */
const renderScript = `
const dist = (file) => new URL('./dist/' + file, process.env.BENCH_TREE_URL).href;
const { loadValidDataset } = await import(dist('validate/index.js'));
const { createTemplateEngine } = await import(dist('template/index.js'));
const { renderBrief } = await import(dist('pipeline/renderBrief.js'));
const { briefs, briefIds } = await import(dist('briefs/registry.js'));
const { defaultDataDir, templatesDir } = await import(dist('paths.js'));
const context = { dataset: await loadValidDataset(defaultDataDir), templates: createTemplateEngine(templatesDir), digits: 'latn' };
const [warmUps, runs] = [Number(process.env.BENCH_WARM_UPS), Number(process.env.BENCH_RUNS)];
const medians = {};
for (const id of briefIds) {
  for (let i = 0; i < warmUps; i++) await renderBrief(briefs[id], context);
  const samples = [];
  for (let i = 0; i < runs; i++) { const started = performance.now(); await renderBrief(briefs[id], context); samples.push(performance.now() - started); }
  samples.sort((a, b) => a - b);
  medians[id] = samples[Math.floor(samples.length / 2)];
}
console.log(JSON.stringify(medians));
`;

export interface WarmAgainstBase {
  base: string;
  processes: number;
  /** Per brief: median warm render (ms) in each tree, and this/base. */
  briefs: Record<string, { baseMs: number; currentMs: number; currentOverBase: number }>;
}

function warmMedians(tree: string, warmUps: number, runs: number): Record<string, number> {
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', renderScript], {
    cwd: tree,
    env: { ...process.env, BENCH_TREE_URL: pathToFileURL(tree + path.sep).href, BENCH_WARM_UPS: String(warmUps), BENCH_RUNS: String(runs) },
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`bench: warm renders in ${tree} failed: ${child.stderr.trim().split('\n').slice(-3).join(' ')}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Record<string, number>;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * 20 warm-ups: the first brief of a process is still getting faster after 10, this tree's more than
 * the base's (2026-12-03, against d939107: history 1.09 of the base after 10, 0.83 after 20).
 */
export function warmAgainstBase(base: string, processes = 3, warmUps = 20, runs = 15): WarmAgainstBase | undefined {
  if (!existsSync(path.join(base, 'dist', 'pipeline', 'renderBrief.js'))) return undefined;
  const before: Record<string, number>[] = [];
  const current: Record<string, number>[] = [];
  for (let run = 0; run < processes; run++) {
    before.push(warmMedians(base, warmUps, runs));
    current.push(warmMedians(packageRoot, warmUps, runs));
  }
  const briefs: WarmAgainstBase['briefs'] = {};
  for (const id of Object.keys(current[0]!)) {
    if (before[0]![id] === undefined) continue;
    const baseMs = median(before.map((run) => run[id]!));
    const currentMs = median(current.map((run) => run[id]!));
    briefs[id] = { baseMs: Math.round(baseMs * 10) / 10, currentMs: Math.round(currentMs * 10) / 10, currentOverBase: Math.round((currentMs / baseMs) * 100) / 100 };
  }
  return { base, processes, briefs };
}

export function warmAgainstBaseLines(result: WarmAgainstBase): string[] {
  return [
    `  warm renders against the base (${result.processes} alternating processes each, medians): ` +
      Object.entries(result.briefs)
        .map(([id, row]) => `${id} ${row.currentMs} vs ${row.baseMs} ms (${row.currentOverBase})`)
        .join(' · '),
  ];
}

/**
 * `npm run bench`: measures the generator the way CI and readers feel it, and writes bench/results.json.
 * Not a test: figures vary with the machine; the README quotes the latest table.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { briefIds, briefs, type BriefId } from '../briefs/registry.js';
import { loadValidDataset } from '../validate/index.js';
import { createTemplateEngine } from '../template/index.js';
import { composeBrief, renderBrief, type RenderContext } from '../pipeline/renderBrief.js';
import type { BuildTimings } from '../pipeline/build.js';
import { defaultDataDir, packageRoot, templatesDir } from '../paths.js';
import type { Dataset } from '../model/index.js';
import type { ComposedBriefs } from './typesetOnly.js';
import { writeScaledData } from './scaledData.js';
import { sideBySide, sideBySideLines } from './sideBySide.js';
import { watchLatency, watchLatencyLines } from './watchLatency.js';

const warmRuns = 12;
/**
 * Renders before timing. The first brief of a process reaches its steady state only after about ten
 * renders (measured: 640, 220, 140, 115 … 80 ms), while V8 optimises the engine's code.
 */
const warmUpRuns = 10;
const coldRuns = 5;
const scalingFactors = [1, 10, 100] as const;

interface Spread {
  median: number;
  min: number;
  max: number;
}

function spread(samples: number[]): Spread {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median = sorted.length % 2 === 1 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median: round(median), min: round(sorted[0]!), max: round(sorted.at(-1)!) };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

async function timeRenders(id: BriefId, context: RenderContext, runs: number, warmUps = warmUpRuns) {
  const first = await renderBrief(briefs[id], context); // warm-up: fonts, templates, JIT
  for (let run = 1; run < warmUps; run++) await renderBrief(briefs[id], context);
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await renderBrief(briefs[id], context);
    samples.push(performance.now() - started);
  }
  return { pages: first.pages, bytes: first.bytes.byteLength, ms: spread(samples) };
}

/** The history brief over a dataset whose events are repeated `factor` times (ids kept unique). */
function withRepeatedEvents(dataset: Dataset, factor: number): Dataset {
  const events = Array.from({ length: factor }, (_, copy) =>
    dataset.events.map((event) => (copy === 0 ? event : { ...event, id: `${event.id}-x${copy}` })),
  ).flat();
  return { ...dataset, events };
}

/** What `briefs build --json` reports of its time: the steps, and each brief. */
type ColdTimings = BuildTimings & { briefs: Record<BriefId, number> };

interface ColdBuild {
  ms: number;
  /** CPU time of the process (user + system, all threads): what a busy shared machine does not inflate. */
  cpuMs: number;
  peakRssMb: number;
  timings: ColdTimings;
}

function coldBuild(outDir: string, dataDir?: string): ColdBuild {
  const bin = path.join(packageRoot, 'bin', 'briefs.js');
  const args = [bin, 'build', '--out', outDir, '--json', ...(dataDir === undefined ? [] : ['--data', dataDir])];
  const env = { ...process.env, CI: 'true' };
  // GNU time reports the child's peak RSS; fall back to wall time alone where it is missing.
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%M %U %S', process.execPath, ...args], { encoding: 'utf8', env });
  const ms = performance.now() - started;
  if (result.error !== undefined || result.status !== 0) {
    const plain = performance.now();
    const stdout = execFileSync(process.execPath, args, { encoding: 'utf8', env });
    return { ms: performance.now() - plain, cpuMs: Number.NaN, peakRssMb: Number.NaN, timings: timingsOf(stdout) };
  }
  const [kilobytes, user, system] = (result.stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number) as [number, number, number];
  return { ms, cpuMs: Math.round((user + system) * 1000), peakRssMb: round(kilobytes / 1024), timings: timingsOf(result.stdout) };
}

function timingsOf(buildJson: string): ColdTimings {
  return (JSON.parse(buildJson) as { timings: ColdTimings }).timings;
}

/**
 * Where a cold build's time goes, step by step (medians over the runs): start-up and module loading,
 * fingerprinting, data, each brief, the site, writing, and what is left of the wall time (the
 * thumbnail worker's shutdown and the process's exit).
 */
function coldBreakdown(runs: readonly ColdBuild[]): [string, number][] {
  const median = (pick: (run: ColdBuild) => number) => spread(runs.map(pick)).median;
  const steps: [string, (run: ColdBuild) => number][] = [
    ['start-up', (run) => run.timings.startup],
    ['inputs', (run) => run.timings.inputs],
    ['data', (run) => run.timings.data],
    ...briefIds.map((id): [string, (run: ColdBuild) => number] => [id, (run) => run.timings.briefs[id]]),
    ['site', (run) => run.timings.site],
    ['write', (run) => run.timings.write],
  ];
  const accounted = (run: ColdBuild) => steps.reduce((sum, [, pick]) => sum + pick(run), 0);
  return [...steps.map(([name, pick]): [string, number] => [name, median(pick)]), ['exit', median((run) => run.ms - accounted(run))]];
}

/**
 * The floor under a cold build: fresh processes that only typeset the five PDFs, from blocks composed
 * here beforehand. Whatever the rest of the build costs comes on top of this.
 */
async function coldTypesetOnly(context: RenderContext, scratch: string) {
  const composed: ComposedBriefs = {
    asOf: { as_of: context.dataset.as_of, as_of_inferred: context.dataset.as_of_inferred, as_of_not_before: context.dataset.as_of_not_before },
    digits: context.digits,
    briefs: briefIds.map((id) => ({ id, blocks: composeBrief(briefs[id], context) })),
  };
  const file = path.join(scratch, 'composed.json');
  await writeFile(file, JSON.stringify(composed));
  const script = path.join(packageRoot, 'dist', 'bench', 'typesetOnly.js');
  const runs = Array.from({ length: coldRuns }, () => {
    const started = performance.now();
    const stdout = execFileSync(process.execPath, [script, file], { encoding: 'utf8' });
    const wall = performance.now() - started;
    const { typeset } = JSON.parse(stdout) as { startup: number; typeset: number };
    return { wall, typeset };
  });
  return { processMs: spread(runs.map((run) => run.wall)), typesetMs: spread(runs.map((run) => run.typeset)) };
}

/**
 * Whole builds (one fresh process each) of data/ with its events repeated until events.yaml is about
 * `megabytes` MB, up to the loader's 8 MiB limit: time, peak memory, and where the time went.
 */
const scaleMegabytes = [1, 2, 4, 8.3] as const;

async function scaleBuilds(scratch: string) {
  const rows = [];
  for (const megabytes of scaleMegabytes) {
    const data = await writeScaledData(defaultDataDir, path.join(scratch, `data-${megabytes}mb`), Math.round(megabytes * 1_000_000));
    const build = coldBuild(path.join(scratch, `scale-${megabytes}mb`), data.dir);
    const briefMs = Object.values(build.timings.briefs).reduce((sum, ms) => sum + ms, 0);
    rows.push({
      megabytes: round(data.bytes / 1_000_000),
      events: data.events,
      ms: Math.round(build.ms),
      cpuMs: build.cpuMs,
      cpuMsPerThousandEvents: Math.round((build.cpuMs / data.events) * 1000),
      peakRssMb: build.peakRssMb,
      dataMs: Math.round(build.timings.data),
      briefsMs: Math.round(briefMs),
      siteMs: Math.round(build.timings.site),
      writeMs: Math.round(build.timings.write),
    });
  }
  return rows;
}

async function main(): Promise<void> {
  const dataset = await loadValidDataset(defaultDataDir);
  const context: RenderContext = { dataset, templates: createTemplateEngine(templatesDir), digits: 'latn' };

  const warm: Record<string, Awaited<ReturnType<typeof timeRenders>>> = {};
  for (const id of briefIds) warm[id] = await timeRenders(id, context, warmRuns);

  const scaling = [];
  for (const factor of scalingFactors) {
    const scaled = { ...context, dataset: withRepeatedEvents(dataset, factor) };
    // The engine is warm by now (the table above); one render warms the larger dataset's caches.
    const runs = factor === 100 ? 3 : factor === 10 ? 5 : warmRuns;
    const result = await timeRenders('history', scaled, runs, 1);
    scaling.push({ factor, events: scaled.dataset.events.length, pages: result.pages, ms: result.ms.median, msPerPage: round(result.ms.median / result.pages) });
  }

  const scratch = await mkdtemp(path.join(tmpdir(), 'briefs-bench-'));
  const cold = Array.from({ length: coldRuns }, (_, run) => coldBuild(path.join(scratch, `run-${run}`)));
  const breakdown = coldBreakdown(cold);
  const typesetOnly = await coldTypesetOnly(context, scratch);
  const scale = await scaleBuilds(scratch);
  const versus = sideBySide();
  const editorsLoop = await watchLatency();
  const results = {
    sideBySide: versus,
    editorsLoop,
    machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
    warmRenderMs: warm,
    coldBuildAllMs: spread(cold.map((run) => run.ms)),
    coldBuildStepsMs: Object.fromEntries(breakdown),
    coldTypesetOnly: typesetOnly,
    peakRssMb: Math.max(...cold.map((run) => run.peakRssMb)),
    historyScaling: scaling,
    buildScaling: scale,
  };

  const lines = [
    'brief        pages     bytes   warm median (min–max) ms',
    ...briefIds.map((id) => {
      const row = warm[id]!;
      return `${id.padEnd(12)} ${String(row.pages).padStart(5)} ${String(row.bytes).padStart(9)}   ${row.ms.median} (${row.ms.min}–${row.ms.max})`;
    }),
    '',
    `cold build, all five (median of ${coldRuns} processes): ${results.coldBuildAllMs.median} ms (${results.coldBuildAllMs.min}–${results.coldBuildAllMs.max})`,
    `  where the time went (medians, ms): ${breakdown.map(([step, ms]) => `${step} ${Math.round(ms)}`).join(' · ')}`,
    `  the floor: typesetting the five PDFs alone in a fresh process (median of ${coldRuns}): ${Math.round(typesetOnly.typesetMs.median)} ms ` +
      `(${Math.round(typesetOnly.typesetMs.min)}–${Math.round(typesetOnly.typesetMs.max)}); the whole process ${Math.round(typesetOnly.processMs.median)} ms`,
    `peak RSS of a cold build: ${results.peakRssMb} MB`,
    '',
    ...sideBySideLines(versus),
    ...watchLatencyLines(editorsLoop),
    '',
    'history scaling   events  pages   ms   ms/page',
    ...scaling.map((row) => `  ×${String(row.factor).padEnd(14)} ${String(row.events).padStart(6)} ${String(row.pages).padStart(6)} ${String(row.ms).padStart(6)} ${String(row.msPerPage).padStart(8)}`),
    '',
    'whole build by data size (one process each; events repeated, up to the 8 MiB file limit)',
    '     MB  events  wall ms   CPU ms  CPU ms/1000 events  peak RSS MB   data ms  briefs ms  site ms  write ms',
    ...scale.map(
      (row) =>
        `${String(row.megabytes).padStart(7)} ${String(row.events).padStart(7)} ${String(row.ms).padStart(8)} ${String(row.cpuMs).padStart(8)} ${String(row.cpuMsPerThousandEvents).padStart(19)} ${String(row.peakRssMb).padStart(12)} ${String(row.dataMs).padStart(9)} ${String(row.briefsMs).padStart(10)} ${String(row.siteMs).padStart(8)} ${String(row.writeMs).padStart(9)}`,
    ),
  ];
  console.log(lines.join('\n'));
  await mkdir(path.join(packageRoot, 'bench'), { recursive: true });
  await writeFile(path.join(packageRoot, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
}

await main();

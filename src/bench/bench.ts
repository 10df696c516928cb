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
import { renderBrief, type RenderContext } from '../pipeline/renderBrief.js';
import { defaultDataDir, packageRoot, templatesDir } from '../paths.js';
import type { Dataset } from '../model/index.js';

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

function coldBuild(outDir: string): { ms: number; peakRssMb: number } {
  const bin = path.join(packageRoot, 'bin', 'briefs.js');
  // GNU time reports the child's peak RSS; fall back to wall time alone where it is missing.
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, bin, 'build', '--out', outDir], {
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
  });
  const ms = performance.now() - started;
  if (result.error !== undefined || result.status !== 0) {
    const plain = performance.now();
    execFileSync(process.execPath, [bin, 'build', '--out', outDir], { env: { ...process.env, CI: 'true' } });
    return { ms: performance.now() - plain, peakRssMb: Number.NaN };
  }
  const kilobytes = Number(result.stderr.trim().split('\n').at(-1));
  return { ms, peakRssMb: round(kilobytes / 1024) };
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
  const results = {
    machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
    warmRenderMs: warm,
    coldBuildAllMs: spread(cold.map((run) => run.ms)),
    peakRssMb: Math.max(...cold.map((run) => run.peakRssMb)),
    historyScaling: scaling,
  };

  const lines = [
    'brief        pages     bytes   warm median (min–max) ms',
    ...briefIds.map((id) => {
      const row = warm[id]!;
      return `${id.padEnd(12)} ${String(row.pages).padStart(5)} ${String(row.bytes).padStart(9)}   ${row.ms.median} (${row.ms.min}–${row.ms.max})`;
    }),
    '',
    `cold build, all five (median of ${coldRuns} processes): ${results.coldBuildAllMs.median} ms (${results.coldBuildAllMs.min}–${results.coldBuildAllMs.max})`,
    `peak RSS of a cold build: ${results.peakRssMb} MB`,
    '',
    'history scaling   events  pages   ms   ms/page',
    ...scaling.map((row) => `  ×${String(row.factor).padEnd(14)} ${String(row.events).padStart(6)} ${String(row.pages).padStart(6)} ${String(row.ms).padStart(6)} ${String(row.msPerPage).padStart(8)}`),
  ];
  console.log(lines.join('\n'));
  await mkdir(path.join(packageRoot, 'bench'), { recursive: true });
  await writeFile(path.join(packageRoot, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
}

await main();

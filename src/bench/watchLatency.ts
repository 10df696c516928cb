/**
 * The editors' loop, measured: in `briefs watch --brief troops`, the time from saving a figure to the
 * rebuilt PDF being in place, against a cold `briefs build --brief troops` of the same data, run
 * alternately in one run (so the machine's drift hits both alike). Reported as a ratio (target ≤ 0.1).
 * Run alone: `npm run compile && node dist/bench/watchLatency.js`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { defaultDataDir, packageRoot } from '../paths.js';

const cli = path.join(packageRoot, 'bin', 'briefs.js');

export interface WatchLatency {
  saveToPdfMs: { median: number; min: number; max: number };
  coldBuildMs: { median: number; min: number; max: number };
  ratio: number;
  /** Median per step of the watched rebuilds (as `briefs watch --timings` prints them), in ms. */
  steps: Record<string, number>;
}

function spread(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n);
  return { median: round(sorted[Math.floor(sorted.length / 2)]!), min: round(sorted[0]!), max: round(sorted.at(-1)!) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function watchLatency(rounds = 7): Promise<WatchLatency> {
  const root = mkdtempSync(path.join(tmpdir(), 'briefs-bench-watch-'));
  const data = path.join(root, 'data');
  cpSync(defaultDataDir, data, { recursive: true });
  const figures = path.join(data, 'figures-forces.yaml');
  const original = readFileSync(figures, 'utf8');
  if (!original.includes('    value: 3000\n')) throw new Error('bench: figures-forces.yaml no longer has the figure it edits');
  const out = path.join(root, 'out');
  const child = spawn(process.execPath, [cli, 'watch', '--brief', 'troops', '--timings', '--data', data, '--out', out], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  try {
    while (!stderr.includes('watching')) {
      if (child.exitCode !== null) throw new Error(`bench: watch exited: ${stderr}`);
      await sleep(20);
    }
    const pdf = path.join(out, 'troops.pdf');
    const saves: number[] = [];
    const colds: number[] = [];
    const steps = new Map<string, number[]>();
    for (let round = 0; round < rounds; round += 1) {
      const before = statSync(pdf).mtimeMs;
      const builtLines = stderr.split('built ').length;
      const started = performance.now();
      writeFileSync(figures, original.replace('    value: 3000\n', `    value: ${3001 + round}\n`));
      // The PDF is in place when watch reports the build (it says so after the rename).
      while (stderr.split('built ').length === builtLines) await sleep(2);
      saves.push(performance.now() - started);
      if (statSync(pdf).mtimeMs === before) throw new Error('bench: the PDF did not change');
      // The build's own breakdown follows its "built" line.
      while (!/built [^\n]*\n  steps \(ms\): [^\n]*\n$/.test(stderr)) await sleep(2);
      for (const part of stderr.slice(stderr.lastIndexOf('steps (ms): ') + 12).trim().split(' · ')) {
        const match = /^(\w+) (\d+)(?: \((\w+) (\d+)\))?$/.exec(part);
        if (!match) continue;
        (steps.get(match[1]!) ?? steps.set(match[1]!, []).get(match[1]!)!).push(Number(match[2]));
        if (match[3]) (steps.get(match[3]) ?? steps.set(match[3], []).get(match[3])!).push(Number(match[4]));
      }
      const coldStarted = performance.now();
      const cold = spawnSync(process.execPath, [cli, 'build', '--brief', 'troops', '--data', data, '--out', path.join(root, `cold-${round}`)], { stdio: 'ignore' });
      if (cold.status !== 0) throw new Error('bench: cold build failed');
      colds.push(performance.now() - coldStarted);
    }
    const saveToPdfMs = spread(saves);
    const coldBuildMs = spread(colds);
    return {
      saveToPdfMs,
      coldBuildMs,
      ratio: Math.round((saveToPdfMs.median / coldBuildMs.median) * 1000) / 1000,
      steps: Object.fromEntries([...steps].map(([name, samples]) => [name, spread(samples).median])),
    };
  } finally {
    child.kill('SIGINT');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(root, { recursive: true, force: true });
  }
}

export function watchLatencyLines(result: WatchLatency): string[] {
  return [
    'editors\' loop: save a figure → troops.pdf rebuilt by briefs watch, against a cold briefs build --brief troops (alternating)',
    `  save → PDF  median ${result.saveToPdfMs.median} ms (${result.saveToPdfMs.min}–${result.saveToPdfMs.max}) · cold build ${result.coldBuildMs.median} ms (${result.coldBuildMs.min}–${result.coldBuildMs.max}) · ratio ${result.ratio} (target ≤ 0.1)`,
    `  a rebuild's steps, median ms: ${Object.entries(result.steps).map(([name, ms]) => `${name} ${ms}`).join(' · ')}`,
  ];
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(watchLatencyLines(await watchLatency()).join('\n'));
}

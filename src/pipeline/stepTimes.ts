/**
 * Where a build's time goes, step by step (load, validate, compose, lines, typeset, write…), as
 * performance measures named `briefs:<step>`: a long-lived process (`briefs watch --timings`, the
 * bench) takes them after each build; a one-off build leaves its handful behind. Also visible to
 * Node's own tools (a --cpu-prof timeline, PerformanceObserver).
 */
import { performance } from 'node:perf_hooks';

const PREFIX = 'briefs:';

/** Runs one step, timed under `name`. */
export function timeStep<T>(name: string, run: () => T): T {
  const start = performance.now();
  try {
    return run();
  } finally {
    performance.measure(PREFIX + name, { start, end: performance.now() });
  }
}

/** Runs one asynchronous step, timed under `name` (until its promise settles). */
export async function timeStepAsync<T>(name: string, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await run();
  } finally {
    performance.measure(PREFIX + name, { start, end: performance.now() });
  }
}

/** Records a step timed elsewhere (from `start`, a performance.now() reading, to now). */
export function recordStep(name: string, start: number): void {
  performance.measure(PREFIX + name, { start, end: performance.now() });
}

/** The steps measured since the last call, in milliseconds summed by name (in the order first seen), and forgets them. */
export function takeStepTimes(): Map<string, number> {
  const times = new Map<string, number>();
  for (const entry of performance.getEntriesByType('measure')) {
    if (!entry.name.startsWith(PREFIX)) continue;
    const name = entry.name.slice(PREFIX.length);
    times.set(name, (times.get(name) ?? 0) + entry.duration);
  }
  for (const name of times.keys()) performance.clearMeasures(PREFIX + name);
  return times;
}

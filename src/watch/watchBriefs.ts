/**
 * `briefs watch`: keeps one process (and so the warmed typesetter and its caches) alive, and
 * rebuilds whenever a data file or a template is saved. A save usually arrives as several file
 * events (editors write a temporary file, rename it, touch it again), so events are gathered for a
 * short quiet period and become one build; a save during a build queues exactly one more. A build
 * that fails leaves the previous output in place (the build itself is all or nothing) and its
 * message is reported once; the next good build says the problem is gone. After the first build it
 * can warm the engine (WatchOptions.warmUp) until the first save.
 */
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { recordStep } from '../pipeline/stepTimes.js';

/** What one rebuild reports back: the files it wrote, or the error that stopped it. */
export type BuildOutcome = ({ ok: true; files: readonly string[] } | { ok: false; message: string; superseded?: boolean }) & {
  milliseconds: number;
  /** Where the time went, step by step (pipeline/stepTimes.ts), the wait before the build included. */
  steps?: ReadonlyMap<string, number>;
};

export interface WatchEvents {
  /** A build starts, for the listed changed paths (relative to the watched folder). */
  building?(changed: readonly string[]): void;
  /** A build wrote its files. `recovered` is true when the previous build had failed. */
  built?(outcome: Extract<BuildOutcome, { ok: true }>, recovered: boolean): void;
  /** A build failed with a message not reported before (an unchanged error is reported once). */
  failed?(outcome: Extract<BuildOutcome, { ok: false }>): void;
}

export interface WatchOptions {
  /** Folders whose files are inputs (data/ and templates/; templates recursively). */
  folders: readonly { dir: string; recursive: boolean; accept: (name: string) => boolean }[];
  /**
   * Runs one build; never throws (failures are outcomes). `superseded()` turns true once a file event
   * arrives during the build: a build that stops for it (outcome `superseded`) is neither reported
   * as built nor as failed, and the build its changes queued follows.
   */
  build(superseded: () => boolean): Promise<BuildOutcome>;
  events?: WatchEvents;
  /** Quiet period after the last file event before a build starts (ms). */
  settleMilliseconds?: number;
  /**
   * Run after the first build, one round after another while nothing is to be built: a round does
   * what a rebuild does without writing (runWatch.ts), so V8 has optimised that code before the first
   * save instead of during the first saves. A file event ends the warm-up: the round running
   * finishes (`superseded()` turns true, so it can stop early), the build follows. A round that
   * resolves false (the inputs do not build) ends it too.
   */
  warmUp?: { rounds: number; run(superseded: () => boolean): Promise<boolean> };
}

export interface Watcher {
  /** Resolves after the first build (watch builds once at start, so out/ matches the inputs). */
  readonly ready: Promise<void>;
  /** Resolves when no build is running and none is queued. */
  idle(): Promise<void>;
  /** Resolves after the first build and the warm-up (WatchOptions.warmUp): done, ended by a save, or closed. */
  readonly warmed: Promise<void>;
  /** Stops watching; resolves once the build in progress, if any, has finished. */
  close(): Promise<void>;
}

/** Editor scratch files that are not inputs: swap and backup files, Emacs lock links. */
const SCRATCH = /(^|\/)(\.#|#)|~$|\.sw[a-p]$|\.tmp$|^\.|\/\./;

export function watchBriefs(options: WatchOptions): Watcher {
  // One save's events (truncate and write, or write a copy and rename it) come within a millisecond
  // or two; a save spread wider is caught by the build's `superseded` check, never written half-read.
  // Every millisecond waited here is one the editor waits for the page (10 → 3 ms: save → PDF 7 ms sooner).
  const settle = options.settleMilliseconds ?? 3;
  const watchers: FSWatcher[] = [];
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  /** When the first file event of the changes not yet built arrived (performance.now()). */
  let firstEvent: number | undefined;
  let running: Promise<void> | undefined;
  let queued = false;
  let closed = false;
  let lastFailure: string | undefined;
  let idleWaiters: (() => void)[] = [];
  let warmUpsLeft = options.warmUp?.rounds ?? 0;
  let warmedUp: () => void = () => {};
  const warmed = new Promise<void>((resolve) => (warmedUp = resolve));

  const runBuild = async (changed: string[]): Promise<void> => {
    options.events?.building?.(changed);
    const outcome = await options.build(() => pending.size > 0 || queued);
    if (!outcome.ok && outcome.superseded === true) return;
    if (outcome.ok) {
      const recovered = lastFailure !== undefined;
      lastFailure = undefined;
      options.events?.built?.(outcome, recovered);
    } else if (outcome.message !== lastFailure) {
      lastFailure = outcome.message;
      options.events?.failed?.(outcome);
    }
  };

  const drain = (): void => {
    if (running || closed) return;
    if (pending.size === 0 && !queued) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const resolve of waiters) resolve();
      if (warmUpsLeft > 0 && options.warmUp) {
        warmUpsLeft -= 1;
        running = options.warmUp
          .run(() => pending.size > 0 || queued)
          .then((more) => {
            if (!more) warmUpsLeft = 0;
          })
          .finally(() => {
            running = undefined;
            drain();
          });
        return;
      }
      warmedUp();
      return;
    }
    const changed = [...pending].sort();
    pending.clear();
    queued = false;
    // From the save to the build's start: the quiet period, or the build it waited behind.
    if (firstEvent !== undefined) recordStep('settle', firstEvent);
    firstEvent = undefined;
    running = runBuild(changed).finally(() => {
      running = undefined;
      drain();
    });
  };

  const noticed = (folder: string, name: string | null): void => {
    if (closed) return;
    firstEvent ??= performance.now();
    // The editor is at work: its rebuilds warm the engine from now on.
    warmUpsLeft = 0;
    pending.add(name ? path.join(folder, name) : folder);
    if (running) queued = true;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      drain();
    }, settle);
  };

  for (const { dir, recursive, accept } of options.folders) {
    const watcher = watch(dir, { recursive }, (_event, name) => {
      // An event without a name (some platforms) may be anything: rebuild to be safe.
      if (name === null) return noticed(dir, null);
      const file = String(name);
      if (!SCRATCH.test(file) && accept(file)) noticed(dir, file);
    });
    watcher.on('error', () => noticed(dir, null));
    watchers.push(watcher);
  }

  queued = true;
  const ready = new Promise<void>((resolve) => {
    idleWaiters.push(resolve);
    drain();
  });

  return {
    ready,
    warmed,
    idle: () =>
      new Promise<void>((resolve) => {
        if (!running && pending.size === 0 && !queued && timer === undefined) return resolve();
        idleWaiters.push(resolve);
      }),
    async close() {
      closed = true;
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
      await running;
      warmedUp();
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const resolve of waiters) resolve();
    },
  };
}

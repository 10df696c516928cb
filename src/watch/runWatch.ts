/**
 * The watch session the CLI runs: a warm build on every save (all or nothing, as `briefs build`),
 * optionally with the preview server, until SIGINT or SIGTERM. Printing goes through `log`, so the
 * CLI decides where lines go.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { briefIds, type BriefId } from '../briefs/registry.js';
import { isDataFileName } from '../load/index.js';
import { createWarmCaches } from '../pipeline/warmCaches.js';
import { buildBriefs, SupersededBuild } from '../pipeline/build.js';
import type { Digits } from '../document/model.js';
import { startPreview, type PreviewServer } from '../preview/previewServer.js';
import { takeStepTimes } from '../pipeline/stepTimes.js';
import { watchBriefs, type BuildOutcome, type Watcher } from './watchBriefs.js';

export interface WatchSessionOptions {
  dataDir: string;
  templatesDir: string;
  outDir: string;
  briefs: readonly BriefId[];
  digits: Digits;
  /** Serve out/site/ with live reload (`briefs preview`). */
  serve?: { host: string; port: number };
  log(line: string): void;
  /** After each build, also print where its time went (settle, load, validate, compose, typeset, write…). */
  timings?: boolean;
  /** Turns a build error into the lines editors see (file:line:column field: message). */
  describe(error: unknown): string;
}

/**
 * Warm-up rounds after the first build, when the watch builds some briefs (`--brief`). Measured on
 * troops (2026-12-02, main-thread CPU of nine rebuilds a bench's 1.4 s apart, after n rounds):
 * 0 → 136–139 ms, 3 → 121–130, 6 → 118–120, 10 → 112–115, 20 → 114. A round costs what a
 * rebuild does (0.15–0.4 s of CPU while V8 is still optimising), once, before `watching`.
 */
const WARM_UP_ROUNDS = 8;

export interface WatchSession {
  readonly watcher: Watcher;
  readonly preview?: PreviewServer;
  stop(): Promise<void>;
}

export async function startWatchSession(options: WatchSessionOptions): Promise<WatchSession> {
  const preview = options.serve ? await startPreview({ root: path.join(options.outDir, 'site'), ...options.serve }) : undefined;
  // Kept for the session: a save re-parses and recompiles only the files that changed.
  const warm = createWarmCaches();
  const build = async (superseded: () => boolean): Promise<BuildOutcome> => {
    const started = performance.now();
    try {
      const summary = await buildBriefs({ dataDir: options.dataDir, templatesDir: options.templatesDir, outDir: options.outDir, briefs: options.briefs, digits: options.digits, warm, superseded });
      return { ok: true, files: summary.briefs.map((entry) => entry.file), milliseconds: performance.now() - started, steps: takeStepTimes() };
    } catch (error) {
      // An error from a file caught mid-save is no error of the saved file: the next build says.
      const stale = error instanceof SupersededBuild || superseded();
      return { ok: false, message: options.describe(error), superseded: stale, milliseconds: performance.now() - started, steps: takeStepTimes() };
    }
  };
  // A round renders the briefs as a rebuild does and stops before writing: `superseded` turns true
  // once every brief is rendered, and the build then writes nothing (pipeline/build.ts).
  const warmUp = async (saved: () => boolean): Promise<boolean> => {
    let rendered = 0;
    try {
      await buildBriefs({
        dataDir: options.dataDir,
        templatesDir: options.templatesDir,
        outDir: options.outDir,
        briefs: options.briefs,
        digits: options.digits,
        warm,
        onBrief: () => void (rendered += 1),
        superseded: () => saved() || rendered === options.briefs.length,
      });
      return false;
    } catch (error) {
      return error instanceof SupersededBuild && rendered === options.briefs.length;
    } finally {
      // Its steps are no build's: the next build's timings start afresh.
      takeStepTimes();
    }
  };
  // Not when every brief is built: a full round would also draw the thumbnails and the site.
  const partial = briefIds.some((id) => !options.briefs.includes(id));
  const timings = (outcome: BuildOutcome) => {
    if (options.timings && outcome.steps) options.log(`  steps (ms): ${formatSteps(outcome.steps)}`);
  };
  const watcher = watchBriefs({
    folders: [
      // Exactly the files the loader reads (and check fingerprints): nothing else is a reason to rebuild.
      { dir: options.dataDir, recursive: false, accept: isDataFileName },
      { dir: options.templatesDir, recursive: true, accept: (name) => name.endsWith('.hbs') },
    ],
    build,
    ...(partial ? { warmUp: { rounds: WARM_UP_ROUNDS, run: warmUp } } : {}),
    events: {
      building: (changed) => {
        if (changed.length > 0) options.log(`changed: ${changed.map((file) => path.relative(process.cwd(), file)).join(', ')}`);
      },
      built: (outcome, recovered) => {
        options.log(`${recovered ? 'fixed; ' : ''}built ${outcome.files.join(', ')} in ${Math.round(outcome.milliseconds)} ms`);
        timings(outcome);
        preview?.notify({ kind: 'built', files: outcome.files });
      },
      failed: (outcome) => {
        options.log(`build failed; ${path.relative(process.cwd(), options.outDir) || '.'} keeps the last good build:\n${outcome.message}`);
        timings(outcome);
        preview?.notify({ kind: 'failed', message: outcome.message });
      },
    },
  });
  await watcher.ready;
  await watcher.warmed;
  if (preview) options.log(`preview: ${preview.url}`);
  options.log('watching data/ and templates/ (Ctrl-C to stop)');
  return {
    watcher,
    preview,
    async stop() {
      await watcher.close();
      await preview?.close();
    },
  };
}

/** "settle 12 · inputs 4 · load 2 · …" in milliseconds; a step timed inside another is shown in brackets after it. */
export function formatSteps(steps: ReadonlyMap<string, number>): string {
  const nested: Record<string, string> = { lines: 'typeset' };
  const parts: string[] = [];
  for (const [name, ms] of steps) {
    if (nested[name] !== undefined && steps.has(nested[name])) continue;
    const inner = Object.entries(nested).filter(([, outer]) => outer === name).flatMap(([child]) => (steps.has(child) ? [`${child} ${Math.round(steps.get(child)!)}`] : []));
    parts.push(`${name} ${Math.round(ms)}${inner.length > 0 ? ` (${inner.join(', ')})` : ''}`);
  }
  return parts.join(' · ');
}

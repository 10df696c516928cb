import { mkdtemp, rm, writeFile, mkdir, open, readFile, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchBriefs, type BuildOutcome, type Watcher } from '../../src/watch/watchBriefs.js';

let root: string;
let watcher: Watcher | undefined;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'briefs-watch-'));
  await mkdir(path.join(root, 'data'));
  await mkdir(path.join(root, 'templates', 'partials'), { recursive: true });
});
afterEach(async () => {
  await watcher?.close();
  watcher = undefined;
  await rm(root, { recursive: true, force: true });
});

/**
 * A build that returns the queued outcomes in turn and records what each build was told changed.
 * `hold()` makes the next builds wait until `release()`, so a test can save during a build without
 * depending on how long anything takes.
 */
function scriptedBuild(outcomes: BuildOutcome[]) {
  const builds: string[][] = [];
  const failures: string[] = [];
  const recoveries: boolean[] = [];
  /** What each build's superseded() said when it finished. */
  const overtaken: boolean[] = [];
  let gate: Promise<void> | undefined;
  let open: () => void = () => {};
  return {
    builds,
    failures,
    recoveries,
    overtaken,
    hold() {
      gate = new Promise((resolve) => (open = resolve));
    },
    release() {
      gate = undefined;
      open();
    },
    start() {
      watcher = watchBriefs({
        folders: [
          { dir: path.join(root, 'data'), recursive: false, accept: (name) => /\.ya?ml$/.test(name) },
          { dir: path.join(root, 'templates'), recursive: true, accept: (name) => name.endsWith('.hbs') },
        ],
        settleMilliseconds: 100,
        build: async (superseded) => {
          await gate;
          overtaken.push(superseded());
          const outcome = outcomes.shift() ?? { ok: true, files: ['history.pdf'], milliseconds: 1 };
          // As runWatch does: a failing build overtaken by a save is not the saved file's error.
          return !outcome.ok && superseded() ? { ...outcome, superseded: true } : outcome;
        },
        events: {
          building: (changed) => builds.push(changed.map((file) => path.relative(root, file))),
          failed: (outcome) => failures.push(outcome.message),
          built: (_outcome, recovered) => recoveries.push(recovered),
        },
      });
      return watcher;
    },
  };
}

/** Waits (polling) until `condition` holds; fails after 10 s rather than hanging. */
async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 10_000) throw new Error('condition not reached in 10 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const save = (relative: string, text = String(Math.random())) => writeFile(path.join(root, relative), text);

describe('briefs watch: when to rebuild', () => {
  it('builds once at start, so out/ matches the inputs before the first save', async () => {
    const build = scriptedBuild([]);
    await build.start().ready;
    expect(build.builds).toEqual([[]]);
  });

  it('turns the several file events of one save into one build', async () => {
    const build = scriptedBuild([]);
    await build.start().ready;
    build.hold();
    await save('data/events.yaml');
    await save('data/events.yaml');
    await save('data/events.yaml');
    await until(() => build.builds.length === 2);
    build.release();
    await watcher!.idle();
    expect(build.builds).toEqual([[], ['data/events.yaml']]);
  });

  it('watches templates in sub-folders, and ignores files that are not inputs (editor swap and lock files)', async () => {
    const build = scriptedBuild([]);
    await build.start().ready;
    await save('data/.#events.yaml');
    await save('data/events.yaml~');
    await save('data/.events.yaml.swp');
    await save('data/notes.txt');
    await save('templates/partials/timeline.hbs');
    await until(() => build.builds.length === 2);
    await watcher!.idle();
    expect(build.builds).toEqual([[], ['templates/partials/timeline.hbs']]);
  });

  it('queues exactly one more build for saves made while a build runs', async () => {
    const build = scriptedBuild([]);
    await build.start().ready;
    build.hold();
    await save('data/a.yaml');
    await until(() => build.builds.length === 2); // the build of a.yaml is running now
    await save('data/b.yaml');
    await save('data/c.yaml');
    await new Promise((resolve) => setTimeout(resolve, 100)); // the events arrive during the build
    build.release();
    await until(() => build.builds.length === 3);
    await watcher!.idle();
    expect(build.builds).toEqual([[], ['data/a.yaml'], ['data/b.yaml', 'data/c.yaml']]);
  });

  it('reports an error once while it persists, and says so when the next good save clears it', async () => {
    const error = { ok: false as const, message: 'data/events.yaml:3:5 events[0].date: must be a date', milliseconds: 1 };
    const build = scriptedBuild([{ ok: true, files: [], milliseconds: 1 }, error, { ...error }, { ok: true, files: [], milliseconds: 1 }]);
    await build.start().ready;
    for (let saves = 1; saves <= 3; saves += 1) {
      await save('data/events.yaml');
      await until(() => build.builds.length === saves + 1);
      await watcher!.idle();
    }
    expect(build.failures).toEqual([error.message]);
    expect(build.recoveries).toEqual([false, true]);
  });

  it('tells a build when a save overtook it, and reports nothing of an overtaken failure: the next build speaks', async () => {
    const halfSaved = { ok: false as const, message: 'data/a.yaml:1:1: is empty', milliseconds: 1 };
    const build = scriptedBuild([{ ok: true, files: [], milliseconds: 1 }, halfSaved, { ok: true, files: [], milliseconds: 1 }]);
    await build.start().ready;
    build.hold();
    await save('data/a.yaml', '');
    await until(() => build.builds.length === 2); // this build read the half-saved file
    await save('data/a.yaml', 'as_of: 2024-01-01');
    await new Promise((resolve) => setTimeout(resolve, 100)); // the event arrives during the build
    build.release();
    await until(() => build.builds.length === 3);
    await watcher!.idle();
    expect(build.overtaken).toEqual([false, true, false]);
    expect(build.failures).toEqual([]);
    expect(build.recoveries).toEqual([false, false]);
  });

  it('with the default quiet period, builds every save to its end and reports no half-read file, however the editor saves', async () => {
    const seen: string[] = [];
    const failures: string[] = [];
    const file = path.join(root, 'data', 'a.yaml');
    await writeFile(file, 'as_of: 2024-01-01');
    watcher = watchBriefs({
      folders: [{ dir: path.join(root, 'data'), recursive: false, accept: (name) => /\.ya?ml$/.test(name) }],
      // As runWatch does: a build reads the file; one that read it half-saved and was overtaken says nothing.
      build: async (superseded) => {
        const text = await readFile(file, 'utf8');
        seen.push(text);
        if (!text.startsWith('as_of:')) return { ok: false, message: 'data/a.yaml:1:1: is empty', superseded: superseded(), milliseconds: 1 };
        return { ok: true, files: ['troops.pdf'], milliseconds: 1 };
      },
      events: { failed: (outcome) => failures.push(outcome.message) },
    });
    await watcher.ready;
    // Truncate, then write a moment later (editors that write in place).
    const handle = await open(file, 'w');
    await new Promise((resolve) => setTimeout(resolve, 2));
    await handle.write('as_of: 2024-02-02');
    await handle.close();
    await until(() => seen.at(-1) === 'as_of: 2024-02-02');
    await watcher.idle();
    // Write a copy, then rename it over the file (editors that save atomically).
    await writeFile(`${file}.tmp`, 'as_of: 2024-03-03');
    await rename(`${file}.tmp`, file);
    await until(() => seen.at(-1) === 'as_of: 2024-03-03');
    await watcher.idle();
    expect(failures).toEqual([]);
  });

  it('warms up after the first build, one round after another, and is warmed when the rounds are done', async () => {
    const order: string[] = [];
    watcher = watchBriefs({
      folders: [{ dir: path.join(root, 'data'), recursive: false, accept: (name) => /\.ya?ml$/.test(name) }],
      settleMilliseconds: 100,
      build: async () => (order.push('build'), { ok: true, files: ['troops.pdf'], milliseconds: 1 }),
      warmUp: { rounds: 3, run: async () => (order.push('warm-up'), true) },
    });
    await watcher.warmed;
    expect(order).toEqual(['build', 'warm-up', 'warm-up', 'warm-up']);
  });

  it('ends the warm-up at a save: the round running finishes, told it was overtaken, and the build follows', async () => {
    const order: string[] = [];
    const overtaken: boolean[] = [];
    let open: () => void = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    watcher = watchBriefs({
      folders: [{ dir: path.join(root, 'data'), recursive: false, accept: (name) => /\.ya?ml$/.test(name) }],
      settleMilliseconds: 100,
      build: async () => (order.push('build'), { ok: true, files: ['troops.pdf'], milliseconds: 1 }),
      warmUp: {
        rounds: 50,
        run: async (superseded) => {
          order.push('warm-up');
          await gate;
          overtaken.push(superseded());
          return true;
        },
      },
    });
    await watcher.ready;
    await until(() => order.length === 2);
    await save('data/events.yaml');
    await new Promise((resolve) => setTimeout(resolve, 200));
    open();
    await watcher.warmed;
    expect(order).toEqual(['build', 'warm-up', 'build']);
    expect(overtaken).toEqual([true]);
  });

  it('ends the warm-up when a round says the inputs do not build', async () => {
    let rounds = 0;
    watcher = watchBriefs({
      folders: [{ dir: path.join(root, 'data'), recursive: false, accept: (name) => /\.ya?ml$/.test(name) }],
      build: async () => ({ ok: false, message: 'data/events.yaml:1:1 id: bad', milliseconds: 1 }),
      warmUp: { rounds: 5, run: async () => (rounds++, false) },
    });
    await watcher.warmed;
    expect(rounds).toBe(1);
  });

  it('stops watching on close, after the build in progress has finished', async () => {
    const build = scriptedBuild([]);
    await build.start().ready;
    build.hold();
    await save('data/a.yaml');
    await until(() => build.builds.length === 2);
    const closed = watcher!.close();
    build.release();
    await closed;
    await save('data/b.yaml');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(build.builds.length).toBe(2);
  });
});

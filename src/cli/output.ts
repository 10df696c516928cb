/** Where the CLI writes. Injected so tests can capture it. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
  /** A transient progress line: shown on an interactive terminal, silent in CI and in pipes. */
  progress(text: string): void;
  /**
   * A line saying which step a long command is in (stderr). Off a terminal it is held back for the
   * first few seconds (a quick build stays quiet), then every step is printed, so a CI log shows where
   * a long build stands. Optional: tests' captured outputs may leave it out.
   */
  step?(text: string): void;
}

/** Held back this long before step lines appear off a terminal (BRIEFS_PROGRESS_AFTER_MS overrides). */
const quietMs = 3000;

export function createOutput(): Output {
  const interactive = process.stderr.isTTY === true && !process.env.CI;
  const started = Date.now();
  const after = Number(process.env.BRIEFS_PROGRESS_AFTER_MS ?? quietMs);
  let held: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  const print = (text: string) => process.stderr.write(`${text}\n`);
  return {
    out: (text) => process.stdout.write(text + '\n'),
    err: (text) => process.stderr.write(text + '\n'),
    progress: (text) => {
      if (interactive) print(text);
    },
    step: (text) => {
      if (interactive) return; // the terminal has its per-brief lines
      if (Date.now() - started >= after) {
        // A step held back is older than this one: it goes first (or not at all, once superseded).
        if (timer !== undefined) clearTimeout(timer);
        held = undefined;
        print(text);
        return;
      }
      held = text;
      // The step that is still running when the quiet period ends is printed then.
      timer ??= setTimeout(() => {
        if (held !== undefined) print(held);
        held = undefined;
      }, Math.max(0, after - (Date.now() - started)));
      timer.unref();
    },
  };
}

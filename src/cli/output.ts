/** Where the CLI writes. Injected so tests can capture it. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
  /** A transient progress line: shown on an interactive terminal, silent in CI and in pipes. */
  progress(text: string): void;
  /**
   * A line saying which step a long command is in (stderr). On a terminal it shows at once, as a
   * status line the next line replaces (so loading and validating the data is never silent). Off a
   * terminal it is held back for the first few seconds (a quick build stays quiet), then every step
   * is printed, so a CI log shows where a long build stands. Optional: tests' captured outputs may
   * leave it out.
   */
  step?(text: string): void;
}

/** Held back this long before step lines appear off a terminal (BRIEFS_PROGRESS_AFTER_MS overrides). */
const quietMs = 3000;

/** Erase the terminal line and return to its start (ANSI EL2 + CR). */
const clearLine = '\x1b[2K\r';

export interface OutputStreams {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: Readonly<Record<string, string | undefined>>;
}

export function createOutput(streams: OutputStreams = { stdout: process.stdout, stderr: process.stderr, env: process.env }): Output {
  const { stdout, stderr, env } = streams;
  const interactive = stderr.isTTY === true && !env.CI;
  const started = Date.now();
  const after = Number(env.BRIEFS_PROGRESS_AFTER_MS ?? quietMs);
  let held: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  // On a terminal, the current step is a status line that the next line overwrites.
  let status = false;
  const print = (text: string) => {
    stderr.write(`${status ? clearLine : ''}${text}\n`);
    status = false;
  };
  return {
    out: (text) => {
      if (status) stderr.write(clearLine);
      status = false;
      stdout.write(text + '\n');
    },
    err: print,
    progress: (text) => {
      if (interactive) print(text);
    },
    step: (text) => {
      if (interactive) {
        // Never silent on a terminal: the step shows until the next line replaces it.
        stderr.write(`${clearLine}${text}`);
        status = true;
        return;
      }
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

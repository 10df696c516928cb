/** Where the CLI writes. Injected so tests can capture it. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
  /** A transient progress line: shown on an interactive terminal, silent in CI and in pipes. */
  progress(text: string): void;
}

export function createOutput(): Output {
  const interactive = process.stderr.isTTY === true && !process.env.CI;
  return {
    out: (text) => process.stdout.write(text + '\n'),
    err: (text) => process.stderr.write(text + '\n'),
    progress: (text) => {
      if (interactive) process.stderr.write(text + '\n');
    },
  };
}

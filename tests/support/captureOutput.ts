import type { Output } from '../../src/cli/output.js';

/** An Output that records what the CLI printed, for assertions. */
export function captureOutput(): Output & { stdout: string[]; stderr: string[]; progressLines: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const progressLines: string[] = [];
  return {
    stdout,
    stderr,
    progressLines,
    out: (text) => stdout.push(text),
    err: (text) => stderr.push(text),
    progress: (text) => progressLines.push(text),
  };
}

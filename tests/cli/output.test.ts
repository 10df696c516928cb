/**
 * What a build says while it runs (issue 19, item 5): on a terminal, a line at once for every step —
 * loading and validating the data included — that the next line replaces; off a terminal, nothing for
 * a quick build, and every step once a build has run for a few seconds.
 */
import { describe, expect, it } from 'vitest';
import { createOutput } from '../../src/cli/output.js';

function capture(isTTY: boolean, env: Record<string, string | undefined> = {}) {
  const written = { stdout: '', stderr: '' };
  const io = createOutput({
    stdout: { write: (text: string) => (written.stdout += text) },
    stderr: { write: (text: string) => (written.stderr += text), isTTY },
    env,
  });
  return { io, written };
}

const clearLine = '\x1b[2K\r';

describe('on a terminal', () => {
  it('shows each step at once, as a status line the next line replaces', () => {
    const { io, written } = capture(true);
    io.step!('briefs build: loading and validating the data');
    expect(written.stderr).toBe(`${clearLine}briefs build: loading and validating the data`);
    io.progress('  troops.pdf  7 pages');
    expect(written.stderr).toBe(`${clearLine}briefs build: loading and validating the data${clearLine}  troops.pdf  7 pages\n`);
  });

  it('clears the status line before an error, so the message starts a line of its own', () => {
    const { io, written } = capture(true);
    io.step!('briefs build: loading and validating the data');
    io.err('data/figures.yaml:3:5 value: must be a number');
    expect(written.stderr.endsWith(`${clearLine}data/figures.yaml:3:5 value: must be a number\n`)).toBe(true);
  });
});

describe('off a terminal (CI, pipes)', () => {
  it('stays quiet during a quick build', () => {
    const { io, written } = capture(false);
    io.step!('briefs build: loading and validating the data');
    io.progress('  troops.pdf  7 pages');
    expect(written.stderr).toBe('');
  });

  it('prints every step, one per line, once the quiet period is over', () => {
    const { io, written } = capture(false, { BRIEFS_PROGRESS_AFTER_MS: '0' });
    io.step!('briefs build: loading and validating the data');
    io.step!('briefs build: rendering troops.pdf (1/1)');
    expect(written.stderr).toBe('briefs build: loading and validating the data\nbriefs build: rendering troops.pdf (1/1)\n');
  });

  it('treats CI as no terminal, even when stderr is one', () => {
    const { io, written } = capture(true, { CI: 'true' });
    io.step!('briefs build: loading and validating the data');
    expect(written.stderr).toBe('');
  });
});

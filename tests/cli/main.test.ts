import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureOutput } from '../support/captureOutput.js';

describe('briefs CLI: usage', () => {
  it('rejects an unknown brief with exit code 2 and lists the valid names', async () => {
    const io = captureOutput();
    expect(await main(['build', '--brief', 'nope'], io)).toBe(2);
    expect(io.stderr.join('\n')).toBe(
      'briefs build: unknown brief "nope"; valid briefs: history, troops, casualties, withdrawal, factsheet',
    );
  });

  it('rejects an unknown command and an unknown option with exit code 2', async () => {
    const io = captureOutput();
    expect(await main(['publish'], io)).toBe(2);
    expect(io.stderr[0]).toMatch(/^briefs: unknown command "publish"\. Commands: build, validate, list, typeset/);
    expect(await main(['build', '--colour', 'red'], io)).toBe(2);
    expect(io.stderr[1]).toMatch(/^briefs build: Unknown option '--colour'/);
  });

  it('rejects a digit style other than latn or arab', async () => {
    const io = captureOutput();
    expect(await main(['build', '--digits', 'roman'], io)).toBe(2);
    expect(io.stderr).toEqual(['briefs build: --digits must be latn or arab, not "roman"']);
  });

  it.each(['build', 'validate', 'list', 'typeset'])('prints help for "%s" and exits 0', async (command) => {
    const io = captureOutput();
    expect(await main([command, '--help'], io)).toBe(0);
    expect(io.stdout.join('\n')).toMatch(new RegExp(`^Usage: briefs ${command}`));
  });

  it('lists the five briefs with their Arabic titles, as JSON on request', async () => {
    const io = captureOutput();
    expect(await main(['list', '--json'], io)).toBe(0);
    const rows = JSON.parse(io.stdout.join('\n')) as { id: string; file: string; title: string }[];
    expect(rows.map((row) => row.id)).toEqual(['history', 'troops', 'casualties', 'withdrawal', 'factsheet']);
    for (const row of rows) expect(row.title).toMatch(/\p{Script=Arabic}/u);
  });

  it('build --json reports the manifest and where the time went', async () => {
    const io = captureOutput();
    const out = await mkdtemp(path.join(tmpdir(), 'briefs-cli-json-'));
    expect(await main(['build', '--brief', 'casualties', '--out', out, '--json'], io)).toBe(0);
    const report = JSON.parse(io.stdout.join('\n')) as { ok: boolean; manifest: { files: { brief: string }[] }; timings: Record<string, unknown> };
    expect(report.ok).toBe(true);
    expect(report.manifest.files.map((file) => file.brief)).toEqual(['casualties']);
    expect(Object.keys(report.timings).sort()).toEqual(['briefs', 'data', 'inputs', 'site', 'startup', 'write']);
    expect(Object.keys(report.timings.briefs as object)).toEqual(['casualties']);
  });

  it('typeset needs exactly one input and an output file', async () => {
    const io = captureOutput();
    expect(await main(['typeset'], io)).toBe(2);
    expect(await main(['typeset', 'a.txt'], io)).toBe(2);
    expect(io.stderr).toEqual(['briefs typeset: expected exactly one input file', 'briefs typeset: missing -o FILE.pdf']);
  });
});

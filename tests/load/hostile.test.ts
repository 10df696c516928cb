import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/load/index.js';
import { validateDataset } from '../../src/validate/index.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'briefs-hostile-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('hostile data files', () => {
  it('turns extreme nesting into located issues instead of a stack trace', async () => {
    const depth = 200_000;
    await writeFile(path.join(dir, 'deep.yaml'), `figures: ${'['.repeat(depth)}${']'.repeat(depth)}\n`);
    const issues = validateDataset(await loadDataset(dir, { displayRoot: dir }));
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((issue) => issue.file === 'deep.yaml' || issue.file === '.')).toBe(true);
  });

  it('reports binary junk as not UTF-8', async () => {
    await writeFile(path.join(dir, 'junk.yaml'), Buffer.from([0x61, 0x3a, 0x20, 0xff, 0xfe, 0x00]));
    const issues = validateDataset(await loadDataset(dir, { displayRoot: dir }));
    expect(issues.map((issue) => `${issue.file}:${issue.line}:${issue.column} ${issue.message}`)).toEqual([
      'junk.yaml:1:4 is not valid UTF-8 (byte 0xFF at offset 3); save the file as UTF-8',
    ]);
  });
});

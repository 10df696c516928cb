/**
 * The parse cache a long-lived process (`briefs watch`) keeps: a file whose bytes are unchanged is not
 * parsed again; a changed file is; and a cached load validates exactly as a fresh one.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createParsedFileCache, loadDataset } from '../../src/load/index.js';
import { analyseDataset } from '../../src/validate/validateDataset.js';
import { repoRoot } from '../validate/fixtureIssues.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'briefs-parse-cache-'));
  await cp(path.join(repoRoot, 'data'), dir, { recursive: true });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the parsed-file cache', () => {
  it('reuses the parse of every unchanged file and parses a changed one again', async () => {
    const cache = createParsedFileCache();
    const first = await loadDataset(dir, { cache });
    const figures = path.join(dir, 'figures-forces.yaml');
    const yaml = await readFile(figures, 'utf8');
    await writeFile(figures, yaml.replace('    value: 3000\n', '    value: 3001\n'));
    const second = await loadDataset(dir, { cache });
    const changed = (loaded: typeof first) => loaded.files.find((file) => file.file.endsWith('figures-forces.yaml'))!;
    for (const [index, file] of second.files.entries()) {
      if (file.file.endsWith('figures-forces.yaml')) expect(file).not.toBe(first.files[index]);
      else expect(file).toBe(first.files[index]);
    }
    expect(changed(second).text).toContain('value: 3001');
  });

  it('validates a cached load exactly as a fresh one, good data and bad', async () => {
    const cache = createParsedFileCache();
    await loadDataset(dir, { cache });
    const figures = path.join(dir, 'figures-forces.yaml');
    const yaml = await readFile(figures, 'utf8');
    for (const text of [yaml, yaml.replace('    value: 3001\n', '    value: [3001\n')]) {
      await writeFile(figures, text);
      const cached = analyseDataset(await loadDataset(dir, { cache }));
      const fresh = analyseDataset(await loadDataset(dir));
      expect(cached.issues).toEqual(fresh.issues);
      expect(cached.dataset).toEqual(fresh.dataset);
    }
  });
});

import { execFileSync } from 'node:child_process';
import { cp, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildSummary } from '../../src/pipeline/build.js';
import { defaultDataDir, templatesDir } from '../../src/paths.js';
import { buildAllInto, scratchDir } from '../support/builtBriefs.js';
import { folderContents } from '../support/folderContents.js';

const expectedFiles = ['casualties.pdf', 'factsheet.pdf', 'history.pdf', 'manifest.json', 'troops.pdf', 'withdrawal.pdf'];

describe('buildBriefs', () => {
  let first: BuildSummary;

  beforeAll(async () => {
    first = await buildAllInto();
  });

  it('writes the five PDFs and the manifest', async () => {
    const names = (await readdir(first.outDir)).filter((name) => name !== 'site').sort();
    expect(names).toEqual(expectedFiles);
  });

  it('records in the manifest what poppler reads from each PDF', async () => {
    const manifest = JSON.parse(await readFile(path.join(first.outDir, 'manifest.json'), 'utf8')) as BuildSummary['manifest'];
    expect(manifest.files.map((entry) => entry.file)).toEqual([
      'history.pdf',
      'troops.pdf',
      'casualties.pdf',
      'withdrawal.pdf',
      'factsheet.pdf',
    ]);
    for (const entry of manifest.files) {
      const pdf = path.join(first.outDir, entry.file);
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      expect(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]), entry.file).toBe(entry.pages);
      expect((await readFile(pdf)).byteLength).toBe(entry.bytes);
      expect(entry.asOf).toBe(manifest.asOf);
      expect(entry.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('reports where its time went: each step and each brief, in milliseconds', () => {
    const { startup, inputs, data, site, write } = first.timings;
    for (const step of [startup, inputs, data, site, write]) {
      expect(Number.isFinite(step)).toBe(true);
      expect(step).toBeGreaterThanOrEqual(0);
    }
    expect(data).toBeGreaterThan(0);
    expect(write).toBeGreaterThan(0);
    for (const entry of first.briefs) expect(entry.milliseconds, entry.brief).toBeGreaterThan(0);
  });

  it('gives byte-identical output when built twice from the same inputs', async () => {
    const second = await buildAllInto();
    expect(await folderContents(second.outDir)).toEqual(await folderContents(first.outDir));
  });

  it("gives a brief the same bytes whether it is built alone or after the others", async () => {
    const alone = await buildAllInto(undefined, { briefs: ['factsheet'] });
    const together = await readFile(path.join(first.outDir, 'factsheet.pdf'));
    expect(Buffer.compare(await readFile(path.join(alone.outDir, 'factsheet.pdf')), together)).toBe(0);
  });

  it('leaves the previous output untouched when the data is bad', async () => {
    const before = await folderContents(first.outDir);
    const data = await scratchDir('bad-data');
    await cp(defaultDataDir, data, { recursive: true });
    const [yamlFile] = (await readdir(data)).filter((name) => name.endsWith('.yaml')).sort();
    await writeFile(path.join(data, yamlFile!), 'as_of: [unclosed\n');
    await expect(buildAllInto(first.outDir, { dataDir: data })).rejects.toThrow(new RegExp(yamlFile!));
    expect(await folderContents(first.outDir)).toEqual(before);
  });

  it('leaves the previous output untouched when a brief fails after others were rendered', async () => {
    const before = await folderContents(first.outDir);
    const templates = await scratchDir('bad-templates');
    await cp(templatesDir, templates, { recursive: true });
    // The fact sheet is rendered last: four briefs are already in memory when it fails.
    await writeFile(path.join(templates, 'factsheet.hbs'), '<h1>{{#each missing}}</h1>\n');
    await expect(buildAllInto(first.outDir, { templatesDir: templates })).rejects.toThrow(/factsheet\.hbs/);
    expect(await folderContents(first.outDir)).toEqual(before);
  });
});

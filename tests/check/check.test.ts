import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile, appendFile, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkOutput, fingerprintFiles, formatStalenessReport, recordInputs, parseRecordedManifest } from '../../src/check/index.js';
import { composeManifest, parseManifest, sha256, type ManifestEntry } from '../../src/write/manifest.js';
import { defaultDataDir, templatesDir as repoTemplatesDir } from '../../src/paths.js';

/**
 * `briefs check` against temp copies of data/ and templates/ and a temp out/: the repository's own
 * inputs are never touched. out/ is written the way `briefs build` records it (same functions).
 */
let root: string;
let dataDir: string;
let templatesDir: string;
let outDir: string;
const version = '1.2.3';

async function copyOrSeed(from: string, to: string, seedName: string, seed: string): Promise<void> {
  await mkdir(to, { recursive: true });
  await cp(from, to, { recursive: true }).catch(() => undefined);
  // The tests need at least one input file to edit, whatever state the repository is in.
  if ((await readdir(to)).length === 0) await writeFile(path.join(to, seedName), seed);
}

/** The first input file of a folder: a data file (*.yaml) in data/, a template (*.hbs) in templates/. */
async function firstFile(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const file = entries.filter((entry) => entry.isFile() && !entry.name.startsWith('.') && /\.(ya?ml|hbs)$/.test(entry.name)).map((entry) => path.join(entry.parentPath, entry.name)).sort()[0];
  if (file === undefined) throw new Error(`no file in ${dir}`);
  return file;
}

/**
 * What `briefs build` writes, reduced to what check reads: PDFs, a site page, manifest.json, composed
 * by the build's own function. `briefs` limits a partial build to some PDFs (no site).
 */
async function fakeBuild(digits = 'latn', generatorVersion = version, briefs?: string[], contents = '%PDF-1.7'): Promise<void> {
  const inputs = await recordInputs({ dataDir, templatesDir, generatorVersion, digits });
  const builtFrom = { data: inputs.data, templates: inputs.templates, digits, generatorVersion, asOf: '2024-01-31' };
  const fullBuild = briefs === undefined;
  const pdfs = ['history.pdf', 'troops.pdf'].filter((name) => fullBuild || briefs.includes(name)).map((name) => ({ name, bytes: `${contents} ${name} ${digits}` }));
  const site = fullBuild ? [{ name: 'site/index.html', bytes: '<!DOCTYPE html>' }] : [];
  const entry = (pdf: { name: string; bytes: string }): ManifestEntry => ({
    file: pdf.name, brief: pdf.name.replace('.pdf', ''), title: 't', pages: 1, bytes: pdf.bytes.length, sha256: sha256(pdf.bytes),
    asOf: builtFrom.asOf, generatorVersion, digits, inputs: builtFrom,
  });
  const previous = parseManifest(await readFile(path.join(outDir, 'manifest.json'), 'utf8').catch(() => undefined));
  const manifest = composeManifest({
    generator: { name: 'coalition-briefs', version: generatorVersion },
    previous,
    built: pdfs.map(entry),
    site: fullBuild ? { inputs: builtFrom, files: Object.fromEntries(site.map((file) => [file.name, sha256(file.bytes)])) } : undefined,
    fullBuild,
    inputFiles: inputs.files,
    order: expected.files,
    fingerprintFiles,
  });
  await mkdir(path.join(outDir, 'site'), { recursive: true });
  for (const file of [...pdfs, ...site]) await writeFile(path.join(outDir, file.name), file.bytes);
  await writeFile(path.join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
}

/** What a full build of this fake generator writes. */
const expected = { files: ['history.pdf', 'troops.pdf'], site: true };
const check = (digits = 'latn', generatorVersion = version) => checkOutput({ dataDir, templatesDir, outDir, generatorVersion, digits, expected });

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'briefs-check-'));
  dataDir = path.join(root, 'data');
  templatesDir = path.join(root, 'templates');
  outDir = path.join(root, 'out');
  await copyOrSeed(defaultDataDir, dataDir, 'meta.yaml', 'as_of: 2021-08-23\n');
  await copyOrSeed(repoTemplatesDir, templatesDir, 'history.hbs', '{{title}}\n');
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('briefs check', () => {
  it('is up to date right after a build', async () => {
    await fakeBuild();
    expect(await check()).toEqual({ upToDate: true, reasons: [], staleOutputs: [] });
  });

  it('is stale after a data edit, naming the data file and every output', async () => {
    await fakeBuild();
    const edited = await firstFile(dataDir);
    await appendFile(edited, '\n# edited\n');
    const report = await check();
    expect(report.upToDate).toBe(false);
    expect(report.reasons).toEqual([{ file: `data/${path.relative(dataDir, edited).split(path.sep).join('/')}`, why: 'changed since out/ was built' }]);
    expect(report.staleOutputs).toEqual(['history.pdf', 'troops.pdf', 'site/index.html']);
  });

  it('is stale after a template edit', async () => {
    await fakeBuild();
    const edited = await firstFile(templatesDir);
    await appendFile(edited, '\n{{!-- edited --}}\n');
    const report = await check();
    expect(report.upToDate).toBe(false);
    expect(report.reasons.map((reason) => reason.file)).toEqual([`templates/${path.relative(templatesDir, edited).split(path.sep).join('/')}`]);
  });

  it('is stale when an input file is added or removed', async () => {
    await fakeBuild();
    await writeFile(path.join(dataDir, 'zz-new.yaml'), 'x: 1\n');
    expect((await check()).reasons).toContainEqual({ file: 'data/zz-new.yaml', why: 'added since out/ was built' });
    await unlink(path.join(dataDir, 'zz-new.yaml'));
    const removed = await firstFile(templatesDir);
    await unlink(removed);
    expect((await check()).reasons).toContainEqual({
      file: `templates/${path.relative(templatesDir, removed).split(path.sep).join('/')}`,
      why: 'removed since out/ was built',
    });
  });

  it('ignores hidden files such as editor swap files', async () => {
    await fakeBuild();
    await writeFile(path.join(dataDir, '.troops.yaml.swp'), 'swap');
    expect((await check()).upToDate).toBe(true);
  });

  it('is stale when the generator version or the digits option differ from the build’s', async () => {
    await fakeBuild('latn', '1.2.3');
    expect((await check('latn', '1.3.0')).reasons).toEqual([
      { file: 'package.json', why: 'generator version is 1.3.0; out/ was built by 1.2.3' },
    ]);
    expect((await check('arab')).reasons).toEqual([
      { file: 'manifest.json', why: 'out/ was built with --digits latn, expected --digits arab' },
    ]);
  });

  it('is stale when an output is missing or its bytes differ from the recorded sha256', async () => {
    await fakeBuild();
    await writeFile(path.join(outDir, 'troops.pdf'), '%PDF-1.7 tampered');
    await unlink(path.join(outDir, 'site', 'index.html'));
    const report = await check();
    expect(report.reasons).toEqual([
      { file: 'troops.pdf', why: 'modified since the build (sha256 differs from manifest.json)' },
      { file: 'site/index.html', why: 'missing from out/' },
    ]);
    expect(report.staleOutputs).toEqual(['troops.pdf', 'site/index.html']);
  });

  it('is stale while a killed build’s switch is half done (a journal in out/)', async () => {
    await fakeBuild();
    await writeFile(path.join(outDir, '.briefs-journal.json'), '{}');
    const report = await check();
    expect(report.upToDate).toBe(false);
    expect(report.reasons[0]).toEqual({ file: '.briefs-journal.json', why: 'a build was interrupted while replacing files: the next briefs build completes it' });
  });

  it('is stale when out/ was never built', async () => {
    const report = await check();
    expect(report.upToDate).toBe(false);
    expect(report.reasons[0]?.file).toBe('manifest.json');
  });

  it('fingerprints copies of the inputs the same as the originals (paths are recorded relative)', async () => {
    const a = await recordInputs({ dataDir, templatesDir, generatorVersion: version, digits: 'latn' });
    const copy = path.join(root, 'copy');
    await cp(dataDir, path.join(copy, 'd'), { recursive: true });
    await cp(templatesDir, path.join(copy, 't'), { recursive: true });
    const b = await recordInputs({ dataDir: path.join(copy, 'd'), templatesDir: path.join(copy, 't'), generatorVersion: version, digits: 'latn' });
    expect(b).toEqual(a);
  });

  it('treats an unreadable manifest as no build', () => {
    expect(parseRecordedManifest('{ not json')).toBeUndefined();
    expect(parseRecordedManifest('[]')).toBeUndefined();
  });

  it('reads a manifest as the build reads it (one parser): half-recorded inputs are dropped, not trusted', () => {
    const from = { data: 'd', templates: 't', digits: 'latn', generatorVersion: version, asOf: '2024-01-31' };
    const text = JSON.stringify({
      generator: { name: 'coalition-briefs', version },
      files: [
        { file: 'a.pdf', sha256: 'aa', pages: 2, inputs: from },
        { file: 'b.pdf', sha256: 'bb', inputs: { ...from, asOf: 3 } },
        { file: 'c.pdf' },
      ],
      site: { files: { 'site/index.html': 'cc' }, inputs: { data: 'd' } },
      inputFiles: { d: { 'data/x.yaml': 'ee' }, bad: { 'data/y.yaml': 1 } },
    });
    const parsed = parseManifest(text)!;
    expect(parseRecordedManifest(text)).toEqual(parsed);
    expect(parsed.files).toEqual([{ file: 'a.pdf', sha256: 'aa', pages: 2, inputs: from }, { file: 'b.pdf', sha256: 'bb' }]);
    expect(parsed.site).toEqual({ files: { 'site/index.html': 'cc' } });
    expect(parsed.inputFiles).toEqual({ d: { 'data/x.yaml': 'ee' } });
  });

  it('hashes with one sha256, the writer\'s', () => {
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('prints each stale file and why, then the outputs to rebuild, the site as one folder', () => {
    const text = formatStalenessReport(
      {
        upToDate: false,
        reasons: [{ file: 'data/troops.yaml', why: 'changed since out/ was built' }],
        staleOutputs: ['history.pdf', 'troops.pdf', 'site/index.html', 'site/feed.xml'],
      },
      'out',
    );
    expect(text).toBe(
      ['out is stale:', '  data/troops.yaml: changed since out/ was built', 'stale outputs: history.pdf, troops.pdf, site/ (2 files)', 'run "briefs build" to rebuild'].join('\n'),
    );
    expect(formatStalenessReport({ upToDate: true, reasons: [], staleOutputs: [] }, 'out')).toBe('out is up to date');
  });
});

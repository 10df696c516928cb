/**
 * What a warm rebuild keeps (parsed files, compiled templates, validated files, set paragraphs,
 * serialised records) never goes stale: a watch session on copies of data/ and templates/ sees a saved
 * figure, a saved brief template and a saved partial in the PDF, and every PDF it writes is byte for
 * byte what a cold build of the same inputs writes (the real CLI, a fresh process).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWatchSession, type WatchSession } from '../../src/watch/runWatch.js';
import { pdftotextPages } from '../support/pdfText.js';
import { repoRoot } from '../validate/fixtureIssues.js';
import { until as waitUntil } from '../support/until.js';

let root: string;
let session: WatchSession;
const log: string[] = [];
const data = () => path.join(root, 'data');
const templates = () => path.join(root, 'templates');
const pdf = () => path.join(root, 'out', 'troops.pdf');
const until = (condition: () => boolean | Promise<boolean>) => waitUntil(condition, 90, () => log.join('\n'));
const pdfText = async () => pdftotextPages(await readFile(pdf())).join('\n');

/** Saves `file` with `from` replaced by `to`, and waits until watch has rebuilt the PDF. */
async function saveAndRebuild(file: string, from: string, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  expect(text.split(from).length - 1).toBe(1);
  const built = log.filter((line) => line.startsWith('built ')).length;
  await writeFile(file, text.replace(from, to));
  await until(() => log.filter((line) => line.startsWith('built ')).length > built);
}

/** troops.pdf as a cold build in a fresh process writes it from the same data and templates. */
function coldBuild(name: string): Buffer {
  const out = path.join(root, name);
  const script = `import { buildBriefs } from ${JSON.stringify(path.join(repoRoot, 'dist', 'pipeline', 'build.js'))};
await buildBriefs({ dataDir: ${JSON.stringify(data())}, templatesDir: ${JSON.stringify(templates())}, outDir: ${JSON.stringify(out)}, briefs: ['troops'], digits: 'latn' });`;
  execFileSync(process.execPath, ['--input-type=module', '-e', script], { stdio: 'ignore' });
  return readFileSync(path.join(out, 'troops.pdf'));
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'briefs-warm-rebuild-'));
  await cp(path.join(repoRoot, 'data'), data(), { recursive: true });
  await cp(path.join(repoRoot, 'templates'), templates(), { recursive: true });
  session = await startWatchSession({
    dataDir: data(),
    templatesDir: templates(),
    outDir: path.join(root, 'out'),
    briefs: ['troops'],
    digits: 'latn',
    log: (line) => log.push(line),
    describe: (error) => String(error),
  });
}, 150_000);

afterAll(async () => {
  await session?.stop();
  await rm(root, { recursive: true, force: true });
});

describe('a warm rebuild in briefs watch', () => {
  it('writes the bytes the CLI build writes from the same data', async () => {
    const out = path.join(root, 'cli-out');
    execFileSync(process.execPath, [path.join(repoRoot, 'bin', 'briefs.js'), 'build', '--brief', 'troops', '--data', data(), '--out', out], { stdio: 'ignore' });
    expect((await readFile(pdf())).equals(await readFile(path.join(out, 'troops.pdf')))).toBe(true);
  }, 120_000);

  it('sees a saved figure, and writes what a cold build writes', async () => {
    await saveAndRebuild(path.join(data(), 'figures-forces.yaml'), '    value: 3000\n', '    value: 3456\n');
    expect(await pdfText()).toContain('3456');
    expect((await readFile(pdf())).equals(coldBuild('cold-data'))).toBe(true);
  }, 120_000);

  it('sees a saved brief template', async () => {
    await saveAndRebuild(path.join(templates(), 'troops.hbs'), '{{> troops-section}}', '<p>Brief template mark TPLMARK</p>\n{{> troops-section}}');
    expect(await pdfText()).toContain('TPLMARK');
  }, 120_000);

  it('sees a saved partial, and writes what a cold build writes', async () => {
    await saveAndRebuild(path.join(templates(), 'partials', 'troops-section.hbs'), '<h2>التدريب</h2>', '<h2>التدريب PARTIALMARK</h2>');
    const text = await pdfText();
    expect(text).toContain('PARTIALMARK');
    expect(text).toContain('TPLMARK');
    expect(text).toContain('3456');
    expect((await readFile(pdf())).equals(coldBuild('cold-templates'))).toBe(true);
  }, 120_000);

  it('sees a figure saved back, after the template edits', async () => {
    await saveAndRebuild(path.join(data(), 'figures-forces.yaml'), '    value: 3456\n', '    value: 3000\n');
    const text = await pdfText();
    expect(text).not.toContain('3456');
    expect((await readFile(pdf())).equals(coldBuild('cold-back'))).toBe(true);
  }, 120_000);
});

/**
 * `briefs preview` as an editor uses it, in a real browser (Debian's chromium, headless): the troops
 * edition is open, a figure is saved in a copy of the data, and the page reloads by itself with the
 * new figure; a broken save shows the error on the page and keeps the last good edition.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../validate/fixtureIssues.js';
import { until as waitUntil } from '../support/until.js';

let root: string;
let child: ChildProcess;
let browser: Browser;
let page: Page;
let stderr = '';
const figures = () => path.join(root, 'data', 'figures-forces.yaml');

const until = (condition: () => boolean | Promise<boolean>, seconds = 90) => waitUntil(condition, seconds, () => stderr);

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'briefs-preview-browser-'));
  await cp(path.join(repoRoot, 'data'), path.join(root, 'data'), { recursive: true });
  child = spawn(
    process.execPath,
    [path.join(repoRoot, 'bin', 'briefs.js'), 'preview', '--data', path.join(root, 'data'), '--out', path.join(root, 'out'), '--port', '0'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => (stderr += chunk));
  await until(() => stderr.includes('watching'), 180);
  const url = /preview: (http:\/\/127\.0\.0\.1:\d+\/\S*)/u.exec(stderr)?.[1];
  if (url === undefined) throw new Error(`no preview address in:\n${stderr}`);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  page = await browser.newPage();
  await page.goto(new URL('troops.html', url).href);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  if (child && child.exitCode === null) {
    child.kill('SIGINT');
    await new Promise((resolve) => child.once('exit', resolve));
  }
  await rm(root, { recursive: true, force: true });
});

describe('briefs preview in Chromium', () => {
  it('reloads the open edition when a saved figure has been rebuilt, and shows the new figure', async () => {
    expect(await page.textContent('body')).not.toContain('3737');
    const yaml = await readFile(figures(), 'utf8');
    expect(yaml.split('    value: 3000\n').length - 1).toBe(1);
    const reloaded = page.waitForEvent('load', { timeout: 120_000 });
    await writeFile(figures(), yaml.replace('    value: 3000\n', '    value: 3737\n'));
    await reloaded;
    expect(await page.textContent('body')).toContain('3737');
  }, 150_000);

  it('shows a build error on the page, and keeps the last good edition under it', async () => {
    const yaml = await readFile(figures(), 'utf8');
    await writeFile(figures(), yaml.replace('    value: 3737\n', '    value: [3737\n'));
    const banner = page.locator('#briefs-preview-error');
    await banner.waitFor({ timeout: 120_000 });
    expect(await banner.textContent()).toMatch(/figures-forces\.yaml:\d+:\d+/u);
    expect(await page.textContent('main, body')).toContain('3737');
  }, 150_000);
});

import { appendFile, cp, readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { checkOutput } from '../../src/check/index.js';
import { generatorVersion } from '../../src/packageInfo.js';
import { defaultDataDir, templatesDir as repoTemplatesDir } from '../../src/paths.js';
import { buildAllInto, scratchDir } from '../support/builtBriefs.js';
import { captureOutput } from '../support/captureOutput.js';

/** `briefs check` on a real build made from temp copies of data/ and templates/ (the repository's stay untouched). */
let dataDir: string;
let templatesDir: string;
let outDir: string;

async function someFile(dir: string, extension: string): Promise<string> {
  const names = (await readdir(dir)).filter((name) => name.endsWith(extension)).sort();
  if (names[0] === undefined) throw new Error(`no *${extension} in ${dir}`);
  return path.join(dir, names[0]);
}

async function runCheck(...args: string[]) {
  const io = captureOutput();
  const code = await main(['check', '--data', dataDir, '--out', outDir, ...args], io);
  return { code, stdout: io.stdout.join('\n') };
}

beforeAll(async () => {
  const root = await scratchDir('check-built');
  dataDir = path.join(root, 'data');
  templatesDir = path.join(root, 'templates');
  outDir = path.join(root, 'out');
  await cp(defaultDataDir, dataDir, { recursive: true });
  await cp(repoTemplatesDir, templatesDir, { recursive: true });
  await buildAllInto(outDir, { dataDir, templatesDir });
});

describe('briefs check after briefs build', () => {
  it('exits 0 right after the build', async () => {
    const { code, stdout } = await runCheck();
    expect(stdout).toContain('is up to date');
    expect(code).toBe(0);
  });

  it('exits 1 for another digits option than the build’s', async () => {
    expect((await runCheck('--digits', 'arab')).code).toBe(1);
  });

  it('exits 1 after a template edit, naming the template', async () => {
    const template = await someFile(templatesDir, '.hbs');
    await appendFile(template, '\n{{!-- edited --}}\n');
    const report = await checkOutput({ dataDir, templatesDir, outDir, generatorVersion, digits: 'latn' });
    expect(report.upToDate).toBe(false);
    expect(report.reasons).toContainEqual({ file: `templates/${path.basename(template)}`, why: 'changed since out/ was built' });
  });

  it('exits 1 after a data edit, printing the data file and why', async () => {
    const data = await someFile(dataDir, '.yaml');
    await appendFile(data, '\n# edited\n');
    const { code, stdout } = await runCheck();
    expect(code).toBe(1);
    expect(stdout).toContain(`data/${path.basename(data)}: changed since out/ was built`);
    expect(stdout).toContain('stale outputs: history.pdf');
  });
});

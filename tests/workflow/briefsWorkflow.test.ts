import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../../', import.meta.url));
const source = readFileSync(path.join(root, '.github/workflows/briefs.yml'), 'utf8');

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  container?: string;
  needs?: string | string[];
  if?: string;
  permissions?: Record<string, string>;
  environment?: { name: string };
  steps: Step[];
}
interface Workflow {
  on: { push?: { branches?: string[] }; schedule?: { cron: string }[]; workflow_dispatch?: unknown };
  permissions: Record<string, string>;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}

const workflow = parse(source) as Workflow;
const jobs = Object.entries(workflow.jobs);
const allSteps = jobs.flatMap(([, job]) => job.steps);
const build = workflow.jobs.build!;

function stepIndex(job: Job, predicate: (step: Step) => boolean, what: string): number {
  const index = job.steps.findIndex(predicate);
  expect(index, `build job has a step that ${what}`).toBeGreaterThanOrEqual(0);
  return index;
}
const runs = (command: string) => (step: Step) => step.run?.split('\n').some((line) => line.trim() === command) ?? false;
const uses = (action: string) => (step: Step) => step.uses?.startsWith(`${action}@`) ?? false;

describe('.github/workflows/briefs.yml', () => {
  it('runs on push to main, on a daily schedule and by hand', () => {
    expect(workflow.on.push?.branches).toEqual(['main']);
    expect(workflow.on.schedule).toHaveLength(1);
    const [minute, hour, dayOfMonth, month, dayOfWeek] = workflow.on.schedule![0]!.cron.split(' ');
    expect([minute, hour].every((field) => /^\d+$/.test(field!))).toBe(true);
    expect([dayOfMonth, month, dayOfWeek]).toEqual(['*', '*', '*']);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
  });

  it('uses only official actions, each pinned to a full commit SHA with a version comment', () => {
    const used = allSteps.filter((step) => step.uses !== undefined).map((step) => step.uses!);
    expect(used.length).toBeGreaterThan(0);
    for (const ref of used) expect(ref).toMatch(/^actions\/[a-z-]+@[0-9a-f]{40}$/);
    const usesLines = source.split('\n').filter((line) => /^\s*(- )?uses:/.test(line));
    expect(usesLines).toHaveLength(used.length);
    for (const line of usesLines) expect(line).toMatch(/@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });

  it('is read-only by default and grants writes only to the jobs that publish', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    const writes = Object.fromEntries(
      jobs.map(([name, job]) => {
        expect(job.permissions, `job ${name} declares its permissions`).toBeDefined();
        return [name, Object.entries(job.permissions!).filter(([, level]) => level === 'write').map(([scope]) => scope).sort()];
      }),
    );
    expect(writes).toEqual({ 'previous-edition': [], build: [], 'deploy-pages': ['id-token', 'pages'], release: ['contents'] });
  });

  it('never lets two runs publish at once', () => {
    expect(workflow.concurrency.group).toBeTruthy();
    expect(workflow.concurrency.group).not.toContain('${{'); // one group for every run, whatever its ref
    expect(workflow.concurrency['cancel-in-progress']).toBe(false);
  });

  it('installs with the README command, then validates, tests and builds, in that order', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    expect(readme).toContain('npm ci && npm run build');
    const install = stepIndex(build, runs('npm ci'), 'runs npm ci');
    const validate = stepIndex(build, runs('node bin/briefs.js validate'), 'validates the data');
    const test = stepIndex(build, runs('npm test'), 'runs the tests');
    const buildStep = stepIndex(build, runs('npm run build'), 'builds');
    const check = stepIndex(build, runs('node bin/briefs.js check'), 'checks out/ is fresh');
    expect([install, validate, test, buildStep, check]).toEqual([...[install, validate, test, buildStep, check]].sort((a, b) => a - b));
  });

  it('installs every system tool that .ci/run installs before the tests, on Debian like the developers', () => {
    const ciRun = readFileSync(path.join(root, '.ci/run'), 'utf8');
    const tools = [...ciRun.matchAll(/need_apt\+=\(([\w-]+)\)/g)].map((match) => match[1]!);
    expect(tools).toEqual(expect.arrayContaining(['poppler-utils', 'mupdf-tools', 'chromium']));
    const aptIndex = stepIndex(build, (step) => step.run?.includes('apt-get install') ?? false, 'installs system tools');
    for (const tool of tools) expect(build.steps[aptIndex]!.run).toContain(tool);
    expect(aptIndex).toBeLessThan(stepIndex(build, runs('npm test'), 'runs the tests'));
    expect(build.container).toMatch(/^node:20-bookworm/);
  });

  it('uploads the PDFs and the site as artifacts and packages the site for Pages', () => {
    const artifacts = build.steps.filter(uses('actions/upload-artifact')).map((step) => String(step.with?.path));
    expect(artifacts.some((p) => p.includes('out/*.pdf') && p.includes('out/manifest.json'))).toBe(true);
    expect(artifacts).toContain('out/site/');
    const pages = build.steps.find(uses('actions/upload-pages-artifact'));
    expect(pages?.with?.path).toBe('out/site/');
  });

  it('builds the site with the GitHub Pages address as its public URL (BRIEFS_SITE_URL), read with a read-only token', () => {
    const pagesIndex = stepIndex(build, uses('actions/configure-pages'), 'looks up the Pages address');
    const buildIndex = stepIndex(build, runs('npm run build'), 'builds');
    expect(pagesIndex).toBeLessThan(buildIndex);
    const id = build.steps[pagesIndex]!.id!;
    expect(build.steps[buildIndex]!.env?.BRIEFS_SITE_URL).toBe(`\${{ steps.${id}.outputs.base_url }}`);
    expect(build.permissions?.pages).toBe('read');
  });

  it('deploys the site to GitHub Pages from main only, after the build', () => {
    const deploy = workflow.jobs['deploy-pages']!;
    expect(deploy.needs).toBe('build');
    expect(deploy.if).toBe("github.ref == 'refs/heads/main'");
    expect(deploy.environment?.name).toBe('github-pages');
    expect(deploy.steps.some(uses('actions/configure-pages'))).toBe(true);
    expect(deploy.steps.some(uses('actions/deploy-pages'))).toBe(true);
  });

  describe('the previous edition (what changed since the last release)', () => {
    const previousJob = workflow.jobs['previous-edition']!;

    /** Runs a step's script in a scratch folder with fake commands on PATH; returns its status and what they were called with. */
    function runWithFakes(step: Step, fakes: Record<string, string>, files: Record<string, string> = {}) {
      const dir = mkdtempSync(path.join(tmpdir(), 'briefs-previous-'));
      try {
        const bin = path.join(dir, 'bin');
        mkdirSync(bin);
        for (const [name, text] of Object.entries(files)) {
          mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
          writeFileSync(path.join(dir, name), text);
        }
        for (const [name, body] of Object.entries(fakes)) {
          writeFileSync(path.join(bin, name), `#!/usr/bin/env bash\necho "${name} $*" >> "${dir}/calls.log"\n${body}\n`);
          chmodSync(path.join(bin, name), 0o755);
        }
        let status = 0;
        try {
          execFileSync('bash', ['-e', '-c', step.run!], { cwd: dir, env: { ...process.env, PATH: `${bin}:${process.env.PATH}` }, stdio: 'pipe' });
        } catch (error) {
          status = (error as { status: number }).status;
        }
        const calls = existsSync(path.join(dir, 'calls.log')) ? readFileSync(path.join(dir, 'calls.log'), 'utf8').trim().split('\n') : [];
        return { status, calls, fetched: existsSync(path.join(dir, 'previous/factsheet.pdf')) };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }

    const ghFake = (view: 'exists' | 'none' | 'offline') => `case "$1 $2" in
  "release view") case "${view}" in exists) echo '{"tagName":"t"}' ;; none) echo 'release not found' >&2; exit 1 ;; offline) echo 'offline' >&2; exit 1 ;; esac ;;
  "release download") mkdir -p previous && echo '%PDF' > previous/factsheet.pdf ;;
esac`;
    const fetch = () => previousJob.steps.find((step) => step.run?.includes('gh release download'))!;

    it('fetches the last release\'s fact sheet, and hands it to the build as an artifact', () => {
      const result = runWithFakes(fetch(), { gh: ghFake('exists') });
      expect(result).toMatchObject({ status: 0, fetched: true });
      expect(result.calls).toContain('gh release download --pattern factsheet.pdf --dir previous');
      expect(previousJob.steps.find(uses('actions/upload-artifact'))?.with?.name).toBe('previous-edition');
      expect(build.needs).toBe('previous-edition');
      const download = stepIndex(build, (step) => uses('actions/download-artifact')(step) && step.with?.name === 'previous-edition', 'downloads the previous edition');
      expect(download).toBeLessThan(stepIndex(build, runs('npm run build'), 'builds'));
    });

    it('has no previous edition before the first release, and fails when GitHub cannot be asked', () => {
      expect(runWithFakes(fetch(), { gh: ghFake('none') })).toMatchObject({ status: 0, fetched: false });
      expect(runWithFakes(fetch(), { gh: ghFake('offline') }).status).not.toBe(0);
    });

    const buildStep = () => build.steps[stepIndex(build, runs('npm run build'), 'builds')]!;

    it('builds against the previous fact sheet when there is one', () => {
      const result = runWithFakes(buildStep(), { npm: 'exit 0' }, { 'previous/status.txt': 'x', 'previous/factsheet.pdf': '%PDF' });
      expect(result).toMatchObject({ status: 0, calls: ['npm run build -- --previous previous/factsheet.pdf'] });
      expect(runWithFakes(buildStep(), { npm: 'exit 0' }, { 'previous/status.txt': 'x' }).calls).toEqual(['npm run build']);
    });

    it('builds without a change list when the previous fact sheet has no edition data (exit 2), and fails on any other error', () => {
      const refusing = '[[ "$*" == *--previous* ]] && exit 2; exit 0';
      const result = runWithFakes(buildStep(), { npm: refusing }, { 'previous/status.txt': 'x', 'previous/factsheet.pdf': '%PDF' });
      expect(result).toMatchObject({ status: 0, calls: ['npm run build -- --previous previous/factsheet.pdf', 'npm run build'] });
      expect(runWithFakes(buildStep(), { npm: 'exit 1' }, { 'previous/status.txt': 'x', 'previous/factsheet.pdf': '%PDF' }).status).toBe(1);
    });

    it('verifies every built PDF against the data it carries, before anything is published', () => {
      const verify = stepIndex(build, (step) => step.run?.includes('node bin/briefs.js verify') ?? false, 'verifies the PDFs');
      expect(verify).toBeGreaterThan(stepIndex(build, runs('npm run build'), 'builds'));
      expect(verify).toBeLessThan(stepIndex(build, uses('actions/upload-pages-artifact'), 'packages the site'));
    });
  });

  describe('the release job', () => {
    const release = workflow.jobs.release!;
    const compare = release.steps.find((step) => step.id === 'compare')!;

    it('creates a dated release with the PDFs with the gh CLI, only when the checksums changed', () => {
      expect(release.needs).toBe('build');
      expect(release.if).toBe("github.ref == 'refs/heads/main'");
      const create = release.steps.find((step) => step.run?.includes('gh release create'))!;
      expect(create.if).toBe("steps.compare.outputs.changed == 'true'");
      expect(create.run).toMatch(/tag="briefs-\$\(date -u \+%Y-%m-%d\)/);
      expect(create.run).toContain('out/*.pdf');
      const fetch = release.steps.findIndex((step) => step.run?.includes('gh release download') ?? false);
      expect(fetch).toBeGreaterThanOrEqual(0);
      expect(fetch).toBeLessThan(release.steps.indexOf(compare));
    });

    /** Runs the workflow's own comparison script on two manifests; returns what it writes to GITHUB_OUTPUT. */
    function compareManifests(now: object, before: object): Record<string, string> {
      const dir = mkdtempSync(path.join(tmpdir(), 'briefs-compare-'));
      try {
        mkdirSync(path.join(dir, 'out'));
        mkdirSync(path.join(dir, 'previous'));
        writeFileSync(path.join(dir, 'out/manifest.json'), JSON.stringify(now));
        writeFileSync(path.join(dir, 'previous/manifest.json'), JSON.stringify(before));
        const output = path.join(dir, 'github-output');
        writeFileSync(output, '');
        execFileSync('bash', ['-e', '-c', compare.run!], { cwd: dir, env: { ...process.env, GITHUB_OUTPUT: output }, stdio: 'pipe' });
        return Object.fromEntries(
          readFileSync(output, 'utf8').trim().split('\n').map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]),
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }

    const manifest = (...files: [string, string][]) => ({ files: files.map(([file, sha256]) => ({ file, sha256, pages: 3 })) });

    it('reports no change when every PDF has the checksum of the last release', () => {
      expect(compareManifests(manifest(['a.pdf', '1'], ['b.pdf', '2']), manifest(['b.pdf', '2'], ['a.pdf', '1']))).toEqual({
        changed: 'false',
        files: '',
      });
    });

    it('reports the PDFs whose bytes changed, and those added or removed', () => {
      expect(compareManifests(manifest(['a.pdf', '1'], ['b.pdf', '3']), manifest(['a.pdf', '1'], ['b.pdf', '2']))).toEqual({
        changed: 'true',
        files: 'b.pdf',
      });
      expect(compareManifests(manifest(['a.pdf', '1'], ['c.pdf', '4']), manifest(['a.pdf', '1'], ['b.pdf', '2']))).toEqual({
        changed: 'true',
        files: 'c.pdf b.pdf',
      });
    });

    it('treats the first release (no previous manifest) as a change', () => {
      expect(compareManifests(manifest(['a.pdf', '1']), { files: [] }).changed).toBe('true');
    });
    /**
     * Runs one of the release job's steps with a stand-in `gh` on PATH that answers as GitHub would
     * (`view` = what `gh release view` says, or null for "release not found") and logs its calls.
     */
    function runWithFakeGh(step: Step, view: 'exists' | 'none' | 'offline', env: Record<string, string> = {}) {
      const dir = mkdtempSync(path.join(tmpdir(), 'briefs-gh-'));
      try {
        const bin = path.join(dir, 'bin');
        mkdirSync(bin);
        mkdirSync(path.join(dir, 'out'));
        writeFileSync(path.join(dir, 'out/manifest.json'), JSON.stringify({ asOf: '2024-01-31', files: [] }));
        writeFileSync(path.join(dir, 'out/history.pdf'), '%PDF');
        const gh = path.join(bin, 'gh');
        writeFileSync(
          gh,
          `#!/usr/bin/env bash
echo "gh $*" >> "${dir}/gh.log"
case "$1 $2" in
  "release view")
    case "${view}" in
      exists) echo '{"tagName":"briefs-2024-02-01-7"}' ;;
      none) echo 'release not found' >&2; exit 1 ;;
      offline) echo 'error connecting to api.github.com' >&2; exit 1 ;;
    esac ;;
  "release download") mkdir -p previous && echo '{"files":[{"file":"history.pdf","sha256":"old"}]}' > previous/manifest.json ;;
esac
`,
        );
        chmodSync(gh, 0o755);
        let status = 0;
        try {
          execFileSync('bash', ['-e', '-c', step.run!], {
            cwd: dir,
            env: { ...process.env, ...env, PATH: `${bin}:${process.env.PATH}`, GITHUB_RUN_NUMBER: '8', GITHUB_SHA: 'abc123' },
            stdio: 'pipe',
          });
        } catch (error) {
          status = (error as { status: number }).status;
        }
        const previous = path.join(dir, 'previous/manifest.json');
        return {
          status,
          calls: existsSync(path.join(dir, 'gh.log')) ? readFileSync(path.join(dir, 'gh.log'), 'utf8').trim().split('\n') : [],
          previous: existsSync(previous) ? (JSON.parse(readFileSync(previous, 'utf8')) as unknown) : undefined,
        };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }

    const fetchStep = () => release.steps.find((step) => step.run?.includes('gh release download'))!;

    it('compares with the latest release’s manifest when there is a release', () => {
      const result = runWithFakeGh(fetchStep(), 'exists');
      expect(result.status).toBe(0);
      expect(result.calls).toContain('gh release download --pattern manifest.json --dir previous');
      expect(result.previous).toEqual({ files: [{ file: 'history.pdf', sha256: 'old' }] });
    });

    it('counts every PDF as new when there is no release yet', () => {
      const result = runWithFakeGh(fetchStep(), 'none');
      expect(result.status).toBe(0);
      expect(result.previous).toEqual({ files: [] });
    });

    it('fails, rather than releasing, when GitHub cannot be asked', () => {
      expect(runWithFakeGh(fetchStep(), 'offline').status).not.toBe(0);
    });

    it('names the release by date and attaches every PDF and the manifest', () => {
      const create = release.steps.find((step) => step.run?.includes('gh release create'))!;
      const result = runWithFakeGh(create, 'exists', { CHANGED: 'history.pdf' });
      expect(result.status).toBe(0);
      const today = new Date().toISOString().slice(0, 10);
      expect(result.calls).toHaveLength(1);
      expect(result.calls[0]).toMatch(new RegExp(`^gh release create briefs-${today}-8 out/history.pdf out/manifest.json --target abc123 --title `));
      expect(result.calls[0]).toContain('data as of 2024-01-31');
    });
  });
});

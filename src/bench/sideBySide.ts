/**
 * Side by side, in one run, alternating the commands (so drift on a shared machine hits both alike):
 *  - the five seed articles' paragraphs (one paragraph per line, as `briefs typeset` takes them)
 *    typeset by `briefs typeset` and by headless Chromium printing an HTML page of the same
 *    paragraphs set in the same Amiri TrueType files from fonts/ (whole processes, wall time);
 *  - with a base checkout (BRIEFS_BENCH_BASE=/path, e.g. a git worktree of an earlier commit with
 *    npm ci run there), the cold full build here against the base's, and each brief's warm render
 *    (warmAgainstBase.ts).
 * Run alone: `npm run compile && BRIEFS_BENCH_BASE=/tmp/ab-base node dist/bench/sideBySide.js`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fontFaces, ttfPath } from '../fonts/fontFiles.js';
import { fontkit } from '../fonts/fontkit.js';
import { packageRoot } from '../paths.js';
import { warmAgainstBase, warmAgainstBaseLines, type WarmAgainstBase } from './warmAgainstBase.js';

const seedsDir = path.resolve(packageRoot, '../shared/seeds');
const chromium = '/usr/bin/chromium';

interface Spread {
  median: number;
  min: number;
  max: number;
}

function spread(samples: readonly number[]): Spread {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median = sorted.length % 2 === 1 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  const round = (v: number) => Math.round(v);
  return { median: round(median), min: round(sorted[0]!), max: round(sorted.at(-1)!) };
}

/** The corpus `briefs typeset` measures: every non-empty line of the seed articles, trimmed. */
export function seedCorpus(dir = seedsDir): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((file) => readFileSync(path.join(dir, file), 'utf8').split(/\r?\n/))
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The same paragraphs as an HTML page: A4, the same margins, 12 pt Amiri, justified right to left,
 * with the line height `briefs typeset` uses (1.25 × the font's ascent + descent), so both print
 * the same number of pages.
 */
export function corpusHtml(paragraphs: readonly string[]): string {
  const arabic = fontFaces().find((face) => face.script === 'arabic' && face.weight === 400)!;
  const metrics = fontkit.create(readFileSync(ttfPath(arabic)));
  const lineHeight = (((metrics.ascent - metrics.descent) / metrics.unitsPerEm) * 12 * 1.25).toFixed(3);
  const fontsource = path.dirname(createRequire(import.meta.url).resolve('@fontsource/amiri/package.json'));
  // The complete Amiri first: where faces overlap, the browser tries the last declared one first, so
  // it draws only what the subsets lack, as in our engine.
  const ordered = [...fontFaces()].sort((a, b) => Number(b.script === 'complete') - Number(a.script === 'complete'));
  const faces = ordered.map((face) => {
    const css = face.script === 'complete' ? '' : readFileSync(path.join(fontsource, `${face.script}-${face.weight}.css`), 'utf8');
    const range = /unicode-range:\s*([^;]+);/.exec(css)?.[1] ?? 'U+0000-10FFFF';
    return `@font-face { font-family: Amiri; font-weight: ${face.weight}; src: url("${pathToFileURL(ttfPath(face)).href}") format("truetype"); unicode-range: ${range}; }`;
  });
  return [
    '<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><style>',
    ...faces,
    '@page { size: A4; margin: 66pt 58pt 62pt 58pt; }',
    `body { margin: 0; font-family: Amiri; font-size: 12pt; line-height: ${lineHeight}pt; text-align: justify; }`,
    'p { margin: 0 0 6pt 0; }',
    '</style></head><body>',
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    '</body></html>',
  ].join('\n');
}

function timed(command: string, args: readonly string[], cwd?: string): number {
  const started = performance.now();
  const result = spawnSync(command, args, { encoding: 'utf8', cwd, env: { ...process.env, CI: 'true' } });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return ms;
}

export interface SideBySide {
  runs: number;
  paragraphs: number;
  oursMs: Spread;
  chromiumMs: Spread;
  /** Ratio of medians. */
  oursOverChromium: number;
  coldBuild?: { base: string; baseMs: Spread; currentMs: Spread; currentOverBase: number };
  /** With a base: each brief's warm render here against the base's (warmAgainstBase.ts). */
  warm?: WarmAgainstBase;
}

export function sideBySide(runs = 7, base = process.env.BRIEFS_BENCH_BASE): SideBySide {
  const scratch = mkdtempSync(path.join(tmpdir(), 'briefs-side-'));
  try {
    const paragraphs = seedCorpus();
    const corpus = path.join(scratch, 'corpus.txt');
    const html = path.join(scratch, 'corpus.html');
    writeFileSync(corpus, paragraphs.join('\n') + '\n');
    writeFileSync(html, corpusHtml(paragraphs));
    const bin = path.join(packageRoot, 'bin', 'briefs.js');
    const ours: number[] = [];
    const chrome: number[] = [];
    for (let run = 0; run < runs; run++) {
      ours.push(timed(process.execPath, [bin, 'typeset', corpus, '-o', path.join(scratch, 'ours.pdf')]));
      const profile = mkdtempSync(path.join(scratch, 'chromium-'));
      chrome.push(
        timed(chromium, [
          '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
          '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, '--no-pdf-header-footer',
          `--print-to-pdf=${path.join(scratch, 'chromium.pdf')}`, pathToFileURL(html).href,
        ]),
      );
    }
    const result: SideBySide = {
      runs,
      paragraphs: paragraphs.length,
      oursMs: spread(ours),
      chromiumMs: spread(chrome),
      oursOverChromium: Math.round((spread(ours).median / spread(chrome).median) * 100) / 100,
    };
    if (base !== undefined && existsSync(path.join(base, 'bin', 'briefs.js'))) {
      const current: number[] = [];
      const before: number[] = [];
      for (let run = 0; run < runs; run++) {
        before.push(timed(process.execPath, [path.join(base, 'bin', 'briefs.js'), 'build', '--out', path.join(scratch, `base-${run}`)], base));
        current.push(timed(process.execPath, [bin, 'build', '--out', path.join(scratch, `current-${run}`)], packageRoot));
      }
      result.coldBuild = {
        base,
        baseMs: spread(before),
        currentMs: spread(current),
        currentOverBase: Math.round((spread(current).median / spread(before).median) * 100) / 100,
      };
      const warm = warmAgainstBase(base);
      if (warm) result.warm = warm;
    }
    return result;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export function sideBySideLines(row: SideBySide): string[] {
  const fmt = (s: Spread) => `${s.median} ms (${s.min}–${s.max})`;
  const lines = [
    `side by side, ${row.paragraphs} seed paragraphs, ${row.runs} alternating runs (whole processes, medians):`,
    `  briefs typeset ${fmt(row.oursMs)} · headless Chromium print-to-pdf ${fmt(row.chromiumMs)} · ours/Chromium ${row.oursOverChromium}`,
  ];
  if (row.coldBuild) {
    lines.push(
      `  cold full build: this tree ${fmt(row.coldBuild.currentMs)} · base ${row.coldBuild.base} ${fmt(row.coldBuild.baseMs)} · this/base ${row.coldBuild.currentOverBase}`,
    );
  }
  if (row.warm) lines.push(...warmAgainstBaseLines(row.warm));
  return lines;
}

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const row = sideBySide(Number(process.env.BRIEFS_BENCH_RUNS ?? 7));
  console.log(sideBySideLines(row).join('\n'));
  console.log(JSON.stringify(row));
}

/**
 * Hostile data that must come out as a correct PDF: the real `briefs build` runs on the small base
 * dataset plus one hostile data file, within the time bound; every PDF opens, draws no .notdef
 * box, and reads back (pdftotext) with the hostile text as literal text.
 */
import { execFileSync } from 'node:child_process';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawnGlyphs, notdefGlyphs } from '../support/pdfGlyphs.js';
import { findRun, pdftotextPages, tokens } from '../support/pdfText.js';
import { CPU_LIMIT_MS, baseFixture, caseFolder, runCli, scratch, tempFiles, visibleText, type CliRun } from './support.js';

const allPdfs = ['casualties.pdf', 'factsheet.pdf', 'history.pdf', 'troops.pdf', 'withdrawal.pdf'];

/** One event record for the history timeline, with a hostile description (YAML double-quoted). */
function event(id: string, day: number, description: string, extra = ''): string {
  return `  - id: ${id}
    date: { iso: '2014-10-${String(day).padStart(2, '0')}', precision: day }
    status: occurred
    description_ar: ${JSON.stringify(description)}
    topics: [coalition]${extra}
    evidence:
      - { source: src_a, quote: 'تأسيس' }
`;
}

interface Built {
  run: CliRun;
  out: string;
  pdf: (name: string) => Promise<Buffer>;
  /** pdftotext of one PDF, all pages, with the extractor's bidi marks removed. */
  text: (name: string) => Promise<string>;
  /** The edition id every page's footer prints (page furniture, not data). */
  edition: () => Promise<string>;
}

/** Builds from the base dataset plus `files` (name → YAML), into a fresh out/. */
async function buildWith(root: string, name: string, files: Record<string, string | Buffer>, args: string[] = []): Promise<Built> {
  const { cwd, data } = await caseFolder(root, name);
  for (const [file, content] of Object.entries(files)) await writeFile(path.join(data, file), content);
  const out = path.join(cwd, 'out');
  const run = await runCli(['build', '--data', 'data', '--out', out, ...args], cwd);
  const pdf = (file: string) => readFile(path.join(out, file));
  const edition = async () => (JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as { edition: string }).edition;
  return { run, out, pdf, text: async (file) => visibleText(pdftotextPages(await pdf(file)).join('\n')), edition };
}

/** The run succeeded cleanly, within the bound, leaving exactly the expected PDFs and no temporaries. */
async function expectClean(built: Built, pdfs: string[]): Promise<void> {
  const { run } = built;
  expect(run.timedOut, `hang: killed after ${Math.round(run.wallMs)} ms of wall time`).toBe(false);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.cpuMs, 'CPU time of the CLI, ms').toBeLessThan(CPU_LIMIT_MS);
  const names = (await readdir(built.out)).filter((file) => file.endsWith('.pdf')).sort();
  expect(names).toEqual(pdfs);
  expect(await tempFiles(built.out)).toEqual([]);
  for (const file of pdfs) {
    const bytes = await built.pdf(file);
    expect(notdefGlyphs(bytes), `${file}: .notdef boxes`).toEqual([]);
    // Data can never make the generator embed a file: no image in any brief.
    expect(bytes.toString('latin1'), file).not.toMatch(/\/Subtype\s*\/Image/);
  }
}

/** Whitespace-insensitive containment (line breaks in the PDF become spaces or nothing). */
function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

let root: string;
beforeAll(async () => {
  root = await scratch('pdfs');
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('hostile text in data comes out as literal text', () => {
  const hostile = {
    rlo: 'قبل \u202Eabc\u202C بعد',
    rli: 'قبل \u2067F-16 Rafale\u2069 بعد',
    joiners: 'ب\u200Dب\u200Cب لا\u200Cلا',
    marks: 'ب' + '\u0651\u064E'.repeat(6) + ' e' + '\u0301'.repeat(8),
    handlebars: '{{constructor}} {{#each}} {{> x}} {{{raw}}} {{lookup this "x"}}',
    markup: '<table><tr><td>x</td></tr></table> </p><h1>x</h1> <img src="/etc/passwd"> &amp; <script>',
    json: '"}, {"image": "/etc/passwd"}, {"text": "',
  };
  let built: Built;

  beforeAll(async () => {
    const events = [
      event('ev_rlo', 1, hostile.rlo, "\n    place_ar: 'Camp Taji 2014'"),
      event('ev_rli', 2, hostile.rli, "\n    place_ar: 'Al Asad 2015'"),
      event('ev_joiners', 3, hostile.joiners),
      event('ev_marks', 4, hostile.marks),
      event('ev_handlebars', 5, hostile.handlebars),
      event('ev_markup', 6, hostile.markup),
      event('ev_json', 7, hostile.json),
    ];
    built = await buildWith(root, 'text', { 'hostile.yaml': `events:\n${events.join('')}` });
  });

  it('builds every brief within the bound, with no .notdef box and no image', async () => {
    await expectClean(built, allPdfs);
  });

  it('keeps the text after a closed U+202E override and a closed U+2067 isolate in reading order', async () => {
    const text = await built.text('history.pdf');
    // Inside its field the override does its job ("abc" is drawn reversed); the text printed after
    // the field in the same cell — the place, in Latin letters and digits — reads back left to right
    // in logical order: the controls reordered nothing outside their field.
    expect(squash(text)).toContain(squash('قبل cba بعد — Camp Taji 2014'));
    expect(squash(text)).toContain(squash('قبل F-16 Rafale بعد — Al Asad 2015'));
    expect(text).toContain('Camp Taji 2014');
    expect(text).toContain('F-16 Rafale');
  });

  it('draws joiners and stacked combining marks without a box', async () => {
    const text = await built.text('history.pdf');
    expect(findRun(tokens(text), tokens(hostile.joiners), 0)).toBeGreaterThan(0);
    const drawn = drawnGlyphs(await built.pdf('history.pdf')).map((glyph) => glyph.unicode).join('').normalize('NFD');
    // Every stacked acute accent on the "e" (the font may compose the first one with the "e" into "é").
    expect(drawn.split('\u0301').length - 1).toBeGreaterThanOrEqual(7);
    expect(drawn.split('\u0651').length - 1).toBeGreaterThanOrEqual(6); // every shadda on the "ب"
  });

  it('prints Handlebars syntax, markup and JSON in data as the literal characters, once each', async () => {
    // Each of these characters appears in the history brief only through the hostile data: drawn
    // once per occurrence means nothing was evaluated as a template, parsed as markup or HTML-escaped
    // into the page ("&lt;"), and no JSON broke out of its string. Brackets count with their mirror
    // image, since right-to-left text draws "{" as "}".
    const literal = [hostile.rlo, hostile.rli, hostile.marks, 'Camp Taji 2014', 'Al Asad 2015', hostile.handlebars, hostile.markup, hostile.json].join('');
    const drawn = drawnGlyphs(await built.pdf('history.pdf')).map((glyph) => glyph.unicode).join('');
    // Besides them, every page's footer prints the edition id.
    const footers = (await built.edition()).repeat(pdftotextPages(await built.pdf('history.pdf')).length);
    expect(charCounts(drawn)).toEqual(charCounts(literal + footers));
    // And every word reads back as a word (pdftotext follows the visual order of each line; with the
    // bracket-pair rule of the bidi algorithm, Latin words between brackets in a right-to-left
    // paragraph are drawn right to left, so the words are compared as a multiset).
    const words = tokens(await built.text('history.pdf'));
    for (const word of tokens(hostile.handlebars + hostile.markup + hostile.json)) expect(words).toContain(word);
  });
});

/** Counts of the characters that only hostile data brings into the history brief. */
function charCounts(text: string): Record<string, number> {
  const mirror: Record<string, string> = { '}': '{', '>': '<', ']': '[' };
  const counts: Record<string, number> = {};
  for (const char of text) {
    if (!/[A-Za-z{}<>[\]"#&;=]/.test(char)) continue;
    const key = mirror[char] ?? char;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe('sizes and shapes', () => {
  it('breaks the longest word a field may hold (1,000 characters, no spaces) in wide and narrow columns, losing no character', async () => {
    // A 5,000-character word is refused by validation (see errors.test.ts): a table row taller than
    // a page would be dropped by the layout. The longest allowed field must come out whole.
    const figure = (await readFile(path.join(baseFixture, 'dataset.yaml'), 'utf8')).replace(
      '  - id: fig_old\n    metric: civilian_deaths\n    description_ar: مدنيون قتلوا\n',
      `  - id: fig_old\n    metric: civilian_deaths\n    description_ar: ${'W'.repeat(1000)}\n`,
    );
    const built = await buildWith(root, 'long-word', {
      'dataset.yaml': figure,
      'hostile.yaml': `events:\n${event('ev_long_arabic', 1, 'ب'.repeat(1000))}${event('ev_long_latin', 2, 'x'.repeat(1000))}`,
    }, ['--brief', 'history', '--brief', 'casualties']);
    await expectClean(built, ['casualties.pdf', 'history.pdf']);
    const count = (text: string, char: string) => [...text].filter((c) => c === char).length;
    // Without the footers' edition id (page furniture, which may hold an "x").
    const history = (await built.text('history.pdf')).replaceAll(await built.edition(), '');
    expect(count(history, 'x')).toBe(1000);
    expect(count(history, 'ب')).toBeGreaterThanOrEqual(1000);
    // The figure's label sits in the narrowest column of the casualties tables (printed once per table).
    const casualties = await built.text('casualties.pdf');
    expect(count(casualties, 'W') % 1000).toBe(0);
    expect(count(casualties, 'W')).toBeGreaterThanOrEqual(1000);
  });

  it('renders a history of 2,000 events', async () => {
    const events = Array.from({ length: 2000 }, (_, i) => event(`ev_many_${i}`, 1 + (i % 28), `حدث رقم ${i + 1} من ألفي حدث`));
    const built = await buildWith(root, 'many-events', { 'hostile.yaml': `events:\n${events.join('')}` }, ['--brief', 'history']);
    await expectClean(built, ['history.pdf']);
    const pdf = await built.pdf('history.pdf');
    const pages = pdftotextPages(pdf);
    expect(pages.length).toBeGreaterThan(20);
    const info = execFileSync('pdfinfo', ['-'], { input: pdf, encoding: 'utf8' });
    expect(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])).toBe(pages.length);
    const words = tokens(pages.join('\n'));
    expect(findRun(words, tokens('حدث رقم 1 من ألفي حدث'), 0)).toBeGreaterThan(0);
    expect(findRun(words, tokens('حدث رقم 2000 من ألفي حدث'), 0)).toBeGreaterThan(0);
  });

  it('builds every brief from a dataset whose record lists are all empty', async () => {
    const built = await buildWith(root, 'empty-lists', {
      'dataset.yaml': `as_of: 2021-08-23
sources:
  - id: src_a
    file: 004_e6c1c72df0de1643.txt
    publisher: unknown
    title: unknown
    published: { iso: '2021-08-23', precision: day }
actors: []
events: []
figures: []
disputes: []
positions: []
outlook:
`,
    });
    await expectClean(built, allPdfs);
    expect(await built.text('history.pdf')).toContain('البيانات حتى');
  });

  it('reads a data file saved as UTF-16 with a byte-order mark (YAML 1.2 allows it)', async () => {
    const utf8 = await readFile(path.join(baseFixture, 'dataset.yaml'), 'utf8');
    const marker = 'تأسيس التحالف';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf8.replace(marker, `${marker} بترميز UTF-16`), 'utf16le')]);
    const built = await buildWith(root, 'utf16', { 'dataset.yaml': utf16 }, ['--brief', 'history']);
    await expectClean(built, ['history.pdf']);
    expect(await built.text('history.pdf')).toContain('تأسيس التحالف بترميز');
  });
});

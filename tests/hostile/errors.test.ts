/**
 * Hostile data that must be refused: each case starts from tests/hostile/fixtures/base, makes one
 * hostile edit, and runs the real `briefs build` into an out/ that already holds a good build.
 * Every case must end with exit code 1 and a clear error naming file, line, column and field —
 * asserted word for word — within the time bound, with out/ byte-for-byte unchanged and no
 * temporary files left. Never a crash, a stack trace or a hang.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CPU_LIMIT_MS, caseFolder, edit, runCli, scratch, snapshotFolder, tempFiles } from './support.js';

interface HostileCase {
  name: string;
  /** Makes the hostile edit in the case's data folder. */
  setup: (data: string) => Promise<void>;
  /** The problems the CLI prints, one line each, in order. */
  problems: string[];
}

const file = (data: string) => path.join(data, 'dataset.yaml');

/** Rewrites dataset.yaml as bytes (for truncations and other encodings). */
async function rewriteBytes(data: string, transform: (bytes: Buffer) => Buffer): Promise<void> {
  await writeFile(file(data), transform(await readFile(file(data))));
}

/** Windows-1256 (the legacy Arabic code page) encoder, built from the platform's decoder. */
function encodeWindows1256(text: string): Buffer {
  const decoder = new TextDecoder('windows-1256');
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) table.set(decoder.decode(Uint8Array.of(byte)), byte);
  return Buffer.from([...text].map((char) => {
    const byte = table.get(char);
    if (byte === undefined) throw new Error(`not in Windows-1256: ${char}`);
    return byte;
  }));
}

const troopsFile = (value: string, range: string) => `figures:
  - id: fig_troops
    metric: troops_deployed
    description_ar: جنود أميركيون في العراق
    value: ${value}
    unit: personnel
    scope: { countries: [iraq], forces: [coalition] }
    as_of: { iso: '2021-08', precision: month }
    claimant: coalition
    method: official_statement
    attribution: named
    evidence: [{ source: src_a, quote: 'جنود' }]
  - id: fig_troops_range
    metric: troops_deployed
    description_ar: جنود التحالف في العراق
    value: ${range}
    unit: personnel
    scope: { countries: [iraq], forces: [coalition] }
    as_of: { iso: '2021-08', precision: month }
    claimant: observatory
    method: official_estimate
    attribution: named
    evidence: [{ source: src_a, quote: 'جنود' }]
`;

const cases: HostileCase[] = [
  {
    name: 'an emoji no embedded font can draw',
    setup: (data) => edit(data, 'dataset.yaml', '    description_ar: تأسيس التحالف\n', '    description_ar: تأسيس التحالف 😀\n'),
    problems: ['data/dataset.yaml:57:21 events[0].description_ar: character U+1F600 "😀" cannot be drawn by any embedded font'],
  },
  {
    name: 'an emoji sequence joined by ZWJ (each person reported once, the joiner is fine)',
    setup: (data) => {
      const anchor = '  - id: fig_old\n    metric: civilian_deaths\n    description_ar: مدنيون قتلوا\n';
      return edit(data, 'dataset.yaml', anchor, anchor.replace('قتلوا\n', 'قتلوا 👨‍👩‍👧 👨\n'));
    },
    problems: [
      'data/dataset.yaml:19:21 figures[0].description_ar: character U+1F468 "👨" cannot be drawn by any embedded font',
      'data/dataset.yaml:19:21 figures[0].description_ar: character U+1F469 "👩" cannot be drawn by any embedded font',
      'data/dataset.yaml:19:21 figures[0].description_ar: character U+1F467 "👧" cannot be drawn by any embedded font',
    ],
  },
  {
    name: 'CJK characters in an actor name',
    setup: (data) => edit(data, 'dataset.yaml', '    name_ar: التحالف الدولي\n', '    name_ar: التحالف الدولي 国际联盟\n'),
    problems: [
      'data/dataset.yaml:12:14 actors[0].name_ar: character U+56FD "国" cannot be drawn by any embedded font',
      'data/dataset.yaml:12:14 actors[0].name_ar: character U+9645 "际" cannot be drawn by any embedded font',
      'data/dataset.yaml:12:14 actors[0].name_ar: character U+8054 "联" cannot be drawn by any embedded font',
      'data/dataset.yaml:12:14 actors[0].name_ar: character U+76DF "盟" cannot be drawn by any embedded font',
    ],
  },
  {
    name: 'control characters (NUL, escape) and a private-use character in quotes and questions',
    setup: async (data) => {
      await edit(data, 'dataset.yaml', "quote: 'تأسيس' }", 'quote: "تأسيس\\0\\e" }');
      await edit(data, 'dataset.yaml', '    question_ar: كم؟\n', '    question_ar: "كم\\uE000؟"\n');
    },
    problems: [
      'data/dataset.yaml:60:33 events[0].evidence[0].quote: character U+0000 cannot be drawn by any embedded font',
      'data/dataset.yaml:60:33 events[0].evidence[0].quote: character U+001B cannot be drawn by any embedded font',
      'data/dataset.yaml:64:18 disputes[0].question_ar: character U+E000 cannot be drawn by any embedded font',
    ],
  },
  {
    name: 'a 5,000-character word with no spaces (longer than any printed field may be)',
    setup: (data) => edit(data, 'dataset.yaml', '    description_ar: تأسيس التحالف\n', `    description_ar: ${'ب'.repeat(5000)}\n`),
    problems: ['data/dataset.yaml:57:21 events[0].description_ar: is too long to print (5000 characters; at most 1000)'],
  },
  {
    name: 'a right-to-left override (U+202E) left open at the end of its field',
    setup: (data) => edit(data, 'dataset.yaml', '    description_ar: تأسيس التحالف\n', '    description_ar: "تأسيس \\u202Eالتحالف"\n'),
    problems: [
      'data/dataset.yaml:57:21 events[0].description_ar: bidi control U+202E (RIGHT-TO-LEFT OVERRIDE) is not closed in this field; close it with U+202C (POP DIRECTIONAL FORMATTING) or remove it',
    ],
  },
  {
    name: 'a right-to-left isolate (U+2067) left open, and closers that close nothing',
    setup: async (data) => {
      await edit(data, 'dataset.yaml', '    summary_ar: الأرقام غير دقيقة.\n', '    summary_ar: "الأرقام \\u2067غير دقيقة."\n');
      await edit(data, 'dataset.yaml', '    description_ar: البقاء حتى 2023\n', '    description_ar: "البقاء\\u2069 حتى\\u202C 2023"\n');
    },
    problems: [
      'data/dataset.yaml:74:17 positions[0].summary_ar: bidi control U+2067 (RIGHT-TO-LEFT ISOLATE) is not closed in this field; close it with U+2069 (POP DIRECTIONAL ISOLATE) or remove it',
      'data/dataset.yaml:80:21 outlook[0].description_ar: bidi control U+2069 (POP DIRECTIONAL ISOLATE) closes nothing opened in this field; remove it',
      'data/dataset.yaml:80:21 outlook[0].description_ar: bidi control U+202C (POP DIRECTIONAL FORMATTING) closes nothing opened in this field; remove it',
    ],
  },
  {
    name: 'NaN, 1e309 and infinity where numbers belong',
    setup: async (data) => {
      await edit(data, 'dataset.yaml', '    value: 800\n', '    value: .nan\n');
      await edit(data, 'dataset.yaml', '    value: 1257\n', '    value: 1e309\n');
      await edit(data, 'dataset.yaml', '    value: { min: 4000, max: 5000 }\n', '    value: { min: 4000, max: -.inf }\n');
    },
    problems: [
      'data/dataset.yaml:20:12 figures[0].value: must be a finite number (got NaN)',
      'data/dataset.yaml:32:12 figures[1].value: must be a finite number (got Infinity)',
      'data/dataset.yaml:44:30 figures[2].value.max: must be a finite number (got -Infinity)',
    ],
  },
  {
    name: 'numbers too large to be exact or too small to print without an exponent',
    setup: async (data) => {
      await edit(data, 'dataset.yaml', '    value: 800\n', '    value: 12345678901234567890\n');
      await edit(data, 'dataset.yaml', '    value: 1257\n', '    value: 1e300\n');
      await edit(data, 'dataset.yaml', '    value: { min: 4000, max: 5000 }\n', '    value: { min: 0.0000001, max: 5000 }\n');
    },
    problems: [
      'data/dataset.yaml:20:12 figures[0].value: must be at most 9007199254740991 (got 12345678901234567000)',
      'data/dataset.yaml:32:12 figures[1].value: must be at most 9007199254740991 (got 1e+300)',
      'data/dataset.yaml:44:19 figures[2].value.min: must be a plain decimal number (got 1e-7); use a larger unit',
    ],
  },
  {
    name: 'NaN where a date or a name belongs',
    setup: async (data) => {
      await edit(data, 'dataset.yaml', "    date: { iso: '2014-09',", '    date: { iso: .nan,');
      await edit(data, 'dataset.yaml', '    role_ar: مرصد\n', '    role_ar: .NaN\n');
    },
    problems: [
      'data/dataset.yaml:54:18 events[0].date.iso: must be a date like 2014, 2014-09 or 2014-09-05 (got NaN)',
      'data/dataset.yaml:70:14 positions[0].role_ar: must be text (got NaN)',
    ],
  },
  {
    name: 'negative troop counts',
    setup: (data) => writeFile(path.join(data, 'troops.yaml'), troopsFile('-2500', '{ min: -100, max: 2500 }')),
    problems: [
      'data/troops.yaml:5:12 figures[0].value: must be ≥ 0 (got -2500)',
      'data/troops.yaml:16:19 figures[1].value.min: must be ≥ 0 (got -100)',
    ],
  },
  {
    name: '2014-02-30',
    setup: (data) => edit(data, 'dataset.yaml', "    date: { iso: '2014-09', precision: month,", "    date: { iso: '2014-02-30', precision: day,"),
    problems: ['data/dataset.yaml:54:18 events[0].date.iso: is not a real date (2014-02-30)'],
  },
  {
    name: 'duplicate ids',
    setup: async (data) => {
      await edit(data, 'dataset.yaml', '  - id: pos_a\n', '  - id: ev_founded\n');
      await edit(data, 'dataset.yaml', '  - id: out_a\n', '  - id: fig_new\n');
    },
    problems: [
      'data/dataset.yaml:68:9 positions[0].id: duplicate id "ev_founded" (first used at data/dataset.yaml:53:9)',
      'data/dataset.yaml:78:9 outlook[0].id: duplicate id "fig_new" (first used at data/dataset.yaml:29:9)',
    ],
  },
  {
    name: 'dangling references',
    setup: async (data) => {
      await edit(data, 'dataset.yaml', '    figures: [fig_new, fig_monitor]\n', '    figures: [fig_new, fig_gone]\n');
      await edit(data, 'dataset.yaml', '    holders: [coalition]\n', '    holders: [coalition, nobody]\n');
      await edit(data, 'dataset.yaml', "    evidence: [{ source: src_a, quote: 'غير دقيقة' }]", "    evidence: [{ source: src_b, quote: 'غير دقيقة' }]");
    },
    problems: [
      'data/dataset.yaml:65:24 disputes[0].figures[1]: unknown figure "fig_gone"',
      'data/dataset.yaml:76:26 positions[0].evidence[0].source: unknown source "src_b"',
      'data/dataset.yaml:81:26 outlook[0].holders[1]: unknown actor "nobody"',
    ],
  },
  {
    name: 'YAML tags that would turn text into other objects (!!binary, !!js/function)',
    setup: async (data) => {
      await edit(data, 'dataset.yaml', '    description_ar: تأسيس التحالف\n', '    description_ar: !!binary 2KrYo9iz2YrYsw==\n');
      await edit(data, 'dataset.yaml', '    note_ar: ملاحظة\n', '    note_ar: !!js/function "function () { return process.exit(3) }"\n');
    },
    problems: [
      'data/dataset.yaml:57:21 unsupported YAML tag !!binary; remove it (data files hold plain text, numbers, lists and mappings)',
      'data/dataset.yaml:66:14 unsupported YAML tag !!js/function; remove it (data files hold plain text, numbers, lists and mappings)',
    ],
  },
  {
    name: 'a YAML file truncated inside a quoted string',
    setup: (data) => rewriteBytes(data, (bytes) => {
      const text = bytes.toString('utf8');
      return Buffer.from(text.slice(0, text.indexOf("quote: 'تأسيس") + "quote: 'تأ".length), 'utf8');
    }),
    problems: [
      "data/dataset.yaml:60:36 YAML syntax error: Missing closing 'quote",
      'data/dataset.yaml:60:36 YAML syntax error: Flow map in block collection must be sufficiently indented and end with a }',
    ],
  },
  {
    name: 'a YAML file truncated in the middle of a two-byte Arabic letter',
    setup: (data) => rewriteBytes(data, (bytes) => bytes.subarray(0, bytes.indexOf(Buffer.from('تأسيس التحالف', 'utf8')) + 3)),
    problems: ['data/dataset.yaml:57:22 is not valid UTF-8 (byte 0xD8 at offset 1716); save the file as UTF-8'],
  },
  {
    name: 'a file saved as Windows-1256 Arabic',
    setup: (data) => rewriteBytes(data, (bytes) => encodeWindows1256(bytes.toString('utf8'))),
    problems: [
      'data/dataset.yaml:12:14 is not valid UTF-8 (byte 0xC7 at offset 329; the file looks like Windows-1256 (Arabic)); save the file as UTF-8',
    ],
  },
  {
    name: 'a file saved as UTF-16 without a byte-order mark',
    setup: (data) => rewriteBytes(data, (bytes) => Buffer.from(bytes.toString('utf8'), 'utf16le')),
    problems: ['data/dataset.yaml:1:2 contains a NUL byte (is it UTF-16 without a byte-order mark?); save the file as UTF-8'],
  },
  {
    name: 'a file saved as UTF-32',
    setup: (data) => rewriteBytes(data, (bytes) => {
      const text = bytes.toString('utf8');
      const out = Buffer.alloc(4 * ([...text].length + 1));
      out.writeUInt32LE(0xfeff, 0);
      [...text].forEach((char, index) => out.writeUInt32LE(char.codePointAt(0)!, 4 * (index + 1)));
      return out;
    }),
    problems: ['data/dataset.yaml:1:1 is UTF-32, which is not supported; save the file as UTF-8'],
  },
];

describe('hostile data is refused with a located error, and out/ keeps the previous build', () => {
  let root: string;
  let out: string;
  let previous: Map<string, string>;

  beforeAll(async () => {
    root = await scratch('errors');
    out = path.join(root, 'out');
    const good = await caseFolder(root, 'good');
    const run = await runCli(['build', '--data', 'data', '--out', out], good.cwd);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    previous = await snapshotFolder(out);
    expect([...previous.keys()].filter((name) => /^[a-z]+\.pdf$/.test(name)).sort()).toEqual([
      'casualties.pdf',
      'factsheet.pdf',
      'history.pdf',
      'troops.pdf',
      'withdrawal.pdf',
    ]);
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (name, hostile) => {
    const { cwd, data } = await caseFolder(root, name.replace(/[^a-z0-9]+/gi, '-'));
    await hostile.setup(data);
    const run = await runCli(['build', '--data', 'data', '--out', out], cwd);

    expect(run.timedOut, `hang: killed after ${Math.round(run.wallMs)} ms of wall time`).toBe(false);
    expect(run.signal).toBeNull();
    expect(run.cpuMs, 'CPU time of the CLI, ms').toBeLessThan(CPU_LIMIT_MS);
    expect(run.stderr).not.toMatch(/^\s+at /m); // no stack trace
    const count = hostile.problems.length === 1 ? '1 problem' : `${hostile.problems.length} problems`;
    expect(run.stderr).toBe([`the data has ${count}:`, ...hostile.problems].join('\n') + '\n');
    expect(run.stdout).toBe('');
    expect(run.code).toBe(1);

    expect(await snapshotFolder(out)).toEqual(previous);
    expect(await tempFiles(out)).toEqual([]);
  });
});

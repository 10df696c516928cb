import path from 'node:path';
import { constants as fsConstants } from 'node:fs';
import { access, readFile, stat } from 'node:fs/promises';
import type { ParseArgsConfig } from 'node:util';
// The catalog, not the registry: naming briefs needs no derive functions (see catalog.ts).
import { briefCatalog as briefs, briefIds, isBriefId, type BriefId } from '../briefs/catalog.js';
import { defaultDataDir, defaultOutDir, templatesDir } from '../paths.js';
import { generatorVersion } from '../packageInfo.js';
import type { Digits } from '../document/model.js';
import { FileSystemError, fromNodeError } from '../write/fileSystemError.js';
import { UsageError } from './errors.js';
import type { Output } from './output.js';

export interface CommandInput {
  values: Record<string, unknown>;
  positionals: string[];
  io: Output;
  json: boolean;
}

export interface Command {
  name: string;
  summary: string;
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(input: CommandInput): Promise<number>;
}

const briefList = briefIds.join('|');

const build: Command = {
  name: 'build',
  summary: 'build the PDF briefs from data/ into out/',
  help: `Usage: briefs build [--brief ${briefList} ...] [--data DIR] [--out DIR] [--digits latn|arab] [--previous FILE.pdf] [--json]

Validates the data, then renders every brief (or only those named with --brief) into DIR (default out/),
with manifest.json. Nothing in the output directory changes unless every brief succeeds.

  --brief NAME    a brief to build; repeat for several (default: all)
  --data DIR      data directory (default: data/)
  --out DIR       output directory (default: out/)
  --digits STYLE  latn (Western, default) or arab (Arabic-Indic)
  --previous FILE the previous edition (any of its PDFs: each carries its data); the fact sheet, the
                  site and the feed then say what changed since it
  --json          print a machine-readable summary on stdout`,
  options: {
    brief: { type: 'string', multiple: true },
    data: { type: 'string' },
    out: { type: 'string' },
    digits: { type: 'string' },
    previous: { type: 'string' },
  },
  async run({ values, positionals, io, json }) {
    rejectPositionals('build', positionals);
    const selected = selectBriefs(values.brief as string[] | undefined);
    const dataDir = dataDirOf(values);
    const outDir = outDirOf(values, dataDir);
    await requireFolder(dataDir, 'the data folder', values.data === undefined ? undefined : '--data');
    await requireOutputFolder(outDir);
    // The pipeline (and the typesetter) load only for the commands that need them.
    const previous = values.previous as string | undefined;
    if (previous !== undefined) await requireInputFile(previous, '--previous');
    const { buildBriefs } = await import('../pipeline/build.js');
    const summary = await buildBriefs({
      dataDir,
      outDir,
      ...(previous === undefined ? {} : { previous: path.resolve(previous) }),
      briefs: selected,
      digits: digitsOf(values),
      onStep: (what) => io.step?.(`briefs build: ${what}`),
      write: { onLockWait: (holder) => io.err(`briefs build: ${outDir} is being written by ${holder}; waiting for it`) },
      onBrief: (entry) =>
        io.progress(
          `  ${entry.file.padEnd(16)} ${String(entry.pages).padStart(3)} pages  ${kilobytes(entry.bytes).padStart(8)}  ${Math.round(entry.milliseconds)} ms`,
        ),
    });
    // Timings let CI and the bench see where a build's time went (milliseconds).
    const timings = { ...summary.timings, briefs: Object.fromEntries(summary.briefs.map((entry) => [entry.brief, Math.round(entry.milliseconds)])) };
    if (json) io.out(JSON.stringify({ ok: true, outDir: summary.outDir, manifest: summary.manifest, timings }, null, 2));
    else io.progress(`built ${summary.briefs.length} brief(s) into ${summary.outDir}`);
    return 0;
  },
};

const validate: Command = {
  name: 'validate',
  summary: 'check the data without writing anything',
  help: `Usage: briefs validate [--data DIR] [--json]

Checks every data file against the schemas and the cross-record rules and reports every problem at once,
one line each: file:line:column field.path: message. Exit code 1 if there is any problem.`,
  options: { data: { type: 'string' } },
  async run({ values, positionals, io, json }) {
    rejectPositionals('validate', positionals);
    const dataDir = dataDirOf(values);
    await requireFolder(dataDir, 'the data folder', values.data === undefined ? undefined : '--data');
    const { loadValidDataset } = await import('../validate/index.js');
    const dataset = await loadValidDataset(dataDir);
    const counts = Object.fromEntries(
      Object.entries(dataset).filter(([, value]) => Array.isArray(value)).map(([key, value]) => [key, (value as unknown[]).length]),
    );
    if (json) io.out(JSON.stringify({ ok: true, asOf: dataset.as_of, records: counts }, null, 2));
    else io.out(`data is valid (as of ${dataset.as_of}): ${Object.entries(counts).map(([key, n]) => `${n} ${key}`).join(', ')}`);
    return 0;
  },
};

const list: Command = {
  name: 'list',
  summary: 'list the briefs that can be built, with their titles',
  help: `Usage: briefs list [--json]`,
  options: {},
  async run({ positionals, io, json }) {
    rejectPositionals('list', positionals);
    const rows = briefIds.map((id) => ({ id, file: briefs[id].file, title: briefs[id].title }));
    if (json) io.out(JSON.stringify(rows, null, 2));
    else io.out(rows.map((row) => `${row.id.padEnd(11)} ${row.title}`).join('\n'));
    return 0;
  },
};

const typeset: Command = {
  name: 'typeset',
  summary: 'typeset a UTF-8 text file (one paragraph per line) into a PDF',
  help: `Usage: briefs typeset FILE.txt -o FILE.pdf [--digits latn|arab] [--json]

Typesets any UTF-8 text with the briefs' Arabic engine: one paragraph per line, justified right to left,
A4, 12 pt. For checking a passage, or measuring the engine on text that is not ours.`,
  options: { output: { type: 'string', short: 'o' }, digits: { type: 'string' } },
  async run({ values, positionals, io, json }) {
    const [input, ...extra] = positionals;
    if (input === undefined || extra.length > 0) throw new UsageError('expected exactly one input file');
    const output = values.output as string | undefined;
    if (output === undefined) throw new UsageError('missing -o FILE.pdf');
    if (output.trim() === '') throw new UsageError('-o is empty (an unset variable?): name the PDF to write');
    const digits = digitsOf(values);
    const target = path.resolve(output);
    if (path.resolve(input) === target || (await sameFile(input, target))) {
      throw new UsageError(`-o ${output} is the input file: the PDF would overwrite the text`);
    }
    await requireOutputFile(target);
    const text = await readUtf8(input);
    await rejectUndrawable(input, text);
    const { typesetPlainText } = await import('../typeset/index.js');
    const { writeFilesAtomically } = await import('../write/atomicWrite.js');
    const result = await typesetPlainText(text, { digits });
    await writeFilesAtomically(path.dirname(target), [{ name: path.basename(target), bytes: result.bytes }]);
    if (json) io.out(JSON.stringify({ ok: true, file: target, pages: result.pages, bytes: result.bytes.byteLength }, null, 2));
    else io.progress(`${target}: ${result.pages} pages, ${kilobytes(result.bytes.byteLength)}`);
    return 0;
  },
};

/** A character no embedded font can draw is an error at its line and column (exit 1), never a missing-glyph box. */
async function rejectUndrawable(file: string, text: string): Promise<void> {
  const { describeUndrawable, locateUnsupportedCharacters } = await import('../fonts/index.js');
  const undrawable = locateUnsupportedCharacters(text.replace(/^\uFEFF/, ''));
  if (undrawable.length === 0) return;
  const { DataError } = await import('../validate/dataError.js');
  throw new DataError(
    undrawable.map((c) => ({ file, line: c.line, column: c.column, path: '', message: `character ${describeUndrawable(c)} cannot be drawn by any embedded font` })),
  );
}

const check: Command = {
  name: 'check',
  summary: 'exit 1 if out/ is stale against data/, templates/, the generator or --digits',
  help: `Usage: briefs check [--data DIR] [--out DIR] [--digits latn|arab] [--json]

Compares what out/manifest.json says out/ was built from (a fingerprint of every file in data/ and
templates/, the generator version and the digits option) with the inputs as they are now, and checks
every recorded output against its sha256. Prints each stale file and why. Reads only; never builds.
Exit code 0 when out/ is up to date, 1 when it is stale (run briefs build).

  --data DIR      data directory (default: data/)
  --out DIR       output directory (default: out/)
  --digits STYLE  the digits the build would use (default: latn, as briefs build)
  --json          print a machine-readable report on stdout`,
  options: { data: { type: 'string' }, out: { type: 'string' }, digits: { type: 'string' } },
  async run({ values, positionals, io, json }) {
    rejectPositionals('check', positionals);
    const dataDir = dataDirOf(values);
    const outDir = outDirOf(values, dataDir);
    await requireFolder(dataDir, 'the data folder', values.data === undefined ? undefined : '--data');
    const { checkOutput, formatStalenessReport } = await import('../check/index.js');
    const report = await checkOutput({
      dataDir,
      templatesDir,
      outDir,
      generatorVersion,
      digits: digitsOf(values),
      expected: { files: briefIds.map((id) => briefs[id].file), site: true },
    });
    if (json) io.out(JSON.stringify({ ok: report.upToDate, outDir, ...report }, null, 2));
    else io.out(formatStalenessReport(report, outDir));
    return report.upToDate ? 0 : 1;
  },
};

const watchOptions = {
  brief: { type: 'string', multiple: true },
  data: { type: 'string' },
  out: { type: 'string' },
  digits: { type: 'string' },
} as const;

const watchCommand: Command = {
  name: 'watch',
  summary: 'rebuild on every save of data/ or templates/ (the engine stays warm)',
  help: `Usage: briefs watch [--brief ${briefList} ...] [--data DIR] [--out DIR] [--digits latn|arab] [--serve] [--timings] [--port N] [--host ADDR]

Builds once, then watches the data folder and templates/ and rebuilds on every save, in the same
process, so only the first build pays for starting the typesetter. Each build is all or nothing, as
briefs build: a data or template error is printed once (file:line:column field: message) and the
last good output stays in place; the next good save says it is fixed. Ctrl-C stops (exit 0).

  --brief NAME    rebuild only this brief; repeat for several (default: all, and the site)
  --data DIR      data directory (default: data/)
  --out DIR       output directory (default: out/)
  --digits STYLE  latn (Western, default) or arab (Arabic-Indic)
  --serve         also serve out/site/ with live reload (as briefs preview)
  --timings       after each build, print where its time went (settle, load, validate, typeset, write…)
  --port N        port for --serve (default: any free port, printed)
  --host ADDR     address for --serve (default: 127.0.0.1, this machine only)`,
  options: { ...watchOptions, serve: { type: 'boolean' }, timings: { type: 'boolean' }, port: { type: 'string' }, host: { type: 'string' } },
  run: (input) => runWatch(input, input.values.serve === true),
};

const preview: Command = {
  name: 'preview',
  summary: 'serve the readers\' site from out/site/ and reload it after every rebuild (briefs watch --serve)',
  help: `Usage: briefs preview [--data DIR] [--out DIR] [--digits latn|arab] [--port N] [--host ADDR]

Runs briefs watch and serves out/site/ at http://127.0.0.1:PORT/ (the address is printed). An open
page reloads when a build finishes; a build error is shown on the page as well as here. Serves only
the files inside out/site/, on this machine only unless --host says otherwise.

  --data DIR      data directory (default: data/)
  --out DIR       output directory (default: out/)
  --digits STYLE  latn (Western, default) or arab (Arabic-Indic)
  --port N        port (default: any free port)
  --host ADDR     address to listen on (default: 127.0.0.1)`,
  options: { data: { type: 'string' }, out: { type: 'string' }, digits: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } },
  run: (input) => runWatch(input, true),
};

async function runWatch({ values, positionals, io, json }: CommandInput, serve: boolean): Promise<number> {
  rejectPositionals(serve && values.serve === undefined ? 'preview' : 'watch', positionals);
  if (json) throw new UsageError('--json is not available for a command that keeps running');
  const selected = selectBriefs(values.brief as string[] | undefined);
  const dataDir = dataDirOf(values);
  const outDir = outDirOf(values, dataDir);
  const digits = digitsOf(values);
  const port = portOf(values.port);
  await requireFolder(dataDir, 'the data folder', values.data === undefined ? undefined : '--data');
  await requireOutputFolder(outDir);
  const { startWatchSession } = await import('../watch/runWatch.js');
  const { describeError } = await import('./errors.js');
  const session = await startWatchSession({
    dataDir,
    templatesDir,
    outDir,
    briefs: selected,
    digits,
    serve: serve ? { host: (values.host as string | undefined) ?? '127.0.0.1', port } : undefined,
    log: (line) => io.err(line),
    timings: values.timings === true,
    describe: (error) => describeError(error).message,
  });
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await session.stop();
  io.err('stopped');
  return 0;
}

function portOf(value: unknown): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number (0–65535), not "${String(value)}"`);
  return port;
}

const verify: Command = {
  name: 'verify',
  summary: 'check that a PDF is the edition its attached data makes (rebuilt and compared byte for byte)',
  help: `Usage: briefs verify FILE.pdf [--json]

Extracts the edition data attached to FILE.pdf, rebuilds that brief from it with this generator and
compares the bytes. Exit code 0 and one line when they are identical; 1, with what differs, otherwise:
another generator version (the file may be genuine but older), an altered page (which), attached data
that does not match the pages, no attached data at all.`,
  options: {},
  async run({ positionals, io, json }) {
    if (positionals.length !== 1) throw new UsageError('briefs verify takes one PDF file (see briefs verify --help)');
    const file = positionals[0]!;
    await requireInputFile(file, 'briefs verify');
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      throw fromNodeError(error, file);
    }
    const { verifyPdf } = await import('../verify/verifyPdf.js');
    const { generatorName } = await import('../packageInfo.js');
    const result = await verifyPdf(file, bytes, { generator: { name: generatorName, version: generatorVersion }, templatesDir });
    if (json) io.out(JSON.stringify(result.ok ? result : { ...result, error: { kind: result.kind, message: result.message, problems: [{ file, line: null, column: null, field: null, message: result.message }] } }, null, 2));
    else if (result.ok) io.out(result.message);
    else io.err(result.message);
    return result.ok ? 0 : 1;
  },
};

export const commands = { build, validate, list, typeset, check, verify, watch: watchCommand, preview } satisfies Record<string, Command>;
export type CommandName = keyof typeof commands;

function selectBriefs(names: string[] | undefined): BriefId[] {
  if (names === undefined || names.length === 0) return [...briefIds];
  const unknown = names.filter((name) => !isBriefId(name));
  if (unknown.length > 0) {
    throw new UsageError(`unknown brief ${unknown.map((n) => `"${n}"`).join(', ')}; valid briefs: ${briefIds.join(', ')}`);
  }
  // Registry order, each once: the manifest and the progress lines stay stable whatever the flag order.
  return briefIds.filter((id) => names.includes(id));
}

function digitsOf(values: Record<string, unknown>): Digits {
  const digits = (values.digits as string | undefined) ?? 'latn';
  if (digits !== 'latn' && digits !== 'arab') throw new UsageError(`--digits must be latn or arab, not "${digits}"`);
  return digits;
}

function dataDirOf(values: Record<string, unknown>): string {
  return path.resolve((values.data as string | undefined) ?? defaultDataDir);
}

/**
 * The output folder: never empty (an unset variable), never inside the data or templates folder (its
 * own files would count as inputs, and check would never settle).
 */
function outDirOf(values: Record<string, unknown>, dataDir: string): string {
  const given = values.out as string | undefined;
  if (given !== undefined && given.trim() === '') throw new UsageError('--out is empty (an unset variable?): name the output folder');
  const outDir = path.resolve(given ?? defaultOutDir);
  for (const [folder, label] of [[dataDir, 'data'], [templatesDir, 'templates']] as const) {
    if (isWithin(outDir, folder)) throw new UsageError(`--out ${outDir} is inside the ${label} folder ${folder}: choose an output folder outside it`);
  }
  return outDir;
}

function isWithin(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function rejectPositionals(command: string, positionals: string[]): void {
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}" (see briefs ${command} --help)`);
}

async function readUtf8(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError(`${file}: no such file`);
    throw fromNodeError(error, file);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${file}: not valid UTF-8 text`);
  }
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/**
 * A folder must exist and be a folder: said in one line, before anything else happens. One named on the
 * command line that does not exist is a usage error (a typo); any other failure is the file system's.
 */
async function requireFolder(dir: string, what: string, option?: string): Promise<void> {
  let info;
  try {
    info = await stat(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && option !== undefined) throw new UsageError(`${option} ${dir}: no such folder`);
    if (code === 'ENOENT') throw new FileSystemError(dir, `${what} does not exist`, code);
    throw fromNodeError(error, dir);
  }
  if (!info.isDirectory()) throw new FileSystemError(dir, `${what} is a file, not a folder`, 'ENOTDIR');
}

/**
 * Checked before any rendering: the output folder is a folder (or can be created under one) and can be
 * written. A file there is refused at once, not after every brief was typeset.
 */
async function requireOutputFolder(dir: string): Promise<void> {
  let at = dir;
  for (;;) {
    const info = await stat(at).catch((error: NodeJS.ErrnoException) => {
      // Absent, or below a file: look at the folder above.
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
      throw fromNodeError(error, at);
    });
    if (info !== undefined) {
      if (!info.isDirectory()) throw new FileSystemError(at, at === dir ? 'the output folder is a file, not a folder' : `is a file, so the output folder ${dir} cannot be created`, 'ENOTDIR');
      await access(at, fsConstants.W_OK).catch((error) => {
        throw fromNodeError(error, at);
      });
      return;
    }
    const parent = path.dirname(at);
    if (parent === at) return;
    at = parent;
  }
}

/** A file the command reads: one that does not exist is a usage error (a typo); a folder is refused. */
async function requireInputFile(file: string, option: string): Promise<void> {
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new UsageError(`${option} ${file}: no such file`);
    throw fromNodeError(error, file);
  });
  if (info.isDirectory()) throw new FileSystemError(file, 'is a folder, not a PDF file', 'EISDIR');
}

/** The PDF's folder must exist and be writable, and the PDF's path must not be a folder. */
async function requireOutputFile(file: string): Promise<void> {
  const info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) throw new FileSystemError(file, 'is a folder, not a PDF file to write', 'EISDIR');
  await requireFolder(path.dirname(file), 'the folder for the PDF');
  await access(path.dirname(file), fsConstants.W_OK).catch((error) => {
    throw fromNodeError(error, path.dirname(file));
  });
}

async function sameFile(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([stat(a).catch(() => undefined), stat(b).catch(() => undefined)]);
  return x !== undefined && y !== undefined && x.dev === y.dev && x.ino === y.ino;
}

import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { ValidationIssue } from '../model/index.js';
import { decodeText } from './decodeText.js';
import { listDataFiles } from './dataFiles.js';

/** One data file as read from disk: its YAML document with positions, or the reasons it has none. */
export interface LoadedFile {
  /** Path shown to editors, relative to `displayRoot` (e.g. "data/figures.yaml"). */
  file: string;
  /** The parsed document, absent when the file could not be decoded or parsed. */
  document?: Document.Parsed;
  /** Maps offsets in the document to 1-based lines and columns. */
  lineCounter: LineCounter;
  /** Problems found while reading: not UTF-8, YAML syntax errors, empty file. */
  issues: ValidationIssue[];
  /**
   * The file's text, as far as it could be decoded (bad bytes replaced). Kept so that validation can
   * still see which record ids a file that failed to parse defines, and not call references to them unknown.
   */
  text?: string;
}

/** Everything validation needs, with no further I/O: the files and any problems reading the folder. */
export interface LoadedDataset {
  /** The data folder as shown to editors (e.g. "data"). */
  dir: string;
  files: LoadedFile[];
  issues: ValidationIssue[];
}

export interface LoadOptions {
  /** File paths in issues are shown relative to this folder (default: the working directory). */
  displayRoot?: string;
  /**
   * Parsed files kept between loads by a long-lived process (`briefs watch`): a file whose bytes
   * have not changed since the last load is not parsed again. Parsing is a fifth of a warm rebuild.
   */
  cache?: ParsedFileCache;
}

/** Parsed data files by path, with the bytes they were parsed from (see LoadOptions.cache). */
export type ParsedFileCache = Map<string, { bytes: Uint8Array; file: string; loaded: LoadedFile }>;

export function createParsedFileCache(): ParsedFileCache {
  return new Map();
}

/** Files larger than this are refused rather than parsed: the real dataset is a few hundred KB. */
const MAX_FILE_BYTES = 8 * 1024 * 1024;

/**
 * Reads the data files of `dir` (see dataFiles.ts: the same list `briefs check` fingerprints), in
 * file-name order. Never throws for bad
 * data: unreadable folders and files, bad encodings and YAML syntax errors become issues with a
 * file, line and column. This is the only module in the dataset path that touches the disk.
 */
export async function loadDataset(dir: string, options: LoadOptions = {}): Promise<LoadedDataset> {
  const displayRoot = options.displayRoot ?? process.cwd();
  const shown = (absolute: string) => displayPath(displayRoot, absolute);
  const absoluteDir = path.resolve(dir);
  const dataset: LoadedDataset = { dir: shown(absoluteDir), files: [], issues: [] };

  let names: string[];
  try {
    names = await listDataFiles(absoluteDir);
  } catch (error) {
    dataset.issues.push(wholeFileIssue(shown(absoluteDir), `cannot read the data folder (${errorCode(error)})`));
    return dataset;
  }
  if (names.length === 0) {
    dataset.issues.push(wholeFileIssue(shown(absoluteDir), 'no data files (*.yaml) in the data folder'));
  }
  // Read side by side, kept in file-name order (loadFile never throws: problems are issues).
  dataset.files.push(
    ...(await Promise.all(names.map((name) => loadFile(path.join(absoluteDir, name), shown(path.join(absoluteDir, name)), options.cache)))),
  );
  return dataset;
}

async function loadFile(absolute: string, file: string, cache?: ParsedFileCache): Promise<LoadedFile> {
  const lineCounter = new LineCounter();
  const loaded: LoadedFile = { file, lineCounter, issues: [] };
  let bytes: Uint8Array;
  try {
    const info = await stat(absolute);
    if (!info.isFile()) {
      loaded.issues.push(wholeFileIssue(file, 'is not a regular file'));
      return loaded;
    }
    if (info.size > MAX_FILE_BYTES) {
      loaded.issues.push(wholeFileIssue(file, `is too large (${info.size} bytes; at most ${MAX_FILE_BYTES})`));
      return loaded;
    }
    bytes = await readFile(absolute);
  } catch (error) {
    loaded.issues.push(wholeFileIssue(file, `cannot be read (${errorCode(error)})`));
    return loaded;
  }
  const cached = cache?.get(absolute);
  if (cached !== undefined && cached.file === file && Buffer.from(cached.bytes).equals(bytes)) return cached.loaded;
  const parsed = parseFile(bytes, file, loaded, lineCounter);
  cache?.set(absolute, { bytes, file, loaded: parsed });
  return parsed;
}

/** Decodes and parses one file's bytes into `loaded` (no I/O). */
function parseFile(bytes: Uint8Array, file: string, loaded: LoadedFile, lineCounter: LineCounter): LoadedFile {

  const decoded = decodeText(bytes);
  loaded.text = decoded.ok ? decoded.text : new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (!decoded.ok) {
    loaded.issues.push({ file, line: decoded.line, column: decoded.column, path: '', message: decoded.message });
    return loaded;
  }
  const text = decoded.text.replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    loaded.issues.push(wholeFileIssue(file, 'is empty'));
    return loaded;
  }

  let document: Document.Parsed;
  try {
    // Plain YAML 1.2 only: explicit tags such as !!binary are not resolved (they would turn text
    // into byte arrays); an unresolved tag is reported below as a mistake.
    document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, resolveKnownTags: false });
  } catch (error) {
    // The parser itself can fail on hostile input (e.g. nesting deep enough to exhaust the stack).
    loaded.issues.push(wholeFileIssue(file, `cannot be parsed as YAML (${error instanceof Error ? error.message : String(error)})`));
    return loaded;
  }
  // The first syntax error is the mistake; the parser's later complaints in the same file mostly
  // follow from it (a tab in one line makes every following line "not at the same column"). Those at
  // the same place are kept (they say the same thing another way); the rest are counted, not listed.
  const [first] = document.errors;
  if (first !== undefined) {
    const at = lineCounter.linePos(first.pos[0]);
    const same = document.errors.filter((error) => error.pos[0] === first.pos[0]);
    const following = document.errors.length - same.length;
    const more = following === 0 ? '' : ` (fix this first: the parser's ${following} further complaint${following === 1 ? '' : 's'} in this file follow from it)`;
    same.forEach((error, index) => {
      const suffix = index === same.length - 1 ? more : '';
      loaded.issues.push({ file, line: at.line, column: at.col, path: '', message: `YAML syntax error: ${firstLine(error.message)}${suffix}` });
    });
  }
  for (const warning of document.warnings) {
    const { line, col } = lineCounter.linePos(warning.pos[0]);
    loaded.issues.push({ file, line, column: col, path: '', message: warningMessage(warning.message) });
  }
  loaded.document = document;
  return loaded;
}

/** "Unresolved tag: tag:yaml.org,2002:binary" → "unsupported YAML tag !!binary; …". */
function warningMessage(message: string): string {
  const tag = /^Unresolved tag: (\S+)/.exec(firstLine(message))?.[1];
  if (tag !== undefined) return `unsupported YAML tag ${tag.replace(/^tag:yaml\.org,2002:/, '!!')}; remove it (data files hold plain text, numbers, lists and mappings)`;
  return `YAML: ${firstLine(message)}`;
}

function wholeFileIssue(file: string, message: string): ValidationIssue {
  return { file, line: 1, column: 1, path: '', message };
}

function displayPath(root: string, absolute: string): string {
  const relative = path.relative(root, absolute);
  const shown = relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative;
  return shown.split(path.sep).join('/');
}

function errorCode(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : String(error);
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).trim();
}

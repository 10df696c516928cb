import type { LoadedDataset, LoadedFile } from '../load/index.js';
import {
  DatasetInfo,
  recordKinds,
  recordSchemas,
  type RecordKind,
  type ValidationIssue,
} from '../model/index.js';
import type { z } from 'zod';
import { formatPath, valueAt, type FieldPath } from './fieldPath.js';
import { locate } from './locate.js';
import { zodIssueMessage } from './zodMessages.js';

/** A parsed value and where it came from, so later checks can point back at the YAML. */
export interface Located<T> {
  value: T;
  file: LoadedFile;
  /** Path of the value inside its file, e.g. ["figures", 3]. */
  path: FieldPath;
}

export type RecordOf<K extends RecordKind> = z.infer<(typeof recordSchemas)[K]>;
export type CollectedRecords = { [K in RecordKind]: Located<RecordOf<K>>[] };

export interface Collected {
  info: Located<DatasetInfo>[];
  records: CollectedRecords;
  /** Files whose content could not be read at all (bad encoding, syntax, shape): later checks that
   * need the whole dataset, such as "as_of is missing", would only echo those problems. */
  unreadableFiles: number;
  /** Ids of records that failed their schema (already reported): references to them are not "unknown". */
  rejectedIds: Set<string>;
}

const infoKeys = Object.keys(DatasetInfo.shape) as (keyof DatasetInfo)[];
const topLevelKeys = [...infoKeys, ...recordKinds];

/** Builds issues located in a loaded file. */
export function issueAt(file: LoadedFile, path: FieldPath, message: string, options: { atKey?: boolean } = {}): ValidationIssue {
  const { line, column } = locate(file.document, file.lineCounter, path, options);
  return { file: file.file, line, column, path: formatPath(path), message };
}

/**
 * Parses every record of every file with its zod schema, one record at a time, so one bad record
 * never hides the problems of the next. Records that pass are collected for the cross-record checks.
 */
export function collectRecords(loaded: LoadedDataset, issues: ValidationIssue[]): Collected {
  return mergeCollected(
    loaded.files.map((file) => {
      const one = collectFile(file);
      issues.push(...one.issues);
      return one.collected;
    }),
  );
}

/** One file's records and the issues its own content has (schema, shape): everything collecting it finds. */
export interface FileCollection {
  collected: Collected;
  issues: ValidationIssue[];
}

/** Collects one file's records (as collectRecords does for each file). */
export function collectFile(file: LoadedFile): FileCollection {
  const records = Object.fromEntries(recordKinds.map((kind) => [kind, []])) as unknown as CollectedRecords;
  const collected: Collected = { info: [], records, unreadableFiles: 0, rejectedIds: new Set() };
  const issues: ValidationIssue[] = [];
  const result = { collected, issues };
  if (file.document === undefined || file.issues.length > 0) {
    collected.unreadableFiles++; // already reported; avoid cascades
    // Its records are not checked, but references to the ids it defines are not "unknown" either.
    for (const id of idsDefinedIn(file.text ?? '')) collected.rejectedIds.add(id);
    return result;
  }
  let data: unknown;
  try {
    data = file.document.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    issues.push(issueAt(file, [], `cannot be read as data (${error instanceof Error ? error.message : String(error)})`));
    collected.unreadableFiles++;
    return result;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    issues.push(issueAt(file, [], `must be a mapping with keys such as ${recordKinds.join(', ')}`));
    collected.unreadableFiles++;
    return result;
  }
  const top = data as Record<string, unknown>;
  const infoPart: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(top)) {
    if ((infoKeys as string[]).includes(key)) {
      infoPart[key] = value;
    } else if ((recordKinds as string[]).includes(key)) {
      collectList(file, key as RecordKind, value, collected, issues);
    } else {
      issues.push(issueAt(file, [key], `unknown top-level key (expected one of: ${topLevelKeys.join(', ')})`, { atKey: true }));
    }
  }
  if (Object.keys(infoPart).length > 0) {
    const parsed = parseWith(DatasetInfo, infoPart, file, [], issues);
    if (parsed !== undefined) collected.info.push({ value: parsed, file, path: [] });
  }
  return result;
}

/** The files' collections as one, in the files' order. */
export function mergeCollected(parts: readonly Collected[]): Collected {
  const records = Object.fromEntries(recordKinds.map((kind) => [kind, parts.flatMap((part) => part.records[kind] as Located<unknown>[])])) as unknown as CollectedRecords;
  return {
    info: parts.flatMap((part) => part.info),
    records,
    unreadableFiles: parts.reduce((sum, part) => sum + part.unreadableFiles, 0),
    rejectedIds: new Set(parts.flatMap((part) => [...part.rejectedIds])),
  };
}

function collectList(file: LoadedFile, kind: RecordKind, value: unknown, collected: Collected, issues: ValidationIssue[]): void {
  if (value === null) return; // "figures:" with nothing under it yet — an empty list
  if (!Array.isArray(value)) {
    issues.push(issueAt(file, [kind], 'must be a list of records (each starting with "- id: …")'));
    return;
  }
  const schema = recordSchemas[kind] as z.ZodType;
  value.forEach((record, index) => {
    const parsed = parseWith(schema, record, file, [kind, index], issues);
    if (parsed !== undefined) (collected.records[kind] as Located<unknown>[]).push({ value: parsed, file, path: [kind, index] });
    else if (typeof (record as { id?: unknown } | null)?.id === 'string') collected.rejectedIds.add((record as { id: string }).id);
  });
}

function parseWith<T>(schema: z.ZodType<T>, input: unknown, file: LoadedFile, at: FieldPath, issues: ValidationIssue[]): T | undefined {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  for (const issue of result.error.issues.flatMap((issue) => withinUnion(issue, input))) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        issues.push(issueAt(file, [...at, ...(issue.path as FieldPath), key], 'unknown field', { atKey: true }));
      }
      continue;
    }
    const inner = issue.path as FieldPath;
    issues.push(issueAt(file, [...at, ...inner], zodIssueMessage(issue, input, inner)));
  }
  return undefined;
}

/**
 * When a mapping or list matches none of a union's shapes, zod reports one vague issue at the
 * union ("Invalid input"). If exactly one shape fits the value's outline — its problems are all
 * inside the value, not about the value itself — report that shape's problems instead, at their
 * own paths (`value.max: must be a finite number`, `date.iso: is not a real date`).
 */
function withinUnion(issue: z.core.$ZodIssue, input: unknown): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue];
  const given = valueAt(input, issue.path as FieldPath);
  if (given === null || typeof given !== 'object') return [issue];
  const fitting = issue.errors.filter((branch) => branch.length > 0 && branch.every((inner) => inner.path.length > 0));
  if (fitting.length !== 1) return [issue];
  return fitting[0]!.flatMap((inner) => withinUnion({ ...inner, path: [...issue.path, ...inner.path] } as z.core.$ZodIssue, input));
}

/** The record ids a data file's text defines ("- id: ev_x"), read without a YAML parser (it failed). */
function idsDefinedIn(text: string): string[] {
  return [...text.matchAll(/^[ \t]*-?[ \t]*id:[ \t]*['"]?([^'"\s#,}]+)/gm)].map((match) => match[1]!);
}

import type { LoadedDataset, LoadedFile } from '../load/index.js';
import { recordKinds, type Dataset, type ValidationIssue } from '../model/index.js';
import { collectFile, issueAt, mergeCollected, type Collected } from './collect.js';
import { crossCheck } from './crossChecks.js';
import { checkPrintedText } from './printedText.js';
import { checkPrintableNumbers } from './numbers.js';
import { checkPrintableDates } from './printableDates.js';
import { checkSupersessionChains } from './supersession.js';
import { checkAgainstAsOf } from './asOf.js';
import { checkAttribution } from './attribution.js';
import { checkNumberStyle } from './numberStyle.js';

export interface Analysis {
  issues: ValidationIssue[];
  /** Present only when there are no issues. */
  dataset?: Dataset;
}

/** What validating one file finds on its own: its records, and the issues of the checks that read only one record. */
interface FileAnalysis {
  collected: Collected;
  schema: ValidationIssue[];
  printedText: ValidationIssue[];
  dates: ValidationIssue[];
  numberStyle: ValidationIssue[];
}

/**
 * Per loaded file. A long-lived process's parse cache (load/LoadOptions.cache) hands back the same
 * LoadedFile for unchanged bytes, so a save re-checks only the file it changed on its own; every check
 * that reads across records or files runs on the whole dataset every time. The records are frozen:
 * shared between builds, nothing may change them.
 */
const analysedFiles = new WeakMap<LoadedFile, FileAnalysis>();

function analyseFile(file: LoadedFile): FileAnalysis {
  let analysis = analysedFiles.get(file);
  if (analysis !== undefined) return analysis;
  const { collected, issues: schema } = collectFile(file);
  for (const located of [...collected.info, ...Object.values(collected.records).flat()]) deepFreeze(located.value);
  const printedText: ValidationIssue[] = [];
  const dates: ValidationIssue[] = [];
  const numberStyle: ValidationIssue[] = [];
  checkPrintedText(collected, printedText);
  checkPrintableDates(collected, dates);
  checkNumberStyle(collected, numberStyle);
  analysis = { collected, schema, printedText, dates, numberStyle };
  analysedFiles.set(file, analysis);
  return analysis;
}

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const item of Object.values(value)) deepFreeze(item);
}

/** Validates and, when everything passes, assembles the dataset the briefs receive. */
export function analyseDataset(loaded: LoadedDataset): Analysis {
  const files = loaded.files.map(analyseFile);
  // The checks in their order (issues at one place keep it): schema, cross-record, printed text, numbers, …
  const issues: ValidationIssue[] = [...loaded.issues, ...loaded.files.flatMap((file) => file.issues), ...files.flatMap((file) => file.schema)];
  const collected = mergeCollected(files.map((file) => file.collected));
  crossCheck(collected, issues);
  issues.push(...files.flatMap((file) => file.printedText));
  checkPrintableNumbers(collected, issues);
  issues.push(...files.flatMap((file) => file.dates));
  checkSupersessionChains(collected, issues);
  checkAgainstAsOf(collected, issues);
  checkAttribution(collected, issues);
  issues.push(...files.flatMap((file) => file.numberStyle));

  const [info, ...extraInfo] = collected.info;
  if (collected.info.length === 0 && loaded.issues.length === 0 && collected.unreadableFiles === 0) {
    issues.push({ file: loaded.dir, line: 1, column: 1, path: 'as_of', message: 'is missing: add "as_of: YYYY-MM-DD" to dataset.yaml' });
  }
  for (const extra of extraInfo) {
    if (info) issues.push(issueAt(extra.file, [], `dataset facts (as_of, title_ar, note) must be in one file only (already in ${info.file.file})`));
  }

  const sorted = sortIssues(issues, loaded);
  if (sorted.length > 0 || !info) return { issues: sorted };
  const dataset = {
    ...info.value,
    ...Object.fromEntries(recordKinds.map((kind) => [kind, collected.records[kind].map((located) => located.value)])),
  } as Dataset;
  return { issues: [], dataset };
}

/** Every problem at once, in file order then line order, so editors can work top to bottom. */
export function validateDataset(loaded: LoadedDataset): ValidationIssue[] {
  return analyseDataset(loaded).issues;
}

function sortIssues(issues: ValidationIssue[], loaded: LoadedDataset): ValidationIssue[] {
  const fileOrder = new Map(loaded.files.map((file, index) => [file.file, index]));
  const rank = (issue: ValidationIssue) => fileOrder.get(issue.file) ?? -1;
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => rank(a.issue) - rank(b.issue) || a.issue.line - b.issue.line || a.issue.column - b.issue.column || a.index - b.index)
    .map(({ issue }) => issue);
}

import type { LoadedDataset } from '../load/index.js';
import { recordKinds, type Dataset, type ValidationIssue } from '../model/index.js';
import { collectRecords, issueAt } from './collect.js';
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

/** Validates and, when everything passes, assembles the dataset the briefs receive. */
export function analyseDataset(loaded: LoadedDataset): Analysis {
  const issues: ValidationIssue[] = [...loaded.issues, ...loaded.files.flatMap((file) => file.issues)];
  const collected = collectRecords(loaded, issues);
  crossCheck(collected, issues);
  checkPrintedText(collected, issues);
  checkPrintableNumbers(collected, issues);
  checkPrintableDates(collected, issues);
  checkSupersessionChains(collected, issues);
  checkAgainstAsOf(collected, issues);
  checkAttribution(collected, issues);
  checkNumberStyle(collected, issues);

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

import type { RecordKind, ValidationIssue } from '../model/index.js';
import { answersMetric, endOf, startOf, type DateSpec } from '../model/index.js';
import { issueAt, type Collected, type Located, type RecordOf } from './collect.js';
import type { FieldPath } from './fieldPath.js';

/** Singular nouns for messages ("unknown figure", "is a source, not an actor"). */
const noun: Record<RecordKind, string> = {
  sources: 'source',
  actors: 'actor',
  events: 'event',
  figures: 'figure',
  disputes: 'dispute',
  positions: 'position',
  outlook: 'outlook',
};

interface IdEntry {
  kind: RecordKind;
  located: Located<{ id: string }>;
}

/** The rules no single record can check: they need the whole dataset. */
export function crossCheck(collected: Collected, issues: ValidationIssue[]): void {
  const ids = checkUniqueIds(collected, issues);
  checkReferences(collected, ids, issues);
  checkRanges(collected, issues);
  checkDates(collected, issues);
  checkDisputes(collected, ids, issues);
  checkSupersession(collected, ids, issues);
  checkSourceFiles(collected, issues);
}

function* allRecords(collected: Collected): Generator<IdEntry> {
  for (const kind of Object.keys(collected.records) as RecordKind[]) {
    for (const located of collected.records[kind] as Located<{ id: string }>[]) yield { kind, located };
  }
}

function where(located: Located<unknown>, suffix: FieldPath = []): string {
  const issue = issueAt(located.file, [...located.path, ...suffix], '');
  return `${issue.file}:${issue.line}:${issue.column}`;
}

/** Ids are unique across the whole dataset, so any reference names exactly one record. */
function checkUniqueIds(collected: Collected, issues: ValidationIssue[]): Map<string, IdEntry> {
  const ids = new Map<string, IdEntry>();
  for (const entry of allRecords(collected)) {
    const id = entry.located.value.id;
    const first = ids.get(id);
    if (first) {
      issues.push(issueAt(entry.located.file, [...entry.located.path, 'id'], `duplicate id "${id}" (first used at ${where(first.located, ['id'])})`));
    } else {
      ids.set(id, entry);
    }
  }
  return ids;
}

interface Reference {
  path: FieldPath;
  id: string;
  expects: RecordKind;
}

/** Every field that names another record, with the kind it must name. */
function referencesOf(kind: RecordKind, record: Record<string, unknown>): Reference[] {
  const refs: Reference[] = [];
  const one = (path: FieldPath, id: unknown, expects: RecordKind) => {
    if (typeof id === 'string' && id !== 'unknown') refs.push({ path, id, expects });
  };
  const many = (path: FieldPath, list: unknown, expects: RecordKind) => {
    if (Array.isArray(list)) list.forEach((id, index) => one([...path, index], id, expects));
  };
  const evidence = record['evidence'];
  if (Array.isArray(evidence)) {
    evidence.forEach((citation: { source?: unknown }, index) => one(['evidence', index, 'source'], citation.source, 'sources'));
  }
  switch (kind) {
    case 'actors': {
      const actor = record as RecordOf<'actors'>;
      one(['affiliation'], actor.affiliation, 'actors');
      break;
    }
    case 'sources': {
      const source = record as RecordOf<'sources'>;
      one(['publisher'], source.publisher, 'actors');
      break;
    }
    case 'figures': {
      const figure = record as RecordOf<'figures'>;
      one(['claimant'], figure.claimant, 'actors');
      one(['speaker'], figure.speaker, 'actors');
      many(['via'], figure.via, 'actors');
      many(['scope', 'forces'], figure.scope.forces, 'actors');
      one(['supersedes'], figure.supersedes, 'figures');
      figure.flags?.forEach((flag, index) => many(['flags', index, 'related'], flag.related, 'figures'));
      break;
    }
    case 'events': {
      const event = record as RecordOf<'events'>;
      many(['actors'], event.actors, 'actors');
      one(['reported_by'], event.reported_by, 'actors');
      many(['via'], event.via, 'actors');
      many(['related_figures'], event.related_figures, 'figures');
      break;
    }
    case 'disputes': {
      const dispute = record as RecordOf<'disputes'>;
      many(['figures'], dispute.figures, 'figures');
      break;
    }
    case 'positions': {
      const position = record as RecordOf<'positions'>;
      one(['speaker'], position.speaker, 'actors');
      one(['affiliation'], position.affiliation, 'actors');
      many(['via'], position.via, 'actors');
      break;
    }
    case 'outlook': {
      const outlook = record as RecordOf<'outlook'>;
      many(['holders'], outlook.holders, 'actors');
      many(['related_events'], outlook.related_events, 'events');
      many(['via'], outlook.via, 'actors');
      break;
    }
  }
  return refs;
}

function checkReferences(collected: Collected, ids: Map<string, IdEntry>, issues: ValidationIssue[]): void {
  for (const { kind, located } of allRecords(collected)) {
    for (const ref of referencesOf(kind, located.value as Record<string, unknown>)) {
      const target = ids.get(ref.id);
      const path = [...located.path, ...ref.path];
      if (!target) {
        // A record that failed its schema is reported there; naming it "unknown" here would mislead.
        if (!collected.rejectedIds.has(ref.id)) issues.push(issueAt(located.file, path, `unknown ${noun[ref.expects]} "${ref.id}"`));
      } else if (target.kind !== ref.expects) {
        issues.push(issueAt(located.file, path, `"${ref.id}" is ${article(noun[target.kind])} ${noun[target.kind]}, not ${article(noun[ref.expects])} ${noun[ref.expects]}`));
      }
    }
  }
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}

/** A range is written low to high; a reversed one is almost always a typo. */
function checkRanges(collected: Collected, issues: ValidationIssue[]): void {
  for (const located of collected.records.figures) {
    const value = located.value.value;
    if (typeof value === 'object' && 'min' in value && value.min > value.max) {
      issues.push(issueAt(located.file, [...located.path, 'value', 'min'], `must be ≤ max (${value.min} > ${value.max})`));
    }
  }
}

function isDate(date: unknown): date is DateSpec {
  return typeof date === 'object' && date !== null && 'iso' in date;
}

/** Spans run forwards: a period's start is not after its end, nor an event's end before its start. */
function checkDates(collected: Collected, issues: ValidationIssue[]): void {
  const ordered = (located: Located<unknown>, from: unknown, to: unknown, path: FieldPath, label: string) => {
    if (isDate(from) && isDate(to) && startOf(from) > endOf(to)) {
      issues.push(issueAt(located.file, [...located.path, ...path], `must not be after ${label} (${from.iso} > ${to.iso})`));
    }
  };
  for (const located of collected.records.figures) {
    const period = located.value.period;
    if (period) ordered(located, period.from, period.to, ['period', 'from'], 'period.to');
  }
  for (const located of collected.records.events) {
    ordered(located, located.value.date, located.value.end_date, ['date'], 'end_date');
  }
}

/**
 * A dispute compares like with like (one metric, or a looser count of the same thing: deaths the
 * source does not call civilian, in a dispute about civilian deaths) and needs two different voices.
 */
function checkDisputes(collected: Collected, ids: Map<string, IdEntry>, issues: ValidationIssue[]): void {
  for (const located of collected.records.disputes) {
    const dispute = located.value;
    const claimants = new Set<string>();
    const seen = new Set<string>();
    let unresolved = false;
    dispute.figures.forEach((figureId, index) => {
      const path = [...located.path, 'figures', index];
      if (seen.has(figureId)) issues.push(issueAt(located.file, path, `lists figure "${figureId}" twice`));
      seen.add(figureId);
      const target = ids.get(figureId);
      if (!target || target.kind !== 'figures') {
        unresolved = true; // reported by the reference check; the claimants cannot be known
        return;
      }
      const figure = target.located.value as RecordOf<'figures'>;
      claimants.add(figure.claimant);
      if (!answersMetric(dispute.metric, figure.metric)) {
        issues.push(issueAt(located.file, path, `figure "${figureId}" has metric "${figure.metric}", not "${dispute.metric}"`));
      }
    });
    if (claimants.size === 1 && !unresolved) {
      issues.push(issueAt(located.file, [...located.path, 'figures'], `needs figures from at least two different claimants (all are from "${[...claimants][0]}")`));
    }
  }
}

/** A chain of admissions (800 → 1,061 → 1,257) stays coherent: same metric, older one marked superseded. */
function checkSupersession(collected: Collected, ids: Map<string, IdEntry>, issues: ValidationIssue[]): void {
  const superseded = new Set<string>();
  for (const located of collected.records.figures) {
    const figure = located.value;
    if (figure.supersedes === undefined) continue;
    const path = [...located.path, 'supersedes'];
    if (figure.supersedes === figure.id) {
      issues.push(issueAt(located.file, path, 'a figure cannot supersede itself'));
      continue;
    }
    const target = ids.get(figure.supersedes);
    if (!target || target.kind !== 'figures') continue; // reported by the reference check
    superseded.add(figure.supersedes);
    const older = target.located.value as RecordOf<'figures'>;
    if (older.metric !== figure.metric) {
      issues.push(issueAt(located.file, path, `figure "${older.id}" has metric "${older.metric}", not "${figure.metric}"`));
    }
    if (older.status !== 'superseded') {
      issues.push(issueAt(target.located.file, [...target.located.path, 'status'], `must be "superseded" because figure "${figure.id}" supersedes it`));
    }
  }
  for (const located of collected.records.figures) {
    if (located.value.status === 'superseded' && !superseded.has(located.value.id)) {
      issues.push(issueAt(located.file, [...located.path, 'status'], 'is "superseded" but no figure supersedes it'));
    }
  }
}

/** One source record per article. */
function checkSourceFiles(collected: Collected, issues: ValidationIssue[]): void {
  const byFile = new Map<string, string>();
  for (const located of collected.records.sources) {
    const first = byFile.get(located.value.file);
    if (first !== undefined) {
      issues.push(issueAt(located.file, [...located.path, 'file'], `"${located.value.file}" is already the file of source "${first}"`));
    } else {
      byFile.set(located.value.file, located.value.id);
    }
  }
}

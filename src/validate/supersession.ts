import type { ValidationIssue } from '../model/index.js';
import { endOf, startOf } from '../model/index.js';
import { issueAt, type Collected, type Located, type RecordOf } from './collect.js';

type FigureRecord = Located<RecordOf<'figures'>>;

/**
 * A supersession chain (800 → 1,061 → 1,257) is a line with one end: each figure is replaced by at
 * most one newer figure, the links never loop back, and so exactly one figure of the chain — its
 * newest — is current. (That the replaced figure is marked superseded, and a superseded one is
 * replaced, is checked with the references in crossChecks.ts.) A loop would leave no current figure,
 * and the briefs would silently drop the claim from every page that shows current figures.
 */
export function checkSupersessionChains(collected: Collected, issues: ValidationIssue[]): void {
  const figures = collected.records.figures;
  const byId = new Map(figures.map((located) => [located.value.id, located]));
  checkOneSuccessor(figures, issues);
  const loopClosers = checkNoLoops(figures, byId, issues);
  checkNewerThanReplaced(figures.filter((located) => !loopClosers.has(located.value.id)), byId, issues);
}

function checkOneSuccessor(figures: readonly FigureRecord[], issues: ValidationIssue[]): void {
  const successor = new Map<string, FigureRecord>();
  for (const located of figures) {
    const older = located.value.supersedes;
    if (older === undefined || older === located.value.id) continue;
    const first = successor.get(older);
    if (first === undefined) successor.set(older, located);
    else {
      issues.push(
        issueAt(located.file, [...located.path, 'supersedes'], `figure "${older}" is already superseded by "${first.value.id}"; a chain has one current figure, so supersede "${first.value.id}" instead`),
      );
    }
  }
}

function pointsForward(located: FigureRecord, byId: Map<string, FigureRecord>): boolean {
  const older = byId.get(located.value.supersedes ?? '');
  const [newDate, oldDate] = [located.value.as_of, older?.value.as_of];
  return newDate !== 'unknown' && oldDate !== undefined && oldDate !== 'unknown' && endOf(newDate) < startOf(oldDate);
}

/** A figure replaces an older one: it cannot describe an earlier date than the figure it supersedes. */
function checkNewerThanReplaced(figures: readonly FigureRecord[], byId: Map<string, FigureRecord>, issues: ValidationIssue[]): void {
  for (const located of figures) {
    if (!pointsForward(located, byId)) continue;
    const older = byId.get(located.value.supersedes!)!;
    const [newDate, oldDate] = [located.value.as_of, older.value.as_of] as [{ iso: string }, { iso: string }];
    issues.push(
      issueAt(located.file, [...located.path, 'supersedes'], `supersedes the later figure "${older.value.id}" (${oldDate.iso} is after ${newDate.iso}); the newer figure supersedes the older one`),
    );
  }
}

/** Follows each figure's supersedes links; a link that comes back to a figure already seen closes a loop. Returns the figures whose link was reported. */
function checkNoLoops(figures: readonly FigureRecord[], byId: Map<string, FigureRecord>, issues: ValidationIssue[]): Set<string> {
  const reported = new Set<string>();
  const closers = new Set<string>();
  for (const start of figures) {
    const seen: string[] = [];
    for (let current: FigureRecord | undefined = start; current !== undefined; current = byId.get(current.value.supersedes ?? '')) {
      const at = seen.indexOf(current.value.id);
      if (at >= 0) {
        const loop = seen.slice(at);
        if (!loop.some((id) => reported.has(id))) {
          loop.forEach((id) => reported.add(id));
          // Reported once: at a link that points forward in time if there is one (the likely slip),
          // else at the link written last in the data.
          const members = loop.map((id) => byId.get(id)!).sort((a, b) => figures.indexOf(b) - figures.indexOf(a));
          const closing = members.find((member) => pointsForward(member, byId)) ?? members[0]!;
          closers.add(closing.value.id);
          issues.push(
            issueAt(closing.file, [...closing.path, 'supersedes'], `closes a supersession loop (${[...loop, loop[0]].join(' supersedes ')}): no figure of the chain is left current; the newest figure must not be superseded`),
          );
        }
        break;
      }
      if (current.value.supersedes === current.value.id) break; // reported by crossChecks
      seen.push(current.value.id);
    }
  }
  return closers;
}

import type { DateSpec, MaybeDate, ValidationIssue } from '../model/index.js';
import { endOf, startOf } from '../model/index.js';
import { issueAt, type Collected, type Located } from './collect.js';
import type { FieldPath } from './fieldPath.js';

/**
 * The dataset's `as_of` is the day the data is current to, so nothing the data says has already
 * happened can be later: an event that `occurred` (or was `announced`), a figure's date, a
 * statement's date, an article's publication. Only what is planned or expected (an event's status,
 * an outlook's target) may lie after it. A date counts as after `as_of` when even its earliest day
 * is ("2024-02" is after 2024-01-31; "2024" is not).
 *
 * The issue is reported at the record's date — the line an editor looks at — and names `as_of`'s
 * line, since either may be the one that is wrong.
 */
export function checkAgainstAsOf(collected: Collected, issues: ValidationIssue[]): void {
  const [info] = collected.info;
  if (info === undefined) return;
  const asOf = info.value.as_of;
  if (info.value.as_of_inferred && info.value.as_of_reasoning === undefined) {
    issues.push(issueAt(info.file, ['as_of_inferred'], 'is true, so as_of_reasoning must say why as_of is what it is'));
  }
  if (info.value.as_of_not_before) {
    if (info.value.as_of_reasoning === undefined) {
      issues.push(issueAt(info.file, ['as_of_not_before'], 'is true, so as_of_reasoning must say why the data is no earlier than that month'));
    }
    // Printed as a month («لا يسبق أكتوبر 2023»), so as_of must be that month's last day: the earliest
    // day the data can be current to, and the one the document is dated with.
    const month = asOf.slice(0, 7);
    if (endOf({ iso: month, precision: 'month', inferred: false, not_before: false }) !== asOf) {
      issues.push(issueAt(info.file, ['as_of'], `is ${asOf}, but as_of_not_before prints it as the month ${month}: as_of must be that month's last day`));
    }
  }
  const asOfAt = issueAt(info.file, ['as_of'], '');
  const asOfWhere = `${asOfAt.file}:${asOfAt.line}:${asOfAt.column}`;

  const check = (located: Located<unknown>, path: FieldPath, date: MaybeDate | undefined, what: string, remedy: string) => {
    if (date === undefined || date === 'unknown' || startOf(date) <= asOf) return;
    issues.push(
      issueAt(located.file, [...located.path, ...path, 'iso'], `${what} ${describe(date)}, after the dataset's as_of (${asOf}, ${asOfWhere}); ${remedy}`),
    );
  };
  const moveAsOf = 'correct the date or move as_of';

  for (const located of collected.records.events) {
    const { status, date } = located.value;
    if (status === 'occurred') check(located, ['date'], date, 'is an event that occurred on', `mark it "planned" or "expected" if it has not happened yet, or ${moveAsOf}`);
    else if (status === 'announced') check(located, ['date'], date, 'is an announcement made on', moveAsOf);
  }
  for (const located of collected.records.figures) check(located, ['as_of'], located.value.as_of, 'dates the figure', moveAsOf);
  for (const located of collected.records.positions) check(located, ['date'], located.value.date, 'dates the statement', moveAsOf);
  for (const located of collected.records.outlook) check(located, ['stated_on'], located.value.stated_on, 'says it was stated on', moveAsOf);
  for (const located of collected.records.sources) check(located, ['published'], located.value.published, 'says the article was published on', moveAsOf);
}

function describe(date: DateSpec): string {
  return date.inferred ? `${date.iso} (inferred)` : date.iso;
}

/**
 * Shared pieces of the brief views: how a record's date, claimant, value and evidence become the
 * plain values a template prints. Selection and grouping live in the per-brief modules.
 */
import type { Attribution, Dataset, DateSpec, Figure, MaybeDate } from '../model/index.js';
import { startOf } from '../model/index.js';
import { formatArabicDate } from '../arabic/index.js';
import type { Citations } from './citations.js';
import { countryNames, methodNames, metricCaveats, unitAfterWords, unitWord } from './vocabulary.js';

/**
 * A date as templates print it (partials/date.hbs): `{{arDate iso precision}}`, «لا يسبق …» before it
 * when the sources give only a lower bound, «مستنتَج» after it when inferred; "غير معروف" when `known`
 * is false.
 */
export type DateView =
  | { known: true; iso: string; precision: DateSpec['precision']; inferred: boolean; notBefore: boolean }
  | { known: false };

/**
 * The day the data is current to, as briefs print it ("البيانات حتى …"), marked when inferred. When
 * the latest source allows only "that month or later", it is that month, printed as a lower bound.
 */
/** The dataset's as-of fields. */
export type AsOfFields = Pick<Dataset, 'as_of' | 'as_of_inferred' | 'as_of_not_before'>;

export function dataAsOfView(dataset: AsOfFields): DateView {
  if (dataset.as_of_not_before) {
    return { known: true, iso: dataset.as_of.slice(0, 7), precision: 'month', inferred: dataset.as_of_inferred, notBefore: true };
  }
  return { known: true, iso: dataset.as_of, precision: 'day', inferred: dataset.as_of_inferred, notBefore: false };
}

/**
 * The as-of date as furniture and the site print it, in plain text: «31 أكتوبر/تشرين الأول 2023» or
 * «تاريخ لا يسبق أكتوبر/تشرين الأول 2023 (مستنتَج)»; `dataAsOfPhrase` puts «البيانات حتى» before it.
 * partials/as-of.hbs is the templates' twin (tests/pipeline/asOfFooter.test.ts holds them to the same words).
 */
export function dataAsOfText(dataset: AsOfFields): string {
  const view = dataAsOfView(dataset);
  if (!view.known) return '';
  return `${view.notBefore ? 'تاريخ لا يسبق ' : ''}${formatArabicDate(view.iso, view.precision)}${view.inferred ? ' (مستنتَج)' : ''}`;
}

export function dataAsOfPhrase(dataset: AsOfFields): string {
  return `البيانات حتى ${dataAsOfText(dataset)}`;
}

export function dateView(date: MaybeDate | undefined): DateView {
  if (date === undefined || date === 'unknown') return { known: false };
  return { known: true, iso: date.iso, precision: date.precision, inferred: date.inferred, notBefore: date.not_before };
}

/**
 * How a claim is tied to whoever it is printed under: an inferred claimant is marked «مستنتَج» (as an
 * inferred date is); an unattributed claim is the article's own narration, printed as such and never
 * as "بحسب" a party.
 */
export interface AttributionView {
  inferred: boolean;
  unattributed: boolean;
}

export function attributionView(attribution: Attribution): AttributionView {
  return { inferred: attribution === 'inferred', unattributed: attribution === 'unattributed' };
}

/**
 * Sort key for listing things with maybe-unknown dates in date order: unknown dates sort last. It is
 * an ordering for tables, not a date: never use it to decide which figure is "latest" (an unknown
 * date would win); see atAGlance.ts.
 */
export function sortKey(date: MaybeDate | undefined): string {
  return date === undefined || date === 'unknown' ? '9999' : startOf(date);
}

/**
 * The value of a figure in the shape the `figure-value` partial prints:
 * a count with its qualifier, a range, an order of magnitude in the source's words, or unknown.
 */
export type ValueView =
  | { count: true; qualifier: string | null; value: number; unit: string }
  | { range: true; min: number; max: number; unit: string }
  | { words: true; text: string; unit: string }
  | { unknown: true };

export function valueView(figure: Figure): ValueView {
  const { value } = figure;
  if (value === 'unknown') return { unknown: true };
  if (typeof value === 'number') return { count: true, qualifier: figure.qualifier ?? null, value, unit: unitWord(figure.unit, value) };
  if ('magnitude' in value) {
    // "عشرات الآلاف": only the source's words, never an invented number.
    return { words: true, text: figure.qualifier ?? 'غير معروف', unit: unitAfterWords(figure.unit) };
  }
  return { range: true, min: value.min, max: value.max, unit: unitWord(figure.unit, value.max) };
}

/** One bar of a chart: dated, named and attributed, with a value (and the source's qualifier, if any) or a range. */
export type ChartBar = { date: DateView; what: string; claimant: string; attribution: AttributionView } & (
  | { ranged: false; value: number; qualifier: string | null }
  | { ranged: true; min: number; max: number }
);

/**
 * A bar for a figure with numbers; none for a figure known only in words ("عشرات الآلاف") or unknown,
 * which the tables beside the chart still show.
 */
export function chartBar(dataset: Dataset, figure: Figure, what: string): ChartBar[] {
  const { value } = figure;
  const base = { date: dateView(figure.as_of), what, claimant: actorName(dataset, figure.claimant), attribution: attributionView(figure.attribution) };
  if (typeof value === 'number') return [{ ...base, ranged: false, value, qualifier: figure.qualifier ?? null }];
  if (value !== 'unknown' && 'min' in value) return [{ ...base, ranged: true, min: value.min, max: value.max }];
  return [];
}

export function actorName(dataset: Dataset, id: string): string {
  return dataset.actors.find((actor) => actor.id === id)?.name_ar ?? id;
}

/** What a figure covers, in words: the place if named, else the countries. */
export function scopeText(figure: Figure): string {
  if (figure.scope.place_ar !== undefined) return figure.scope.place_ar;
  if (figure.scope.countries === 'unknown') return 'غير معروف';
  return figure.scope.countries.map((country) => countryNames[country]).join(' و');
}

export interface FigureView {
  id: string;
  label: string;
  /** What the label alone would not say about what is counted ("لا يصف المصدر القتلى بأنهم مدنيون"). */
  caveat: string | null;
  value: ValueView;
  claimant: string;
  attribution: AttributionView;
  speaker: string | null;
  scope: string;
  period: string | null;
  asOf: DateView;
  method: string;
  superseded: boolean;
  note: string | null;
  flags: string[];
  cites: number[];
}

export function figureView(dataset: Dataset, citations: Citations, figure: Figure): FigureView {
  return {
    id: figure.id,
    label: figure.description_ar,
    caveat: metricCaveats[figure.metric] ?? null,
    value: valueView(figure),
    claimant: actorName(dataset, figure.claimant),
    attribution: attributionView(figure.attribution),
    speaker: figure.speaker === undefined ? null : actorName(dataset, figure.speaker),
    scope: scopeText(figure),
    period: figure.period?.as_said ?? null,
    asOf: dateView(figure.as_of),
    method: methodNames[figure.method],
    superseded: figure.status === 'superseded',
    note: figure.note_ar ?? null,
    flags: (figure.flags ?? []).map((flag) => flag.note_ar),
    cites: citations.of(figure.evidence),
  };
}

/**
 * The rows of one table of figures. A flag is one statement about several figures (its own and its
 * `related`): when several rows of the table carry it — restated on each part, or a narrower version
 * of it on one part — the table prints it once, under the figure whose flag covers the most figures
 * (the first one, between equals). Identical notes print once too. `noted` carries what the brief
 * has already printed above this table (a dispute card repeats rows shown earlier): those notes are
 * not printed again, and this table's are added to it.
 */
export function figureRows(dataset: Dataset, citations: Citations, figures: readonly Figure[], noted: Set<string> = new Set()): FigureView[] {
  const flagged = figures.flatMap((figure) =>
    (figure.flags ?? []).map((flag) => ({ owner: figure.id, kind: flag.kind, text: flag.note_ar, covers: new Set([figure.id, ...(flag.related ?? [])]) })),
  );
  const within = (a: Set<string>, b: Set<string>) => [...a].every((id) => b.has(id));
  const kept = flagged.filter((flag, index) =>
    !noted.has(flag.text) &&
    !flagged.some((other, otherIndex) => {
      if (other === flag) return false;
      if (other.text === flag.text) return otherIndex < index;
      if (other.kind !== flag.kind || !within(flag.covers, other.covers)) return false;
      return other.covers.size > flag.covers.size || otherIndex < index;
    }),
  );
  for (const flag of kept) noted.add(flag.text);
  return figures.map((figure) => ({
    ...figureView(dataset, citations, figure),
    flags: kept.filter((flag) => flag.owner === figure.id).map((flag) => flag.text),
  }));
}

/** Figures of the given metrics in date order (unknown dates last), ties kept in data order. */
export function figuresOf(dataset: Dataset, metrics: readonly Figure['metric'][]): Figure[] {
  return dataset.figures
    .filter((figure) => metrics.includes(figure.metric))
    .map((figure, index) => ({ figure, index }))
    .sort((a, b) => sortKey(a.figure.as_of).localeCompare(sortKey(b.figure.as_of)) || a.index - b.index)
    .map(({ figure }) => figure);
}

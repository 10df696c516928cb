/** Where a dated event becomes a timeline row. */
import type { Dataset, Event } from '../model/index.js';
import { endOf, startOf } from '../model/index.js';
import { actorName, attributionView, dateView, type AttributionView, type DateView } from './common.js';
import { Citations } from './citations.js';
import { eventStatusNames } from './vocabulary.js';

export interface EventView {
  id: string;
  date: DateView;
  /** Empty for what happened; "أُعلن"، "مُخطَّط"، "متوقَّع" for what was only announced or expected. */
  status: string | null;
  place: string | null;
  description: string;
  /** Who reports it, when the article attributes it, and how (printed «بحسب …» or as the article's own account). */
  reportedBy: { name: string; attribution: AttributionView } | null;
  cites: number[];
}

export function eventView(dataset: Dataset, citations: Citations, event: Event): EventView {
  return {
    id: event.id,
    date: dateView(event.date),
    status: event.status === 'occurred' ? null : eventStatusNames[event.status],
    place: event.place_ar ?? null,
    description: event.description_ar,
    reportedBy:
      event.reported_by === undefined
        ? null
        : { name: actorName(dataset, event.reported_by), attribution: attributionView(event.attribution ?? 'named') }, // validation requires attribution with reported_by
    cites: citations.of(event.evidence),
  };
}

/**
 * Chronological order. A year-only date sorts after the dated events of that year ("2014" after
 * "5 سبتمبر 2014"): the reader sees precise dates first, then what the sources date only by year.
 */
export function chronologicalKey(event: Event): string {
  if (event.date === 'unknown') return '9999';
  return event.date.precision === 'year' ? `${endOf(event.date)}~` : startOf(event.date);
}

export function inChronologicalOrder(events: readonly Event[]): Event[] {
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => chronologicalKey(a.event).localeCompare(chronologicalKey(b.event)) || a.index - b.index)
    .map(({ event }) => event);
}

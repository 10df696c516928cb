/** The history brief: every dated event, in eras, with the member-state dispute alongside. */
import type { Dataset, Event } from '../model/index.js';
import { dataAsOfView, type DateView } from './common.js';
import { Citations, type SourceView } from './citations.js';
import { disputesOf, type DisputeView } from './disputes.js';
import { eventView, inChronologicalOrder, type EventView } from './events.js';

export interface HistoryView {
  /** The day the data is current to (marked when inferred). */
  dataAsOf: DateView;
  eras: { title: string; events: EventView[] }[];
  undated: EventView[];
  membership: DisputeView[];
  sources: SourceView[];
}

const eras = [
  { title: 'من الانسحاب الأميركي إلى جذور داعش (حتى 2011)', until: 2011 },
  { title: 'صعود داعش (2012–2014)', until: 2014 },
  { title: 'تأسيس التحالف والحملة الجوية (2014–2015)', until: 2015 },
  { title: 'الموصل والرقة (2016–2017)', until: 2017 },
  { title: 'بعد إعلان النصر (2018 وما بعدها)', until: Number.POSITIVE_INFINITY },
] as const;

/** The coalition was founded on 5 September 2014: what came before it in 2014 belongs to the rise of ISIS. */
const coalitionFounded = '2014-09-05';

function eraIndex(event: Event): number {
  if (event.date === 'unknown') return -1;
  const year = Number(event.date.iso.slice(0, 4));
  if (year === 2014) {
    const beforeFounding = event.date.precision === 'year' ? event.topics.every((topic) => topic === 'isis') : event.date.iso < coalitionFounded;
    return beforeFounding ? 1 : 2;
  }
  return eras.findIndex((era) => year <= era.until);
}

export function deriveHistory(dataset: Dataset): HistoryView {
  const citations = new Citations(dataset);
  const ordered = inChronologicalOrder(dataset.events);
  return {
    dataAsOf: dataAsOfView(dataset),
    eras: eras
      .map((era, index) => ({
        title: era.title,
        events: ordered.filter((event) => eraIndex(event) === index).map((event) => eventView(dataset, citations, event)),
      }))
      .filter((era) => era.events.length > 0),
    undated: ordered.filter((event) => event.date === 'unknown').map((event) => eventView(dataset, citations, event)),
    membership: disputesOf(dataset, citations, ['member_states']),
    sources: citations.list(),
  };
}

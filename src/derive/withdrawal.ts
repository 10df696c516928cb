/**
 * The withdrawal brief: milestones (what happened kept apart from what was announced or planned),
 * the outlook as the sources state it, and who says what about staying or leaving.
 */
import type { Dataset, Outlook, Position, Stance } from '../model/index.js';
import { actorName, attributionView, dateView, sortKey, type AttributionView, type DateView, dataAsOfView } from './common.js';
import { Citations, type SourceView } from './citations.js';
import { eventView, inChronologicalOrder, type EventView } from './events.js';
import { outlookKindNames, stanceNames } from './vocabulary.js';

export interface OutlookView {
  kind: string;
  description: string;
  holders: string;
  attribution: AttributionView;
  statedOn: DateView;
  target: DateView;
  horizon: string | null;
  cites: number[];
}

export interface PositionView {
  speaker: string;
  attribution: AttributionView;
  role: string;
  date: DateView;
  stance: string;
  summary: string;
  quote: string;
  cites: number[];
}

export interface WithdrawalView {
  /** The day the data is current to (marked when inferred). */
  dataAsOf: DateView;
  milestones: EventView[];
  outlook: OutlookView[];
  /** Views on the coalition's future, grouped: stay, stay in another form, leave. */
  stanceGroups: { title: string; positions: PositionView[] }[];
  /** Views on the coalition's past role. */
  roleViews: PositionView[];
  sources: SourceView[];
}

const stanceGroups: { title: string; stances: Stance[] }[] = [
  { title: 'البقاء', stances: ['supports_presence', 'expects_presence'] },
  { title: 'البقاء بصيغة جديدة', stances: ['supports_transformation'] },
  { title: 'الرحيل', stances: ['demands_withdrawal', 'expects_withdrawal'] },
  // A view on the future phrased as praise or criticism still belongs in this section.
  { title: 'مواقف أخرى', stances: ['praises_role', 'criticises_role', 'mixed_on_role'] },
];

function outlookView(dataset: Dataset, citations: Citations, outlook: Outlook): OutlookView {
  return {
    kind: outlookKindNames[outlook.kind],
    description: outlook.description_ar,
    holders: outlook.holders.map((id) => actorName(dataset, id)).join('، '),
    attribution: attributionView(outlook.attribution),
    statedOn: dateView(outlook.stated_on),
    target: dateView(outlook.target),
    horizon: outlook.horizon_ar ?? null,
    cites: citations.of(outlook.evidence),
  };
}

function positionView(dataset: Dataset, citations: Citations, position: Position): PositionView {
  return {
    speaker: actorName(dataset, position.speaker),
    attribution: attributionView(position.attribution),
    role: position.role_ar,
    date: dateView(position.date),
    stance: stanceNames[position.stance],
    summary: position.summary_ar,
    // The first piece of evidence is the view in the speaker's own words.
    quote: position.evidence[0]!.quote,
    cites: citations.of(position.evidence),
  };
}

export function deriveWithdrawal(dataset: Dataset): WithdrawalView {
  const citations = new Citations(dataset);
  const byDate = <T extends { date: Position['date'] }>(items: T[]) => [...items].sort((a, b) => sortKey(a.date).localeCompare(sortKey(b.date)));
  const future = byDate(dataset.positions.filter((position) => position.topic === 'future'));
  return {
    dataAsOf: dataAsOfView(dataset),
    milestones: inChronologicalOrder(dataset.events.filter((event) => event.topics.includes('withdrawal'))).map((event) =>
      eventView(dataset, citations, event),
    ),
    outlook: [...dataset.outlook]
      .sort((a, b) => sortKey(a.target).localeCompare(sortKey(b.target)))
      .map((outlook) => outlookView(dataset, citations, outlook)),
    stanceGroups: stanceGroups
      .map((group) => ({
        title: group.title,
        positions: future.filter((position) => group.stances.includes(position.stance)).map((position) => positionView(dataset, citations, position)),
      }))
      .filter((group) => group.positions.length > 0),
    roleViews: byDate(dataset.positions.filter((position) => position.topic === 'role')).map((position) =>
      positionView(dataset, citations, position),
    ),
    sources: citations.list(),
  };
}

import { z } from 'zod';
import { ActorRef, Attribution, Evidence, FigureRef, Id, Text } from './common.js';
import { DateSpec, MaybeDate } from './dates.js';

/** Timelines separate what happened from what was announced, planned or expected. */
export const EventStatus = z.enum(['occurred', 'announced', 'planned', 'expected'], {
  error: 'must be one of: occurred, announced, planned, expected',
});
export type EventStatus = z.infer<typeof EventStatus>;

/** Topics the briefs use to pick events for their timelines. */
export const EventTopic = z.enum(
  ['coalition', 'air_campaign', 'ground_campaign', 'casualties', 'troops', 'withdrawal', 'training', 'diplomacy', 'isis', 'us_iraq_2003_2011', 'context'],
  { error: 'must be a topic listed in data/README.md' },
);
export type EventTopic = z.infer<typeof EventTopic>;

export const Event = z.strictObject({
  id: Id,
  date: MaybeDate,
  /** For happenings that span time (a battle, a campaign year). */
  end_date: DateSpec.optional(),
  status: EventStatus,
  /** Where, in Arabic as the source names it. */
  place_ar: Text.optional(),
  actors: z.array(ActorRef).default([]),
  description_ar: Text,
  topics: z.array(EventTopic).min(1, { error: 'must list at least one topic' }),
  /** Who reports the happening when the article attributes it (e.g. Iraqi intelligence). */
  reported_by: ActorRef.optional(),
  /**
   * How `reported_by` is tied to the quoted sentences, judged as for figures (named, described,
   * inferred, or unattributed when the reporter is the article itself). Required with `reported_by`;
   * an event without one is the article's own account of what happened.
   */
  attribution: Attribution.optional(),
  /** Outlets that relayed the report (e.g. Reuters and CNN, relayed by Alhurra). */
  via: z.array(ActorRef).optional(),
  related_figures: z.array(FigureRef).optional(),
  note_ar: Text.optional(),
  evidence: Evidence,
});
export type Event = z.infer<typeof Event>;

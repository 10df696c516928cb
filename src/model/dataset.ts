import { z } from 'zod';
import { Text } from './common.js';
import { IsoDay } from './dates.js';
import { Actor } from './actor.js';
import { Source } from './source.js';
import { Event } from './event.js';
import { Figure } from './figure.js';
import { Dispute } from './dispute.js';
import { Position } from './position.js';
import { Outlook } from './outlook.js';

/** Facts about the dataset as a whole (data/dataset.yaml). */
export const DatasetInfo = z.strictObject({
  /**
   * The day the data is current to: briefs print it as "البيانات حتى …" and use it as the document
   * date (never the wall clock), so builds are reproducible.
   */
  as_of: IsoDay,
  /**
   * True when the day is worked out rather than given by a source (e.g. "the latest article is from
   * October 2023 or later"): the briefs then print it marked «مستنتَج», as they mark inferred dates.
   */
  as_of_inferred: z.boolean({ error: 'must be true or false' }).default(false),
  /**
   * True when the latest source supports only "in the month of as_of or later" (as_of is then that
   * month's last day, the earliest it can be): the briefs print «البيانات حتى تاريخ لا يسبق
   * أكتوبر/تشرين الأول 2023», since «حتى 31 أكتوبر» would turn a lower bound into an end date.
   */
  as_of_not_before: z.boolean({ error: 'must be true or false' }).default(false),
  /** Why the as_of is what it is; required when it is inferred (checked in src/validate/asOf.ts). */
  as_of_reasoning: Text.optional(),
  title_ar: Text.optional(),
  note: Text.optional(),
});
export type DatasetInfo = z.infer<typeof DatasetInfo>;

/**
 * The record lists a data file may hold, keyed by the top-level YAML key. Any file may hold any of
 * them (editors split by kind or by topic); the loader concatenates them in file-name order.
 */
export const recordSchemas = {
  sources: Source,
  actors: Actor,
  events: Event,
  figures: Figure,
  disputes: Dispute,
  positions: Position,
  outlook: Outlook,
} as const;
export type RecordKind = keyof typeof recordSchemas;
export const recordKinds = Object.keys(recordSchemas) as RecordKind[];

/** The whole validated dataset, as the briefs receive it. */
export const Dataset = DatasetInfo.extend({
  sources: z.array(Source),
  actors: z.array(Actor),
  events: z.array(Event),
  figures: z.array(Figure),
  disputes: z.array(Dispute),
  positions: z.array(Position),
  outlook: z.array(Outlook),
});
export type Dataset = z.infer<typeof Dataset>;

import { z } from 'zod';
import { ActorRef, Attribution, EventRef, Evidence, Id, Text } from './common.js';
import { MaybeDate } from './dates.js';

/** Withdrawal milestones and expectations, kept apart by how firm they are. */
export const OutlookKind = z.enum(['announced', 'promised', 'planned', 'expected', 'demanded'], {
  error: 'must be one of: announced, promised, planned, expected, demanded',
});
export type OutlookKind = z.infer<typeof OutlookKind>;

export const Outlook = z.strictObject({
  id: Id,
  kind: OutlookKind,
  description_ar: Text,
  /** Who announces, expects or demands it (actor ids). */
  holders: z.array(ActorRef).min(1, { error: 'must name at least one holder' }),
  /** When they said it. */
  stated_on: MaybeDate,
  /** When it is meant to happen, or unknown. */
  target: MaybeDate,
  /** The source's own words for the horizon ("خلال جدول زمني لا يتجاوز الـ3 سنوات"). */
  horizon_ar: Text.optional(),
  related_events: z.array(EventRef).optional(),
  /** Outlets that relayed the expectation or announcement. */
  via: z.array(ActorRef).optional(),
  /**
   * How the quote's sentence ties the expectation to its holders (see `Attribution` in common.ts):
   * named, described (a holder is an anonymous_person), inferred (printed «مستنتَج») or
   * unattributed (the article voices it without naming anyone; holders = [the source's publisher]).
   *
   * Required: coherence with the claimant is checked in src/validate/attribution.ts.
   */
  attribution: Attribution,
  evidence: Evidence,
});
export type Outlook = z.infer<typeof Outlook>;

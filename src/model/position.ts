import { z } from 'zod';
import { ActorRef, Attribution, Evidence, Id, Text } from './common.js';
import { MaybeDate } from './dates.js';

/** What a view is about: the coalition's future (stay / leave / change) or its past role. */
export const PositionTopic = z.enum(['future', 'role'], { error: 'must be one of: future, role' });

export const Stance = z.enum(
  [
    'supports_presence', // wants the coalition to stay
    'expects_presence', // predicts it will stay, whatever they wish
    'supports_transformation', // stay in a new form: advice, training, bilateral ties, no combat troops
    'demands_withdrawal',
    'expects_withdrawal',
    'praises_role',
    'criticises_role',
    'mixed_on_role',
  ],
  { error: 'must be a stance listed in data/README.md' },
);
export type Stance = z.infer<typeof Stance>;

export const Position = z.strictObject({
  id: Id,
  speaker: ActorRef,
  /** The speaker's role as this source gives it (roles differ between articles). */
  role_ar: Text,
  affiliation: ActorRef.optional(),
  date: MaybeDate,
  topic: PositionTopic,
  stance: Stance,
  /** A one-line neutral Arabic summary of the view. */
  summary_ar: Text,
  /** Outlets that relayed the statement ("في تصريحات نقلتها وسائل إعلام كردية"). */
  via: z.array(ActorRef).optional(),
  /**
   * How the quote's sentence ties the view to its speaker (see `Attribution` in common.ts): named,
   * described (speaker is an anonymous_person), inferred (printed «مستنتَج») or unattributed (the
   * article voices it without naming anyone; speaker = the source's publisher).
   * Required: coherence with the claimant is checked in src/validate/attribution.ts.
   */
  attribution: Attribution,
  evidence: Evidence,
});
export type Position = z.infer<typeof Position>;

import { z } from 'zod';
import { ActorRef, Id, Text } from './common.js';

/**
 * The registry of who appears in the data: claimants of figures, speakers of positions, actors of
 * events, publishers of sources. Keeping them in one list makes names consistent across briefs
 * and lets the validator check that every reference resolves.
 */
export const ActorKind = z.enum(
  [
    'person',
    'anonymous_person', // "مسؤول عسكري عراقي رفيع" — a source that is described but not named
    'government_body', // ministries, commands, parliament committees
    'military_force', // armies, police, Peshmerga, CTS…
    'armed_group', // ISIS, factions
    'coalition', // the international coalition and its commands
    'state', // a country acting as such
    'monitor', // human-rights observatories and other counters
    'media', // publishers and relaying outlets
    'political_group', // parliamentary blocs, "forces close to Iran"
    'organisation', // NATO, EU, Arab League…
  ],
  { error: 'must be an actor kind listed in data/README.md' },
);
export type ActorKind = z.infer<typeof ActorKind>;

export const Actor = z.strictObject({
  id: Id,
  kind: ActorKind,
  /** The Arabic display name the briefs print. */
  name_ar: Text,
  /** An English label for programmers and logs; never printed in the briefs. */
  label: Text.optional(),
  /** The body this actor belongs to (a spokesperson's ministry, a command's country). */
  affiliation: ActorRef.optional(),
  /** A short Arabic description, e.g. the role as the sources give it. */
  description_ar: Text.optional(),
});
export type Actor = z.infer<typeof Actor>;

import { z } from 'zod';
import { ActorRef, Attribution, Evidence, FigureRef, Id, Text, Unknown } from './common.js';
import { MaybeDate, Period } from './dates.js';

/**
 * One claimed number. A disputed number is never reduced to one value: each claim is its own
 * figure, tied to who claims it, what it covers, when, how it was obtained and where it is cited.
 * Briefs select figures by `metric`.
 */
export const Metric = z.enum(
  [
    // forces
    'troops_deployed', // troops present at a date (US or coalition: see scope.forces)
    'troops_authorised', // the authorised ceiling
    'troops_additional', // an announced reinforcement
    'troops_withdrawing', // troops announced to leave
    'troops_planned', // a planned force (e.g. a transitional force)
    'troops_served_cumulative', // everyone who served over a period
    // air campaign
    'airstrikes',
    'targets_destroyed',
    // casualties
    'civilian_deaths', // people the source says were civilians
    'deaths_unspecified', // people killed where the source does not say who they were (civilians, fighters or both)
    'isis_fighters_killed',
    // coalition membership
    'member_states',
    'states_providing_training',
    'foreign_fighter_origin_states',
    // training
    'trained_personnel',
    'trained_units',
    // money and equipment
    'aid_value',
    'equipment_delivered',
    'military_spending',
    'daily_cost',
    'budget_increase',
    'budget_request',
    'munitions_requested',
    'cost_per_aircraft',
    // bases and ground
    'bases_handed_over',
    'bases_closed',
    'territory_recaptured',
    'people_liberated',
    'area_liberated',
    'distance',
    // timeline
    'duration',
  ],
  { error: 'must be a metric listed in data/README.md' },
);
export type Metric = z.infer<typeof Metric>;

/**
 * Metrics a dispute about another metric may group, because they answer the same question more
 * loosely: a count of deaths that does not say the dead were civilians is set against the civilian
 * counts it is usually read beside, and printed as what it is.
 */
export const comparableMetrics: Readonly<Partial<Record<Metric, readonly Metric[]>>> = {
  civilian_deaths: ['deaths_unspecified'],
};

/** True when a figure of `metric` may stand in a dispute (or a chart) about `question`. */
export function answersMetric(question: Metric, metric: Metric): boolean {
  return metric === question || (comparableMetrics[question]?.includes(metric) ?? false);
}

export const Unit = z.enum(
  [
    'personnel',
    'states',
    'states_and_organisations',
    'members',
    'airstrikes',
    'sorties',
    'targets',
    'people',
    'brigades',
    'vehicles',
    'bombs',
    'bases',
    'usd',
    'usd_per_day',
    'usd_per_aircraft',
    'percent',
    'square_miles',
    'km',
    'days',
    'months',
    'years',
  ],
  { error: 'must be a unit listed in data/README.md' },
);
export type Unit = z.infer<typeof Unit>;

/** A count, amount or share: finite and never negative. */
export const Amount = z
  .number({ error: 'must be a number' })
  .refine(Number.isFinite, { error: 'must be a finite number' })
  .refine((n) => n >= 0, { error: (issue) => `must be ≥ 0 (got ${String(issue.input)})` });

/** "بين 35 و50 ألفاً": both ends as the source gives them. min ≤ max is a cross-record rule. */
export const Range = z.strictObject({ min: Amount, max: Amount });
export type Range = z.infer<typeof Range>;

/**
 * Only an order of magnitude ("آلاف" → 1000, "عشرات الآلاف" → 10000, "ملايين" → 1000000).
 * The briefs print the qualifier, never an invented number.
 */
export const Magnitude = z.strictObject({
  magnitude: z
    .number({ error: 'must be a power of ten' })
    .refine((n) => Number.isInteger(Math.log10(n)) && n >= 10, { error: 'must be a power of ten (10, 100, 1000…)' }),
});
export type Magnitude = z.infer<typeof Magnitude>;

export const FigureValue = z.union([Amount, Range, Magnitude, Unknown], {
  error: 'must be a number, a range {min, max}, a magnitude {magnitude: 1000} or unknown',
});
export type FigureValue = z.infer<typeof FigureValue>;

/** How the qualifier bounds the number, for sorting and charts; the Arabic words stay in `qualifier`. */
export const Bound = z.enum(['exact', 'approximate', 'at_least', 'more_than', 'at_most'], {
  error: 'must be one of: exact, approximate, at_least, more_than, at_most',
});

/** How the number was obtained (fact-sheet conventions). */
export const Method = z.enum(
  [
    'own_assessment', // a belligerent counting its own actions (coalition admissions, strike tallies)
    'official_statement', // a government body or official speaking on the record
    'official_estimate', // officials' estimate ("قدّر المسؤولون")
    'monitor_estimate', // a monitor's recording or estimate
    'anonymous_official', // an unnamed official
    'politician_statement', // an MP or politician
    'publisher_narration', // the article states it without naming who counted
  ],
  { error: 'must be a method listed in data/README.md' },
);
export type Method = z.infer<typeof Method>;

export const Country = z.enum(['iraq', 'syria', 'afghanistan', 'united_states', 'worldwide'], {
  error: 'must be one of: iraq, syria, afghanistan, united_states, worldwide',
});

/** What the number covers. */
export const Scope = z.strictObject({
  countries: z.union([Unknown, z.array(Country).min(1, { error: 'must list at least one country' })]),
  /** A narrower place as the source names it (e.g. "الموصل"). */
  place_ar: Text.optional(),
  /** Whose forces / which recipients the number is about (actor ids). */
  forces: z.array(ActorRef).optional(),
});
export type Scope = z.infer<typeof Scope>;

/** Where the source's own numbers do not add up or read two ways: recorded, never corrected. */
export const FigureFlag = z.strictObject({
  kind: z.enum(['does_not_add_up', 'ambiguous_wording', 'inconsistent_within_article'], {
    error: 'must be one of: does_not_add_up, ambiguous_wording, inconsistent_within_article',
  }),
  note_ar: Text,
  related: z.array(FigureRef).optional(),
});
export type FigureFlag = z.infer<typeof FigureFlag>;

export const FigureStatus = z.enum(['current', 'superseded'], { error: 'must be one of: current, superseded' });

export const Figure = z.strictObject({
  id: Id,
  metric: Metric,
  /** What is counted, as a short Arabic label the briefs can print. */
  description_ar: Text,
  value: FigureValue,
  /** The source's own qualifier: "أكثر من"، "ما لا يقل عن"، "نحو"، "عشرات الآلاف"… */
  qualifier: Text.optional(),
  bound: Bound.default('exact'),
  unit: Unit,
  scope: Scope,
  period: Period.optional(),
  /** The date the number describes (or unknown). */
  as_of: MaybeDate,
  /** Who says it (an actor id). */
  claimant: ActorRef,
  /** The named or described person who said it for the claimant. */
  speaker: ActorRef.optional(),
  /** Outlets that relayed the claim ("بحسب تقارير نشرتها رويترز"). */
  via: z.array(ActorRef).optional(),
  /**
   * How the quote's sentence ties the number to its claimant (see `Attribution` in common.ts):
   * named, described, inferred (printed «مستنتَج») or unattributed (claimant = the source's
   * publisher, method publisher_narration).
   * Required: coherence with the claimant is checked in src/validate/attribution.ts.
   */
  attribution: Attribution,
  method: Method,
  status: FigureStatus.default('current'),
  /** The earlier figure this one replaces (same metric and claimant chain). */
  supersedes: FigureRef.optional(),
  note_ar: Text.optional(),
  flags: z.array(FigureFlag).optional(),
  evidence: Evidence,
});
export type Figure = z.infer<typeof Figure>;

import { z } from 'zod';

/**
 * Building blocks shared by every record kind.
 *
 * Keys are English snake_case; values meant for readers (names, descriptions, quotes) are Arabic
 * as in the sources. References between records are plain ids; whether they resolve is checked by
 * the cross-record rules in src/validate/, because a single record cannot see the others.
 */

/** Record ids: lower-case snake_case, unique across the whole dataset (not only within a kind). */
export const Id = z
  .string({ error: 'must be an id (text)' })
  .regex(/^[a-z0-9]+(?:_[a-z0-9]+)*$/, { error: 'must be a snake_case id (a-z, 0-9, _)' });
export type Id = z.infer<typeof Id>;

/** A reference to another record by id. Separate names document which kind is expected. */
export const SourceRef = Id;
export const ActorRef = Id;
export const FigureRef = Id;
export const EventRef = Id;

/**
 * "Unknown" is a value (fact-sheet conventions): editors may write `unknown` or `غير معروف`;
 * both mean the same and are stored as `unknown`. Briefs print "غير معروف".
 */
export const UNKNOWN = 'unknown' as const;
export const UNKNOWN_AR = 'غير معروف';
export const Unknown = z.union([z.literal(UNKNOWN), z.literal(UNKNOWN_AR).transform(() => UNKNOWN)], {
  error: `must be "${UNKNOWN}"`,
});

/** Reader-facing text (Arabic in this dataset). Must not be blank. */
export const Text = z
  .string({ error: 'must be text' })
  .refine((s) => s.trim().length > 0, { error: 'must not be empty' });

/** Longest quote accepted: the issue asks for a phrase of "at most about 25 words". */
export const MAX_QUOTE_WORDS = 30;

export function countWords(text: string): number {
  return text.trim().split(/\s+/u).filter((w) => w.length > 0).length;
}

/** A short verbatim quote: an exact substring of the cited article (checked by the seed test). */
export const Quote = z
  .string({ error: 'must be text' })
  .refine((s) => s.trim().length > 0, { error: 'must not be empty' })
  .refine((s) => countWords(s) <= MAX_QUOTE_WORDS, {
    error: (issue) => `is too long (${countWords(String(issue.input))} words; at most ${MAX_QUOTE_WORDS})`,
  });

/** Evidence for a record: which article, and the exact words in it. */
export const Citation = z.strictObject({
  source: SourceRef,
  quote: Quote,
});
export type Citation = z.infer<typeof Citation>;

/** Every record cites at least one source; several sources may back one record. */
export const Evidence = z.array(Citation, { error: 'must be a list of {source, quote}' }).min(1, {
  error: 'must cite at least one source',
});

/**
 * How the source ties a claim to the one who makes it — the judgement an editor makes reading the
 * quote's sentence, recorded so the briefs can print it and the validator can check it against the
 * claimant (the validator cannot read Arabic; it can require the judgement and check it is coherent).
 *
 * - `named`: the sentence names the claimant or its speaker («قال المتحدث باسم …»).
 * - `described`: the sentence describes who says it without a name («مسؤول عسكري عراقي رفيع»);
 *   the claimant or speaker is then an `anonymous_person` actor.
 * - `inferred`: the claimant is our inference from context (the paragraph before, the article's
 *   framing); the briefs print it marked as inferred («مستنتَج»), as they mark inferred dates.
 * - `unattributed`: the article states it without naming anyone; the claimant is then the cited
 *   source's publisher and the method `publisher_narration` («بحسب الموقع الناشر», never a party).
 */
export const Attribution = z.enum(['named', 'described', 'inferred', 'unattributed'], {
  error: 'must be one of: named, described, inferred, unattributed',
});
export type Attribution = z.infer<typeof Attribution>;

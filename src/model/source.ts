import { z } from 'zod';
import { ActorRef, Id, Text, Unknown } from './common.js';
import { DateSpec, MaybeDate } from './dates.js';

/**
 * One record per seed article. The article texts stay outside the repository; `file` names the
 * seed file so tests can check quotes against it when the seeds are available.
 */
export const Source = z.strictObject({
  id: Id,
  /** The seed file name, e.g. "004_e6c1c72df0de1643.txt". */
  file: z.string({ error: 'must be a file name' }).regex(/^[^/\\]+\.txt$/, { error: 'must be a .txt file name (no folders)' }),
  /** The publisher (an actor id), or unknown when the text neither names nor clearly implies it. */
  publisher: z.union([Unknown, ActorRef]),
  /** Why we believe the publisher is who it is (e.g. "interviews given «لـ"العربي الجديد"»"). */
  publisher_reasoning: Text.optional(),
  /** The article's own headline, or unknown when the text has none. */
  title: z.union([Unknown, Text]),
  published: MaybeDate,
  /** When the exact date is unknown, the earliest date the text allows, with reasoning below. */
  published_not_before: DateSpec.optional(),
  /** Why the publication date (or its bound) is what it is. */
  published_reasoning: Text.optional(),
  language: z.literal('ar', { error: 'must be "ar"' }).default('ar'),
  /** A one-line Arabic summary for the endnotes. */
  summary_ar: Text.optional(),
});
export type Source = z.infer<typeof Source>;

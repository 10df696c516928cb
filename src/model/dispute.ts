import { z } from 'zod';
import { FigureRef, Id, Text } from './common.js';
import { Metric } from './figure.js';

/**
 * A question the sources answer differently. It groups at least two figures of the same metric
 * from different claimants and says, neutrally, why they may differ (scope, period, method).
 * It never picks a winner or averages.
 */
export const Dispute = z.strictObject({
  id: Id,
  metric: Metric,
  question_ar: Text,
  /** English label for programmers. */
  label: Text.optional(),
  figures: z.array(FigureRef).min(2, { error: 'must group at least two figures' }),
  /** One neutral line (or a few) on why the figures may differ. */
  note_ar: Text,
});
export type Dispute = z.infer<typeof Dispute>;

/** Where a dispute becomes a card: the question, every competing figure with its claimant, and why they differ. */
import type { Dataset, Figure, Metric } from '../model/index.js';
import { figureRows, sortKey, type FigureView } from './common.js';
import { Citations } from './citations.js';

export interface DisputeView {
  id: string;
  question: string;
  note: string;
  figures: FigureView[];
}

/** `noted`: the notes the brief has printed above its dispute cards (see figureRows). */
export function disputesOf(dataset: Dataset, citations: Citations, metrics: readonly Metric[], noted: Set<string> = new Set()): DisputeView[] {
  const byId = new Map(dataset.figures.map((figure) => [figure.id, figure]));
  return dataset.disputes
    .filter((dispute) => metrics.includes(dispute.metric))
    .map((dispute) => ({
      id: dispute.id,
      question: dispute.question_ar,
      note: dispute.note_ar,
      figures: figureRows(
        dataset,
        citations,
        dispute.figures
          .map((id) => byId.get(id))
          .filter((figure): figure is Figure => figure !== undefined)
          .sort((a, b) => sortKey(a.as_of).localeCompare(sortKey(b.as_of))),
        noted,
      ),
    }));
}

/**
 * The fact sheet: a cover, contents, the key numbers at a glance (each with its claimant), then the
 * four briefs' sections and one source list.
 */
import type { Dataset } from '../model/index.js';
import { atAGlance, glanceDisputes, type GlanceDisputeView, type KeyFigureView } from './atAGlance.js';
import { actorName, dataAsOfView, type DateView } from './common.js';
import { Citations, type SourceView } from './citations.js';
import { deriveCasualties, type CasualtiesView } from './casualties.js';
import { deriveHistory, type HistoryView } from './history.js';
import { deriveTroops, type TroopsView } from './troops.js';
import { deriveWithdrawal, type WithdrawalView } from './withdrawal.js';

export type { KeyFigureView } from './atAGlance.js';

export interface FactsheetView {
  /** The day the data is current to (marked when inferred). */
  dataAsOf: DateView;
  cover: { publishers: string[] };
  atAGlance: KeyFigureView[];
  /** Under the cards: who else gives a figure where the sources disagree, and where to read it. */
  glanceDisputes: GlanceDisputeView[];
  history: HistoryView;
  troops: TroopsView;
  casualties: CasualtiesView;
  withdrawal: WithdrawalView;
  sources: SourceView[];
}

export function deriveFactsheet(dataset: Dataset): FactsheetView {
  const citations = new Citations(dataset);
  const publishers = dataset.sources.flatMap((source) => (source.publisher === 'unknown' ? [] : [actorName(dataset, source.publisher)]));
  return {
    dataAsOf: dataAsOfView(dataset),
    cover: { publishers: [...new Set(publishers)] },
    atAGlance: atAGlance(dataset, citations),
    glanceDisputes: glanceDisputes(dataset),
    history: deriveHistory(dataset),
    troops: deriveTroops(dataset),
    casualties: deriveCasualties(dataset),
    withdrawal: deriveWithdrawal(dataset),
    sources: citations.list(),
  };
}

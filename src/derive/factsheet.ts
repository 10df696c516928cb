/**
 * The fact sheet: a cover, contents, the key numbers at a glance (each with its claimant), then the
 * four briefs' sections and one source list.
 */
import type { Dataset, Figure, Metric } from '../model/index.js';
import { Citations, actorName, figureView, figuresOf, sortKey, type FigureView, type SourceView } from './common.js';
import { deriveCasualties, type CasualtiesView } from './casualties.js';
import { deriveHistory, type HistoryView } from './history.js';
import { deriveTroops, type TroopsView } from './troops.js';
import { deriveWithdrawal, type WithdrawalView } from './withdrawal.js';
import { metricNames } from './vocabulary.js';

export interface KeyFigureView extends FigureView {
  metric: string;
}

export interface FactsheetView {
  cover: { publishers: string[] };
  atAGlance: KeyFigureView[];
  history: HistoryView;
  troops: TroopsView;
  casualties: CasualtiesView;
  withdrawal: WithdrawalView;
  sources: SourceView[];
}

/** The numbers a reader asks first, in this order. */
const glanceMetrics: Metric[] = ['member_states', 'troops_deployed', 'airstrikes', 'civilian_deaths', 'trained_personnel', 'aid_value'];
/** Competing claims shown per metric: enough to show a disagreement, few enough to fit one page. */
const claimantsPerMetric = 2;

/**
 * For each metric, the latest current figure of each claimant, most recent claimants first. Disputed
 * metrics therefore show two claimants side by side; a superseded admission never appears.
 */
function atAGlance(dataset: Dataset, citations: Citations): KeyFigureView[] {
  return glanceMetrics.flatMap((metric) => {
    const latestByClaimant = new Map<string, Figure>();
    const current = figuresOf(dataset, [metric]).filter((figure) => figure.status === 'current' && figure.value !== 'unknown');
    for (const figure of current) latestByClaimant.set(figure.claimant, figure); // date order: the last one wins
    return [...latestByClaimant.values()]
      .sort((a, b) => sortKey(b.as_of).localeCompare(sortKey(a.as_of)))
      .slice(0, claimantsPerMetric)
      .map((figure) => ({ ...figureView(dataset, citations, figure), metric: metricNames[metric] ?? metric }));
  });
}

export function deriveFactsheet(dataset: Dataset): FactsheetView {
  const citations = new Citations(dataset);
  const publishers = dataset.sources.flatMap((source) => (source.publisher === 'unknown' ? [] : [actorName(dataset, source.publisher)]));
  return {
    cover: { publishers: [...new Set(publishers)] },
    atAGlance: atAGlance(dataset, citations),
    history: deriveHistory(dataset),
    troops: deriveTroops(dataset),
    casualties: deriveCasualties(dataset),
    withdrawal: deriveWithdrawal(dataset),
    sources: citations.list(),
  };
}

/**
 * The casualties brief: the coalition's successive admissions of civilian deaths (a chain, each
 * superseding the last) against the other estimates, and strike counts by claimant. Every number
 * keeps its claimant, scope, period and method; nothing is averaged.
 */
import type { Dataset, Figure } from '../model/index.js';
import { chartBar, figureRows, figuresOf, type ChartBar, type FigureView, dataAsOfView, type DateView } from './common.js';
import { Citations, type SourceView } from './citations.js';
import { disputesOf, type DisputeView } from './disputes.js';
import { metricNames } from './vocabulary.js';

export interface CasualtiesView {
  /** The day the data is current to (marked when inferred). */
  dataAsOf: DateView;
  admissions: FigureView[];
  otherEstimates: FigureView[];
  deathsChart: ChartBar[];
  strikes: FigureView[];
  strikesChart: ChartBar[];
  fightersKilled: FigureView[];
  disputes: DisputeView[];
  sources: SourceView[];
}

/** The chain of one claimant's own admissions: figures that supersede or are superseded. */
function isAdmission(figure: Figure): boolean {
  return figure.method === 'own_assessment';
}

export function deriveCasualties(dataset: Dataset): CasualtiesView {
  const citations = new Citations(dataset);
  // Deaths the source does not call civilian stand among the civilian counts they are read beside, saying so.
  const deaths = figuresOf(dataset, ['civilian_deaths', 'deaths_unspecified']);
  const strikes = figuresOf(dataset, ['airstrikes']);
  // The notes printed so far, in the template's order (tables, then dispute cards): each prints once.
  const noted = new Set<string>();
  const view = (figures: Figure[]) => figureRows(dataset, citations, figures, noted);
  return {
    dataAsOf: dataAsOfView(dataset),
    admissions: view(deaths.filter(isAdmission)),
    otherEstimates: view(deaths.filter((figure) => !isAdmission(figure))),
    deathsChart: deaths.flatMap((figure) => chartBar(dataset, figure, metricNames[figure.metric] ?? figure.metric)),
    strikes: view(strikes),
    strikesChart: strikes.flatMap((figure) => chartBar(dataset, figure, metricNames.airstrikes!)),
    fightersKilled: view(figuresOf(dataset, ['isis_fighters_killed'])),
    disputes: disputesOf(dataset, citations, ['civilian_deaths', 'airstrikes', 'isis_fighters_killed'], noted),
    sources: citations.list(),
  };
}

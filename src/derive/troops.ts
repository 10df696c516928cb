/**
 * The troops brief. Where a troop figure becomes a table row: `troopRow` below — each row says which
 * force it counts and whether the number is deployed, authorised, planned or announced.
 */
import type { Dataset, Figure, Metric } from '../model/index.js';
import { actorName, chartBar, figureRows, figureView, figuresOf, type ChartBar, type FigureView, dataAsOfView, type DateView } from './common.js';
import { Citations, type SourceView } from './citations.js';
import { disputesOf, type DisputeView } from './disputes.js';
import { metricNames } from './vocabulary.js';

export interface TroopRow extends FigureView {
  /** What the number counts: "قوات منتشرة"، "سقف القوات المصرَّح به"… */
  kind: string;
  /** Whose forces, e.g. "الولايات المتحدة" or "التحالف الدولي ضد داعش". */
  forces: string;
}

export interface TroopsView {
  /** The day the data is current to (marked when inferred). */
  dataAsOf: DateView;
  troops: TroopRow[];
  troopChart: ChartBar[];
  training: FigureView[];
  equipment: FigureView[];
  bases: FigureView[];
  disputes: DisputeView[];
  sources: SourceView[];
}

const troopMetrics: Metric[] = [
  'troops_deployed',
  'troops_authorised',
  'troops_additional',
  'troops_withdrawing',
  'troops_planned',
  'troops_served_cumulative',
];
const trainingMetrics: Metric[] = ['trained_personnel', 'trained_units', 'states_providing_training'];
const equipmentMetrics: Metric[] = [
  'aid_value',
  'equipment_delivered',
  'military_spending',
  'daily_cost',
  'budget_increase',
  'budget_request',
  'munitions_requested',
  'cost_per_aircraft',
];
const baseMetrics: Metric[] = ['bases_handed_over', 'bases_closed'];

function troopRow(dataset: Dataset, citations: Citations, figure: Figure): TroopRow {
  const forces = figure.scope.forces ?? [];
  return {
    ...figureView(dataset, citations, figure),
    kind: metricNames[figure.metric] ?? figure.metric,
    forces: forces.length === 0 ? 'غير محدد' : forces.map((id) => actorName(dataset, id)).join('، '),
  };
}

/** A bar per troop figure that has numbers (the cumulative "served since 2003" is another scale, so it is left out). */
function troopBars(dataset: Dataset, figures: readonly Figure[]): ChartBar[] {
  return figures
    .filter((figure) => figure.metric !== 'troops_served_cumulative')
    .flatMap((figure) => chartBar(dataset, figure, metricNames[figure.metric] ?? figure.metric));
}

export function deriveTroops(dataset: Dataset): TroopsView {
  const citations = new Citations(dataset);
  const troopFigures = figuresOf(dataset, troopMetrics);
  const troops = troopFigures.map((figure) => troopRow(dataset, citations, figure));
  // The notes printed so far, in the template's order (tables, then dispute cards): each prints once.
  const noted = new Set<string>();
  const view = (metrics: Metric[]) => figureRows(dataset, citations, figuresOf(dataset, metrics), noted);
  return {
    dataAsOf: dataAsOfView(dataset),
    troops,
    troopChart: troopBars(dataset, troopFigures),
    training: view(trainingMetrics),
    equipment: view(equipmentMetrics),
    bases: view(baseMetrics),
    disputes: disputesOf(dataset, citations, [...trainingMetrics, ...equipmentMetrics, ...troopMetrics], noted),
    sources: citations.list(),
  };
}

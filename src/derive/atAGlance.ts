/**
 * The fact sheet's "at a glance" cards: for each question a reader asks first, each claimant's
 * latest dated figure, compared only with figures of the same scope.
 *
 * The rules, in the order they apply to one claimant's current figures of a metric (a figure of a
 * comparable metric, such as deaths the source does not call civilian, counts as an answer too):
 * 1. Its widest scopes: a figure that covers part of what another of its figures covers (Iraq alone
 *    beside Iraq and Syria; the tribal mobilisation beside all Iraqi forces) never stands for the claimant.
 * 2. Among those, the latest dated figure. An undated figure never wins "latest": it is shown only
 *    when it is the claimant's single figure of its widest scope, so there is nothing to be later than.
 * 3. The claimants' cards, newest first (undated last), at most `claimantsPerMetric`, except that
 *    - a card that repeats one already chosen (same value, qualifier, unit and scope) gives its place
 *      to the next claimant: two equal cards would show agreement where the sources disagree;
 *    - a figure known only in words («آلاف من الطلعات») comes after every figure with a number.
 * 4. Every other claimant of the metric's dispute is named under the cards, with the dispute's
 *    question to look up (`GlanceDisputeView`): a reader sees that the numbers are contested, and by whom.
 * A card prints its scope when it covers only part of what another figure of the metric covers, or
 * when the cards beside it cover something else: a reader never takes a part for the whole question,
 * nor compares two numbers that count different things without being told.
 */
import type { Dataset, Figure, Metric } from '../model/index.js';
import { answersMetric, startOf } from '../model/index.js';
import { actorName, attributionView, figureView, type AttributionView, type FigureView } from './common.js';
import { Citations } from './citations.js';
import { fullScopeText, narrowerThan, sameScope } from './scope.js';
import { metricNames } from './vocabulary.js';

export interface KeyFigureView extends FigureView {
  /** What the number counts, as the card's heading ("الدول الأعضاء"، "قتلى لا يصفهم المصدر بالمدنيين"). */
  metric: string;
  /** What it covers, when it is a part or its neighbours cover something else; otherwise null. */
  cardScope: string | null;
}

/** The numbers a reader asks first, in this order. */
export const glanceMetrics: readonly Metric[] = ['member_states', 'troops_deployed', 'airstrikes', 'civilian_deaths', 'trained_personnel', 'aid_value'];
/** Competing claims shown per metric: enough to show a disagreement, few enough to fit one page. */
export const claimantsPerMetric = 2;

function isDated(figure: Figure): figure is Figure & { as_of: Exclude<Figure['as_of'], 'unknown'> } {
  return figure.as_of !== 'unknown';
}

/** Later first; for the same day, the later record in the data (the data's order is the editor's). */
function latestFirst(figures: readonly Figure[]): Figure[] {
  return figures
    .map((figure, index) => ({ figure, index }))
    .sort((a, b) => {
      const [ka, kb] = [a.figure, b.figure].map((f) => (isDated(f) ? startOf(f.as_of) : ''));
      return kb!.localeCompare(ka!) || b.index - a.index;
    })
    .map(({ figure }) => figure);
}

/** The figure that stands for one claimant on a card, or none (rules 1 and 2 above). */
export function claimantCard(dataset: Dataset, figures: readonly Figure[]): Figure | undefined {
  const widest = figures.filter((figure) => !figures.some((other) => narrowerThan(dataset, figure.scope, other.scope)));
  const dated = widest.filter(isDated);
  if (dated.length > 0) return latestFirst(dated)[0];
  return widest.length === 1 ? widest[0] : undefined;
}

/** A figure with a number (or a range), not only the source's words for its size. */
function hasNumber(figure: Figure): boolean {
  return typeof figure.value === 'number' || (typeof figure.value === 'object' && 'min' in figure.value);
}

/** Two figures a reader could not tell apart on a card: same value, qualifier, unit and scope. */
function repeats(a: Figure, b: Figure): boolean {
  return (
    JSON.stringify(a.value) === JSON.stringify(b.value) &&
    (a.qualifier ?? null) === (b.qualifier ?? null) &&
    a.unit === b.unit &&
    sameScope(a.scope, b.scope)
  );
}

/** The cards of one metric (rules 1–3). */
export function metricCards(dataset: Dataset, metric: Metric): Figure[] {
  const candidates = dataset.figures.filter(
    (figure) => answersMetric(metric, figure.metric) && figure.status === 'current' && figure.value !== 'unknown',
  );
  const byClaimant = new Map<string, Figure[]>();
  for (const figure of candidates) byClaimant.set(figure.claimant, [...(byClaimant.get(figure.claimant) ?? []), figure]);
  const ranked = latestFirst([...byClaimant.values()].flatMap((figures) => claimantCard(dataset, figures) ?? []));
  const chosen: Figure[] = [];
  for (const figure of [...ranked.filter(hasNumber), ...ranked.filter((f) => !hasNumber(f))]) {
    if (chosen.length === claimantsPerMetric) break;
    if (!chosen.some((card) => repeats(card, figure))) chosen.push(figure);
  }
  return chosen;
}

/** Under a metric's cards: who else gives a figure in its dispute, and the question to look up (rule 4). */
export interface GlanceDisputeView {
  /** The metric, as the cards name it ("الدول الأعضاء"). */
  metric: string;
  /** The dispute's question, as its box in the briefs is titled («كم دولة في التحالف؟»). */
  question: string;
  /** Claimants of the dispute's figures that no card shows, in the dispute's order. */
  others: { name: string; attribution: AttributionView }[];
}

export function atAGlance(dataset: Dataset, citations: Citations): KeyFigureView[] {
  return glanceMetrics.flatMap((metric) => {
    const cards = metricCards(dataset, metric);
    const candidates = dataset.figures.filter((figure) => answersMetric(metric, figure.metric) && figure.status === 'current');
    const cardsAgree = cards.every((figure) => sameScope(figure.scope, cards[0]!.scope));
    const isPart = (figure: Figure) => candidates.some((other) => narrowerThan(dataset, figure.scope, other.scope));
    // The figures named under the cards (rule 4) are compared with them too.
    const contested = contestedFigures(dataset, metric, cards);
    const differsFromContested = (figure: Figure) => contested.some((other) => !sameScope(other.scope, figure.scope));
    return cards.map((figure) => ({
      ...figureView(dataset, citations, figure),
      metric: metricNames[figure.metric] ?? figure.metric,
      cardScope: cardsAgree && !isPart(figure) && !differsFromContested(figure) ? null : fullScopeText(dataset, figure),
    }));
  });
}

/** The figures of a metric's disputes whose claimants no card shows (rule 4). */
function contestedFigures(dataset: Dataset, metric: Metric, cards: readonly Figure[]): Figure[] {
  const byId = new Map(dataset.figures.map((figure) => [figure.id, figure]));
  const shown = new Set(cards.map((figure) => figure.claimant));
  return dataset.disputes
    .filter((dispute) => dispute.metric === metric)
    .flatMap((dispute) => dispute.figures.flatMap((id) => byId.get(id) ?? []))
    .filter((figure) => !shown.has(figure.claimant));
}

export function glanceDisputes(dataset: Dataset): GlanceDisputeView[] {
  return glanceMetrics.flatMap((metric) => {
    const cards = metricCards(dataset, metric);
    return dataset.disputes
      .filter((dispute) => dispute.metric === metric)
      .map((dispute) => {
        const others = new Map<string, AttributionView>();
        for (const figure of contestedFigures(dataset, metric, cards).filter((f) => dispute.figures.includes(f.id))) {
          if (!others.has(figure.claimant)) others.set(figure.claimant, attributionView(figure.attribution));
        }
        return {
          metric: metricNames[metric] ?? metric,
          question: dispute.question_ar,
          others: [...others].map(([claimant, attribution]) => ({ name: actorName(dataset, claimant), attribution })),
        };
      })
      .filter((view) => view.others.length > 0);
  });
}

/**
 * What changed between two editions' datasets: figures added, changed (old → new value, claimant,
 * date) and removed, events added, positions added, changed (stance or summary) and removed.
 *
 * The list is data: it is computed once, at build time, from the previous edition's attached dataset,
 * and travels in the new edition's attachment, so `briefs verify` rebuilds the fact sheet's change
 * section without the previous edition at hand. The records are kept whole (with the names of the
 * actors they name, which the new dataset may no longer have), so the templates print them with the
 * partials every brief uses.
 */
import { z } from 'zod';
import { Dataset, Event, Figure, Position } from '../model/index.js';
import type { Actor } from '../model/index.js';
import { dataAsOfText } from '../derive/common.js';
import { canonicalJson } from './canonicalJson.js';
import { editionIdPattern } from './editionId.js';

export const FigureChange = z.strictObject({
  change: z.enum(['added', 'changed', 'removed']),
  before: Figure.optional(),
  after: Figure.optional(),
});
export type FigureChange = z.infer<typeof FigureChange>;

export const PositionChange = z.strictObject({
  change: z.enum(['added', 'changed', 'removed']),
  before: Position.optional(),
  after: Position.optional(),
});
export type PositionChange = z.infer<typeof PositionChange>;

export const ChangeList = z.strictObject({
  /** The edition compared with. */
  previous: z.strictObject({
    edition: z.string().regex(editionIdPattern),
    asOf: z.string(),
    /** Its as-of date as the briefs print it (a lower bound or an inference marked). */
    asOfText: z.string(),
  }),
  figures: z.array(FigureChange),
  eventsAdded: z.array(Event),
  positions: z.array(PositionChange),
  /** Arabic names of every actor the records above name, from the dataset that has them. */
  actorNames: z.record(z.string(), z.string()),
});
export type ChangeList = z.infer<typeof ChangeList>;

/** A figure's change as readers see it: a new value, a new claimant or a new date (its quote or wording alone is not listed). */
function figureKey(figure: Figure): string {
  return canonicalJson({ value: figure.value, qualifier: figure.qualifier, bound: figure.bound, unit: figure.unit, claimant: figure.claimant, as_of: figure.as_of, period: figure.period });
}

function positionKey(position: Position): string {
  return canonicalJson({ speaker: position.speaker, stance: position.stance, summary: position.summary_ar, date: position.date, topic: position.topic });
}

function diffById<T extends { id: string }>(before: readonly T[], after: readonly T[], key: (record: T) => string) {
  const old = new Map(before.map((record) => [record.id, record]));
  const now = new Map(after.map((record) => [record.id, record]));
  const changes: { change: 'added' | 'changed' | 'removed'; before?: T; after?: T }[] = [];
  // In the new dataset's order, then what it no longer has in the old one's.
  for (const record of after) {
    const previous = old.get(record.id);
    if (previous === undefined) changes.push({ change: 'added', after: record });
    else if (key(previous) !== key(record)) changes.push({ change: 'changed', before: previous, after: record });
  }
  for (const record of before) if (!now.has(record.id)) changes.push({ change: 'removed', before: record });
  return changes;
}

export function compareDatasets(previous: { dataset: Dataset; edition: string }, current: Dataset): ChangeList {
  const figures = diffById(previous.dataset.figures, current.figures, figureKey);
  const positions = diffById(previous.dataset.positions, current.positions, positionKey);
  const known = new Set(previous.dataset.events.map((event) => event.id));
  const eventsAdded = current.events.filter((event) => !known.has(event.id));
  const actors = new Map<string, Actor>([...previous.dataset.actors, ...current.actors].map((actor) => [actor.id, actor]));
  const named = new Set<string>();
  for (const { before, after } of figures) for (const figure of [before, after]) if (figure) named.add(figure.claimant);
  for (const { before, after } of positions) for (const position of [before, after]) if (position) named.add(position.speaker);
  for (const event of eventsAdded) for (const actor of event.actors) named.add(actor);
  const actorNames = Object.fromEntries([...named].sort().map((id) => [id, actors.get(id)?.name_ar ?? id]));
  return { previous: { edition: previous.edition, asOf: previous.dataset.as_of, asOfText: dataAsOfText(previous.dataset) }, figures, eventsAdded, positions, actorNames };
}

export function changeCount(changes: ChangeList): number {
  return changes.figures.length + changes.eventsAdded.length + changes.positions.length;
}

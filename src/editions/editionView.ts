/**
 * What the templates receive about the edition: its id, the address of its page on the readers'
 * site (the cover's QR code), and the change list as the change section prints it.
 */
import type { Figure, Position } from '../model/index.js';
import { dateView, valueView, type DateView, type ValueView } from '../derive/common.js';
import { eventStatusNames, stanceNames } from '../derive/vocabulary.js';
import { changeCount, type ChangeList } from './changes.js';
import type { EditionContext } from './editionRecord.js';

/** The edition's page on the readers' site, relative to the site's folder. */
export function editionPagePath(id: string): string {
  // Beside the other pages, so its relative links (style.css, index.html) work from file:// too.
  return `edition-${id}.html`;
}

export interface FigureStateView {
  value: ValueView;
  claimant: string;
  date: DateView;
}

export interface ChangesView {
  previous: { id: string; asOf: string; asOfText: string };
  none: boolean;
  figures: { added: boolean; changed: boolean; removed: boolean; description: string; before: FigureStateView | null; after: FigureStateView | null }[];
  events: { date: DateView; description: string; status: string }[];
  positions: { added: boolean; changed: boolean; removed: boolean; speaker: string; before: { stance: string; summary: string } | null; after: { stance: string; summary: string } | null }[];
}

export interface EditionView {
  id: string;
  /** The absolute address of the edition's page (null in a build without BRIEFS_SITE_URL). */
  url: string | null;
  /** The same page's name inside the site. */
  page: string;
  changes: ChangesView | null;
}

export function changesView(changes: ChangeList): ChangesView {
  const name = (id: string) => changes.actorNames[id] ?? id;
  const figureState = (figure: Figure | undefined): FigureStateView | null =>
    figure ? { value: valueView(figure), claimant: name(figure.claimant), date: dateView(figure.as_of) } : null;
  const positionState = (position: Position | undefined) => (position ? { stance: stanceNames[position.stance], summary: position.summary_ar } : null);
  return {
    previous: { id: changes.previous.edition, asOf: changes.previous.asOf, asOfText: changes.previous.asOfText },
    none: changeCount(changes) === 0,
    figures: changes.figures.map((change) => ({
      added: change.change === 'added',
      changed: change.change === 'changed',
      removed: change.change === 'removed',
      description: (change.after ?? change.before)!.description_ar,
      before: figureState(change.before),
      after: figureState(change.after),
    })),
    events: changes.eventsAdded.map((event) => ({ date: dateView(event.date), description: event.description_ar, status: event.status === 'occurred' ? '' : eventStatusNames[event.status] })),
    positions: changes.positions.map((change) => ({
      added: change.change === 'added',
      changed: change.change === 'changed',
      removed: change.change === 'removed',
      speaker: name((change.after ?? change.before)!.speaker),
      before: positionState(change.before),
      after: positionState(change.after),
    })),
  };
}

export function editionView(edition: EditionContext): EditionView {
  return {
    id: edition.id,
    url: edition.siteUrl === null ? null : new URL(editionPagePath(edition.id), edition.siteUrl).href,
    page: editionPagePath(edition.id),
    changes: edition.changes ? changesView(edition.changes) : null,
  };
}

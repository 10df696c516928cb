import type { Dataset } from '../model/index.js';
import { briefCatalog, type BriefEntry, type BriefId } from './catalog.js';
import { deriveHistory } from '../derive/history.js';
import { deriveTroops } from '../derive/troops.js';
import { deriveCasualties } from '../derive/casualties.js';
import { deriveWithdrawal } from '../derive/withdrawal.js';
import { deriveFactsheet } from '../derive/factsheet.js';

export { briefIds, isBriefId, type BriefId } from './catalog.js';

/** One brief: where it goes, what it is called (catalog.ts), and the view its template reads (V, from derive). */
export interface BriefDefinition<V extends object = object> extends BriefEntry {
  /** Turns the validated dataset into the template's view: selection, grouping, ordering, citations. */
  derive(dataset: Dataset): V;
}

/** Each brief's view, as its derive function returns it. */
export interface BriefViews {
  history: ReturnType<typeof deriveHistory>;
  troops: ReturnType<typeof deriveTroops>;
  casualties: ReturnType<typeof deriveCasualties>;
  withdrawal: ReturnType<typeof deriveWithdrawal>;
  factsheet: ReturnType<typeof deriveFactsheet>;
}

export const briefs: { readonly [K in BriefId]: BriefDefinition<BriefViews[K]> } = {
  history: { ...briefCatalog.history, derive: deriveHistory },
  troops: { ...briefCatalog.troops, derive: deriveTroops },
  casualties: { ...briefCatalog.casualties, derive: deriveCasualties },
  withdrawal: { ...briefCatalog.withdrawal, derive: deriveWithdrawal },
  factsheet: { ...briefCatalog.factsheet, derive: deriveFactsheet },
};

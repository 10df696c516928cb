/**
 * Comparing what two figures cover. A figure's scope is its countries, an optional narrower place and
 * optionally whose forces (or which recipients) it is about; a force belongs to a wider one through
 * the actors' `affiliation` chain (the Iraqi army → the Iraqi security forces).
 */
import type { Dataset, Figure, Scope } from '../model/index.js';
import { actorName } from './common.js';
import { countryNames } from './vocabulary.js';

/** One string per distinct scope: figures with equal keys cover the same thing. */
export function scopeKey(scope: Scope): string {
  const countries = scope.countries === 'unknown' ? 'unknown' : [...scope.countries].sort().join('+');
  const forces = scope.forces === undefined ? '*' : [...scope.forces].sort().join('+');
  return `${countries}|${scope.place_ar ?? '*'}|${forces}`;
}

export function sameScope(a: Scope, b: Scope): boolean {
  return scopeKey(a) === scopeKey(b);
}

/** The actor and every body it belongs to, nearest first (cycles stop the walk). */
function affiliationChain(dataset: Dataset, id: string): string[] {
  const chain: string[] = [];
  for (let current: string | undefined = id; current !== undefined && !chain.includes(current); ) {
    chain.push(current);
    current = dataset.actors.find((actor) => actor.id === current)?.affiliation;
  }
  return chain;
}

/** True when every force of `inner` is one of `outer`'s forces or belongs to one; no forces named means all. */
function forcesWithin(dataset: Dataset, inner: Scope['forces'], outer: Scope['forces']): boolean {
  if (outer === undefined) return true;
  if (inner === undefined) return false;
  return inner.every((force) => affiliationChain(dataset, force).some((id) => outer.includes(id)));
}

/** True when `inner` covers part of what `outer` covers and is not the same scope. */
export function narrowerThan(dataset: Dataset, inner: Scope, outer: Scope): boolean {
  if (sameScope(inner, outer)) return false;
  if (inner.countries === 'unknown' || outer.countries === 'unknown') return false;
  const outerCountries = outer.countries;
  if (!inner.countries.every((country) => outerCountries.includes(country))) return false;
  if (outer.place_ar !== undefined && inner.place_ar !== outer.place_ar) return false;
  return forcesWithin(dataset, inner.forces, outer.forces);
}

/**
 * What a figure covers, in full words for a card: the place or the countries, then whose forces
 * ("العراق؛ قوات الأمن العراقية"، "العراق وسورية؛ التحالف الدولي ضد داعش").
 */
export function fullScopeText(dataset: Dataset, figure: Figure): string {
  const where =
    figure.scope.place_ar ??
    (figure.scope.countries === 'unknown' ? 'نطاق غير معروف' : figure.scope.countries.map((country) => countryNames[country]).join(' و'));
  // A force named like the place ("للعراق": the recipient is Iraq itself) is said once.
  const forces = (figure.scope.forces ?? []).map((id) => actorName(dataset, id)).filter((name) => name !== where);
  return forces.length === 0 ? where : `${where}؛ ${forces.join(' و')}`;
}

import type { ActorKind, ValidationIssue } from '../model/index.js';
import { issueAt, type Collected, type Located } from './collect.js';
import type { FieldPath } from './fieldPath.js';

/**
 * How a claim is attributed must agree with who it is attributed to. The validator cannot read the
 * Arabic sentence; it checks that the editor's recorded judgement (`attribution`) is coherent with
 * the claimant, speaker, method and source:
 *
 * - `unattributed` ⇔ the method is `publisher_narration` (figures), and the claimant (a figure's
 *   claimant, a position's speaker, an outlook's holders) is the cited source's publisher — or, when
 *   that publisher is unknown, a `media` actor standing for it. An unattributed figure has no speaker.
 * - `described` ⇒ a party the source describes without naming: an `anonymous_person`, or a
 *   `political_group` («كتل سياسية»، «فصائل مقربة من إيران»).
 * - an `anonymous_person` cannot be `named`: a figure with no other speaker, or a position whose
 *   speaker it is, is `described` (or `inferred`).
 * - `inferred` ⇒ the figure's `note_ar` says why the claimant is who it is (the briefs print the
 *   claimant marked «مستنتَج»), as an inferred date needs its reasoning.
 */
export function checkAttribution(collected: Collected, issues: ValidationIssue[]): void {
  const kinds = new Map(collected.records.actors.map((located) => [located.value.id, located.value.kind]));
  const publishers = new Map(collected.records.sources.map((located) => [located.value.id, located.value.publisher]));
  const kindOf = (id: string | undefined): ActorKind | undefined => (id === undefined ? undefined : kinds.get(id));
  const report = (located: Located<unknown>, path: FieldPath, message: string) => issues.push(issueAt(located.file, [...located.path, ...path], message));

  /** The publishers of the cited sources, and whether one of them is unknown. */
  const citedPublishers = (evidence: readonly { source: string }[]) => {
    const known = new Set<string>();
    let unknown = false;
    for (const citation of evidence) {
      const publisher = publishers.get(citation.source);
      if (publisher === 'unknown') unknown = true;
      else if (publisher !== undefined) known.add(publisher);
    }
    return { known, unknown };
  };
  const isPublisherOf = (actor: string, evidence: readonly { source: string }[]) => {
    const { known, unknown } = citedPublishers(evidence);
    return known.has(actor) || (unknown && kindOf(actor) === 'media');
  };
  const publisherNames = (evidence: readonly { source: string }[]) => {
    const { known, unknown } = citedPublishers(evidence);
    return [...[...known].map((id) => `"${id}"`), ...(unknown ? ['a media actor standing for the unknown publisher'] : [])].join(' or ');
  };
  const described = (ids: readonly (string | undefined)[]) => ids.some((id) => isDescribedKind(kindOf(id)));

  for (const located of collected.records.figures) {
    const figure = located.value;
    const attribution = figure.attribution;
    if (attribution === 'unattributed' && figure.method !== 'publisher_narration') {
      report(located, ['method'], `must be "publisher_narration" for an unattributed figure (the article names no one who counted)`);
    }
    if (figure.method === 'publisher_narration' && attribution !== 'unattributed') {
      report(located, ['attribution'], `must be "unattributed" when the method is "publisher_narration" (got "${attribution}")`);
    }
    if (attribution === 'unattributed') {
      if (!isPublisherOf(figure.claimant, figure.evidence)) {
        report(located, ['claimant'], `must be the publisher of the cited source (${publisherNames(figure.evidence)}) for an unattributed figure: the article names no one, so the claim is the article's (got "${figure.claimant}")`);
      }
      if (figure.speaker !== undefined) report(located, ['speaker'], 'an unattributed figure has no speaker: the article names no one');
    }
    if (attribution === 'described' && !described([figure.claimant, figure.speaker])) {
      report(located, ['attribution'], `is "described", so the claimant or speaker must be an actor the source describes without naming (kind anonymous_person or political_group)`);
    }
    const voice = figure.speaker ?? figure.claimant;
    if (attribution === 'named' && kindOf(voice) === 'anonymous_person') {
      report(located, ['attribution'], `cannot be "named": "${voice}" is an anonymous_person; use "described"`);
    }
    if (attribution === 'inferred' && figure.note_ar === undefined) {
      report(located, ['attribution'], 'is "inferred", so note_ar must say why the claimant is who it is');
    }
  }

  for (const located of collected.records.positions) {
    const position = located.value;
    const attribution = position.attribution;
    if (attribution === 'unattributed' && !isPublisherOf(position.speaker, position.evidence)) {
      report(located, ['speaker'], `must be the publisher of the cited source (${publisherNames(position.evidence)}) for an unattributed position (got "${position.speaker}")`);
    }
    if (attribution === 'described' && !described([position.speaker])) {
      report(located, ['attribution'], 'is "described", so the speaker must be an actor the source describes without naming (kind anonymous_person or political_group)');
    }
    if (attribution === 'named' && kindOf(position.speaker) === 'anonymous_person') {
      report(located, ['attribution'], `cannot be "named": "${position.speaker}" is an anonymous_person; use "described"`);
    }
  }

  checkEventAttribution(collected, report, kindOf, isPublisherOf, publisherNames);
  checkReporterNamedOnce(collected, report);

  for (const located of collected.records.outlook) {
    const outlook = located.value;
    const attribution = outlook.attribution;
    if (attribution === 'unattributed') {
      outlook.holders.forEach((holder, index) => {
        if (!isPublisherOf(holder, outlook.evidence)) {
          report(located, ['holders', index], `must be the publisher of the cited source (${publisherNames(outlook.evidence)}) for an unattributed outlook (got "${holder}")`);
        }
      });
    }
    if (attribution === 'described' && !described(outlook.holders)) {
      report(located, ['attribution'], 'is "described", so a holder must be an actor the source describes without naming (kind anonymous_person or political_group)');
    }
    if (attribution === 'named' && outlook.holders.every((holder) => kindOf(holder) === 'anonymous_person')) {
      report(located, ['attribution'], `cannot be "named": its holders are anonymous_person actors; use "described"`);
    }
  }
}

/**
 * An event's reporter is judged as a figure's claimant: `attribution` comes with `reported_by` and only
 * with it; unattributed means the reporter is the article itself (its publisher).
 */
function checkEventAttribution(
  collected: Collected,
  report: (located: Located<unknown>, path: FieldPath, message: string) => void,
  kindOf: (id: string | undefined) => ActorKind | undefined,
  isPublisherOf: (actor: string, evidence: readonly { source: string }[]) => boolean,
  publisherNames: (evidence: readonly { source: string }[]) => string,
): void {
  for (const located of collected.records.events) {
    const { reported_by: reporter, attribution, evidence, note_ar } = located.value;
    if (reporter === undefined) {
      if (attribution !== undefined) report(located, ['attribution'], 'is set, but no reported_by says who reports the event; remove it, or add reported_by');
      continue;
    }
    if (attribution === undefined) {
      report(located, ['reported_by'], 'needs an attribution (named, described, inferred or unattributed): how is the reporter tied to the quoted sentences?');
      continue;
    }
    if (attribution === 'unattributed' && !isPublisherOf(reporter, evidence)) {
      report(located, ['reported_by'], `must be the publisher of the cited source (${publisherNames(evidence)}) for an unattributed event (got "${reporter}")`);
    }
    if (attribution === 'described' && !isDescribedKind(kindOf(reporter))) {
      report(located, ['attribution'], 'is "described", so reported_by must be an actor the source describes without naming (kind anonymous_person or political_group)');
    }
    if (attribution === 'named' && kindOf(reporter) === 'anonymous_person') {
      report(located, ['attribution'], `cannot be "named": "${reporter}" is an anonymous_person; use "described"`);
    }
    if (attribution === 'inferred' && note_ar === undefined) {
      report(located, ['attribution'], 'is "inferred", so note_ar must say why the reporter is who it is');
    }
  }
}

/**
 * The briefs print an event's reporter beside its description («… (بحسب عباس سروط)»), so a description
 * that names the reporter too says it twice: one statement, once.
 */
function checkReporterNamedOnce(collected: Collected, report: (located: Located<unknown>, path: FieldPath, message: string) => void): void {
  const names = new Map(collected.records.actors.map((located) => [located.value.id, located.value.name_ar]));
  for (const located of collected.records.events) {
    const { reported_by: reporter, description_ar: description } = located.value;
    const name = reporter === undefined ? undefined : names.get(reporter);
    if (name !== undefined && description.includes(name)) {
      report(located, ['description_ar'], `names the reporter «${name}», which the briefs print beside it from reported_by; say it once: take it out of the description`);
    }
  }
}

function isDescribedKind(kind: ActorKind | undefined): boolean {
  return kind === 'anonymous_person' || kind === 'political_group';
}

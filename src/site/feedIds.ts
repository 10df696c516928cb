import { createHash } from 'node:crypto';
import type { Block, Digits } from '../document/model.js';

/** What an edition says: everything the reader sees, and nothing of how it was typeset. */
export interface EditionContent {
  id: string;
  title: string;
  summary: string;
  asOf: string;
  digits: Digits;
  /** The blocks both the PDF and the HTML edition are made from: the data as the brief prints it. */
  blocks: readonly Block[];
}

/**
 * sha256 of an edition's content, never of its PDF's bytes: a re-typeset of the same data (a font,
 * pdfmake or layout change) keeps it, a change in what the edition says (data, template wording,
 * title, as-of date, digits) makes a new one. Keys are sorted, so it does not depend on the order
 * in which the blocks' properties happened to be built.
 */
export function editionFingerprint(content: EditionContent): string {
  const { id, title, summary, asOf, digits, blocks } = content;
  return createHash('sha256')
    .update(canonicalJson({ id, title, summary, asOf, digits, blocks }))
    .digest('hex');
}

/**
 * Atom ids must never change for the same edition and must change for a new one: a UUID made from
 * the edition's content fingerprint (RFC 9562 version 8: custom, hash-based).
 */
export function editionId(contentFingerprint: string): string {
  return uuidFromHex(contentFingerprint);
}

/** The feed's own id: fixed for a generator name, whatever the data. */
export function feedId(generatorName: string): string {
  return uuidFromHex(createHash('sha256').update(`atom-feed:${generatorName}`).digest('hex'));
}

/** Midnight UTC of an ISO date: Atom wants a full timestamp; the data only has a day. */
export function atomDate(isoDay: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDay)) throw new Error(`not an ISO date (yyyy-mm-dd): "${isoDay}"`);
  return `${isoDay}T00:00:00Z`;
}

function uuidFromHex(hex: string): string {
  if (!/^[0-9a-f]{32,}$/.test(hex)) throw new Error(`expected a hex digest, got "${hex}"`);
  const h = hex.slice(0, 32).split('');
  h[12] = '8'; // version 8
  h[16] = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16); // RFC 4122/9562 variant
  const s = h.join('');
  return `urn:uuid:${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
}

/** JSON with object keys sorted and undefined properties left out (as JSON.stringify does). */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

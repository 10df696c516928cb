import { createHash } from 'node:crypto';

/**
 * Atom ids must never change for the same edition and must change for a new one. An edition is
 * exactly its PDF's bytes, so its id is a UUID made from the PDF's sha256 (RFC 9562 version 8:
 * custom, hash-based), and its date is the data's as-of date: never the wall clock.
 */
export function editionId(pdfSha256: string): string {
  return uuidFromHex(pdfSha256);
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

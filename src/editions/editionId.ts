/**
 * An edition's short id: what it was made from, in eight characters a reader can type or read out.
 *
 * Derived from the validated dataset (its canonical JSON: a comment or a reordered key in data/ does
 * not make a new edition), the templates' fingerprint, the generator version and the digits. Nothing
 * else, and no clock: the same inputs always give the same id, and any change to them a new one.
 */
import { createHash } from 'node:crypto';
import type { Dataset } from '../model/index.js';
import { canonicalJson } from './canonicalJson.js';

export interface EditionInputs {
  /** sha256 of the dataset's canonical JSON (datasetFingerprint). */
  dataset: string;
  /** The templates' fingerprint (check/inputs.ts). */
  templates: string;
  generatorVersion: string;
  digits: string;
}

/** Crockford's base-32 alphabet: no I, L, O or U, so an id read aloud or retyped is not misread. */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
export const EDITION_ID_LENGTH = 8;
export const editionIdPattern = /^[0-9a-hjkmnp-tv-z]{8}$/;

export function datasetJson(dataset: Dataset): string {
  return canonicalJson(dataset);
}

export function datasetFingerprint(dataset: Dataset): string {
  return createHash('sha256').update(datasetJson(dataset)).digest('hex');
}

/** Eight base-32 characters (40 bits) of sha256 over the inputs. */
export function editionId(inputs: EditionInputs): string {
  const digest = createHash('sha256')
    .update(canonicalJson({ kind: 'coalition-briefs edition', ...inputs }))
    .digest();
  let bits = 0;
  let value = 0;
  let id = '';
  for (const byte of digest) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && id.length < EDITION_ID_LENGTH) {
      id += ALPHABET[(value >> (bits - 5)) & 31];
      bits -= 5;
    }
    if (id.length === EDITION_ID_LENGTH) break;
    value &= (1 << bits) - 1;
  }
  return id;
}

/**
 * The Unicode Bidirectional Algorithm (via bidi-js) for one right-to-left paragraph.
 */
import { createRequire } from 'node:module';
import type { Bidi } from 'bidi-js';

// bidi-js is UMD: its typings declare an ES default export, Node gives module.exports.
const bidiFactory = createRequire(import.meta.url)('bidi-js') as () => Bidi;
const bidi = bidiFactory();

export const LRI = '\u2066';
export const PDI = '\u2069';

export interface ResolvedParagraph {
  /** Embedding level per UTF-16 code unit; odd = right-to-left. */
  levels: Uint8Array;
  /** UTF-16 index → mirrored character, for brackets etc. at odd levels. */
  mirrored: Map<number, string>;
}

export function resolveParagraph(text: string): ResolvedParagraph {
  const { levels } = bidi.getEmbeddingLevels(text, 'rtl');
  // Pass the levels array itself: passing the result object silently yields an empty map.
  const mirrored = bidi.getMirroredCharactersMap(text, levels);
  return { levels, mirrored };
}

/**
 * Rule L2: reverses every maximal run at or above each level, from the highest down to 1.
 * Returns the visual order as indices into `levels`.
 */
export function visualOrder(levels: readonly number[]): number[] {
  const order = levels.map((_, i) => i);
  if (levels.length === 0) return order;
  const max = Math.max(...levels);
  for (let level = max; level >= 1; level--) {
    let i = 0;
    while (i < order.length) {
      if (levels[order[i]!]! >= level) {
        let j = i;
        while (j + 1 < order.length && levels[order[j + 1]!]! >= level) j++;
        const run = order.slice(i, j + 1).reverse();
        order.splice(i, run.length, ...run);
        i = j + 1;
      } else {
        i++;
      }
    }
  }
  return order;
}

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
export const LRO = '\u202D';
export const PDF = '\u202C';

/** Bidi class R or AL. */
export function isStrongRtl(char: string): boolean {
  const type = bidi.getBidiCharTypeName(char);
  return type === 'R' || type === 'AL';
}

/**
 * A run to be read left to right as a unit ("35–50", "10-05-2024"): an isolate, so it does not
 * disturb its neighbours, and — when it has no right-to-left letters — an override inside it, since
 * Arabic-Indic digits are Arabic numbers that the algorithm would otherwise lay out right to left.
 */
export function leftToRightUnit(text: string): string {
  const hasRtlLetters = Array.from(text).some(isStrongRtl);
  return hasRtlLetters ? LRI + text + PDI : LRI + LRO + text + PDF + PDI;
}

/**
 * A numeric expression: numbers joined by a hyphen, dash, slash or colon, with at most one space
 * after a hyphen or dash — a range "2016- 2017", a date "10-05-2024", a time "10:30". The plain
 * algorithm lays such a value out right to left after an Arabic word (the numbers become Arabic
 * numbers and the separators neutrals: "10-05-2024" shows as "2024-05-10"); read as one number it
 * must stay left to right, so it becomes a left-to-right unit (digits glued to a Latin letter, "B-52",
 * are a designation, not an expression). Plain numbers with thousands or
 * decimal separators ("3.322.145", "7.5") already stay whole.
 */
const NUMERIC_EXPRESSION = /(?<![A-Za-z\p{Nd}][-‐‑–]?)\p{Nd}+(?:[.,]\p{Nd}+)*(?:(?:[-‐‑–] ?|[/:])\p{Nd}+(?:[.,]\p{Nd}+)*)+/gu;

/** Two digits with a separator between them, at least: what a numeric expression needs (a cheap first test). */
const MAYBE_EXPRESSION = /\p{Nd}[-‐‑–/:]/u;

export function isolateNumericExpressions(text: string): string {
  if (!MAYBE_EXPRESSION.test(text)) return text;
  return text.replace(NUMERIC_EXPRESSION, (expression) => LRI + expression + PDI);
}

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

/** The Bidi_Mirroring_Glyph counterpart of a character ("(" ↔ ")"), if it has one. */
export function mirrorOf(char: string): string | undefined {
  return bidi.getMirroredCharacter(char) ?? undefined;
}

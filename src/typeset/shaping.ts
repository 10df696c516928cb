/**
 * Pipeline step: shaping. One run of text in one face, with the direction its bidi level gives,
 * → glyphs in visual order with advances and offsets (font units). Runs are remembered per face,
 * direction and text: a build shapes each word once.
 *
 * HarfBuzz shapes everything, a vowel stacked above a shadda included ("تضمَّن", raised as the font
 * intends). What readers extract comes from the invisible text layer (textLayer.ts), never from the
 * drawn glyphs' positions, so no word needs a placement chosen for the extractors.
 */
import type { LoadedFace } from './fontRegistry.js';
import type { Direction, ShapedRun } from './shaper.js';

export type { Direction, ShapedRun } from './shaper.js';

const runsByFace = new WeakMap<LoadedFace, Map<string, ShapedRun>>();

export function shapeRun(face: LoadedFace, text: string, direction: Direction): ShapedRun {
  let runs = runsByFace.get(face);
  if (runs === undefined) runsByFace.set(face, (runs = new Map()));
  const key = direction === 'rtl' ? `r${text}` : `l${text}`;
  let run = runs.get(key);
  if (run === undefined) {
    run = face.shaper.shape(text, direction);
    runs.set(key, run);
  }
  return run;
}

/** A run's width in font units. */
export function runAdvance(run: ShapedRun): number {
  return run.advanceWidth;
}

/**
 * Pipeline step: shaping. One run of text in one face, with the direction its bidi level gives,
 * → glyphs in visual order with advances and offsets (font units). Runs are remembered per face,
 * direction and text: a build shapes each word once.
 *
 * HarfBuzz shapes everything, except a word where HarfBuzz stacks one mark on another (a vowel
 * above a shadda, "تضمَّن": the vowel is raised by a vertical offset): text extractors split a word
 * at any baseline jump or long backward move, and fontkit's placement of those marks keeps such
 * words searchable (measured on the seed corpus: pdftotext 123 → 126 of 145 paragraphs in order).
 * Other vertical offsets (cursive attachment, "محل") come out of both shapers identically, so they
 * stay with HarfBuzz: fontkit's engine runs for a handful of words per build (~1.3 ms a word).
 */
import type { LoadedFace } from './fontRegistry.js';
import type { Direction, ShapedRun } from './shaper.js';

export type { Direction, ShapedRun } from './shaper.js';

const STACKED_MARKS = /[\u064B-\u0652\u0670][\u064B-\u0652\u0670]/u;

const runsByFace = new WeakMap<LoadedFace, Map<string, ShapedRun>>();

/** Whether the run raises a zero-advance mark off the baseline. */
function raisesAMark(run: ShapedRun): boolean {
  return run.positions.some((position) => position.yOffset !== 0 && position.xAdvance === 0);
}

export function shapeRun(face: LoadedFace, text: string, direction: Direction): ShapedRun {
  let runs = runsByFace.get(face);
  if (runs === undefined) runsByFace.set(face, (runs = new Map()));
  const key = direction === 'rtl' ? `r${text}` : `l${text}`;
  let run = runs.get(key);
  if (run === undefined) {
    run = face.shaper.shape(text, direction);
    if (raisesAMark(run) && STACKED_MARKS.test(text)) {
      run = face.shaper.adoptCharacters(face.font.layout(text, undefined, undefined, undefined, direction), text, direction);
    }
    runs.set(key, run);
  }
  return run;
}

/** A run's width in font units. */
export function runAdvance(run: ShapedRun): number {
  return run.advanceWidth;
}

import { execFileSync } from 'node:child_process';
import { PNG } from 'pngjs';

/**
 * Is a thumbnail the page? It is compared with poppler's drawing of the same page at the same size, in
 * blocks of 8×8 pixels (each block's average red, green and blue): two renderers' anti-aliasing,
 * stroke weight and half-pixel placements average out; missing ink, another page, and on a page in
 * colour exchanged colour channels, do not.
 *
 * Measured against poppler (0–255 per channel; mean / worst block): the five briefs' page 1 as PDFium
 * draws them here, 1.1–2.8 / 13–22, and 52 in the worst block of the fact sheet's cover with its QR code
 * (modules of 1.2 px, which no renderer draws alike; pdf.js: 44); the Chromium-printed fixture 0.2 / 13.
 * A white page instead: 9.5–12 / 85–182; page 2 instead: 10.7–11.9 / 74–178. Exchanged colour channels
 * barely show on the briefs' near-black pages (40 at most): a page of plain colours tells them (255;
 * tests/site/thumbnail.test.ts).
 */
export const LIKENESS = { meanAtMost: 5, worstBlockAtMost: 64 } as const;

const BLOCK = 8;

/** Page `page` (1-based) of a PDF drawn by poppler's pdftoppm at exactly width × height pixels. */
export function popplerPage(pdf: Uint8Array, page: number, width: number, height: number): PNG {
  const png = execFileSync('pdftoppm', ['-f', String(page), '-l', String(page), '-scale-to-x', String(width), '-scale-to-y', String(height), '-png', '-'], {
    input: pdf,
    maxBuffer: 64 * 1024 * 1024,
  });
  return PNG.sync.read(png);
}

function blockColours(png: PNG): Float64Array {
  const across = Math.ceil(png.width / BLOCK);
  const down = Math.ceil(png.height / BLOCK);
  const sums = new Float64Array(across * down * 3);
  const counts = new Float64Array(across * down);
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const pixel = (y * png.width + x) * 4;
      const block = Math.floor(y / BLOCK) * across + Math.floor(x / BLOCK);
      for (let channel = 0; channel < 3; channel++) sums[block * 3 + channel]! += png.data[pixel + channel]!;
      counts[block]!++;
    }
  }
  for (let block = 0; block < counts.length; block++) for (let channel = 0; channel < 3; channel++) sums[block * 3 + channel]! /= counts[block]!;
  return sums;
}

/** How far `actual` is from `reference` (same size): the mean and the worst of the blocks' channel differences. */
export function difference(reference: PNG, actual: PNG): { mean: number; worstBlock: number } {
  if (reference.width !== actual.width || reference.height !== actual.height) {
    throw new Error(`sizes differ: ${reference.width}×${reference.height} against ${actual.width}×${actual.height}`);
  }
  const [a, b] = [blockColours(reference), blockColours(actual)];
  let total = 0;
  let worstBlock = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i]! - b[i]!);
    total += d;
    worstBlock = Math.max(worstBlock, d);
  }
  return { mean: total / a.length, worstBlock };
}

/** Whether a difference is within what two renderers of the same page show. */
export function looksAlike({ mean, worstBlock }: { mean: number; worstBlock: number }): boolean {
  return mean <= LIKENESS.meanAtMost && worstBlock <= LIKENESS.worstBlockAtMost;
}

/** The same image with its red and blue channels exchanged (what a BGRA/RGBA mix-up draws). */
export function withRedAndBlueExchanged(png: PNG): PNG {
  const copy = new PNG({ width: png.width, height: png.height });
  png.data.copy(copy.data);
  for (let i = 0; i < copy.data.length; i += 4) [copy.data[i], copy.data[i + 2]] = [copy.data[i + 2]!, copy.data[i]!];
  return copy;
}

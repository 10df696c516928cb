/**
 * Compares rendered pages with reference images, pixel by pixel (pixelmatch), and makes the images a
 * person needs to see a difference: the new page and a diff with the changed pixels in red.
 */
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

/**
 * Per pixel, pixelmatch's colour threshold absorbs a grey level's rounding; per page, a few pixels more
 * may differ. Any visible change at 50 dpi — a digit, a moved word, a missing rule — is far above that.
 */
export const PIXEL_THRESHOLD = 0.1;
export const MAX_DIFFERENT_PIXELS = 3;

export interface PageImageDifference {
  /** 1-based. */
  page: number;
  message: string;
  /** The page as rendered now (absent when the page was removed). */
  actual?: Buffer;
  /** Changed pixels in red over a faded reference (when both images exist and have the same size). */
  diff?: Buffer;
}

/** Differences between reference page images (undefined: no reference) and the rendered pages. */
export function comparePageImages(references: (Buffer | undefined)[], actual: Buffer[]): PageImageDifference[] {
  const differences: PageImageDifference[] = [];
  for (let i = 0; i < Math.max(references.length, actual.length); i++) {
    const page = i + 1;
    const [reference, now] = [references[i], actual[i]];
    if (!now) differences.push({ page, message: `page ${page}: removed (the reference has it, the PDF does not)` });
    else if (!reference) differences.push({ page, message: `page ${page}: no reference image`, actual: now });
    else differences.push(...comparePage(page, reference, now));
  }
  return differences;
}

function comparePage(page: number, referencePng: Buffer, actualPng: Buffer): PageImageDifference[] {
  if (referencePng.equals(actualPng)) return [];
  const reference = PNG.sync.read(referencePng);
  const actual = PNG.sync.read(actualPng);
  if (reference.width !== actual.width || reference.height !== actual.height) {
    const size = (png: PNG) => `${png.width}×${png.height}`;
    return [{ page, message: `page ${page}: size ${size(reference)} → ${size(actual)} px`, actual: actualPng }];
  }
  const diff = new PNG({ width: actual.width, height: actual.height });
  const count = pixelmatch(reference.data, actual.data, diff.data, actual.width, actual.height, {
    threshold: PIXEL_THRESHOLD,
    // Count anti-aliased pixels too: at 50 dpi most of a glyph is anti-aliasing.
    includeAA: true,
  });
  if (count <= MAX_DIFFERENT_PIXELS) return [];
  return [{ page, message: `page ${page}: ${count} pixels differ`, actual: actualPng, diff: PNG.sync.write(diff) }];
}

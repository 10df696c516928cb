/**
 * WOFF (1.0) → plain TrueType. fontkit re-inflates WOFF tables on every glyph read (6.7 s vs 1.1 s
 * for the seed corpus), and its subsetter crashes on fontsource's WOFF2, so we embed TrueType.
 * The conversion is a pure function of the input bytes, hence deterministic.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// Loaded on the first conversion (it brings pako, ~7 ms): a prepared fonts/ folder never needs it.
let converter: { toSfnt(woff: Buffer): Buffer } | undefined;

export function woffToSfnt(woff: Uint8Array): Buffer {
  converter ??= require('woff2sfnt-sfnt2woff') as { toSfnt(woff: Buffer): Buffer };
  return converter.toSfnt(Buffer.from(woff));
}

/**
 * The mirrored-bracket family: the Latin file once more, under a PDF font name of its own. In
 * right-to-left text "(" is drawn with the glyph of ")"; a PDF maps each glyph of a font to one text
 * value (ToUnicode), so in this font that glyph means "(": copied and searched text has the brackets
 * the author wrote, while the Latin font keeps ")" for ")".
 */
import type { LoadedFace } from './fontRegistry.js';

export const MIRRORED_FAMILY = 'AmiriMirrored';

/** pdfmake keys fonts by path: the mirrored family gets a path of its own beside the Latin file. */
const MIRRORED_SUFFIX = '#mirrored-brackets';

export function mirroredBracketFace(latin: LoadedFace): LoadedFace {
  return {
    ...latin,
    family: MIRRORED_FAMILY,
    path: latin.path + MIRRORED_SUFFIX,
    postscriptName: `${latin.postscriptName}-MirroredBrackets`,
    mirroredBrackets: true,
  };
}

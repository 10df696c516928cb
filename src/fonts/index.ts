export { fontFaces, ttfPath, fontScripts, fontWeights } from './fontFiles.js';
export type { FontFace, FontScript, FontWeight } from './fontFiles.js';
export { prepareFonts } from './prepareFonts.js';
export { woffToSfnt } from './woffToSfnt.js';
export {
  describeUndrawable,
  familyForChar,
  locateUnsupportedCharacters,
  UndrawableTextError,
  unsupportedCharacters,
  type LocatedCharacter,
  type UnsupportedCharacter,
} from './coverage.js';
export { familyFallbackOrder, familyOfScript, type FamilyName } from './families.js';
export { convertFace, trueTypeFor } from './trueType.js';
export { parsedFonts, type ParsedFont, type ParsedFonts } from './parsedFonts.js';
export { fontkit, type FontkitFont } from './fontkit.js';

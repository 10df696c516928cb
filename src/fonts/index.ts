export { fontFaces, ttfPath, fontScripts, fontWeights } from './fontFiles.js';
export type { FontFace, FontScript, FontWeight } from './fontFiles.js';
export { prepareFonts } from './prepareFonts.js';
export { woffToSfnt } from './woffToSfnt.js';
export { familyForChar, unsupportedCharacters, type UnsupportedCharacter } from './coverage.js';

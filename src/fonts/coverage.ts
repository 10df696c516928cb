/**
 * Font fallback: which embedded Amiri file draws each character.
 *
 * Arabic-script characters (by Script_Extensions, so "،" U+060C goes with Arabic) use the Arabic
 * file; everything else the Latin file, then Latin-extended, then whichever file has the glyph.
 */
import { familyFallbackOrder, type FamilyName } from './families.js';
import { parsedFonts } from './parsedFonts.js';

const ARABIC_SCRIPT_EXT = /\p{Script_Extensions=Arabic}/u;

/** Characters the engine consumes itself and never draws: bidi controls, joiners, BOM, line breaks. */
export const INVISIBLE_CONTROLS = /[\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF\u00AD\r\n\t]/u;

/** Remembered per code point: every character of every paragraph asks. */
const familyOfCodePoint = new Map<number, FamilyName | null>();

export function familyForChar(char: string): FamilyName | undefined {
  const cp = char.codePointAt(0)!;
  let family = familyOfCodePoint.get(cp);
  if (family === undefined) {
    family = chooseFamily(char, cp);
    familyOfCodePoint.set(cp, family);
  }
  return family ?? undefined;
}

function chooseFamily(char: string, cp: number): FamilyName | null {
  const { coverage } = parsedFonts();
  if (ARABIC_SCRIPT_EXT.test(char) && coverage.get('AmiriArabic')!.has(cp)) return 'AmiriArabic';
  for (const family of familyFallbackOrder) {
    if (coverage.get(family)!.has(cp)) return family;
  }
  return null;
}

export interface UnsupportedCharacter {
  char: string;
  /** e.g. "U+1F600" */
  codePoint: string;
  /** UTF-16 index in the input string. */
  index: number;
}

/** Characters no embedded font can draw (after the controls we handle), for validation errors. */
export function unsupportedCharacters(text: string): UnsupportedCharacter[] {
  const found: UnsupportedCharacter[] = [];
  let index = 0;
  for (const char of text) {
    if (char !== ' ' && !INVISIBLE_CONTROLS.test(char) && familyForChar(char) === undefined) {
      const hex = char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      found.push({ char, codePoint: `U+${hex}`, index });
    }
    index += char.length;
  }
  return found;
}

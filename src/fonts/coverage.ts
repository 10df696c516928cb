/**
 * Font fallback: which embedded Amiri file draws each character.
 *
 * Arabic-script characters (by Script_Extensions, so "،" U+060C goes with Arabic) use the Arabic
 * file; everything else the Latin file, then Latin-extended, then whichever file has the glyph.
 */
import { familyFallbackOrder, type FamilyName } from './families.js';
import { parsedFonts } from './parsedFonts.js';

const ARABIC_SCRIPT_EXT = /\p{Script_Extensions=Arabic}/u;

/**
 * Characters the engine consumes itself and never draws: bidi controls, joiners, BOM, soft hyphen,
 * line breaks. (A comparison, not a regular expression: every character of every paragraph asks.)
 */
export function isInvisibleControl(char: string): boolean {
  const c = char.charCodeAt(0);
  return (
    (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || c === 0x2060 || (c >= 0x2066 && c <= 0x2069) ||
    c === 0xfeff || c === 0xad || c === 0x0d || c === 0x0a || c === 0x09
  );
}

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

/** Line and paragraph separators (U+2028, U+2029): a font may map them, but they are breaks, not glyphs. */
const SEPARATORS = /[\p{Zl}\p{Zp}]/u;

function chooseFamily(char: string, cp: number): FamilyName | null {
  if (SEPARATORS.test(char)) return null;
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
    if (char !== ' ' && !isInvisibleControl(char) && familyForChar(char) === undefined) {
      const hex = char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      found.push({ char, codePoint: `U+${hex}`, index });
    }
    index += char.length;
  }
  return found;
}

/** An undrawable character with where it stands: 1-based line and column (in characters) of a text. */
export interface LocatedCharacter extends UnsupportedCharacter {
  line: number;
  column: number;
}

/** Every character of a text no embedded font can draw, with its line and column. */
export function locateUnsupportedCharacters(text: string): LocatedCharacter[] {
  const found: LocatedCharacter[] = [];
  text.split('\n').forEach((lineText, lineIndex) => {
    const columns = [...lineText];
    const indexOfColumn = new Map<number, number>();
    let unit = 0;
    columns.forEach((char, column) => {
      indexOfColumn.set(unit, column);
      unit += char.length;
    });
    for (const character of unsupportedCharacters(lineText)) {
      found.push({ ...character, line: lineIndex + 1, column: indexOfColumn.get(character.index)! + 1 });
    }
  });
  return found;
}

/** How an undrawable character is named in an error: `U+4E00 "一"`. */
export function describeUndrawable(character: UnsupportedCharacter): string {
  return `${character.codePoint} "${character.char}"`;
}

/**
 * Thrown by the typesetter rather than draw a missing-glyph box: the text holds a character that no
 * embedded font can draw. (Validation reports such characters in the data before it gets here.)
 */
export class UndrawableTextError extends Error {
  override name = 'UndrawableTextError';
  constructor(readonly characters: readonly LocatedCharacter[]) {
    super(
      characters
        .map((c) => `line ${c.line}, column ${c.column}: character ${describeUndrawable(c)} cannot be drawn by any embedded font`)
        .join('\n'),
    );
  }
}

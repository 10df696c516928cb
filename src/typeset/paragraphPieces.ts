/**
 * Pipeline steps: bidi, numeric-expression and <ltr> isolation, font runs. One paragraph of Inline
 * runs (logical order) → pieces (still logical order).
 *
 * A "piece" is a stretch of one word with a single font, style and bidi level, plus — on a word's
 * last piece — the spaces that follow it. Lines break between pieces (never inside one), a word's
 * pieces stay together (noNewLine), and each piece is measured (lineBreaking.ts, paragraphLayout.ts).
 * The piece carries what the line layout needs after breaking: its level (which is also the
 * direction it is shaped in), its trailing spaces' level, and the characters it draws.
 */
import type { Digits, Inline } from '../document/model.js';
import { isolateNumericExpressions, leftToRightUnit, resolveParagraph } from './bidi.js';
import { localizeDigits } from '../arabic/digits.js';
import { familyForChar, isInvisibleControl, locateUnsupportedCharacters, UndrawableTextError } from '../fonts/coverage.js';
import { isGluedSpace, mayNotStartLine } from './breakRules.js';
import type { FamilyName } from '../fonts/families.js';
import type { EngineNodeFields } from './nodeFields.js';

export interface BidiPieceInfo {
  /** Bidi level of the piece's characters. */
  level: number;
  /** Bidi level of the spaces after the piece (if any). */
  spaceLevel: number;
  /**
   * The characters drawn, in reading order and as written, without the word separators: shaped at
   * an odd level right to left, where HarfBuzz mirrors brackets.
   */
  text: string;
}

/** A piece (its fields are named as pdfmake names an inline's). */
export interface PieceInline {
  /** What is measured: the characters as written (brackets unmirrored), plus the separating spaces. */
  text: string;
  font: FamilyName;
  bold?: boolean;
  sup?: boolean;
  color?: string;
  noWrap: true;
  noNewLine?: boolean;
  /** Set where a piece begins or ends with a no-break (or other non-ASCII) space, which is part of the word. */
  preserveLeadingSpaces?: boolean;
  preserveTrailingSpaces?: boolean;
  _bidi: EngineNodeFields['_bidi'];
}

export interface PieceStyle {
  /** Colour for muted runs. */
  mutedColor: string;
  /** Colour for citation markers. */
  citeColor: string;
}

export const defaultPieceStyle: PieceStyle = { mutedColor: '#5f5f5f', citeColor: '#3a3a3a' };

interface CharInfo {
  char: string;
  index: number;
  inline: number;
}

/**
 * An inline's text as the bidi algorithm sees it: Western digits, numeric expressions and ltr runs
 * isolated. The digits drawn are localised afterwards, character for character, so the levels
 * apply to the drawn text unchanged: Arabic-Indic digits are laid out as Western ones would be
 * (a number after a Latin name stays with it, "Group ٢٠٢١", as "Group 2021" does), so the layout
 * does not depend on the digit style.
 */
function logicalText(inline: Inline): string {
  const text = inline.text.replace(/[\t\r\n]+/g, ' ');
  return inline.ltr ? leftToRightUnit(text) : isolateNumericExpressions(text);
}

export function paragraphPieces(
  content: readonly Inline[],
  digits: Digits,
  style: PieceStyle = defaultPieceStyle,
): PieceInline[] {
  const logicalParts = content.map(logicalText);
  const parts = logicalParts.map((p) => localizeDigits(p, digits));
  const bidiText = logicalParts.join('');
  // Trim the paragraph's outer spaces; keep inner ones (they are word separators).
  const text = parts.join('');
  const owner: number[] = [];
  parts.forEach((p, i) => {
    for (let k = 0; k < p.length; k++) owner.push(i);
  });
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  if (end <= start) return [];
  // Localisation maps each UTF-16 unit to one; were that to change, the drawn text is resolved.
  const { levels, mirrored } = resolveParagraph(bidiText.length === text.length ? bidiText : text);

  const chars: CharInfo[] = [];
  for (let i = start; i < end; ) {
    const char = String.fromCodePoint(text.codePointAt(i)!);
    chars.push({ char, index: i, inline: owner[i]! });
    i += char.length;
  }

  const pieces: PieceInline[] = [];
  let current: { text: string; family: FamilyName; inline: number; level: number } | undefined;
  let wordStartPiece = 0;

  const flush = (): void => {
    if (!current) return;
    const inline = content[current.inline]!;
    // Pieces keep the brackets as written: a mirrored "(" drawn as ")" would read as a closing
    // bracket, before which no line may break. Mirror images are as wide as the originals.
    const piece: PieceInline = {
      text: current.text,
      font: current.family,
      noWrap: true,
      noNewLine: true,
      _bidi: { level: current.level, spaceLevel: 1, text: current.text },
    };
    if (inline.bold) piece.bold = true;
    if (inline.cite) {
      piece.sup = true;
      piece.color = style.citeColor;
      // A citation marker never starts a line, even after a space.
      const previous = pieces[pieces.length - 1];
      if (previous && pieces.length === wordStartPiece) previous.noNewLine = true;
    }
    if (inline.muted) piece.color = style.mutedColor;
    // Whitespace at a piece's ends (\s, so no-break spaces too) is trimmed at a line end unless
    // preserved. Word separators are added later (endWord); any space here belongs to the word.
    if (/^\s/u.test(piece.text)) piece.preserveLeadingSpaces = true;
    if (/\s$/u.test(piece.text)) piece.preserveTrailingSpaces = true;
    pieces.push(piece);
    current = undefined;
  };

  const endWord = (spaces: string, spaceLevel: number): void => {
    flush();
    const last = pieces[pieces.length - 1];
    if (!last || pieces.length === wordStartPiece) return;
    last.text += spaces;
    // The separator must be trimmed at a line end. (Flags are cleared, not deleted: a deleted
    // property turns the object into a slow dictionary.)
    if (last.preserveTrailingSpaces) last.preserveTrailingSpaces = false;
    last._bidi.spaceLevel = spaceLevel;
    last.noNewLine = false;
    wordStartPiece = pieces.length;
  };

  for (let c = 0; c < chars.length; c++) {
    const { char, index, inline } = chars[c]!;
    if (char === ' ') {
      let spaces = ' ';
      while (chars[c + 1]?.char === ' ') {
        spaces += ' ';
        c++;
      }
      endWord(spaces, levels[index]!);
      if (spaces.length === 1 && isGluedSpace(text, index)) {
        const prev = pieces[pieces.length - 1];
        if (prev) prev.noNewLine = true;
      }
      // A word that must not start a line stays with the previous one.
      let next = c + 1;
      while (next < chars.length && isInvisibleControl(chars[next]!.char)) next++;
      if (next < chars.length && mayNotStartLine(chars[next]!.char)) {
        const prev = pieces[pieces.length - 1];
        if (prev) prev.noNewLine = true;
      }
      continue;
    }
    if (isInvisibleControl(char)) continue;
    const level = levels[index]!;
    const isMirrored = level % 2 === 1 && mirrored.has(index);
    const ownFamily = familyForChar(char);
    // Never a missing-glyph box: a character no font has stops the typesetting, named.
    if (ownFamily === undefined) throw new UndrawableTextError(locateUnsupportedCharacters(text));
    // A mirrored bracket is drawn from the font whose text layer maps it back to what was written.
    const family = isMirrored && ownFamily === 'AmiriLatin' ? 'AmiriMirrored' : ownFamily;
    if (
      current &&
      current.family === family &&
      current.level === level &&
      current.inline === inline
    ) {
      current.text += char;
    } else {
      flush();
      current = { text: char, family, inline, level };
    }
  }
  endWord('', 1);
  const last = pieces[pieces.length - 1];
  if (last) last.noNewLine = false;
  return pieces;
}

/**
 * The font files, read and parsed (fontkit) once per process: what coverage (validation) and the
 * typesetter (shaping, embedding) both start from. No shaping here, so validating data stays light.
 */
import { fontFaces, ttfPath, type FontFace } from './fontFiles.js';
import { familyOfScript, type FamilyName } from './families.js';
import { fontkit, type FontkitFont } from './fontkit.js';
import { trueTypeFor } from './trueType.js';

export interface ParsedFont {
  face: FontFace;
  family: FamilyName;
  bold: boolean;
  /** Absolute path of the TrueType file in fonts/. */
  path: string;
  bytes: Buffer;
  font: FontkitFont;
}

export interface ParsedFonts {
  fonts: ParsedFont[];
  /** Code points each family can draw (regular and bold cover the same set). */
  coverage: Map<FamilyName, Set<number>>;
}

let parsed: ParsedFonts | undefined;

export function parsedFonts(): ParsedFonts {
  if (parsed) return parsed;
  const fonts = fontFaces().map((face): ParsedFont => {
    const bytes = trueTypeFor(face);
    return {
      face,
      family: familyOfScript[face.script],
      bold: face.weight === 700,
      path: ttfPath(face),
      bytes,
      font: fontkit.create(bytes),
    };
  });
  const coverage = new Map<FamilyName, Set<number>>();
  for (const f of fonts) {
    if (!f.bold) coverage.set(f.family, new Set(f.font.characterSet));
  }
  parsed = { fonts, coverage };
  return parsed;
}

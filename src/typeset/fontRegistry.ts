/**
 * The faces the typesetter draws with, once per process: each font file as fonts/ parsed it
 * (bytes, fontkit, coverage), with its HarfBuzz shaper, plus the mirrored-bracket family
 * (mirroredBrackets.ts). Shaping policy is shaping.ts; the pdfmake font table is pdfmakeAdapter.ts.
 */
import path from 'node:path';
import type { FontFace } from '../fonts/fontFiles.js';
import type { FamilyName } from '../fonts/families.js';
import type { FontkitFont } from '../fonts/fontkit.js';
import { parsedFonts } from '../fonts/parsedFonts.js';
import { HarfBuzzShaper } from './shaper.js';
import { MIRRORED_FAMILY, mirroredBracketFace } from './mirroredBrackets.js';

export type { FamilyName } from '../fonts/families.js';

export interface LoadedFace {
  face: FontFace;
  family: FamilyName;
  bold: boolean;
  /**
   * Absolute path of the TrueType file; the mirrored-bracket family (see below) gets a path of its
   * own beside it, since pdfmake keys fonts by path.
   */
  path: string;
  bytes: Buffer;
  /** The PDF font name (BaseFont); distinct for the mirrored-bracket family. */
  postscriptName: string;
  /** Font units per em (read once: fontkit computes it on every access). */
  unitsPerEm: number;
  font: FontkitFont;
  shaper: HarfBuzzShaper;
  /**
   * In this family every glyph is a bracket drawn for its mirror image ("(" drawn as ")") in
   * right-to-left text. A PDF maps each glyph to one text value (ToUnicode): in this font, ")" means
   * "(", so copied and searched text has the brackets the author wrote, while the Latin font keeps
   * ")" for ")".
   */
  mirroredBrackets: boolean;
}

export interface FontRegistry {
  faces: LoadedFace[];
  /** Code points each family can draw (regular and bold cover the same set). */
  coverage: Map<FamilyName, Set<number>>;
  paths: Set<string>;
  faceOf(family: FamilyName, bold: boolean): LoadedFace;
  /** The face loaded from a path (see LoadedFace.path). */
  faceAt(filePath: string): LoadedFace | undefined;
  fontOf(family: FamilyName, bold: boolean): FontkitFont;
}

let registry: FontRegistry | undefined;

export function loadFonts(): FontRegistry {
  if (registry) return registry;
  const { fonts, coverage: fileCoverage } = parsedFonts();
  const faces: LoadedFace[] = fonts.flatMap(({ face, family, bold, path: filePath, bytes, font }) => {
    const loaded: LoadedFace = {
      face,
      family,
      bold,
      path: filePath,
      bytes,
      postscriptName: font.postscriptName,
      unitsPerEm: font.unitsPerEm,
      font,
      shaper: new HarfBuzzShaper(bytes, font),
      mirroredBrackets: false,
    };
    return face.script === 'latin' ? [loaded, mirroredBracketFace(loaded)] : [loaded];
  });
  const coverage = new Map(fileCoverage);
  coverage.set(MIRRORED_FAMILY, fileCoverage.get('AmiriLatin')!);
  const byPath = new Map(faces.map((f) => [f.path, f]));
  const faceOf = (family: FamilyName, bold: boolean): LoadedFace => faces.find((f) => f.family === family && f.bold === bold)!;
  registry = {
    faces,
    coverage,
    paths: new Set(byPath.keys()),
    faceOf,
    faceAt: (filePath) => byPath.get(path.resolve(filePath)),
    fontOf: (family, bold) => faceOf(family, bold).font,
  };
  return registry;
}

/**
 * The height pdfmake gives a line of text in a family at a size (pdfkit's lineHeight without the
 * line gap: ascent to descent), which the composition measures room with.
 */
export function lineHeight(family: string, bold: boolean, size: number): number {
  const font = loadFonts().fontOf(family as FamilyName, bold);
  return ((font.ascent - font.descent) / font.unitsPerEm) * size;
}

/**
 * The embedded fonts, loaded and parsed once per process: for each Amiri file, its TrueType bytes,
 * its fontkit parse (cmap, coverage, and the placement of stacked marks: see shaping.ts) and its
 * HarfBuzz shaper. Nothing here touches pdfmake or pdfkit: pdfmakeAdapter.ts hands these faces to
 * them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fontFaces, ttfPath, type FontFace, type FontScript } from '../fonts/fontFiles.js';
import { woffToSfnt } from '../fonts/woffToSfnt.js';
import { fontkit, type FontkitFont } from '../fonts/fontkit.js';
import { HarfBuzzShaper } from './shaper.js';

export { fontkit, type FontkitFont } from '../fonts/fontkit.js';

export type FamilyName = 'AmiriArabic' | 'AmiriLatin' | 'AmiriLatinExt' | 'AmiriMirrored';

export const familyOfScript: Record<FontScript, FamilyName> = {
  arabic: 'AmiriArabic',
  latin: 'AmiriLatin',
  'latin-ext': 'AmiriLatinExt',
};

/** Fallback order when a character is not in the font its script suggests. */
export const familyFallbackOrder: readonly FamilyName[] = ['AmiriLatin', 'AmiriLatinExt', 'AmiriArabic'];

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

/** TrueType bytes for a face: fonts/ if prepared, else converted now (and cached to fonts/ if writable). */
export function trueTypeFor(face: FontFace, dir?: string): Buffer {
  const target = ttfPath(face, dir);
  if (fs.existsSync(target)) return fs.readFileSync(target);
  const ttf = woffToSfnt(fs.readFileSync(face.woffPath));
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, ttf);
  } catch {
    // read-only install: the in-memory conversion is enough
  }
  return ttf;
}

const MIRRORED_SUFFIX = '#mirrored-brackets';

let registry: FontRegistry | undefined;

export function loadFonts(): FontRegistry {
  if (registry) return registry;
  const faces: LoadedFace[] = fontFaces().flatMap((face) => {
    const filePath = ttfPath(face);
    const bytes = trueTypeFor(face);
    const font = fontkit.create(bytes);
    const loaded: LoadedFace = {
      face,
      family: familyOfScript[face.script],
      bold: face.weight === 700,
      path: filePath,
      bytes,
      postscriptName: font.postscriptName,
      unitsPerEm: font.unitsPerEm,
      font,
      shaper: new HarfBuzzShaper(bytes, font),
      mirroredBrackets: false,
    };
    if (face.script !== 'latin') return [loaded];
    const mirrored: LoadedFace = {
      ...loaded,
      family: 'AmiriMirrored',
      path: filePath + MIRRORED_SUFFIX,
      postscriptName: `${font.postscriptName}-MirroredBrackets`,
      mirroredBrackets: true,
    };
    return [loaded, mirrored];
  });
  const coverage = new Map<FamilyName, Set<number>>();
  for (const f of faces) {
    if (!f.bold) coverage.set(f.family, new Set(f.font.characterSet));
  }
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

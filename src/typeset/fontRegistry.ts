/**
 * The embedded fonts, loaded and parsed once per process.
 *
 * pdfkit parses a font anew for every document (fontkit.create on the file's bytes). To parse each
 * Amiri file once, we register a tiny fontkit format (fontkit.registerFormat, public API) that
 * recognises a short token buffer and hands back the already-parsed font object. pdfmake receives
 * those tokens through its virtual file system under the TrueType files' real paths.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fontFaces, ttfPath, type FontFace, type FontScript } from '../fonts/fontFiles.js';
import { woffToSfnt } from '../fonts/woffToSfnt.js';
import { HarfBuzzShaper } from './shaper.js';

const require = createRequire(import.meta.url);
const pdfkitRequire = createRequire(createRequire(require.resolve('pdfmake')).resolve('pdfkit'));

/** The parts of a fontkit font we use. */
export interface FontkitFont {
  postscriptName: string;
  unitsPerEm: number;
  ascent: number;
  descent: number;
  characterSet: number[];
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphForCodePoint(codePoint: number): { id: number };
  layout(text: string, features?: unknown, script?: string, language?: string, direction?: string): {
    glyphs: { id: number; codePoints: number[] }[];
    positions: { xAdvance: number }[];
  };
}

interface Fontkit {
  create(buffer: Uint8Array, postscriptName?: string): FontkitFont;
  registerFormat(format: unknown): void;
}

/** The same fontkit instance pdfkit uses, so our registered format is seen by pdfkit. */
export const fontkit = pdfkitRequire('fontkit') as Fontkit;

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
  /** Absolute path of the TrueType file (also the key in pdfmake's virtual file system). */
  path: string;
  font: FontkitFont;
  /** The token buffer that resolves to `font` through the registered fontkit format. */
  token: Buffer;
}

export interface FontRegistry {
  faces: LoadedFace[];
  /** Code points each family can draw (regular and bold cover the same set). */
  coverage: Map<FamilyName, Set<number>>;
  /** pdfmake `fonts` definition: family → { normal, bold, italics, bolditalics } paths. */
  pdfmakeFonts: Record<FamilyName, { normal: string; bold: string; italics: string; bolditalics: string }>;
  paths: Set<string>;
  fontOf(family: FamilyName, bold: boolean): FontkitFont;
}

const TOKEN_PREFIX = 'coalition-briefs-parsed-font:';
const parsedFonts = new Map<string, FontkitFont>();

/** fontkit format: `new Format(stream)` returns the cached font for a token buffer. */
function CachedFontFormat(this: unknown, stream: { buffer: Uint8Array }): FontkitFont {
  const key = Buffer.from(stream.buffer).toString('utf8').slice(TOKEN_PREFIX.length);
  const font = parsedFonts.get(key);
  if (!font) throw new Error(`unknown font token ${key}`);
  return font;
}
CachedFontFormat.probe = (buffer: Uint8Array): boolean =>
  buffer.length < 200 && Buffer.from(buffer.subarray(0, TOKEN_PREFIX.length)).toString('utf8') === TOKEN_PREFIX;

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

/**
 * Layouts pdfkit asks of this font are shaped by HarfBuzz (see shaper.ts), except:
 *  - a word where HarfBuzz stacks one mark on another (a vowel above a shadda, "تضمَّن": the
 *    vowel is raised by a vertical offset): text extractors split a word at any baseline jump or
 *    long backward move, and fontkit's placement of those marks keeps such words searchable
 *    (measured on the seed corpus: pdftotext 123 → 126 of 145 paragraphs in order);
 *  - a call with OpenType feature overrides, which our documents never make.
 * Other vertical offsets (cursive attachment, "محل") come out of both shapers identically (checked on
 * every word of the data and the seed articles), so they stay with HarfBuzz: fontkit's engine then
 * runs for a handful of words per build instead of ~75 (~1.3 ms a word, measured).
 */
const STACKED_MARKS = /[\u064B-\u0652\u0670][\u064B-\u0652\u0670]/u;

function shapeWithHarfBuzz(font: FontkitFont, bytes: Uint8Array): void {
  const shaper = new HarfBuzzShaper(bytes, font);
  const fontkitLayout = font.layout.bind(font);
  font.layout = (text, features, ...rest) => {
    if (features !== undefined || rest.some((argument) => argument !== undefined)) return fontkitLayout(text, features, ...rest);
    const run = shaper.shape(text);
    const raisesAMark = run.positions.some((position) => position.yOffset !== 0 && position.xAdvance === 0);
    if (!raisesAMark || !STACKED_MARKS.test(text)) return run;
    return shaper.adoptCharacters(fontkitLayout(text), text);
  };
}

/**
 * Brackets mirrored in right-to-left text ("(" drawn as ")") come from a second instance of the Latin
 * file, embedded as a font of its own. A PDF maps each glyph to one text value (ToUnicode): in this
 * font, ")" means "(", so copied and searched text has the brackets the author wrote, while the Latin
 * font keeps ")" for ")". pdfkit merges fonts by PostScript name, hence the distinct name.
 */
const mirroredFonts = new WeakSet<object>();
const MIRRORED_SUFFIX = '#mirrored-brackets';

export function isMirroredBracketFont(font: object): boolean {
  return mirroredFonts.has(font);
}

function mirroredBracketFace(latin: LoadedFace, bytes: Uint8Array): LoadedFace {
  const font = fontkit.create(bytes);
  Object.defineProperty(font, 'postscriptName', { value: `${latin.font.postscriptName}-MirroredBrackets` });
  shapeWithHarfBuzz(font, bytes);
  mirroredFonts.add(font);
  const virtualPath = latin.path + MIRRORED_SUFFIX;
  parsedFonts.set(virtualPath, font);
  return { ...latin, family: 'AmiriMirrored', path: virtualPath, font, token: Buffer.from(TOKEN_PREFIX + virtualPath, 'utf8') };
}

let registry: FontRegistry | undefined;

export function loadFonts(): FontRegistry {
  if (registry) return registry;
  fontkit.registerFormat(CachedFontFormat);
  const faces: LoadedFace[] = fontFaces().flatMap((face) => {
    const filePath = ttfPath(face);
    const bytes = trueTypeFor(face);
    const font = fontkit.create(bytes);
    shapeWithHarfBuzz(font, bytes);
    parsedFonts.set(filePath, font);
    const loaded: LoadedFace = {
      face,
      family: familyOfScript[face.script],
      bold: face.weight === 700,
      path: filePath,
      font,
      token: Buffer.from(TOKEN_PREFIX + filePath, 'utf8'),
    };
    return face.script === 'latin' ? [loaded, mirroredBracketFace(loaded, bytes)] : [loaded];
  });
  const coverage = new Map<FamilyName, Set<number>>();
  for (const f of faces) {
    if (!f.bold) coverage.set(f.family, new Set(f.font.characterSet));
  }
  const pdfmakeFonts = {} as FontRegistry['pdfmakeFonts'];
  for (const family of [...Object.values(familyOfScript), 'AmiriMirrored' as const]) {
    const regular = faces.find((f) => f.family === family && !f.bold)!;
    const bold = faces.find((f) => f.family === family && f.bold)!;
    pdfmakeFonts[family] = { normal: regular.path, bold: bold.path, italics: regular.path, bolditalics: bold.path };
  }
  const fontOf = (family: FamilyName, bold: boolean): FontkitFont =>
    faces.find((f) => f.family === family && f.bold === bold)!.font;
  registry = { faces, coverage, pdfmakeFonts, paths: new Set(faces.map((f) => f.path)), fontOf };
  return registry;
}

/**
 * The Amiri font files the engine embeds: @fontsource/amiri ships them split by Unicode range
 * (Arabic, Latin, Latin-extended) as WOFF only; we convert each once into plain TrueType in fonts/.
 * Those subsets lack characters the full Amiri has (U+25CC dotted circle, U+201B, U+201F, U+2012,
 * U+2015, …): the complete Amiri from @expo-google-fonts/amiri (TrueType already) draws those, and
 * is embedded only in a PDF that uses it.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fontsDir } from '../paths.js';

/** Which part of Amiri a file holds: a fontsource subset, or the complete font (the fallback). */
export type FontScript = 'arabic' | 'latin' | 'latin-ext' | 'complete';
export type FontWeight = 400 | 700;

export interface FontFace {
  script: FontScript;
  weight: FontWeight;
  /** The file in its npm package: WOFF inside @fontsource/amiri, TrueType for the complete font. */
  sourcePath: string;
  sourceFormat: 'woff' | 'ttf';
  /** The converted TrueType file name inside fonts/. */
  ttfName: string;
}

/** The fontsource subsets, in file order. */
export const fontScripts: readonly FontScript[] = ['arabic', 'latin', 'latin-ext'];
export const fontWeights: readonly FontWeight[] = [400, 700];

const require = createRequire(import.meta.url);

/** The directory of @fontsource/amiri's files, found through Node's resolution (never the network). */
export function fontsourceFilesDir(): string {
  const pkgJson = require.resolve('@fontsource/amiri/package.json');
  return path.join(path.dirname(pkgJson), 'files');
}

/** The directory of @expo-google-fonts/amiri, the complete Amiri as TrueType. */
export function completeAmiriDir(): string {
  return path.dirname(require.resolve('@expo-google-fonts/amiri/package.json'));
}

const completeFileOf: Record<FontWeight, string> = { 400: '400Regular/Amiri_400Regular.ttf', 700: '700Bold/Amiri_700Bold.ttf' };

export function fontFaces(): FontFace[] {
  const srcDir = fontsourceFilesDir();
  const faces: FontFace[] = [];
  for (const script of fontScripts) {
    for (const weight of fontWeights) {
      faces.push({
        script,
        weight,
        sourcePath: path.join(srcDir, `amiri-${script}-${weight}-normal.woff`),
        sourceFormat: 'woff',
        ttfName: `amiri-${script}-${weight}.ttf`,
      });
    }
  }
  for (const weight of fontWeights) {
    faces.push({
      script: 'complete',
      weight,
      sourcePath: path.join(completeAmiriDir(), completeFileOf[weight]),
      sourceFormat: 'ttf',
      ttfName: `amiri-complete-${weight}.ttf`,
    });
  }
  return faces;
}

export function ttfPath(face: FontFace, dir: string = fontsDir): string {
  return path.join(dir, face.ttfName);
}

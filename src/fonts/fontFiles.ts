/**
 * The Amiri font files the engine embeds: @fontsource/amiri ships them split by Unicode range
 * (Arabic, Latin, Latin-extended) as WOFF only; we convert each once into plain TrueType in fonts/.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fontsDir } from '../paths.js';

export type FontScript = 'arabic' | 'latin' | 'latin-ext';
export type FontWeight = 400 | 700;

export interface FontFace {
  script: FontScript;
  weight: FontWeight;
  /** The WOFF file inside @fontsource/amiri. */
  woffPath: string;
  /** The converted TrueType file name inside fonts/. */
  ttfName: string;
}

export const fontScripts: readonly FontScript[] = ['arabic', 'latin', 'latin-ext'];
export const fontWeights: readonly FontWeight[] = [400, 700];

const require = createRequire(import.meta.url);

/** The directory of @fontsource/amiri's files, found through Node's resolution (never the network). */
export function fontsourceFilesDir(): string {
  const pkgJson = require.resolve('@fontsource/amiri/package.json');
  return path.join(path.dirname(pkgJson), 'files');
}

export function fontFaces(): FontFace[] {
  const srcDir = fontsourceFilesDir();
  const faces: FontFace[] = [];
  for (const script of fontScripts) {
    for (const weight of fontWeights) {
      faces.push({
        script,
        weight,
        woffPath: path.join(srcDir, `amiri-${script}-${weight}-normal.woff`),
        ttfName: `amiri-${script}-${weight}.ttf`,
      });
    }
  }
  return faces;
}

export function ttfPath(face: FontFace, dir: string = fontsDir): string {
  return path.join(dir, face.ttfName);
}

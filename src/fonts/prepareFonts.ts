/**
 * Converts @fontsource/amiri's WOFF files into TrueType in fonts/ (run from `npm ci` via `prepare`).
 * Writes a file only when its bytes differ, so repeated runs are no-ops.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fontsDir } from '../paths.js';
import { fontFaces, ttfPath } from './fontFiles.js';
import { convertFace } from './trueType.js';

export function prepareFonts(dir: string = fontsDir): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const face of fontFaces()) {
    const target = ttfPath(face, dir);
    const ttf = convertFace(face);
    const existing = fs.existsSync(target) ? fs.readFileSync(target) : undefined;
    if (!existing || !existing.equals(ttf)) {
      fs.writeFileSync(target, ttf);
    }
    written.push(target);
  }
  return written;
}

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const files = prepareFonts();
  console.log(`prepared ${files.length} fonts in ${path.relative(process.cwd(), fontsDir) || '.'}`);
}

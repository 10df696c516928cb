/**
 * A face's TrueType bytes: one conversion from @fontsource's WOFF, used by `prepareFonts` (at
 * `npm ci`) and, when fonts/ was not prepared, on first use.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ttfPath, type FontFace } from './fontFiles.js';
import { woffToSfnt } from './woffToSfnt.js';

/** The TrueType conversion of a face's WOFF file (deterministic: a pure function of its bytes). */
export function convertFace(face: FontFace): Buffer {
  return woffToSfnt(fs.readFileSync(face.woffPath));
}

/** TrueType bytes for a face: fonts/ if prepared, else converted now (and cached to fonts/ if writable). */
export function trueTypeFor(face: FontFace, dir?: string): Buffer {
  const target = ttfPath(face, dir);
  if (fs.existsSync(target)) return fs.readFileSync(target);
  const ttf = convertFace(face);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, ttf);
  } catch {
    // read-only install: the in-memory conversion is enough
  }
  return ttf;
}

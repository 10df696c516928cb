/**
 * A face's TrueType bytes: one conversion from @fontsource's WOFF (the complete Amiri is TrueType
 * already), used by `prepareFonts` (at `npm ci`) and, when fonts/ was not prepared, on first use.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ttfPath, type FontFace } from './fontFiles.js';
import { woffToSfnt } from './woffToSfnt.js';

/** A face as TrueType: its WOFF file converted (deterministic: a pure function of its bytes), or its TrueType file as is. */
export function convertFace(face: FontFace): Buffer {
  const source = fs.readFileSync(face.sourcePath);
  return face.sourceFormat === 'woff' ? woffToSfnt(source) : source;
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

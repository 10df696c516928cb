/**
 * Fonts: @fontsource/amiri's WOFF files become plain TrueType, deterministically, in fonts/ — and
 * the engine copes with an empty fonts/ by converting on first use.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fontFaces, prepareFonts, woffToSfnt } from '../../src/fonts/index.js';
import { trueTypeFor } from '../../src/fonts/index.js';
import { fontkit } from '../../src/fonts/fontkit.js';

const dirs: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fonts-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('prepareFonts', () => {
  it('writes the eight faces (Arabic, Latin, Latin-ext subsets and the complete Amiri × 400, 700) as TrueType', () => {
    const dir = scratch();
    const written = prepareFonts(dir);
    expect(written.map((f) => path.basename(f)).sort()).toEqual([
      'amiri-arabic-400.ttf', 'amiri-arabic-700.ttf', 'amiri-complete-400.ttf', 'amiri-complete-700.ttf', 'amiri-latin-400.ttf',
      'amiri-latin-700.ttf', 'amiri-latin-ext-400.ttf', 'amiri-latin-ext-700.ttf',
    ]);
    for (const file of written) {
      const bytes = readFileSync(file);
      expect(bytes.readUInt32BE(0)).toBe(0x00010000); // TrueType outlines
      expect(fontkit.create(bytes).postscriptName).toBe(file.includes('700') ? 'Amiri-Bold' : 'Amiri-Regular');
    }
  });

  it('is deterministic', () => {
    const a = scratch();
    const b = scratch();
    prepareFonts(a);
    prepareFonts(b);
    for (const name of readdirSync(a)) {
      expect(readFileSync(path.join(a, name)).equals(readFileSync(path.join(b, name)))).toBe(true);
    }
  });

  it('converts on first use when the fonts directory is empty', () => {
    const dir = scratch();
    const face = fontFaces()[0]!;
    const bytes = trueTypeFor(face, dir);
    expect(bytes.equals(woffToSfnt(readFileSync(face.sourcePath)))).toBe(true);
    expect(readdirSync(dir)).toEqual([face.ttfName]);
  });

  it('the Arabic file covers Arabic-Indic digits and separators, the Latin file ASCII', () => {
    const arabic = fontkit.create(trueTypeFor(fontFaces().find((f) => f.script === 'arabic')!));
    const latin = fontkit.create(trueTypeFor(fontFaces().find((f) => f.script === 'latin')!));
    for (const ch of '٠١٢٣٤٥٦٧٨٩٫٬،؛؟ـ') expect(arabic.hasGlyphForCodePoint(ch.codePointAt(0)!)).toBe(true);
    for (const ch of '0123456789"()-%«»–•') expect(latin.hasGlyphForCodePoint(ch.codePointAt(0)!)).toBe(true);
  });
});

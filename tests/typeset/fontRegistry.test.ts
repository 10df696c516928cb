/** The embedded fonts: parsed once, covering what each script's file holds, with one extra family for mirrored brackets. */
import { describe, expect, it } from 'vitest';
import { loadFonts } from '../../src/typeset/fontRegistry.js';

const registry = loadFonts();
const cp = (char: string) => char.codePointAt(0)!;

describe('font registry', () => {
  it('parses each font file once per process', () => {
    expect(loadFonts()).toBe(registry);
    expect(registry.faceOf('AmiriArabic', false).font).toBe(registry.fontOf('AmiriArabic', false));
  });

  it('has a regular and a bold face for each family', () => {
    for (const family of ['AmiriArabic', 'AmiriLatin', 'AmiriLatinExt', 'AmiriMirrored'] as const) {
      expect(registry.faceOf(family, false).postscriptName).toMatch(/Regular/);
      expect(registry.faceOf(family, true).postscriptName).toMatch(/Bold/);
    }
  });

  it("knows each file's coverage: the Arabic file lacks ASCII digits, the Latin file lacks Arabic", () => {
    const arabic = registry.coverage.get('AmiriArabic')!;
    const latin = registry.coverage.get('AmiriLatin')!;
    expect(arabic.has(cp('ب')) && arabic.has(cp('،')) && arabic.has(cp('٢'))).toBe(true);
    expect(arabic.has(cp('2')) || arabic.has(cp('%'))).toBe(false);
    expect(latin.has(cp('2')) && latin.has(cp('%'))).toBe(true);
    expect(latin.has(cp('ب'))).toBe(false);
  });

  it('draws mirrored brackets from the Latin file under a PDF name of their own, so their text values do not clash', () => {
    const latin = registry.faceOf('AmiriLatin', false);
    const mirrored = registry.faceOf('AmiriMirrored', false);
    expect(mirrored.bytes).toBe(latin.bytes);
    expect(mirrored.mirroredBrackets && !latin.mirroredBrackets).toBe(true);
    expect(mirrored.postscriptName).toBe(`${latin.postscriptName}-MirroredBrackets`);
    expect(mirrored.path).not.toBe(latin.path);
    expect(registry.faceAt(mirrored.path)).toBe(mirrored);
  });
});

import { describe, expect, it } from 'vitest';
import { familyForChar, unsupportedCharacters } from '../../src/fonts/index.js';

describe('font fallback', () => {
  it.each([
    ['ب', 'AmiriArabic'],
    ['،', 'AmiriArabic'], // Common script, Arabic by Script_Extensions
    ['٣', 'AmiriArabic'],
    ['ـ', 'AmiriArabic'],
    ['3', 'AmiriLatin'],
    ['"', 'AmiriLatin'],
    ['«', 'AmiriLatin'],
    ['–', 'AmiriLatin'],
    ['A', 'AmiriLatin'],
    ['ő', 'AmiriLatinExt'],
  ])('%s is drawn with %s', (char, family) => {
    expect(familyForChar(char)).toBe(family);
  });
});

describe('unsupportedCharacters', () => {
  it('accepts the characters of the sources, bidi controls and joiners', () => {
    expect(unsupportedCharacters('أعلن "التحالف" في 10 سبتمبر/أيلول 2014، (SOFA) B-52 «نعم» ؟ ؛ لـ نفَس \u200D\u200C\u2066x\u2069\u200F')).toEqual([]);
  });
  it('reports characters no embedded font can draw, with code point and index', () => {
    expect(unsupportedCharacters('نص 😀 و✓')).toEqual([
      { char: '😀', codePoint: 'U+1F600', index: 3 },
      { char: '✓', codePoint: 'U+2713', index: 7 },
    ]);
  });
});

/**
 * No missing glyph on any text (issue 16, item 5): characters the fontsource subsets of Amiri lack are
 * drawn from the complete Amiri (@expo-google-fonts/amiri), embedded only in a PDF that uses it; a
 * character no embedded font has is an error naming its line, column and code point, never a box.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { familyForChar, fontFaces, locateUnsupportedCharacters, ttfPath, UndrawableTextError } from '../../src/fonts/index.js';
import { typesetPlainText } from '../../src/typeset/index.js';
import { loadFonts } from '../../src/typeset/fontRegistry.js';
import { drawnGlyphs, drawnOutlines, glyphForms, notdefGlyphs } from '../support/pdfGlyphs.js';
import { pdftotextPages } from '../support/pdfText.js';

/** Characters the subsets lack and the complete Amiri draws (the 13 boxes of issue 16 were these). */
const missingFromSubsets = ['\u25CC', '\u201B', '\u201F', '\u2012', '\u2015'];
const complete = readFileSync(ttfPath(fontFaces().find((face) => face.script === 'complete' && face.weight === 400)!));
const completeFont = (await import('../../src/fonts/fontkit.js')).fontkit.create(complete);

describe('fallback to the complete Amiri', () => {
  it('finds a font for each character the subsets lack, and it is the complete Amiri', () => {
    for (const char of missingFromSubsets) expect(familyForChar(char)).toBe('AmiriComplete');
    // What the subsets have stays with them.
    expect(familyForChar('ب')).toBe('AmiriArabic');
    expect(familyForChar('A')).toBe('AmiriLatin');
  });

  describe('typeset, each character three times (in words, beside digits)', () => {
    let bytes: Uint8Array;
    let completeFace: number;
    beforeAll(async () => {
      const text = missingFromSubsets.map((char) => `قال ${char} المتحدث ${char}2014${char} في بيان`).join('\n');
      bytes = (await typesetPlainText(text, { digits: 'latn' })).bytes;
      completeFace = loadFonts().faces.indexOf(loadFonts().faceOf('AmiriComplete', false));
    });

    it('draws no .notdef glyph', () => {
      expect(notdefGlyphs(bytes)).toEqual([]);
    });

    it.each(missingFromSubsets.map((char) => [`U+${char.codePointAt(0)!.toString(16).toUpperCase()}`, char]))(
      '%s is the complete font\'s glyph, and reads back as written',
      (_label, char) => {
        // Glyphs are drawn as outline forms of a face's own glyph ids (GF<face>_<gid>), so the drawn
        // shape is the complete Amiri's glyph for the character, three times.
        const expected = completeFont.glyphForCodePoint(char.codePointAt(0)!).id;
        const drawn = drawnOutlines(bytes).filter((glyph) => glyph.face === completeFace && glyph.gid === expected);
        expect(drawn.length).toBe(3);
        // ...and the text layer gives the character back, three times.
        expect(drawnGlyphs(bytes).filter((glyph) => glyph.unicode === char).length).toBe(3);
        expect(pdftotextPages(bytes).join('')).toContain(char);
      },
    );
  });

  it('draws the complete Amiri only in a PDF that uses it', async () => {
    const completeFace = loadFonts().faces.indexOf(loadFonts().faceOf('AmiriComplete', false));
    const facesDrawn = (bytes: Uint8Array) => new Set(drawnOutlines(bytes).map((glyph) => glyph.face));
    const plain = await typesetPlainText('نص عربي عادي بلا علامات نادرة 2014', { digits: 'latn' });
    const withFallback = await typesetPlainText('نص عربي عادي بلا علامات نادرة 2014 ◌', { digits: 'latn' });
    expect(facesDrawn(plain.bytes).has(completeFace)).toBe(false);
    expect(facesDrawn(withFallback.bytes).has(completeFace)).toBe(true);
    // A face's glyph forms are written only for glyphs drawn: the fallback adds the one glyph it draws.
    expect(glyphForms(withFallback.bytes) - glyphForms(plain.bytes)).toBe(1);
  });
});

describe('a character no embedded font has', () => {
  it('is located by line and column (in characters) with its code point', () => {
    expect(locateUnsupportedCharacters('سطر أول\nفيه 一 صيني و😀 وجه')).toEqual([
      { char: '一', codePoint: 'U+4E00', index: 4, line: 2, column: 5 },
      { char: '😀', codePoint: 'U+1F600', index: 12, line: 2, column: 13 },
    ]);
    // A separator is a break, not a glyph, even though the complete font maps it.
    expect(locateUnsupportedCharacters('أ\u2028ب').map((c) => c.codePoint)).toEqual(['U+2028']);
  });

  it('stops the typesetter with those places instead of drawing a box', async () => {
    const error = await typesetPlainText('سطر\nصيني 中 هنا', { digits: 'latn' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UndrawableTextError);
    expect((error as Error).message).toBe('line 2, column 6: character U+4E2D "中" cannot be drawn by any embedded font');
  });
});

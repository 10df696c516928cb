/**
 * The font families the engine draws with, and which one a character's script asks for first.
 * One family per @fontsource/amiri file (Unicode-range subsets), the complete Amiri for what they
 * lack, and the mirrored-bracket family the typesetter derives from the Latin file
 * (typeset/mirroredBrackets.ts).
 */
import type { FontScript } from './fontFiles.js';

export type FamilyName = 'AmiriArabic' | 'AmiriLatin' | 'AmiriLatinExt' | 'AmiriComplete' | 'AmiriMirrored';

export const familyOfScript: Record<FontScript, FamilyName> = {
  arabic: 'AmiriArabic',
  latin: 'AmiriLatin',
  'latin-ext': 'AmiriLatinExt',
  complete: 'AmiriComplete',
};

/**
 * Fallback order when a character is not in the font its script suggests. The complete Amiri comes
 * last: it draws only what the subsets lack, so the briefs' text keeps the files it has always used.
 */
export const familyFallbackOrder: readonly FamilyName[] = ['AmiriLatin', 'AmiriLatinExt', 'AmiriArabic', 'AmiriComplete'];

/**
 * The font families the engine draws with, and which one a character's script asks for first.
 * One family per @fontsource/amiri file (Unicode-range subsets), plus the mirrored-bracket family the
 * typesetter derives from the Latin file (see typeset/fontRegistry.ts).
 */
import type { FontScript } from './fontFiles.js';

export type FamilyName = 'AmiriArabic' | 'AmiriLatin' | 'AmiriLatinExt' | 'AmiriMirrored';

export const familyOfScript: Record<FontScript, FamilyName> = {
  arabic: 'AmiriArabic',
  latin: 'AmiriLatin',
  'latin-ext': 'AmiriLatinExt',
};

/** Fallback order when a character is not in the font its script suggests. */
export const familyFallbackOrder: readonly FamilyName[] = ['AmiriLatin', 'AmiriLatinExt', 'AmiriArabic'];

/** Where a line may not break: before closing punctuation, and inside a numeric expression. */
import { describe, expect, it } from 'vitest';
import { isGluedSpace, mayNotStartLine } from '../../src/typeset/breakRules.js';

describe('break rules', () => {
  it('keeps closing punctuation off the start of a line', () => {
    for (const char of ['،', '؛', ':', '.', '؟', ')', '»', '%']) expect(mayNotStartLine(char)).toBe(true);
    for (const char of ['(', '«', 'ب', '2']) expect(mayNotStartLine(char)).toBe(false);
  });

  it('glues the space of "2016- 2017", not a space between words', () => {
    const text = 'بين 2016- 2017 وبين - كذا';
    expect(isGluedSpace(text, text.indexOf('- 2017') + 1)).toBe(true);
    expect(isGluedSpace(text, text.indexOf(' 2016'))).toBe(false);
    expect(isGluedSpace(text, text.indexOf('- كذا') + 1)).toBe(false);
  });
});

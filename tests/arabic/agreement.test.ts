/** Count–noun agreement, the one rule behind scale words, units and page counts. */
import { describe, expect, it } from 'vitest';
import { countWithNoun, countedForm, nounAfter, type NounForms } from '../../src/arabic/index.js';

const base: NounForms = { singular: 'قاعدة', plural: 'قواعد', accusative: 'قاعدةً' };

describe('countedForm', () => {
  it.each([
    [1, 'singular'], [2, 'singular'], [3, 'plural'], [10, 'plural'], [11, 'accusative'], [99, 'accusative'],
    [100, 'singular'], [102, 'singular'], [103, 'plural'], [111, 'accusative'], [1257, 'accusative'], [7.5, 'singular'],
  ] as const)('%d → %s', (count, form) => {
    expect(countedForm(count)).toBe(form);
  });
});

describe('countWithNoun', () => {
  const page: NounForms = { singular: 'صفحة', plural: 'صفحات', accusative: 'صفحة', one: 'صفحة واحدة', two: 'صفحتان' };
  it('says 1 and 2 in words where the noun has those forms, and puts the agreeing noun after other counts', () => {
    expect(countWithNoun(1, '1', page)).toBe('صفحة واحدة');
    expect(countWithNoun(2, '2', page)).toBe('صفحتان');
    expect(countWithNoun(5, '٥', page)).toBe('٥ صفحات');
    expect(countWithNoun(27, '27', page)).toBe('27 صفحة');
    expect(countWithNoun(2, '2', base)).toBe('2 قاعدة');
    expect(nounAfter(8, base)).toBe('قواعد');
  });
});

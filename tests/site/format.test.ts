/** The site's counts and sizes, written as the briefs write numbers (arabic/), with the agreeing noun. */
import { describe, expect, it } from 'vitest';
import { formatPages, formatSize } from '../../src/site/format.js';

describe('site formats', () => {
  it('counts pages with the agreeing noun', () => {
    expect([1, 2, 3, 10, 11, 27, 103].map((n) => formatPages(n, 'latn'))).toEqual([
      'صفحة واحدة', 'صفحتان', '3 صفحات', '10 صفحات', '11 صفحة', '27 صفحة', '103 صفحات',
    ]);
    expect(formatPages(27, 'arab')).toBe('٢٧ صفحة');
  });

  it('writes sizes in the one number convention: never grouped, a dot (٫) for decimals', () => {
    expect(formatSize(1010 * 1024, 'latn')).toBe('1010 كيلوبايت');
    expect(formatSize(1.5 * 1024 * 1024, 'arab')).toBe('١٫٥ ميغابايت');
    expect(formatSize(100, 'latn')).toBe('1 كيلوبايت');
  });
});

import { describe, expect, test } from 'vitest';
import { formatQualifiedNumber, formatQuantity, formatRange } from '../../../src/template/index.js';

describe('formatQuantity (the quantity helper)', () => {
  test.each([
    ['أكثر من', 34000, 'غارة', 'أكثر من 34 ألف غارة'],
    ['نحو', 2500, 'جندي', 'نحو 2500 جندي'],
    [null, 800, 'جندي', '800 جندي'],
    [null, 1257, 'مدنياً', '1257 مدنياً'],
    [null, 13470, 'غارة', '13470 غارة'],
    [null, 2000, 'جندي', '2000 جندي'],
    [null, 3000, 'عسكري', '3 آلاف عسكري'],
    [null, 10000, 'منتسب', '10 آلاف منتسب'],
    [null, 49000, 'منتسب', '49 ألف منتسب'],
    ['أكثر من', 50000, null, 'أكثر من 50 ألفاً'],
    [undefined, 29000, '', '29 ألفاً'],
    [null, 103000, null, '103 آلاف'],
    [null, 141000, 'مقاتل', '141 ألف مقاتل'],
    [null, 200000, null, '200 ألف'],
    [null, 1_000_000, 'دولار', 'مليون دولار'],
    [null, 3_000_000, 'دولار', '3 ملايين دولار'],
    [null, 11_700_000, 'دولار', '11.7 مليون دولار'],
    [null, 250_000_000, null, '250 مليوناً'],
    [null, 3_322_145, 'دولار', '3322145 دولار'],
    ['بقيمة', 1_800_000_000, 'دولار', 'بقيمة 1.8 مليار دولار'],
    ['نحو', 5_000_000_000, 'دولار', 'نحو 5 مليارات دولار'],
    [null, 7_500_000_000, 'دولار', '7.5 مليار دولار'],
    [null, 50, 'بالمئة', '50 بالمئة'],
    [null, 0, 'ضحية', '0 ضحية'],
  ])('(%s, %d, %s) → %s', (qualifier, value, unit, expected) => {
    expect(formatQuantity(qualifier, value, unit)).toBe(expected);
  });

  test('rejects what is not a count', () => {
    expect(() => formatQuantity(null, -5, null)).toThrow('expected a non-negative number, got -5');
    expect(() => formatQuantity(null, Number.NaN, null)).toThrow('expected a non-negative number, got null');
    expect(() => formatQuantity(null, '34000' as unknown as number, null)).toThrow('expected a non-negative number, got "34000"');
  });
});

describe('formatRange (the range helper, words form)', () => {
  test.each([
    [35000, 50000, null, 'بين 35 و50 ألفاً'],
    [35000, 50000, 'جندي', 'بين 35 و50 ألف جندي'],
    [3000, 5000, 'جندي', 'بين 3 و5 آلاف جندي'],
    [800, 1061, 'مدني', 'بين 800 و1061 مدني'],
    [800, 34000, 'غارة', 'بين 800 و34000 غارة'],
    [1_500_000, 3_000_000, 'دولار', 'بين 1.5 و3 ملايين دولار'],
    [8106, 13187, null, 'بين 8106 و13187'],
  ])('(%d, %d, %s) → %s', (min, max, unit, expected) => {
    expect(formatRange(min, max, unit)).toBe(expected);
  });

  test('min above max is an error', () => {
    expect(() => formatRange(50, 35, null)).toThrow('min 50 is greater than max 35');
  });
});

describe('formatQualifiedNumber (the qualified helper, for chart values)', () => {
  test.each([
    ['أكثر من', 4000, 'أكثر من 4000'],
    ['ما لا يقل عن', 1061, 'ما لا يقل عن 1061'],
    ['على الأقل', 800, '800 على الأقل'],
    ['تقريباً', 2500, '2500 تقريباً'],
    [null, 1257, '1257'],
  ])('(%s, %d) → "%s": digits, the qualifier where Arabic puts it', (qualifier, value, expected) => {
    expect(formatQualifiedNumber(qualifier, value)).toBe(expected);
  });

  test('refuses what is not a count', () => {
    expect(() => formatQualifiedNumber('أكثر من', Number.NaN)).toThrow();
    expect(() => formatQualifiedNumber('أكثر من', -3)).toThrow();
  });
});

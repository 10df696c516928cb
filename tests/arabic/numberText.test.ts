import { describe, expect, test } from 'vitest';
import { formatPlainNumber, toArabicIndicDigits } from '../../src/arabic/index.js';

describe('toArabicIndicDigits', () => {
  test.each([
    ['10 سبتمبر/أيلول 2014', '١٠ سبتمبر/أيلول ٢٠١٤'],
    ['أكثر من 34 ألف غارة', 'أكثر من ٣٤ ألف غارة'],
    ['7.5 مليار دولار', '٧٫٥ مليار دولار'],
    ['3.322.145 دولارا', '٣٬٣٢٢٬١٤٥ دولارا'],
    ['1,257 مدنياً', '١٬٢٥٧ مدنياً'],
    ['35–50', '٣٥–٥٠'],
    ['0123456789', '٠١٢٣٤٥٦٧٨٩'],
    ['(2016- 2017).', '(٢٠١٦- ٢٠١٧).'],
    ['نهاية الجملة. 2014', 'نهاية الجملة. ٢٠١٤'],
    ['بلا أرقام', 'بلا أرقام'],
  ])('%s → %s', (western, arabicIndic) => {
    expect(toArabicIndicDigits(western)).toBe(arabicIndic);
  });

  test('Latin designations keep Western digits, as in the PDF', () => {
    expect(toArabicIndicDigits('طائرات F-16 وB-52 عددها 12')).toBe('طائرات F-16 وB-52 عددها ١٢');
  });

  test('a full stop after a number is not a decimal separator', () => {
    expect(toArabicIndicDigits('عام 2014. وفي')).toBe('عام ٢٠١٤. وفي');
  });
});

describe('formatPlainNumber', () => {
  test.each([
    [800, '800'],
    [2500, '2500'],
    [13470, '13470'],
    [999999, '999999'],
    // Never grouped: in our text a dot is only ever a decimal point (issue 13).
    [3322145, '3322145'],
    [1234567890, '1234567890'],
    [7.5, '7.5'],
    [11.7, '11.7'],
    [1.25, '1.25'],
    [2.0, '2'],
    [0, '0'],
  ])('%d → %s', (value, text) => {
    expect(formatPlainNumber(value)).toBe(text);
  });

  test('rejects non-finite numbers', () => {
    expect(() => formatPlainNumber(Number.NaN)).toThrow('not a finite number: NaN');
    expect(() => formatPlainNumber(Infinity)).toThrow('not a finite number: Infinity');
  });
});

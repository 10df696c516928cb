import { describe, expect, it } from 'vitest';
import { localizeDigits } from '../../src/arabic/digits.js';

describe('localizeDigits', () => {
  it('keeps Western digits with "latn"', () => {
    expect(localizeDigits('10 سبتمبر 2014', 'latn')).toBe('10 سبتمبر 2014');
  });
  it.each([
    ['10 سبتمبر 2014', '١٠ سبتمبر ٢٠١٤'],
    ['3.322.145 دولارا', '٣٬٣٢٢٬١٤٥ دولارا'],
    ['7.5 مليار', '٧٫٥ مليار'],
    ['1,061 قتيلا', '١٬٠٦١ قتيلا'],
    ['1,234.5', '١٬٢٣٤٫٥'],
    ['(2016- 2017)', '(٢٠١٦- ٢٠١٧)'],
    ['10.05.2024', '١٠.٠٥.٢٠٢٤'],
    ['15%', '١٥%'],
  ])('%s → %s with "arab"', (input, expected) => {
    expect(localizeDigits(input, 'arab')).toBe(expected);
  });
  it('leaves Latin designations alone', () => {
    expect(localizeDigits('طائرات B-52 وA-10 وF16 عام 2014', 'arab')).toBe('طائرات B-52 وA-10 وF16 عام ٢٠١٤');
  });
});

import { describe, expect, it } from 'vitest';
import { isolateNumericExpressions, LRI, PDI, resolveParagraph, visualOrder } from '../../src/typeset/bidi.js';

describe('bidi', () => {
  it('resolves numbers inside Arabic at an even level and the spaces around them at the paragraph level', () => {
    const text = 'في 10 سبتمبر';
    const { levels } = resolveParagraph(text);
    expect([...levels]).toEqual([1, 1, 1, 2, 2, 1, 1, 1, 1, 1, 1, 1]);
  });
  it('mirrors brackets at right-to-left levels', () => {
    const { mirrored } = resolveParagraph('قوات (SOFA) قبل');
    expect(mirrored.get(5)).toBe(')');
    expect(mirrored.get(10)).toBe('(');
  });
  it('reorders runs visually (rule L2)', () => {
    // logical: ARABIC(1) space(1) NUMBER(2) space(1) ARABIC(1)
    expect(visualOrder([1, 1, 2, 1, 1])).toEqual([4, 3, 2, 1, 0]);
    // an LTR run of two words stays in order inside the reversed line
    expect(visualOrder([1, 2, 2, 2, 1])).toEqual([4, 1, 2, 3, 0]);
    expect(visualOrder([])).toEqual([]);
  });
  it('isolates numeric expressions (ranges, dates, times) as left-to-right units, and nothing else', () => {
    expect(isolateNumericExpressions('الفترة (2016- 2017) شن')).toBe(`الفترة (${LRI}2016- 2017${PDI}) شن`);
    expect(isolateNumericExpressions('تاريخ 10-05-2024 و10:30')).toBe(`تاريخ ${LRI}10-05-2024${PDI} و${LRI}10:30${PDI}`);
    expect(isolateNumericExpressions('بين 35–50 ألفا')).toBe(`بين ${LRI}35–50${PDI} ألفا`);
    // plain numbers, designations and a hyphen followed by a word stay as they are
    for (const text of ['3.322.145 دولارا', '7.5 مليار', 'B-52 وA-10', 'عام 2014- بعد', '1,061 قتيلا']) {
      expect(isolateNumericExpressions(text)).toBe(text);
    }
  });
  it('lays a date out left to right after an Arabic word', () => {
    const text = isolateNumericExpressions('تاريخ 10-05-2024 ونسبة');
    const { levels } = resolveParagraph(text);
    const digits = [...text].map((c, i) => (/\d|-/.test(c) ? levels[i] : undefined)).filter((l) => l !== undefined);
    expect(new Set(digits)).toEqual(new Set([2]));
  });
});

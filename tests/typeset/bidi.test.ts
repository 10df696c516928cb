import { describe, expect, it } from 'vitest';
import { resolveParagraph, visualOrder } from '../../src/typeset/bidi.js';

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
});

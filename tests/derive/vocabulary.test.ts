import { describe, expect, it } from 'vitest';
import { unitAfterWords, unitWord } from '../../src/derive/vocabulary.js';

describe('the counted noun after a number', () => {
  it.each([
    [1, 'people', 'شخص'],
    [2, 'people', 'شخص'],
    [8, 'bases', 'قواعد'],
    [10, 'states', 'دول'],
    [79, 'states', 'دولة'],
    [1257, 'people', 'شخصاً'],
    [4647, 'personnel', 'عنصراً'],
    [800, 'personnel', 'عنصر'],
    [2500, 'personnel', 'عنصر'],
    [34000, 'airstrikes', 'غارة'],
    [3000000, 'usd', 'دولار'],
    [3322145, 'usd', 'دولاراً'],
    [7.5, 'usd', 'دولار'],
  ] as const)('%d → %s: "%s"', (count, unit, word) => {
    expect(unitWord(unit, count)).toBe(word);
  });

  it('follows a count known only in words with "من" and the definite plural', () => {
    expect(unitAfterWords('people')).toBe('من الأشخاص');
    expect(unitAfterWords('sorties')).toBe('من الطلعات');
  });
});

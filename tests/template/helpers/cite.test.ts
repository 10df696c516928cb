import { expect, test } from 'vitest';
import { citationMarkup } from '../../../src/template/index.js';

test('one source number → one marker', () => {
  expect(citationMarkup(3)).toBe('<cite>3</cite>');
});

test('several sources → one marker, numbers in order, each once', () => {
  expect(citationMarkup([5, 3, 5])).toBe('<cite>3، 5</cite>');
});

test('anything but positive whole numbers is an error', () => {
  expect(() => citationMarkup('3')).toThrow('expected source numbers (positive integers), got "3"');
  expect(() => citationMarkup([1, '<b>'])).toThrow('expected source numbers (positive integers), got "<b>"');
  expect(() => citationMarkup(0)).toThrow('got 0');
  expect(() => citationMarkup(2.5)).toThrow('got 2.5');
  expect(() => citationMarkup([])).toThrow('no source numbers');
});

import { describe, expect, test } from 'vitest';
import { formatArabicDate } from '../../src/arabic/index.js';

/** Expected dates are written with "_" where the helper puts a no-break space (U+00A0). */
const nb = (text: string) => text.replaceAll('_', '\u00A0');

describe('formatArabicDate (the arDate helper)', () => {
  test('day precision: day, both month names, year', () => {
    expect(formatArabicDate('2014-09-10', 'day')).toBe(nb('10_سبتمبر/أيلول 2014'));
    expect(formatArabicDate('2017-11-05', 'day')).toBe(nb('5_نوفمبر/تشرين_الثاني 2017'));
    expect(formatArabicDate('2021-12-31', 'day')).toBe(nb('31_ديسمبر/كانون_الأول 2021'));
    expect(formatArabicDate('2018-08-01', 'day')).toBe(nb('1_أغسطس/آب 2018'));
  });

  test('a year below 100 is that year, not 19xx (the Date constructor would read 0050 as 1950)', () => {
    expect(formatArabicDate('0050-03-05', 'day')).toBe(nb('5_مارس/آذار 0050'));
  });

  test('month precision drops the day', () => {
    expect(formatArabicDate('2014-09', 'month')).toBe(nb('سبتمبر/أيلول 2014'));
    expect(formatArabicDate('2014-09-10', 'month')).toBe(nb('سبتمبر/أيلول 2014'));
  });

  test('year precision prints the year only', () => {
    expect(formatArabicDate('2014', 'year')).toBe('2014');
    expect(formatArabicDate('2014-09-10', 'year')).toBe('2014');
  });

  test('without a precision, the date prints as precisely as it is written', () => {
    expect(formatArabicDate('2019-03-23')).toBe(nb('23_مارس/آذار 2019'));
    expect(formatArabicDate('2016-06')).toBe(nb('يونيو/حزيران 2016'));
    expect(formatArabicDate('2011')).toBe('2011');
  });

  test.each([
    ['01', 'يناير/كانون_الثاني'],
    ['02', 'فبراير/شباط'],
    ['03', 'مارس/آذار'],
    ['04', 'أبريل/نيسان'],
    ['05', 'مايو/أيار'],
    ['06', 'يونيو/حزيران'],
    ['07', 'يوليو/تموز'],
    ['08', 'أغسطس/آب'],
    ['09', 'سبتمبر/أيلول'],
    ['10', 'أكتوبر/تشرين_الأول'],
    ['11', 'نوفمبر/تشرين_الثاني'],
    ['12', 'ديسمبر/كانون_الأول'],
  ])('month %s is %s', (month, names) => {
    expect(formatArabicDate(`2020-${month}`, 'month')).toBe(nb(`${names} 2020`));
  });

  test('leap days are dates; impossible dates and other formats are errors', () => {
    expect(formatArabicDate('2016-02-29')).toBe(nb('29_فبراير/شباط 2016'));
    expect(() => formatArabicDate('2017-02-29')).toThrow('"2017-02-29" is not a calendar date');
    expect(() => formatArabicDate('2014-13')).toThrow('"2014-13" is not a calendar date');
    expect(() => formatArabicDate('10/09/2014')).toThrow('"10/09/2014" is not an ISO date (yyyy, yyyy-mm or yyyy-mm-dd)');
    expect(() => formatArabicDate('2014-09-10T00:00:00Z')).toThrow('is not an ISO date');
  });

  test('a precision finer than the data holds is an error, not an invented day', () => {
    expect(() => formatArabicDate('2014-09', 'day')).toThrow('"2014-09" has no day for precision "day"');
    expect(() => formatArabicDate('2014', 'month')).toThrow('"2014" has no month for precision "month"');
  });
});

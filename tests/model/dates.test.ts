import { describe, expect, it } from 'vitest';
import { DateSpec, endOf, isRealDate, IsoDay, precisionOf, startOf } from '../../src/model/index.js';

describe('isRealDate', () => {
  it('accepts years, months and days that exist', () => {
    expect(['2014', '2014-09', '2014-09-05', '2016-02-29'].map(isRealDate)).toEqual([true, true, true, true]);
  });

  it('rejects the year 0000, which the calendar does not have, and counts days right in years 1–99', () => {
    expect(['0000', '0000-01', '0000-01-05'].map(isRealDate)).toEqual([false, false, false]);
    // Date.UTC reads year 4 as 1904; the year 4 is a leap year too, the year 100 is not.
    expect(['0004-02-29', '0100-02-29', '0050-03-31'].map(isRealDate)).toEqual([true, false, true]);
  });

  it('rejects days and months that do not exist', () => {
    expect(['2014-02-30', '2015-02-29', '2014-13', '2014-00', '2014-09-31', '2014-9-5', 'September 2014'].map(isRealDate)).toEqual([
      false, false, false, false, false, false, false,
    ]);
  });
});

describe('DateSpec', () => {
  it('reads a bare YAML year (a number) as a year', () => {
    expect(DateSpec.parse({ iso: 2014, precision: 'year' })).toEqual({ iso: '2014', precision: 'year', inferred: false, not_before: false });
  });

  it('knows the precision each form carries', () => {
    expect([precisionOf('2014'), precisionOf('2014-09'), precisionOf('2014-09-05'), precisionOf('09/2014')]).toEqual(['year', 'month', 'day', undefined]);
  });

  it('spans the whole period a partial date can mean', () => {
    const month = DateSpec.parse({ iso: '2016-02', precision: 'month' });
    expect([startOf(month), endOf(month)]).toEqual(['2016-02-01', '2016-02-29']);
    const year = DateSpec.parse({ iso: '2014', precision: 'year' });
    expect([startOf(year), endOf(year)]).toEqual(['2014-01-01', '2014-12-31']);
  });

  it('rejects unknown fields such as a misspelt precision key', () => {
    expect(DateSpec.safeParse({ iso: '2014', precison: 'year' }).success).toBe(false);
  });
});

describe('IsoDay (the dataset as_of)', () => {
  it('requires a full, real day', () => {
    expect(IsoDay.safeParse('2024-01-31').success).toBe(true);
    expect(IsoDay.safeParse('2024-01').success).toBe(false);
    expect(IsoDay.safeParse('2024-02-30').success).toBe(false);
  });
});

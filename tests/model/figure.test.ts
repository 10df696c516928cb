import { describe, expect, it } from 'vitest';
import { Citation, countWords, Figure, FigureValue, Unknown } from '../../src/model/index.js';

const base = {
  id: 'fig_a',
  metric: 'civilian_deaths',
  description_ar: 'مدنيون',
  value: 1257,
  unit: 'people',
  scope: { countries: ['iraq', 'syria'] },
  as_of: { iso: '2019-03', precision: 'month' },
  claimant: 'global_coalition',
  method: 'own_assessment',
  attribution: 'named',
  evidence: [{ source: 'src', quote: 'إن 1257 مدنياً سقطوا' }],
};

describe('FigureValue', () => {
  it('takes a number, a range, a magnitude or unknown', () => {
    expect(FigureValue.parse(800)).toBe(800);
    expect(FigureValue.parse({ min: 35000, max: 50000 })).toEqual({ min: 35000, max: 50000 });
    expect(FigureValue.parse({ magnitude: 10000 })).toEqual({ magnitude: 10000 });
    expect(FigureValue.parse('unknown')).toBe('unknown');
    expect(FigureValue.parse('غير معروف')).toBe('unknown');
  });

  it('refuses negatives, non-powers of ten and words', () => {
    expect(FigureValue.safeParse(-1).success).toBe(false);
    expect(FigureValue.safeParse({ magnitude: 5000 }).success).toBe(false);
    expect(FigureValue.safeParse('many').success).toBe(false);
  });
});

describe('Figure', () => {
  it('fills in the defaults: exact bound, current status', () => {
    expect(Figure.parse(base)).toMatchObject({ bound: 'exact', status: 'current' });
  });

  it('requires a claimant, how the quote attributes it, and at least one citation', () => {
    const { claimant: _claimant, ...withoutClaimant } = base;
    expect(Figure.safeParse(withoutClaimant).success).toBe(false);
    const { attribution: _attribution, ...withoutAttribution } = base;
    expect(Figure.safeParse(withoutAttribution).success).toBe(false);
    expect(Figure.safeParse({ ...base, evidence: [] }).success).toBe(false);
  });

  it('records how the quote ties the number to its claimant: named, described, inferred or unattributed', () => {
    for (const attribution of ['named', 'described', 'inferred', 'unattributed']) {
      expect(Figure.parse({ ...base, attribution }).attribution).toBe(attribution);
    }
    expect(Figure.safeParse({ ...base, attribution: 'anonymous' }).success).toBe(false);
  });

  it('refuses fields the schema does not know', () => {
    expect(Figure.safeParse({ ...base, brief: 'casualties' }).success).toBe(false);
  });
});

describe('quotes', () => {
  it('count words on whitespace', () => {
    expect(countWords(' وأعلن عن تأسيس "التحالف الدولي" ')).toBe(5);
  });

  it('must be a short, non-empty phrase', () => {
    expect(Citation.safeParse({ source: 'src', quote: '   ' }).success).toBe(false);
    expect(Citation.safeParse({ source: 'src', quote: Array(31).fill('كلمة').join(' ') }).success).toBe(false);
    expect(Citation.safeParse({ source: 'src', quote: Array(30).fill('كلمة').join(' ') }).success).toBe(true);
  });
});

describe('Unknown', () => {
  it('accepts the English and the Arabic spelling', () => {
    expect([Unknown.parse('unknown'), Unknown.parse('غير معروف')]).toEqual(['unknown', 'unknown']);
  });
});

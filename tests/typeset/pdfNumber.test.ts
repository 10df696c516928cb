/** Content-stream numbers: exactly what String(Math.round(n × 10^places) / 10^places) writes, faster. */
import { describe, expect, it } from 'vitest';
import { pdfNumber } from '../../src/typeset/pdfNumber.js';

const reference = (n: number, places: number) => String(Math.round(n * 10 ** places) / 10 ** places + 0);

describe('pdfNumber', () => {
  it('writes what the general formatting writes, for 2 and 6 places', () => {
    const values = [0, -0, 1, -1, 0.5, 0.005, -0.005, 0.0049, 0.125, 1e-7, -1e-7, 12.3456789, -841.89, 999999999.999, 123456.7, 1e13, -2.5e15];
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let i = 0; i < 20000; i++) values.push((random() < 0.5 ? -1 : 1) * 10 ** (random() * 12 - 4), Math.round(random() * 1e6) / 10 ** Math.floor(random() * 7));
    for (const places of [2, 6] as const) for (const v of values) expect(pdfNumber(v, places), `${v}`).toBe(reference(v, places));
  });

  it('has no exponent, no trailing zero and no negative zero', () => {
    expect(pdfNumber(-0.001, 2)).toBe('0');
    expect(pdfNumber(0.1, 6)).toBe('0.1');
    expect(pdfNumber(1e-6, 6)).toBe('0.000001');
  });

  it('refuses what PDF cannot write', () => {
    expect(() => pdfNumber(Infinity, 2)).toThrow();
    expect(() => pdfNumber(Number.NaN, 6)).toThrow();
  });
});

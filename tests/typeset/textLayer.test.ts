/**
 * The text layer's plan for a line: which characters are drawn, where, in which order, with which
 * declared advances — what the four readers rebuild text from. A small interpreter replays the plan's
 * show operators (Tz, Tm, TJ) with the font's declared widths.
 */
import { describe, expect, it } from 'vitest';
import { planTextLayer, type LayerFont, type LayerLine, type LayerPlan } from '../../src/typeset/textLayer.js';
import { fakeLayerFont } from './support.js';

interface Shown {
  char: string;
  /** Origin, and the origin plus the declared advance, in points. */
  x: number;
  end: number;
  run: number;
  /** The horizontal scale it is drawn at (MuPDF measures moves in units of size × √scale). */
  scale: number;
}

/** Replays the plan's pieces in drawing order. */
function replay(font: LayerFont, plan: LayerPlan): Shown[] {
  const shown: Shown[] = [];
  for (const piece of plan.pieces) {
    let scale = 1;
    let x = 0;
    for (const op of piece.ops) {
      const tz = /^(\S+) Tz$/.exec(op);
      const tm = /^1 0 0 1 (\S+) \S+ Tm$/.exec(op);
      if (tz) scale = Number(tz[1]) / 100;
      else if (tm) x = Number(tm[1]);
      else {
        for (const part of op.slice(1, -4).match(/<[0-9a-f]+>|-?[\d.]+/g) ?? []) {
          if (part.startsWith('<')) {
            for (const code of part.slice(1, -1).match(/.{4}/g)!) {
              const sid = parseInt(code, 16);
              const advance = (font.widths[sid]! / 1000) * piece.size * scale;
              shown.push({ char: String.fromCodePoint(font.unicode[sid]![0]!), x, end: x + advance, run: piece.run, scale });
              x += advance;
            }
          } else x -= (Number(part) / 1000) * piece.size * scale;
        }
      }
    }
  }
  return shown;
}

const line = (runs: LayerLine['runs'], gaps: LayerLine['gaps'] = []): LayerLine => ({ runs, gaps, fontSize: 12, baselineY: 700 });

describe('planTextLayer', () => {
  it('draws an Arabic word left to right, its letters abutting across the run box', () => {
    const font = fakeLayerFont();
    const shown = replay(font, planTextLayer(font, line([{ text: 'بين', rtl: true, left: 100, width: 12 }])));
    expect(shown.map((s) => s.char).join('')).toBe('نيب');
    shown.forEach((s, i) => {
      expect(s.x).toBeCloseTo(100 + 4 * i, 1);
      expect(s.end).toBeCloseTo(104 + 4 * i, 1);
    });
  });

  it('draws an Arabic-Indic number in reading order, each digit in its slot, declaring an advance that overlaps the next digit by 0.15–0.2 em', () => {
    // MuPDF keeps a right-to-left character (it counts these digits as such) in drawing order only where
    // the pen moves back more than 0.15 of the size; poppler splits a word where it moves back 0.2 em.
    const font = fakeLayerFont();
    const plan = planTextLayer(font, line([
      { text: 'في', rtl: true, left: 130, width: 10 },
      { text: '٢٠١٥', rtl: false, left: 100, width: 24 },
    ], [{ after: 0, left: 124, width: 6 }]));
    const digits = replay(font, plan).filter((s) => /[٠-٩]/u.test(s.char));
    expect(digits.map((s) => s.char).join('')).toBe('٢٠١٥');
    digits.forEach((s, i) => expect(s.x).toBeCloseTo(100 + 6 * i, 1));
    for (const [a, b] of digits.slice(0, -1).map((s, i) => [s, digits[i + 1]!] as const)) {
      const overlap = (a.end - b.x) / 12;
      expect(overlap).toBeGreaterThan(0.15);
      expect(overlap).toBeLessThan(0.2);
    }
  });

  it('overlaps every glyph of an Arabic-Indic range with the next, the dash too, by more than MuPDF measures and less than poppler splits at', () => {
    const font = fakeLayerFont();
    const plan = planTextLayer(font, line([
      { text: '(', rtl: true, left: 156, width: 5 },
      { text: '٢٠١٢', rtl: false, left: 100, width: 24 },
      { text: '–', rtl: false, left: 124, width: 7 },
      { text: '٢٠١٤', rtl: false, left: 131, width: 24 },
      { text: ')', rtl: true, left: 95, width: 5 },
    ]));
    const number = replay(font, plan).filter((s) => /[٠-٩–]/u.test(s.char));
    expect(number.map((s) => s.char).join('')).toBe('٢٠١٢–٢٠١٤');
    for (const [a, b] of number.slice(0, -1).map((s, i) => [s, number[i + 1]!] as const)) {
      const overlap = (a.end - b.x) / 12;
      expect(overlap).toBeGreaterThan(0.15 * Math.sqrt(b.scale));
      expect(overlap).toBeLessThan(0.2);
    }
    // The dash of a number is its own glyph: the same character elsewhere keeps its plain width.
    const elsewhere = replay(font, planTextLayer(font, line([{ text: 'a–b', rtl: false, left: 10, width: 18 }])));
    expect(elsewhere[1]!.end - elsewhere[1]!.x).toBeCloseTo(6, 1);
  });

  it('keeps every digit in its slot, in order, when an Arabic-Indic number holds a zero-width character', () => {
    const font = fakeLayerFont();
    const shown = replay(font, planTextLayer(font, line([{ text: '١\u200e٢٣', rtl: false, left: 100, width: 18 }]))).filter((s) => /[٠-٩]/u.test(s.char));
    expect(shown.map((s) => s.char).join('')).toBe('١٢٣');
    // Each character (the mark of direction too) has its slot of the box, in order.
    expect(shown.map((s) => s.x)).toEqual([...shown.map((s) => s.x)].sort((a, b) => a - b));
    expect(shown[0]!.x).toBeCloseTo(100, 1);
    expect(shown[2]!.x).toBeCloseTo(100 + 18 * 3 / 4, 1);
  });

  it('draws the sign after an Arabic-Indic number ("٤٪") right after the number, before the words that follow', () => {
    // The bidi algorithm gives "٪" to the right-to-left run after the number; MuPDF reads it as
    // left to right and, drawn with the words after it, would put it after them.
    const font = fakeLayerFont();
    const runs = [
      { text: 'بمعدل', rtl: true, left: 130, width: 20 },
      { text: '٤', rtl: false, left: 122, width: 6 },
      { text: '٪', rtl: true, left: 115, width: 7 },
      { text: 'سنوياً', rtl: true, left: 80, width: 30 },
    ];
    const plan = planTextLayer(font, line(runs, [{ after: 0, left: 128, width: 2 }, { after: 2, left: 110, width: 5 }]));
    const drawn = replay(font, plan).map((s) => s.char).join('');
    expect(drawn.indexOf('٪')).toBe(drawn.indexOf('٤') + 1);
    expect(plan.order).toEqual([0, 1, 2, 3]);
    const percent = replay(font, plan).find((s) => s.char === '٪')!;
    expect(percent.x).toBeCloseTo(115, 1);
  });

  it('draws a Western number left to right with plain advances', () => {
    const font = fakeLayerFont();
    const shown = replay(font, planTextLayer(font, line([{ text: '2016', rtl: false, left: 100, width: 24 }]))).filter((s) => s.char !== ' ');
    expect(shown.map((s) => s.char).join('')).toBe('2016');
    shown.forEach((s, i) => expect(s.end).toBeCloseTo(106 + 6 * i, 1));
  });
});

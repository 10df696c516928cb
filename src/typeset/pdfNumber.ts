/**
 * Numbers in content streams, as String(Math.round(n * 10^places) / 10^places) writes them (pdfkit's
 * format: no exponent, no trailing zeros, -0 as 0), written from the integer units without the
 * division and float printing: the writer and the text layer print several numbers per glyph.
 */
const SCALE = [1, 10, 100, 1e3, 1e4, 1e5, 1e6] as const;

export function pdfNumber(n: number, places: 2 | 6): string {
  if (Number.isInteger(n) && n > -1e9 && n < 1e9) return String(n + 0);
  if (!(n > -1e21 && n < 1e21)) throw new Error(`unsupported number: ${n}`);
  const scale = SCALE[places];
  const units = Math.round(n * scale);
  // Beyond 1e14 units a float's spacing nears one unit: leave those to the general formatting.
  if (!(units > -1e14 && units < 1e14)) return String(units / scale + 0);
  const magnitude = units < 0 ? -units : units;
  const whole = Math.floor(magnitude / scale);
  let fraction = magnitude - whole * scale;
  const head = units < 0 ? `-${whole}` : `${whole}`;
  if (fraction === 0) return head;
  let digits: number = places;
  while (fraction % 10 === 0) {
    fraction /= 10;
    digits--;
  }
  return `${head}.${String(fraction).padStart(digits, '0')}`;
}

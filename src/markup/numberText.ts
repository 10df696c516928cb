/**
 * Plain numbers the way the Arab press writes them in Western digits: ungrouped below a million
 * ("13470", "2500"), grouped with dots from a million on ("3.322.145"), decimals with a dot ("7.5").
 * toArabicIndicDigits() understands exactly this convention.
 */
export function formatPlainNumber(value: number, maxDecimals = 2): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const sign = value < 0 ? '-' : '';
  const [integerPart = '0', fraction = ''] = Math.abs(value).toFixed(maxDecimals).split('.');
  const decimals = fraction.replace(/0+$/, '');
  const grouped = integerPart.length > 6 ? integerPart.replace(/\B(?=(\d{3})+$)/g, '.') : integerPart;
  return `${sign}${grouped}${decimals === '' ? '' : `.${decimals}`}`;
}

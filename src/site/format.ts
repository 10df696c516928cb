import type { Digits } from '../document/model.js';

/** Numbers in the reader's digits: Western (latn) or Arabic-Indic (arab), grouped the Arabic way. */
export function formatNumber(value: number, digits: Digits, fractionDigits = 0): string {
  return new Intl.NumberFormat(`ar-u-nu-${digits}`, {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

/** "12 صفحة", with the Arabic plural forms that depend on the count. */
export function formatPages(pages: number, digits: Digits): string {
  const n = formatNumber(pages, digits);
  if (pages === 1) return 'صفحة واحدة';
  if (pages === 2) return 'صفحتان';
  if (pages % 100 >= 3 && pages % 100 <= 10) return `${n} صفحات`;
  return `${n} صفحة`;
}

/** A file size as readers know it: kilobytes under a megabyte, else megabytes with one decimal. */
export function formatSize(bytes: number, digits: Digits): string {
  const kilobytes = bytes / 1024;
  if (kilobytes < 1024) return `${formatNumber(Math.max(1, Math.round(kilobytes)), digits)} كيلوبايت`;
  return `${formatNumber(kilobytes / 1024, digits, 1)} ميغابايت`;
}

import { countWithNoun, formatNumber, type Digits, type NounForms } from '../arabic/index.js';

const page: NounForms = { singular: 'صفحة', plural: 'صفحات', accusative: 'صفحة', one: 'صفحة واحدة', two: 'صفحتان' };

/** "12 صفحة", with the Arabic forms that depend on the count (arabic/agreement.ts). */
export function formatPages(pages: number, digits: Digits): string {
  return countWithNoun(pages, formatNumber(pages, digits), page);
}

/** A file size as readers know it: kilobytes under a megabyte, else megabytes with one decimal. */
export function formatSize(bytes: number, digits: Digits): string {
  const kilobytes = bytes / 1024;
  if (kilobytes < 1024) return `${formatNumber(Math.max(1, Math.round(kilobytes)), digits)} كيلوبايت`;
  return `${formatNumber(kilobytes / 1024, digits, 1)} ميغابايت`;
}

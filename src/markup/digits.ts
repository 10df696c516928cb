/**
 * Western → Arabic-Indic digits, with the Arabic separators (٬ thousands, ٫ decimal).
 *
 * Separator convention of this project's number formatting (see src/template/helpers/arabicNumber.ts):
 * - a comma between digits is a thousands separator;
 * - dots between digits in a chain of at least two three-digit groups ("3.322.145", the Arab press's
 *   grouping) are thousands separators;
 * - any other dot between digits ("7.5") is a decimal separator.
 */

const arabicIndic = '٠١٢٣٤٥٦٧٨٩';
const ARABIC_THOUSANDS = '\u066C'; // ٬
const ARABIC_DECIMAL = '\u066B'; // ٫

/** A number grouped with dots: at least two dot-separated groups of three digits. */
const dotGroupedNumber = /(?<!\d)\d{1,3}(?:\.\d{3}){2,}(?![\d.]\d)/g;

export function toArabicIndicDigits(text: string): string {
  const withSeparators = text
    .replace(dotGroupedNumber, (grouped) => grouped.replaceAll('.', ARABIC_THOUSANDS))
    .replace(/(?<=\d),(?=\d)/g, ARABIC_THOUSANDS)
    .replace(/(?<=\d)\.(?=\d)/g, ARABIC_DECIMAL);
  return withSeparators.replace(/[0-9]/g, (digit) => arabicIndic[Number(digit)] ?? digit);
}

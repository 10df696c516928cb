/**
 * The figures a reader sees in a text, comparable between the PDF (pdftotext) and the HTML edition:
 * Arabic-Indic digits and separators are normalized to Western ones and thousands separators dropped,
 * so "٢٬٥٠٠", "2,500" and "2500" are the same figure.
 */
export function extractFigures(text: string): string[] {
  const western = text
    .replace(/[٠-٩]/g, (digit) => String(digit.charCodeAt(0) - 0x0660))
    .replace(/[۰-۹]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0))
    .replace(/٬/g, ',')
    .replace(/٫/g, '.');
  const ungrouped = western
    .replace(/\d{1,3}(?:,\d{3})+(?!\d)/g, (grouped) => grouped.replaceAll(',', ''))
    .replace(/\d{1,3}(?:\.\d{3}){2,}(?![\d.]\d)/g, (grouped) => grouped.replaceAll('.', ''));
  return [...ungrouped.matchAll(/\d+(?:\.\d+)?/g)].map((match) => match[0]);
}

/**
 * The layout of a PDF as a reader's tools see it: its text layer read back with pdf.js (not our own
 * document model), grouped into lines, written as a stable text dump — one line of the dump per line of
 * the page, so that a moved line or a changed number is a one-line change in `git diff`.
 *
 * A dump looks like this (baseline y from the top of the page and x extent in whole points, then the
 * line's main font and size, then its text in logical order):
 *
 *   6 pages
 *   page 1 (595×842 pt)
 *   y 102  x 195–537  Amiri-Bold 20  قوات التحالف في العراق: الأعداد والتدريب والقواعد
 *   y 138  x  58–537  Amiri-Regular 13  البيانات حتى 31 يناير/كانون الثاني 2024. كل رقم …
 *
 * Inside a line, a run drawn in another weight or size than the line's main font is marked
 * `⟨Amiri-Regular 5.8|3⟩` (e.g. a raised citation number), and two or more words laid out left to right
 * (a Latin phrase, a number range) are marked `⟪…⟫`, so that a line whose words are drawn in the wrong
 * visual order changes the dump even when its text layer does not. A page that draws .notdef glyphs
 * says so in its header: "page 3 (595×842 pt, 1 missing-glyph box)".
 */
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { missingGlyphsPerPage } from './missingGlyphs.js';
import { drawnOutlines, type DrawnOutline } from './pdfGlyphs.js';

/** One word (or run) as pdf.js reports it, in drawing order, in page points with y from the top. */
export interface LayoutWord {
  text: string;
  /** Font name without the subset tag, e.g. "Amiri-Regular". */
  font: string;
  size: number;
  left: number;
  right: number;
  /** Baseline, from the top of the page. */
  baseline: number;
}

export interface LayoutLine {
  words: LayoutWord[];
  /** The baseline and font of the line's first word; raised citation numbers ride along. */
  baseline: number;
  font: string;
  size: number;
  left: number;
  right: number;
}

export interface LayoutPage {
  width: number;
  height: number;
  lines: LayoutLine[];
  /** .notdef glyphs drawn on the page (pdf.js drops them from the text). */
  missingGlyphs?: number;
}

/** Reads every page's text with pdf.js, in drawing order (our engine draws words in logical order). */
export async function readLayout(bytes: Uint8Array): Promise<LayoutPage[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, useSystemFonts: false, disableFontFace: true })
    .promise;
  const outlines = new Map<number, DrawnOutline[]>();
  for (const glyph of drawnOutlines(bytes)) outlines.set(glyph.page, [...(outlines.get(glyph.page) ?? []), glyph]);
  try {
    const pages: LayoutPage[] = [];
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      // Font objects (with their real names) are only loaded when the page's operators are.
      await page.getOperatorList();
      const fontName = (id: string): string => {
        const font = page.commonObjs.has(id) ? (page.commonObjs.get(id) as { name?: string }) : undefined;
        return (font?.name ?? id).replace(/^[A-Z]{6}\+/, '');
      };
      const words: LayoutWord[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const text = (item as TextItem).str;
        // pdf.js adds empty items at line ends and space items across gaps it bridges: not drawn glyphs.
        if (text.trim() === '') continue;
        const [, , c, d, e, f] = item.transform as number[];
        const left = e! - x0;
        const right = left + item.width;
        const baseline = y1 - f!;
        // The size the word's glyphs are drawn at (the text layer is set at least at a share of the line
        // spacing, see src/typeset/textLayer.ts, so its own size is not the type size).
        const size = drawnSize(outlines.get(number) ?? [], left + x0, right + x0, f!) ?? Math.hypot(c!, d!);
        words.push({ text, font: fontName(item.fontName), size, left, right, baseline });
      }
      pages.push({ width: x1 - x0, height: y1 - y0, lines: groupLines(words) });
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** Amiri's units per em, in every face (the glyph forms are drawn in font units). */
const UNITS_PER_EM = 1000;

/**
 * The type size most of the glyphs drawn inside a word's box are drawn at (a word's raised citation
 * number is a word of its own); undefined where no glyph is drawn there.
 */
function drawnSize(outlines: readonly DrawnOutline[], left: number, right: number, baselineUp: number): number | undefined {
  const counts = new Map<number, number>();
  for (const glyph of outlines) {
    const size = Math.round(glyph.scale * UNITS_PER_EM * 100) / 100;
    if (glyph.x < left - 0.5 || glyph.x > right + 0.5 || Math.abs(glyph.y - baselineUp) > 0.8 * size) continue;
    counts.set(size, (counts.get(size) ?? 0) + 1);
  }
  let best: number | undefined;
  for (const [size, count] of counts) if (best === undefined || count > counts.get(best)! || (count === counts.get(best)! && size > best)) best = size;
  return best;
}

/**
 * Consecutive words belong to one line while they sit on its baseline (a smaller, raised citation
 * number counts) and close to what is already on it. A new baseline, or a jump of more than an em
 * sideways (the next table cell), starts a new line.
 */
export function groupLines(words: LayoutWord[]): LayoutLine[] {
  const lines: LayoutLine[] = [];
  let current: LayoutLine | undefined;
  for (const word of words) {
    if (current && belongsTo(current, word)) {
      current.words.push(word);
      current.left = Math.min(current.left, word.left);
      current.right = Math.max(current.right, word.right);
    } else {
      current = { words: [word], baseline: word.baseline, font: word.font, size: word.size, left: word.left, right: word.right };
      lines.push(current);
    }
  }
  for (const line of lines) Object.assign(line, mainStyle(line.words));
  return lines;
}

function belongsTo(line: LayoutLine, word: LayoutWord): boolean {
  const rise = line.baseline - word.baseline;
  const size = Math.max(line.size, word.size);
  // Marks placed by the font (tanween, shadda) sit a little off the baseline; citation numbers are
  // smaller and raised. Lines of a paragraph are at least 1.2 em apart, so 0.6 em cannot reach the next.
  const onBaseline = Math.abs(rise) < 0.35 * size || (word.size < line.size && rise > 0 && rise < 0.6 * line.size);
  // A mark may be drawn before the letter it sits on, so its own position says nothing about the gap.
  const gap = isMarksOnly(word) ? 0 : Math.max(line.left - word.right, word.left - line.right, 0);
  return onBaseline && gap <= size;
}

/** The style most of the line's characters are drawn in, and that style's baseline. */
function mainStyle(words: LayoutWord[]): Pick<LayoutLine, 'font' | 'size' | 'baseline'> {
  const weight = new Map<string, { chars: number; word: LayoutWord }>();
  for (const word of words) {
    const key = `${word.font} ${sizeText(word.size)}`;
    const entry = weight.get(key) ?? { chars: 0, word };
    entry.chars += isMarksOnly(word) ? 0 : [...word.text].length;
    weight.set(key, entry);
  }
  let best = words[0]!;
  let bestChars = -1;
  for (const { chars, word } of weight.values()) {
    if (chars > bestChars) [best, bestChars] = [word, chars];
  }
  const onIt = words.find((w) => w.font === best.font && sizeText(w.size) === sizeText(best.size) && !isMarksOnly(w)) ?? best;
  return { font: best.font, size: best.size, baseline: onIt.baseline };
}

/** pdf.js reports a combining mark drawn on its own (e.g. tanween) as a separate item. */
const isMarksOnly = (word: LayoutWord) => /^\p{M}+$/u.test(word.text);

const round = (value: number) => Math.round(value);
/** Sizes keep one decimal: 11.5 pt and 12 pt are different styles. */
const sizeText = (size: number) => String(Math.round(size * 10) / 10);

/** The line's text in drawing (logical) order, with style and left-to-right marks. */
export function lineText(line: LayoutLine): string {
  let text = '';
  const words = line.words;
  let lastLetters: LayoutWord | undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const previous = words[i - 1];
    // Spacing is judged against the last word with letters: a mark drawn on its own sits inside a word.
    if (!isMarksOnly(word)) {
      if (lastLetters && gapBetween(lastLetters, word) > 0.1 * Math.min(lastLetters.size, word.size)) text += ' ';
      lastLetters = word;
    }
    // A run of words each to the right of the one before: laid out left to right.
    const ltrStart = !advancesRight(previous, word) && advancesRight(word, words[i + 1]);
    const ltrEnd = advancesRight(previous, word) && !advancesRight(word, words[i + 1]);
    if (ltrStart) text += '⟪';
    const styled = word.font !== line.font || sizeText(word.size) !== sizeText(line.size);
    text += styled ? `⟨${word.font} ${sizeText(word.size)}|${word.text}⟩` : word.text;
    if (ltrEnd) text += '⟫';
  }
  return text;
}

function gapBetween(a: LayoutWord, b: LayoutWord): number {
  return Math.max(a.left - b.right, b.left - a.right, 0);
}

function advancesRight(a: LayoutWord | undefined, b: LayoutWord | undefined): boolean {
  if (a === undefined || b === undefined || isMarksOnly(a) || isMarksOnly(b)) return false;
  return b.left >= a.right - 0.5 && Math.abs(a.baseline - b.baseline) < 0.5;
}

/** The dump: the page count, then a header line per page and one line per text line. */
export function formatLayout(pages: LayoutPage[]): string {
  const out: string[] = [`${pages.length} pages`];
  pages.forEach((page, index) => {
    const missing = page.missingGlyphs ? `, ${page.missingGlyphs} missing-glyph box${page.missingGlyphs > 1 ? 'es' : ''}` : '';
    out.push(`page ${index + 1} (${round(page.width)}×${round(page.height)} pt${missing})`);
    for (const line of page.lines) {
      const x = `${String(round(line.left)).padStart(3)}–${round(line.right)}`;
      out.push(`y ${String(round(line.baseline)).padStart(3)}  x ${x}  ${line.font} ${sizeText(line.size)}  ${lineText(line)}`);
    }
  });
  return out.join('\n') + '\n';
}

/** Reads a PDF back and writes its layout dump. */
export async function layoutDump(bytes: Uint8Array): Promise<string> {
  const pages = await readLayout(bytes);
  missingGlyphsPerPage(bytes).forEach((count, i) => {
    if (pages[i]) pages[i].missingGlyphs = count;
  });
  return formatLayout(pages);
}

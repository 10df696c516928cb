/**
 * The text layer: what search, copy and screen readers get from a line, written as invisible text
 * (render mode 3) over the drawn glyphs. The glyphs themselves are drawn as outlines (glyphOutlines.ts),
 * so this layer is the page's only text.
 *
 * Why a layer of its own: the four engines readers use rebuild text from glyph positions in ways no
 * single placement of shaped Arabic satisfies (see ../shared/notes/text-layer-and-tagging.md):
 *  - poppler breaks words where two glyphs start less than 0.1 em apart (Amiri's narrow joined
 *    forms, marks) and inserts a space wherever a broken word leaves a gap of 0.03 em;
 *  - pdf.js joins glyphs in drawing order into items, applies bidi per item, and gets a space only
 *    from a forward move (a backward move ends the item and loses it); a move of more than 0.6 em
 *    (a justified gap) ends the item too;
 *  - MuPDF keeps right-to-left text that advances leftwards as it is, but of text drawn left to
 *    right it reverses each right-to-left run in place, so runs keep their visual order;
 *  - PDFium follows drawing order and runs its own bidi pass.
 * Here every character gets a box of its own in one font, on one baseline, at one size:
 *  - a line is drawn as its direction runs ("chunks": Arabic words with their spaces; a number, a
 *    Latin phrase) in reading order, each chunk left to right: pdf.js items then come in reading
 *    order and each reads right by its own bidi pass; MuPDF reverses each Arabic chunk in place;
 *  - letters of a word abut exactly (horizontal scaling makes each glyph's width its box), so no
 *    engine finds a gap inside a word; a mark gets 0.02 em (under poppler's 0.03 em space test,
 *    and it keeps its place before its base in the visual string that the bidi passes reverse);
 *  - a word space is a real space character, 0.06–0.45 em wide (the rest of a wider justified gap
 *    goes to the next word's box): enough for every engine's space test, under pdf.js's 0.6 em;
 *    before a word whose visually first character is a mark (a word-final tanween, "رافضاً"), the
 *    space is 0.06 em, under pdf.js's 0.102 em, where pdf.js would otherwise add a second space
 *    on each side of the mark.
 * No character is invented: each code point drawn is one the text has, and nothing else is drawn.
 */
import { pdfNumber } from './pdfNumber.js';
import type { PdfFont, TextSurface } from './textWriter.js';

/** One run of a line, in logical order: its characters in reading order and its box on the page. */
export interface LayerRun {
  text: string;
  rtl: boolean;
  /** Left edge and width of the run's box, in points from the page's left edge. */
  left: number;
  width: number;
}

/** A word space: follows run `after` (logical index), spans `width` from `left`. */
export interface LayerGap {
  after: number;
  left: number;
  width: number;
}

export interface LayerLine {
  runs: readonly LayerRun[];
  gaps: readonly LayerGap[];
  fontSize: number;
  /** The baseline, in points from the page's bottom edge (PDF's text space). */
  baselineY: number;
}

/** The embedded font the layer is written in: any glyph will do, the text values are the layer's own. */
export interface LayerFont extends PdfFont {
  /** The font's glyph for a code point (0 when it has none), and its glyph count. */
  glyphForCodePoint(codePoint: number): number;
  numGlyphs: number;
  /** The glyph's box in font units, [xMin, yMin, xMax, yMax]. */
  glyphBox(glyphId: number): readonly [number, number, number, number];
}

/** Every glyph declares this width (1/1000 em); horizontal scaling (Tz) fits it to its box. */
const NOMINAL_WIDTH = 500;
export const MARK_BOX = 0.02;
export const SPACE_MIN = 0.06;
export const SPACE_MAX = 0.45;
/** A size change small enough to be invisible to the other readers (poppler merges words within 5 %). */
const SIZE_BUMP = 0.001;

const MARK = /\p{Mn}/u;
const SPACE: readonly number[] = [0x20];
const ZERO_WIDTH = /[\p{Mn}\p{Cf}]/u;
/** Arabic-Indic digits and separators (bidi class AN, and the percent sign beside them). */
const ARABIC_NUMBER = /[\u0660-\u066C]/u;
/** The same, by code point (the layer asks for every character it writes). */
const isArabicNumber = (codePoint: number) => codePoint >= 0x660 && codePoint <= 0x66c;
/**
 * MuPDF takes Arabic-Indic digits (bidi class AN) for right-to-left letters: drawn left to right and
 * abutting, they look like visually ordered right-to-left text and it reverses them ("١٥" → "٥١").
 * It leaves a right-to-left character alone when the pen has to move back to reach it, by more than
 * 0.15 of its size ("overlapping characters"); poppler starts a new word where a character overlaps
 * the one before by more than 0.2 em. So these glyphs declare a wide advance, drawn at a horizontal
 * scale that makes each overlap its successor by AN_OVERLAP em, and a TJ move pulls each back: every
 * box lies where it would without this, and the number stays in drawing (= reading) order.
 */
const AN_DIGIT_WIDTH = 1000;
const AN_OVERLAP = 0.175;

/** Hundredths (of a point, of a per cent of scaling): the layer is invisible, its boxes need no finer grain. */
const number = (n: number) => pdfNumber(n, 2);

/** A subset code (4 hex digits) and the advance its glyph declares (1/1000 em). */
interface Code {
  hex: string;
  declared: number;
}

interface Codes {
  sidOf: Map<number, Code>;
  gidTaken: Map<number, number>;
  spare: number;
}
const codesOf = new WeakMap<LayerFont, Codes>();

function codesFor(font: LayerFont): Codes {
  let codes = codesOf.get(font);
  if (codes === undefined) codesOf.set(font, (codes = { sidOf: new Map(), gidTaken: new Map(), spare: font.numGlyphs - 1 }));
  return codes;
}

/**
 * The subset code whose text value is exactly this code point (`codes`: the font's, codesFor). A
 * `wide` code declares AN_DIGIT_WIDTH (a glyph of a number set in Arabic-Indic digits, see
 * AN_OVERLAP); Arabic-Indic digits are always wide, zero-width characters declare 0.
 */
function codeFor(font: LayerFont, codes: Codes, codePoint: number, wide = false): Code {
  const wideCode = wide || isArabicNumber(codePoint);
  const key = wideCode ? -1 - codePoint : codePoint;
  let code = codes.sidOf.get(key);
  if (code !== undefined) return code;
  const declared = ZERO_WIDTH.test(String.fromCodePoint(codePoint)) ? 0 : wideCode ? AN_DIGIT_WIDTH : NOMINAL_WIDTH;
  // The character's own glyph when the font has one to itself, else a spare glyph: never drawn,
  // so any glyph serves, but one glyph has one text value (and one width).
  let gid = font.glyphForCodePoint(codePoint);
  if (gid === 0 || codes.gidTaken.has(gid)) {
    while (codes.gidTaken.has(codes.spare) || codes.spare === 0 || !onTheLine(font, codes.spare)) codes.spare--;
    gid = codes.spare--;
  }
  codes.gidTaken.set(gid, codePoint);
  const sid = font.include(gid);
  font.widths[sid] = declared;
  font.unicode[sid] = [codePoint];
  code = { hex: sid.toString(16).padStart(4, '0'), declared };
  codes.sidOf.set(key, code);
  return code;
}

/**
 * A spare glyph must look like a letter on the line: PDFium finds a page's lines from its glyphs'
 * boxes, and a spare glyph that floats above the line (a detached mark) or spans a page (a kashida
 * bar) stands for a character on a line of its own (measured: "ج." torn off its line). So: a box
 * from the baseline (±0.05 em) to between 0.3 and 0.8 em, 0.1 to 0.7 em wide.
 */
function onTheLine(font: LayerFont, gid: number): boolean {
  const [xMin, yMin, xMax, yMax] = font.glyphBox(gid);
  const em = font.unitsPerEm;
  return Math.abs(yMin) <= 0.05 * em && yMax >= 0.3 * em && yMax <= 0.8 * em && xMax - xMin >= 0.1 * em && xMax - xMin <= 0.7 * em;
}

type Element = { kind: 'run'; run: LayerRun } | { kind: 'gap'; gap: LayerGap };

/**
 * A sign that follows an Arabic-Indic number ("٤٪"): the bidi algorithm puts it in the right-to-left
 * run after the number, MuPDF reads it as left-to-right (class ET) and, drawn with the Arabic words,
 * it ends up after them. So it is drawn with the number, right after it, where MuPDF keeps it.
 */
const NUMBER_SIGN = /^[\u066A\u0609\u060A%\u2030\u2031\u00B0#$\u00A2-\u00A5\u20AC]+$/u;

/** The line's direction runs, in reading order; word spaces between two runs of one direction belong to it, others to the Arabic side. */
export function chunksOf(line: LayerLine): Element[][] {
  const chunks: { rtl: boolean; elements: Element[]; trailing: Element[] }[] = [];
  const gapAfter = new Map(line.gaps.map((g) => [g.after, g]));
  line.runs.forEach((run, i) => {
    if (run.text.length === 0) return;
    let chunk = chunks[chunks.length - 1];
    const pending = i > 0 ? gapAfter.get(i - 1) : undefined;
    // Left-to-right runs in a right-to-left line read left to right only inside one embedding: two
    // numbers apart ("٣٥ ١، ٢", "(2016- 2017)") are laid out right to left, each a chunk of its own.
    const previous = chunk?.elements.findLast((e) => e.kind === 'run');
    const apart = chunk !== undefined && !run.rtl && !chunk.rtl && previous?.kind === 'run' && run.left < previous.run.left;
    if (pending === undefined && chunk !== undefined && !chunk.rtl && run.rtl && NUMBER_SIGN.test(run.text) && previous?.kind === 'run' && ARABIC_NUMBER.test(previous.run.text)) {
      chunk.trailing.push({ kind: 'run', run });
      return;
    }
    if (chunk === undefined || chunk.rtl !== run.rtl || apart) {
      // A space at a change of direction goes with the right-to-left side; between two chunks of numbers, with the first.
      if (pending && chunk && (chunk.rtl || apart)) chunk.elements.push({ kind: 'gap', gap: pending });
      chunk = { rtl: run.rtl, elements: [], trailing: [] };
      chunks.push(chunk);
      if (pending && !chunks[chunks.length - 2]?.rtl && run.rtl && chunks.length > 1) chunk.elements.push({ kind: 'gap', gap: pending });
    } else if (pending) {
      chunk.elements.push({ kind: 'gap', gap: pending });
    }
    chunk.elements.push({ kind: 'run', run });
  });
  const left = (e: Element) => (e.kind === 'run' ? e.run.left : e.gap.left);
  return chunks.map((c) => [...[...c.elements].sort((a, b) => left(a) - left(b)), ...c.trailing]);
}

/** Whether a code point is a mark (Mn), remembered: the layer asks for every character it writes. */
const markOf = new Map<number, boolean>();
function isMark(codePoint: number): boolean {
  let mark = markOf.get(codePoint);
  if (mark === undefined) markOf.set(codePoint, (mark = MARK.test(String.fromCodePoint(codePoint))));
  return mark;
}

/** Visual code points by run text, per direction: a bounded set (the words of the documents), never modified. */
const visualOf = { ltr: new Map<string, readonly number[]>(), rtl: new Map<string, readonly number[]>() };

/** The characters of a run as they lie left to right (a right-to-left run reversed, marks before their bases). */
function visualCodePoints(run: LayerRun): readonly number[] {
  const known = (run.rtl ? visualOf.rtl : visualOf.ltr).get(run.text);
  if (known !== undefined) return known;
  const cps = Array.from(run.text, (c) => c.codePointAt(0)!);
  if (run.rtl) cps.reverse();
  (run.rtl ? visualOf.rtl : visualOf.ltr).set(run.text, cps);
  return cps;
}

/** One run's part of a line's text layer: its invisible text, and the word space drawn with it. */
export interface LayerPiece {
  /** The run (index in the line's runs) it belongs to. */
  run: number;
  /** Text-state and show operators (Tf, Tz, Tm, TJ), each at the size `size`. */
  ops: string[];
  size: number;
}

/**
 * A line's text layer, laid out: the pieces in the order they are drawn (the line's direction runs
 * in reading order, each left to right) and, per run, its pieces. Each word space is drawn with the
 * run of its direction run beside it (the run it follows, or at a change of direction the run it
 * precedes), so a run's pieces are drawn together and a run's marked content holds them all.
 */
export interface LayerPlan {
  /** Runs in drawing order (a run with no text is drawn last, in logical order). */
  order: number[];
  pieces: LayerPiece[];
}

export function planTextLayer(font: LayerFont, line: LayerLine): LayerPlan {
  const chunks = chunksOf(line);
  const size = line.fontSize;
  const em = size;
  const indexOf = new Map(line.runs.map((run, i) => [run, i]));
  const pieces: LayerPiece[] = [];
  const codes = codesFor(font);
  let owner = 0;
  // Draws `codes` from x over `width` (at the line's size, or one a hair larger): Tz fits the letters, marks get MARK_BOX.
  // In a number chunk with Arabic-Indic digits every glyph, separators too, overlaps the next (AN_OVERLAP).
  const show = (cps: readonly number[], x: number, width: number, bumped = false, inNumber = false): void => {
    const currentSize = bumped ? size * (1 + SIZE_BUMP) : size;
    let marks = 0;
    for (const cp of cps) if (isMark(cp)) marks++;
    const bases = cps.length - marks;
    const markBox = bases > 0 ? Math.min(MARK_BOX * em, width / (cps.length * 2)) : width / cps.length;
    const slot = bases > 0 ? (width - marks * markBox) / bases : 0;
    const digits = bases > 0 && (inNumber || cps.some(isArabicNumber));
    const overlapping = bases > 0 && (inNumber || cps.every(isArabicNumber));
    const scale = !(bases > 0) ? 1 : overlapping ? (slot / currentSize + AN_OVERLAP) / (AN_DIGIT_WIDTH / 1000) : slot / ((NOMINAL_WIDTH / 1000) * currentSize);
    if (!(scale > 0)) return;
    // In a number, each glyph is moved back from its declared advance to its slot (in 1/1000 of the scaled em).
    const slotUnits = (slot * 1000) / (currentSize * scale);
    const ops = [`${number(scale * 100)} Tz`, `1 0 0 1 ${number(x)} ${number(line.baselineY)} Tm`];
    const parts: string[] = [];
    let pending = '';
    for (const cp of cps) {
      const code = codeFor(font, codes, cp, inNumber);
      pending += code.hex;
      if (digits && !isMark(cp)) {
        parts.push(`<${pending}> ${number(code.declared - slotUnits)}`);
        pending = '';
      } else if (isMark(cp)) {
        parts.push(`<${pending}> ${number(-(markBox * 1000) / (currentSize * scale))}`);
        pending = '';
      }
    }
    if (pending) parts.push(`<${pending}>`);
    ops.push(`[${parts.join(' ')}] TJ`);
    pieces.push({ run: owner, ops, size: currentSize });
  };
  // pdf.js lays out an item with Arabic-Indic digits right to left, which swaps the numbers of a range
  // ("٢٠١٦-٢٠١٧"): each number and each separator becomes an item of its own (pdf.js starts an item
  // at a change of font size), and an item of one kind reads as written.
  const showNumber = (cps: readonly number[], x: number, width: number): void => {
    const groups: number[][] = [];
    for (const cp of cps) {
      const digit = isArabicNumber(cp);
      const last = groups[groups.length - 1];
      const lastDigit = last !== undefined && isArabicNumber(last[0]!);
      if (last !== undefined && lastDigit === digit) last.push(cp);
      else groups.push([cp]);
    }
    const each = width / cps.length;
    let at = x;
    for (const group of groups) {
      const digit = isArabicNumber(group[0]!);
      show(group, at, each * group.length, !digit, true);
      at += each * group.length;
    }
  };
  for (const elements of chunks) {
    const runsHere = new Set(elements.flatMap((e) => (e.kind === 'run' ? [indexOf.get(e.run)!] : [])));
    const arabicNumbers = elements.some((e) => e.kind === 'run' && !e.run.rtl && ARABIC_NUMBER.test(e.run.text));
    // Invisible boxes, left to right: a space takes SPACE_MIN..SPACE_MAX of its gap, the next word the rest.
    let cursor: number | undefined;
    elements.forEach((element, k) => {
      if (element.kind === 'gap') {
        const next = elements[k + 1];
        const nextCps = next?.kind === 'run' ? visualCodePoints(next.run) : [];
        const markFirst = nextCps.length > 0 && isMark(nextCps[0]!);
        const start = Math.max(element.gap.left, cursor ?? element.gap.left);
        const end = element.gap.left + element.gap.width;
        const width = markFirst ? SPACE_MIN * em : Math.min(Math.max(end - start, SPACE_MIN * em), SPACE_MAX * em);
        owner = runsHere.has(element.gap.after) ? element.gap.after : element.gap.after + 1;
        show(SPACE, start, width);
        cursor = start + width;
      } else {
        const cps = visualCodePoints(element.run);
        const end = element.run.left + element.run.width;
        // A sign drawn after its number lies behind the cursor: it takes its own box.
        const start = cursor !== undefined && cursor < end ? cursor : element.run.left;
        owner = indexOf.get(element.run)!;
        if (cps.length > 0 && end > start) {
          if (arabicNumbers) showNumber(cps, start, end - start);
          else show(cps, start, end - start);
        }
        cursor = Math.max(end, start);
      }
    });
  }
  const order: number[] = [];
  const seen = new Set<number>();
  for (const piece of pieces) if (!seen.has(piece.run)) seen.add(piece.run), order.push(piece.run);
  line.runs.forEach((_, i) => seen.has(i) || order.push(i));
  return { order, pieces };
}

/**
 * Writes the layer's pieces of `runs`, in the order given, as one text object of invisible text:
 * pdf.js ends a text item at each marked-content boundary, so a direction run drawn in one marked
 * content sequence stays one item (and its bidi pass reads it right).
 */
export function writeTextLayer(surface: TextSurface, font: LayerFont, plan: LayerPlan, runs: readonly number[]): void {
  const wanted = new Set(runs);
  const byRun = new Map<number, LayerPiece[]>();
  for (const piece of plan.pieces) if (wanted.has(piece.run)) (byRun.get(piece.run) ?? byRun.set(piece.run, []).get(piece.run)!).push(piece);
  if (byRun.size === 0) return;
  const resource = surface.useFont(font);
  const ops: string[] = ['q', `1 0 0 -1 0 ${number(surface.pageHeight)} cm`, 'BT', '3 Tr'];
  let currentSize = 0;
  for (const run of runs) {
    for (const piece of byRun.get(run) ?? []) {
      if (piece.size !== currentSize) ops.push(`/${resource} ${number(piece.size)} Tf`);
      currentSize = piece.size;
      ops.push(...piece.ops);
    }
  }
  ops.push('ET', 'Q');
  surface.addContent(ops.join('\n'));
}

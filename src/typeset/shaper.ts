/**
 * Shaping with HarfBuzz (harfbuzzjs, WebAssembly): one run of one font, in an explicit direction.
 *
 * fontkit's OpenType engine is correct for joining and lam-alef but slow on Amiri's large GSUB/GPOS
 * (about 1 ms a word: seconds per build), and it does not stack a vowel above a shadda as the font
 * intends. HarfBuzz is the reference shaper and several times faster. A run comes back in visual
 * order (left to right): glyph ids with the characters each stands for (for the text layer),
 * advance widths, and positions in font units.
 */
import * as hb from 'harfbuzzjs';
import type { OutlineFont, OutlinePen } from './glyphOutlines.js';

export interface ShapedGlyph {
  id: number;
  codePoints: number[];
  advanceWidth: number;
}

export interface ShapedPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

/** A shaped run; its width is the sum of its advances, computed once. */
export class ShapedRun {
  private width: number | undefined;

  constructor(
    readonly glyphs: ShapedGlyph[],
    readonly positions: ShapedPosition[],
  ) {}

  get advanceWidth(): number {
    if (this.width === undefined) {
      let width = 0;
      for (const position of this.positions) width += position.xAdvance;
      this.width = width;
    }
    return this.width;
  }
}

/** The fontkit font methods the shaper needs (for code point → glyph lookups). */
interface CmapSource {
  glyphForCodePoint(codePoint: number): { id: number };
}

const ARABIC = /\p{Script=Arabic}/u;
const SCRIPTLESS = /[\p{Script=Common}\p{Script=Inherited}]/u;

export type Direction = 'ltr' | 'rtl';

/**
 * A run's own direction when nothing says otherwise (measuring a word): right-to-left when its first
 * character with a script of its own is Arabic.
 */
export function naturalDirection(text: string): Direction {
  return isRightToLeft(text) ? 'rtl' : 'ltr';
}

function isRightToLeft(text: string): boolean {
  for (const char of text) if (!SCRIPTLESS.test(char)) return ARABIC.test(char);
  return false;
}

/** One set of drawing callbacks for every glyph drawn: each call is handed its pen as the draw data. */
let outlineCallbacks: hb.DrawFuncs | undefined;

function penCallbacks(): hb.DrawFuncs {
  if (outlineCallbacks === undefined) {
    const callbacks = new hb.DrawFuncs();
    // The draw data is the pen drawGlyph passes.
    const pen = (data: unknown) => data as OutlinePen;
    callbacks.setMoveToFunc((x, y, data) => pen(data).moveTo(x, y));
    callbacks.setLineToFunc((x, y, data) => pen(data).lineTo(x, y));
    callbacks.setQuadraticToFunc((cx, cy, x, y, data) => pen(data).quadraticCurveTo(cx, cy, x, y));
    callbacks.setCubicToFunc((c1x, c1y, c2x, c2y, x, y, data) => pen(data).bezierCurveTo(c1x, c1y, c2x, c2y, x, y));
    callbacks.setClosePathFunc((data) => pen(data).closePath());
    outlineCallbacks = callbacks;
  }
  return outlineCallbacks;
}

export class HarfBuzzShaper implements OutlineFont {
  private readonly font: hb.Font;
  private readonly glyphOfCodePoint = new Map<number, number>();
  private readonly advanceOfGlyph = new Map<number, number>();
  private buffer: hb.Buffer | undefined;

  constructor(
    fontBytes: Uint8Array,
    private readonly cmap: CmapSource,
  ) {
    this.font = new hb.Font(new hb.Face(new hb.Blob(fontBytes)));
  }

  /**
   * In a right-to-left run HarfBuzz draws each mirrored character (Bidi_Mirroring_Glyph, "(" → ")")
   * with its counterpart's glyph; the glyph keeps the character as written.
   */
  shape(text: string, direction: Direction = naturalDirection(text)): ShapedRun {
    const rtl = direction === 'rtl';
    // One HarfBuzz buffer per shaper, emptied for each run (a buffer is WebAssembly memory).
    const buffer = (this.buffer ??= new hb.Buffer());
    buffer.reset();
    buffer.addText(text);
    buffer.guessSegmentProperties();
    buffer.setDirection(rtl ? hb.Direction.RTL : hb.Direction.LTR);
    // Marks keep clusters of their own, so each glyph maps back to its own characters.
    buffer.setClusterLevel(hb.ClusterLevel.MONOTONE_CHARACTERS);
    hb.shape(this.font, buffer);
    // (getGlyphInfos and getGlyphPositions build plain objects; the combined call defines
    // properties on every glyph, several times slower.)
    const infos = buffer.getGlyphInfos();
    const positions: ShapedPosition[] = buffer.getGlyphPositions();
    const codePoints = this.codePointsPerGlyph(text, infos, rtl);
    const glyphs = infos.map((info, index) => ({
      id: info.codepoint,
      codePoints: codePoints[index]!,
      advanceWidth: this.advanceOf(info.codepoint),
    }));
    return new ShapedRun(glyphs, positions);
  }

  /**
   * The glyph's contours, in font units (the font's own scale), y up: what the pages draw
   * (glyphOutlines.ts), read from the face HarfBuzz already holds rather than parsed again.
   */
  drawGlyph(glyphId: number, pen: OutlinePen): void {
    this.font.drawGlyph(glyphId, penCallbacks(), pen);
  }

  private advanceOf(glyphId: number): number {
    let advance = this.advanceOfGlyph.get(glyphId);
    if (advance === undefined) {
      advance = this.font.glyphHAdvance(glyphId);
      this.advanceOfGlyph.set(glyphId, advance);
    }
    return advance;
  }

  private glyphOf(codePoint: number): number {
    let glyph = this.glyphOfCodePoint.get(codePoint);
    if (glyph === undefined) {
      glyph = this.cmap.glyphForCodePoint(codePoint).id;
      this.glyphOfCodePoint.set(codePoint, glyph);
    }
    return glyph;
  }

  /**
   * The characters each glyph stands for, for copy and search. Within a cluster (a ligature such as
   * lam-alef, or a letter with the connector Amiri inserts), a glyph that is the character's own
   * cmap glyph takes it; the rest are shared out in reading order; a glyph the font inserted with
   * no character of its own (the kashida connector) gets none.
   */
  private codePointsPerGlyph(text: string, infos: readonly { codepoint: number; cluster: number }[], rtl: boolean): number[][] {
    const count = infos.length;
    // With monotone cluster levels a cluster's glyphs are contiguous and clusters run in the
    // buffer's direction (descending in a right-to-left run): each group then ends where the
    // neighbouring group on its reading-order side starts, with no sorting or lookup tables.
    const step = rtl ? -1 : 1;
    let monotone = true;
    for (let i = 1; i < count && monotone; i++) monotone = (infos[i]!.cluster - infos[i - 1]!.cluster) * step >= 0;
    if (!monotone) return this.codePointsByCluster(text, infos, rtl);
    const result: number[][] = new Array<number[]>(count);
    let first = 0;
    // In a right-to-left run the group before (visually left of) this one holds the next characters.
    let previousStart = text.length;
    while (first < count) {
      const start = infos[first]!.cluster;
      let last = first;
      while (last + 1 < count && infos[last + 1]!.cluster === start) last++;
      const end = rtl ? previousStart : (infos[last + 1]?.cluster ?? text.length);
      const codePoint = text.codePointAt(start)!;
      if (first === last && end - start === (codePoint > 0xffff ? 2 : 1)) {
        // The common case: one glyph for one character.
        result[first] = [codePoint];
      } else {
        const cluster: number[] = [];
        for (let index = first; index <= last; index++) cluster.push(index);
        this.shareCluster(text.slice(start, end), cluster, infos, rtl, result);
      }
      previousStart = start;
      first = last + 1;
    }
    return result;
  }

  /** The general case (clusters in any order): glyphs grouped by cluster, characters shared out cluster by cluster. */
  private codePointsByCluster(text: string, infos: readonly { codepoint: number; cluster: number }[], rtl: boolean): number[][] {
    const result: number[][] = infos.map(() => []);
    const members = new Map<number, number[]>();
    infos.forEach((info, index) => {
      const group = members.get(info.cluster);
      if (group === undefined) members.set(info.cluster, [index]);
      else group.push(index);
    });
    const starts = [...members.keys()].sort((a, b) => a - b);
    for (const [rank, start] of starts.entries()) {
      const end = starts[rank + 1] ?? text.length;
      this.shareCluster(text.slice(start, end), members.get(start)!, infos, rtl, result);
    }
    return result;
  }

  /** One cluster's characters to its glyphs (indices in visual order): see codePointsPerGlyph. */
  private shareCluster(characters: string, cluster: number[], infos: readonly { codepoint: number }[], rtl: boolean, result: number[][]): void {
    for (const index of cluster) result[index] ??= [];
    // Glyphs come in visual order; characters in reading order.
    if (rtl) cluster.reverse();
    const free = new Set(cluster);
    const leftover: number[] = [];
    for (const char of characters) {
      const codePoint = char.codePointAt(0)!;
      const own = cluster.find((index) => free.has(index) && infos[index]!.codepoint === this.glyphOf(codePoint));
      if (own === undefined) leftover.push(codePoint);
      else {
        result[own]!.push(codePoint);
        free.delete(own);
      }
    }
    const unclaimed = cluster.filter((index) => free.has(index));
    leftover.forEach((codePoint, order) => {
      const target = unclaimed[order] ?? cluster.find((index) => result[index]!.length > 0) ?? cluster[0]!;
      result[target]!.push(codePoint);
    });
  }
}

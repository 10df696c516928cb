/**
 * A glyph's outline as PDF path operators (font units), for drawing glyphs as shapes: the page's
 * text is the invisible text layer (textLayer.ts), so the glyphs drawn must not be text as well.
 * TrueType's quadratic curves become the equivalent cubic ones; outlines are filled non-zero, as
 * TrueType rasterisers fill them.
 */

/** Receives a glyph's contours, in font units, y up. */
export interface OutlinePen {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  quadraticCurveTo(cx: number, cy: number, x: number, y: number): void;
  bezierCurveTo(c1x: number, c1y: number, c2x: number, c2y: number, x: number, y: number): void;
  closePath(): void;
}

/** What the outline is read from: a face's glyph drawing (HarfBuzz's draw API, shaper.ts). */
export interface OutlineFont {
  drawGlyph(id: number, pen: OutlinePen): void;
}

export interface Outline {
  /** Path operators, ending with the fill. */
  path: string;
  /** Bounding box [xMin, yMin, xMax, yMax], font units. */
  bbox: [number, number, number, number];
}

const cache = new WeakMap<OutlineFont, Map<number, Outline | null>>();

/** Whole font units: half a unit is 0.006 pt at 12 pt, far below a device pixel; shorter paths. */
function n(v: number): string {
  return String(Math.round(v) + 0);
}

/** The glyph's outline; undefined for a glyph with no contours (a space). */
export function outlineOf(font: OutlineFont, gid: number): Outline | undefined {
  let perFont = cache.get(font);
  if (perFont === undefined) cache.set(font, (perFont = new Map()));
  let outline = perFont.get(gid);
  if (outline === undefined) {
    outline = buildOutline(font, gid);
    perFont.set(gid, outline);
  }
  return outline ?? undefined;
}

function buildOutline(font: OutlineFont, gid: number): Outline | null {
  const ops: string[] = [];
  let cx = 0;
  let cy = 0;
  let xMin = Infinity;
  let yMin = Infinity;
  let xMax = -Infinity;
  let yMax = -Infinity;
  const see = (x: number, y: number): void => {
    xMin = Math.min(xMin, x);
    yMin = Math.min(yMin, y);
    xMax = Math.max(xMax, x);
    yMax = Math.max(yMax, y);
  };
  // A line back to the contour's start right before closing it is what `h` draws anyway: left out.
  let start: [number, number] = [0, 0];
  let lineHome = false;
  const flush = (): void => {
    if (lineHome) ops.push(`${n(start[0])} ${n(start[1])} l`);
    lineHome = false;
  };
  font.drawGlyph(gid, {
    moveTo(x, y) {
      flush();
      ops.push(`${n(x)} ${n(y)} m`);
      [cx, cy] = [x, y];
      start = [x, y];
      see(cx, cy);
    },
    lineTo(x, y) {
      flush();
      if (x === start[0] && y === start[1]) lineHome = true;
      else ops.push(`${n(x)} ${n(y)} l`);
      [cx, cy] = [x, y];
      see(cx, cy);
    },
    quadraticCurveTo(qx, qy, x, y) {
      flush();
      const c1x = cx + (2 / 3) * (qx - cx);
      const c1y = cy + (2 / 3) * (qy - cy);
      const c2x = x + (2 / 3) * (qx - x);
      const c2y = y + (2 / 3) * (qy - y);
      ops.push(`${n(c1x)} ${n(c1y)} ${n(c2x)} ${n(c2y)} ${n(x)} ${n(y)} c`);
      see(qx, qy);
      see(x, y);
      [cx, cy] = [x, y];
    },
    bezierCurveTo(ax, ay, bx, by, x, y) {
      flush();
      ops.push(`${n(ax)} ${n(ay)} ${n(bx)} ${n(by)} ${n(x)} ${n(y)} c`);
      see(ax, ay);
      see(bx, by);
      see(x, y);
      [cx, cy] = [x, y];
    },
    closePath() {
      lineHome = false;
      ops.push('h');
    },
  });
  flush();
  if (ops.length === 0) return null;
  ops.push('f');
  return { path: ops.join('\n'), bbox: [Math.floor(xMin), Math.floor(yMin), Math.ceil(xMax), Math.ceil(yMax)] };
}

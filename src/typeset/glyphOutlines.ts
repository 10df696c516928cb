/**
 * A glyph's outline as PDF path operators (font units), for drawing glyphs as shapes: the page's
 * text is the invisible text layer (textLayer.ts), so the glyphs drawn must not be text as well.
 * TrueType's quadratic curves become the equivalent cubic ones; outlines are filled non-zero, as
 * TrueType rasterisers fill them.
 */

/** What the outline is read from: a fontkit font. */
export interface OutlineFont {
  getGlyph(id: number): {
    path: { commands: readonly { command: string; args: readonly number[] }[] };
  };
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
  for (const { command, args } of font.getGlyph(gid).path.commands) {
    switch (command) {
      case 'moveTo':
        ops.push(`${n(args[0]!)} ${n(args[1]!)} m`);
        [cx, cy] = [args[0]!, args[1]!];
        see(cx, cy);
        break;
      case 'lineTo':
        ops.push(`${n(args[0]!)} ${n(args[1]!)} l`);
        [cx, cy] = [args[0]!, args[1]!];
        see(cx, cy);
        break;
      case 'quadraticCurveTo': {
        const [qx, qy, x, y] = args as [number, number, number, number];
        const c1x = cx + (2 / 3) * (qx - cx);
        const c1y = cy + (2 / 3) * (qy - cy);
        const c2x = x + (2 / 3) * (qx - x);
        const c2y = y + (2 / 3) * (qy - y);
        ops.push(`${n(c1x)} ${n(c1y)} ${n(c2x)} ${n(c2y)} ${n(x)} ${n(y)} c`);
        see(qx, qy);
        see(x, y);
        [cx, cy] = [x, y];
        break;
      }
      case 'bezierCurveTo': {
        const [ax, ay, bx, by, x, y] = args as [number, number, number, number, number, number];
        ops.push(`${n(ax)} ${n(ay)} ${n(bx)} ${n(by)} ${n(x)} ${n(y)} c`);
        see(ax, ay);
        see(bx, by);
        see(x, y);
        [cx, cy] = [x, y];
        break;
      }
      case 'closePath':
        ops.push('h');
        break;
      default:
        throw new Error(`unsupported outline command ${command}`);
    }
  }
  if (ops.length === 0) return null;
  ops.push('f');
  return { path: ops.join('\n'), bbox: [Math.floor(xMin), Math.floor(yMin), Math.ceil(xMax), Math.ceil(yMax)] };
}

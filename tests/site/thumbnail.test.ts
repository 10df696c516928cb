import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { renderFirstPageThumbnail } from '../../src/site/index.js';
import { samplePdf } from './fixtures.js';
import { difference, looksAlike, popplerPage, withRedAndBlueExchanged } from './pageLikeness.js';

const require = createRequire(import.meta.url);
type PdfkitDoc = {
  on(event: string, f: (chunk?: Buffer) => void): void;
  rect(x: number, y: number, w: number, h: number): PdfkitDoc;
  circle(x: number, y: number, r: number): PdfkitDoc;
  fill(colour: string): PdfkitDoc;
  addPage(): PdfkitDoc;
  end(): void;
};
const PDFDocument = require('pdfkit') as new (options: object) => PdfkitDoc;

const A4_WIDTH = 595.28;
const WIDTH = 360;
/** A length in pixels of a WIDTH-pixel thumbnail, in points. */
const px = (pixels: number) => (pixels * A4_WIDTH) / WIDTH;

/**
 * Two A4 pages of shapes in plain colours, no text: page 1 a red and a blue box over black bars, page 2
 * a black disc. The boxes' edges fall on the thumbnail's pixel grid: an edge inside a pixel is rounded
 * either way by different renderers (a whole row differs by 255), and this is a test of the page.
 */
function colourPdf(): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4', info: { CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk) => chunks.push(chunk!));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.rect(px(30), px(36), px(120), px(90)).fill('#ff0000');
    doc.rect(px(200), px(36), px(130), px(90)).fill('#0000ff');
    for (let y = 180; y < 420; y += 24) doc.rect(px(30), px(y), px(300), px(7)).fill('#000000');
    doc.addPage();
    doc.circle(px(180), px(254), px(120)).fill('#000000');
    doc.end();
  });
}

/** A page with a checkerboard of 2-point squares, each filled on its own, as pdfmake draws a QR code's modules. */
function checkerboardPdf(): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4', info: { CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk) => chunks.push(chunk!));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    for (let row = 0; row < 60; row++) for (let column = row % 2; column < 60; column += 2) doc.rect(100 + 2 * column, 100 + 2 * row, 2, 2).fill('#000000');
    doc.end();
  });
}

const decode = (png: { bytes: Uint8Array }) => PNG.sync.read(Buffer.from(png.bytes));

function pixel(png: PNG, x: number, y: number): [number, number, number] {
  const i = (y * png.width + x) * 4;
  return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
}

describe('page-1 thumbnails', () => {
  it('renders page 1 to a PNG of the requested width and the page’s proportions', async () => {
    const png = await renderFirstPageThumbnail(samplePdf, 360);
    const decoded = decode(png);
    expect(decoded.width).toBe(360);
    expect(png.width).toBe(360);
    expect(decoded.height).toBe(png.height);
    expect(png.height / png.width).toBeCloseTo(297 / 210, 1); // A4
  });

  it('draws the page: some pixels are ink, most are paper', async () => {
    const png = decode(await renderFirstPageThumbnail(samplePdf, 200));
    let dark = 0;
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i]! < 128) dark++;
    const share = dark / (png.width * png.height);
    expect(share).toBeGreaterThan(0.001);
    expect(share).toBeLessThan(0.2);
  });

  it('is page 1 as poppler draws it: the text of a page printed by Chromium', async () => {
    const thumbnail = decode(await renderFirstPageThumbnail(samplePdf, 360));
    const reference = popplerPage(samplePdf, 1, thumbnail.width, thumbnail.height);
    const measured = difference(reference, thumbnail);
    expect(looksAlike(measured), JSON.stringify(measured)).toBe(true);
  });

  it('is page 1 in its own colours, on white paper, opaque', async () => {
    const pdf = await colourPdf();
    const thumbnail = decode(await renderFirstPageThumbnail(pdf, WIDTH));
    expect(pixel(thumbnail, 90, 80), 'red box').toEqual([255, 0, 0]);
    expect(pixel(thumbnail, 265, 80), 'blue box').toEqual([0, 0, 255]);
    expect(pixel(thumbnail, 175, 80), 'paper').toEqual([255, 255, 255]);
    expect(pixel(thumbnail, 180, 183), 'a bar').toEqual([0, 0, 0]);
    for (let i = 3; i < thumbnail.data.length; i += 4) if (thumbnail.data[i] !== 255) throw new Error(`pixel ${(i - 3) / 4} is not opaque`);
    const reference = popplerPage(pdf, 1, thumbnail.width, thumbnail.height);
    const measured = difference(reference, thumbnail);
    expect(looksAlike(measured), JSON.stringify(measured)).toBe(true);
    // The comparison tells apart what a wrong thumbnail would be: another page, a blank, swapped channels.
    expect(looksAlike(difference(popplerPage(pdf, 2, thumbnail.width, thumbnail.height), thumbnail))).toBe(false);
    expect(looksAlike(difference(reference, withRedAndBlueExchanged(thumbnail)))).toBe(false);
    const blank = new PNG({ width: thumbnail.width, height: thumbnail.height, fill: true });
    blank.data.fill(255);
    expect(looksAlike(difference(reference, blank))).toBe(false);
  });

  // PDFium widens each small rectangle to whole pixels: drawn at the thumbnail's size, this half-ink
  // square came out 94% ink (a QR code, a black square); the thumbnail is drawn larger and averaged
  // down (71%; poppler 50%).
  it('keeps a pattern finer than its pixels, a QR code’s modules of 1.2 px, a pattern: not a black square', async () => {
    const thumbnail = decode(await renderFirstPageThumbnail(await checkerboardPdf(), WIDTH));
    const scale = WIDTH / A4_WIDTH;
    let ink = 0;
    let pixels = 0;
    // Inside the 120-point square, clear of its edges.
    for (let y = Math.ceil(104 * scale); y < Math.floor(216 * scale); y++) {
      for (let x = Math.ceil(104 * scale); x < Math.floor(216 * scale); x++) {
        ink += 1 - thumbnail.data[(y * thumbnail.width + x) * 4]! / 255;
        pixels++;
      }
    }
    expect(ink / pixels).toBeGreaterThan(0.35);
    expect(ink / pixels).toBeLessThan(0.8);
  });

  it('is deterministic', async () => {
    const [a, b] = await Promise.all([renderFirstPageThumbnail(samplePdf, 180), renderFirstPageThumbnail(samplePdf, 180)]);
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
  });

  it('refuses what PDFium cannot open, saying so, and draws the next PDF as before', async () => {
    const before = await renderFirstPageThumbnail(samplePdf, 120);
    await expect(renderFirstPageThumbnail(new TextEncoder().encode('not a pdf'), 120)).rejects.toThrow(/PDFium cannot open the PDF: not a PDF, or damaged/);
    await expect(renderFirstPageThumbnail(samplePdf.subarray(0, 200), 120)).rejects.toThrow(/PDFium cannot open the PDF/);
    const after = await renderFirstPageThumbnail(samplePdf, 120);
    expect(Buffer.from(after.bytes).equals(Buffer.from(before.bytes))).toBe(true);
  });
});

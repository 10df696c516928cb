import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { renderFirstPageThumbnail } from '../../src/site/index.js';
import { samplePdf } from './fixtures.js';

describe('page-1 thumbnails', () => {
  it('renders page 1 to a PNG of the requested width and the page’s proportions', async () => {
    const png = await renderFirstPageThumbnail(samplePdf, 360);
    const decoded = PNG.sync.read(Buffer.from(png.bytes));
    expect(decoded.width).toBe(360);
    expect(png.width).toBe(360);
    expect(decoded.height).toBe(png.height);
    expect(png.height / png.width).toBeCloseTo(297 / 210, 1); // A4
  });

  it('draws the page: some pixels are ink, most are paper', async () => {
    const png = PNG.sync.read(Buffer.from((await renderFirstPageThumbnail(samplePdf, 200)).bytes));
    let dark = 0;
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i]! < 128) dark++;
    const share = dark / (png.width * png.height);
    expect(share).toBeGreaterThan(0.001);
    expect(share).toBeLessThan(0.2);
  });

  it('is deterministic', async () => {
    const [a, b] = await Promise.all([renderFirstPageThumbnail(samplePdf, 180), renderFirstPageThumbnail(samplePdf, 180)]);
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
  });
});

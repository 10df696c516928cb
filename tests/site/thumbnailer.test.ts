/**
 * The build draws thumbnails on a worker thread (the compiled dist/ build, as the CLI runs it); the
 * worker's PNGs are the in-process renderer's, byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { renderFirstPageThumbnail } from '../../src/site/index.js';
import { samplePdf } from './fixtures.js';

// The worker entry exists only compiled; `npm test` compiles first (pretest).
const compiled: string = '../../dist/site/thumbnailer.js';
const { startThumbnailer } = (await import(compiled)) as typeof import('../../src/site/thumbnailer.js');

describe('thumbnailer (worker thread)', () => {
  it('draws the same PNG as the in-process renderer, and leaves the caller its PDF bytes', async () => {
    const thumbnailer = startThumbnailer();
    try {
      const pdf = new Uint8Array(samplePdf);
      const [first, second] = await Promise.all([thumbnailer.draw(pdf, 180), thumbnailer.draw(pdf, 120)]);
      expect(pdf.byteLength).toBe(samplePdf.byteLength);
      const local = await renderFirstPageThumbnail(samplePdf, 180);
      expect(Buffer.from(first.bytes).equals(Buffer.from(local.bytes))).toBe(true);
      expect(second.width).toBe(120);
    } finally {
      await thumbnailer.close();
    }
  });

  it('reports a PDF it cannot read as an error, not a hang', async () => {
    const thumbnailer = startThumbnailer();
    try {
      await expect(thumbnailer.draw(new TextEncoder().encode('not a pdf'), 100)).rejects.toThrow(/thumbnail/);
    } finally {
      await thumbnailer.close();
    }
  });

  it('rejects drawings asked for after it was closed', async () => {
    const thumbnailer = startThumbnailer();
    await thumbnailer.close();
    await expect(thumbnailer.draw(samplePdf, 100)).rejects.toThrow(/closed/);
  });
});

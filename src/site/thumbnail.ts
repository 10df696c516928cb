import { createCanvas } from '@napi-rs/canvas';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface Png {
  bytes: Uint8Array;
  width: number;
  height: number;
}

/**
 * Renders page 1 of a PDF to a PNG `width` pixels wide, in-process (pdf.js drawing on a Skia canvas):
 * no system tool at build time. Same PDF bytes, same PNG bytes.
 */
export async function renderFirstPageThumbnail(pdf: Uint8Array, width: number): Promise<Png> {
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const document = await getDocument({
    data: new Uint8Array(pdf),
    isEvalSupported: false,
    // Draw glyphs as paths from the embedded fonts rather than loading them as system fonts.
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  try {
    const page = await document.getPage(1);
    const scale = width / page.getViewport({ scale: 1 }).width;
    const viewport = page.getViewport({ scale });
    const canvas = createCanvas(Math.round(viewport.width), Math.round(viewport.height));
    const context = canvas.getContext('2d');
    // A PDF page has no background of its own; a transparent thumbnail would take the page's colour.
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({
      canvas: canvas as unknown as HTMLCanvasElement,
      canvasContext: context as unknown as CanvasRenderingContext2D,
      viewport,
    }).promise;
    return { bytes: new Uint8Array(canvas.toBuffer('image/png')), width: canvas.width, height: canvas.height };
  } finally {
    await document.destroy();
  }
}

/**
 * Every page of a PDF rendered to a small greyscale PNG with MuPDF's WebAssembly build (the `mupdf`
 * package): the renderer's version is pinned by the lockfile and WebAssembly arithmetic is the same on
 * every machine, so the same PDF gives the same pixels in CI and on a laptop.
 */
import * as mupdf from 'mupdf';

/** 50 dpi keeps a page near 20 KB while a changed digit still changes dozens of pixels. */
export const PAGE_IMAGE_DPI = 50;

export function renderPageImages(bytes: Uint8Array, dpi = PAGE_IMAGE_DPI): Buffer[] {
  const doc = mupdf.Document.openDocument(bytes, 'application/pdf');
  try {
    const images: Buffer[] = [];
    const scale = mupdf.Matrix.scale(dpi / 72, dpi / 72);
    for (let i = 0; i < doc.countPages(); i++) {
      const page = doc.loadPage(i);
      // No alpha: a white page, as a reader sees it. Annotations and widgets are drawn too.
      const pixmap = page.toPixmap(scale, mupdf.ColorSpace.DeviceGray, false, true);
      images.push(Buffer.from(pixmap.asPNG()));
      pixmap.destroy();
      page.destroy();
    }
    return images;
  } finally {
    doc.destroy();
  }
}

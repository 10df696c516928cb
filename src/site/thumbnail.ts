import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { WrappedPdfiumModule } from '@embedpdf/pdfium';

export interface Png {
  bytes: Uint8Array;
  width: number;
  height: number;
}

const require = createRequire(import.meta.url);

// FPDFBitmap_Create's alpha argument: 4 bytes a pixel, alpha kept (FPDFBitmap_BGRA).
const WITH_ALPHA = 1;
// FPDF_RenderPageBitmap flags (fpdfview.h). FPDF_ANNOT draws the annotations' own appearances, as a
// viewer shows the page (the briefs' links have none, and a zero /Border: nothing more is drawn);
// FPDF_REVERSE_BYTE_ORDER writes R, G, B, A in that order, the order a PNG stores.
const FPDF_ANNOT = 0x01;
const FPDF_REVERSE_BYTE_ORDER = 0x10;
// zlib's default level: 5x faster than 9 on these pages for a PNG 2-3% larger.
const PNG_COMPRESSION = 6;
// Drawn at twice the size and averaged down, 2×2 pixels into one. PDFium fills an axis-aligned
// rectangle without anti-aliasing, widened to whole pixels (no public flag turns that off): the cover's
// QR code, modules of 1.2 px, came out a black square; at 2.4 px it stays a pattern, as in pdf.js and
// MuPDF. Measured: +45 ms for the five pages, their loading (~300 ms) dominating.
const SUPERSAMPLE = 2;
const WHITE = 0xffffffff;

// FPDF_GetLastError's codes (fpdfview.h), said for a person.
const openErrors: Record<number, string> = {
  1: 'unknown error',
  2: 'file not found or could not be opened',
  3: 'not a PDF, or damaged',
  4: 'password required',
  5: 'unsupported security scheme',
  6: 'page not found',
};

let engine: Promise<WrappedPdfiumModule> | undefined;

/** PDFium (WebAssembly), started on the first thumbnail and kept for the process or worker thread. */
function pdfium(): Promise<WrappedPdfiumModule> {
  engine ??= (async () => {
    const [{ init }, wasmBinary] = await Promise.all([
      import('@embedpdf/pdfium'),
      // The package's own copy: init would otherwise fetch the binary from a CDN.
      readFile(require.resolve('@embedpdf/pdfium/pdfium.wasm')),
    ]);
    const module = await init({ wasmBinary: wasmBinary.buffer.slice(wasmBinary.byteOffset, wasmBinary.byteOffset + wasmBinary.byteLength) });
    module.PDFiumExt_Init();
    return module;
  })();
  // A start that failed is tried again by the next drawing rather than remembered.
  engine.catch(() => {
    engine = undefined;
  });
  return engine;
}

/**
 * Renders page 1 of a PDF to a PNG `width` pixels wide, on white paper, in-process (PDFium as
 * WebAssembly, its PNG encoder included): no system tool at build time. Same PDF bytes, same PNG bytes.
 * Every PDFium object and buffer is freed before it returns or throws.
 */
export async function renderFirstPageThumbnail(pdf: Uint8Array, width: number): Promise<Png> {
  const m = await pdfium();
  const { wasmExports } = m.pdfium;
  const input = wasmExports.malloc(Math.max(pdf.byteLength, 1));
  if (!input) throw new Error('PDFium: out of memory for the PDF');
  try {
    // The heap may have grown (and its view been replaced) since the last call: read it afresh each time.
    m.pdfium.HEAPU8.set(pdf, input);
    // PDFium reads the PDF from this buffer until the document is closed.
    const document = m.FPDF_LoadMemDocument(input, pdf.byteLength, '');
    if (!document) {
      const code = m.FPDF_GetLastError();
      throw new Error(`PDFium cannot open the PDF: ${openErrors[code] ?? `error ${code}`}`);
    }
    try {
      const page = m.FPDF_LoadPage(document, 0);
      if (!page) throw new Error('PDFium cannot load page 1 of the PDF');
      try {
        const height = Math.round((m.FPDF_GetPageHeightF(page) * width) / m.FPDF_GetPageWidthF(page));
        const [drawnWidth, drawnHeight] = [width * SUPERSAMPLE, height * SUPERSAMPLE];
        const bitmap = m.FPDFBitmap_Create(drawnWidth, drawnHeight, WITH_ALPHA);
        if (!bitmap) throw new Error(`PDFium: no memory for a ${drawnWidth}×${drawnHeight} bitmap`);
        try {
          // A PDF page has no background of its own: paper is white.
          m.FPDFBitmap_FillRect(bitmap, 0, 0, drawnWidth, drawnHeight, WHITE);
          m.FPDF_RenderPageBitmap(bitmap, page, 0, 0, drawnWidth, drawnHeight, 0, FPDF_ANNOT | FPDF_REVERSE_BYTE_ORDER);
          const pixels = m.FPDFBitmap_GetBuffer(bitmap);
          downsampleInPlace(m.pdfium.HEAPU8, pixels, m.FPDFBitmap_GetStride(bitmap), width, height);
          return { bytes: encodePng(m, pixels, width, height), width, height };
        } finally {
          m.FPDFBitmap_Destroy(bitmap);
        }
      } finally {
        m.FPDF_ClosePage(page);
      }
    } finally {
      m.FPDF_CloseDocument(document);
    }
  } finally {
    wasmExports.free(input);
  }
}

/**
 * Averages each SUPERSAMPLE × SUPERSAMPLE square of the RGBA bitmap at `at` (rows `stride` bytes apart)
 * into one pixel, written from `at` on: width × height pixels, rows width × 4 bytes apart. In place:
 * a pixel is written at or before the first byte of its own square, so never over a square still unread.
 */
function downsampleInPlace(heap: Uint8Array, at: number, stride: number, width: number, height: number): void {
  const n = SUPERSAMPLE;
  const half = (n * n) >> 1;
  let out = at;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const square = at + n * y * stride + n * x * 4;
      for (let channel = 0; channel < 4; channel++) {
        let sum = half;
        for (let row = 0; row < n; row++) for (let column = 0; column < n; column++) sum += heap[square + row * stride + column * 4 + channel]!;
        heap[out++] = Math.floor(sum / (n * n));
      }
    }
  }
}

/** RGBA pixels (rows width × 4 bytes apart) as a PNG, by the libpng built into the PDFium module (EPDF_PNG_EncodeRGBA). */
function encodePng(m: WrappedPdfiumModule, pixels: number, width: number, height: number): Uint8Array {
  const { wasmExports } = m.pdfium;
  const outPointer = wasmExports.malloc(4);
  if (!outPointer) throw new Error('PDFium: out of memory for the PNG');
  try {
    m.pdfium.setValue(outPointer, 0, '*');
    const size = m.EPDF_PNG_EncodeRGBA(pixels, width, height, width * 4, PNG_COMPRESSION, outPointer);
    const png = m.pdfium.getValue(outPointer, '*');
    try {
      if (!size || !png) throw new Error(`PDFium could not encode the ${width}×${height} thumbnail as PNG`);
      return m.pdfium.HEAPU8.slice(png, png + size);
    } finally {
      // The encoder's output comes from the module's malloc; it leaves the pointer null when it fails.
      if (png) wasmExports.free(png);
    }
  } finally {
    wasmExports.free(outPointer);
  }
}

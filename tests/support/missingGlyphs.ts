/**
 * How many .notdef glyphs (missing-glyph boxes) each page draws, found by running the page through a
 * MuPDF device (the `mupdf` WebAssembly package). pdf.js does not report them: it drops the character,
 * so the layout dump names them in the page header instead.
 *
 * In pdfkit's font subsets glyph 0 is always .notdef (see pdfGlyphs.ts, which reads the same with mutool).
 */
import * as mupdf from 'mupdf';

export function missingGlyphsPerPage(bytes: Uint8Array): number[] {
  const doc = mupdf.Document.openDocument(bytes, 'application/pdf');
  try {
    const counts: number[] = [];
    for (let i = 0; i < doc.countPages(); i++) {
      let missing = 0;
      const count = (text: mupdf.Text) =>
        text.walk({
          showGlyph: (_font, _trm, glyph) => {
            if (glyph === 0) missing++;
          },
        });
      const device = new mupdf.Device({ fillText: count, strokeText: count, clipText: count, clipStrokeText: count });
      const page = doc.loadPage(i);
      page.run(device, mupdf.Matrix.identity);
      device.close();
      page.destroy();
      counts.push(missing);
    }
    return counts;
  } finally {
    doc.destroy();
  }
}

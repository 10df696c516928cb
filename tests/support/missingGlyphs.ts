/**
 * How many .notdef glyphs (missing-glyph boxes) each page draws. Glyphs are drawn as outlines (form
 * XObjects named after their glyph id, see pdfGlyphs.ts), so a drawn glyph id 0 is a missing-glyph
 * box; the page's invisible text layer is checked too (MuPDF device, the `mupdf` WebAssembly package).
 * pdf.js does not report them: it drops the character, so the layout dump names them in the page
 * header instead.
 */
import * as mupdf from 'mupdf';
import { drawnOutlines } from './pdfGlyphs.js';

export function missingGlyphsPerPage(bytes: Uint8Array): number[] {
  const doc = mupdf.Document.openDocument(bytes, 'application/pdf');
  const outlines = drawnOutlines(bytes);
  try {
    const counts: number[] = [];
    for (let i = 0; i < doc.countPages(); i++) {
      let missing = outlines.filter((g) => g.page === i + 1 && g.gid === 0).length;
      const count = (text: mupdf.Text) =>
        text.walk({
          showGlyph: (_font, _trm, glyph) => {
            if (glyph === 0) missing++;
          },
        });
      const device = new mupdf.Device({ fillText: count, strokeText: count, clipText: count, clipStrokeText: count, ignoreText: count });
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

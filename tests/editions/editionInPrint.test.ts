/**
 * The edition id in print: in every page's footer with the as-of date, and as a QR code on the
 * fact sheet's cover that a phone camera decodes to the edition's page on the readers' site.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import jsQRModule from 'jsqr';
import * as mupdf from 'mupdf';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildSummary } from '../../src/pipeline/build.js';
import { briefIds, briefs } from '../../src/briefs/registry.js';
import { buildAllInto, scratchDir } from '../support/builtBriefs.js';
import { pdftotextPages } from '../support/pdfText.js';

// jsqr is CommonJS whose typings declare an ES default export: under Node's interop the module is the function.
const jsQR = jsQRModule as unknown as typeof jsQRModule.default;

const publicUrl = 'https://example.github.io/coalition-briefs/';
let summary: BuildSummary;
let local: BuildSummary;

beforeAll(async () => {
  summary = await buildAllInto(await scratchDir('in-print'), { publicUrl });
  local = await buildAllInto(await scratchDir('in-print-local'), { publicUrl: null, briefs: ['factsheet'] });
});

function decodeCoverQr(bytes: Uint8Array): string | undefined {
  const page = mupdf.Document.openDocument(bytes, 'application/pdf').loadPage(0);
  // 150 dpi, about what a phone camera sees of a printed A4 page at arm's length.
  const pixmap = page.toPixmap(mupdf.Matrix.scale(150 / 72, 150 / 72), mupdf.ColorSpace.DeviceRGB, false);
  // On white paper: RGB, made the RGBA jsQR reads.
  const rgb = pixmap.getPixels();
  const rgba = new Uint8ClampedArray((rgb.length / 3) * 4);
  for (let i = 0, j = 0; i < rgb.length; i += 3, j += 4) {
    rgba[j] = rgb[i]!;
    rgba[j + 1] = rgb[i + 1]!;
    rgba[j + 2] = rgb[i + 2]!;
    rgba[j + 3] = 255;
  }
  const code = jsQR(rgba, pixmap.getWidth(), pixmap.getHeight());
  return code?.data;
}

describe('the edition in print', () => {
  it('the manifest names one edition for every file', () => {
    expect(summary.manifest.edition).toMatch(/^[0-9a-z]{8}$/);
    expect(summary.manifest.files.every((entry) => entry.edition === summary.manifest.edition)).toBe(true);
  });

  it.each(briefIds.map((id) => briefs[id].file))('%s: every footer prints the as-of date and the edition id', async (file) => {
    const pages = pdftotextPages(await readFile(path.join(summary.outDir, file)));
    // The fact sheet's cover has no footer.
    const footed = file === 'factsheet.pdf' ? pages.slice(1) : pages;
    for (const text of footed) {
      const footer = text.trim().split('\n').at(-1)!;
      expect(footer).toContain('البيانات حتى');
      expect(footer).toContain(summary.manifest.edition!);
    }
  });

  it('the fact sheet\'s cover carries a QR code that decodes to the edition\'s page, which the site has', async () => {
    const url = decodeCoverQr(await readFile(path.join(summary.outDir, 'factsheet.pdf')));
    const page = `edition-${summary.manifest.edition}.html`;
    expect(url).toBe(`${publicUrl}${page}`);
    expect((await stat(path.join(summary.outDir, 'site', page))).isFile()).toBe(true);
  });

  it('a build without the site\'s public address draws no QR code (a relative address is no use on paper)', async () => {
    expect(decodeCoverQr(await readFile(path.join(local.outDir, 'factsheet.pdf')))).toBeUndefined();
  });
});

/**
 * Glyphs are drawn as outline forms (src/typeset/glyphOutlines.ts), and a document holds each glyph's
 * outline once: every page that draws it refers to the same form. Writing a glyph's path where it is
 * drawn made files three to four times larger; this is the guard against that coming back. Each form
 * is stored deflated as pdfkit stores its own streams (the adapter deflates each outline once per
 * process and hands pdfkit the bytes).
 */
import { deflateSync } from 'node:zlib';
import * as mupdf from 'mupdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { typesetPlainText } from '../../src/typeset/index.js';

interface FormUse {
  page: number;
  name: string;
  object: number;
}

interface FormStream {
  filter: string;
  raw: Buffer;
  decoded: Buffer;
}

function formUses(bytes: Uint8Array): { uses: FormUse[]; formObjects: number; pages: number; streams: FormStream[] } {
  const doc = mupdf.Document.openDocument(bytes, 'application/pdf') as mupdf.PDFDocument;
  try {
    const uses: FormUse[] = [];
    for (let page = 0; page < doc.countPages(); page++) {
      const xobjects = doc.findPage(page).get('Resources').get('XObject');
      if (!xobjects.isDictionary()) continue;
      xobjects.forEach((value, key) => {
        if (/^GF\d+_\d+$/.test(String(key))) uses.push({ page, name: String(key), object: value.asIndirect() });
      });
    }
    let formObjects = 0;
    const streams: FormStream[] = [];
    for (let num = 1; num < doc.countObjects(); num++) {
      const object = doc.newIndirect(num);
      if (object.isStream() && object.get('Subtype').toString() === '/Form') {
        formObjects++;
        streams.push({ filter: object.get('Filter').toString(), raw: Buffer.from(object.readRawStream().asUint8Array()), decoded: Buffer.from(object.readStream().asUint8Array()) });
      }
    }
    return { uses, formObjects, pages: doc.countPages(), streams };
  } finally {
    doc.destroy();
  }
}

describe('glyph outline forms', () => {
  let result: ReturnType<typeof formUses>;
  beforeAll(async () => {
    const paragraph = 'أعلن التحالف الدولي ضد داعش في العراق أنّ عدد قواته 2500 عسكري (بحسب البنتاغون)، وأن الانسحاب يتم على مرحلتين.';
    const { bytes } = await typesetPlainText(Array.from({ length: 90 }, () => paragraph).join('\n'), { digits: 'latn' });
    result = formUses(bytes);
  });

  it('are drawn on every page of a long text', () => {
    expect(result.pages).toBeGreaterThan(2);
    for (let page = 0; page < result.pages; page++) expect(result.uses.some((use) => use.page === page)).toBe(true);
  });

  it('are one object per glyph, shared by every page that draws it', () => {
    const objectsByName = new Map<string, Set<number>>();
    for (const use of result.uses) objectsByName.set(use.name, (objectsByName.get(use.name) ?? new Set()).add(use.object));
    for (const [name, objects] of objectsByName) expect(objects.size, name).toBe(1);
    // ...and the file holds no other copy of an outline.
    expect(result.formObjects).toBe(objectsByName.size);
  });

  it('are stored deflated, as pdfkit deflates a stream (zlib at its default level), each a path', () => {
    expect(result.streams.length).toBe(result.formObjects);
    for (const form of result.streams) {
      expect(form.filter).toBe('/FlateDecode');
      expect(form.raw.equals(deflateSync(form.decoded))).toBe(true);
      expect(form.decoded.toString('latin1')).toMatch(/^[-\d. mlcvyhfre\n]+\n$/);
    }
  });
});

/**
 * Page composition, on documents made for it: a table breaking inside a box keeps its repeated
 * header inside the box; a heading that would end a page moves on with what follows; a section
 * starts a new page only when little of the page is left; a paragraph split across pages leaves two
 * lines or more on each side.
 */
import * as mupdf from 'mupdf';
import { describe, expect, it } from 'vitest';
import type { Block, TypesetDocument } from '../../src/document/model.js';
import { PAGE_MARGINS } from '../../src/typeset/furniture.js';
import { typesetDocument } from '../../src/typeset/index.js';
import { readLayout } from '../support/layoutDump.js';

const doc = (blocks: Block[]): TypesetDocument => ({
  title: 'اختبار التركيب',
  subject: '',
  author: '',
  keywords: [],
  asOf: '2024-01-31',
  footerNote: '',
  digits: 'latn',
  blocks,
});
const sentence = 'أعلن التحالف الدولي أن قواته ستبقى في العراق لتقديم المشورة والمساعدة للقوات العراقية';
const paragraph = (n = 1): Block => ({ kind: 'paragraph', content: [{ text: Array(n).fill(sentence).join('، ') + '.' }] });
const cell = (text: string) => ({ content: [{ text }] });
const longTable = (rows: number): Block => ({
  kind: 'table',
  header: [[cell('الجهة'), cell('الرقم'), cell('ما يشمله')]],
  rows: Array.from({ length: rows }, (_, i) => [cell(`جهة ${i + 1}`), cell(`${(i + 1) * 100}`), cell('قوات التحالف في العراق')]),
});

/** The grey level (0 black … 255 white) at a point of a page, in PDF points from the top left. */
function greyAt(bytes: Uint8Array, pageIndex: number, x: number, y: number): number {
  const document = mupdf.Document.openDocument(bytes, 'application/pdf');
  const page = document.loadPage(pageIndex);
  const pixmap = page.toPixmap(mupdf.Matrix.identity, mupdf.ColorSpace.DeviceGray, false, true);
  const value = pixmap.getPixels()[Math.round(y) * pixmap.getWidth() + Math.round(x)]!;
  pixmap.destroy();
  page.destroy();
  document.destroy();
  return value;
}

describe('page composition', () => {
  it('draws a table’s repeated header inside its box when the table breaks across pages', async () => {
    const { bytes } = await typesetDocument(
      doc([paragraph(3), { kind: 'box', tone: 'neutral', title: [{ text: 'كم جندياً؟' }], blocks: [longTable(60), paragraph()] }]),
    );
    const pages = await readLayout(bytes);
    expect(pages.length).toBeGreaterThan(1);
    // Page 2 begins with the repeated header row: its baseline, and the box's bar beside it.
    const header = pages[1]!.lines.find((l) => l.baseline > PAGE_MARGINS.top && /Bold/.test(l.font))!;
    expect(header).toBeDefined();
    const barX = 595.28 - PAGE_MARGINS.right - 1.5;
    expect(greyAt(bytes, 1, barX, header.baseline - 3)).toBeLessThan(160); // the bar, not white paper
    expect(greyAt(bytes, 1, PAGE_MARGINS.left + 3, header.baseline - 3)).toBeLessThan(250); // the box's fill
  }, 60_000);

  it('moves a heading that would end a page on to the next page, with what follows', async () => {
    // Paragraphs until a heading falls at the foot of a page, whatever the line heights are.
    for (let fill = 20; fill < 60; fill++) {
      const blocks: Block[] = [...Array.from({ length: fill }, () => paragraph()), { kind: 'heading', level: 2, content: [{ text: 'القواعد' }] }, paragraph(4)];
      const pages = await readLayout((await typesetDocument(doc(blocks))).bytes);
      for (const page of pages) {
        const body = page.lines.filter((l) => l.baseline > PAGE_MARGINS.top && l.baseline < page.height - PAGE_MARGINS.bottom);
        const at = body.findIndex((l) => l.words.some((w) => w.text.includes('القواعد')));
        if (at >= 0) expect(body.length - at - 1, `with ${fill} paragraphs`).toBeGreaterThanOrEqual(2);
      }
    }
  }, 240_000);

  it('starts a section (a level-1 heading) on the same page while 40% of it is left, else on a new one', async () => {
    const section: Block[] = [{ kind: 'heading', level: 1, content: [{ text: 'الانسحاب' }] }, paragraph(3)];
    const near = await readLayout((await typesetDocument(doc([paragraph(2), ...section]))).bytes);
    expect(near.length).toBe(1);
    let movedOn = 0;
    for (let fill = 8; fill <= 24; fill += 2) {
      const pages = await readLayout((await typesetDocument(doc([...Array.from({ length: fill }, () => paragraph()), ...section]))).bytes);
      const index = pages.findIndex((p) => p.lines.some((l) => l.words.some((w) => w.text.includes('الانسحاب'))));
      const line = pages[index]!.lines.find((l) => l.words.some((w) => w.text.includes('الانسحاب')))!;
      const ratio = (line.baseline - PAGE_MARGINS.top) / (841.89 - PAGE_MARGINS.top - PAGE_MARGINS.bottom);
      expect(ratio, `with ${fill} paragraphs`).toBeLessThan(0.6 + 0.05); // its baseline sits a line below its start
      if (ratio < 0.1 && index > 0) movedOn++;
    }
    expect(movedOn).toBeGreaterThan(0);
  }, 120_000);

  it('splits a paragraph across pages only with two lines or more on each side (no orphan, no widow)', async () => {
    const filler: Block = { kind: 'paragraph', content: [{ text: 'سطر قصير.' }] };
    const split = { orphans: 0, widows: 0, splits: 0 };
    for (const sentences of [4, 8]) {
      // One-line paragraphs until the paragraph under test meets the foot of the first page at every line.
      for (let fill = 12; fill <= 30; fill++) {
        const blocks: Block[] = [...Array.from({ length: fill }, () => filler), paragraph(sentences)];
        const pages = await readLayout((await typesetDocument(doc(blocks))).bytes);
        const linesOn = pages.map(
          (page) =>
            page.lines.filter((l) => l.baseline > PAGE_MARGINS.top && l.baseline < page.height - PAGE_MARGINS.bottom && !l.words.some((w) => w.text.includes('قصير'))).length,
        );
        const on = linesOn.filter((n) => n > 0);
        if (on.length < 2) continue;
        split.splits++;
        expect(on[0], `${sentences} sentences after ${fill} lines: first page`).toBeGreaterThanOrEqual(2);
        expect(on.at(-1), `${sentences} sentences after ${fill} lines: last page`).toBeGreaterThanOrEqual(2);
      }
    }
    // The paragraph did meet page breaks (else this proves nothing).
    expect(split.splits).toBeGreaterThanOrEqual(3);
  }, 240_000);
});

/**
 * typesetDocument renders every block kind, right to left, with furniture, metadata and digits,
 * deterministically.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { typesetDocument } from '../../src/typeset/index.js';
import type { TypesetResult } from '../../src/document/index.js';
import { notdefGlyphs } from '../support/pdfGlyphs.js';
import { pdfjsItems, pdfjsPages, tokens, type PdfjsItem } from '../support/pdfText.js';
import { sampleDocument } from './fixtures/sampleDocument.js';

function pdfinfo(bytes: Uint8Array): Record<string, string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdfinfo-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    writeFileSync(file, bytes);
    const out = execFileSync('pdfinfo', ['-isodates', file], { encoding: 'utf8' });
    return Object.fromEntries(out.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const find = (items: PdfjsItem[], str: string) => items.filter((i) => i.str.includes(str));

describe('typesetDocument (every block kind)', () => {
  let latn: TypesetResult;
  let arab: TypesetResult;
  let items: PdfjsItem[];
  beforeAll(async () => {
    latn = await typesetDocument(sampleDocument('latn'));
    arab = await typesetDocument(sampleDocument('arab'));
    items = await pdfjsItems(latn.bytes);
  });
  afterEach(() => vi.useRealTimers());

  it('produces an A4 PDF whose page count matches the file', () => {
    const info = pdfinfo(latn.bytes);
    expect(info['Page size']).toContain('595.28 x 841.89');
    expect(Number(info['Pages'])).toBe(latn.pages);
    expect(latn.pages).toBeGreaterThanOrEqual(4);
  });

  it('writes the metadata, with the as-of date as creation and modification date', () => {
    const info = pdfinfo(latn.bytes);
    expect(info['Title']).toBe('التحالف الدولي ضد داعش في العراق: ورقة حقائق');
    expect(info['Subject']).toBe('التحالف الدولي');
    expect(info['Author']).toBe('coalition-briefs');
    expect(info['Keywords']).toBe('العراق, التحالف, داعش');
    expect(info['CreationDate']).toMatch(/^2021-08-23T00:00:00/);
    expect(info['ModDate']).toMatch(/^2021-08-23T00:00:00/);
    expect(Buffer.from(latn.bytes).toString('latin1')).toContain('/Lang (ar)');
  });

  it('draws no .notdef glyph, with either digit set', () => {
    expect(notdefGlyphs(latn.bytes)).toEqual([]);
    expect(notdefGlyphs(arab.bytes)).toEqual([]);
  });

  it('is byte-identical whatever the clock and the random generator say', async () => {
    vi.useFakeTimers({ now: new Date('2031-01-02T03:04:05Z'), toFake: ['Date'] });
    const spy = vi.spyOn(Math, 'random').mockReturnValue(0.123);
    const again = await typesetDocument(sampleDocument('latn'));
    spy.mockRestore();
    expect(Buffer.from(again.bytes).equals(Buffer.from(latn.bytes))).toBe(true);
  });

  it('puts the running header and the footer "صفحة N من M" on every page after the cover', async () => {
    const pages = await pdfjsPages(latn.bytes);
    expect(pages[0]).not.toContain('صفحة');
    for (let p = 2; p <= latn.pages; p++) {
      expect(tokens(pages[p - 1]!)).toEqual(expect.arrayContaining(['ورقة', 'حقائق', 'صفحة', String(p), String(latn.pages)]));
      expect(pages[p - 1]).toContain('البيانات');
    }
  });

  it('lists toc headings with the pages they are on', () => {
    for (const heading of ['أهداف التحالف', 'الجهات المشاركة', 'خاتمة']) {
      const [word] = heading.split(' ');
      const onPages = find(items, word!).map((i) => i.page);
      const tocPage = Math.min(...onPages);
      const bodyPage = Math.max(...onPages);
      const tocRow = find(items, word!).find((i) => i.page === tocPage)!;
      const number = items.find((i) => i.page === tocPage && Math.abs(i.y - tocRow.y) < 2 && /^\d+$/.test(i.str));
      expect(number?.str).toBe(String(bodyPage));
    }
  });

  it('prints Arabic-Indic digits everywhere with digits "arab", page numbers included', async () => {
    const pages = await pdfjsPages(arab.bytes);
    const text = pages.join('\n');
    expect(text).toContain('٢٠١٤');
    expect(text).toMatch(/٣٬٣٢٢٬١٤٥/);
    expect(text).toMatch(/٧٫٥/);
    expect(tokens(pages[1]!)).toEqual(expect.arrayContaining(['صفحة', '٢']));
    // Western digits remain only in Latin designations (B-52, A-10).
    expect(text.replace(/[AB]-\d+/g, '')).not.toMatch(/[0-9]/);
  });

  it('puts the first table column on the right and repeats the header row on every page', () => {
    const rowPages = [...new Set(find(items, 'جهة').map((i) => i.page))];
    const tablePages = rowPages.filter((p) => find(items, 'العراق').some((i) => i.page === p));
    expect(tablePages.length).toBeGreaterThanOrEqual(2);
    for (const p of tablePages) {
      // the header cell of the first column, at the right edge ("الجهة" also ends the chart title)
      const header = items.filter((i) => i.page === p && i.str === 'الجهة' && i.x > 450);
      expect(header.length).toBe(1);
    }
    const first = find(items, 'جهة').find((i) => i.str.startsWith('جهة'))!;
    const scope = items.find((i) => i.page === first.page && Math.abs(i.y - first.y) < 2 && i.str.includes('العراق'))!;
    expect(first.x).toBeGreaterThan(scope.x);
  });

  it('puts list markers on the right of their items', () => {
    const bullet = items.find((i) => i.str === '•')!;
    const text = items.find((i) => i.page === bullet.page && Math.abs(i.y - bullet.y) < 2 && i.str !== '•')!;
    expect(bullet.x).toBeGreaterThan(text.x);
  });

  it('draws the chart with its labels on the right and values on the left', () => {
    const label = find(items, 'الدولي').find((i) => find(items, '1257').some((v) => v.page === i.page && Math.abs(v.y - i.y) < 3))!;
    const value = items.find((i) => i.str.includes('1257') && i.page === label.page)!;
    expect(label.x).toBeGreaterThan(value.x);
    expect(find(items, '8214–13125').some((i) => i.page === label.page)).toBe(true);
  });
});

describe('typesetDocument with empty content', () => {
  it('renders every block kind with nothing in it as nothing: one page with the two titles and the furniture, no blank page after the trailing page breaks', async () => {
    const doc = sampleDocument('latn');
    const result = await typesetDocument({
      ...doc,
      footerNote: '',
      blocks: [
        { kind: 'heading', level: 1, content: [] },
        { kind: 'paragraph', content: [{ text: '' }] },
        { kind: 'list', ordered: true, items: [] },
        { kind: 'table', header: [], rows: [] },
        { kind: 'box', tone: 'neutral', blocks: [] },
        { kind: 'keyFigures', items: [] },
        { kind: 'chart', title: 'بلا بيانات', items: [] },
        { kind: 'toc', title: 'المحتويات' },
        { kind: 'pageBreak' },
        { kind: 'pageBreak' },
      ],
    });
    expect(result.pages).toBe(1);
    expect(notdefGlyphs(result.bytes)).toEqual([]);
    const pages = await pdfjsPages(result.bytes);
    expect(pages.length).toBe(1);
    // In order, top to bottom: the chart title, the table of contents title, the running header, the footer.
    expect(tokens(pages[0]!)).toEqual(['بلا', 'بيانات', 'المحتويات', ...tokens(doc.title), 'صفحة', '1', 'من', '1']);
  });
});

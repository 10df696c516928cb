/**
 * The tagging of cases the briefs may not show today, on small documents: a table whose header row
 * repeats on later pages, citation markers in Arabic-Indic digits, Latin words, a chart's
 * alternative text, and `briefs typeset` (plain text).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, TypesetDocument } from '../../src/document/index.js';
import { typesetDocument, typesetPlainText } from '../../src/typeset/index.js';
import { chartAltText } from '../../src/typeset/structure/altText.js';
import { citedNumbers, isLatinScript } from '../../src/typeset/structure/tree.js';
import { elements, markedContent, readStructure, type Element } from '../support/pdfStructure.js';

const doc = (blocks: Block[], digits: 'latn' | 'arab' = 'latn'): TypesetDocument => ({
  title: 'وثيقة اختبار',
  subject: '',
  author: '',
  keywords: [],
  asOf: '2024-01-01',
  footerNote: 'ملاحظة',
  digits,
  blocks,
});
const kids = (e: Element) => e.kids.filter((k): k is Element => k.kind === 'element');
const read = (e: Element) => e.actualText ?? '';

describe('a table longer than a page', () => {
  const rows = Array.from({ length: 120 }, (_, i) => [{ content: [{ text: `الصف رقم ${i + 1}` }] }, { content: [{ text: 'قيمة' }] }]);
  const table: Block = {
    kind: 'table',
    header: [[{ content: [{ text: 'البند' }] }, { content: [{ text: 'القيمة' }] }]],
    rows,
  };
  let tree: Element[];
  let marks: ReturnType<typeof markedContent>;
  let pages: number;
  beforeAll(async () => {
    const result = await typesetDocument(doc([table]));
    const structure = readStructure(result.bytes);
    pages = structure.pageCount;
    tree = elements(structure.root);
    marks = markedContent(result.bytes);
  });

  it('spans pages, its header row drawn on each', () => {
    expect(pages).toBeGreaterThan(2);
  });

  it('has its header cells once in the structure tree, as column headers, and every body row in TBody', () => {
    const t = tree.find((e) => e.role === 'Table')!;
    expect(kids(t).map((e) => e.role)).toEqual(['THead', 'TBody']);
    const [head, body] = kids(t);
    expect(kids(head!).map((tr) => kids(tr).map((c) => [c.role, c.attributes.Scope, read(c)]))).toEqual([
      [
        ['TH', 'Column', 'البند'],
        ['TH', 'Column', 'القيمة'],
      ],
    ]);
    expect(kids(body!)).toHaveLength(120);
    expect(kids(body!).map((tr) => read(kids(tr)[0]!))).toEqual(rows.map((r) => r[0]!.content[0]!.text));
    expect(tree.filter((e) => e.role === 'TH')).toHaveLength(2);
  });

  it('marks the header row repeated on later pages as a pagination artifact (no subtype: not a running head)', () => {
    const repeated = (page: number) => marks.artifacts.get(page)!.filter((a) => a === '/Artifact <</Type /Pagination>>').length;
    expect(repeated(0)).toBe(0);
    for (let page = 1; page < pages; page++) expect(repeated(page), `page ${page + 1}`).toBe(2);
    expect(marks.unmarked).toEqual([]);
  });
});

describe('citations in Arabic-Indic digits, and Latin words', () => {
  let tree: Element[];
  let structure: ReturnType<typeof readStructure>;
  beforeAll(async () => {
    const result = await typesetDocument(
      doc(
        [
          { kind: 'heading', level: 2, content: [{ text: 'عنوان' }] },
          { kind: 'paragraph', content: [{ text: 'قالت وكالة Reuters إن العدد 35 ' }, { text: '1، 2', cite: true }] },
          { kind: 'heading', level: 2, content: [{ text: 'المصادر' }] },
          { kind: 'list', ordered: true, sources: true, items: [[{ text: 'المصدر الأول' }], [{ text: 'المصدر الثاني' }]] },
        ],
        'arab',
      ),
    );
    structure = readStructure(result.bytes);
    tree = elements(structure.root);
  });

  it('links each number of a marker to its own source entry', () => {
    const p = tree.find((e) => e.role === 'P')!;
    const references = kids(p).filter((e) => e.role === 'Reference');
    expect(references.map((r) => kids(r)[0]!.kids.find((k) => k.kind === 'annotation'))).toEqual([
      expect.objectContaining({ destination: 'source-1' }),
      expect.objectContaining({ destination: 'source-2' }),
    ]);
    // Each entry's destination, and where each source is first cited (its entry's number links back there).
    expect([...structure.destinations].sort()).toEqual(['cite-1', 'cite-2', 'source-1', 'source-2']);
  });

  it('reads the paragraph in logical order, digits as drawn', () => {
    expect(read(tree.find((e) => e.role === 'P')!)).toBe('قالت وكالة Reuters إن العدد ٣٥ ١، ٢');
  });

  it('puts the Latin word in an English Span', () => {
    const spans = tree.filter((e) => e.role === 'Span');
    expect(spans.map((s) => s.lang)).toEqual(['en']);
  });

  it('nests bookmarks of level-2 headings at the top when there is no level 1', () => {
    expect(structure.outline.map((o) => [o.level, o.title])).toEqual([
      [1, 'عنوان'],
      [1, 'المصادر'],
    ]);
  });

  it('labels the source list as numbered, each entry with its number as Lbl', () => {
    const list = tree.find((e) => e.role === 'L')!;
    expect(list.attributes.ListNumbering).toBe('Decimal');
    expect(kids(list).map((li) => kids(li).map((e) => e.role))).toEqual([
      ['Lbl', 'LBody'],
      ['Lbl', 'LBody'],
    ]);
  });
});

describe('briefs typeset (plain text)', () => {
  it('is a Document of one P per line, with the footer as an artifact and nothing unmarked', async () => {
    const result = await typesetPlainText('سطر أول\nسطر ثان فيه NATO', { digits: 'latn' });
    const structure = readStructure(result.bytes);
    expect(structure.catalogLang).toBe('ar');
    const root = structure.root[0]!;
    expect(root.role).toBe('Document');
    expect(kids(root).map((e) => [e.role, read(e)])).toEqual([
      ['P', 'سطر أول'],
      ['P', 'سطر ثان فيه NATO'],
    ]);
    const marks = markedContent(result.bytes);
    expect(marks.unmarked).toEqual([]);
    expect(marks.artifacts.get(0)).toContain('/Artifact <</Type /Pagination /Subtype /Footer>>');
  });
});

describe('structure helpers', () => {
  it('reads the numbers of a citation marker in either digits', () => {
    expect(citedNumbers('3')).toEqual([3]);
    expect(citedNumbers('٣،')).toEqual([3]);
    expect(citedNumbers('12، ٤')).toEqual([12, 4]);
  });

  it('tells Latin-script text from Arabic and from digits', () => {
    expect(isLatinScript('NATO')).toBe(true);
    expect(isLatinScript('B-52')).toBe(true);
    expect(isLatinScript('2014')).toBe(false);
    expect(isLatinScript('لـ')).toBe(false);
  });

  it('writes a chart’s alternative text from its data: each bar, a range as its ends, a qualified value as printed', () => {
    const alt = chartAltText(
      {
        title: 'عدد القوات',
        unit: 'جندي',
        items: [
          { label: '2014', value: 3100, note: 'بحسب البنتاغون' },
          { label: '2016', min: 5000, max: 6000, note: 'بحسب رويترز' },
          { label: '2020', value: 4000, shown: 'أكثر من 4000' },
        ],
      },
      'latn',
    );
    expect(alt).toBe(
      'رسم بياني بالأعمدة: عدد القوات (جندي). عدد الأعمدة 3. 2014: 3100 (بحسب البنتاغون)؛ 2016: من 5000 إلى 6000 (بحسب رويترز)؛ 2020: أكثر من 4000.',
    );
  });
});

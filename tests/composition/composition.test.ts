/**
 * Every brief, read back from its PDF, is composed as a typesetter would sign it off (see
 * tests/support/compositionCheck.ts): no heading, box title or table header row left at the foot of
 * a page, no near-empty page, no paragraph ending in one word, no paragraph split across pages with
 * one line on a side. Mutations prove the checker bites.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { briefIds } from '../../src/briefs/registry.js';
import type { Block } from '../../src/document/model.js';
import { defaultRenderInputs, renderBriefPdf, type RenderInputs } from '../support/briefSnapshots.js';
import { checkComposition, checkPdfComposition, formatFindings } from '../support/compositionCheck.js';
import type { LayoutLine, LayoutPage } from '../support/layoutDump.js';
import { withMutatedBlocks, type BlocksMutation } from '../support/layoutMutations.js';

let inputs: RenderInputs;
beforeAll(async () => {
  inputs = await defaultRenderInputs();
});

describe.each(briefIds)('the %s brief', (brief) => {
  it('is composed page by page: headings kept with what follows, no near-empty page, no one-word last line', async () => {
    const findings = await checkPdfComposition(await renderBriefPdf(brief, inputs));
    expect(formatFindings(findings)).toEqual([]);
  }, 120_000);
});

const isHeading = (b: Block): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading';
const bodyParagraphIndex = (blocks: Block[]) => blocks.findIndex((b) => b.kind === 'paragraph' && b.style !== 'lead');
const mutated = (mutate: BlocksMutation) => renderBriefPdf('troops', { ...inputs, templates: withMutatedBlocks(inputs.templates, mutate) });
const rules = async (mutate: BlocksMutation) => (await checkPdfComposition(await mutated(mutate))).map((f) => f.rule);

describe('the composition checker bites', () => {
  it('on a page break forced right after a heading', async () => {
    const found = await rules((blocks) => {
      const at = blocks.findIndex((b, i) => i > 0 && isHeading(b) && b.level === 2);
      blocks.splice(at + 1, 0, { kind: 'pageBreak' });
      return blocks;
    });
    // The typesetter may still move the heading off the foot: it then stands alone on a page.
    expect(found.some((r) => r === 'heading-at-foot' || r === 'sparse-page')).toBe(true);
  }, 120_000);

  it('on a page holding a single line', async () => {
    const found = await rules((blocks) => {
      const at = bodyParagraphIndex(blocks) + 1;
      blocks.splice(at, 0, { kind: 'pageBreak' }, { kind: 'paragraph', content: [{ text: 'سطر وحيد.' }] }, { kind: 'pageBreak' });
      return blocks;
    });
    expect(found).toContain('sparse-page');
  }, 120_000);

  it('on a table header row that ends a page', async () => {
    const found = await rules((blocks) => {
      const header = [[{ content: [{ text: 'الجهة' }] }, { content: [{ text: 'الرقم' }] }]];
      blocks.splice(bodyParagraphIndex(blocks) + 1, 0, { kind: 'table', header, rows: [] }, { kind: 'pageBreak' });
      return blocks;
    });
    expect(found).toContain('header-row-at-foot');
  }, 120_000);

  const line = (text: string, left: number, baseline: number): LayoutLine => {
    const word = { text, font: 'Amiri-Regular', size: 12, left, right: 537, baseline };
    return { words: [word], baseline, font: 'Amiri-Regular', size: 12, left, right: 537 };
  };
  const page = (lines: LayoutLine[]): LayoutPage => ({ width: 595, height: 842, lines: [line('ترويسة', 400, 40), ...lines] });

  it('on a paragraph ending in one word under a full line, and not on a paragraph ending in two', () => {
    const full = line('كل رقم في هذه الورقة منسوب إلى الجهة التي تقوله مع نطاقه وتاريخه', 58, 100);
    expect(checkComposition([page([full, line('عدّه.', 500, 117)])]).map((f) => f.rule)).toEqual(['one-word-last-line']);
    expect(checkComposition([page([full, line('طريقة عدّه.', 470, 117)])])).toEqual([]);
  });

  /** A justified paragraph's lines in the column, 21 pt apart, from `baseline` down; its last line short. */
  const paragraphLines = (count: number, baseline: number, endsHere: boolean): LayoutLine[] =>
    Array.from({ length: count }, (_, i) =>
      line(i === count - 1 && endsHere ? 'آخر السطر.' : 'كل رقم في هذه الورقة منسوب إلى الجهة التي تقوله مع نطاقه', i === count - 1 && endsHere ? 400 : 58, baseline + 21 * i),
    );
  const split = (before: number, after: number) =>
    checkComposition([
      page([...paragraphLines(30, 100, true).slice(0, 29), ...paragraphLines(before, 100 + 21 * 29 + 35, false)]),
      page([...paragraphLines(after, 100, true), ...paragraphLines(8, 100 + 21 * after + 35, true)]),
      page(paragraphLines(6, 100, true)),
    ]).map((f) => `${f.rule} p${f.page}`);

  it('on a paragraph whose first line is alone at the foot of a page (an orphan)', () => {
    expect(split(1, 4)).toEqual(['orphan p1']);
  });

  it('on a paragraph whose last line is alone at the top of the next page (a widow)', () => {
    expect(split(4, 1)).toEqual(['widow p2']);
  });

  it('not on a paragraph split with two lines or more on each side', () => {
    expect(split(2, 2)).toEqual([]);
  });
});

/**
 * What each brief promises its readers, checked on the PDF's own text layer: every figure the brief
 * is meant to show is there with its claimant, and every citation marker resolves to a listed source.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { briefIds, briefs, type BriefId } from '../../src/briefs/registry.js';
import type { FigureView } from '../../src/derive/common.js';
import type { Dataset } from '../../src/model/index.js';
import { renderBrief, type RenderedBrief } from '../../src/pipeline/renderBrief.js';
import { defaultDataDir, templatesDir } from '../../src/paths.js';
import { createTemplateEngine } from '../../src/template/index.js';
import { formatQuantity, formatRange } from '../../src/template/index.js';
import { loadValidDataset } from '../../src/validate/index.js';
import { allInlines } from '../support/documentBlocks.js';
import { notdefGlyphs } from '../support/pdfGlyphs.js';
import { pdftotextPages, tokens } from '../support/pdfText.js';

let dataset: Dataset;
const rendered = new Map<BriefId, { result: RenderedBrief; pages: string[][]; view: object }>();

beforeAll(async () => {
  dataset = await loadValidDataset(defaultDataDir);
  const templates = createTemplateEngine(templatesDir);
  for (const id of briefIds) {
    const result = await renderBrief(briefs[id], { dataset, templates, digits: 'latn' });
    rendered.set(id, { result, pages: pdftotextPages(result.bytes).map(tokens), view: briefs[id].derive(dataset) });
  }
});

/** Every figure row a brief's view holds, wherever it sits in the view. */
function figuresIn(value: unknown, found: FigureView[] = []): FigureView[] {
  if (Array.isArray(value)) value.forEach((item) => figuresIn(item, found));
  else if (value !== null && typeof value === 'object') {
    if ('claimant' in value && 'value' in value && 'cites' in value) found.push(value as FigureView);
    Object.values(value).forEach((item) => figuresIn(item, found));
  }
  return found;
}

/** The words a reader sees for a figure's value, as the templates print it. */
function valueText(figure: FigureView): string {
  const value = figure.value;
  if ('count' in value) return formatQuantity(value.qualifier, value.value, value.unit);
  if ('range' in value) return formatRange(value.min, value.max, value.unit);
  if ('words' in value) return `${value.text} ${value.unit}`;
  return 'غير معروف';
}

function containsSequence(haystack: readonly string[], needle: readonly string[]): boolean {
  outer: for (let start = 0; start + needle.length <= haystack.length; start++) {
    for (let offset = 0; offset < needle.length; offset++) if (haystack[start + offset] !== needle[offset]) continue outer;
    return true;
  }
  return false;
}

describe.each(briefIds)('the %s brief', (id) => {
  it('draws every character with a real glyph: no missing-glyph box anywhere', () => {
    expect(notdefGlyphs(rendered.get(id)!.result.bytes)).toEqual([]);
  });

  it('shows every figure it is meant to show, on the same page as its claimant', () => {
    const { pages, view } = rendered.get(id)!;
    const figures = figuresIn(view);
    if (['troops', 'casualties', 'factsheet'].includes(id)) expect(figures.length).toBeGreaterThan(0);
    for (const figure of figures) {
      // Table cells wrap, and text extraction interleaves the wrapped lines of neighbouring cells:
      // the number (or, for a count known only in words, the words) must be there, and every word of
      // the claimant's name on the same page — or the one before, where a row breaks across pages.
      const all = tokens(valueText(figure));
      const digits = all.filter((token) => /\p{Nd}/u.test(token));
      const value = digits.length > 0 ? digits : all;
      const claimant = tokens(figure.claimant);
      const shown = pages.some((page, index) => {
        const near = new Set([...page, ...(pages[index - 1] ?? [])]);
        return value.every((word) => page.includes(word)) && claimant.every((word) => near.has(word));
      });
      expect(shown, `${figure.id}: "${valueText(figure)}" with "${figure.claimant}"`).toBe(true);
    }
  });

  it('has citation markers that all resolve to the numbered source list', () => {
    const { result } = rendered.get(id)!;
    const markers = allInlines(result.blocks)
      .filter((inline) => inline.cite === true)
      .flatMap((inline) => inline.text.split('،').map((part) => Number(part.trim())));
    expect(markers.length).toBeGreaterThan(0);
    const sourceList = result.blocks.findLast((block) => block.kind === 'list' && block.ordered);
    expect(sourceList?.kind === 'list' && sourceList.items.length).toBe(dataset.sources.length);
    for (const marker of markers) {
      expect(Number.isInteger(marker) && marker >= 1 && marker <= dataset.sources.length, `marker ${marker}`).toBe(true);
    }
  });
});

describe('the fact sheet', () => {
  it('holds every section of the four briefs', () => {
    const pages = rendered.get('factsheet')!.pages.flat();
    for (const heading of ['في لمحة', 'التاريخ', 'القوات', 'الضحايا', 'الانسحاب', 'المصادر']) {
      expect(containsSequence(pages, tokens(heading)), heading).toBe(true);
    }
  });
});

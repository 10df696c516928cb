/**
 * How each claim is attributed is printed (issue 13): a claim the article attributes to no one is the
 * article's own account, never "بحسب" a party; an inferred claimant is marked «مستنتَج» wherever it
 * is printed (tables, cards, charts, lists), as inferred dates are.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { briefIds, type BriefId } from '../../src/briefs/registry.js';
import type { Block } from '../../src/document/model.js';
import { loadValidDataset } from '../../src/validate/index.js';
import { fixturesDir } from '../validate/fixtureIssues.js';
import { composeAll, printedStrings } from './printedStrings.js';

let composed: Map<BriefId, Block[]>;
beforeAll(async () => {
  composed = composeAll(await loadValidDataset(path.join(fixturesDir, 'attribution-print')));
});

const strings = (id: BriefId) => printedStrings(composed.get(id)!).filter((s) => s.where !== 'paragraph' || !s.text.startsWith('تنبيه'));

describe.each(briefIds)('the %s brief', (id) => {
  it('never prints an unattributed claim as "بحسب" its publisher', () => {
    expect(strings(id).filter((s) => s.text.includes('بحسب الصحيفة')).map((s) => s.text)).toEqual([]);
  });

  it('marks the inferred claimant as inferred wherever it prints it', () => {
    const unmarked = strings(id).filter((s) => s.text.includes('قيادة العمليات') && !s.text.includes('مستنتَج'));
    expect(unmarked.map((s) => `${s.where}: ${s.text}`)).toEqual([]);
  });
});

describe('the fact sheet cards', () => {
  it('say the article tells it without naming anyone, and that an attribution is inferred', () => {
    const labels = printedStrings(composed.get('factsheet')!).filter((s) => s.where === 'card label').map((s) => s.text);
    expect(labels.some((label) => label.includes('في رواية الصحيفة دون نسبة إلى جهة'))).toBe(true);
    expect(labels.some((label) => label.includes('بحسب قيادة العمليات (نسبة مستنتَجة)'))).toBe(true);
    expect(labels.some((label) => label.includes('بحسب مسؤول رفيع'))).toBe(true);
  });
});

describe('the bundled data', () => {
  it('prints no unattributed figure under "بحسب" its publisher, on a card or a chart', async () => {
    const { defaultDataDir } = await import('../../src/paths.js');
    const { actorName } = await import('../../src/derive/common.js');
    const dataset = await loadValidDataset(defaultDataDir);
    const all = composeAll(dataset);
    const publishers = new Set(dataset.figures.filter((f) => f.attribution === 'unattributed').map((f) => actorName(dataset, f.claimant)));
    const wrong = [...all.values()]
      .flatMap((blocks) => printedStrings(blocks))
      .filter((s) => s.where === 'card label' || s.where === 'chart note')
      .filter((s) => [...publishers].some((name) => s.text.includes(`بحسب ${name}`)));
    expect(wrong.map((s) => s.text)).toEqual([]);
  });
});

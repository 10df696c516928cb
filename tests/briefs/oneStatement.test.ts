/**
 * One statement, once (issue 13): a caveat restated on each figure it concerns prints once per
 * table, under the figure whose caveat covers the most; a section heading never repeats the question
 * of the dispute card below it. Checked on every brief's printed strings (PDF and HTML share them).
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
  composed = composeAll(await loadValidDataset(path.join(fixturesDir, 'one-statement')));
});

const notes = (id: BriefId) => printedStrings(composed.get(id)!).filter((s) => s.where === 'paragraph' && s.text.startsWith('تنبيه'));
/** Letters only, so «كم دولة في التحالف؟» and «كم دولة في التحالف الدولي؟» compare as near-equal. */
const words = (text: string) => text.replace(/[^\p{L}\s]/gu, '').split(/\s+/u).filter(Boolean);
const nearlyEqual = (a: string, b: string) => {
  const [x, y] = [words(a), words(b)];
  const shared = x.filter((word) => y.includes(word)).length;
  return shared >= Math.min(x.length, y.length) && Math.min(x.length, y.length) > 0;
};

describe.each(briefIds)('the %s brief', (id) => {
  it('prints each caveat once in a section, even where a dispute card shows its figure again', () => {
    // The fact sheet holds the four briefs' sections, each of which may print a caveat once.
    const texts = notes(id).map((s) => s.text);
    const perSection = id === 'factsheet' ? 4 : 1;
    for (const text of new Set(texts)) expect(texts.filter((t) => t === text).length, text).toBeLessThanOrEqual(perSection);
    texts.forEach((text, index) => expect(texts[index + 1], text).not.toBe(text));
  });

  it('never heads a dispute card with its own question', () => {
    const blocks = composed.get(id)!;
    blocks.forEach((block, index) => {
      const next = blocks[index + 1];
      if (block.kind !== 'heading' || next?.kind !== 'box' || next.title === undefined) return;
      const [heading, title] = [block.content, next.title].map((runs) => runs.map((run) => run.text).join(''));
      expect(nearlyEqual(heading!, title!), `${heading} / ${title}`).toBe(false);
    });
  });
});

describe('caveats shared by several figures', () => {
  it('print the widest once: the total’s caveat, not each part’s pointer to it; one of two equal ones', () => {
    const troops = notes('troops').map((s) => s.text);
    expect(troops.filter((text) => text.includes('رقماً إجمالياً'))).toHaveLength(1); // the equipment table, not the dispute card again
    expect(troops.some((text) => text.includes('انظر الرقم الإجمالي'))).toBe(false);
    const history = notes('history').map((s) => s.text);
    expect(history).toEqual(['تنبيه: يقول المقال مرة «83 عضواً» ومرة «83 دولة».']);
  });
});

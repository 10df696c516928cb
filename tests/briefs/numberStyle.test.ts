/**
 * Our own text writes numbers one way (issue 13): digits never grouped, a dot only as a decimal
 * point — in notes, cards, tables and charts alike. Quotations («…») keep the source's writing.
 * Checked over every printed string of every brief, for the bundled data and for a fixture whose
 * figure (3322145) the old formatter grouped as «3.322.145» beside «6.3 مليون».
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { briefIds, type BriefId } from '../../src/briefs/registry.js';
import { defaultDataDir } from '../../src/paths.js';
import type { Block } from '../../src/document/model.js';
import { groupedNumber } from '../../src/validate/numberStyle.js';
import { loadValidDataset } from '../../src/validate/index.js';
import { fixturesDir } from '../validate/fixtureIssues.js';
import { composeAll, printedStrings } from './printedStrings.js';

const composed = new Map<string, Map<BriefId, Block[]>>();
beforeAll(async () => {
  composed.set('bundled data', composeAll(await loadValidDataset(defaultDataDir)));
  composed.set('one-statement fixture', composeAll(await loadValidDataset(path.join(fixturesDir, 'one-statement'))));
});

describe.each(['bundled data', 'one-statement fixture'])('%s', (data) => {
  it.each(briefIds)('the %s brief writes no grouped number outside quotations', (id) => {
    const grouped = printedStrings(composed.get(data)!.get(id)!)
      .filter((s) => groupedNumber(s.text) !== undefined)
      .map((s) => `${s.where}: ${s.text}`);
    expect(grouped).toEqual([]);
  });
});

describe('the fixture', () => {
  it('prints its unscaled count in digits, ungrouped', () => {
    const cells = printedStrings(composed.get('one-statement fixture')!.get('troops')!).map((s) => s.text);
    expect(cells.some((text) => text.includes('3322145 دولار'))).toBe(true);
  });
});

/**
 * An inferred date is marked as inferred wherever a date is printed: tables, cards, charts, lists,
 * the source list, the data's as-of line — in the PDF and the HTML edition alike, which share these
 * blocks (issue 13). The running footer is drawn by the typesetter, outside these blocks.
 * The fixture's every date is inferred and carries a month name, so each printed date can be found.
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
  composed = composeAll(await loadValidDataset(path.join(fixturesDir, 'inferred-dates')));
});

const months = 'يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر';
/** A printed date: "[day ]month/syriac-month year" (the spaces may be no-break spaces). */
const printedDate = new RegExp(`(?:\\d{1,2}[\\s\\u00A0])?(?:${months})/[^\\d]+\\d{4}`, 'gu');
const marker = 'مستنتَج';

describe.each(briefIds)('the %s brief', (id) => {
  it('marks every inferred date it prints as inferred', () => {
    // The dataset's as_of is inferred too: its «البيانات حتى …» line is marked like any other date.
    const strings = printedStrings(composed.get(id)!);
    const unmarked = strings.flatMap((s) =>
      [...s.text.matchAll(printedDate)]
        .filter((match) => !s.text.slice(match.index + match[0].length, match.index + match[0].length + 12).includes(marker))
        .map((match) => `${s.where}: ${s.text} [${match[0]}]`),
    );
    const found = strings.filter((s) => s.text.match(printedDate) !== null);
    expect(found.length).toBeGreaterThan(0);
    expect(unmarked).toEqual([]);
  });
});

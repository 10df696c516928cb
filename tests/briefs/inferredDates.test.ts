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

/** Every date of a dataset (any object with `iso` and `precision`) marked as a lower bound only. */
function asLowerBounds<T>(value: T): T {
  if (Array.isArray(value)) return value.map(asLowerBounds) as T;
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).map(([key, field]) => [key, asLowerBounds(field)]);
  const object = Object.fromEntries(entries) as Record<string, unknown>;
  if ('iso' in object && 'precision' in object) object.not_before = true;
  return object as T;
}

describe('a date the sources give only as a lower bound', () => {
  let lowerBounds: Map<BriefId, Block[]>;
  beforeAll(async () => {
    const dataset = await loadValidDataset(path.join(fixturesDir, 'inferred-dates'));
    lowerBounds = composeAll({ ...asLowerBounds(dataset), as_of_not_before: true });
  });

  it.each(briefIds)('is printed «لا يسبق …» wherever the %s brief prints it, never as the plain month', (id) => {
    const strings = printedStrings(lowerBounds.get(id)!);
    const plain = strings.flatMap((s) =>
      [...s.text.matchAll(printedDate)]
        .filter((match) => !s.text.slice(Math.max(0, match.index - 12), match.index).includes('لا يسبق'))
        .map((match) => `${s.where}: ${s.text} [${match[0]}]`),
    );
    expect(strings.filter((s) => s.text.match(printedDate) !== null).length).toBeGreaterThan(0);
    expect(plain).toEqual([]);
  });
});

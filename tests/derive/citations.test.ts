/** Citation numbering: a source's number is its place in data/sources, the same in every brief. */
import { beforeAll, describe, expect, it } from 'vitest';
import { Citations } from '../../src/derive/citations.js';
import type { Dataset } from '../../src/model/index.js';
import { loadValidDataset } from '../../src/validate/index.js';
import { defaultDataDir } from '../../src/paths.js';

let dataset: Dataset;
beforeAll(async () => {
  dataset = await loadValidDataset(defaultDataDir);
});

describe('Citations', () => {
  it('numbers a figure\'s evidence by the sources\' order, once each, ascending', () => {
    const citations = new Citations(dataset);
    const [first, second, third] = dataset.sources;
    const cite = (source: string) => ({ source, quote: 'q' }) as Dataset['figures'][number]['evidence'][number];
    expect(citations.of([cite(third!.id), cite(first!.id), cite(third!.id)])).toEqual([1, 3]);
    expect(citations.of([cite(second!.id)])).toEqual([2]);
    expect(citations.of([cite('no-such-source')])).toEqual([]);
  });

  it('lists every source with its number, in data order', () => {
    const list = new Citations(dataset).list();
    expect(list.map((entry) => entry.number)).toEqual(dataset.sources.map((_, index) => index + 1));
    expect(list[0]!.title).toBe(dataset.sources[0]!.title === 'unknown' ? null : dataset.sources[0]!.title);
  });
});

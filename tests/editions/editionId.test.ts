import { appendFile, cp } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/editions/canonicalJson.js';
import { datasetFingerprint, editionId, editionIdPattern } from '../../src/editions/editionId.js';
import { loadValidDataset } from '../../src/validate/index.js';
import { defaultDataDir } from '../../src/paths.js';
import { scratchDir } from '../support/builtBriefs.js';

const inputs = { dataset: 'a'.repeat(64), templates: 'b'.repeat(64), generatorVersion: '0.1.0', digits: 'latn' };

describe('canonical JSON', () => {
  it('sorts keys at every depth, leaves out undefined and has no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [{ d: undefined, c: 'س' }], e: null })).toBe('{"a":[{"c":"س"}],"b":1,"e":null}');
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/NaN/);
  });
});

describe('edition id', () => {
  it('is eight characters of Crockford base 32, the same for the same inputs', () => {
    const id = editionId(inputs);
    expect(id).toMatch(editionIdPattern);
    expect(id).toMatch(/^[0-9a-hjkmnp-tv-z]{8}$/);
    expect(editionId({ ...inputs })).toBe(id);
  });

  it('changes with the data, the templates, the generator version and the digits', () => {
    const id = editionId(inputs);
    const others = [
      { ...inputs, dataset: 'c'.repeat(64) },
      { ...inputs, templates: 'd'.repeat(64) },
      { ...inputs, generatorVersion: '0.1.1' },
      { ...inputs, digits: 'arab' },
    ].map(editionId);
    expect(new Set([id, ...others]).size).toBe(5);
  });

  it('comes from the validated dataset, not the file bytes: a comment added to data/ keeps it', async () => {
    const dir = path.join(await scratchDir('edition-comment'), 'data');
    await cp(defaultDataDir, dir, { recursive: true });
    await appendFile(path.join(dir, 'events.yaml'), '\n# a note for editors\n');
    const [original, commented] = await Promise.all([loadValidDataset(defaultDataDir), loadValidDataset(dir)]);
    expect(datasetFingerprint(commented)).toBe(datasetFingerprint(original));
  });
});

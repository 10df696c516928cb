import { loadDataset, type LoadOptions } from '../load/index.js';
import type { Dataset } from '../model/index.js';
import { DataError } from './dataError.js';
import { analyseDataset } from './validateDataset.js';
import { performance } from 'node:perf_hooks';

/** Loads and validates `dir`; returns the dataset, or throws a DataError listing all issues at once. */
export async function loadValidDataset(dir: string, options: LoadOptions = {}): Promise<Dataset> {
  // Timed as build steps (pipeline/stepTimes.ts reads the `briefs:` measures).
  const start = performance.now();
  const loaded = await loadDataset(dir, options);
  const loadedAt = performance.now();
  const { issues, dataset } = analyseDataset(loaded);
  performance.measure('briefs:load', { start, end: loadedAt });
  performance.measure('briefs:validate', { start: loadedAt, end: performance.now() });
  if (issues.length > 0 || dataset === undefined) throw new DataError(issues);
  return dataset;
}

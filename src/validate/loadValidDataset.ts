import { loadDataset, type LoadOptions } from '../load/index.js';
import type { Dataset } from '../model/index.js';
import { DataError } from './dataError.js';
import { analyseDataset } from './validateDataset.js';

/** Loads and validates `dir`; returns the dataset, or throws a DataError listing all issues at once. */
export async function loadValidDataset(dir: string, options: LoadOptions = {}): Promise<Dataset> {
  const { issues, dataset } = analyseDataset(await loadDataset(dir, options));
  if (issues.length > 0 || dataset === undefined) throw new DataError(issues);
  return dataset;
}

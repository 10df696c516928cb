export { validateDataset, analyseDataset, type Analysis } from './validateDataset.js';
export { loadValidDataset } from './loadValidDataset.js';
export { DataError } from './dataError.js';
export { formatIssue, type ValidationIssue } from '../model/validationIssue.js';

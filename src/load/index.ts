export { loadDataset, type LoadedDataset, type LoadedFile, type LoadOptions } from './loadDataset.js';
export { isDataFileName, listDataFiles } from './dataFiles.js';

export { createParsedFileCache, loadDataset, type LoadedDataset, type LoadedFile, type LoadOptions, type ParsedFileCache } from './loadDataset.js';
export { isDataFileName, listDataFiles } from './dataFiles.js';

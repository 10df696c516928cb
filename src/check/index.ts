export { recordInputs, fingerprintInputs, type InputsRecord, type InputSources } from './inputs.js';
export { parseRecordedManifest, hashOutputs, nextBuildRecord, type BuildRecord, type RecordedManifest } from './record.js';
export { assessStaleness, type StalenessReport, type StaleReason } from './staleness.js';
export { checkOutput, type CheckOptions } from './checkOutput.js';
export { formatStalenessReport } from './format.js';

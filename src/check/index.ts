export { recordInputs, fingerprintInputs, fingerprintFiles, type InputsRecord, type InputSources } from './inputs.js';
export { parseRecordedManifest, type RecordedManifest, type RecordedOutput } from './record.js';
export { assessStaleness, type StalenessReport, type StaleReason, type ExpectedOutputs } from './staleness.js';
export { checkOutput, type CheckOptions } from './checkOutput.js';
export { formatStalenessReport } from './format.js';

/**
 * The data inside each PDF: the attachment that makes an edition checkable.
 *
 * Every PDF carries the whole validated dataset, not only the records it prints: derive reads across
 * the dataset (citations number every source a brief cites, a claimant's name comes from actors, a
 * dispute groups figures of several files), so the whole dataset is the one input from which each
 * brief is rebuilt byte for byte without a proof of which records its derive step touched; the change
 * list of the next edition compares whole datasets; and it costs about 40 KB deflated per PDF.
 * Beside it: the generator, the brief, the options and the fingerprints it was built from, the
 * public address the cover's QR code points to, and the change list the fact sheet prints.
 */
import { z } from 'zod';
import { Dataset } from '../model/index.js';
import { canonicalJson } from './canonicalJson.js';
import { ChangeList } from './changes.js';
import { datasetFingerprint, editionId, editionIdPattern } from './editionId.js';

/** The attachment's file name inside every PDF. */
export const ATTACHMENT_NAME = 'coalition-briefs-edition.json';
export const ATTACHMENT_MIME = 'application/json';
export const RECORD_FORMAT = 'coalition-briefs edition data';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const EditionRecord = z.strictObject({
  format: z.literal(RECORD_FORMAT),
  formatVersion: z.literal(1),
  generator: z.strictObject({ name: z.string(), version: z.string() }),
  edition: z.string().regex(editionIdPattern),
  brief: z.string(),
  digits: z.enum(['latn', 'arab']),
  /** The readers' site the QR code and the edition's page point to; null in a local build. */
  siteUrl: z.string().nullable(),
  inputs: z.strictObject({
    /** sha256 of the dataset's canonical JSON below. */
    dataset: Sha256,
    /** The templates' fingerprint (check/inputs.ts). */
    templates: Sha256,
    /** The fingerprint of the data files as read (check/inputs.ts): what `briefs check` compares. */
    dataFiles: Sha256,
  }),
  /** What changed since the previous edition; null when the build was given none. */
  changes: ChangeList.nullable(),
  dataset: Dataset,
});
export type EditionRecord = z.infer<typeof EditionRecord>;

/** What a build knows about its edition, shared by every brief it renders. */
export interface EditionContext {
  id: string;
  generator: { name: string; version: string };
  digits: 'latn' | 'arab';
  siteUrl: string | null;
  inputs: EditionRecord['inputs'];
  changes: ChangeList | null;
}

export function editionContext(options: {
  dataset: Dataset;
  generator: { name: string; version: string };
  digits: 'latn' | 'arab';
  templates: string;
  dataFiles: string;
  siteUrl: string | null;
  changes: ChangeList | null;
}): EditionContext {
  const dataset = datasetFingerprint(options.dataset);
  return {
    id: editionId({ dataset, templates: options.templates, generatorVersion: options.generator.version, digits: options.digits }),
    generator: options.generator,
    digits: options.digits,
    siteUrl: options.siteUrl,
    inputs: { dataset, templates: options.templates, dataFiles: options.dataFiles },
    changes: options.changes,
  };
}

export function composeRecord(context: EditionContext, brief: string, dataset: Dataset): EditionRecord {
  return {
    format: RECORD_FORMAT,
    formatVersion: 1,
    generator: context.generator,
    edition: context.id,
    brief,
    digits: context.digits,
    siteUrl: context.siteUrl,
    inputs: context.inputs,
    changes: context.changes,
    dataset,
  };
}

/** The attachment's bytes: canonical JSON (UTF-8), so the same record always gives the same bytes. */
export function serializeRecord(record: EditionRecord): Uint8Array {
  return new TextEncoder().encode(canonicalJson(record));
}

export type ParsedRecord =
  | { ok: true; record: EditionRecord }
  | { ok: false; reason: 'not-json' | 'not-a-record' | 'other-generator'; generatorVersion?: string; message: string };

/**
 * Reads an attachment. Another generator version is told apart before the record's shape is checked:
 * an older generator may have written another shape, and "older" is what the reader needs to hear.
 */
export function parseRecord(bytes: Uint8Array, generator: { name: string; version: string }): ParsedRecord {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    return { ok: false, reason: 'not-json', message: `the attachment is not UTF-8 JSON (${(error as Error).message})` };
  }
  const head = z.object({ format: z.literal(RECORD_FORMAT), generator: z.object({ name: z.string(), version: z.string() }) }).safeParse(json);
  if (!head.success) return { ok: false, reason: 'not-a-record', message: `${ATTACHMENT_NAME} is not ${generator.name}'s edition data` };
  if (head.data.generator.name !== generator.name || head.data.generator.version !== generator.version) {
    return {
      ok: false,
      reason: 'other-generator',
      generatorVersion: head.data.generator.version,
      message: `made by ${head.data.generator.name} ${head.data.generator.version}, this is ${generator.name} ${generator.version}`,
    };
  }
  const record = EditionRecord.safeParse(json);
  if (!record.success) return { ok: false, reason: 'not-a-record', message: `the attachment's edition data is malformed (${record.error.issues[0]?.path.join('.') ?? ''}: ${record.error.issues[0]?.message ?? ''})` };
  return { ok: true, record: record.data };
}

/** Does the record still hold what its own fingerprints say (dataset hash, edition id)? */
export function recordIsConsistent(record: EditionRecord): boolean {
  const dataset = datasetFingerprint(record.dataset);
  if (dataset !== record.inputs.dataset) return false;
  return editionId({ dataset, templates: record.inputs.templates, generatorVersion: record.generator.version, digits: record.digits }) === record.edition;
}

/**
 * The previous edition's data, for the change list: any generator version that wrote this format
 * (an older release), as long as its dataset still reads as a dataset.
 */
export function parsePreviousRecord(bytes: Uint8Array): { ok: true; edition: string; dataset: Dataset } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    return { ok: false, message: `its attachment is not UTF-8 JSON (${(error as Error).message})` };
  }
  const record = z.object({ format: z.literal(RECORD_FORMAT), edition: z.string().regex(editionIdPattern), dataset: Dataset }).safeParse(json);
  if (!record.success) {
    const issue = record.error.issues[0];
    return { ok: false, message: `its attachment is not edition data this generator reads (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''})` };
  }
  return { ok: true, edition: record.data.edition, dataset: record.data.dataset };
}

/**
 * The JSON Schema of one data file, generated from the zod schemas (they are the types; this is their
 * shadow for editors). The YAML language server reads it to complete field names, enum values and
 * the ids a reference may point to, and to underline errors while an editor types. Validation
 * proper stays with zod and the cross-record rules: a file may pass this schema and still fail
 * `briefs validate` (a quote that is not in its article, a range the wrong way round).
 */
import { z } from 'zod';
import type { LoadedDataset } from '../load/index.js';
import { DatasetInfo, recordKinds, recordSchemas, type RecordKind } from '../model/index.js';

type JsonSchema = Record<string, unknown>;

/** The ids that exist in each record list, offered wherever a field references that list. */
export type KnownIds = Partial<Record<RecordKind, readonly string[]>>;

/**
 * The ids written in the files as loaded, valid or not: an editor halfway through a change can still
 * regenerate the schema and complete the ids that exist.
 */
export function knownIds(loaded: LoadedDataset): KnownIds {
  const ids = Object.fromEntries(recordKinds.map((kind) => [kind, new Set<string>()])) as Record<RecordKind, Set<string>>;
  for (const file of loaded.files) {
    const content: unknown = file.document?.toJS({ maxAliasCount: 100 });
    if (!isObject(content)) continue;
    for (const kind of recordKinds) {
      const records = content[kind];
      if (!Array.isArray(records)) continue;
      for (const record of records) if (isObject(record) && typeof record.id === 'string') ids[kind].add(record.id);
    }
  }
  return Object.fromEntries(recordKinds.map((kind) => [kind, [...ids[kind]].sort()]));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const RECORD_TITLES: Record<RecordKind, string> = {
  sources: 'Source articles (id, publisher, title, date, file)',
  actors: 'Who appears in the data: claimants, speakers, publishers',
  events: 'Dated happenings for the timelines',
  figures: 'Claimed numbers, each with its claimant, scope, date and evidence',
  disputes: 'Groups of figures that disagree',
  positions: 'Who says what about staying or leaving',
  outlook: 'Milestones and expectations for the withdrawal brief',
};

/**
 * Draft-07, the version the YAML language server (VS Code's YAML extension, and the editors that
 * embed it) implements fully.
 */
/** The schema of a data file: the dataset facts (in one file only) and any of the record lists. */
export function dataFileSchema(ids: KnownIds = {}): JsonSchema {
  const info = z.toJSONSchema(DatasetInfo, { io: 'input', unrepresentable: 'any', target: 'draft-7' }) as JsonSchema;
  const properties: Record<string, JsonSchema> = {};
  for (const [key, schema] of Object.entries((info.properties ?? {}) as Record<string, JsonSchema>)) properties[key] = schema;
  for (const kind of recordKinds) {
    const record = z.toJSONSchema(recordSchemas[kind], {
      io: 'input',
      unrepresentable: 'any',
      target: 'draft-7',
      override: ({ zodSchema, jsonSchema }) => offerKnownIds(zodSchema, jsonSchema, ids),
    }) as JsonSchema;
    delete record.$schema;
    properties[kind] = { title: RECORD_TITLES[kind], type: 'array', items: record };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://coalition-briefs.invalid/schemas/data-file.json',
    title: 'coalition-briefs data file',
    description: 'One YAML file in data/. See data/README.md for the fields; `briefs validate` has the final word.',
    type: 'object',
    properties,
    additionalProperties: false,
  };
}

/**
 * A reference field offers the ids of its list as `enum`, so an editor completes them and a typo is
 * underlined. The generated file is regenerated (`npm run schemas`) when ids change; a test keeps
 * it in sync with data/.
 */
function offerKnownIds(zodSchema: unknown, jsonSchema: JsonSchema, ids: KnownIds): void {
  const meta = z.globalRegistry.get(zodSchema as z.ZodType) as { references?: RecordKind } | undefined;
  const kind = meta?.references;
  if (!kind) return;
  delete jsonSchema.references;
  const known = ids[kind];
  jsonSchema.description = `the id of one of the ${kind} in data/`;
  if (known && known.length > 0) jsonSchema.enum = [...known];
}

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_FILE, schemaText } from '../../src/schema/writeSchemas.js';
import { repoRoot } from '../validate/fixtureIssues.js';

const dataDir = path.join(repoRoot, 'data');
let validate: ValidateFunction;

async function dataFiles(): Promise<string[]> {
  return (await readdir(dataDir)).filter((name) => name.endsWith('.yaml')).sort();
}

async function fileContent(name: string): Promise<Record<string, unknown>> {
  return parse(await readFile(path.join(dataDir, name), 'utf8')) as Record<string, unknown>;
}

function errorsOf(content: unknown): string[] {
  return validate(content) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}

describe('the JSON Schema editors get for data files', () => {
  beforeAll(async () => {
    const schema = JSON.parse(await readFile(path.join(dataDir, SCHEMA_FILE), 'utf8')) as object;
    validate = new Ajv({ strict: true, allErrors: true }).compile(schema);
  });

  it('is committed exactly as a fresh generation from the zod schemas and the ids in data/ (npm run schemas)', async () => {
    expect(await readFile(path.join(dataDir, SCHEMA_FILE), 'utf8')).toBe(await schemaText(dataDir));
  });

  it('accepts every bundled data file', async () => {
    const names = await dataFiles();
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) expect({ name, errors: errorsOf(await fileContent(name)) }).toEqual({ name, errors: [] });
  });

  it('refuses a value outside an enum (a misspelt metric)', async () => {
    const content = await fileContent('figures-forces.yaml');
    const [first] = content.figures as Record<string, unknown>[];
    first!.metric = 'troops_deployd';
    expect(errorsOf(content).join('\n')).toMatch(/\/figures\/0\/metric must be equal to one of the allowed values/);
  });

  it('refuses a field no record kind has', async () => {
    const content = await fileContent('figures-forces.yaml');
    (content.figures as Record<string, unknown>[])[0]!.claimnt = 'x';
    expect(errorsOf(content).join('\n')).toMatch(/\/figures\/0 must NOT have additional properties/);
  });

  it('offers the known ids for a reference, and refuses an id that does not exist', async () => {
    const schema = JSON.parse(await readFile(path.join(dataDir, SCHEMA_FILE), 'utf8')) as {
      properties: Record<string, { items: { properties: Record<string, { enum?: string[] }> } }>;
    };
    const actors = (await fileContent('actors.yaml')).actors as { id: string }[];
    expect(schema.properties.figures!.items.properties.claimant!.enum).toEqual(actors.map((actor) => actor.id).sort());

    const content = await fileContent('figures-forces.yaml');
    (content.figures as Record<string, unknown>[])[0]!.claimant = 'barak_obama';
    expect(errorsOf(content).join('\n')).toMatch(/\/figures\/0\/claimant must be equal to one of the allowed values/);
  });
});

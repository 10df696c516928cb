/**
 * `npm run schemas`: regenerates data/schemas/data-file.schema.json from the zod schemas and the ids
 * in data/. The only I/O of the schema step.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadDataset } from '../load/index.js';
import { defaultDataDir } from '../paths.js';
import { dataFileSchema, knownIds } from './dataFileSchema.js';

export const SCHEMA_FILE = 'schemas/data-file.schema.json';

/** The schema text for the data in `dataDir`, exactly as it is committed. */
export async function schemaText(dataDir: string): Promise<string> {
  return `${JSON.stringify(dataFileSchema(knownIds(await loadDataset(dataDir))), null, 2)}\n`;
}

/** Writes the schema beside the data; returns whether the file changed. */
export async function writeSchemas(dataDir: string = defaultDataDir): Promise<{ file: string; changed: boolean }> {
  const file = path.join(dataDir, SCHEMA_FILE);
  const text = await schemaText(dataDir);
  const before = await readFile(file, 'utf8').catch(() => null);
  if (before === text) return { file, changed: false };
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
  return { file, changed: true };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { file, changed } = await writeSchemas(process.argv[2] ?? defaultDataDir);
  console.log(`${changed ? 'wrote' : 'unchanged:'} ${path.relative(process.cwd(), file)}`);
}

/**
 * A copy of data/ whose events are repeated until events.yaml reaches a given size (ids kept unique,
 * everything else as it is): the dataset the bench scales the build on, up to the loader's size limit.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument, stringify } from 'yaml';

export interface ScaledData {
  dir: string;
  events: number;
  bytes: number;
}

export async function writeScaledData(fromDir: string, toDir: string, targetBytes: number): Promise<ScaledData> {
  await cp(fromDir, toDir, { recursive: true });
  const file = path.join(toDir, 'events.yaml');
  const original = parseDocument(await readFile(file, 'utf8')).toJS() as { events: { id: string }[] };
  const render = (copies: number) => {
    const events = Array.from({ length: copies }, (_, copy) => original.events.map((event) => (copy === 0 ? event : { ...event, id: `${event.id}_x${copy}` }))).flat();
    return { events, text: stringify({ events }, { lineWidth: 0, aliasDuplicateObjects: false }) };
  };
  // The size per copy, measured on ten (the YAML writer's layout is not exactly proportional).
  const perCopy = Buffer.byteLength(render(10).text) / 10;
  let copies = Math.max(1, Math.floor(targetBytes / perCopy));
  let { events, text } = render(copies);
  while (copies > 1 && Buffer.byteLength(text) > targetBytes) ({ events, text } = render(--copies));
  await writeFile(file, text);
  return { dir: toDir, events: events.length, bytes: Buffer.byteLength(text) };
}

// `node dist/bench/scaledData.js FROM TO BYTES`: writes one such folder (for profiling by hand).
if (process.argv[1]?.endsWith('scaledData.js') && process.argv.length === 5) {
  const [from, to, bytes] = process.argv.slice(2) as [string, string, string];
  console.log(JSON.stringify(await writeScaledData(from, to, Number(bytes))));
}

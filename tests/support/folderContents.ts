import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';

/** Every file under `dir` with its bytes (base64), for before/after comparisons of an output folder. */
export async function folderContents(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const full = path.join(entry.parentPath, entry.name);
      files.set(path.relative(dir, full), (await readFile(full)).toString('base64'));
    }
  }
  return files;
}

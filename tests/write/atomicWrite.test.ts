import { mkdtemp, readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFilesAtomically } from '../../src/write/atomicWrite.js';

async function scratch(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'briefs-write-'));
}

describe('writeFilesAtomically', () => {
  it('writes every file, creating folders, and leaves no temporary files', async () => {
    const dir = await scratch();
    await writeFilesAtomically(dir, [
      { name: 'a.pdf', bytes: new Uint8Array([1, 2, 3]) },
      { name: 'site/index.html', bytes: '<html></html>' },
    ]);
    expect([...(await readFile(path.join(dir, 'a.pdf')))]).toEqual([1, 2, 3]);
    expect(await readFile(path.join(dir, 'site/index.html'), 'utf8')).toBe('<html></html>');
    expect((await readdir(dir)).sort()).toEqual(['a.pdf', 'site']);
  });

  it('replaces nothing when one file cannot be written', async () => {
    const dir = await scratch();
    await writeFile(path.join(dir, 'a.pdf'), 'previous');
    // "blocked" is a file, so "blocked/b.pdf" cannot be created.
    await writeFile(path.join(dir, 'blocked'), 'a file, not a folder');
    await expect(
      writeFilesAtomically(dir, [
        { name: 'a.pdf', bytes: 'new' },
        { name: 'blocked/b.pdf', bytes: 'new' },
      ]),
    ).rejects.toThrow();
    expect(await readFile(path.join(dir, 'a.pdf'), 'utf8')).toBe('previous');
    expect((await readdir(dir)).sort()).toEqual(['a.pdf', 'blocked']);
  });

  it('refuses a name that escapes the output folder', async () => {
    const dir = await scratch();
    await mkdir(path.join(dir, 'out'));
    await expect(writeFilesAtomically(path.join(dir, 'out'), [{ name: '../evil.pdf', bytes: 'x' }])).rejects.toThrow(
      /refusing to write outside/,
    );
    expect(await readdir(dir)).toEqual(['out']);
  });
});

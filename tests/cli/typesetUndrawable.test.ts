/** `briefs typeset` on a character no embedded font has: the file, line, column and code point, exit 1, no PDF. */
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureOutput } from '../support/captureOutput.js';

describe('briefs typeset: undrawable characters', () => {
  it('reports each with its place and writes nothing', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'briefs-undrawable-'));
    const input = path.join(dir, 'text.txt');
    const output = path.join(dir, 'text.pdf');
    await writeFile(input, 'سطر أول بعلامة ◌ مرسومة\nفيه 一 صيني و😀 وجه\n');
    const io = captureOutput();
    expect(await main(['typeset', input, '-o', output, '--json'], io)).toBe(1);
    const report = JSON.parse(io.stdout.join('\n')) as { ok: boolean; error: { problems: unknown[] } };
    expect(report.ok).toBe(false);
    expect(report.error.problems).toEqual([
      { file: input, line: 2, column: 5, field: null, message: 'character U+4E00 "一" cannot be drawn by any embedded font' },
      { file: input, line: 2, column: 13, field: null, message: 'character U+1F600 "😀" cannot be drawn by any embedded font' },
    ]);
    expect(existsSync(output)).toBe(false);
  });
});

/**
 * `briefs verify FILE.pdf`: exit 0 and one line on every built PDF; exit 1, each with its own
 * message, on a PDF with one content byte changed, one whose attachment was replaced or edited, one
 * made by another generator version, one with no attachment, and one rewritten by another program.
 */
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { briefIds, briefs } from '../../src/briefs/registry.js';
import { main } from '../../src/cli/main.js';
import { generatorName, generatorVersion } from '../../src/packageInfo.js';
import { templatesDir } from '../../src/paths.js';
import { verifyPdf } from '../../src/verify/verifyPdf.js';
import { buildAllInto, scratchDir } from '../support/builtBriefs.js';
import { captureOutput } from '../support/captureOutput.js';
import { editedDataDir } from '../support/editedData.js';
import { attachmentBytes, changeContentByte, removeAttachment, replaceAttachment } from '../support/tamper.js';

const publicUrl = 'https://example.github.io/coalition-briefs/';
const generator = { name: generatorName, version: generatorVersion };
const verify = (file: string, bytes: Uint8Array) => verifyPdf(file, bytes, { generator, templatesDir });

let outDir: string;
let edition: string;
const pdfs = new Map<string, Uint8Array>();
let scratch: string;

beforeAll(async () => {
  const summary = await buildAllInto(await scratchDir('verify'), { publicUrl });
  outDir = summary.outDir;
  edition = summary.manifest.edition!;
  for (const id of briefIds) pdfs.set(briefs[id].file, await readFile(path.join(outDir, briefs[id].file)));
  scratch = await scratchDir('verify-fixtures');
});

async function fixture(name: string, bytes: Uint8Array): Promise<string> {
  const file = path.join(scratch, name);
  await writeFile(file, bytes);
  return file;
}

describe('briefs verify', () => {
  it.each(briefIds.map((id) => briefs[id].file))('%s as built: exit 0 and one line naming the edition and the generator', async (file) => {
    const io = captureOutput();
    expect(await main(['verify', path.join(outDir, file)], io)).toBe(0);
    expect(io.stdout).toEqual([`${file}: matches edition ${edition} (${file.replace('.pdf', '')}) built from the attached data by ${generatorName} ${generatorVersion}`]);
    expect(io.stderr).toEqual([]);
  });

  it('one content byte changed on page 2: exit 1, naming the page', async () => {
    const tampered = await fixture('history-page2.pdf', changeContentByte(pdfs.get('history.pdf')!, 2));
    const io = captureOutput();
    expect(await main(['verify', tampered], io)).toBe(1);
    expect(io.stderr).toEqual([`history-page2.pdf: page 2 differs from edition ${edition} rebuilt from the attached data`]);
    const result = await verify(tampered, await readFile(tampered));
    expect(result).toMatchObject({ ok: false, kind: 'altered-pages', pages: [2] });
  });

  it('the attachment replaced by another edition\'s data: exit 1, the attachment does not match the pages', async () => {
    const other = await buildAllInto(await scratchDir('verify-other'), { publicUrl, dataDir: await editedDataDir(), briefs: ['history'] });
    const otherPdf = await readFile(path.join(other.outDir, 'history.pdf'));
    const tampered = replaceAttachment(pdfs.get('history.pdf')!, attachmentBytes(otherPdf));
    const result = await verify('history.pdf', tampered);
    expect(result.kind).toBe('attachment-mismatch');
    expect(result.message).toBe(`history.pdf: the attached data is edition ${other.manifest.edition}, the pages are edition ${edition}: the attachment does not match the pages`);
  });

  it('the attachment edited in place (a figure changed, its edition id kept): exit 1, altered', async () => {
    const record = JSON.parse(Buffer.from(attachmentBytes(pdfs.get('troops.pdf')!)).toString('utf8')) as { dataset: { figures: { value: unknown }[] } };
    record.dataset.figures[0]!.value = 123456;
    const result = await verify('troops.pdf', replaceAttachment(pdfs.get('troops.pdf')!, new TextEncoder().encode(JSON.stringify(record))));
    expect(result.kind).toBe('attachment-mismatch');
    expect(result.message).toBe(`troops.pdf: the attached data no longer matches its own fingerprint (edition ${edition}): it was altered`);
  });

  it('made by another generator version: exit 1, saying it may be genuine but older', async () => {
    const older = await buildAllInto(await scratchDir('verify-older'), { publicUrl, briefs: ['withdrawal'], generator: { name: generatorName, version: '0.0.9' } });
    const file = await fixture('withdrawal-0.0.9.pdf', await readFile(path.join(older.outDir, 'withdrawal.pdf')));
    const io = captureOutput();
    expect(await main(['verify', file, '--json'], io)).toBe(1);
    const json = JSON.parse(io.stdout.join('\n')) as { ok: boolean; kind: string; message: string; generatorVersion: string };
    expect(json).toMatchObject({ ok: false, kind: 'other-generator', generatorVersion: '0.0.9' });
    expect(json.message).toBe(
      `withdrawal-0.0.9.pdf: made by ${generatorName} 0.0.9, this is ${generatorName} ${generatorVersion}: it may be genuine but older; verify it with ${generatorName} 0.0.9`,
    );
  });

  it('no attachment: exit 1, nothing to verify against', async () => {
    const file = await fixture('casualties-bare.pdf', removeAttachment(pdfs.get('casualties.pdf')!));
    const io = captureOutput();
    expect(await main(['verify', file], io)).toBe(1);
    expect(io.stderr).toEqual(['casualties-bare.pdf: no attached edition data (coalition-briefs-edition.json): nothing to verify it against']);
  });

  it('rewritten by another program (qpdf), pages and data untouched: exit 1, the bytes differ outside the pages', async () => {
    const original = path.join(outDir, 'history.pdf');
    const rewritten = path.join(scratch, 'history-qpdf.pdf');
    execFileSync('qpdf', ['--object-streams=generate', original, rewritten]);
    const result = await verify(rewritten, await readFile(rewritten));
    expect(result).toMatchObject({ ok: false, kind: 'differs-outside-pages', pages: [] });
  });

  it('not a PDF, or a file that does not exist: exit 1 with the reason, or a usage error', async () => {
    const file = await fixture('notes.pdf', new TextEncoder().encode('not a pdf'));
    const io = captureOutput();
    expect(await main(['verify', file], io)).toBe(1);
    expect(io.stderr[0]).toMatch(/^notes\.pdf: not a readable PDF/);
    expect(await main(['verify', path.join(scratch, 'missing.pdf')], io)).toBe(2);
    expect(await main(['verify'], io)).toBe(2);
  });
});

/**
 * `briefs verify FILE.pdf`: is this file the edition its attached data makes?
 *
 * Reads the attached edition data, rebuilds that brief from it with this generator and compares
 * bytes. When they differ, says what: another generator version (the file may be genuine but older),
 * other templates, data no longer matching its own fingerprint or not the data the pages show
 * (their XMP edition id), which pages differ, or a file that differs outside its pages (rewritten
 * by another program). No attachment: nothing to verify against.
 */
import path from 'node:path';
import { briefs, isBriefId } from '../briefs/registry.js';
import { createTemplateEngine } from '../template/index.js';
import { recordInputs } from '../check/index.js';
import { renderBrief } from '../pipeline/renderBrief.js';
import { ATTACHMENT_NAME, parseRecord, recordIsConsistent, type EditionContext } from '../editions/editionRecord.js';
import { NotAPdfError, readPdf } from '../editions/readPdf.js';

export type VerifyKind =
  | 'match'
  | 'not-a-pdf'
  | 'no-attachment'
  | 'not-edition-data'
  | 'other-generator'
  | 'other-templates'
  | 'attachment-mismatch'
  | 'altered-pages'
  | 'differs-outside-pages';

export interface VerifyResult {
  ok: boolean;
  kind: VerifyKind;
  /** One line for the reader. */
  message: string;
  edition: string | null;
  brief: string | null;
  /** The generator version that made the file, as its attachment says. */
  generatorVersion: string | null;
  /** Pages (1-based) that differ from the rebuilt edition. */
  pages: number[];
}

export interface VerifyOptions {
  generator: { name: string; version: string };
  templatesDir: string;
}

export async function verifyPdf(file: string, bytes: Uint8Array, options: VerifyOptions): Promise<VerifyResult> {
  const name = path.basename(file);
  const result = (ok: boolean, kind: VerifyKind, message: string, extra: Partial<VerifyResult> = {}): VerifyResult => ({
    ok,
    kind,
    message,
    edition: null,
    brief: null,
    generatorVersion: null,
    pages: [],
    ...extra,
  });
  let reading;
  try {
    reading = await readPdf(bytes);
  } catch (error) {
    if (error instanceof NotAPdfError) return result(false, 'not-a-pdf', `${name}: ${error.message}`);
    throw error;
  }
  const attachment = reading.attachments.get(ATTACHMENT_NAME);
  if (attachment === undefined) {
    return result(false, 'no-attachment', `${name}: no attached edition data (${ATTACHMENT_NAME}): nothing to verify it against`);
  }
  const parsed = parseRecord(attachment, options.generator);
  if (!parsed.ok) {
    if (parsed.reason === 'other-generator') {
      return result(false, 'other-generator', `${name}: ${parsed.message}: it may be genuine but older; verify it with ${options.generator.name} ${parsed.generatorVersion}`, {
        generatorVersion: parsed.generatorVersion ?? null,
      });
    }
    return result(false, 'not-edition-data', `${name}: ${parsed.message}`);
  }
  const { record } = parsed;
  const about = { edition: record.edition, brief: record.brief, generatorVersion: record.generator.version };
  if (!isBriefId(record.brief)) return result(false, 'not-edition-data', `${name}: the attached data names no brief this generator makes ("${record.brief}")`, about);
  if (!recordIsConsistent(record)) {
    return result(false, 'attachment-mismatch', `${name}: the attached data no longer matches its own fingerprint (edition ${record.edition}): it was altered`, about);
  }
  if (reading.editionId !== record.edition) {
    return result(
      false,
      'attachment-mismatch',
      `${name}: the attached data is edition ${record.edition}, the pages are ${reading.editionId === undefined ? 'of no recorded edition' : `edition ${reading.editionId}`}: the attachment does not match the pages`,
      about,
    );
  }
  const templates = (await recordInputs({ dataDir: path.join(options.templatesDir, '.no-data'), templatesDir: options.templatesDir, generatorVersion: options.generator.version, digits: record.digits })).templates;
  if (templates !== record.inputs.templates) {
    return result(false, 'other-templates', `${name}: built with other templates than this ${options.generator.name} ${options.generator.version} has: it cannot be rebuilt here`, about);
  }
  const edition: EditionContext = {
    id: record.edition,
    generator: record.generator,
    digits: record.digits,
    siteUrl: record.siteUrl,
    inputs: record.inputs,
    changes: record.changes,
  };
  const rebuilt = await renderBrief(briefs[record.brief], { dataset: record.dataset, templates: createTemplateEngine(options.templatesDir), digits: record.digits, edition });
  if (Buffer.compare(Buffer.from(rebuilt.bytes), Buffer.from(bytes)) === 0) {
    return result(true, 'match', `${name}: matches edition ${record.edition} (${record.brief}) built from the attached data by ${record.generator.name} ${record.generator.version}`, about);
  }
  const expected = await readPdf(rebuilt.bytes);
  const pages: number[] = [];
  for (let i = 0; i < Math.max(expected.pageDigests.length, reading.pageDigests.length); i++) {
    if (expected.pageDigests[i] !== reading.pageDigests[i]) pages.push(i + 1);
  }
  if (pages.length > 0) {
    const count = reading.pages === expected.pages ? '' : ` (the file has ${reading.pages} pages, the edition ${expected.pages})`;
    return result(false, 'altered-pages', `${name}: ${pages.length === 1 ? 'page' : 'pages'} ${pages.join(', ')} ${pages.length === 1 ? 'differs' : 'differ'} from edition ${record.edition} rebuilt from the attached data${count}`, { ...about, pages });
  }
  return result(false, 'differs-outside-pages', `${name}: every page and the attached data match edition ${record.edition}, but the file's bytes differ (rewritten by another program?)`, about);
}

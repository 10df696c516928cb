/** `briefs build --previous FILE.pdf`: the previous edition's id and dataset, from its attachment. */
import { readFile } from 'node:fs/promises';
import type { Dataset } from '../model/index.js';
import { ATTACHMENT_NAME, parsePreviousRecord } from './editionRecord.js';
import { fromNodeError } from '../write/fileSystemError.js';

export class PreviousEditionError extends Error {
  override name = 'UsageError';
}

export async function readPreviousEdition(file: string): Promise<{ edition: string; dataset: Dataset }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw fromNodeError(error, file);
  }
  // Loaded only for --previous: pdf.js (its legacy build) replaces built-ins such as Array#push with
  // slower polyfills for the whole process, which every other build is spared.
  const { NotAPdfError, readPdf } = await import('./readPdf.js');
  let reading;
  try {
    reading = await readPdf(bytes, { pages: false });
  } catch (error) {
    if (error instanceof NotAPdfError) throw new PreviousEditionError(`--previous ${file}: ${error.message}`);
    throw error;
  }
  const attachment = reading.attachments.get(ATTACHMENT_NAME);
  if (attachment === undefined) throw new PreviousEditionError(`--previous ${file}: no ${ATTACHMENT_NAME} attached (not an edition made by coalition-briefs with its data inside)`);
  const record = parsePreviousRecord(attachment);
  if (!record.ok) throw new PreviousEditionError(`--previous ${file}: ${record.message}`);
  return { edition: record.edition, dataset: record.dataset };
}

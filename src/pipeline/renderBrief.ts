import type { Dataset } from '../model/index.js';
import type { BriefDefinition } from '../briefs/registry.js';
import type { TemplateEngine } from '../template/index.js';
import { typesetDocument } from '../typeset/index.js';
import type { Block, Digits, TypesetResult } from '../document/model.js';
import { documentDate } from '../document/metadata.js';
import { dataAsOfPhrase, type AsOfFields } from '../derive/common.js';
import { timeStep, timeStepAsync } from './stepTimes.js';
import { ATTACHMENT_MIME, ATTACHMENT_NAME, composeRecord, serializeRecord, type EditionContext } from '../editions/editionRecord.js';
import { editionView } from '../editions/editionView.js';
import { generatorName, generatorVersion } from '../packageInfo.js';

export type { AsOfFields };

export interface RenderContext {
  dataset: Dataset;
  templates: TemplateEngine;
  digits: Digits;
  /**
   * The edition a build makes (editions/editionRecord.ts): its id in the footer, the cover's QR code,
   * the change section, and the data attached to the PDF. Without it (tests of the layout alone) the
   * PDF has none of these.
   */
  edition?: EditionContext;
}

/** The PDF, and the blocks it was typeset from (the site's HTML edition renders the same blocks). */
export interface RenderedBrief extends TypesetResult {
  blocks: Block[];
}

/** derive → template → markup, for one brief: the blocks the typesetter receives. No I/O. */
export function composeBrief(brief: BriefDefinition, context: Omit<RenderContext, 'digits'>): Block[] {
  const view = {
    ...brief.derive(context.dataset),
    brief: { title: brief.title, asOf: context.dataset.as_of },
    edition: context.edition ? editionView(context.edition) : null,
  };
  return context.templates.renderBlocks(brief.template, view);
}

/** The footer's note: what the header band and the cover say of the data's date, and the edition id. */
export function footerNote(asOf: AsOfFields, editionId?: string): string {
  // A dash, never "·": beside Arabic-Indic digits a middle dot reads as a zero (٠).
  return editionId === undefined ? dataAsOfPhrase(asOf) : `${dataAsOfPhrase(asOf)} — الإصدار ${editionId}`;
}

/** typeset, for one brief's blocks: the PDF with its metadata, running footer and attachment. No I/O. */
export function typesetBrief(
  brief: BriefDefinition,
  blocks: Block[],
  asOf: AsOfFields,
  digits: Digits,
  /** The edition id (footer, XMP) and the data to attach. */
  edition?: { id: string; attachment: Uint8Array },
): Promise<TypesetResult> {
  return typesetDocument({
    title: brief.title,
    subject: brief.summary,
    author: 'coalition-briefs',
    keywords: ['التحالف الدولي', 'داعش', 'العراق', brief.id],
    asOf: asOf.as_of,
    // Every page says what the header band and the cover say, inferred or lower-bound marks included.
    footerNote: footerNote(asOf, edition?.id),
    digits,
    blocks,
    creator: `${generatorName} ${generatorVersion}`,
    ...(edition
      ? {
          edition: { id: edition.id, documentId: `urn:coalition-briefs:${brief.id}` },
          attachments: [
            {
              name: ATTACHMENT_NAME,
              bytes: edition.attachment,
              mimeType: ATTACHMENT_MIME,
              description: `البيانات التي بُني منها هذا الإصدار (${edition.id}): the validated dataset, as canonical JSON`,
              relationship: 'Source' as const,
              date: documentDate(asOf.as_of),
            },
          ],
        }
      : {}),
  });
}

/** derive → template → markup → typeset, for one brief, with no I/O. */
export async function renderBrief(brief: BriefDefinition, context: RenderContext): Promise<RenderedBrief> {
  const blocks = timeStep('compose', () => composeBrief(brief, context));
  const edition = context.edition ? { id: context.edition.id, attachment: serializeRecord(composeRecord(context.edition, brief.id, context.dataset)) } : undefined;
  const result = await timeStepAsync('typeset', () => typesetBrief(brief, blocks, context.dataset, context.digits, edition));
  return { ...result, blocks };
}

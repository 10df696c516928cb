import type { Dataset } from '../model/index.js';
import type { BriefDefinition } from '../briefs/registry.js';
import type { TemplateEngine } from '../template/index.js';
import { typesetDocument } from '../typeset/index.js';
import type { Block, Digits, TypesetResult } from '../typeset/document.js';
import { formatArabicDate } from '../template/index.js';
import { ATTACHMENT_MIME, ATTACHMENT_NAME, composeRecord, serializeRecord, type EditionContext } from '../editions/editionRecord.js';
import { editionView } from '../editions/editionView.js';
import { documentDate } from '../write/pdfMetadata.js';

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
    edition: context.edition ? editionView(context.edition, brief.id) : null,
  };
  return context.templates.renderBlocks(brief.template, view);
}

export interface TypesetOptions {
  asOf: string;
  digits: Digits;
  asOfInferred?: boolean;
  /** The edition id (footer, XMP) and the data to attach. */
  edition?: { id: string; attachment: Uint8Array };
}

/** The footer's note: the data's date (marked when inferred) and the edition id. */
export function footerNote(asOf: string, asOfInferred: boolean, editionId?: string): string {
  const date = `البيانات حتى ${formatArabicDate(asOf, 'day')}${asOfInferred ? ' (مستنتَج)' : ''}`;
  // A dash, never "·": beside Arabic-Indic digits a middle dot reads as a zero (٠).
  return editionId === undefined ? date : `${date} — الإصدار ${editionId}`;
}

/** typeset, for one brief's blocks: the PDF with its metadata, running footer and attachment. No I/O. */
export function typesetBrief(brief: BriefDefinition, blocks: Block[], options: TypesetOptions): Promise<TypesetResult> {
  const { asOf, digits, edition } = options;
  return typesetDocument({
    title: brief.title,
    subject: brief.summary,
    author: 'coalition-briefs',
    keywords: ['التحالف الدولي', 'داعش', 'العراق', brief.id],
    asOf,
    // An inferred as-of date is marked on every page, as the header band and the cover mark it.
    footerNote: footerNote(asOf, options.asOfInferred ?? false, edition?.id),
    digits,
    blocks,
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
              date: documentDate(asOf),
            },
          ],
        }
      : {}),
  });
}

/** derive → template → markup → typeset, for one brief, with no I/O. */
export async function renderBrief(brief: BriefDefinition, context: RenderContext): Promise<RenderedBrief> {
  const blocks = composeBrief(brief, context);
  const edition = context.edition ? { id: context.edition.id, attachment: serializeRecord(composeRecord(context.edition, brief.id, context.dataset)) } : undefined;
  const result = await typesetBrief(brief, blocks, {
    asOf: context.dataset.as_of,
    digits: context.digits,
    asOfInferred: context.dataset.as_of_inferred,
    ...(edition ? { edition } : {}),
  });
  return { ...result, blocks };
}

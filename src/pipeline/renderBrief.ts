import type { Dataset } from '../model/index.js';
import type { BriefDefinition } from '../briefs/registry.js';
import type { TemplateEngine } from '../template/index.js';
import { typesetDocument } from '../typeset/index.js';
import type { Block, Digits, TypesetResult } from '../document/model.js';
import { dataAsOfPhrase, type AsOfFields } from '../derive/common.js';
import { timeStep, timeStepAsync } from './stepTimes.js';

export type { AsOfFields };

export interface RenderContext {
  dataset: Dataset;
  templates: TemplateEngine;
  digits: Digits;
}

/** The PDF, and the blocks it was typeset from (the site's HTML edition renders the same blocks). */
export interface RenderedBrief extends TypesetResult {
  blocks: Block[];
}

/** derive → template → markup, for one brief: the blocks the typesetter receives. No I/O. */
export function composeBrief(brief: BriefDefinition, context: Omit<RenderContext, 'digits'>): Block[] {
  const view = { ...brief.derive(context.dataset), brief: { title: brief.title, asOf: context.dataset.as_of } };
  return context.templates.renderBlocks(brief.template, view);
}


/** typeset, for one brief's blocks: the PDF with its metadata and running footer. No I/O. */
export function typesetBrief(brief: BriefDefinition, blocks: Block[], asOf: AsOfFields, digits: Digits): Promise<TypesetResult> {
  return typesetDocument({
    title: brief.title,
    subject: brief.summary,
    author: 'coalition-briefs',
    keywords: ['التحالف الدولي', 'داعش', 'العراق', brief.id],
    asOf: asOf.as_of,
    // Every page says what the header band and the cover say, inferred or lower-bound marks included.
    footerNote: dataAsOfPhrase(asOf),
    digits,
    blocks,
  });
}

/** derive → template → markup → typeset, for one brief, with no I/O. */
export async function renderBrief(brief: BriefDefinition, context: RenderContext): Promise<RenderedBrief> {
  const blocks = timeStep('compose', () => composeBrief(brief, context));
  const result = await timeStepAsync('typeset', () => typesetBrief(brief, blocks, context.dataset, context.digits));
  return { ...result, blocks };
}

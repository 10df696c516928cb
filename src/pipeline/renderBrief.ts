import type { Dataset } from '../model/index.js';
import type { BriefDefinition } from '../briefs/registry.js';
import type { TemplateEngine } from '../template/index.js';
import { typesetDocument } from '../typeset/index.js';
import type { Block, Digits, TypesetResult } from '../typeset/document.js';
import { formatArabicDate } from '../template/index.js';

export interface RenderContext {
  dataset: Dataset;
  templates: TemplateEngine;
  digits: Digits;
}

/** The PDF, and the blocks it was typeset from (the site's HTML edition renders the same blocks). */
export interface RenderedBrief extends TypesetResult {
  blocks: Block[];
}

/** derive → template → markup → typeset, for one brief, with no I/O. */
export async function renderBrief(brief: BriefDefinition, context: RenderContext): Promise<RenderedBrief> {
  const view = { ...brief.derive(context.dataset), brief: { title: brief.title, asOf: context.dataset.as_of } };
  const blocks = context.templates.renderBlocks(brief.template, view);
  const result = await typesetDocument({
    title: brief.title,
    subject: brief.summary,
    author: 'coalition-briefs',
    keywords: ['التحالف الدولي', 'داعش', 'العراق', brief.id],
    asOf: context.dataset.as_of,
    footerNote: `البيانات حتى ${formatArabicDate(context.dataset.as_of, 'day')}`,
    digits: context.digits,
    blocks,
  });
  return { ...result, blocks };
}

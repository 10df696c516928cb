import type { Dataset } from '../model/index.js';
import type { BriefDefinition } from '../briefs/registry.js';
import type { TemplateEngine } from '../template/index.js';
import { parseMarkup } from '../markup/index.js';
import { typesetDocument } from '../typeset/index.js';
import type { Digits, TypesetResult } from '../typeset/document.js';
import { formatArabicDate } from '../template/index.js';

export interface RenderContext {
  dataset: Dataset;
  templates: TemplateEngine;
  digits: Digits;
}

/** derive → template → markup → typeset, for one brief, with no I/O. */
export async function renderBrief(brief: BriefDefinition, context: RenderContext): Promise<TypesetResult> {
  const view = brief.derive(context.dataset);
  const markup = context.templates.render(brief.template, view);
  const blocks = parseMarkup(markup, { template: `templates/${brief.template}.hbs` });
  return typesetDocument({
    title: brief.title,
    subject: brief.summary,
    author: 'coalition-briefs',
    keywords: ['التحالف الدولي', 'داعش', 'العراق', brief.id],
    asOf: context.dataset.as_of,
    footerNote: `البيانات حتى ${formatArabicDate(context.dataset.as_of, 'day')}`,
    digits: context.digits,
    blocks,
  });
}

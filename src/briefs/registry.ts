import type { Dataset } from '../model/index.js';
import { deriveHistory } from '../derive/history.js';
import { deriveTroops } from '../derive/troops.js';
import { deriveCasualties } from '../derive/casualties.js';
import { deriveWithdrawal } from '../derive/withdrawal.js';
import { deriveFactsheet } from '../derive/factsheet.js';

export const briefIds = ['history', 'troops', 'casualties', 'withdrawal', 'factsheet'] as const;
export type BriefId = (typeof briefIds)[number];

/** One brief: where it goes, what it is called, and the view its template reads (V, from derive). */
export interface BriefDefinition<V extends object = object> {
  id: BriefId;
  /** Output file name in out/. */
  file: string;
  /** Arabic title: PDF metadata, running header, site listing. */
  title: string;
  /** One Arabic line for the site listing and the feed. */
  summary: string;
  /** templates/<template>.hbs */
  template: string;
  /** Turns the validated dataset into the template's view: selection, grouping, ordering, citations. */
  derive(dataset: Dataset): V;
}

/** Each brief's view, as its derive function returns it. */
export interface BriefViews {
  history: ReturnType<typeof deriveHistory>;
  troops: ReturnType<typeof deriveTroops>;
  casualties: ReturnType<typeof deriveCasualties>;
  withdrawal: ReturnType<typeof deriveWithdrawal>;
  factsheet: ReturnType<typeof deriveFactsheet>;
}

export const briefs: { readonly [K in BriefId]: BriefDefinition<BriefViews[K]> } = {
  history: {
    id: 'history',
    file: 'history.pdf',
    title: 'التحالف الدولي ضد داعش في العراق: المسار التاريخي',
    summary: 'من الانسحاب الأميركي وصعود داعش إلى تأسيس التحالف ومعارك الموصل والرقة وما بعد إعلان النصر.',
    template: 'history',
    derive: deriveHistory,
  },
  troops: {
    id: 'troops',
    file: 'troops.pdf',
    title: 'قوات التحالف في العراق: الأعداد والتدريب والقواعد',
    summary: 'أعداد القوات الأميركية وقوات التحالف عبر السنين، وأرقام التدريب والتجهيز، والقواعد المسلَّمة.',
    template: 'troops',
    derive: deriveTroops,
  },
  casualties: {
    id: 'casualties',
    file: 'casualties.pdf',
    title: 'ضحايا غارات التحالف: أرقام متنازع عليها',
    summary: 'اعترافات التحالف المتعاقبة بقتلى مدنيين في مقابل التقديرات الأخرى، وأعداد الغارات بحسب كل جهة.',
    template: 'casualties',
    derive: deriveCasualties,
  },
  withdrawal: {
    id: 'withdrawal',
    file: 'withdrawal.pdf',
    title: 'انسحاب التحالف من العراق: المواعيد والمواقف والتوقعات',
    summary: 'الاتفاقات والإعلانات والمواعيد، ومن يقول ماذا عن البقاء أو الرحيل، والتوقعات كما تذكرها المصادر.',
    template: 'withdrawal',
    derive: deriveWithdrawal,
  },
  factsheet: {
    id: 'factsheet',
    file: 'factsheet.pdf',
    title: 'التحالف الدولي ضد داعش في العراق: صحيفة وقائع',
    summary: 'غلاف وفهرس وأبرز الأرقام، ثم الأقسام الأربعة: التاريخ والقوات والضحايا والانسحاب.',
    template: 'factsheet',
    derive: deriveFactsheet,
  },
};

export function isBriefId(name: string): name is BriefId {
  return (briefIds as readonly string[]).includes(name);
}

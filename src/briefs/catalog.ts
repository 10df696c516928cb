/**
 * The briefs there are, what each is called and where it goes: the registry (registry.ts) without
 * the derive functions, so the commands that only name briefs (`list`, option checks, `typeset`)
 * do not load the data model and every brief's derivation (~40-60 ms of a CLI start).
 */
export const briefIds = ['history', 'troops', 'casualties', 'withdrawal', 'factsheet'] as const;
export type BriefId = (typeof briefIds)[number];

/** One brief as the catalog lists it (registry.ts adds its derive function). */
export interface BriefEntry {
  id: BriefId;
  /** Output file name in out/. */
  file: string;
  /** Arabic title: PDF metadata, running header, site listing. */
  title: string;
  /** One Arabic line for the site listing and the feed. */
  summary: string;
  /** templates/<template>.hbs */
  template: string;
}

export const briefCatalog: { readonly [K in BriefId]: BriefEntry & { id: K } } = {
  history: {
    id: 'history',
    file: 'history.pdf',
    title: 'التحالف الدولي ضد داعش في العراق: المسار التاريخي',
    summary: 'من الانسحاب الأميركي وصعود داعش إلى تأسيس التحالف ومعارك الموصل والرقة وما بعد إعلان النصر.',
    template: 'history',
  },
  troops: {
    id: 'troops',
    file: 'troops.pdf',
    title: 'قوات التحالف في العراق: الأعداد والتدريب والقواعد',
    summary: 'أعداد القوات الأميركية وقوات التحالف عبر السنين، وأرقام التدريب والتجهيز، والقواعد المسلَّمة.',
    template: 'troops',
  },
  casualties: {
    id: 'casualties',
    file: 'casualties.pdf',
    title: 'ضحايا غارات التحالف: أرقام متنازع عليها',
    summary: 'اعترافات التحالف المتعاقبة بقتلى مدنيين في مقابل التقديرات الأخرى، وأعداد الغارات بحسب كل جهة.',
    template: 'casualties',
  },
  withdrawal: {
    id: 'withdrawal',
    file: 'withdrawal.pdf',
    title: 'انسحاب التحالف من العراق: المواعيد والمواقف والتوقعات',
    summary: 'الاتفاقات والإعلانات والمواعيد، ومن يقول ماذا عن البقاء أو الرحيل، والتوقعات كما تذكرها المصادر.',
    template: 'withdrawal',
  },
  factsheet: {
    id: 'factsheet',
    file: 'factsheet.pdf',
    title: 'التحالف الدولي ضد داعش في العراق: صحيفة وقائع',
    summary: 'غلاف وفهرس وأبرز الأرقام، ثم الأقسام الأربعة: التاريخ والقوات والضحايا والانسحاب.',
    template: 'factsheet',
  },
};

export function isBriefId(name: string): name is BriefId {
  return (briefIds as readonly string[]).includes(name);
}

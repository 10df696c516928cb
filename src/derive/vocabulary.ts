/**
 * The Arabic words the briefs print for the dataset's enumerations. Kept in one place so an editor
 * can change a label once for every brief.
 */
import type { EventStatus, Method, Metric, OutlookKind, Stance, Unit } from '../model/index.js';
import { nounAfter, scaleOf, type NounForms } from '../arabic/index.js';

export const countryNames = {
  iraq: 'العراق',
  syria: 'سورية',
  afghanistan: 'أفغانستان',
  united_states: 'الولايات المتحدة',
  worldwide: 'العالم',
} as const;

export const methodNames: Record<Method, string> = {
  own_assessment: 'تقييم الجهة لعملياتها',
  official_statement: 'تصريح رسمي',
  official_estimate: 'تقدير رسمي',
  monitor_estimate: 'تقدير جهة رصد',
  anonymous_official: 'مسؤول لم يُكشف اسمه',
  politician_statement: 'تصريح سياسي',
  publisher_narration: 'رواية المقال دون نسبة',
};

export const eventStatusNames: Record<EventStatus, string> = {
  occurred: 'وقع',
  announced: 'أُعلن',
  planned: 'مُخطَّط',
  expected: 'متوقَّع',
};

export const outlookKindNames: Record<OutlookKind, string> = {
  announced: 'مُعلَن',
  promised: 'وُعد به',
  planned: 'مُخطَّط',
  expected: 'متوقَّع',
  demanded: 'مطلوب',
};

export const stanceNames: Record<Stance, string> = {
  supports_presence: 'يؤيد بقاء التحالف',
  expects_presence: 'يتوقع بقاء التحالف',
  supports_transformation: 'يؤيد بقاءً بصيغة جديدة',
  demands_withdrawal: 'يطالب بالانسحاب',
  expects_withdrawal: 'يتوقع الانسحاب',
  praises_role: 'يشيد بدور التحالف',
  criticises_role: 'ينتقد دور التحالف',
  mixed_on_role: 'يرى في دوره مساندة وأضراراً',
};

/**
 * The counted noun after a number (the rule: arabic/agreement.ts): plural after 3–10
 * ("8 قواعد"), accusative singular after 11–99 ("79 دولة"، "1257 شخصاً"), singular otherwise and
 * after a scale word ("34 ألف غارة"، "3 ملايين دولار"). `definite` serves counts known only in words
 * ("عشرات الآلاف من الأشخاص").
 */
interface UnitForms extends NounForms {
  definite: string;
}

const unitWords: Record<Unit, UnitForms> = {
  personnel: { singular: 'عنصر', plural: 'عناصر', accusative: 'عنصراً', definite: 'العناصر' },
  states: { singular: 'دولة', plural: 'دول', accusative: 'دولة', definite: 'الدول' },
  states_and_organisations: { singular: 'دولة ومؤسسة', plural: 'دول ومؤسسات', accusative: 'دولة ومؤسسة', definite: 'الدول والمؤسسات' },
  members: { singular: 'عضو', plural: 'أعضاء', accusative: 'عضواً', definite: 'الأعضاء' },
  airstrikes: { singular: 'غارة', plural: 'غارات', accusative: 'غارة', definite: 'الغارات' },
  sorties: { singular: 'طلعة', plural: 'طلعات', accusative: 'طلعة', definite: 'الطلعات' },
  targets: { singular: 'هدف', plural: 'أهداف', accusative: 'هدفاً', definite: 'الأهداف' },
  people: { singular: 'شخص', plural: 'أشخاص', accusative: 'شخصاً', definite: 'الأشخاص' },
  brigades: { singular: 'لواء', plural: 'ألوية', accusative: 'لواءً', definite: 'الألوية' },
  vehicles: { singular: 'مركبة', plural: 'مركبات', accusative: 'مركبة', definite: 'المركبات' },
  bombs: { singular: 'قنبلة', plural: 'قنابل', accusative: 'قنبلة', definite: 'القنابل' },
  bases: { singular: 'قاعدة', plural: 'قواعد', accusative: 'قاعدة', definite: 'القواعد' },
  usd: { singular: 'دولار', plural: 'دولارات', accusative: 'دولاراً', definite: 'الدولارات' },
  usd_per_day: { singular: 'دولار يومياً', plural: 'دولارات يومياً', accusative: 'دولاراً يومياً', definite: 'الدولارات يومياً' },
  usd_per_aircraft: { singular: 'دولار للطائرة', plural: 'دولارات للطائرة', accusative: 'دولاراً للطائرة', definite: 'الدولارات للطائرة' },
  percent: { singular: 'بالمئة', plural: 'بالمئة', accusative: 'بالمئة', definite: 'بالمئة' },
  square_miles: { singular: 'ميل مربع', plural: 'أميال مربعة', accusative: 'ميلاً مربعاً', definite: 'الأميال المربعة' },
  km: { singular: 'كيلومتر', plural: 'كيلومترات', accusative: 'كيلومتراً', definite: 'الكيلومترات' },
  days: { singular: 'يوم', plural: 'أيام', accusative: 'يوماً', definite: 'الأيام' },
  months: { singular: 'شهر', plural: 'أشهر', accusative: 'شهراً', definite: 'الأشهر' },
  years: { singular: 'سنة', plural: 'سنوات', accusative: 'سنة', definite: 'السنوات' },
};

export function unitWord(unit: Unit, count: number): string {
  const forms = unitWords[unit];
  // After "ألف"، "مليون"، "مليار" the noun is singular, whatever the multiple.
  if (scaleOf(count) !== undefined) return forms.singular;
  return nounAfter(count, forms);
}

/** The noun after a count known only in words: "آلاف" + "من الطلعات". */
export function unitAfterWords(unit: Unit): string {
  return `من ${unitWords[unit].definite}`;
}

/** Column and heading words for what a figure counts. */
export const metricNames: Partial<Record<Metric, string>> = {
  troops_deployed: 'قوات منتشرة',
  troops_authorised: 'سقف القوات المصرَّح به',
  troops_additional: 'تعزيزات معلنة',
  troops_withdrawing: 'قوات معلن انسحابها',
  troops_planned: 'قوة مخطَّطة',
  troops_served_cumulative: 'من خدموا في العراق',
  airstrikes: 'الغارات الجوية',
  civilian_deaths: 'القتلى المدنيون',
  deaths_unspecified: 'قتلى لا يصفهم المصدر بالمدنيين',
  isis_fighters_killed: 'قتلى داعش',
  member_states: 'الدول الأعضاء',
  trained_personnel: 'عناصر مدرَّبون',
  trained_units: 'وحدات مدرَّبة',
  states_providing_training: 'دول قدمت التدريب',
  aid_value: 'المساعدات',
  equipment_delivered: 'معدات مسلَّمة',
  bases_handed_over: 'قواعد سُلِّمت',
  bases_closed: 'قواعد أُغلقت',
};

/**
 * What a reader must be told beside a figure whose metric answers a question only loosely: printed
 * next to its label wherever it stands among figures of the stricter metric (tables, dispute cards).
 */
export const metricCaveats: Partial<Record<Metric, string>> = {
  deaths_unspecified: 'لا يصف المصدر القتلى بأنهم مدنيون',
};

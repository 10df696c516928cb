/**
 * The Arabic words the briefs print for the dataset's enumerations. Kept in one place so an editor
 * can change a label once for every brief.
 */
import type { EventStatus, Method, Metric, OutlookKind, Stance, Unit } from '../model/index.js';

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
 * The counted noun after a number, as the Arabic press writes it: plural for 3–10, singular otherwise
 * ("8 قواعد"، "79 دولة"، "34 ألف غارة").
 */
const unitWords: Record<Unit, { singular: string; plural: string }> = {
  personnel: { singular: 'عنصر', plural: 'عناصر' },
  states: { singular: 'دولة', plural: 'دول' },
  states_and_organisations: { singular: 'دولة ومؤسسة', plural: 'دول ومؤسسات' },
  members: { singular: 'عضو', plural: 'أعضاء' },
  airstrikes: { singular: 'غارة', plural: 'غارات' },
  sorties: { singular: 'طلعة', plural: 'طلعات' },
  targets: { singular: 'هدف', plural: 'أهداف' },
  people: { singular: 'شخص', plural: 'أشخاص' },
  brigades: { singular: 'لواء', plural: 'ألوية' },
  vehicles: { singular: 'مركبة', plural: 'مركبات' },
  bombs: { singular: 'قنبلة', plural: 'قنابل' },
  bases: { singular: 'قاعدة', plural: 'قواعد' },
  usd: { singular: 'دولار', plural: 'دولارات' },
  usd_per_day: { singular: 'دولار يومياً', plural: 'دولارات يومياً' },
  usd_per_aircraft: { singular: 'دولار للطائرة', plural: 'دولارات للطائرة' },
  percent: { singular: 'بالمئة', plural: 'بالمئة' },
  square_miles: { singular: 'ميل مربع', plural: 'أميال مربعة' },
  km: { singular: 'كيلومتر', plural: 'كيلومترات' },
  days: { singular: 'يوم', plural: 'أيام' },
  months: { singular: 'شهر', plural: 'أشهر' },
  years: { singular: 'سنة', plural: 'سنوات' },
};

export function unitWord(unit: Unit, count: number): string {
  const words = unitWords[unit];
  return Number.isInteger(count) && count >= 3 && count <= 10 ? words.plural : words.singular;
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

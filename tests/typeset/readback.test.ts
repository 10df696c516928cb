/**
 * The text layer reads back in logical order with poppler (pdftotext) and pdf.js, for a corpus of
 * tricky strings from the seed articles and our own edge cases.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { typesetPlainText } from '../../src/typeset/index.js';
import { pdfjsPages, pdftotextPages, tokens, paragraphsInOrder } from '../support/pdfText.js';
import { notdefGlyphs } from '../support/pdfGlyphs.js';
import { bodyText } from './support.js';

const longWord = 'والمستشفيات'.repeat(9);

export const trickyCorpus: string[] = [
  'أعلن عن تأسيس التحالف في 10 سبتمبر 2014 عبر بيان للبيت الأبيض',
  'خلال الفترة (2016- 2017) شنّ التحالف آلاف الغارات',
  'وقّعت بغداد وواشنطن اتفاقية وضع القوات (SOFA) قبل سنوات',
  'شاركت طائرات B-52 وطائرات A-10 ونظام GPS في العمليات',
  'بلغت كلفة الطلعة 3.322.145 دولارا في المتوسط',
  'وأنفقت واشنطن نحو 7.5 مليار دولار على الحملة',
  'أعلن عن تأسيس "التحالف الدولي" في العاصمة',
  'قال المتحدث «لن نغادر قبل 2023» ثم صمت',
  'هل انتهت الحرب؟ لا، ليس بعد؛ هكذا قال المسؤول',
  'انضمت لـ"التحالف" دول كثيرة',
  'الطائرة المقاتِلة أخذت نفَس طويل',
  'ذكر تقرير Airwars Monitoring Group 2021 أن العدد 8,214 قتيلا على الأقل',
  'نص عربي طويل يمتد حتى نهاية السطر الأول ثم ينكسر بجوار رقم مثل 2014 الذي يأتي بعد كلمة ويليه كلام آخر كثير حتى يطول السطر أكثر فأكثر وبعده الرقم 12345 وكلمات',
  `كلمة ${longWord} بعدها`,
  'علامات: نقطة. فاصلة، فاصلة منقوطة؛ سؤال؟ تعجب! (قوس) [معقوف] «مزدوج» "إنجليزي" نهاية.',
  '',
  'تاريخ 10-05-2024 ونسبة 15% ومجموعة 1,061 قتيلا',
  'بين عامي 2014-2017 وفي الساعة 10:30 من يوم 2019/03/23 وبين 35–50 ألف جندي',
  // A vowel drawn above a shadda (raised off the baseline, as the font stacks them): the words still read whole.
  'تضمَّن الاتفاق قوة مخطَّطة وسقفاً مصرَّحاً به',
];

describe.each(['latn', 'arab'] as const)('tricky corpus read back (digits %s)', (digits) => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = (await typesetPlainText(trickyCorpus.join('\n'), { digits })).bytes;
  });
  const source = () =>
    digits === 'latn' ? trickyCorpus : trickyCorpus.map((p) => p.replace(/(?<![A-Za-z]-?)(?<![\d.,])\d+(?:[.,]\d+)*/g, (n) => n.replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]!).replace(/,/g, '٬').replace(/\./g, (_m) => (n.split('.').length > 2 ? '٬' : '٫'))));

  it('draws no .notdef glyph', () => {
    expect(notdefGlyphs(bytes)).toEqual([]);
  });

  /*
   * pdf.js reads the text layer (src/typeset/textLayer.ts), not the shaped glyphs: a word-final
   * mark ("شنّ") stays with its word, since the layer draws it after a narrow space.
   */
  const knownPdfjsGaps: number[] = [];

  it('pdftotext returns every paragraph in source order', () => {
    expect(paragraphsInOrder(source(), bodyText(pdftotextPages(bytes))).failures).toEqual([]);
  });

  it('pdf.js returns every paragraph in source order', async () => {
    const failures = paragraphsInOrder(source(), bodyText(await pdfjsPages(bytes))).failures;
    const failedIndexes = failures.map((f) => source().indexOf(f));
    expect(failedIndexes).toEqual(knownPdfjsGaps);
  });
});

describe('mirrored brackets in the text layer', () => {
  it('copy as the brackets the author wrote, though drawn mirrored', async () => {
    const { typesetPlainText } = await import('../../src/typeset/index.js');
    const { pdfjsPages } = await import('../support/pdfText.js');
    const { bytes } = await typesetPlainText('قال «نعم» ثم [انتهى] في (الموصل)', { digits: 'latn' });
    const text = (await pdfjsPages(bytes))[0]!;
    expect(text).toContain('قال «نعم» ثم [انتهى] في (الموصل)');
  });
});

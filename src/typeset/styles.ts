/**
 * Type scale, colours and spacing of the briefs (greyscale-legible). Sizes chosen on A4 renders at
 * 100%: Amiri's x-height is low, so body text is 12 pt (11.5 read small), table text 10.5 pt (10 pt
 * cells read as footnotes), notes 10 pt, and citation numbers 0.7 of their text (8.4 pt in body text,
 * 7.4 pt in tables, where pdfmake's default 0.58 gave 5.8 pt).
 */
export const FONT_SIZE = {
  body: 12,
  lead: 13,
  note: 10,
  h1: 20,
  h2: 15.5,
  h3: 13,
  tableBody: 10.5,
  tableHeader: 10.5,
  keyValue: 21,
  keyLabel: 10,
  chartLabel: 10.5,
  chartNote: 9,
  coverTitle: 26,
  coverSubtitle: 16,
  coverLine: 12,
  /** Citation numbers, as a share of the text they are raised in. */
  citeScale: 0.7,
} as const;

export const COLOR = {
  text: '#111111',
  muted: '#5f5f5f',
  heading: '#1f2f3f',
  rule: '#9a9a9a',
  tableHeaderFill: '#dfe3e8',
  tableZebraFill: '#f4f5f7',
  accentFill: '#e9eef4',
  accentBar: '#2b4a69',
  neutralFill: '#f1f1f1',
  neutralBar: '#7a7a7a',
  keyFill: '#eef0f3',
  barValue: '#3d4f63',
  barRangeFill: '#c9d1da',
  barRangeEdge: '#2b3b4d',
  axis: '#444444',
} as const;

/**
 * The document model: the closed set of blocks a brief is made of. The markup parser builds it; the
 * PDF typesetter and the HTML renderer read it, and share what they compute from it (contents, chart values).
 */
export type { Block, Cell, Digits, Inline, BarChartItem, TypesetDocument, TypesetResult } from './model.js';
export { contentsHeadings, type Heading } from './contents.js';
export { barValueText, chartMaximum, MISSING_VALUE } from './charts.js';

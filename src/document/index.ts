/**
 * The document model: the closed set of blocks a brief is made of. The markup parser builds it; the
 * PDF typesetter and the HTML renderer read it.
 */
export type { Block, Cell, Digits, Inline, BarChartItem, TypesetDocument, TypesetResult } from './model.js';

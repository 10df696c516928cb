/**
 * A typesetter's page-by-page reading of a PDF, from its text layer (pdf.js, via the layout dump's
 * reader), not from our document model — so it judges any content:
 * - a heading or box title (a bold line at heading size, alone on its baseline) has at least two lines
 *   of what follows on its page, unless what follows it there ends before the next heading;
 * - a table header row (a baseline where every cell is bold) is never the last row of its page;
 * - every page but the last and a cover (a page without the running header) holds at least a
 *   handful of rows, and a page that ends before a new section is at least 40% full;
 * - no paragraph ends in a line of one word under a full line of three words or more;
 * - a paragraph split across pages leaves at least two lines on each side: no first line alone at a
 *   page's foot (an orphan), no last line alone at the next page's top (a widow).
 */
import { FONT_SIZE } from '../../src/typeset/styles.js';
import { PAGE_MARGINS } from '../../src/typeset/furniture.js';
import { lineText, readLayout, type LayoutLine, type LayoutPage } from './layoutDump.js';

export const MIN_ROWS = 6;
export const MIN_FILL_BEFORE_SECTION = 0.4;

export interface Finding {
  page: number;
  rule: 'heading-at-foot' | 'header-row-at-foot' | 'sparse-page' | 'one-word-last-line' | 'orphan' | 'widow';
  message: string;
}

/** Lines sharing a baseline: a line of text, or a row of table cells. */
interface Row {
  baseline: number;
  lines: LayoutLine[];
}

const isBold = (line: LayoutLine) => /Bold/.test(line.font);
const textOf = (row: Row) => row.lines.map((l) => lineText(l)).join(' | ');

function rowsOf(page: LayoutPage): { rows: Row[]; hasRunningHeader: boolean } {
  const top = PAGE_MARGINS.top;
  const bottom = page.height - PAGE_MARGINS.bottom;
  const body = page.lines.filter((l) => l.baseline > top - 4 && l.baseline < bottom + 4);
  const rows: Row[] = [];
  for (const line of [...body].sort((a, b) => a.baseline - b.baseline)) {
    const row = rows.find((r) => Math.abs(r.baseline - line.baseline) < 2.5);
    if (row) row.lines.push(line);
    else rows.push({ baseline: line.baseline, lines: [line] });
  }
  return { rows, hasRunningHeader: page.lines.some((l) => l.baseline < top - 4) };
}

/** A heading, box title or chart title: one bold line at heading size. */
const isHeading = (row: Row) =>
  row.lines.length === 1 && isBold(row.lines[0]!) && row.lines[0]!.size >= FONT_SIZE.h3 - 0.5 && row.lines[0]!.size < FONT_SIZE.coverTitle;
/** A table header row: two or more cells, all bold, below heading size. */
const isHeaderRow = (row: Row) => row.lines.length >= 2 && row.lines.every((l) => isBold(l) && l.size < FONT_SIZE.h3 - 0.5);

export function checkComposition(pages: LayoutPage[]): Finding[] {
  const findings: Finding[] = [];
  const all = pages.map(rowsOf);
  all.forEach(({ rows, hasRunningHeader }, index) => {
    const page = index + 1;
    const last = index === pages.length - 1;
    const next = all[index + 1]?.rows ?? [];
    const nextStartsSection = next.length > 0 && isHeading(next[0]!);
    if (!last) {
      rows.forEach((row, i) => {
        if (isHeading(row)) {
          let after = 0;
          let closed = false;
          for (const r of rows.slice(i + 1)) {
            if (isHeading(r) && after > 0) {
              closed = true;
              break;
            }
            if (!isHeading(r)) after++;
          }
          if (!closed && after < 2 && !nextStartsSection) {
            findings.push({ page, rule: 'heading-at-foot', message: `«${textOf(row)}» has ${after} line(s) after it at the foot of the page` });
          }
        }
      });
      const lastRow = rows[rows.length - 1];
      if (lastRow && isHeaderRow(lastRow)) {
        findings.push({ page, rule: 'header-row-at-foot', message: `table header row «${textOf(lastRow)}» is the page's last row` });
      }
      if (hasRunningHeader && rows.length < MIN_ROWS) {
        findings.push({ page, rule: 'sparse-page', message: `only ${rows.length} rows of text` });
      } else if (hasRunningHeader && nextStartsSection && lastRow) {
        const fill = (lastRow.baseline - PAGE_MARGINS.top) / (pages[index]!.height - PAGE_MARGINS.top - PAGE_MARGINS.bottom);
        if (fill < MIN_FILL_BEFORE_SECTION) {
          findings.push({ page, rule: 'sparse-page', message: `${Math.round(fill * 100)}% full before a new section` });
        }
      }
    }
    findings.push(...oneWordLastLines(rows, page));
    if (!last) findings.push(...splitParagraph(rows, all[index + 1]!.rows, page));
  });
  return findings;
}

/** One line of text alone on its baseline (not a row of table cells). */
const single = (row: Row | undefined): LayoutLine | undefined => (row?.lines.length === 1 ? row.lines[0] : undefined);
const sameStyle = (a: LayoutLine, b: LayoutLine) => a.font === b.font && Math.abs(a.size - b.size) < 0.05;
/** b is the line after a in the same paragraph: same style and column, one line's distance below. */
const nextLineOf = (a: LayoutLine, b: LayoutLine) => sameStyle(a, b) && Math.abs(a.right - b.right) < 2 && b.baseline - a.baseline < 1.9 * b.size;

/**
 * A paragraph that runs on from a page's last row to the next page's first: the last row is a full
 * justified line (as wide as the widest line of its style and column on the page) or does not end a
 * sentence, and the first row of the next page continues it (same style, same column). Then each side
 * holds at least two lines.
 */
function splitParagraph(rows: Row[], nextRows: Row[], page: number): Finding[] {
  const foot = single(rows[rows.length - 1]);
  const top = single(nextRows[0]);
  if (!foot || !top || !sameStyle(foot, top) || Math.abs(foot.right - top.right) >= 2) return [];
  const measure = Math.max(
    ...rows.map(single).filter((l): l is LayoutLine => l !== undefined && sameStyle(l, foot) && Math.abs(l.right - foot.right) < 2).map((l) => l.right - l.left),
  );
  // A full justified line runs on; a ragged one (right-aligned notes) runs on unless it ends a sentence.
  const endsSentence = /[.!?؟]$/u.test(words(foot).join(' '));
  if (foot.right - foot.left < measure - 2 && endsSentence) return [];
  const findings: Finding[] = [];
  const above = single(rows[rows.length - 2]);
  if (!above || !nextLineOf(above, foot)) {
    findings.push({ page, rule: 'orphan', message: `a paragraph's first line «${lineText(foot).slice(0, 40)}» is alone at the foot of the page` });
  }
  const below = single(nextRows[1]);
  if (!below || !nextLineOf(top, below)) {
    findings.push({ page: page + 1, rule: 'widow', message: `a paragraph's last line «${lineText(top).slice(0, 40)}» is alone at the top of the page` });
  }
  return findings;
}

const words = (line: LayoutLine) =>
  lineText(line)
    .replace(/⟨[^|]*\|[^⟩]*⟩/g, '') // raised citation numbers ride along with their word
    .replace(/[⟪⟫]/g, '')
    .trim()
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w));

/** A one-word line ending a paragraph under a full line (a justified line of three words or more). */
function oneWordLastLines(rows: Row[], page: number): Finding[] {
  const findings: Finding[] = [];
  for (let i = 1; i < rows.length; i++) {
    const [above, row] = [rows[i - 1]!, rows[i]!];
    if (above.lines.length !== 1 || row.lines.length !== 1) continue; // table rows: cells are narrow
    const [a, b] = [above.lines[0]!, row.lines[0]!];
    const sameFont = sameStyle(a, b);
    const nextLine = b.baseline - a.baseline < 1.9 * b.size; // the paragraph's next line, not the next block
    const full = a.right - a.left;
    const endsParagraph = i === rows.length - 1 || rows[i + 1]!.baseline - b.baseline >= 1.9 * b.size || rows[i + 1]!.lines[0]!.size !== b.size;
    if (sameFont && nextLine && endsParagraph && full > 200 && Math.abs(a.right - b.right) < 2 && words(b).length === 1 && words(a).length >= 3) {
      findings.push({ page, rule: 'one-word-last-line', message: `paragraph ends in the single word «${lineText(b)}» under «${lineText(a).slice(-30)}»` });
    }
  }
  return findings;
}

export async function checkPdfComposition(bytes: Uint8Array): Promise<Finding[]> {
  return checkComposition(await readLayout(bytes));
}

export const formatFindings = (findings: Finding[]) => findings.map((f) => `p${f.page} ${f.rule}: ${f.message}`);

/**
 * Compares two layout dumps (see layoutDump.ts) and says what a reader would notice, one sentence per
 * change: "page 2, line 14 moved 12 pt down", "page 3, line 2: 1257 → 1300", "page 4, line 7 added: …",
 * "page 1, lines 5–40 → page 2, lines 1–36".
 *
 * Lines are matched by their text and style across the whole document (longest common subsequence),
 * so a line that only moved is reported as moved, and a run of lines that moved together is reported
 * once. The result is empty exactly when the two dumps are identical.
 */

export interface DumpLine {
  /** 1-based page, and line within the page. */
  page: number;
  line: number;
  y: number;
  left: number;
  right: number;
  style: string;
  text: string;
}

export interface ParsedDump {
  pageHeaders: string[];
  lines: DumpLine[];
}

const LINE = /^y +(-?\d+) +x +(-?\d+)–(-?\d+) +(\S+ \S+) {2}(.*)$/;

export function parseDump(dump: string): ParsedDump {
  const pageHeaders: string[] = [];
  const lines: DumpLine[] = [];
  let line = 0;
  for (const raw of dump.split('\n')) {
    if (raw.startsWith('page ')) {
      pageHeaders.push(raw);
      line = 0;
    }
    const m = LINE.exec(raw);
    if (m && pageHeaders.length > 0) {
      lines.push({ page: pageHeaders.length, line: ++line, y: Number(m[1]), left: Number(m[2]), right: Number(m[3]), style: m[4]!, text: m[5]! });
    }
  }
  return { pageHeaders, lines };
}

/** Every difference between the reference dump and the new one, as sentences; [] when identical. */
export function compareLayout(reference: string, actual: string): string[] {
  if (reference === actual) return [];
  const before = parseDump(reference);
  const after = parseDump(actual);
  const messages: string[] = [];
  const [pagesBefore, pagesAfter] = [before.pageHeaders.length, after.pageHeaders.length];
  if (pagesBefore !== pagesAfter) messages.push(`${pagesBefore} pages → ${pagesAfter} pages`);
  for (let p = 0; p < Math.min(pagesBefore, pagesAfter); p++) {
    const [a, b] = [before.pageHeaders[p]!, after.pageHeaders[p]!];
    if (a.replace(/^page \d+ /, '') !== b.replace(/^page \d+ /, '')) messages.push(`${a} → ${b}`);
  }
  messages.push(...compareLines(before.lines, after.lines));
  // Anything the parser does not model (e.g. a malformed line) still counts.
  if (messages.length === 0) messages.push('the dumps differ in a line the comparison does not parse');
  return messages;
}

const sameContent = (a: DumpLine, b: DumpLine) => a.text === b.text && a.style === b.style;
const where = (page: number, first: number, last: number) =>
  first === last ? `page ${page}, line ${first}` : `page ${page}, lines ${first}–${last}`;

/** A range of shifts in whole points: rounding makes one shift of 17.6 pt read 17 on some lines, 18 on others. */
interface Shift {
  min: number;
  max: number;
}

interface MovedRun {
  from: DumpLine;
  to: DumpLine;
  count: number;
  dy: Shift;
  dl: Shift;
  dr: Shift;
}

/** Extends a shift range when the result still spans at most one point (rounding), else undefined. */
function extend(range: Shift, value: number): Shift | undefined {
  const next = { min: Math.min(range.min, value), max: Math.max(range.max, value) };
  return next.max - next.min <= 1 && Math.sign(next.min) === Math.sign(next.max) ? next : undefined;
}

const point = (value: number): Shift => ({ min: value, max: value });
const isZero = (range: Shift) => range.min === 0 && range.max === 0;
const amount = (range: Shift) => {
  const [a, b] = [Math.abs(range.min), Math.abs(range.max)].sort((x, y) => x - y);
  return a === b ? `${a} pt` : `${a}–${b} pt`;
};

function describeRun(run: MovedRun): string {
  const parts: string[] = [];
  if (run.from.page === run.to.page && !isZero(run.dy)) parts.push(`${amount(run.dy)} ${run.dy.max > 0 ? 'down' : 'up'}`);
  const sameSideways = run.dl.min === run.dr.min && run.dl.max === run.dr.max;
  if (sameSideways && !isZero(run.dl)) parts.push(`${amount(run.dl)} ${run.dl.max > 0 ? 'right' : 'left'}`);
  const moved = parts.length > 0 ? `moved ${parts.join(' ')}` : '';
  if (sameSideways || (isZero(run.dl) && isZero(run.dr))) return moved;
  const x = `x ${run.from.left}–${run.from.right} → ${run.to.left}–${run.to.right}`;
  return moved ? `${moved}, ${x}` : x;
}

function compareLines(before: DumpLine[], after: DumpLine[]): string[] {
  const messages: string[] = [];
  let run: MovedRun | undefined;
  const flush = () => {
    if (!run) return;
    const { from, to, count } = run;
    const what = describeRun(run);
    messages.push(
      from.page === to.page
        ? `${where(to.page, to.line, to.line + count - 1)} ${what}`
        : `${where(from.page, from.line, from.line + count - 1)} → ${where(to.page, to.line, to.line + count - 1)}${what ? `, ${what}` : ''}`,
    );
    run = undefined;
  };
  let i = 0;
  let j = 0;
  for (const [mi, mj] of [...matchLines(before, after), [before.length, after.length] as const]) {
    // Unmatched lines between two matches: changed in place where both sides have one on the same
    // page, otherwise removed and added.
    const removed = before.slice(i, mi);
    const added = after.slice(j, mj);
    if (removed.length > 0 || added.length > 0) flush();
    for (let k = 0; k < Math.max(removed.length, added.length); k++) {
      const [old, now] = [removed[k], added[k]];
      if (old && now && old.page === now.page) messages.push(`page ${now.page}, line ${now.line}: ${describeChange(old, now)}`);
      else {
        if (old) messages.push(`page ${old.page}, line ${old.line} removed: ${old.text}`);
        if (now) messages.push(`page ${now.page}, line ${now.line} added: ${now.text}`);
      }
    }
    if (mi < before.length) {
      const [from, to] = [before[mi]!, after[mj]!];
      const samePage = from.page === to.page;
      const [dy, dl, dr] = [samePage ? to.y - from.y : 0, to.left - from.left, to.right - from.right];
      const moved = !samePage || dy !== 0 || dl !== 0 || dr !== 0;
      const adjacent =
        run !== undefined && run.from.page === from.page && run.to.page === to.page &&
        run.from.line + run.count === from.line && run.to.line + run.count === to.line;
      const ranges = run && adjacent && moved ? [extend(run.dy, dy), extend(run.dl, dl), extend(run.dr, dr)] : [];
      if (run && ranges.length === 3 && ranges.every(Boolean)) {
        [run.dy, run.dl, run.dr] = ranges as [Shift, Shift, Shift];
        run.count++;
      } else {
        flush();
        if (moved) run = { from, to, count: 1, dy: point(dy), dl: point(dl), dr: point(dr) };
      }
    }
    i = mi + 1;
    j = mj + 1;
  }
  flush();
  return messages;
}

/** Longest common subsequence of lines with the same text and style: index pairs, in order. */
function matchLines(before: DumpLine[], after: DumpLine[]): (readonly [number, number])[] {
  // Identical beginnings and ends need no table (most changes touch a few lines).
  let start = 0;
  while (start < before.length && start < after.length && sameContent(before[start]!, after[start]!)) start++;
  let end = 0;
  while (
    end < before.length - start && end < after.length - start &&
    sameContent(before[before.length - 1 - end]!, after[after.length - 1 - end]!)
  ) end++;
  const n = before.length - start - end;
  const m = after.length - start - end;
  const table = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i]![j] = sameContent(before[start + i]!, after[start + j]!)
        ? table[i + 1]![j + 1]! + 1
        : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const pairs: (readonly [number, number])[] = [];
  for (let k = 0; k < start; k++) pairs.push([k, k] as const);
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (sameContent(before[start + i]!, after[start + j]!)) pairs.push([start + i++, start + j++] as const);
    else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  for (let k = end; k > 0; k--) pairs.push([before.length - k, after.length - k] as const);
  return pairs;
}

function describeSideways(a: DumpLine, b: DumpLine): string | undefined {
  const dl = b.left - a.left;
  const dr = b.right - a.right;
  if (dl === 0 && dr === 0) return undefined;
  if (dl === dr) return `${Math.abs(dl)} pt ${dl > 0 ? 'right' : 'left'}`;
  return `x ${a.left}–${a.right} → ${b.left}–${b.right}`;
}

function describeMove(a: DumpLine, b: DumpLine): string | undefined {
  const dy = b.y - a.y;
  const vertical = dy !== 0 ? `${Math.abs(dy)} pt ${dy > 0 ? 'down' : 'up'}` : undefined;
  const sideways = describeSideways(a, b);
  if (!vertical && !sideways) return undefined;
  if (sideways?.startsWith('x ')) return vertical ? `moved ${vertical}, ${sideways}` : sideways;
  return `moved ${[vertical, sideways].filter(Boolean).join(' ')}`;
}

function describeChange(a: DumpLine, b: DumpLine): string {
  const parts: string[] = [];
  if (a.text !== b.text) parts.push(changedWords(a.text, b.text));
  if (a.style !== b.style) parts.push(`style ${a.style} → ${b.style}`);
  const move = describeMove(a, b);
  if (move) parts.push(move);
  return parts.join('; ');
}

/** The words that differ, without the common beginning and end: "1257 → 1300". */
export function changedWords(a: string, b: string): string {
  const x = a.split(' ');
  const y = b.split(' ');
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start++;
  let end = 0;
  while (end < x.length - start && end < y.length - start && x[x.length - 1 - end] === y[y.length - 1 - end]) end++;
  const show = (words: string[]) => words.slice(start, words.length - end).join(' ') || '(nothing)';
  const [was, now] = [show(x), show(y)];
  // Marks in another order or position look the same when printed: name the code points that differ.
  const base = (text: string) => text.replace(/\p{M}/gu, '');
  return base(was) === base(now) ? `${was} → ${now} (marks ${differingCodePoints(was, now)})` : `${was} → ${now}`;
}

/** "U+0651 U+064E → U+064E U+0651": the code points between the common beginning and end. */
function differingCodePoints(a: string, b: string): string {
  const x = [...a];
  const y = [...b];
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start++;
  let end = 0;
  while (end < x.length - start && end < y.length - start && x[x.length - 1 - end] === y[y.length - 1 - end]) end++;
  const hex = (chars: string[]) =>
    chars.slice(start, chars.length - end).map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ') || '(none)';
  return `${hex(x)} → ${hex(y)}`;
}

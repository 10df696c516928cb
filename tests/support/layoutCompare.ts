/**
 * Compares two layout dumps (see layoutDump.ts) and says what a reader would notice, one sentence per
 * change: "page 2, line 14 moved 12 pt down", "page 3, line 2: 1257 → 1300", "page 4, line 7 added: …".
 *
 * Lines of a page are matched by their text and style (longest common subsequence), so a line that only
 * moved is reported as moved, and a run of lines that moved together is reported once.
 * The result is empty exactly when the two dumps are identical.
 */

export interface DumpLine {
  y: number;
  left: number;
  right: number;
  style: string;
  text: string;
}

export interface DumpPage {
  header: string;
  lines: DumpLine[];
}

const LINE = /^y +(-?\d+) +x +(-?\d+)–(-?\d+) +(\S+ \S+) {2}(.*)$/;

export function parseDump(dump: string): DumpPage[] {
  const pages: DumpPage[] = [];
  for (const raw of dump.split('\n')) {
    if (raw.startsWith('page ')) pages.push({ header: raw, lines: [] });
    const m = LINE.exec(raw);
    if (m && pages.length > 0) {
      pages[pages.length - 1]!.lines.push({ y: Number(m[1]), left: Number(m[2]), right: Number(m[3]), style: m[4]!, text: m[5]! });
    }
  }
  return pages;
}

/** Every difference between the reference dump and the new one, as sentences; [] when identical. */
export function compareLayout(reference: string, actual: string): string[] {
  if (reference === actual) return [];
  const before = parseDump(reference);
  const after = parseDump(actual);
  const messages: string[] = [];
  if (before.length !== after.length) messages.push(`${before.length} pages → ${after.length} pages`);
  for (let p = 0; p < Math.max(before.length, after.length); p++) {
    const [a, b] = [before[p], after[p]];
    if (!a) messages.push(`page ${p + 1} added (${b!.lines.length} lines)`);
    else if (!b) messages.push(`page ${p + 1} removed (${a.lines.length} lines)`);
    else {
      if (a.header !== b.header) messages.push(`${a.header} → ${b.header}`);
      messages.push(...comparePage(p + 1, a.lines, b.lines));
    }
  }
  // Anything the parser does not model (e.g. a malformed line) still counts.
  if (messages.length === 0) messages.push('the dumps differ in a line the comparison does not parse');
  return messages;
}

const sameContent = (a: DumpLine, b: DumpLine) => a.text === b.text && a.style === b.style;

function comparePage(page: number, before: DumpLine[], after: DumpLine[]): string[] {
  const messages: string[] = [];
  const pairs = matchLines(before, after);
  let moved: { first: number; last: number; what: string } | undefined;
  const flushMoved = () => {
    if (!moved) return;
    const lines = moved.first === moved.last ? `line ${moved.first}` : `lines ${moved.first}–${moved.last}`;
    messages.push(`page ${page}, ${lines} ${moved.what}`);
    moved = undefined;
  };
  let i = 0;
  let j = 0;
  for (const [mi, mj] of [...pairs, [before.length, after.length] as const]) {
    // Unmatched lines between two matches: changed in place where both sides have one, else removed/added.
    const removed = before.slice(i, mi);
    const added = after.slice(j, mj);
    if (removed.length > 0 || added.length > 0) flushMoved();
    for (let k = 0; k < Math.max(removed.length, added.length); k++) {
      const [old, now] = [removed[k], added[k]];
      if (old && now) messages.push(`page ${page}, line ${j + k + 1}: ${describeChange(old, now)}`);
      else if (now) messages.push(`page ${page}, line ${j + k + 1} added: ${now.text}`);
      else messages.push(`page ${page}, line ${i + k + 1} removed: ${old!.text}`);
    }
    if (mi < before.length) {
      const what = describeMove(before[mi]!, after[mj]!);
      if (what && moved && moved.what === what && moved.last === mj) moved.last = mj + 1;
      else {
        flushMoved();
        if (what) moved = { first: mj + 1, last: mj + 1, what };
      }
    }
    i = mi + 1;
    j = mj + 1;
  }
  flushMoved();
  return messages;
}

/** Longest common subsequence of lines with the same text and style: index pairs, in order. */
function matchLines(before: DumpLine[], after: DumpLine[]): (readonly [number, number])[] {
  const n = before.length;
  const m = after.length;
  const table = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i]![j] = sameContent(before[i]!, after[j]!)
        ? table[i + 1]![j + 1]! + 1
        : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const pairs: (readonly [number, number])[] = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (sameContent(before[i]!, after[j]!)) pairs.push([i++, j++] as const);
    else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

function describeMove(a: DumpLine, b: DumpLine): string | undefined {
  const parts: string[] = [];
  const dy = b.y - a.y;
  if (dy !== 0) parts.push(`${Math.abs(dy)} pt ${dy > 0 ? 'down' : 'up'}`);
  const dl = b.left - a.left;
  const dr = b.right - a.right;
  if (dl === dr && dl !== 0) parts.push(`${Math.abs(dl)} pt ${dl > 0 ? 'right' : 'left'}`);
  else if (dl !== 0 || dr !== 0) return [parts.length ? `moved ${parts.join(' ')},` : '', `x ${a.left}–${a.right} → ${b.left}–${b.right}`].join(' ').trim();
  return parts.length ? `moved ${parts.join(' ')}` : undefined;
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
  return `${show(x)} → ${show(y)}`;
}

import type { ValidationIssue } from '../model/index.js';
import { unsupportedCharacters } from '../fonts/index.js';
import { issueAt, type Collected, type Located } from './collect.js';
import type { FieldPath } from './fieldPath.js';

/**
 * Rules for the text the briefs print (reader-facing fields):
 *
 * - every character must be drawable by an embedded font: a character no font has would print as
 *   an empty box (.notdef), so it is an error naming the field and the character (U+XXXX);
 * - bidi embeddings, overrides and isolates must be closed in the field that opens them, and a
 *   closing control must close something opened in that field. A field's controls then cannot
 *   reorder the text printed around it (the next cell, the place after a description, a citation).
 */

/** Printed fields: Arabic text (`*_ar`), quotes, qualifiers, the source's words for a period, titles. */
const PRINTED_KEYS = new Set(['quote', 'qualifier', 'as_said', 'title']);

export function isPrintedField(key: string): boolean {
  return key.endsWith('_ar') || PRINTED_KEYS.has(key);
}

/** Explicit directional formatting characters (UAX #9 X1–X8). */
const OPENERS = new Map<string, { name: string; isolate: boolean }>([
  ['\u202A', { name: 'LEFT-TO-RIGHT EMBEDDING', isolate: false }],
  ['\u202B', { name: 'RIGHT-TO-LEFT EMBEDDING', isolate: false }],
  ['\u202D', { name: 'LEFT-TO-RIGHT OVERRIDE', isolate: false }],
  ['\u202E', { name: 'RIGHT-TO-LEFT OVERRIDE', isolate: false }],
  ['\u2066', { name: 'LEFT-TO-RIGHT ISOLATE', isolate: true }],
  ['\u2067', { name: 'RIGHT-TO-LEFT ISOLATE', isolate: true }],
  ['\u2068', { name: 'FIRST STRONG ISOLATE', isolate: true }],
]);
const PDF = '\u202C';
const PDI = '\u2069';

export function codePointLabel(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `U+1F600 "😀"` for visible characters; controls, spaces and lone marks are shown by number only. */
function describeChar(char: string): string {
  return /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(char) ? `${codePointLabel(char)} "${char}"` : codePointLabel(char);
}

/** Problems with the explicit bidi controls of one field, as messages (empty when balanced). */
export function bidiProblems(text: string): string[] {
  const problems: string[] = [];
  const open: string[] = [];
  for (const char of text) {
    if (OPENERS.has(char)) {
      open.push(char);
    } else if (char === PDF) {
      // A PDF closes the innermost embedding or override, never past an isolate (UAX #9 X7).
      const top = open[open.length - 1];
      if (top !== undefined && !OPENERS.get(top)!.isolate) open.pop();
      else problems.push(`bidi control U+202C (POP DIRECTIONAL FORMATTING) closes nothing opened in this field; remove it`);
    } else if (char === PDI) {
      // A PDI closes the innermost isolate and whatever was left open inside it (UAX #9 X6a).
      let at = open.length - 1;
      while (at >= 0 && !OPENERS.get(open[at]!)!.isolate) at--;
      if (at >= 0) open.length = at;
      else problems.push(`bidi control U+2069 (POP DIRECTIONAL ISOLATE) closes nothing opened in this field; remove it`);
    }
  }
  for (const opener of open) {
    const { name, isolate } = OPENERS.get(opener)!;
    const closer = isolate ? 'U+2069 (POP DIRECTIONAL ISOLATE)' : 'U+202C (POP DIRECTIONAL FORMATTING)';
    problems.push(`bidi control ${codePointLabel(opener)} (${name}) is not closed in this field; close it with ${closer} or remove it`);
  }
  return [...new Set(problems)];
}

/** Problems with the characters of one field: each undrawable character once, in order. */
export function glyphProblems(text: string): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const { char } of unsupportedCharacters(text)) {
    if (seen.has(char)) continue;
    seen.add(char);
    problems.push(`character ${describeChar(char)} cannot be drawn by any embedded font`);
  }
  return problems;
}

/**
 * Longest printed field, in characters. The longest field in the data is about 350 characters; a
 * table row taller than a page cannot be laid out (pdfmake drops it), and a field of 1,000
 * characters — even a single word with no spaces — still fits a row in the narrowest column.
 */
export const MAX_PRINTED_CHARACTERS = 1000;

export function lengthProblems(text: string): string[] {
  const length = [...text].length;
  return length > MAX_PRINTED_CHARACTERS ? [`is too long to print (${length} characters; at most ${MAX_PRINTED_CHARACTERS})`] : [];
}

/** Checks every printed string of every record that passed its schema, and the dataset facts. */
export function checkPrintedText(collected: Collected, issues: ValidationIssue[]): void {
  const located: Located<unknown>[] = [...collected.info, ...Object.values(collected.records).flat()];
  for (const entry of located) {
    walk(entry.value, [], (value, path) => {
      for (const message of [...lengthProblems(value), ...glyphProblems(value), ...bidiProblems(value)]) {
        issues.push(issueAt(entry.file, [...entry.path, ...path], message));
      }
    });
  }
}

/** Calls `visit` for each string held by a printed field, at any depth. */
function walk(value: unknown, path: FieldPath, visit: (text: string, path: FieldPath) => void, printed = false): void {
  if (typeof value === 'string') {
    if (printed) visit(value, path);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => walk(item, [...path, index], visit, printed));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) walk(item, [...path, key], visit, isPrintedField(key));
  }
}

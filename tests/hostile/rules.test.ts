/**
 * The hardening rules in-process, case by case: which bidi controls are balanced within a field,
 * which fields count as printed, and which encodings the loader reads.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/load/decodeText.js';
import { loadDataset } from '../../src/load/index.js';
import { formatIssue, validateDataset } from '../../src/validate/index.js';
import { bidiProblems, glyphProblems, isPrintedField } from '../../src/validate/printedText.js';
import { baseFixture } from './support.js';

describe('bidi controls are balanced within a field', () => {
  it.each([
    ['no controls', 'التحالف الدولي'],
    ['marks only (LRM, RLM, ALM)', 'F-16\u200E و\u200F\u061C'],
    ['a closed override', 'قبل \u202Eabc\u202C بعد'],
    ['a closed embedding inside a closed isolate', '\u2067x \u202Aabc\u202C y\u2069'],
    ['an isolate whose PDI also closes an embedding left open inside it', '\u2068\u202Babc\u2069'],
    ['nested isolates', '\u2066a \u2067ب\u2069 c\u2069'],
  ])('accepts %s', (_label, text) => {
    expect(bidiProblems(text)).toEqual([]);
  });

  it.each([
    ['an override left open', 'abc\u202E def', ['bidi control U+202E (RIGHT-TO-LEFT OVERRIDE) is not closed in this field; close it with U+202C (POP DIRECTIONAL FORMATTING) or remove it']],
    ['an isolate left open', '\u2067abc', ['bidi control U+2067 (RIGHT-TO-LEFT ISOLATE) is not closed in this field; close it with U+2069 (POP DIRECTIONAL ISOLATE) or remove it']],
    ['a PDF that would close an embedding outside its isolate', '\u202B\u2066x\u202C\u2069\u202C', ['bidi control U+202C (POP DIRECTIONAL FORMATTING) closes nothing opened in this field; remove it']],
    ['a stray PDI', 'abc\u2069', ['bidi control U+2069 (POP DIRECTIONAL ISOLATE) closes nothing opened in this field; remove it']],
    [
      'two openers left open, each named',
      '\u202D\u2068abc',
      [
        'bidi control U+202D (LEFT-TO-RIGHT OVERRIDE) is not closed in this field; close it with U+202C (POP DIRECTIONAL FORMATTING) or remove it',
        'bidi control U+2068 (FIRST STRONG ISOLATE) is not closed in this field; close it with U+2069 (POP DIRECTIONAL ISOLATE) or remove it',
      ],
    ],
  ])('rejects %s', (_label, text, problems) => {
    expect(bidiProblems(text)).toEqual(problems);
  });
});

describe('drawable characters', () => {
  it('accepts Arabic with marks, joiners, Latin and punctuation', () => {
    expect(glyphProblems('بَّ\u200Dب\u200Cب — F-16 «نحو» 5,000 (é)')).toEqual([]);
  });

  it('names each undrawable character once, visible ones quoted, invisible ones by number only', () => {
    expect(glyphProblems('😀 中 😀 \u2028')).toEqual([
      'character U+1F600 "😀" cannot be drawn by any embedded font',
      'character U+4E2D "中" cannot be drawn by any embedded font',
      'character U+2028 cannot be drawn by any embedded font',
    ]);
  });

  it('checks the fields the briefs print, not English labels or editors\' reasoning', () => {
    for (const key of ['name_ar', 'description_ar', 'quote', 'qualifier', 'as_said', 'title', 'title_ar', 'note_ar']) {
      expect(isPrintedField(key), key).toBe(true);
    }
    for (const key of ['label', 'reasoning', 'published_reasoning', 'id', 'file', 'iso']) {
      expect(isPrintedField(key), key).toBe(false);
    }
  });

  it('applies to a source title and not to a label, in a real validation run', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'briefs-hostile-rules-'));
    try {
      const yaml = (await readFile(path.join(baseFixture, 'dataset.yaml'), 'utf8'))
        .replace('    title: unknown\n', '    title: عنوان 🙂\n')
        .replace('    name_ar: التحالف الدولي\n', '    name_ar: التحالف الدولي\n    label: Coalition 🙂\n');
      await writeFile(path.join(dir, 'dataset.yaml'), yaml);
      const issues = validateDataset(await loadDataset(dir, { displayRoot: dir })).map(formatIssue);
      expect(issues).toEqual(['dataset.yaml:7:12 sources[0].title: character U+1F642 "🙂" cannot be drawn by any embedded font']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('encodings', () => {
  const text = 'as_of: 2021-08-23\ntitle_ar: التحالف\n';

  it('reads UTF-16 with a byte-order mark, little- and big-endian', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    expect(decodeText(le)).toEqual({ ok: true, text });
    expect(decodeText(be)).toEqual({ ok: true, text });
  });

  it('refuses a UTF-16 byte-order mark followed by broken UTF-16', () => {
    expect(decodeText(Buffer.from([0xff, 0xfe, 0x61]))).toEqual({
      ok: false,
      line: 1,
      column: 1,
      message: 'starts with a UTF-16 byte-order mark but is not valid UTF-16LE; save the file as UTF-8',
    });
  });

  it('names Windows-1256 only when the bytes read as Arabic in it', () => {
    const latin1 = Buffer.from('note: caf\xe9\n', 'latin1');
    expect(decodeText(latin1)).toMatchObject({ ok: false, message: 'is not valid UTF-8 (byte 0xE9 at offset 9); save the file as UTF-8' });
  });
});

describe('why open bidi controls are refused', () => {
  // The typesetter lays out each paragraph with the Unicode bidi algorithm, and a cell's paragraph
  // holds several fields. This pins what validation prevents: an override left open in one field
  // reverses the Latin text of the next field; closed in its own field, it does not.
  const render = async (description: string) => {
    const { typesetDocument } = await import('../../src/typeset/index.js');
    const { pdftotextPages } = await import('../support/pdfText.js');
    const { bytes } = await typesetDocument({
      title: 'bidi',
      subject: 'bidi',
      author: 'hostile',
      keywords: [],
      asOf: '2021-08-23',
      footerNote: 'x',
      digits: 'latn',
      blocks: [{ kind: 'paragraph', content: [{ text: description }, { text: ' — Camp Taji' }] }],
    });
    return pdftotextPages(bytes).join('\n');
  };

  it('an open U+202E reverses the neighbouring field; a closed one leaves it alone', async () => {
    expect(await render('قبل \u202Eabc')).toContain('ijaT pmaC');
    const closed = await render('قبل \u202Eabc\u202C');
    expect(closed).toContain('Camp Taji');
    expect(closed).not.toContain('ijaT pmaC');
  });
});

describe('a table row taller than a page', () => {
  // pdfmake drops a row it was told to keep whole (dontBreakRows) when the row cannot fit on a page:
  // the PDF would build without it. Such a table lets its rows break instead (src/typeset/blocks.ts).
  it('comes out whole, across pages', async () => {
    const { typesetDocument } = await import('../../src/typeset/index.js');
    const { pdftotextPages } = await import('../support/pdfText.js');
    const { bytes } = await typesetDocument({
      title: 'long row',
      subject: 'long row',
      author: 'hostile',
      keywords: [],
      asOf: '2021-08-23',
      footerNote: 'x',
      digits: 'latn',
      blocks: [{ kind: 'table', header: [], rows: [[{ content: [{ text: 'كلمة '.repeat(1500) }] }, { content: [{ text: 'بداية' }] }]] }],
    });
    const text = pdftotextPages(bytes).join('\n');
    expect(text.match(/كلمة/g)?.length ?? 0).toBe(1500);
  });
});

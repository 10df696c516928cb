import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../src/load/decodeUtf8.js';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

describe('decodeUtf8', () => {
  it('decodes valid UTF-8, Arabic included', () => {
    expect(decodeUtf8(bytes('name_ar: التحالف\n'))).toEqual({ ok: true, text: 'name_ar: التحالف\n' });
  });

  it('locates the first invalid byte by line and column (in characters, not bytes)', () => {
    expect(decodeUtf8(bytes('a: 1\nname_ar: تح', [0xff], 'x\n'))).toEqual({ ok: false, line: 2, column: 12, byteOffset: 18, byte: 0xff });
  });

  it('catches a sequence cut off at the end of the file', () => {
    const text = bytes('x: ت').subarray(0, -1); // drop the last byte of a two-byte letter
    expect(decodeUtf8(text)).toMatchObject({ ok: false, line: 1, column: 4, byteOffset: 3 });
  });

  it('rejects overlong encodings and surrogates', () => {
    expect(decodeUtf8(Buffer.from([0x61, 0xc0, 0xaf]))).toMatchObject({ ok: false, byteOffset: 1 });
    expect(decodeUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toMatchObject({ ok: false, byteOffset: 0 });
  });
});

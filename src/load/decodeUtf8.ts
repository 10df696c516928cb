/**
 * Strict UTF-8 decoding that says *where* a file stops being UTF-8, so the editor gets a
 * file:line:column like any other data error instead of a decoder exception.
 */
export type DecodeResult =
  | { ok: true; text: string }
  | { ok: false; line: number; column: number; byteOffset: number; byte: number };

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decodeUtf8(bytes: Uint8Array): DecodeResult {
  try {
    return { ok: true, text: strict.decode(bytes) };
  } catch {
    const byteOffset = firstInvalidByte(bytes);
    // Everything before the bad byte is valid, so it can be decoded to count lines and columns.
    const before = strict.decode(bytes.subarray(0, byteOffset));
    const lines = before.split('\n');
    const lastLine = lines[lines.length - 1] ?? '';
    return {
      ok: false,
      line: lines.length,
      column: [...lastLine].length + 1,
      byteOffset,
      byte: bytes[byteOffset] ?? 0,
    };
  }
}

/** Offset of the first byte that does not begin or continue a well-formed UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    if (length > 1 && !isWellFormed(bytes.subarray(i, i + length))) return i;
    i += length;
  }
  return bytes.length;
}

function isWellFormed(sequence: Uint8Array): boolean {
  try {
    strict.decode(sequence);
    return true;
  } catch {
    return false;
  }
}

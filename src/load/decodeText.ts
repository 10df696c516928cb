import { decodeUtf8 } from './decodeUtf8.js';

/**
 * Turns a data file's bytes into text, or into one message an editor can act on.
 *
 * YAML 1.2 streams may be UTF-8 or UTF-16 (§5.2): a UTF-16 file with a byte-order mark (what
 * Windows Notepad saves as "Unicode") is decoded as such. Anything else must be UTF-8; a file
 * that is not says where it stops being UTF-8, and names the likely encoding when it looks like
 * Windows-1256 Arabic or UTF-16 without a byte-order mark.
 */
export type DecodedText =
  | { ok: true; text: string }
  | { ok: false; line: number; column: number; message: string };

const SAVE_AS_UTF8 = 'save the file as UTF-8';

export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0x00, 0x00, 0xfe, 0xff]) || startsWith(bytes, [0xff, 0xfe, 0x00, 0x00])) {
    return { ok: false, line: 1, column: 1, message: `is UTF-32, which is not supported; ${SAVE_AS_UTF8}` };
  }
  const utf16 = startsWith(bytes, [0xff, 0xfe]) ? 'utf-16le' : startsWith(bytes, [0xfe, 0xff]) ? 'utf-16be' : undefined;
  if (utf16 !== undefined) {
    try {
      const text = new TextDecoder(utf16, { fatal: true, ignoreBOM: false }).decode(bytes);
      return { ok: true, text };
    } catch {
      return { ok: false, line: 1, column: 1, message: `starts with a UTF-16 byte-order mark but is not valid ${utf16.toUpperCase()}; ${SAVE_AS_UTF8}` };
    }
  }

  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    const hex = decoded.byte.toString(16).toUpperCase().padStart(2, '0');
    const hint = looksLikeWindows1256(bytes) ? '; the file looks like Windows-1256 (Arabic)' : '';
    return {
      ok: false,
      line: decoded.line,
      column: decoded.column,
      message: `is not valid UTF-8 (byte 0x${hex} at offset ${decoded.byteOffset}${hint}); ${SAVE_AS_UTF8}`,
    };
  }
  const nul = decoded.text.indexOf('\u0000');
  if (nul >= 0) {
    // NUL is valid UTF-8 but never appears in a text file: usually UTF-16 saved without a byte-order mark.
    const before = decoded.text.slice(0, nul).split('\n');
    return {
      ok: false,
      line: before.length,
      column: [...before[before.length - 1]!].length + 1,
      message: `contains a NUL byte (is it UTF-16 without a byte-order mark?); ${SAVE_AS_UTF8}`,
    };
  }
  return { ok: true, text: decoded.text };
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** True when most non-ASCII bytes read as Arabic letters in Windows-1256 (the legacy Arabic code page). */
function looksLikeWindows1256(bytes: Uint8Array): boolean {
  const text = new TextDecoder('windows-1256').decode(bytes);
  const nonAscii = [...text].filter((char) => char.codePointAt(0)! > 0x7f);
  const arabic = nonAscii.filter((char) => /\p{Script=Arabic}/u.test(char));
  return nonAscii.length > 0 && arabic.length / nonAscii.length >= 0.6;
}

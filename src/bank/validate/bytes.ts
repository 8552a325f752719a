/**
 * Step 1, before anything is parsed: the size of the file and its encoding (UTF-8; a
 * UTF-8 byte order mark is dropped, UTF-16 is refused).
 */
import { BANK_LIMITS } from '../limits.js';
import type { Problem } from './problems.js';

/**
 * The bank's text, or the one problem that stops it from being read as text. `size`: the
 * file's real size when known (the bytes read stop just past the limit).
 */
export function decodeBankBytes(bytes: Uint8Array, path: string, size?: number): { source: string } | { problem: Problem } {
  if (bytes.length > BANK_LIMITS.maxBytes) return { problem: tooLarge(path, size !== undefined && size > BANK_LIMITS.maxBytes ? size : undefined) };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { problem: { path, line: 1, column: 1, message: 'the file is UTF-16 text; save it as UTF-8' } };
  }
  try {
    // The default `ignoreBOM: false` drops a leading UTF-8 byte order mark.
    return { source: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { problem: invalidUtf8(bytes, path) };
  }
}

/**
 * The problem of a file larger than a bank may be, with its real size when known (a
 * device that never ends has none). An assessment uses one bank file, so the advice is to
 * shorten it, not to split it.
 */
export function tooLarge(path: string, bytes: number | undefined): Problem {
  const limit = `the ${BANK_LIMITS.maxBytes / (1024 * 1024)} MB (${BANK_LIMITS.maxBytes} bytes) a bank file may hold`;
  const size = bytes === undefined ? `holds more than ${limit}` : `is ${bytes} bytes (${(bytes / (1024 * 1024)).toFixed(1)} MB), more than ${limit}`;
  return { path, line: 1, column: 1, message: `the file ${size}; shorten it (help texts and action details are most of a bank)` };
}

/** Where the first byte that is not UTF-8 is, as line and column of the text before it. */
function invalidUtf8(bytes: Uint8Array, path: string): Problem {
  const offset = firstInvalidUtf8(bytes);
  let lineStart = 0;
  let line = 1;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
  const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  return {
    path,
    line,
    column: before.length + 1,
    message: `the file is not valid UTF-8 here (byte 0x${byte}); save it as UTF-8`,
  };
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    if (i + need >= bytes.length) return i; // cut short at the end of the file
    let code = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}

/**
 * The SHA-256 and size of an evidence file, read at once (the TUI's evidence form adds
 * the evidence when Save is pressed, and says there and then when the file cannot be
 * read). Reads the file in 1 MiB pieces, so a large file never sits in memory; only the
 * hash and size reach the workbook. The streaming, asynchronous twin for commands is
 * `fingerprintFile` (evidence-files.ts).
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { EvidenceFileError, type FileFingerprint } from './evidence-files.js';

const PIECE = 1 << 20;

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder; give one file';
  return (error as Error).message;
}

/** The fingerprint of the file at `path` (absolute); throws EvidenceFileError saying why it cannot be read. */
export function fingerprintFileNow(path: string): FileFingerprint {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new EvidenceFileError(reasonOf(error));
  }
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) throw new EvidenceFileError('it is a folder; give one file');
    if (!info.isFile()) throw new EvidenceFileError('it is not a regular file');
    const hash = createHash('sha256');
    const buffer = Buffer.allocUnsafe(PIECE);
    let size = 0;
    for (;;) {
      const n = readSync(fd, buffer, 0, PIECE, null);
      if (n === 0) break;
      hash.update(buffer.subarray(0, n));
      size += n;
    }
    return { sha256: hash.digest('hex'), size };
  } catch (error) {
    throw error instanceof EvidenceFileError ? error : new EvidenceFileError(reasonOf(error));
  } finally {
    closeSync(fd);
  }
}

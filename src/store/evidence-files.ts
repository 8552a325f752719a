/**
 * Evidence files (issue 18): the SHA-256 and size of a file when evidence is added, and
 * later whether each accepted file still has them ("evidence changed since it was
 * accepted"). Only the hash and size are kept in the workbook, never the file's content,
 * and a file is read in pieces, so a large export never sits in memory.
 *
 * Each step comes twice: asynchronous (streamed) for the commands, and at once for the
 * TUI, which hashes a file when Save is pressed in the evidence form and checks an
 * answer's files when its evidence is listed. Both say why a file cannot be read in the
 * same words (EvidenceFileError).
 */
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { FileChecks } from '../core/evidence-report.js';
import type { Evidence } from '../core/workbook-schema.js';

export interface FileFingerprint {
  sha256: string;
  size: number;
}

/** Why a file cannot be hashed, in words for a message ("no such file"). */
export class EvidenceFileError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'EvidenceFileError';
  }
}

const PIECE = 1 << 20;

function reasonOf(error: unknown): string {
  if (error instanceof EvidenceFileError) return error.reason;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder; give one file';
  return (error as Error).message;
}

/** Refuses what is not one regular file. */
function checkRegular(info: Stats): void {
  if (info.isDirectory()) throw new EvidenceFileError('it is a folder; give one file');
  if (!info.isFile()) throw new EvidenceFileError('it is not a regular file');
}

/** The SHA-256 (hex) and size in bytes of the file at `path` (absolute), streamed. */
export async function fingerprintFile(path: string): Promise<FileFingerprint> {
  try {
    checkRegular(await stat(path));
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of createReadStream(path, { highWaterMark: PIECE })) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
    return { sha256: hash.digest('hex'), size };
  } catch (error) {
    throw new EvidenceFileError(reasonOf(error));
  }
}

/** The same, read at once in 1 MiB pieces (the TUI: the form says there and then when the file cannot be read). */
export function fingerprintFileNow(path: string): FileFingerprint {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new EvidenceFileError(reasonOf(error));
  }
  try {
    checkRegular(fstatSync(fd));
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
    throw new EvidenceFileError(reasonOf(error));
  } finally {
    closeSync(fd);
  }
}

/** The accepted evidence files: the ones whose content is checked (links are not). */
const checked = (evidence: readonly Evidence[] | undefined) => (evidence ?? []).filter((e) => e.path !== undefined && e.status === 'accepted');

const verdict = (e: Evidence, now: FileFingerprint): 'changed' | undefined => (now.sha256 !== e.sha256 || now.size !== e.size ? 'changed' : undefined);

/**
 * Each accepted evidence file that no longer matches what was recorded: changed (another
 * hash or size) or missing (cannot be read here). Links are not checked.
 */
export async function checkEvidenceFiles(evidence: readonly Evidence[] | undefined): Promise<FileChecks> {
  const checks = new Map<string, 'changed' | 'missing'>();
  for (const e of checked(evidence)) {
    try {
      if (verdict(e, await fingerprintFile(e.path!))) checks.set(e.id, 'changed');
    } catch {
      checks.set(e.id, 'missing');
    }
  }
  return checks;
}

/** The same, at once (the TUI, for the few items of one answer). */
export function checkEvidenceFilesNow(evidence: readonly Evidence[] | undefined): FileChecks {
  const checks = new Map<string, 'changed' | 'missing'>();
  for (const e of checked(evidence)) {
    try {
      if (verdict(e, fingerprintFileNow(e.path!))) checks.set(e.id, 'changed');
    } catch {
      checks.set(e.id, 'missing');
    }
  }
  return checks;
}

/**
 * Evidence files (issue 18): the SHA-256 and size of a file when evidence is added, and
 * later whether each file still has them. Only the hash and size are kept in the
 * workbook, never the file's content. Streams the file, so a large export does not sit
 * in memory.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { FileChecks } from '../core/evidence-report.js';
import type { Evidence } from '../core/workbook-schema.js';

export interface FileFingerprint {
  sha256: string;
  size: number;
}

/** Why a file cannot be hashed, in words for a message ("no such file"), or null once hashed. */
export class EvidenceFileError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'EvidenceFileError';
  }
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return (error as Error).message;
}

/** The SHA-256 (hex) and size in bytes of the file at `path` (absolute). */
export async function fingerprintFile(path: string): Promise<FileFingerprint> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new EvidenceFileError(reasonOf(error));
  }
  if (info.isDirectory()) throw new EvidenceFileError('it is a folder; give one file');
  if (!info.isFile()) throw new EvidenceFileError('it is not a regular file');
  const hash = createHash('sha256');
  let size = 0;
  try {
    for await (const chunk of createReadStream(path)) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
  } catch (error) {
    throw new EvidenceFileError(reasonOf(error));
  }
  return { sha256: hash.digest('hex'), size };
}

/**
 * Each accepted evidence file that no longer matches what was recorded: changed (another
 * hash or size) or missing (cannot be read here). Links are not checked.
 */
export async function checkEvidenceFiles(evidence: readonly Evidence[] | undefined): Promise<FileChecks> {
  const checks = new Map<string, 'changed' | 'missing'>();
  for (const e of evidence ?? []) {
    if (e.path === undefined || e.status !== 'accepted') continue;
    try {
      const now = await fingerprintFile(e.path);
      if (now.sha256 !== e.sha256 || now.size !== e.size) checks.set(e.id, 'changed');
    } catch {
      checks.set(e.id, 'missing');
    }
  }
  return checks;
}

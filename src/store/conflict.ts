/**
 * Two versions of one workbook: another program changed the file while this cxray had
 * it open. Neither is ever lost: whichever the user does not keep as the workbook is
 * first written beside it as `<workbook>.conflict-<time>.json` (0600, created whole or
 * not at all, never over an existing file; two in one second get -2, -3 ...).
 */
import { resolve } from 'node:path';
import type { Workbook } from '../core/workbook-schema.js';
import { createFileAtomic, createFileAtomicSync, fileTimestamp, numberedNames, type StoreFs } from './atomic-file.js';

/** The other program's file, as read when the conflict was found (or again at a choice). */
export interface TheirFile {
  /** When it was last modified. */
  modifiedAt: Date;
  /** The workbook, when it is a valid one this cxray can open. */
  workbook?: Workbook;
  /** Why it cannot be opened, with its place ("cxray.json:3:14: not valid JSON ..."), when it cannot. */
  problem?: string;
}

/**
 * What a store does when the file changed under it: 'ask' (the TUI: saving stops until
 * `reloadTheirs()` or `keepMine()`, and `close()` keeps this session's workbook in a
 * conflict copy), 'refuse' (a command: it fails, nothing is written anywhere).
 */
export type ConflictPolicy = 'ask' | 'refuse';

/**
 * Thrown by a save that finds the workbook on disk is no longer the file this cxray last
 * read or wrote (device, inode, size, modification time): another program changed or
 * replaced it. Nothing is written.
 */
export class WorkbookChangedOnDisk extends Error {
  constructor(displayPath: string) {
    super(conflictMessage(displayPath));
    this.name = 'WorkbookChangedOnDisk';
  }
}

/** The names to try for a conflict copy of the workbook at `realPath`. */
export function conflictCopyNames(realPath: string, at = new Date()): Generator<string> {
  return numberedNames(`${realPath}.conflict-${fileTimestamp(at)}.json`);
}

/** Writes `bytes` as a new conflict copy beside the workbook; returns its path. */
export function writeConflictCopy(fs: StoreFs, realPath: string, bytes: Uint8Array, at = new Date()): Promise<string> {
  return createFileAtomic(fs, conflictCopyNames(realPath, at), bytes);
}

/** The same, synchronously (the process is exiting). */
export function writeConflictCopySync(realPath: string, bytes: Uint8Array, at = new Date()): string {
  return createFileAtomicSync(conflictCopyNames(realPath, at), bytes);
}

/** A file beside the workbook as messages name it: beside the path the user gave, when that is the file itself. */
export function shownBeside(displayPath: string, realPath: string, path: string): string {
  return resolve(displayPath) === realPath && path.startsWith(realPath) ? displayPath + path.slice(realPath.length) : path;
}

/** The footer's sentence while the TUI asks what to do. */
export function conflictMessage(displayPath: string): string {
  return `${displayPath} was changed by another program while open here; cxray stopped saving so as not to overwrite it, and keeps your answers in memory.`;
}

/** A command's error: nothing was written. */
export function refusedMessage(displayPath: string): string {
  return `${displayPath} was changed by another program after cxray read it; nothing was written and their version is left as it is: run the command again.`;
}

/** close() during a conflict: theirs is the workbook, this session's is in `copy`. */
export function closedInConflictMessage(displayPath: string, copy: string, since: string): string {
  return `${displayPath} was changed by another program while open here and is left as they wrote it; your changes${since} are NOT in it but in ${copy}, a whole workbook: open either with \`cxray --db\` to compare, and put the one to keep in place of ${displayPath}.`;
}

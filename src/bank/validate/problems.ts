/**
 * Locating problems: every problem of a bank file is recorded with the 1-based line and
 * column its offset falls on, and all of them are reported at once, sorted.
 */
import type { LineCounter } from 'yaml';
import type { Bank } from '../../core/bank-schema.js';

/** One thing wrong in a bank file. `line` and `column` are 1-based. */
export interface Problem {
  path: string;
  line: number;
  column: number;
  message: string;
}

/**
 * What validating a bank found: the bank when there were no problems. Warnings (a
 * reference's title that differs from the control catalogue's) never make a bank invalid.
 */
export interface BankValidation {
  bank?: Bank;
  problems: Problem[];
  warnings?: Problem[];
}

/** Path segments from the document's root to a value, as zod reports them. */
export type DataPath = readonly PropertyKey[];

/** Stops the checks when going on would be pointless or unsafe; the problem is already recorded. */
export class Refused extends Error {}

/** Collects problems of one file, turning offsets into line and column. */
export class ProblemList {
  readonly list: Problem[] = [];
  readonly warnings: Problem[] = [];
  constructor(
    readonly path: string,
    private readonly source: string,
    private readonly lines: LineCounter,
  ) {}

  at(offset: number, message: string): void {
    this.list.push(this.locate(offset, message));
  }

  /** Records a warning: shown by `cxray validate`, never a reason to refuse the bank. */
  warn(offset: number, message: string): void {
    this.warnings.push(this.locate(offset, message));
  }

  private locate(offset: number, message: string): Problem {
    const clamped = Math.max(0, Math.min(Number.isFinite(offset) ? offset : 0, this.source.length));
    const { line, col } = this.lines.linePos(clamped);
    return { path: this.path, line, column: col, message };
  }

  /** The 1-based line of an offset. */
  lineOf(offset: number): number {
    return this.lines.linePos(Math.max(0, Math.min(offset, this.source.length))).line;
  }

  /** Records a problem and stops the checks. */
  refuse(offset: number, message: string): never {
    this.at(offset, message);
    throw new Refused(message);
  }
}

/** The problems once each, in the order of the file. */
export function sortProblems(list: Problem[]): Problem[] {
  const seen = new Set<string>();
  return list
    .filter((p) => {
      const key = `${p.line}:${p.column}:${p.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.line - b.line || a.column - b.column);
}

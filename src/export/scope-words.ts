/**
 * What the report calls the things an assessment walks, from the bank (`scope:`), and how
 * it names a level (`levels:`): the exports say "3 teams" and "Ad hoc (exposure 3 of 4)"
 * for a bank that says so, "3 journeys" and "level 3" otherwise. Bank text: the caller
 * escapes it for its target. Pure.
 */
import { capitalised } from '../core/bank-words.js';
import type { Report } from '../core/report-schema.js';

export interface ScopeWords {
  /** "journey" */
  one: string;
  /** "journeys" */
  many: string;
  /** "Journey" */
  One: string;
  /** "Journeys" */
  Many: string;
  /** "1 journey", "3 journeys" */
  count(n: number): string;
}

export function scopeWords(report: Pick<Report, 'bank'>): ScopeWords {
  const { singular, plural } = report.bank.scope;
  return {
    one: singular,
    many: plural,
    One: capitalised(singular),
    Many: capitalised(plural),
    count: (n) => `${n} ${n === 1 ? singular : plural}`,
  };
}

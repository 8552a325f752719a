/**
 * An answer's evidence in a few words, for the walk and the answers behind a score:
 * how many items, and what they do for the answer today.
 */
import type { EvidenceStanding } from '../core/evidence.js';

/**
 * "evidence 2, verified"; "evidence 1, expired"; "evidence 1, not counting" (rejected, or
 * for another option than the one the answer holds); '' without evidence.
 */
export function evidenceWords(count: number, standing: EvidenceStanding): string {
  if (count === 0) return '';
  return `evidence ${count}, ${standing === 'current' ? 'verified' : standing === 'lapsed' ? 'expired' : 'not counting'}`;
}

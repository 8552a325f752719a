/**
 * Stable ids for plan items: the id a ticket carries so that a re-export updates the
 * ticket it made before instead of making another, and a tracker's status can be
 * brought back. An id is made from what does not change between cycles, the assessment
 * and the action, and from nothing that does (rank, horizon, title, risk):
 *
 *   CX-<assessment code>-<action>
 *
 * The assessment code is six characters (base 32) of a 32-bit FNV-1a hash of the
 * assessment's id, so that two assessments exported into one tracker never share ids
 * while the id stays short enough for a label. The action is the bank's action id
 * (lowercase letters, digits, hyphens); a generated discovery action `find-out:<q>` is
 * written `find-out.<q>`, since a colon means a search qualifier in GitHub's search and
 * a dot can appear in no bank id. The id holds no space, so it is a valid Jira label. Pure.
 */

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/** FNV-1a, 32 bits, over the UTF-8 bytes of `text`. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** Six base-32 characters naming an assessment in its plan item ids. */
export function assessmentCode(assessmentId: string): string {
  // Every plan item and request id of a report names the same assessment: hash it once.
  if (assessmentId === lastCode.id) return lastCode.code;
  let hash = fnv1a(assessmentId) >>> 2; // 30 bits: six characters of five bits
  let code = '';
  for (let i = 0; i < 6; i++) {
    code = ALPHABET[hash & 31] + code;
    hash >>>= 5;
  }
  lastCode = { id: assessmentId, code };
  return code;
}

let lastCode = { id: '', code: '' };

/** The stable id of the plan item for `actionId` in the assessment `assessmentId`. */
export function planItemId(assessmentId: string, actionId: string): string {
  return `CX-${assessmentCode(assessmentId)}-${actionId.replace(/:/g, '.')}`;
}

/** What a stable id names: the assessment code and the action id, or null for text that is no such id. */
export function parsePlanItemId(id: string): { code: string; actionId: string } | null {
  const match = /^CX-([a-z2-7]{6})-([a-z0-9][a-z0-9.-]*)$/.exec(id.trim());
  if (!match) return null;
  return { code: match[1]!, actionId: match[2]!.replace(/\./g, ':') };
}

/** A stable id anywhere in a text (a label list, a description): the first one found. */
export function findPlanItemId(text: string): string | null {
  const match = /\bCX-[a-z2-7]{6}-[a-z0-9][a-z0-9.-]*[a-z0-9]/.exec(text);
  return match ? match[0] : null;
}

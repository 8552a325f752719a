/**
 * Three versions of one workbook: `base` (the file as this session last read or wrote
 * it), `mine` (this session's, with changes not saved) and `theirs` (what another program
 * saved meanwhile). `reapplyMine` is theirs with each of my changes since base that they
 * did not touch: a change is one answer (journey and question), organisation answer,
 * journey, system, integration, plan status, control claim or snapshot, added, changed
 * or removed, or one field of an assessment (its name, its plan capacity, its sign-off
 * ...), or a whole assessment added or removed. Where both sides changed the same thing
 * differently, theirs stays and the change is counted as conflicting. Pure: no I/O.
 */
import { integrityProblems } from './workbook-integrity.js';
import { WorkbookSchema, type Assessment, type Workbook } from './workbook-schema.js';

export interface Reapplied {
  workbook: Workbook;
  /** My changes carried into theirs. */
  applied: number;
  /** My changes left out because theirs changed the same thing. */
  conflicting: number;
}

/** How the entries of each keyed list of an assessment are told apart. */
const LIST_KEYS: Record<string, (entry: Record<string, unknown>) => string> = {
  journeys: (e) => String(e.id),
  systems: (e) => String(e.id),
  integrations: (e) => String(e.id),
  answers: (e) => `${String(e.journeyId)}\u0000${String(e.questionId)}`,
  organisationAnswers: (e) => String(e.questionId),
  planStatus: (e) => String(e.actionId),
  controlClaims: (e) => `${String(e.framework)}\u0000${String(e.controlId)}`,
  snapshots: (e) => String(e.id),
  evidence: (e) => String(e.id),
  evidenceRequests: (e) => String(e.id),
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

interface Tally {
  applied: number;
  conflicting: number;
}

/** One value three ways: mine where only I changed it, else theirs. */
function pick<T>(base: T, mine: T, theirs: T, tally: Tally): T {
  if (same(mine, base) || same(mine, theirs)) return theirs;
  if (same(theirs, base)) {
    tally.applied += 1;
    return mine;
  }
  tally.conflicting += 1;
  return theirs;
}

/** A keyed list three ways, entry by entry: theirs' order, my additions after. */
function mergeList<T>(key: (entry: T) => string, base: readonly T[], mine: readonly T[], theirs: readonly T[], tally: Tally): T[] {
  const index = (list: readonly T[]) => new Map(list.map((e) => [key(e), e]));
  const b = index(base);
  const m = index(mine);
  const t = index(theirs);
  const out: T[] = [];
  for (const [k, entry] of t) {
    const merged = pick(b.get(k), m.get(k), entry, tally);
    if (merged !== undefined) out.push(merged);
  }
  for (const [k, entry] of m) {
    if (t.has(k)) continue;
    const merged = pick(b.get(k), entry, undefined, tally);
    if (merged !== undefined) out.push(merged);
  }
  return out;
}

function mergeAssessment(base: Assessment | undefined, mine: Assessment | undefined, theirs: Assessment | undefined, tally: Tally): Assessment | undefined {
  // Added or removed whole, or missing on one side: the assessment is one value.
  if (!base || !mine || !theirs) return pick(base, mine, theirs, tally);
  const out: Record<string, unknown> = {};
  const fields = new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)]);
  for (const field of fields) {
    const [b, m, t] = [base, mine, theirs].map((a) => (a as unknown as Record<string, unknown>)[field]);
    const key = LIST_KEYS[field];
    const value = key && (Array.isArray(m) || Array.isArray(t)) ? mergeList(key, (b ?? []) as Record<string, unknown>[], (m ?? []) as Record<string, unknown>[], (t ?? []) as Record<string, unknown>[], tally) : pick(b, m, t, tally);
    if (value !== undefined) out[field] = value;
  }
  return out as unknown as Assessment;
}

/**
 * Theirs with my changes since base where they do not conflict. When the result would not
 * be a valid workbook (my answer to a journey they removed, say), theirs is returned as
 * it is and every change counts as conflicting.
 */
export function reapplyMine(base: Workbook, mine: Workbook, theirs: Workbook): Reapplied {
  const tally: Tally = { applied: 0, conflicting: 0 };
  const assessments: Assessment[] = [];
  const byId = (w: Workbook) => new Map(w.assessments.map((a) => [a.id, a]));
  const [b, m, t] = [byId(base), byId(mine), byId(theirs)];
  for (const [id, a] of t) {
    const merged = mergeAssessment(b.get(id), m.get(id), a, tally);
    if (merged) assessments.push(merged);
  }
  for (const [id, a] of m) {
    if (t.has(id)) continue;
    const merged = mergeAssessment(b.get(id), a, undefined, tally);
    if (merged) assessments.push(merged);
  }
  if (tally.applied === 0) return { workbook: theirs, ...tally };
  const workbook: Workbook = { ...theirs, assessments };
  const check = WorkbookSchema.safeParse(workbook);
  if (!check.success || integrityProblems(check.data).length > 0) return { workbook: theirs, applied: 0, conflicting: tally.applied + tally.conflicting };
  return { workbook, ...tally };
}

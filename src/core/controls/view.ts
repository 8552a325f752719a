/**
 * The controls view: for each control a bank cites, the questions that test it in
 * practice, the answers they got across the journeys (an organisation answer counted
 * once), the control's exposure and visibility, and a verdict: holds, exposed or unknown
 * in practice, or not tested. With claims (what the audit says), the controls the audit
 * passed that the answers show exposed come first. Pure: bank, report and claims in.
 *
 * The figures follow the scoring model (SCORING.md, docs/scoring.md "Controls"):
 * e = L / 4 for an option, 1 for unknown; k = 1 verified, 0.5 reported, 0.25 disputed,
 * 0 unknown; exposure = 100 x sum(w e) / sum(w), visibility = 100 x sum(w k) / sum(w)
 * over the asked answers (option or unknown) to the questions citing the control.
 */
import type { Bank, Question } from '../bank-schema.js';
import type { Confidence } from '../workbook-schema.js';
import type { Report, ReportAnswer } from '../report-schema.js';
import { FRAMEWORKS, findControl, controlsOf, type Framework } from './catalogue.js';
import type { ClaimStatus, ControlClaim } from './claims.js';
import type { ControlAnswer, ControlFinding, ControlPlanItem } from './view-schema.js';
import { VERDICTS, type Verdict } from './verdicts.js';

/** An answer at this level or above makes a control exposed in practice. */
export const EXPOSED_LEVEL = 3;
/** A control that is not exposed holds in practice only with no unknown answer and visibility at least this. */
export const HOLDS_MIN_VISIBILITY = 50;

export type { ControlAnswer, ControlFinding, ControlPlanItem } from './view-schema.js';
export { VERDICTS, type Verdict } from './verdicts.js';

export const VERDICT_LABELS: Record<Verdict, string> = {
  exposed: 'exposed in practice',
  unknown: 'unknown in practice',
  holds: 'holds in practice',
  'not-tested': 'not tested',
};

const K: Record<Confidence, number> = { verified: 1, reported: 0.5, disputed: 0.25 };

export interface ControlsView {
  frameworks: Framework[];
  /** Every control cited by the bank (and every claimed one), sorted by exposure. */
  controls: ControlFinding[];
  /** Claimed implemented, exposed in practice: the audit passed it, the answers show exposure. */
  claimedButExposed: ControlFinding[];
  counts: Record<Verdict, number>;
  /** How many claims the view holds (in the frameworks shown). */
  claims: number;
}

/** The verdict of a control from its asked answers (see the thresholds above). */
export function verdictOf(answers: readonly Pick<ControlAnswer, 'kind' | 'level' | 'confidence' | 'weight'>[]): Verdict {
  if (answers.length === 0) return 'not-tested';
  if (answers.some((a) => a.kind === 'option' && (a.level ?? 0) >= EXPOSED_LEVEL)) return 'exposed';
  if (answers.some((a) => a.kind === 'unknown')) return 'unknown';
  const visibility = figures(answers).visibility!;
  return visibility >= HOLDS_MIN_VISIBILITY ? 'holds' : 'unknown';
}

/** Exposure and visibility over asked answers; null when there are none. */
export function figures(answers: readonly Pick<ControlAnswer, 'kind' | 'level' | 'confidence' | 'weight'>[]): {
  exposure: number | null;
  visibility: number | null;
} {
  let w = 0;
  let we = 0;
  let wk = 0;
  for (const a of answers) {
    w += a.weight;
    we += a.weight * (a.kind === 'unknown' ? 1 : (a.level ?? 0) / 4);
    wk += a.weight * (a.kind === 'unknown' ? 0 : K[a.confidence ?? 'reported']);
  }
  return w === 0 ? { exposure: null, visibility: null } : { exposure: (100 * we) / w, visibility: (100 * wk) / w };
}

function key(framework: Framework, id: string): string {
  return `${framework}\u0000${id}`;
}

/** The journey fields of a report answer, whatever the report's model version writes. */
function whereOf(a: ReportAnswer): Pick<ControlAnswer, 'scope' | 'journeyId' | 'journeyName'> {
  if (a.scope === 'organisation') return { scope: 'organisation', journeyId: null, journeyName: null };
  return { scope: 'journey', journeyId: a.journeyId, journeyName: a.journeyName };
}

/** An organisation answer that holds for no journey counts nowhere (SCORING.md). */
function counts(a: ReportAnswer): boolean {
  return !(a.scope === 'organisation' && a.journeysHeld === 0);
}

/**
 * Builds the controls view of a report. `frameworks` limits it (default: all five);
 * `claims` are what the audit says (any claim outside `frameworks` is left out).
 */
export function buildControlsView(
  bank: Bank,
  report: Pick<Report, 'answers' | 'plan' | 'findOut'>,
  options: { frameworks?: readonly Framework[]; claims?: readonly ControlClaim[] } = {},
): ControlsView {
  const frameworks = options.frameworks && options.frameworks.length > 0 ? [...options.frameworks] : [...FRAMEWORKS];
  const shown = new Set(frameworks);
  const questionsById = new Map(bank.questions.map((q) => [q.id, q]));

  // The citing questions of every control, in bank order.
  const cited = new Map<string, { framework: Framework; id: string; questions: Question[] }>();
  for (const question of bank.questions) {
    for (const ref of question.references) {
      if (!shown.has(ref.framework)) continue;
      const k = key(ref.framework, ref.control);
      let entry = cited.get(k);
      if (!entry) cited.set(k, (entry = { framework: ref.framework, id: ref.control, questions: [] }));
      if (!entry.questions.includes(question)) entry.questions.push(question);
    }
  }
  const claims = new Map<string, ControlClaim>();
  for (const claim of options.claims ?? []) {
    if (!shown.has(claim.framework)) continue;
    claims.set(key(claim.framework, claim.controlId), claim);
    const k = key(claim.framework, claim.controlId);
    if (!cited.has(k)) cited.set(k, { framework: claim.framework, id: claim.controlId, questions: [] });
  }

  // Asked answers by question, each effective answer once.
  const answersByQuestion = new Map<string, ControlAnswer[]>();
  for (const a of report.answers) {
    if (a.kind === 'na' || !counts(a)) continue;
    const question = questionsById.get(a.questionId);
    if (!question) continue;
    const list = answersByQuestion.get(a.questionId) ?? [];
    list.push({
      questionId: a.questionId,
      questionPrompt: a.questionPrompt,
      dimensionId: a.dimensionId,
      weight: question.weight,
      ...whereOf(a),
      kind: a.kind,
      optionLabel: a.optionLabel,
      level: a.level,
      confidence: a.kind === 'option' ? (a.effectiveConfidence ?? 'reported') : null,
      risk: a.risk,
      note: a.note,
    });
    answersByQuestion.set(a.questionId, list);
  }

  // Plan items by the questions whose answers feed them.
  const planByQuestion = new Map<string, ControlPlanItem[]>();
  const addPlan = (items: readonly (Report['plan'][number] | Report['findOut'][number])[]) => {
    for (const item of items) {
      const entry: ControlPlanItem = {
        actionId: item.actionId,
        title: item.title,
        lane: item.kind === 'discovery' ? 'find-out' : 'fix',
        rank: item.rank,
        horizon: item.kind === 'discovery' ? null : item.horizon,
      };
      for (const questionId of new Set(item.reasons.map((r) => r.questionId))) {
        const list = planByQuestion.get(questionId) ?? [];
        list.push(entry);
        planByQuestion.set(questionId, list);
      }
    }
  };
  addPlan(report.plan);
  addPlan(report.findOut);

  const order = new Map<string, number>();
  for (const framework of frameworks) controlsOf(framework).forEach((c, i) => order.set(key(framework, c.id), i));

  const controls: ControlFinding[] = [...cited.values()].map(({ framework, id, questions }) => {
    const answers = questions.flatMap((q) => answersByQuestion.get(q.id) ?? []);
    answers.sort((a, b) => b.risk - a.risk || (b.level ?? 5) - (a.level ?? 5));
    const { exposure, visibility } = figures(answers);
    const levels = answers.filter((a) => a.kind === 'option').map((a) => a.level ?? 0);
    const plan = new Map<string, ControlPlanItem>();
    for (const q of questions) for (const p of planByQuestion.get(q.id) ?? []) plan.set(`${p.lane}:${p.actionId}`, p);
    const planItems = [...plan.values()].sort((a, b) => (a.lane === b.lane ? a.rank - b.rank : a.lane === 'fix' ? -1 : 1));
    const dimensions = bank.dimensions.map((d) => d.id).filter((d) => questions.some((q) => q.dimension === d));
    return {
      framework,
      controlId: id,
      title: findControl(framework, id)?.title ?? id,
      questions: questions.map((q) => ({ id: q.id, prompt: q.prompt, dimensionId: q.dimension })),
      dimensions,
      answers,
      exposure,
      visibility,
      risk: answers.reduce((sum, a) => sum + a.risk, 0),
      worstLevel: levels.length > 0 ? Math.max(...levels) : null,
      unknowns: answers.filter((a) => a.kind === 'unknown').length,
      verdict: verdictOf(answers),
      planItems,
      claim: claims.get(key(framework, id)) ?? null,
    };
  });

  const frameworkIndex = new Map(frameworks.map((f, i) => [f, i]));
  controls.sort(
    (a, b) =>
      (b.exposure ?? -1) - (a.exposure ?? -1) ||
      b.risk - a.risk ||
      frameworkIndex.get(a.framework)! - frameworkIndex.get(b.framework)! ||
      (order.get(key(a.framework, a.controlId)) ?? Infinity) - (order.get(key(b.framework, b.controlId)) ?? Infinity) ||
      a.controlId.localeCompare(b.controlId),
  );

  const countsByVerdict = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const c of controls) countsByVerdict[c.verdict]++;
  return {
    frameworks,
    controls,
    claimedButExposed: controls.filter((c) => c.claim?.status === 'implemented' && c.verdict === 'exposed'),
    counts: countsByVerdict,
    claims: claims.size,
  };
}

/** How many controls of each claim status the view holds. */
export function claimCounts(view: ControlsView): Record<ClaimStatus, number> {
  const out: Record<ClaimStatus, number> = { implemented: 0, partially: 0, 'not-implemented': 0, 'not-applicable': 0 };
  for (const c of view.controls) if (c.claim) out[c.claim.status]++;
  return out;
}

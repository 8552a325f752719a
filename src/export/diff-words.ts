/**
 * The words of a comparison between two cycles, shared by the terminal text, the
 * markdown and the TUI's compare screen: how a figure moved (better or worse, by how
 * much), what an answer was, why a plan item moved, why a control's verdict changed.
 * Figures are shown rounded, so the change shown is the difference of the rounded
 * figures (52 → 41 reads "better by 11" even when the unrounded change is 10.6). Pure.
 */
import { exposedLevelsWords, levelDetail, levelWords } from '../core/bank-words.js';
import { CLAIM_STATUS_LABELS } from '../core/controls/claims.js';
import { VERDICT_LABELS } from '../core/controls/view.js';
import type { VerdictChange, VerdictReason } from '../core/controls/view-schema.js';
import type { CycleDiff, Delta, DiffAnswer, DiffAnswerState, DiffEvidence } from '../core/diff-schema.js';
import type { Trend } from '../core/report-schema.js';

export type Verdict = 'better' | 'worse' | 'same' | 'new' | 'gone' | 'none';

export interface DeltaView {
  from: string;
  to: string;
  verdict: Verdict;
  /** The change in whole points, without sign; null when a side has no figure. */
  by: number | null;
}

const shown = (x: number | null) => (x === null ? '—' : String(Math.round(x)));

/**
 * A delta as it reads: exposure going down is better (`lowerIsBetter`), visibility going
 * up is better. "same": the rounded figures are equal.
 */
export function deltaView(delta: Delta, lowerIsBetter: boolean): DeltaView {
  const from = shown(delta.from);
  const to = shown(delta.to);
  if (delta.from === null && delta.to === null) return { from, to, verdict: 'none', by: null };
  if (delta.from === null) return { from, to, verdict: 'new', by: null };
  if (delta.to === null) return { from, to, verdict: 'gone', by: null };
  const change = Math.round(delta.to) - Math.round(delta.from);
  if (change === 0) return { from, to, verdict: 'same', by: 0 };
  const better = lowerIsBetter ? change < 0 : change > 0;
  return { from, to, verdict: better ? 'better' : 'worse', by: Math.abs(change) };
}

/** "better by 11", "worse by 4", "about the same", "new figure", "no figure now", "". */
export function verdictWords(view: DeltaView): string {
  switch (view.verdict) {
    case 'better':
    case 'worse':
      return `${view.verdict} by ${view.by}`;
    case 'same':
      return 'about the same';
    case 'new':
      return 'new figure';
    case 'gone':
      return 'no figure now';
    case 'none':
      return 'no figure';
  }
}

/** "52 → 41" */
export function fromTo(view: DeltaView): string {
  return `${view.from} → ${view.to}`;
}

/**
 * One side of a changed answer: "no answer", "we don't know", "not applicable" or the
 * option's label (through `text`, which escapes or cleans it), its level (by the bank's
 * name, `levels`, where it names them) and confidence.
 */
export function answerStateWords(state: DiffAnswerState | null, text: (s: string) => string, quote: (s: string) => string = (s) => `“${s}”`, levels: readonly string[] | null = null): string {
  if (state === null) return 'no answer';
  if (state.kind === 'unknown') return "we don't know";
  if (state.kind === 'na') return 'not applicable';
  const details = [state.level === null ? 'an option the bank no longer has' : text(levelDetail(state.level, levels)), state.confidence ?? 'reported'];
  return `${quote(text(state.optionLabel ?? state.optionId ?? ''))} (${details.join(', ')})`;
}

/** "1 answer", "3 answers". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The answer lists to show: the answers of a journey added since the earlier cycle are
 * all new, and are left out (counted in `ofNewJourneys`, with the journeys' names): they
 * are in the answer list of the report, and would bury the changes that matter.
 */
export function shownAnswers(diff: CycleDiff): {
  answers: DiffAnswer[];
  newUnknowns: DiffAnswer[];
  resolvedUnknowns: DiffAnswer[];
  ofNewJourneys: number;
  newJourneys: string[];
} {
  const added = new Set(diff.journeys.filter((j) => j.presence === 'added').map((j) => j.journeyId));
  const keep = (list: readonly DiffAnswer[]) => list.filter((a) => a.journeyId === null || !added.has(a.journeyId));
  const all = [...diff.answers, ...diff.newUnknowns, ...diff.resolvedUnknowns];
  return {
    answers: keep(diff.answers),
    newUnknowns: keep(diff.newUnknowns),
    resolvedUnknowns: keep(diff.resolvedUnknowns),
    ofNewJourneys: all.filter((a) => a.journeyId !== null && added.has(a.journeyId)).length,
    newJourneys: diff.journeys.filter((j) => j.presence === 'added').map((j) => j.journeyName),
  };
}

/** How a changed answer reads: "better", "worse: lost sight" (an option turned unknown), "worse", "changed". */
export function directionWords(answer: Pick<DiffAnswer, 'direction' | 'lostSight'>): string {
  if (answer.lostSight) return 'worse: lost sight';
  return answer.direction === 'same' ? 'changed' : answer.direction;
}

type PlanEntry = CycleDiff['plan']['appeared'][number];
type PlanMove = CycleDiff['plan']['moved'][number];

/** Where a plan item stands: "find out" or its horizon with its rank, "now, #3". */
export function planEntryPlace(entry: PlanEntry): string {
  return entry.lane === 'find-out' ? `find out, #${entry.rank}` : `${entry.horizon}, #${entry.rank}`;
}

const RULE_WORDS = { contain: 'containment', 'long-lead': 'long lead: start now', prerequisite: 'prerequisite of an item' } as const;

/**
 * Why a Fix item changed horizon, in words: "its own risk removed went 6 → 9", "items
 * ahead of it changed (largest: Central logging)", "the capacity changed (Now 12 → 8)",
 * "a rule: containment now", "the scoring model changed".
 */
export function horizonMoveWhy(move: PlanMove, text: (s: string) => string): string {
  const why = move.why;
  const n = (x: number) => String(Number(x.toFixed(2)));
  switch (why.kind) {
    case 'own': {
      const parts = [];
      if (why.riskFrom !== why.riskTo) parts.push(`its own risk removed went ${n(why.riskFrom)} → ${n(why.riskTo)}`);
      if (why.effortFrom !== why.effortTo) parts.push(`its effort went ${why.effortFrom ?? '?'} → ${why.effortTo} points`);
      return parts.join(' and ');
    }
    case 'items-ahead':
      return `the items ahead of it changed (${why.effortBeforeFrom ?? '?'} → ${why.effortBeforeTo} effort points before it${why.largestTitle ? `; largest: ${text(why.largestTitle)}` : ''})`;
    case 'capacity':
      return `the capacity changed (Now ${why.from.now} → ${why.to.now}, Next ${why.from.next} → ${why.to.next} effort points)`;
    case 'rule':
      return `a rule: ${RULE_WORDS[why.rule]} ${why.side === 'to' ? 'now' : 'then'}`;
    case 'model':
      return 'the scoring model changed';
  }
}

/** "moved next → now: why", the same in every renderer. */
export function horizonMoveWords(move: PlanMove, text: (s: string) => string): string {
  return `${text(move.title)}: ${move.from} → ${move.to}, because ${horizonMoveWhy(move, text)}`;
}

/**
 * The one line saying a side was recomputed with the current model, or null: "The
 * snapshot "2026 Q3" was scored with model 1; it is recomputed here from its answers
 * with model 2."
 */
export function recomputedNote(diff: Pick<CycleDiff, 'from' | 'to'>, text: (s: string) => string): string | null {
  const side = diff.from.recomputed ? diff.from : diff.to.recomputed ? diff.to : null;
  if (!side) return null;
  const other = side === diff.from ? diff.to : diff.from;
  return `The snapshot “${text(side.label)}” was scored with an older model; it is recomputed here from its answers with model ${other.scoringModel}, so the two sides compare like with like.`;
}

/**
 * The one line saying which snapshots have no figure in the trend because an older
 * model scored them, or null: "The snapshots “2026 Q2”, “2026 Q3” were scored with an
 * older model and have no figure in the trend (·); compared one by one, each is
 * recomputed from its answers."
 */
export function trendModelNote(trend: Pick<Trend, 'points'>, text: (s: string) => string): string | null {
  const model = trend.points[trend.points.length - 1]?.scoringModel;
  const older = trend.points.filter((p) => p.snapshotId !== null && p.scoringModel !== model);
  if (older.length === 0) return null;
  const names = older.map((p) => `“${text(p.label)}”`).join(', ');
  return older.length === 1
    ? `The snapshot ${names} was scored with an older model and has no figure in the trend (·); compared on its own, it is recomputed from its answers.`
    : `The snapshots ${names} were scored with an older model and have no figure in the trend (·); compared one by one, each is recomputed from its answers.`;
}

/** The title of the controls part of a comparison, in every renderer. */
export const CONTROLS_CHANGED_TITLE = 'Controls whose verdict changed';

/** What a comparison with no control change says. */
export const NO_CONTROL_CHANGE = 'No control changed verdict.';

/** "ISO27001 A.8.2 Privileged access rights" */
export function controlWords(c: Pick<VerdictChange, 'framework' | 'controlId' | 'title'>, text: (s: string) => string): string {
  return `${c.framework} ${text(c.controlId)} ${text(c.title)}`;
}

/** A side's verdict: its label, or "not cited" when that side's view lacks the control. */
function sideVerdict(v: VerdictChange['from']): string {
  return v === null ? 'not cited' : VERDICT_LABELS[v];
}

/** "holds in practice → exposed in practice", or "still exposed in practice" when only the claim moved. */
export function verdictMoveWords(c: Pick<VerdictChange, 'from' | 'to'>): string {
  return c.from === c.to ? `still ${sideVerdict(c.to)}` : `${sideVerdict(c.from)} → ${sideVerdict(c.to)}`;
}

/**
 * Why a side's verdict was what it was: "“Who can export?” (Phone support) is at level
 * 4, and 1 more answer at level 3 or 4", "1 of 4 answers is “we don't know”" ("its one
 * answer is", "both its answers are", "all 3 of its answers are"),
 * "visibility 40 is below 50", "no answer at level 3 or 4 nor unknown, visibility 63",
 * "none of its 2 questions was asked" ("its one question was not asked"), "the bank does not cite it and no claim names it".
 */
export function verdictReasonWords(reason: VerdictReason, text: (s: string) => string, quote: (s: string) => string = (s) => `“${s}”`, levels: readonly string[] | null = null): string {
  switch (reason.kind) {
    case 'exposed-answer': {
      const where = reason.scope === 'organisation' ? 'organisation-wide' : text(reason.journeyName ?? '');
      const more = reason.more > 0 ? `, and ${count(reason.more, 'more answer')} at ${text(exposedLevelsWords(levels))}` : '';
      return `${quote(text(reason.questionPrompt))} (${where}) is at ${text(levels ? levelWords(reason.level, levels) : `level ${reason.level}`)}${more}`;
    }
    case 'unknown-answers': {
      const dontKnow = quote("we don't know");
      if (reason.unknowns === reason.answers) {
        return reason.answers === 1 ? `its one answer is ${dontKnow}` : reason.answers === 2 ? `both its answers are ${dontKnow}` : `all ${reason.answers} of its answers are ${dontKnow}`;
      }
      return `${reason.unknowns} of ${count(reason.answers, 'answer')} ${reason.unknowns === 1 ? 'is' : 'are'} ${dontKnow}`;
    }
    case 'low-visibility':
      return `visibility ${Math.round(reason.visibility)} is below ${reason.threshold}`;
    case 'holds':
      return `no answer at ${text(exposedLevelsWords(levels))} nor unknown, visibility ${Math.round(reason.visibility)}`;
    case 'not-asked':
      if (reason.questions === 0) return 'no question of the bank cites it';
      return reason.questions === 1 ? 'its one question was not asked' : `none of its ${reason.questions} questions was asked`;
    case 'not-cited':
      return 'the bank does not cite it and no claim names it';
  }
}

/** "because …; before, …": why the later verdict, then why the earlier one. */
export function verdictWhyWords(c: Pick<VerdictChange, 'why'>, text: (s: string) => string, quote?: (s: string) => string, levels: readonly string[] | null = null): string {
  return `because ${verdictReasonWords(c.why.to, text, quote, levels)}; before, ${verdictReasonWords(c.why.from, text, quote, levels)}`;
}

/**
 * The figures and the claim: "exposure 42 → 58, visibility 63 → 40; now claimed
 * implemented and exposed in practice (claim none → implemented)".
 */
export function verdictFiguresWords(c: Pick<VerdictChange, 'exposure' | 'visibility' | 'claim' | 'claimedButExposed'>): string {
  const figure = (f: VerdictChange['exposure']) => `${shown(f.from)} → ${shown(f.to)}`;
  const parts = [`exposure ${figure(c.exposure)}, visibility ${figure(c.visibility)}`];
  const claim = (s: VerdictChange['claim']['from']) => (s === null ? 'none' : CLAIM_STATUS_LABELS[s]);
  const claimMoved = c.claim.from !== c.claim.to ? ` (claim ${claim(c.claim.from)} → ${claim(c.claim.to)})` : '';
  if (c.claimedButExposed.to && !c.claimedButExposed.from) parts.push(`now claimed implemented and exposed in practice${claimMoved}`);
  else if (c.claimedButExposed.from && !c.claimedButExposed.to) parts.push(`no longer claimed implemented and exposed in practice${claimMoved}`);
  else if (claimMoved) parts.push(claimMoved.slice(2, -1));
  else if (c.claim.to === 'implemented') parts.push('claimed implemented');
  return parts.join('; ');
}

/** The whole change on one line, as the markdown writes it. */
export function verdictChangeWords(c: VerdictChange, text: (s: string) => string, quote?: (s: string) => string, levels: readonly string[] | null = null): string {
  return `${verdictMoveWords(c)}, ${verdictWhyWords(c, text, quote, levels)}; ${verdictFiguresWords(c)}`;
}

/** The evidence of a comparison, one line per item: "accepted: Phone support, “Question?”: https://… (what it shows)". */
export function evidenceChangeLines(evidence: CycleDiff['evidence'], inline: (text: string) => string): string[] {
  if (!evidence) return [];
  const line = (what: string, e: DiffEvidence, extra: string) =>
    `${what}: ${inline(e.journeyName)}, “${inline(e.questionPrompt)}”: ${inline(e.reference)} (${inline(e.shows)}${extra})`;
  return [
    ...evidence.accepted.map((e) => line('accepted', e, `, collected ${e.collectedOn}`)),
    ...evidence.rejected.map((e) => line('rejected', e, `: ${e.reason}`)),
    ...evidence.expired.map((e) => line('expired', e, `, last day ${e.expiresOn}`)),
  ];
}

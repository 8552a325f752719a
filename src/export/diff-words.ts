/**
 * The words of a comparison between two cycles, shared by the terminal text and the
 * markdown: how a figure moved (better or worse, by how much), what an answer was.
 * Figures are shown rounded, so the change shown is the difference of the rounded
 * figures (52 → 41 reads "better by 11" even when the unrounded change is 10.6). Pure.
 */
import type { CycleDiff, Delta, DiffAnswer, DiffAnswerState } from '../core/diff-schema.js';

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
 * option's label (through `text`, which escapes or cleans it), its level and confidence.
 */
export function answerStateWords(state: DiffAnswerState | null, text: (s: string) => string, quote: (s: string) => string = (s) => `“${s}”`): string {
  if (state === null) return 'no answer';
  if (state.kind === 'unknown') return "we don't know";
  if (state.kind === 'na') return 'not applicable';
  const details = [state.level === null ? 'an option the bank no longer has' : `level ${state.level}`, state.confidence ?? 'reported'];
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

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
  const keep = (list: readonly DiffAnswer[]) => list.filter((a) => !added.has(a.journeyId));
  const all = [...diff.answers, ...diff.newUnknowns, ...diff.resolvedUnknowns];
  return {
    answers: keep(diff.answers),
    newUnknowns: keep(diff.newUnknowns),
    resolvedUnknowns: keep(diff.resolvedUnknowns),
    ofNewJourneys: all.filter((a) => added.has(a.journeyId)).length,
    newJourneys: diff.journeys.filter((j) => j.presence === 'added').map((j) => j.journeyName),
  };
}

/**
 * A comparison of two cycles (src/core/diff.ts) as GitHub-flavoured markdown: the
 * report's "Since last cycle" section and "Trend" table, and the whole document
 * `cxray diff --format md` writes. Overall deltas, the journey x dimension cells that
 * moved, answers changed, new and resolved unknowns, plan items that appeared, went or
 * moved horizon, plan items whose status needs a look, and (when compared: `cxray diff`)
 * the controls whose verdict changed. All user and bank text goes
 * through the escapers of markdown-text.ts. Pure.
 */
import { capitalised, DEFAULT_BANK_WORDS, type BankWords } from '../core/bank-words.js';
import type { CycleDiff, CycleDiffView, Delta, DiffAnswer } from '../core/diff-schema.js';
import { moved } from '../core/diff.js';
import { TRACKING_FLAG_TEXT } from '../core/plan-status.js';
import type { PlanItem, Trend } from '../core/report-schema.js';
import { sparkline } from '../core/trend.js';
import {
  CONTROLS_CHANGED_TITLE,
  NO_CONTROL_CHANGE,
  answerStateWords,
  controlWords,
  count,
  deltaView,
  directionWords,
  fromTo,
  horizonMoveWhy,
  planEntryPlace,
  recomputedNote,
  shownAnswers,
  trendModelNote,
  verdictChangeWords,
  verdictWords,
  evidenceChangeLines,
} from './diff-words.js';
import { mdCell, mdInline, mdTable as table } from './markdown-text.js';

const day = (iso: string) => iso.slice(0, 10);

/** "52 → 41, better by 11"; "41 (no change)" when it did not move. */
function deltaCell(delta: Delta, lowerIsBetter: boolean): string {
  const view = deltaView(delta, lowerIsBetter);
  if (!moved(delta)) return view.verdict === 'none' ? '—' : `${view.to} (no change)`;
  const words = verdictWords(view);
  return `${fromTo(view)}, ${view.verdict === 'worse' ? `**${words}**` : words}`;
}

/** **2026 Q2** (2026-08-20), or **now** (2026-11-20). */
function sideText(side: CycleDiff['from']): string {
  return side.snapshotId === null ? `**now** (${day(side.at)})` : `**${mdInline(side.label)}** (${day(side.at)})`;
}

function answerLine(a: DiffAnswer, what: string, levels: readonly string[] | null): string {
  const who = a.to === null ? 'answer removed' : [mdInline(a.by), a.at ? day(a.at) : ''].filter(Boolean).join(', ');
  return `- ${what}**${mdInline(a.journeyName)}** — “${mdInline(a.questionPrompt)}”: ${answerStateWords(a.from, mdInline, undefined, levels)} → ${answerStateWords(a.to, mdInline, undefined, levels)}${who ? ` (${who})` : ''}`;
}

export interface CycleSectionOptions {
  /** The heading level of the section's title: 2 writes "##", its parts "###". */
  level: number;
  /** The section's title. */
  title: string;
  /** The plan as it stands (the report's), to list items whose status needs a look. */
  plan?: readonly PlanItem[];
  /** The bank's word for what it assesses and its levels' names (default: journeys, "level 3"). */
  words?: BankWords;
}

/** The changes between two cycles as a markdown section. */
export function cycleDiffLines(diff: CycleDiffView, options: CycleSectionOptions): string[] {
  const { scope, levels } = options.words ?? DEFAULT_BANK_WORDS;
  const One = capitalised(scope.singular);
  const h = '#'.repeat(options.level);
  const sub = '#'.repeat(options.level + 1);
  const lines = [`${h} ${options.title}`, '', `From ${sideText(diff.from)} to ${sideText(diff.to)}. Exposure: lower is better; visibility: higher is better.`, ''];
  const recomputed = recomputedNote(diff, mdInline);
  if (recomputed) lines.push(recomputed, '');

  const then = diff.from.snapshotId === null ? 'Now' : mdCell(diff.from.label);
  const now = diff.to.snapshotId === null ? 'Now' : mdCell(diff.to.label);
  const overall = (label: string, delta: Delta, lowerIsBetter: boolean) => {
    const view = deltaView(delta, lowerIsBetter);
    const words = verdictWords(view);
    return [label, view.from, view.to, view.verdict === 'worse' ? `**${words}**` : words];
  };
  lines.push(
    ...table(
      [`All ${mdCell(scope.plural)}`, then, now, 'Change'],
      ['l', 'r', 'r', 'l'],
      [overall('Exposure', diff.overall.exposure, true), overall('Visibility', diff.overall.visibility, false)],
    ),
    '',
  );

  // Journey x dimension cells that moved.
  const rows: string[][] = [];
  for (const journey of diff.journeys) {
    const dims = journey.dimensions.filter((d) => moved(d.exposure) || moved(d.visibility));
    const journeyMoved = moved(journey.exposure) || moved(journey.visibility);
    if (!journeyMoved && dims.length === 0 && journey.presence === 'both') continue;
    const name = mdCell(journey.journeyName) + (journey.presence === 'added' ? ` (new ${mdCell(scope.singular)})` : journey.presence === 'removed' ? ` (${mdCell(scope.singular)} removed)` : '');
    rows.push([name, `_whole ${mdCell(scope.singular)}_`, deltaCell(journey.exposure, true), deltaCell(journey.visibility, false)]);
    if (journey.presence !== 'both') continue;
    for (const d of dims) rows.push([mdCell(journey.journeyName), mdCell(d.dimensionTitle), deltaCell(d.exposure, true), deltaCell(d.visibility, false)]);
  }
  lines.push(`${sub} Scores that moved`, '');
  if (rows.length === 0) lines.push(`None: every ${mdInline(scope.singular)} and dimension has the same figures.`, '');
  else lines.push(...table([mdCell(One), 'Dimension', 'Exposure', 'Visibility'], ['l', 'l', 'l', 'l'], rows), '');

  const mark = (a: DiffAnswer) => (a.direction === 'better' ? 'better: ' : a.direction === 'worse' ? `**${directionWords(a)}:** ` : '');
  const answers = (title: string, list: readonly DiffAnswer[], note?: string) => {
    lines.push(`${sub} ${title} (${list.length})`, '');
    if (list.length > 0) lines.push(...list.map((a) => answerLine(a, mark(a), levels)), '');
    else if (!note) lines.push('None.', '');
    if (note) lines.push(note, '');
  };
  const shown = shownAnswers(diff);
  const journeys = shown.newJourneys.map((n) => mdInline(n)).join(', ');
  const notListed =
    shown.ofNewJourneys > 0
      ? `Not listed: the ${count(shown.ofNewJourneys, 'answer')} of ${shown.newJourneys.length === 1 ? `the new ${mdInline(scope.singular)}` : `the new ${mdInline(scope.plural)}`} ${journeys}.`
      : undefined;
  answers('Answers changed', shown.answers, notListed);
  answers("New unknowns: now “we don't know”", shown.newUnknowns);
  answers('Unknowns resolved', shown.resolvedUnknowns);
  if (diff.evidence) {
    const evidence = evidenceChangeLines(diff.evidence, mdInline);
    lines.push(`${sub} Evidence (${evidence.length})`, '', ...(evidence.length > 0 ? evidence.map((l) => `- ${l}`) : ['None accepted, rejected or expired.']), '');
  }

  lines.push(`${sub} Plan changes`, '');
  const { appeared, disappeared, moved: movedItems } = diff.plan;
  const planLines: string[] = [];
  if (appeared.length > 0) {
    planLines.push(`- New in the plan (${appeared.length}): ${appeared.map((p) => `**${mdInline(p.title)}** (${planEntryPlace(p)})`).join('; ')}`);
  }
  if (disappeared.length > 0) {
    planLines.push(`- Gone from the plan (${disappeared.length}): ${disappeared.map((p) => `**${mdInline(p.title)}** (was ${planEntryPlace(p)})`).join('; ')}`);
  }
  if (movedItems.length > 0) {
    planLines.push(`- Moved horizon (${movedItems.length}): ${movedItems.map((p) => `**${mdInline(p.title)}** ${p.from} → ${p.to}, because ${horizonMoveWhy(p, mdInline)}`).join('; ')}`);
  }
  for (const flag of ['done-but-gap', 'risk-review-passed'] as const) {
    const flagged = (options.plan ?? []).filter((p) => p.tracking.flag === flag);
    if (flagged.length === 0) continue;
    const text = TRACKING_FLAG_TEXT[flag];
    const items = flagged.map((p) => `**${mdInline(p.title)}**${flag === 'risk-review-passed' && p.tracking.reviewBy ? ` (review date ${p.tracking.reviewBy})` : ''}`);
    planLines.push(`- ⚠ ${text.charAt(0).toUpperCase()}${text.slice(1)} (${flagged.length}): ${items.join('; ')}`);
  }
  if (planLines.length === 0) planLines.push('No item appeared, went or changed horizon.');
  lines.push(...planLines, '');

  // Controls: only where they were compared (cxray diff, not the report's section).
  if (diff.controls) {
    lines.push(`${sub} ${CONTROLS_CHANGED_TITLE} (${diff.controls.length})`, '');
    if (diff.controls.length === 0) lines.push(NO_CONTROL_CHANGE, '');
    else lines.push(...diff.controls.map((c) => `- **${controlWords(c, mdInline)}**: ${verdictChangeWords(c, mdInline, undefined, levels)}`), '');
  }
  return lines;
}

/** A small table of exposure at each cycle, per journey and for all journeys (in the bank's words), with a sparkline. */
export function trendLines(trend: Trend, level: number, words: BankWords = DEFAULT_BANK_WORDS): string[] {
  const { scope } = words;
  const h = '#'.repeat(level);
  const older = trendModelNote(trend, mdInline);
  const whole = (x: number | null) => (x === null ? '—' : String(Math.round(x)));
  const points = trend.points.map((p) => (p.snapshotId === null ? 'Now' : mdCell(p.label)));
  const rows = [
    ...trend.journeys.map((j) => [mdCell(j.journeyName), ...j.exposure.map(whole), sparkline(j.exposure)]),
    [`**All ${mdCell(scope.plural)}**`, ...trend.overall.exposure.map((x) => `**${whole(x)}**`), sparkline(trend.overall.exposure)],
  ];
  return [
    `${h} Trend`,
    '',
    `Exposure at each cycle, oldest first (lower is better). Visibility, all ${mdInline(scope.plural)}: ${trend.overall.visibility.map(whole).join(' → ')} (higher is better).`,
    '',
    ...(older ? [older, ''] : []),
    ...table([mdCell(capitalised(scope.singular)), ...points, 'Trend'], ['l', ...points.map(() => 'r' as const), 'l'], rows),
    '',
  ];
}

export interface DiffMarkdownOptions {
  assessmentName: string;
  trend?: Trend | null;
  plan?: readonly PlanItem[];
  /** The cxray version named in the footer. */
  version?: string;
  /** The bank's word for what it assesses and its levels' names (default: journeys, "level 3"). */
  words?: BankWords;
}

/** The comparison as a whole markdown document (`cxray diff --format md`). */
export function renderDiffMarkdown(diff: CycleDiffView, options: DiffMarkdownOptions): string {
  const lines = [
    ...cycleDiffLines(diff, { level: 1, title: `What changed: ${mdInline(options.assessmentName)}`, plan: options.plan, ...(options.words ? { words: options.words } : {}) }),
    ...(options.trend ? trendLines(options.trend, 2, options.words) : []),
    `_Generated by cxray${options.version ? ` ${mdInline(options.version)}` : ''}._`,
  ];
  return lines.join('\n') + '\n';
}

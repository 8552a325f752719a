/**
 * A comparison of two cycles (src/core/diff.ts) as plain terminal text, for `cxray diff`:
 * overall exposure and visibility from -> to, better or worse and by how much; the
 * journey x dimension cells that moved; answers changed, new unknowns, unknowns resolved;
 * plan items that appeared, went or moved horizon; the controls whose verdict changed
 * (when they were compared); and a sparkline per journey when
 * there is a trend. Names are stripped of terminal control sequences. Colour (green
 * better, red worse, bold headings) only when asked for. Pure.
 */
import { capitalised, DEFAULT_BANK_WORDS, type BankWords } from '../core/bank-words.js';
import type { CycleDiff, CycleDiffView, Delta, DiffAnswer } from '../core/diff-schema.js';
import { moved } from '../core/diff.js';
import { TRACKING_FLAG_TEXT } from '../core/plan-status.js';
import type { PlanItem, Trend } from '../core/report-schema.js';
import { plainLine } from '../core/terminal-text.js';
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
  horizonMoveWords,
  planEntryPlace,
  recomputedNote,
  shownAnswers,
  trendModelNote,
  verdictFiguresWords,
  verdictMoveWords,
  verdictWhyWords,
  verdictWords,
  type DeltaView,
  evidenceChangeLines,
} from './diff-words.js';

export interface DiffTextOptions {
  /** The assessment's name, for the title line. */
  assessmentName: string;
  /** The trend across every snapshot and now, when there is one. */
  trend?: Trend | null;
  /** The plan as it stands (the report's), to list items whose status needs a look. */
  plan?: readonly PlanItem[];
  /** ANSI colour (the caller decides: a TTY and no NO_COLOR). */
  color?: boolean;
  /** Widest a journey or dimension name may be before it is cut with "…". */
  nameWidth?: number;
  /** The bank's word for what it assesses and its levels' names (default: journeys, "level 3"). */
  words?: BankWords;
}

const GREEN = '32';
const RED = '31';
const BOLD = '1';
const DIM = '2';

function fit(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, Math.max(1, width - 1)).join('')}…`;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - [...text].length));
}

/** "2026 Q2" (2026-08-20), or now (2026-11-20). */
function sideText(side: CycleDiff['from']): string {
  const day = side.at.slice(0, 10);
  return side.snapshotId === null ? `now (${day})` : `"${plainLine(side.label)}" (${day})`;
}

export function renderDiffText(diff: CycleDiffView, options: DiffTextOptions): string {
  const { scope, levels } = options.words ?? DEFAULT_BANK_WORDS;
  const paint = (text: string, code: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const verdict = (view: DeltaView) => {
    const words = verdictWords(view);
    return view.verdict === 'better' ? paint(words, GREEN) : view.verdict === 'worse' ? paint(words, RED) : words;
  };
  const figure = (label: string, delta: Delta, lowerIsBetter: boolean) => {
    const view = deltaView(delta, lowerIsBetter);
    return `${label} ${fromTo(view)} ${verdict(view)}`;
  };
  const cell = (exposure: Delta, visibility: Delta) =>
    [moved(exposure) ? figure('exposure', exposure, true) : '', moved(visibility) ? figure('visibility', visibility, false) : '']
      .filter(Boolean)
      .join(' · ');
  const nameWidth = options.nameWidth ?? 36;
  const lines: string[] = [];

  lines.push(paint(`${plainLine(options.assessmentName)}: from ${sideText(diff.from)} to ${sideText(diff.to)}`, BOLD));
  const recomputed = recomputedNote(diff, plainLine);
  if (recomputed) lines.push(paint(recomputed, DIM));
  lines.push('');

  // Overall
  lines.push(paint('Overall', BOLD));
  for (const [label, delta, lowerIsBetter] of [
    ['Exposure', diff.overall.exposure, true],
    ['Visibility', diff.overall.visibility, false],
  ] as const) {
    const view = deltaView(delta, lowerIsBetter);
    lines.push(`  ${pad(label, 12)}${pad(fromTo(view), 10)}${verdict(view)}`);
  }
  lines.push(paint('  Exposure: lower is better. Visibility: higher is better. Whole points, 0-100.', DIM), '');

  // Journeys x dimensions that moved
  const journeyRows: { name: string; text: string }[] = [];
  for (const journey of diff.journeys) {
    const dims = journey.dimensions.filter((d) => moved(d.exposure) || moved(d.visibility));
    const journeyMoved = moved(journey.exposure) || moved(journey.visibility);
    if (!journeyMoved && dims.length === 0 && journey.presence === 'both') continue;
    const presence = journey.presence === 'added' ? ` (new ${scope.singular})` : journey.presence === 'removed' ? ` (${scope.singular} removed)` : '';
    const name = fit(plainLine(journey.journeyName), nameWidth - presence.length) + presence;
    journeyRows.push({ name, text: journeyMoved ? cell(journey.exposure, journey.visibility) : `the ${scope.singular} as a whole: about the same` });
    if (journey.presence !== 'both') continue;
    for (const d of dims) journeyRows.push({ name: `  ${fit(plainLine(d.dimensionTitle), nameWidth - 2)}`, text: cell(d.exposure, d.visibility) });
  }
  lines.push(paint(`${capitalised(scope.plural)} and dimensions that moved`, BOLD));
  if (journeyRows.length === 0) lines.push(`  None: every ${scope.singular} and dimension has the same figures.`);
  const width = Math.max(0, ...journeyRows.map((r) => [...r.name].length));
  for (const row of journeyRows) lines.push(`  ${pad(row.name, width)}  ${row.text}`);
  lines.push('');

  // Answers
  const answerLines = (title: string, answers: readonly DiffAnswer[], note?: string) => {
    lines.push(paint(`${title} (${answers.length})`, BOLD));
    if (answers.length === 0 && !note) lines.push('  None.');
    for (const a of answers) {
      const words = directionWords(a);
      const mark = a.direction === 'better' ? paint(words, GREEN) : a.direction === 'worse' ? paint(words, RED) : words;
      lines.push(`  ${mark} · ${plainLine(a.journeyName)} · ${plainLine(a.questionPrompt)}`);
      const who = a.to === null ? 'answer removed' : [plainLine(a.by), a.at?.slice(0, 10)].filter(Boolean).join(', ');
      lines.push(`          ${answerStateWords(a.from, plainLine, undefined, levels)} → ${answerStateWords(a.to, plainLine, undefined, levels)}${who ? paint(` · ${who}`, DIM) : ''}`);
    }
    if (note) lines.push(`  ${note}`);
    lines.push('');
  };
  const shown = shownAnswers(diff);
  const notListed =
    shown.ofNewJourneys > 0
      ? `Not listed: the ${count(shown.ofNewJourneys, 'answer')} of ${shown.newJourneys.length === 1 ? `the new ${scope.singular}` : `the new ${scope.plural}`} ${shown.newJourneys.map(plainLine).join(', ')}.`
      : undefined;
  answerLines('Answers changed', shown.answers, notListed);
  answerLines('New unknowns', shown.newUnknowns);
  answerLines('Unknowns resolved', shown.resolvedUnknowns);
  const evidence = evidenceChangeLines(diff.evidence, plainLine);
  if (diff.evidence) {
    lines.push(paint(`Evidence (${evidence.length})`, BOLD), ...(evidence.length > 0 ? evidence.map((l) => `  ${l}`) : ['  None accepted, rejected or expired.']), '');
  }

  // Plan
  const { appeared, disappeared, moved: movedItems } = diff.plan;
  lines.push(paint('Plan', BOLD));
  if (appeared.length + disappeared.length + movedItems.length === 0) lines.push('  No item appeared, went or changed horizon.');
  for (const p of appeared) lines.push(`  ${paint('new  ', RED)} ${plainLine(p.title)} (${planEntryPlace(p)})`);
  for (const p of disappeared) lines.push(`  ${paint('gone ', GREEN)} ${plainLine(p.title)} (was ${planEntryPlace(p)})`);
  for (const p of movedItems) lines.push(`  moved ${horizonMoveWords(p, plainLine)} (#${p.rank})`);
  for (const p of options.plan ?? []) {
    if (p.tracking.flag) lines.push(`  ${paint('⚠', RED)}     ${plainLine(p.title)}: ${TRACKING_FLAG_TEXT[p.tracking.flag]}`);
  }
  lines.push('');

  // Controls
  const controls = diff.controls;
  if (controls) {
    lines.push(paint(`${CONTROLS_CHANGED_TITLE} (${controls.length})`, BOLD));
    if (controls.length === 0) lines.push(`  ${NO_CONTROL_CHANGE}`);
    for (const c of controls) {
      const move = verdictMoveWords(c);
      const mark = c.to === 'exposed' ? paint(move, RED) : c.to === 'holds' ? paint(move, GREEN) : move;
      lines.push(`  ${mark} · ${controlWords(c, plainLine)}`);
      lines.push(`          ${verdictWhyWords(c, plainLine, undefined, levels)}`);
      lines.push(paint(`          ${verdictFiguresWords(c)}`, DIM));
    }
    lines.push('');
  }

  // Trend
  const trend = options.trend;
  if (trend) {
    const points = trend.points.map((p) => (p.snapshotId === null ? 'now' : plainLine(p.label)));
    lines.push(paint(`Trend, oldest first (${points.join(', ')})`, BOLD));
    const series = (values: readonly (number | null)[]) => {
      const known = values.filter((v): v is number => v !== null);
      // One figure (the others of an older model, or none): that figure alone, not a change from itself.
      const ends = known.length === 0 ? '—' : known.length === 1 ? String(Math.round(known[0]!)) : `${Math.round(known[0]!)} → ${Math.round(known[known.length - 1]!)}`;
      return `${sparkline(values)} ${pad(ends, 9)}`;
    };
    const rows = [
      { name: `All ${scope.plural}`, exposure: trend.overall.exposure, visibility: trend.overall.visibility },
      ...trend.journeys.map((j) => ({ name: fit(plainLine(j.journeyName), nameWidth), exposure: j.exposure, visibility: j.visibility })),
    ];
    const trendWidth = Math.max(...rows.map((r) => [...r.name].length));
    for (const row of rows) lines.push(`  ${pad(row.name, trendWidth)}  exposure ${series(row.exposure)}  visibility ${series(row.visibility)}`);
    lines.push(paint('  One bar per cycle on a fixed 0-100 scale (▁ low … █ high); · no figure.', DIM));
    const older = trendModelNote(trend, plainLine);
    if (older) lines.push(paint(`  ${older}`, DIM));
    lines.push('');
  }

  lines.push(
    `${count(shown.answers.length, 'answer')} changed, ${count(shown.newUnknowns.length, 'new unknown')}, ${shown.resolvedUnknowns.length} resolved; plan: ${appeared.length} new, ${disappeared.length} gone, ${movedItems.length} moved${controls ? `; ${count(controls.length, 'control')} changed verdict` : ''}.`,
  );
  return lines.map((line) => line.trimEnd()).join('\n') + '\n';
}

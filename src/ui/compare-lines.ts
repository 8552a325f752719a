/**
 * The compare screen's text: a comparison of two states of an assessment (from
 * src/core/diff.ts) as lines of coloured segments, in the report's order: overall
 * figures, the journey x dimension cells that moved, the trend, the answers that
 * changed, new and resolved unknowns, the plan items that appeared, disappeared or
 * moved horizon, and the controls whose verdict changed. Every judgement is in words ("better by 14"), the same words as `cxray
 * diff` (src/export/diff-words.ts); colour only repeats them.
 */
import wrapAnsi from 'wrap-ansi';
import { moved } from '../core/diff.js';
import { capitalised, DEFAULT_BANK_WORDS, type BankWords } from '../core/bank-words.js';
import type { CycleDiffView, Delta, DiffAnswer } from '../core/diff-schema.js';
import type { VerdictChange } from '../core/controls/view-schema.js';
import type { Trend } from '../core/report-schema.js';
import { plainLine } from '../core/terminal-text.js';
import { sparkline } from '../core/trend.js';
import {
  CONTROLS_CHANGED_TITLE,
  NO_CONTROL_CHANGE,
  answerStateWords,
  controlWords,
  deltaView,
  directionWords,
  fromTo,
  horizonMoveWords,
  planEntryPlace,
  recomputedNote,
  trendModelNote,
  verdictFiguresWords,
  verdictMoveWords,
  verdictWhyWords,
  verdictWords,
} from '../export/diff-words.js';
import type { Measure } from './score-bands.js';
import { plural } from './words.js';

export type Tone = 'green' | 'red' | 'yellow' | 'cyan';

export interface Segment {
  text: string;
  tone?: Tone;
  bold?: boolean;
  dim?: boolean;
  /** Starts a section (Tab jumps between them). */
  heading?: boolean;
}

/** One line on screen: never wider than the width it was built for. */
export type CompareLine = Segment[];

/**
 * "62 → 48, better by 14": the words of src/export/diff-words.ts (the same as `cxray
 * diff`), with colour repeating the verdict.
 */
export function deltaText(measure: Measure, d: Delta): Segment {
  const view = deltaView(d, measure === 'exposure');
  const text = `${fromTo(view)}, ${verdictWords(view)}`;
  switch (view.verdict) {
    case 'better':
      return { text, tone: 'green' };
    case 'worse':
      return { text, tone: 'red' };
    case 'gone':
      return { text, tone: 'yellow' };
    case 'same':
    case 'none':
      return { text, dim: true };
    case 'new':
      return { text };
  }
}

function directionSegment(answer: DiffAnswer): Segment {
  const text = directionWords(answer);
  return answer.direction === 'better' ? { text, tone: 'green' } : answer.direction === 'worse' ? { text, tone: 'red' } : { text, dim: true };
}

/** Text wrapped to `width`, each line indented. */
function wrapped(text: string, width: number, indent: number, style: Omit<Segment, 'text'> = {}): CompareLine[] {
  const pad = ' '.repeat(indent);
  return wrapAnsi(text, Math.max(10, width - indent), { hard: true, trim: true })
    .split('\n')
    .map((line) => [{ text: pad + line, ...style }]);
}

function heading(text: string): CompareLine[] {
  return [[{ text: ' ' }], [{ text, bold: true, heading: true }]];
}

function answerLines(entries: readonly DiffAnswer[], width: number, levels: readonly string[] | null): CompareLine[] {
  const lines: CompareLine[] = [];
  for (const e of entries) {
    lines.push(...wrapped(`${plainLine(e.journeyName)} · ${plainLine(e.questionPrompt)}`, width, 2));
    const who = [e.by ? plainLine(e.by) : '', e.at ? e.at.slice(0, 10) : ''].filter(Boolean).join(', ');
    const change = `${answerStateWords(e.from, plainLine, undefined, levels)} → ${answerStateWords(e.to, plainLine, undefined, levels)}`;
    lines.push(...wrapped(change, width, 6));
    lines.push([{ text: '      ' }, directionSegment(e), ...(who ? [{ text: ` · ${who}`, dim: true }] : [])]);
  }
  return lines;
}

/**
 * "    Free text: exposure 88 → 60, better by 28 · visibility 75 → 80, better by 5": the
 * figures that moved (both when neither did), on one line when it fits, else two.
 */
function cellLines(title: string, figures: { exposure: Delta; visibility: Delta }, width: number): CompareLine[] {
  const parts = (['exposure', 'visibility'] as const).filter((m) => moved(figures[m]));
  const shown = parts.length > 0 ? parts : (['exposure', 'visibility'] as const);
  const segments = shown.map((m) => [{ text: `${m} ` }, deltaText(m, figures[m])]);
  const head = `    ${title}: `;
  const one: CompareLine = [{ text: head }, ...segments.flatMap((s, i) => (i === 0 ? s : [{ text: ' · ' }, ...s]))];
  if (one.reduce((n, s) => n + s.text.length, 0) <= width || segments.length === 1) return [one];
  return [
    [{ text: head }, ...segments[0]!],
    [{ text: ' '.repeat(head.length) }, ...segments[1]!],
  ];
}

/** A control whose verdict changed: its name, the move (coloured by the later verdict), why, the figures. */
function controlLines(c: VerdictChange, width: number, levels: readonly string[] | null): CompareLine[] {
  const tone: Tone | undefined = c.to === 'exposed' ? 'red' : c.to === 'holds' ? 'green' : c.to === 'unknown' ? 'yellow' : undefined;
  return [
    ...wrapped(controlWords(c, plainLine), width, 2),
    ...wrapped(verdictMoveWords(c), width, 6, tone ? { tone } : { dim: true }),
    ...wrapped(verdictWhyWords(c, plainLine, undefined, levels), width, 6),
    ...wrapped(verdictFiguresWords(c), width, 6, { dim: true }),
  ];
}

/** Where each section starts: the line of its heading. */
export function sectionStarts(lines: readonly CompareLine[]): number[] {
  const starts: number[] = [];
  lines.forEach((line, i) => {
    if (line[0]?.heading) starts.push(i);
  });
  return starts;
}

/** The whole comparison, as lines of at most `width` columns, in the bank's words. */
export function compareLines(diff: CycleDiffView, trend: Trend | null, width: number, words: BankWords = DEFAULT_BANK_WORDS): CompareLine[] {
  const lines: CompareLine[] = [];
  const { scope, levels } = words;
  const from = diff.from;
  lines.push(...wrapped(`From the snapshot "${plainLine(from.label)}" (${from.at.slice(0, 10)}) to now (${diff.to.at.slice(0, 10)})`, width, 0, { dim: true }));
  const recomputed = recomputedNote(diff, plainLine);
  if (recomputed) lines.push(...wrapped(recomputed, width, 0, { tone: 'yellow' }));

  lines.push(...heading('Overall'));
  lines.push([{ text: '  Exposure    ' }, deltaText('exposure', diff.overall.exposure)]);
  lines.push([{ text: '  Visibility  ' }, deltaText('visibility', diff.overall.visibility)]);
  const { appeared: up, disappeared: gone, moved: shiftedCount } = diff.plan;
  const summary = [
    plural(diff.answers.length, 'answer') + ' changed',
    `${diff.newUnknowns.length} new ${diff.newUnknowns.length === 1 ? 'unknown' : 'unknowns'}`,
    `${diff.resolvedUnknowns.length} resolved`,
    `plan: ${up.length} appeared, ${gone.length} disappeared, ${shiftedCount.length} moved horizon`,
    ...(diff.controls ? [`${plural(diff.controls.length, 'control')} changed verdict`] : []),
  ].join(' · ');
  lines.push(...wrapped(`In short: ${summary}. Details below.`, width, 2, { dim: true }));

  const cells: CompareLine[] = [];
  let count = 0;
  for (const j of diff.journeys) {
    const name = plainLine(j.journeyName);
    if (j.presence !== 'both') {
      cells.push([{ text: `  ${name}: ${j.presence === 'added' ? `a new ${scope.singular} since then` : 'removed since then'}`, tone: 'yellow' }]);
      count++;
      continue;
    }
    const dims = j.dimensions.filter((d) => moved(d.exposure) || moved(d.visibility));
    if (dims.length === 0 && !moved(j.exposure) && !moved(j.visibility)) continue;
    cells.push([{ text: `  ${name}`, bold: true }]);
    cells.push(...cellLines(`whole ${scope.singular}`, j, width));
    for (const d of dims) {
      count++;
      cells.push(...cellLines(plainLine(d.dimensionTitle), d, width));
    }
  }
  lines.push(...heading(`${capitalised(scope.plural)} × dimensions that moved (${count})`));
  lines.push(...(cells.length > 0 ? cells : [[{ text: '  nothing moved', dim: true }]]));

  if (trend) {
    lines.push(...heading(`Trend: ${trend.points.map((p) => plainLine(p.label)).join(' → ')} (0-100, taller is higher)`));
    const rows = [
      { name: `All ${scope.plural}`, exposure: trend.overall.exposure, visibility: trend.overall.visibility },
      ...trend.journeys.map((j) => ({ name: plainLine(j.journeyName), exposure: j.exposure, visibility: j.visibility })),
    ];
    const nameWidth = Math.min(24, Math.max(...rows.map((r) => r.name.length)));
    for (const r of rows) {
      const name = r.name.length > nameWidth ? `${r.name.slice(0, nameWidth - 1)}…` : r.name.padEnd(nameWidth);
      lines.push([{ text: `  ${name}  exposure ` }, { text: sparkline(r.exposure), bold: true }, { text: '  visibility ' }, { text: sparkline(r.visibility), bold: true }]);
    }
    const older = trendModelNote(trend, plainLine);
    if (older) lines.push(...wrapped(older, width, 2, { dim: true }));
  }

  lines.push(...heading(`Answers that changed (${diff.answers.length})`));
  lines.push(...(diff.answers.length > 0 ? answerLines(diff.answers, width, levels) : [[{ text: '  none', dim: true }]]));
  lines.push(...heading(`New unknowns: "we don't know" now (${diff.newUnknowns.length})`));
  lines.push(...(diff.newUnknowns.length > 0 ? answerLines(diff.newUnknowns, width, levels) : [[{ text: '  none', dim: true }]]));
  lines.push(...heading(`Unknowns resolved (${diff.resolvedUnknowns.length})`));
  lines.push(...(diff.resolvedUnknowns.length > 0 ? answerLines(diff.resolvedUnknowns, width, levels) : [[{ text: '  none', dim: true }]]));

  const { appeared, disappeared, moved: shifted } = diff.plan;
  lines.push(...heading('Plan'));
  if (appeared.length + disappeared.length + shifted.length === 0) lines.push([{ text: '  no item appeared, disappeared or changed horizon', dim: true }]);
  if (appeared.length > 0) {
    lines.push([{ text: `  Appeared (${appeared.length})`, tone: 'red' }]);
    for (const p of appeared) lines.push(...wrapped(`${plainLine(p.title)} (${planEntryPlace(p)})`, width, 4));
  }
  if (disappeared.length > 0) {
    lines.push([{ text: `  Disappeared: no longer needed by the answers (${disappeared.length})`, tone: 'green' }]);
    for (const p of disappeared) lines.push(...wrapped(`${plainLine(p.title)} (was ${planEntryPlace(p)})`, width, 4));
  }
  if (shifted.length > 0) {
    lines.push([{ text: `  Moved horizon (${shifted.length})`, tone: 'yellow' }]);
    for (const p of shifted) lines.push(...wrapped(horizonMoveWords(p, plainLine), width, 4));
  }

  if (diff.controls) {
    lines.push(...heading(`${CONTROLS_CHANGED_TITLE} (${diff.controls.length})`));
    if (diff.controls.length === 0) lines.push([{ text: `  ${NO_CONTROL_CHANGE}`, dim: true }]);
    for (const c of diff.controls) lines.push(...controlLines(c, width, levels));
  }
  return lines;
}

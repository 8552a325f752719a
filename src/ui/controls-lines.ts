/**
 * The controls screen's text: the controls view (src/core/controls/view.ts) as lines of
 * at most `width` columns, in sections Tab jumps between: claimed implemented but
 * exposed (when there are claims), then the controls of each verdict, exposure first.
 * Pure: bank and workbook text through plainLine.
 */
import { FRAMEWORK_INFO } from '../core/controls/catalogue.js';
import { CLAIM_STATUS_LABELS } from '../core/controls/claims.js';
import { VERDICT_LABELS, VERDICTS, type ControlFinding, type ControlsView, type Verdict } from '../core/controls/view.js';
import { levelDetail } from '../core/bank-words.js';
import { plainLine } from '../core/terminal-text.js';
import type { CompareLine, Tone } from './compare-lines.js';
import { wrapLines } from './wrap-lines.js';

const TONE: Record<Verdict, Tone | undefined> = { exposed: 'red', unknown: 'yellow', holds: 'green', 'not-tested': undefined };
const whole = (x: number | null) => (x === null ? '—' : String(Math.round(x)));

function clip(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, Math.max(0, width - 1))}…` : text;
}

/** A control's line, its title wrapped under itself where it is longer than the line (the screen scrolls). */
function controlLine(c: ControlFinding, width: number): CompareLine[] {
  const figures = `exp ${whole(c.exposure).padStart(3)} · vis ${whole(c.visibility).padStart(3)} · ${c.answers.length} ${c.answers.length === 1 ? 'answer ' : 'answers'}`;
  const claim = c.claim ? ` · claimed ${CLAIM_STATUS_LABELS[c.claim.status]}` : '';
  const head = `  ${c.framework} ${plainLine(c.controlId)}`.padEnd(22);
  const rest = ` ${figures}${claim}  ${plainLine(c.title)}`;
  const room = Math.max(0, width - head.length);
  if (rest.length <= room || room < 20) return [[{ text: head, bold: true }, { text: clip(rest, room) }]];
  const [first = '', ...more] = wrapLines(rest.trimStart(), room - 1);
  return [[{ text: head, bold: true }, { text: ` ${first}` }], ...more.map((line): CompareLine => [{ text: `${' '.repeat(head.length + 1)}${line}` }])];
}

/** The view as lines for the screen; a level by the bank's name where it names levels (`levels`). */
export function controlsLines(view: ControlsView, width: number, levels: readonly string[] | null = null): CompareLine[] {
  const lines: CompareLine[] = [];
  const counts = VERDICTS.map((v) => `${VERDICT_LABELS[v]} ${view.counts[v]}`).join(' · ');
  // The frameworks and the counts wrapped, never cut: the screen scrolls.
  for (const line of wrapLines(view.frameworks.map((f) => FRAMEWORK_INFO[f].label).join(', '), width)) lines.push([{ text: line, dim: true }]);
  for (const line of wrapLines(`${view.controls.length} controls: ${counts}`, width)) lines.push([{ text: line }]);
  if (view.claims > 0) {
    lines.push([]);
    lines.push([{ text: clip(`Claimed implemented, exposed in practice (${view.claimedButExposed.length})`, width), bold: true, tone: view.claimedButExposed.length > 0 ? 'red' : 'green', heading: true }]);
    if (view.claimedButExposed.length === 0) lines.push([{ text: clip('  none: no control claimed implemented shows exposure in the answers', width), dim: true }]);
    for (const c of view.claimedButExposed) {
      lines.push(...controlLine(c, width));
      for (const a of c.answers.filter((x) => x.kind === 'option' && (x.level ?? 0) >= 3)) {
        const where = a.scope === 'organisation' ? 'Organisation-wide' : plainLine(a.journeyName ?? '');
        lines.push([{ text: clip(`      ${where}: ${plainLine(a.questionPrompt)} → "${plainLine(a.optionLabel ?? '')}" (${levelDetail(a.level ?? 0, levels)}, ${a.confidence})`, width), dim: true }]);
      }
      const fixes = c.planItems.filter((p) => p.lane === 'fix');
      if (fixes.length > 0) lines.push([{ text: clip(`      closes it: ${fixes.map((p) => `#${p.rank} ${plainLine(p.title)}`).join('; ')}`, width), tone: 'cyan' }]);
    }
  }
  for (const verdict of VERDICTS) {
    const of = view.controls.filter((c) => c.verdict === verdict);
    if (of.length === 0) continue;
    lines.push([]);
    lines.push([{ text: clip(`${VERDICT_LABELS[verdict][0]!.toUpperCase()}${VERDICT_LABELS[verdict].slice(1)} (${of.length})`, width), bold: true, tone: TONE[verdict], heading: true }]);
    for (const c of of) lines.push(...controlLine(c, width));
  }
  if (view.controls.length === 0) lines.push([], [{ text: clip('The bank cites no control of these frameworks.', width), dim: true }]);
  return lines;
}

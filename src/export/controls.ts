/**
 * The controls view (src/core/controls/view.ts) as text for a terminal, markdown (a
 * document of its own, or a section of the report), CSV (one row per control) and JSON.
 * Pure: the view in, a string out. Bank and workbook text goes through plainLine (text)
 * and the markdown escapers.
 */
import { levelDetail } from '../core/bank-words.js';
import { FRAMEWORK_INFO, type Framework } from '../core/controls/catalogue.js';
import { CLAIM_STATUS_LABELS, type ControlClaim } from '../core/controls/claims.js';
import { VERDICT_LABELS, VERDICTS, type ControlAnswer, type ControlPlanItem, type ControlsView } from '../core/controls/view.js';
import { plainLine } from '../core/terminal-text.js';
import { formatCsv } from './csv.js';
import { mdInline, mdTable } from './markdown-text.js';

/** What the view is about, for its heading. */
export interface ControlsAbout {
  assessment: string;
  bank: { id: string; version: string };
  /** YYYY-MM-DD. */
  date: string;
  /** The bank's names of the five levels, where it names them: an answer's level is told by them. */
  levels?: readonly string[] | null;
}

const whole = (x: number | null) => (x === null ? '—' : String(Math.round(x)));
const number = (x: number) => String(Number(x.toFixed(2)));

function where(a: Pick<ControlAnswer, 'scope' | 'journeyName'>, text: (s: string) => string): string {
  return a.scope === 'organisation' ? 'Organisation-wide' : text(a.journeyName ?? '');
}

function answerWords(a: ControlAnswer, text: (s: string) => string, levels: readonly string[] | null = null): string {
  if (a.kind === 'unknown') return "we don't know";
  return `"${text(a.optionLabel ?? '')}" (${text(levelDetail(a.level ?? 0, levels))}, ${a.confidence})`;
}

function claimWords(claim: ControlClaim | null, text: (s: string) => string): string {
  if (!claim) return '';
  const parts = [CLAIM_STATUS_LABELS[claim.status]];
  if (claim.auditedOn) parts.push(`audited ${claim.auditedOn}`);
  if (claim.reference) parts.push(text(claim.reference));
  return parts.join(', ');
}

function planWords(p: ControlPlanItem): string {
  if (p.lane === 'fix') return `#${p.rank} ${p.title}${p.horizon ? ` (${p.horizon})` : ''}`;
  return /^find out\b/i.test(p.title) ? p.title : `Find out: ${p.title}`;
}

function countsLine(view: ControlsView): string {
  return VERDICTS.map((v) => `${VERDICT_LABELS[v]} ${view.counts[v]}`).join(' · ');
}

function frameworkNames(frameworks: readonly Framework[]): string {
  return frameworks.map((f) => FRAMEWORK_INFO[f].label).join(', ');
}

// ------------------------------------------------------------------------- text

/** The view for a terminal: the claimed-but-exposed list first, then every control. */
export function renderControlsText(view: ControlsView, about: ControlsAbout): string {
  const t = plainLine;
  const lines = [
    `Controls in practice: "${t(about.assessment)}" (${t(about.bank.id)} ${t(about.bank.version)}, ${about.date})`,
    `${frameworkNames(view.frameworks)}: ${view.controls.length} controls; ${countsLine(view)}`,
    '',
  ];
  if (view.claims > 0) {
    lines.push(`Claimed implemented, exposed in practice (${view.claimedButExposed.length}):`);
    if (view.claimedButExposed.length === 0) lines.push('  none: every control claimed implemented that the answers test holds or is not shown exposed.');
    for (const c of view.claimedButExposed) {
      lines.push(`  ${c.framework} ${c.controlId} ${t(c.title)}: exposure ${whole(c.exposure)}, visibility ${whole(c.visibility)}; claimed ${claimWords(c.claim, t)}`);
      for (const a of c.answers.filter((x) => x.kind === 'option' && (x.level ?? 0) >= 3)) {
        lines.push(`    ${where(a, t)}: ${t(a.questionPrompt)} -> ${answerWords(a, t, about.levels ?? null)}`);
      }
      if (c.planItems.length > 0) lines.push(`    closes it: ${c.planItems.map((p) => t(planWords(p))).join('; ')}`);
    }
    lines.push('');
  }
  const rows = view.controls.map((c) => [
    `${c.framework} ${c.controlId}`,
    VERDICT_LABELS[c.verdict],
    whole(c.exposure),
    whole(c.visibility),
    String(c.answers.length),
    c.claim ? CLAIM_STATUS_LABELS[c.claim.status] : '',
    t(c.title),
  ]);
  const header = ['Control', 'Verdict', 'Exp', 'Vis', 'Answers', 'Claim', 'Title'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (i === header.length - 1 ? 0 : r[i]!.length))));
  const right = new Set([2, 3, 4]);
  const format = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : right.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  lines.push(format(header), ...rows.map(format), '');
  if (view.controls.length === 0) lines.push('The bank cites no control of these frameworks.', '');
  return lines.join('\n');
}

// ------------------------------------------------------------------------- markdown

/** The "Claimed implemented, exposed in practice" list, for the report's summary and the controls document; levels by the bank's names (`levels`). */
export function claimedButExposedLines(view: ControlsView, level: number, levels: readonly string[] | null = null): string[] {
  if (view.claims === 0) return [];
  const h = '#'.repeat(level);
  const lines = [`${h} Claimed implemented, exposed in practice`, ''];
  if (view.claimedButExposed.length === 0) {
    lines.push('None of the controls claimed implemented shows exposure in the answers.', '');
    return lines;
  }
  lines.push(
    `${view.claimedButExposed.length} ${view.claimedButExposed.length === 1 ? 'control the audit passed is' : 'controls the audit passed are'} exposed in practice:`,
    '',
  );
  for (const c of view.claimedButExposed) {
    lines.push(
      `- **${c.framework} ${mdInline(c.controlId)} ${mdInline(c.title)}**: exposure ${whole(c.exposure)}, visibility ${whole(c.visibility)}; claimed ${claimWords(c.claim, mdInline)}.`,
    );
    for (const a of c.answers.filter((x) => x.kind === 'option' && (x.level ?? 0) >= 3)) {
      lines.push(`  - ${mdInline(where(a, (s) => s))}: ${mdInline(a.questionPrompt)} → ${answerWords(a, mdInline, levels)}`);
    }
    if (c.planItems.length > 0) lines.push(`  - Closed by: ${c.planItems.map((p) => mdInline(planWords(p))).join('; ')}`);
  }
  lines.push('');
  return lines;
}

/** Every control of the view as a table, exposure first. */
export function controlsTableLines(view: ControlsView): string[] {
  if (view.controls.length === 0) return ['The bank cites no control of these frameworks.', ''];
  const rows = view.controls.map((c) => [
    `${c.framework} ${mdInline(c.controlId)}`,
    mdInline(c.title),
    VERDICT_LABELS[c.verdict],
    whole(c.exposure),
    whole(c.visibility),
    String(c.answers.length),
    c.questions.map((q) => `\`${mdInline(q.id)}\``).join(', '),
    claimWords(c.claim, mdInline),
  ]);
  return [...mdTable(['Control', 'Title', 'Verdict', 'Exposure', 'Visibility', 'Answers', 'Questions', 'Claim'], ['l', 'l', 'l', 'r', 'r', 'r', 'l', 'l'], rows), ''];
}

/** The report's Controls section: counts, then every control. */
export function controlsSectionLines(view: ControlsView, level = 2): string[] {
  const h = '#'.repeat(level);
  return [
    `${h} Controls in practice`,
    '',
    `What the answers show for each control the question bank cites (${mdInline(frameworkNames(view.frameworks))}): ${countsLine(view)}. Thresholds: docs/scoring.md, "Controls".`,
    '',
    ...controlsTableLines(view),
  ];
}

/** The controls view as a markdown document of its own (`cxray controls --format md`). */
export function renderControlsMarkdown(view: ControlsView, about: ControlsAbout): string {
  const lines = [
    `# Controls in practice: ${mdInline(about.assessment)}`,
    '',
    `- **Date:** ${about.date}`,
    `- **Question bank:** ${mdInline(about.bank.id)} ${mdInline(about.bank.version)}`,
    `- **Frameworks:** ${mdInline(frameworkNames(view.frameworks))}`,
    `- **Verdicts:** ${countsLine(view)}`,
    '',
    ...claimedButExposedLines(view, 2, about.levels ?? null),
    '## Controls',
    '',
    ...controlsTableLines(view),
  ];
  return lines.join('\n') + '\n';
}

// ------------------------------------------------------------------------- CSV and JSON

export const CONTROL_COLUMNS = [
  'framework',
  'control id',
  'title',
  'verdict',
  'exposure',
  'visibility',
  'risk',
  'answers',
  'unknown answers',
  'worst level',
  'questions',
  'dimensions',
  'fix items',
  'find out items',
  'claim status',
  'last audited',
  'audit reference',
] as const;

/** One row per control, in the view's order. */
export function renderControlsCsv(view: ControlsView): string {
  const rows = view.controls.map((c) => [
    c.framework,
    c.controlId,
    c.title,
    c.verdict,
    c.exposure === null ? '' : number(c.exposure),
    c.visibility === null ? '' : number(c.visibility),
    number(c.risk),
    String(c.answers.length),
    String(c.unknowns),
    c.worstLevel === null ? '' : String(c.worstLevel),
    c.questions.map((q) => q.id).join(' '),
    c.dimensions.join(' '),
    c.planItems.filter((p) => p.lane === 'fix').map((p) => p.actionId).join(' '),
    c.planItems.filter((p) => p.lane === 'find-out').map((p) => p.actionId).join(' '),
    c.claim?.status ?? '',
    c.claim?.auditedOn ?? '',
    c.claim?.reference ?? '',
  ]);
  return formatCsv([[...CONTROL_COLUMNS], ...rows]);
}

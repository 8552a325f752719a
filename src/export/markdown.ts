/**
 * The report as GitHub-flavoured markdown, for a wiki page, a pull request or an
 * e-mail: summary, what changed since the last cycle and the trend (when there are
 * snapshots), heat table, a Mermaid map per journey, the plan as task lists with each
 * item's status, the visibility gaps, documented-but-exposed and stale answers, and
 * every answer (those carried over marked). All user and bank text goes through the
 * escapers of markdown-text.ts. Pure: the date comes from the report.
 */
import { answerEvidenceLines, evidenceSectionLines } from './evidence-markdown.js';
import { PLAN_STATUS_LABEL, TRACKING_FLAG_TEXT } from '../core/plan-status.js';
import type { Figures, FindOutItem, PlanItem, PlanReason, Report, ReportAnswer, ReportJourney } from '../core/report-schema.js';
import type { ControlsView } from '../core/controls/view.js';
import { claimedButExposedLines, controlsSectionLines } from './controls.js';
import { cycleDiffLines, trendLines } from './diff-markdown.js';
import { deltaView, verdictWords } from './diff-words.js';
import { httpUrl } from './links.js';
import { scopeWords } from './scope-words.js';
import { exposedLevelsWords, levelDetail, type ScopeNames } from '../core/bank-words.js';
import { signoffLines } from './signoff-text.js';
import { participantText } from '../core/participants.js';
import { disagreementsMarkdown, personMd } from './disagreements-markdown.js';
import { mdBlock, mdCell, mdInline, mdTable as table, mermaidLabel } from './markdown-text.js';
import { safeMarkdown } from './safe-markdown.js';
export { formatNumber } from './plan-words.js';
import { ORGANISATION_LABEL, byOwner, formatNumber, horizonWhy, reasonAnswer, reasonFigures, reasonPlace, titleLookup, type TitleOf } from './plan-words.js';

export interface MarkdownOptions {
  /** The cxray version named in the footer. */
  version?: string;
  /** Where the scoring method is explained. */
  scoringDocUrl?: string;
  /** How many journeys a plan item's "why" names before "and N more". */
  maxReasons?: number;
  /**
   * The controls view (src/core/controls/view.ts): its claimed-but-exposed list opens the
   * summary when there are claims, and a "Controls in practice" section follows the
   * findings. Left out when not given.
   */
  controls?: ControlsView;
  /**
   * Each question's help by question id, in bank order (questionHelp()): the answers
   * appendix ends with the help of every question answered, as the room saw it in the
   * walk. Left out when not given.
   */
  questionHelp?: ReadonlyMap<string, string>;
}

/** The help of each question of a bank that has some, by question id, in bank order. */
export function questionHelp(bank: { questions: readonly { id: string; help?: string | undefined }[] }): Map<string, string> {
  return new Map(bank.questions.flatMap((q) => (q.help && q.help.trim() !== '' ? [[q.id, q.help] as const] : [])));
}

const DEFAULT_SCORING_DOC = 'docs/scoring.md';

/** Whole numbers, as the scoring model shows figures. */
const whole = (x: number) => String(Math.round(x));
const date = (iso: string) => iso.slice(0, 10);
const percentOf = (share: number) => `${Math.round(share * 100)}%`;

/** The colour cue of an exposure figure: a square that survives plain text. */
export function heatSquare(exposure: number | null): string {
  if (exposure === null) return '⬜';
  const x = Math.round(exposure);
  return x < 25 ? '🟩' : x < 50 ? '🟨' : x < 75 ? '🟧' : '🟥';
}

function heatCell(figures: Figures): string {
  const exposure = figures.exposure === null ? '—' : whole(figures.exposure);
  const visibility = figures.visibility === null ? '—' : whole(figures.visibility);
  return `${heatSquare(figures.exposure)} ${exposure} · vis ${visibility}`;
}

function answerText(a: Pick<ReportAnswer, 'kind' | 'optionLabel' | 'level'>, levels: Report['bank']['levels']): string {
  if (a.kind === 'unknown') return "We don't know";
  if (a.kind === 'na') return 'Not applicable';
  return `${mdInline(a.optionLabel ?? '')} (${mdInline(levelDetail(a.level ?? 0, levels))})`;
}

function confidenceText(a: Pick<ReportAnswer, 'confidence' | 'effectiveConfidence' | 'stale' | 'kind'>): string {
  if (a.kind !== 'option') return '—';
  const recorded = a.confidence ?? 'not given';
  const counted = a.effectiveConfidence ?? 'reported';
  if (a.stale && recorded !== counted) return `${recorded} → ${counted} (stale)`;
  if (a.stale) return `${counted} (stale)`;
  return a.confidence ? counted : `${counted} (not given)`;
}

function header(report: Report): string[] {
  const { assessment, bank } = report;
  const lines = [`# ${mdInline(bank.title)}: ${mdInline(assessment.name)}`, ''];
  if (assessment.organisation) lines.push(`- **Organisation:** ${mdInline(assessment.organisation)}`);
  lines.push(`- **Date:** ${date(report.generatedAt)} (assessment started ${date(assessment.createdAt)})`);
  if (assessment.facilitator) lines.push(`- **Facilitator:** ${mdInline(assessment.facilitator)}`);
  if (assessment.participants.length > 0) {
    lines.push(`- **Participants:** ${assessment.participants.map((p) => mdInline(participantText(p))).join(', ')}`);
  }
  const answeredAgainst = bank.assessedVersion !== bank.version ? `; the assessment began with version ${mdInline(bank.assessedVersion)}` : '';
  lines.push(`- **Question bank:** ${mdInline(bank.title)} (${mdInline(bank.id)} ${mdInline(bank.version)}${answeredAgainst})`, '');
  return lines;
}

function summary(report: Report, controls: ControlsView | undefined): string[] {
  const { overall } = report;
  const lines = ['## Summary', '', ...(controls ? claimedButExposedLines(controls, 3, report.bank.levels) : [])];
  const journeys = mdInline(scopeWords(report).count(report.journeys.length));
  if (overall.exposure === null && overall.visibility === null) {
    lines.push(`No figures yet: no question of the ${journeys} has been answered with an option or "we don't know".`);
  } else {
    const exposure = overall.exposure === null ? 'no exposure figure yet (no question answered with an option)' : `exposure **${whole(overall.exposure)}**/100`;
    const visibility =
      overall.visibility === null ? 'no visibility figure' : `visibility **${whole(overall.visibility)}**/100 (a gap of ${whole(100 - overall.visibility)})`;
    const onEvidence = report.evidence?.visibilityOnEvidence ?? 0;
    const evidence = overall.visibility !== null && onEvidence > 0 ? ` ${formatNumber(onEvidence, 1)} of the visibility rests on evidence.` : '';
    lines.push(`Overall ${exposure} and ${visibility}, across ${journeys} weighted by sensitivity.${evidence}`);
  }
  const { progress } = overall;
  const given = overall.given ?? progress;
  const org = report.organisation.progress;
  if (given.total > 0) {
    // The questions the room answers, each once, as the workbook counts them; with organisation-wide ones, also the count per journey the figures rest on.
    const perScope = org.total > 0 ? `, the organisation-wide ones once (${org.answered} of ${org.total}); counted in every ${mdInline(scopeWords(report).one)} they hold for, ${progress.answered} of ${progress.total}` : '';
    lines.push(`${given.answered} of ${given.total} questions answered (${percentOf(given.ratio ?? 0)})${perScope}.`);
  }
  const since = report.cycles.sinceLastCycle;
  if (since) {
    const exposure = deltaView(since.overall.exposure, true);
    const visibility = deltaView(since.overall.visibility, false);
    lines.push(
      `Since ${mdInline(since.from.label)} (${date(since.from.at)}): exposure ${exposure.from} → ${exposure.to} (${verdictWords(exposure)}), visibility ${visibility.from} → ${visibility.to} (${verdictWords(visibility)}).`,
    );
  }
  const carried = report.cycles.carriedOver;
  if (carried > 0) {
    lines.push(`${carried} ${carried === 1 ? 'answer was' : 'answers were'} carried over from the last cycle and ${carried === 1 ? 'is' : 'are'} not yet confirmed.`);
  }
  const gaps = report.visibilityGaps.reduce((n, g) => n + g.entries.length, 0);
  if (gaps > 0 || report.onSomeonesWord > 0) {
    lines.push(`${gaps} ${gaps === 1 ? 'answer is a visibility gap' : 'answers are visibility gaps'} (unknown or disputed); ${report.onSomeonesWord} rest on someone's word.`);
  }
  lines.push('');
  if (report.findOut.length === 0 && report.plan.length === 0) {
    lines.push('The plan is empty: no answer leaves any risk to remove.', '');
    return lines;
  }
  if (report.findOut.length > 0) {
    const risk = report.findOut.reduce((sum, i) => sum + i.riskRemoved, 0);
    lines.push(`Find out first: ${report.findOut.length} ${report.findOut.length === 1 ? 'thing nobody knew' : 'things nobody knew'}, clearing risk ${formatNumber(risk)}.`, '');
  }
  const first = report.plan.slice(0, 3);
  if (first.length > 0) {
    lines.push(`Then fix ${first.length === 1 ? 'this' : `these ${first.length}`} first:`, '');
    first.forEach((item, i) => {
      lines.push(`${i + 1}. **${mdInline(item.title)}** — priority ${formatNumber(item.effectivePriority, 1)}, removes risk ${formatNumber(item.riskRemoved)}`);
    });
    lines.push('');
  }
  return lines;
}

function heatTable(report: Report): string[] {
  const lines = ['## Heat map', ''];
  const words = scopeWords(report);
  if (report.journeys.length === 0) return [...lines, `No ${mdInline(words.many)} yet.`, ''];
  const head = [mdCell(words.One), 'Sensitivity', ...report.dimensions.map((d) => mdCell(d.title)), `${mdCell(words.One)} overall`, 'Answered'];
  const align: ('l' | 'r')[] = ['l', 'l', ...report.dimensions.map(() => 'l' as const), 'l', 'r'];
  const rows = report.journeys.map((j: ReportJourney) => [
    mdCell(j.name),
    j.sensitivity,
    ...j.dimensions.map(heatCell),
    `**${heatCell(j)}**`,
    `${j.progress.answered}/${j.progress.total}`,
  ]);
  const o = report.overall;
  rows.push([
    `**All ${mdInline(words.many)}**`,
    'weighted',
    ...o.dimensions.map((d) => `**${heatCell(d)}**`),
    `**${heatCell(o)}**`,
    `${o.progress.answered}/${o.progress.total}`,
  ]);
  lines.push(...table(head, align, rows), '');
  lines.push(
    'Each cell: exposure (0 well controlled … 100 fully exposed) · vis = visibility (100: every answer verified; 0: nobody knows).',
    'Exposure: 🟩 0–24 · 🟨 25–49 · 🟧 50–74 · 🟥 75–100 · ⬜ no figure (nothing answered with an option, shown as —).',
    '',
  );
  return lines;
}

/** Write access, or not logged (or nobody knows): the links a reader should look at first. */
export function isSensitive(integration: Report['integrations'][number]): boolean {
  return integration.access === 'write' || integration.logged !== 'yes';
}

export function integrationLabel(integration: Report['integrations'][number]): string {
  const fields =
    integration.fields.length === 0
      ? ''
      : `: ${integration.fields.slice(0, 3).join(', ')}${integration.fields.length > 3 ? ` +${integration.fields.length - 3}` : ''}`;
  const logged = integration.logged === 'yes' ? 'logged' : integration.logged === 'no' ? 'not logged' : 'logging unknown';
  return `${isSensitive(integration) ? '⚠ ' : ''}${integration.access === 'write' ? 'writes' : 'reads'}${fields} · ${logged}`;
}

/**
 * The integrations drawn on a journey's map: those between its systems, and those that
 * take its data out (one of its systems writes to another system, or another system
 * reads from one of its systems). Data coming in from elsewhere is left to that journey.
 */
export function journeyIntegrations(report: Report, inJourney: ReadonlySet<string>): Report['integrations'] {
  return report.integrations.filter(
    (i) => (inJourney.has(i.from) && inJourney.has(i.to)) || (i.access === 'write' ? inJourney.has(i.from) : inJourney.has(i.to)),
  );
}

function journeyMap(report: Report, journey: ReportJourney): string[] {
  const systems = new Map(report.systems.map((s) => [s.id, s]));
  const inJourney = new Set(journey.systemIds);
  const integrations = journeyIntegrations(report, inJourney);
  const nodeIds = new Map<string, string>();
  const nodeOf = (id: string) => {
    let node = nodeIds.get(id);
    if (!node) {
      node = `n${nodeIds.size + 1}`;
      nodeIds.set(id, node);
    }
    return node;
  };
  for (const id of journey.systemIds) nodeOf(id);
  for (const i of integrations) {
    nodeOf(i.from);
    nodeOf(i.to);
  }
  if (nodeIds.size === 0) return [`No systems recorded for this ${mdInline(report.bank.scope.singular)}.`, ''];

  const lines = ['```mermaid', 'flowchart LR'];
  const outside: string[] = [];
  for (const [id, node] of nodeIds) {
    const system = systems.get(id);
    const label = system ? `${system.name} · ${system.kind.replace(/-/g, ' ')}` : `${id} · not described`;
    lines.push(`  ${node}["${mermaidLabel(label)}"]`);
    if (!inJourney.has(id)) outside.push(node);
  }
  const sensitiveLinks: number[] = [];
  integrations.forEach((integration, index) => {
    const sensitive = isSensitive(integration);
    if (sensitive) sensitiveLinks.push(index);
    const arrow = sensitive ? '-.->' : '-->';
    lines.push(`  ${nodeOf(integration.from)} ${arrow}|"${mermaidLabel(integrationLabel(integration))}"| ${nodeOf(integration.to)}`);
  });
  if (sensitiveLinks.length > 0) lines.push(`  linkStyle ${sensitiveLinks.join(',')} stroke:#c62828,stroke-width:2px,color:#c62828`);
  if (outside.length > 0) {
    lines.push('  classDef outside stroke-dasharray:4 3', `  class ${outside.join(',')} outside`);
  }
  lines.push('```', '');
  return lines;
}

/** The systems section: left out when the assessment records no system (a bank that assesses teams may have none). */
function systemMaps(report: Report): string[] {
  if (report.systems.length === 0 && report.integrations.length === 0) return [];
  const lines = ['## Systems and integrations', ''];
  const words = scopeWords(report);
  if (report.journeys.length === 0) return [...lines, `No ${mdInline(words.many)} yet.`, ''];
  lines.push(
    `An arrow goes from the system that holds the access to the system it reads or writes. Dashed red arrows marked ⚠: write access, or not logged, or nobody knows whether it is logged. Boxes with a dashed border: systems outside the ${mdInline(words.one)} that its data reaches.`,
    '',
  );
  for (const journey of report.journeys) {
    lines.push(`### ${mdInline(journey.name)}`, '', ...journeyMap(report, journey));
  }
  return lines;
}

/**
 * Why an action is in the plan, in one line: the answers that feed it, grouped by
 * question and answer, each with where it comes from (a journey, an override, the
 * organisation answer) and what it adds to the risk removed.
 */
function whyText(item: PlanItem | FindOutItem, maxReasons: number, names: ScopeNames): string {
  const groups = new Map<string, PlanReason[]>();
  for (const reason of item.reasons) {
    const key = `${reason.questionId}\u0000${reason.optionId ?? ''}`;
    const group = groups.get(key);
    if (group) group.push(reason);
    else groups.set(key, [reason]);
  }
  const parts: string[] = [];
  let shown = 0;
  for (const reasons of groups.values()) {
    if (shown >= maxReasons) break;
    const first = reasons[0]!;
    const places = reasons.slice(0, maxReasons - shown).map((r) => `${mdInline(reasonPlace(r, names))} (${reasonFigures(r)})`);
    shown += places.length;
    parts.push(`“${mdInline(first.questionPrompt)}” answered “${mdInline(reasonAnswer(first))}” in ${places.join(', ')}`);
  }
  const more = item.reasons.length - shown;
  return `removes risk ${formatNumber(item.riskRemoved)}: ${parts.join('; ')}${more > 0 ? `; and ${more} more` : ''}.`;
}

/**
 * Where the team stands on an item, when anyone set a status: the status that counts,
 * who it is assigned to, the due date (overdue), an accepted risk's reason and review date.
 */
function statusText(item: PlanItem | FindOutItem): string | undefined {
  const t = item.tracking;
  if (t.recorded === null) return undefined;
  const parts = [`**${PLAN_STATUS_LABEL[t.status]}**${t.recorded !== t.status ? ` (recorded as ${PLAN_STATUS_LABEL[t.recorded]})` : ''}`];
  if (t.owner) parts.push(`assigned to ${mdInline(t.owner)}`);
  if (t.due) parts.push(`due ${t.due}${t.overdue ? ' (**overdue**)' : ''}`);
  if (t.recorded === 'accepted-risk') {
    if (t.reviewBy) parts.push(`review by ${t.reviewBy}`);
    if (t.reason.trim()) parts.push(`reason: ${mdInline(t.reason)}`);
  }
  if (t.updatedAt) parts.push(`updated ${date(t.updatedAt)}${t.by ? ` by ${mdInline(t.by)}` : ''}`);
  return parts.join(' · ');
}

/** " · ticket <https://…>" (a link only for an http(s) address), or ''. */
function ticketText(ticket: string | null): string {
  if (!ticket) return '';
  const url = httpUrl(ticket);
  return ` · ticket ${url ? `<${url}>` : mdInline(ticket)}`;
}

function trackingLines(item: PlanItem | FindOutItem): string[] {
  const lines: string[] = [];
  const status = statusText(item);
  if (status) lines.push(`  - Status: ${status}`);
  if (item.tracking.flag) lines.push(`  - ⚠ **${TRACKING_FLAG_TEXT[item.tracking.flag]}**`);
  return lines;
}

/**
 * "  - How: ..." with the action's detail in the safe subset (src/export/safe-markdown.ts:
 * emphasis, lists, http(s) links with their address); a detail that opens with a list
 * starts it on the next line, inside the item.
 */
function howLine(detail: string): string {
  const text = safeMarkdown(detail, '    ');
  return /^(?:- |\d+\. )/.test(text) ? `  - How:\n    ${text}` : `  - How: ${text}`;
}

function findOutItemLines(item: FindOutItem, maxReasons: number, names: ScopeNames): string[] {
  const box = item.tracking.status === 'done' ? 'x' : ' ';
  const lines = [`- [${box}] **${mdInline(item.title)}** — clears risk ${formatNumber(item.riskRemoved)}`, ...trackingLines(item)];
  lines.push(`  - Why: ${whyText(item, maxReasons, names)}`);
  if (item.detail) lines.push(howLine(item.detail));
  lines.push(`  - Tracker id: ${item.id}${ticketText(item.tracking.ticket)}`);
  return lines;
}

function planItemLines(item: PlanItem, maxReasons: number, capacity: Report['planCapacity'], titleOf: TitleOf, names: ScopeNames): string[] {
  const owner = item.owner ? ` · owner ${mdInline(item.owner)}` : '';
  const box = item.tracking.status === 'done' ? 'x' : ' ';
  const inherited = item.effectivePriority > item.priority ? ` (own ${formatNumber(item.priority, 1)})` : '';
  const lines = [
    `- [${box}] **${mdInline(item.title)}** — effort ${item.effort}${owner} · priority ${formatNumber(item.effectivePriority, 1)}${inherited}`,
    ...trackingLines(item),
  ];
  lines.push(`  - ${mdInline(`Here because of ${horizonWhy(item, capacity, titleOf)}`)}`);
  if (item.requires.length > 0) lines.push(`  - Needs first: ${item.requires.map((id) => mdInline(titleOf(id))).join(', ')}`);
  lines.push(`  - Why: ${whyText(item, maxReasons, names)}`);
  if (item.detail) lines.push(howLine(item.detail));
  if (item.controls && item.controls.length > 0) {
    lines.push(`  - Controls it serves: ${item.controls.map((c) => `${c.framework} ${mdInline(c.controlId)} ${mdInline(c.title)}`).join('; ')}`);
  }
  lines.push(`  - Tracker id: ${item.id}${ticketText(item.tracking.ticket)}`);
  return lines;
}

/** "Status: 1 in progress, 1 done (⚠ 1 still shows the gap), …": only when anyone set one. */
function planStatusSummary(report: Report): string | undefined {
  const all = [...report.findOut, ...report.plan];
  if (!all.some((p) => p.tracking.recorded !== null) && report.closedItems.length === 0) return undefined;
  const counts = new Map<string, number>();
  for (const p of all) counts.set(p.tracking.status, (counts.get(p.tracking.status) ?? 0) + 1);
  const parts = (['in-progress', 'done', 'accepted-risk', 'open'] as const)
    .filter((s) => counts.has(s))
    .map((s) => `${counts.get(s)} ${PLAN_STATUS_LABEL[s]}`);
  const overdue = all.filter((p) => p.tracking.overdue).length;
  const flagged = all.filter((p) => p.tracking.flag !== null).length;
  if (overdue > 0) parts.push(`${overdue} overdue`);
  if (flagged > 0) parts.push(`⚠ ${flagged} to look at again`);
  if (report.closedItems.length > 0) parts.push(`${report.closedItems.length} done and closed (below)`);
  return `Status: ${parts.join(', ')}.`;
}

function findOutFirst(report: Report, maxReasons: number): string[] {
  const lines = ['## Find out first', ''];
  if (report.findOut.length === 0) return [...lines, 'Nothing: every asked question has an answer other than “we don\'t know”.', ''];
  lines.push(
    `${report.findOut.length} ${report.findOut.length === 1 ? 'question' : 'questions'} nobody could answer. What nobody can see counts as fully exposed, so this evidence sprint comes before any fix; each item is quick (effort S) and clears the risk shown once the answer is recorded.`,
    '',
  );
  for (const group of byOwner(report.findOut)) {
    lines.push(`### ${mdInline(group.owner || 'No owner named')}`, '');
    lines.push(...group.items.flatMap((item) => findOutItemLines(item, maxReasons, report.bank.scope)), '');
  }
  return lines;
}

function plan(report: Report, maxReasons: number): string[] {
  const lines = ['## Fix', ''];
  const status = planStatusSummary(report);
  if (report.plan.length === 0) {
    lines.push('Nothing to fix yet: no answer given with an option leaves any risk to remove.', '');
    if (status) lines.push(status, '');
  } else {
    const { now, next } = report.planCapacity;
    lines.push(
      `${report.plan.length} ${report.plan.length === 1 ? 'action' : 'actions'}, ranked by the share of risk each removes per unit of effort (S 1, M 3, L 8), prerequisites first. Now holds ${now} effort points and Next ${next} more; a verified or reported worst case is contained now, and long programmes (effort L removing risk 9 or more) start now.`,
      '',
    );
    if (status) lines.push(status, '');
    const titleOf = titleLookup(report.plan);
    const horizons = [
      ['now', 'Now'],
      ['next', 'Next'],
      ['later', 'Later'],
    ] as const;
    for (const [horizon, title] of horizons) {
      const items = report.plan.filter((i) => i.horizon === horizon);
      lines.push(`### ${title}`, '');
      if (items.length === 0) lines.push('Nothing here.', '');
      else lines.push(...items.flatMap((item) => planItemLines(item, maxReasons, report.planCapacity, titleOf, report.bank.scope)), '');
    }
  }
  if (report.closedItems.length > 0) {
    lines.push('### Done and closed', '', 'Marked done, and the answers no longer call for them:', '');
    for (const c of report.closedItems) {
      const who = [c.owner ? `assigned to ${mdInline(c.owner)}` : '', `marked done ${date(c.updatedAt)}${c.by ? ` by ${mdInline(c.by)}` : ''}`].filter(Boolean);
      lines.push(`- [x] **${mdInline(c.title)}** — ${who.join(' · ')}`);
    }
    lines.push('');
  }
  return lines;
}

function visibilityGaps(report: Report): string[] {
  const lines = ['## Visibility gaps', ''];
  const word = report.onSomeonesWord;
  const apart = word > 0 ? ` ${word} ${word === 1 ? 'answer rests' : 'answers rest'} on someone's word (reported): not gaps, but worth seeing evidence for.` : '';
  if (report.visibilityGaps.length === 0) {
    return [...lines, `None: no answer is unknown or disputed.${apart}`, ''];
  }
  const v = report.overall.visibility;
  lines.push(
    `${v === null ? '' : `Visibility ${whole(v)}/100, a gap of ${whole(100 - v)}. `}These answers rest on no evidence (we don't know) or on disagreement (disputed). Find out, then record what was seen.${apart}`,
    '',
  );
  const dimensions = new Map(report.dimensions.map((d) => [d.id, d.title]));
  for (const gap of report.visibilityGaps) {
    const about = gap.findOut.generated ? '' : ` — about “${mdInline(gap.questionPrompt)}”`;
    const dimension = dimensions.get(gap.dimensionId) ?? gap.dimensionId;
    lines.push(`- [ ] **${mdInline(gap.findOut.title)}**${about} (${mdInline(dimension)}, weight ${gap.weight})`);
    for (const entry of gap.entries) {
      const what =
        entry.reason === 'unknown' ? "we don't know" : `${entry.reason}${entry.stale ? ' (stale)' : ''}: “${mdInline(entry.optionLabel ?? '')}”`;
      const note = entry.note.trim() ? ` — ${mdBlock(entry.note, '    ')}` : '';
      lines.push(`  - ${mdInline(entry.journeyName ?? ORGANISATION_LABEL)}: ${what}${note}`);
    }
  }
  lines.push('');
  return lines;
}

function documentedButExposed(report: Report): string[] {
  const lines = ['## Documented but exposed', ''];
  if (report.documentedButExposed.length === 0) {
    return [...lines, `None: no answer records a documented control alongside an exposure of ${mdInline(exposedLevelsWords(report.bank.levels))}.`, ''];
  }
  lines.push(`A control exists on paper, yet the answer given shows the data exposed in practice (${mdInline(exposedLevelsWords(report.bank.levels))}).`, '');
  lines.push(
    ...table(
      [mdCell(scopeWords(report).One), 'Question', 'In practice', 'Confidence', 'Note'],
      ['l', 'l', 'l', 'l', 'l'],
      report.documentedButExposed.map((d) => [
        mdCell(d.journeyName ?? ORGANISATION_LABEL),
        mdCell(d.questionPrompt),
        `${mdCell(d.optionLabel)} (${mdCell(levelDetail(d.level, report.bank.levels))})`,
        d.confidence,
        mdCell(d.note),
      ]),
    ),
    '',
  );
  return lines;
}

function staleAnswers(report: Report): string[] {
  const lines = ['## Stale answers', ''];
  if (report.staleAnswers.length === 0) return [...lines, 'None: no answer is older than its question allows.', ''];
  lines.push('Older than their question allows: they count as reported at most until someone checks them again.', '');
  lines.push(
    ...table(
      [mdCell(scopeWords(report).One), 'Question', 'Answered', 'Age (days)', 'Lifetime (days)', 'Counts as'],
      ['l', 'l', 'l', 'r', 'r', 'l'],
      report.staleAnswers.map((s) => [
        mdCell(s.journeyName ?? ORGANISATION_LABEL),
        mdCell(s.questionPrompt),
        date(s.at),
        String(s.ageDays),
        String(s.lifetimeDays),
        s.kind === 'option' ? (s.effectiveConfidence ?? 'reported') : s.kind === 'unknown' ? "we don't know" : 'not applicable',
      ]),
    ),
    '',
  );
  return lines;
}

/** Where a parking-lot item was raised: "Phone support: How soon ...?", or '' when not on a question. */
function raisedOn(entry: Report['parkingLot'][number]): string {
  if (!entry.questionPrompt) return '';
  return `${entry.journeyName ?? ORGANISATION_LABEL}: ${entry.questionPrompt}`;
}

/** The open questions the room parked, with owner and due date; nothing when there are none. */
function parkingLot(report: Report): string[] {
  if (report.parkingLot.length === 0) return [];
  return [
    '## Parking lot',
    '',
    `${report.parkingLot.length} ${report.parkingLot.length === 1 ? 'question' : 'questions'} the room could not settle, to answer outside it:`,
    '',
    ...table(
      ['Id', 'Open question', 'Raised on', 'Owner', 'Due', 'Raised'],
      ['l', 'l', 'l', 'l', 'l', 'l'],
      report.parkingLot.map((p) => [
        p.id,
        mdCell(p.text),
        mdCell(raisedOn(p) || '—'),
        mdCell(p.owner || '—'),
        p.due ? `${p.due}${p.overdue ? ' (overdue)' : ''}` : '—',
        `${date(p.at)}${p.by ? ` by ${mdCell(p.by)}` : ''}`,
      ]),
    ),
    '',
  ];
}

/** The decisions the room took; nothing when there are none. */
function decisionLog(report: Report): string[] {
  if (report.decisions.length === 0) return [];
  const lines = ['## Decisions', ''];
  for (const d of report.decisions) {
    const details = [d.owner ? `owner ${mdInline(d.owner)}` : '', d.due ? `due ${d.due}` : '', `${date(d.at)}${d.by ? `, ${mdInline(d.by)}` : ''}`, raisedOn(d) ? `on ${mdInline(raisedOn(d))}` : ''].filter(Boolean);
    lines.push(`- **${mdInline(d.text)}** (${d.id}) — ${details.join(' · ')}`);
  }
  return [...lines, ''];
}

/**
 * Answers the workbook keeps that this bank cannot read (their question or option is gone),
 * so that a bank upgrade never drops an answer silently. Nothing when there are none.
 */
function olderBankAnswers(report: Report): string[] {
  const older = report.ignoredAnswers.filter((a) => a.reason === 'unknown-question' || a.reason === 'unknown-option');
  if (older.length === 0) return [];
  const { bank } = report;
  const journeyName = new Map(report.journeys.map((j) => [j.id, j.name]));
  const from = bank.assessedVersion !== bank.version ? `version ${mdInline(bank.assessedVersion)} of the bank` : 'an earlier form of the bank';
  return [
    '## Answers from an older bank version',
    '',
    `${older.length === 1 ? 'This answer was' : `These ${older.length} answers were`} given on ${from}, and ${mdInline(bank.id)} ${mdInline(bank.version)} has no place for ${older.length === 1 ? 'it' : 'them'}: the question was removed, or its ladder rewritten. ${older.length === 1 ? 'It stays' : 'They stay'} in the workbook and count${older.length === 1 ? 's' : ''} nowhere; answer the question again where the bank still asks it.`,
    '',
    ...table(
      [mdCell(scopeWords(report).One), 'Question', 'Answer recorded', 'Why it no longer counts'],
      ['l', 'l', 'l', 'l'],
      older.map((a) => [
        mdCell(a.journeyId === null ? ORGANISATION_LABEL : (journeyName.get(a.journeyId) ?? a.journeyId)),
        mdCell(a.questionId),
        a.kind === 'option' ? mdCell(a.optionId ?? '') : a.kind === 'unknown' ? "we don't know" : 'not applicable',
        a.reason === 'unknown-question' ? 'the question is no longer in the bank' : 'the bank no longer has this option',
      ]),
    ),
    '',
  ];
}

function answerRows(answers: readonly ReportAnswer[], participants: Report['assessment']['participants'], levels: Report['bank']['levels']): string[] {
  return table(
    ['Question', 'Answer', 'Confidence', 'On paper', 'Note', 'By', 'Date'],
    ['l', 'l', 'l', 'l', 'l', 'l', 'l'],
    answers.map((a) => [
      mdCell(a.questionPrompt),
      a.override ? `${answerText(a, levels)}, overriding the organisation answer` : answerText(a, levels),
      confidenceText(a),
      // Named as the walk names it: documented on paper, yes or no.
      a.policy === 'documented' ? 'yes' : a.policy === 'none' ? 'no' : '—',
      mdCell(a.note),
      a.by ? personMd(a.by, participants) : '',
      a.carriedOver ? `${date(a.at)}, carried over` : date(a.at),
    ]),
  );
}

/** "### Question help": the help of each question answered, once, in bank order; none without help. */
function helpLines(report: Report, help: ReadonlyMap<string, string> | undefined): string[] {
  if (!help || help.size === 0) return [];
  const asked = new Map(report.answers.map((a) => [a.questionId, a.questionPrompt]));
  const shown = [...help].filter(([id]) => asked.has(id));
  if (shown.length === 0) return [];
  const lines = ['### Question help', '', 'What the walk showed beside each question answered above (the bank\'s help, its links with their address).', ''];
  for (const [id, text] of shown) lines.push(`- **${mdInline(asked.get(id)!)}**`, '', `  ${safeMarkdown(text, '  ')}`, '');
  return lines;
}

function answersAppendix(report: Report, help?: ReadonlyMap<string, string>): string[] {
  const lines = ['## Answers', ''];
  const words = scopeWords(report);
  if (report.journeys.length === 0 && report.organisation.progress.total === 0) return [...lines, `No ${mdInline(words.many)} yet.`, ''];
  const organisation: ReportAnswer[] = [];
  const byJourney = new Map<string, ReportAnswer[]>();
  for (const a of report.answers) {
    if (a.journeyId === null) {
      organisation.push(a);
      continue;
    }
    const list = byJourney.get(a.journeyId);
    if (list) list.push(a);
    else byJourney.set(a.journeyId, [a]);
  }
  const carried = report.cycles.carriedOver;
  if (carried > 0) {
    lines.push(
      `${carried} ${carried === 1 ? 'answer was' : 'answers were'} carried over from the last cycle and not yet confirmed: marked “carried over” beside ${carried === 1 ? 'its' : 'their'} date.`,
      '',
    );
  }
  const org = report.organisation.progress;
  if (org.total > 0) {
    lines.push(
      `### ${ORGANISATION_LABEL}`,
      '',
      `Answered once for the whole assessment; each holds for every ${mdInline(words.one)} the question applies to, unless the ${mdInline(words.one)} overrides it.`,
      '',
    );
    if (organisation.length > 0) lines.push(...answerRows(organisation, report.assessment.participants, report.bank.levels), '', ...answerEvidenceLines(organisation));
    if (org.answered < org.total) lines.push(`${org.total - org.answered} of ${org.total} questions not answered yet.`, '');
  }
  for (const journey of report.journeys) {
    lines.push(`### ${mdInline(journey.name)}`, '');
    const answers = byJourney.get(journey.id) ?? [];
    const open = journey.progress.total - journey.progress.answered;
    if (answers.length > 0) lines.push(...answerRows(answers, report.assessment.participants, report.bank.levels), '', ...answerEvidenceLines(answers));
    if (open > 0 || (answers.length === 0 && journey.progress.answered === 0)) {
      lines.push(`${open} of ${journey.progress.total} questions not answered yet.`, '');
    }
  }
  return [...lines, ...helpLines(report, help)];
}

function method(report: Report, url: string): string[] {
  const words = scopeWords(report);
  const levels = report.bank.levels ? ` (${report.bank.levels.map((name, level) => `${level} ${mdInline(name)}`).join(', ')})` : '';
  return [
    '## How the scores work',
    '',
    `Exposure is the weighted average of the exposure levels (0–4)${levels} of the answers given, “we don't know” counting as fully exposed, shown on a 0–100 scale; visibility is the weighted share of the asked questions whose answers rest on evidence (verified 1, reported ½, disputed ¼, unknown 0); an organisation-wide answer counts in every ${mdInline(words.one)} it holds for, and ${mdInline(words.many)} combine by sensitivity.` +
      " Each answer's risk (question weight × sensitivity × exposure, an organisation-wide answer counted once at the highest sensitivity it holds for) goes to the fixes its option names, by their shares; each fix ranks by the risk it removes divided by its effort, prerequisites first, and the horizons are cut by effort capacity. The full method, with a worked example, is in [the scoring model](" +
      url.replace(/[()\s<>]/g, encodeURIComponent) +
      ').',
    '',
  ];
}

/** The sign-off block: as recorded, or blank lines to fill in by hand. */
function signoffMarkdown(report: Report): string[] {
  const lines = ['## Sign-off', ''];
  for (const { label, value } of signoffLines(report.signoff)) lines.push(`- **${label}:** ${value === null ? '______________________' : mdInline(value)}`);
  if (!report.signoff) lines.push('', 'Decision: ☐ accepted · ☐ accepted with conditions · ☐ not accepted');
  lines.push('');
  return lines;
}

/** What changed since the latest snapshot, when there is one. */
export function sinceLastCycle(report: Report): string[] {
  const diff = report.cycles.sinceLastCycle;
  return diff ? cycleDiffLines(diff, { level: 2, title: 'Since last cycle', plan: report.plan, words: { scope: report.bank.scope, levels: report.bank.levels } }) : [];
}

/** The whole report as markdown. */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const lines = [
    ...header(report),
    ...summary(report, options.controls),
    ...sinceLastCycle(report),
    ...(report.cycles.trend ? trendLines(report.cycles.trend, 2, { scope: report.bank.scope, levels: report.bank.levels }) : []),
    ...heatTable(report),
    ...systemMaps(report),
    ...findOutFirst(report, options.maxReasons ?? 6),
    ...plan(report, options.maxReasons ?? 6),
    ...visibilityGaps(report),
    ...disagreementsMarkdown(report),
    ...documentedButExposed(report),
    ...staleAnswers(report),
    ...evidenceSectionLines(report),
    ...parkingLot(report),
    ...decisionLog(report),
    ...(options.controls ? controlsSectionLines(options.controls) : []),
    ...olderBankAnswers(report),
    ...answersAppendix(report, options.questionHelp),
    ...method(report, options.scoringDocUrl ?? DEFAULT_SCORING_DOC),
    ...signoffMarkdown(report),
    `_Generated by cxray${options.version ? ` ${mdInline(options.version)}` : ''} on ${date(report.generatedAt)}._`,
  ];
  return lines.join('\n') + '\n';
}

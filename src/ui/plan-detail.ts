/**
 * The plan screen's pane on the highlighted item, as lines cut to the width: its id,
 * lane and figures; its owner, due date and review (when set); why it is in its horizon (and what it needs first); then the answers
 * behind it, each with its journey and question, the largest part first, as many as the
 * pane holds and "… and 3 more" for the rest. Plain text (plainLine'd). Pure.
 */
import type { FindOutItem, PlanItem } from '../core/report-schema.js';
import { levelDetail } from '../core/bank-words.js';
import { plainLine } from '../core/terminal-text.js';
import { HORIZON_TITLE, formatNumber, horizonWhy, reasonAnswer, reasonPlace, type TitleOf } from '../export/plan-words.js';
import { wrapAtMost } from './wrap-lines.js';
import { trackingDetail } from './components/PlanItemList.js';

export interface DetailLine {
  text: string;
  dim?: boolean;
  bold?: boolean;
}

type Item = PlanItem | FindOutItem;

/** "CX-… · Fix, Now · effort M · removes risk 12.5 · priority 4.2". */
function headLine(item: Item): string {
  if (item.kind === 'discovery') return `${item.id} · Find out first · effort S · clears risk ${formatNumber(item.riskRemoved)}`;
  const inherited = item.effectivePriority > item.priority ? ` (own ${formatNumber(item.priority, 1)})` : '';
  return `${item.id} · Fix, ${HORIZON_TITLE[item.horizon]} · effort ${item.effort} · removes risk ${formatNumber(item.riskRemoved)} · priority ${formatNumber(item.effectivePriority, 1)}${inherited}`;
}

/** Why the item is where it is: its horizon reason, or what a Find out item is for. */
function placeLine(item: Item, capacity: { now: number; next: number }, titleOf: TitleOf): string {
  if (item.kind === 'discovery') {
    return `Find out first: the answers behind it are "we don't know"; found out before any fix is chosen (effort S)`;
  }
  const needs = item.requires.length > 0 ? ` · needs first: ${item.requires.map((id) => plainLine(titleOf(id))).join(', ')}` : '';
  return `In ${HORIZON_TITLE[item.horizon]} because of ${plainLine(horizonWhy(item, capacity, titleOf))}${needs}`;
}

/**
 * One answer behind the item: "Phone support · Every day (level 3, verified) · Can agents
 * export …?"; the level by the bank's name where it names levels (`levels`).
 */
function reasonLine(reason: Item['reasons'][number], levels: readonly string[] | null): string {
  const level = reason.kind === 'option' && reason.level !== null ? levelDetail(reason.level, levels) : '';
  const facts = [level, reason.confidence ?? ''].filter(Boolean).join(', ');
  return `${plainLine(reasonPlace(reason))} · ${plainLine(reasonAnswer(reason))}${facts ? ` (${facts})` : ''} · ${plainLine(reason.questionPrompt)}`;
}

/** The pane's lines, at most `height`, each at most `width` columns. */
export function planDetailLines(item: Item, capacity: { now: number; next: number }, titleOf: TitleOf, width: number, height: number, levels: readonly string[] | null = null): DetailLine[] {
  if (height <= 0) return [];
  const lines: DetailLine[] = [{ text: wrapAtMost(headLine(item), width, 1)[0]!, bold: true }];
  if (height === 1) return lines;
  const tracking = trackingDetail(item).text;
  const trackingLines = tracking && height >= 4 ? wrapAtMost(tracking, width, height >= 6 ? 2 : 1) : [];
  lines.push(...trackingLines.map((text) => ({ text })));
  const place = wrapAtMost(placeLine(item, capacity, titleOf), width, height >= 6 && trackingLines.length < 2 ? 2 : 1);
  lines.push(...place.map((text) => ({ text })));
  const room = height - lines.length;
  if (room <= 0) return lines.slice(0, height);
  const reasons = [...item.reasons].sort((a, b) => b.portion - a.portion);
  const count = reasons.length;
  const heading = `${count === 1 ? 'The answer' : `The ${count} answers`} behind it:`;
  if (room <= 2 || count <= 1) {
    const first = reasons[0];
    const text = first ? `${heading} ${reasonLine(first, levels)}${count > 1 ? ` (and ${count - 1} more)` : ''}` : 'No answer behind it any more.';
    return [...lines, ...wrapAtMost(text, width, count <= 1 ? room : 1).map((t) => ({ text: t, dim: true }))];
  }
  lines.push({ text: heading, dim: true });
  const shown = count <= room - 1 ? count : room - 2;
  for (const reason of reasons.slice(0, shown)) lines.push({ text: `  ${wrapAtMost(reasonLine(reason, levels), width - 2, 1)[0]!}`, dim: true });
  if (shown < count) lines.push({ text: `  … and ${count - shown} more (Tab: the whole plan as text)`, dim: true });
  return lines.slice(0, height);
}

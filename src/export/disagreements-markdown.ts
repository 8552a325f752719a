/**
 * The report's "Unresolved disagreements" in markdown: each disputed answer, who held
 * what (the vote's positions, grouped by answer), and what evidence would settle it.
 */
import type { Disagreement, Report, ReportVote } from '../core/report-schema.js';
import { levelDetail } from '../core/bank-words.js';
import { participantText } from '../core/participants.js';
import { spreadWords } from '../core/votes.js';
import { safeMarkdown } from './safe-markdown.js';
import { mdInline } from './markdown-text.js';
import { ORGANISATION_LABEL } from './plan-words.js';

/** "Ana (support)" when the name is a participant's, else the name. */
export function personMd(name: string, participants: Report['assessment']['participants']): string {
  const p = participants.find((x) => x.name === name);
  return mdInline(p ? participantText(p) : name);
}

type Answer = Pick<Disagreement, 'kind' | 'optionLabel' | 'level'>;
type Levels = Report['bank']['levels'];
const answerWords = (a: Answer, levels: Levels) =>
  a.kind === 'unknown' ? "We don't know" : a.kind === 'na' ? 'Not applicable' : `“${mdInline(a.optionLabel ?? '')}” (${mdInline(levelDetail(a.level ?? 0, levels))})`;

/**
 * The positions grouped by answer, lowest level first: "“Partly” (level 1): Ana (support),
 * Ben; We don't know: Chloé"; a level by the bank's name where it names levels.
 */
export function positionsMd(vote: ReportVote, levels: Levels = null): string {
  const groups = new Map<string, { answer: Answer; names: string[] }>();
  for (const p of vote.positions) {
    const key = p.kind === 'option' ? `o${p.level ?? 9}\u0000${p.optionId}` : p.kind === 'unknown' ? 'x1' : 'x2';
    const name = mdInline(p.role ? `${p.name} (${p.role})` : p.name);
    const group = groups.get(key);
    if (group) group.names.push(name);
    else groups.set(key, { answer: p, names: [name] });
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, g]) => `${answerWords(g.answer, levels)}: ${g.names.join(', ')}`)
    .join('; ');
}

/** The spread in words: "levels 0 to 3, 3 apart, in a hidden vote of 5"; by the bank's names of the levels where it has them. */
function spreadMd(vote: ReportVote, levels: Levels): string {
  const named = levels && vote.low !== null && vote.high !== null ? spreadWords({ low: vote.low, high: vote.high, levels: vote.spread, disputed: true }, levels.map(mdInline)) : undefined;
  const range =
    named ?? (vote.low === null || vote.high === null ? 'no option chosen' : vote.spread === 0 ? `all at level ${vote.low}` : `levels ${vote.low} to ${vote.high}, ${vote.spread} apart`);
  return `${range}, in ${vote.hidden ? 'a hidden' : 'an open'} vote of ${vote.positions.length}`;
}

/** The section; nothing when the room agreed on everything. */
export function disagreementsMarkdown(report: Report): string[] {
  const list = report.disagreements;
  if (list.length === 0) return [];
  const lines = [
    '## Unresolved disagreements',
    '',
    `${list.length} ${list.length === 1 ? 'answer is' : 'answers are'} disputed: the room did not agree, and the answer counts as disputed until evidence settles it. Who held what is kept, not averaged away.`,
    '',
  ];
  for (const d of list) {
    lines.push(`### ${mdInline(d.questionPrompt)} — ${mdInline(d.journeyName ?? ORGANISATION_LABEL)}`, '');
    lines.push(`- **Settled on:** ${answerWords(d, report.bank.levels)}${d.by ? `, by ${personMd(d.by, report.assessment.participants)}` : ''}, ${d.at.slice(0, 10)}`);
    if (d.vote) lines.push(`- **Positions:** ${positionsMd(d.vote, report.bank.levels)} (${spreadMd(d.vote, report.bank.levels)})`);
    else lines.push('- **Positions:** not recorded (marked disputed without a vote)');
    if (d.note.trim()) lines.push(`- **Note:** ${mdInline(d.note.replace(/\s*\n\s*/g, ' '))}`);
    // The hint is the bank's text, in its safe markdown subset (bold, links), drawn as the answers appendix draws the help.
    lines.push(`- **What would settle it:** ${d.settle ? safeMarkdown(d.settle, '  ') : 'evidence of what is really in place (the question gives no hint)'}`, '');
  }
  return lines;
}

/**
 * The report's record of what the room did not agree on: the vote behind an answer (each
 * person's position with its level, and the spread), and the unresolved disagreements
 * (answers counted as disputed, or settled as "we don't know" after a vote two levels
 * apart or more) with what would settle each. Pure: no I/O.
 */
import type { Question } from './bank-schema.js';
import type { Disagreement, ReportAnswer, ReportVote } from './report-schema.js';
import { voteSpread } from './votes.js';
import type { Participant, Vote } from './workbook-schema.js';

/** A vote as the report gives it: positions with their labels, levels and the voters' roles, and the spread. */
export function reportVote(question: Question, vote: Vote, participants: readonly Participant[]): ReportVote {
  const spread = voteSpread(question, vote.positions);
  return {
    hidden: vote.hidden,
    positions: vote.positions.map((p) => {
      const option = p.kind === 'option' ? question.options.find((o) => o.id === p.optionId) : undefined;
      return {
        name: p.name,
        role: participants.find((x) => x.name === p.name)?.role ?? '',
        kind: p.kind,
        optionId: p.optionId ?? null,
        optionLabel: option?.label ?? null,
        level: option?.level ?? null,
      };
    }),
    low: spread.low,
    high: spread.high,
    spread: spread.levels,
    disputed: spread.disputed,
  };
}

/**
 * What would settle a disagreement on `question`: its evidence hint when the bank gives
 * one, else the first paragraph of its help, else ''.
 */
export function settleHint(question: Question): string {
  const hint = (question as Question & { evidence?: unknown }).evidence;
  if (typeof hint === 'string' && hint.trim() !== '') return hint.trim();
  const help = question.help?.trim() ?? '';
  return help.split(/\n\s*\n/)[0]!.replace(/\s*\n\s*/g, ' ').trim();
}

/** An answer the room has not agreed on: counted as disputed, or "we don't know" after a vote two levels apart or more. */
export function isUnresolved(answer: Pick<ReportAnswer, 'kind' | 'effectiveConfidence' | 'vote'>): boolean {
  if (answer.kind === 'option') return answer.effectiveConfidence === 'disputed';
  return answer.kind === 'unknown' && answer.vote?.disputed === true;
}

/** The unresolved disagreements among `answers` (in their order), with what would settle each. */
export function disagreementsOf(answers: readonly ReportAnswer[], questionOf: (id: string) => Question | undefined): Disagreement[] {
  const list: Disagreement[] = [];
  for (const a of answers) {
    if (!isUnresolved(a)) continue;
    const question = questionOf(a.questionId);
    list.push({
      scope: a.scope,
      journeyId: a.journeyId,
      journeyName: a.journeyName,
      questionId: a.questionId,
      questionPrompt: a.questionPrompt,
      kind: a.kind,
      optionId: a.optionId,
      optionLabel: a.optionLabel,
      level: a.level,
      by: a.by,
      at: a.at,
      note: a.note,
      vote: a.vote ?? null,
      settle: question ? settleHint(question) : '',
    });
  }
  return list;
}

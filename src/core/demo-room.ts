/**
 * The demo's workshop room: one question the room voted on and could not agree (a spread
 * of two levels or more, so disputed, the positions kept), one it voted on and agreed
 * within a level, two open questions in the parking lot and a decision. Written from
 * rules on whatever bank the demo is built for, not from question ids. Pure: no I/O.
 */
import type { Bank, Question } from './bank-schema.js';
import { addParked } from './parking-lot.js';
import type { Answer, Assessment, Participant, Position } from './workbook-schema.js';

const DAY_MS = 86_400_000;

/** Positions of the participants on `question`, the answer being `settled`: spread from its lowest option to its highest. */
function positions(question: Question, settled: string, people: readonly Participant[], agree: boolean): Position[] {
  const byLevel = [...question.options].sort((a, b) => a.level - b.level);
  const low = byLevel[0]!;
  const high = byLevel[byLevel.length - 1]!;
  const chosen = question.options.find((o) => o.id === settled) ?? low;
  const near = byLevel.find((o) => Math.abs(o.level - chosen.level) === 1) ?? chosen;
  const picks = agree ? [chosen, near, chosen, chosen, near] : [low, chosen, high, chosen, undefined];
  return people.map((p, i) => {
    const o = picks[i % picks.length];
    return o ? { name: p.name, kind: 'option', optionId: o.id } : { name: p.name, kind: 'unknown' };
  });
}

/** The assessment with the room's votes, parking lot and decision added. */
export function withRoom(bank: Bank, assessment: Assessment, now: Date): Assessment {
  const questions = new Map(bank.questions.map((q) => [q.id, q]));
  const people = assessment.participants;
  const journey = assessment.journeys[0];
  if (!journey || people.length < 2) return assessment;
  // The first disputed answer of the first journey whose question spans two levels or more: the room's disagreement.
  const spans = (a: Answer) => {
    const q = questions.get(a.questionId);
    return q !== undefined && Math.max(...q.options.map((o) => o.level)) - Math.min(...q.options.map((o) => o.level)) >= 2;
  };
  const disputed = assessment.answers.find((a) => a.journeyId === journey.id && a.kind === 'option' && a.confidence === 'disputed' && !a.carriedOver && spans(a));
  // And the first verified answer after it: voted on and agreed within a level.
  const agreed = assessment.answers.find((a) => a.journeyId === journey.id && a.kind === 'option' && a.confidence === 'verified' && !a.carriedOver && a !== disputed);
  const answers = assessment.answers.map((a): Answer => {
    if (a !== disputed && a !== agreed) return a;
    const q = questions.get(a.questionId)!;
    return { ...a, by: people[1]!.name, vote: { hidden: a === disputed, positions: positions(q, a.optionId!, people, a === agreed) } };
  });
  let room: Assessment = { ...assessment, answers };
  const at = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const due = (days: number) => new Date(now.getTime() + days * DAY_MS).toISOString().slice(0, 10);
  if (disputed) {
    room = addParked(
      room,
      { kind: 'question', text: 'Which setting would show who is right? Ask the vendor admin for a screenshot of it, dated.', owner: people[1]!.name, due: due(14) },
      assessment.facilitator,
      at(2),
      { journeyId: disputed.journeyId, questionId: disputed.questionId },
    ).assessment;
  }
  room = addParked(room, { kind: 'question', text: 'Who signs off a new integration before it goes live?', owner: people[2]!.name }, people[0]!.name, at(2)).assessment;
  room = addParked(
    room,
    { kind: 'decision', text: 'Exports of customer lists go through the CRM admin from now on; nobody else keeps the export right.', owner: people[2]!.name, due: due(30) },
    assessment.facilitator,
    at(2),
  ).assessment;
  return room;
}

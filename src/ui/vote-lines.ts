/**
 * What the walk shows during a vote and while choosing who speaks, as plain strings:
 * the option rows with who chose each (once the positions may be seen), the line that
 * says where the vote stands, and the list of people who can speak. Pure.
 */
import type { Question } from '../core/bank-schema.js';
import type { Speaker } from '../core/participants.js';
import { plainLine } from '../core/terminal-text.js';
import { positionGroups, spreadWords, voteSpread, DISPUTED_SPREAD } from '../core/votes.js';
import type { Position, Vote } from '../core/workbook-schema.js';
import { nextVoter, speakerWords, voteShown, type VoteState } from './walk-state.js';

/** The names of the people at `kind`/`optionId`, in the order they voted. */
const namesAt = (positions: readonly Position[], kind: Position['kind'], optionId?: string) =>
  positions.filter((p) => p.kind === kind && (kind !== 'option' || p.optionId === optionId)).map((p) => plainLine(p.name));

/**
 * The rows of the option list during a vote: each answer with who chose it ("← Ana,
 * Ben") when the positions may be seen (an open vote, or a hidden one revealed), else
 * the answers alone.
 */
export function voteOptionRows(question: Question, vote: VoteState): { key: string; label: string }[] {
  const seen = !vote.hidden || vote.revealed;
  const who = (names: string[]) => (seen && names.length > 0 ? `   ← ${names.join(', ')}` : '');
  return [
    ...question.options.map((o, i) => ({ key: o.id, label: `${i + 1}  ${plainLine(o.label)}${who(namesAt(vote.positions, 'option', o.id))}` })),
    { key: '\u0000unknown', label: `u  We don't know${who(namesAt(vote.positions, 'unknown'))}` },
    { key: '\u0000na', label: `x  Not applicable${who(namesAt(vote.positions, 'na'))}` },
  ];
}

/** The keys that answer on a question: "1-3, u, x". */
const answerKeys = (question: Question) => `1-${question.options.length}, u, x`;

/**
 * Where the vote stands, in a line or two: who votes next and how many have, or that
 * everyone has and Enter reveals, or (positions shown) the spread and how to settle.
 */
export function voteStatus(question: Question, vote: VoteState, voters: readonly string[], speakers: readonly Speaker[], namesCut = false, levels?: readonly string[] | null): string[] {
  const kind = vote.hidden ? (vote.revealed ? 'Hidden vote, revealed' : 'Hidden vote') : 'Open vote';
  const next = nextVoter(vote, voters);
  if (next !== undefined) {
    const person = speakers.find((s) => s.name === next);
    const name = person ? speakerWords(person) : plainLine(next);
    const first = `${kind} · ${vote.positions.length} of ${voters.length} voted · next, ${name}: ${answerKeys(question)}`;
    return [first, `Backspace takes the last vote back · Tab: ${vote.hidden ? 'open vote' : 'hidden vote'} · Esc drops the vote`];
  }
  if (!voteShown(vote, voters)) return [`${kind} · all ${voters.length} have voted · Enter reveals every position at once`];
  const spread = voteSpread(question, vote.positions);
  const words = spreadWords(spread, levels);
  const at = words ? `positions at ${words}` : 'no option chosen';
  if (namesCut) {
    // The names after the options are cut at the edge (`namesCut`): who chose what is said here.
    const opening = at.charAt(0).toUpperCase() + at.slice(1);
    return [`${opening}${spread.disputed ? ': disputed' : ''} · settle: ${answerKeys(question)}`, whoChoseWhat(question, vote.positions)];
  }
  const verdict = spread.disputed ? `: disputed once settled (${DISPUTED_SPREAD} levels apart or more)` : '';
  return [`${kind} · ${at}${verdict}`, `The room settles the answer: ${answerKeys(question)} (the positions are kept with it)`];
}

/** The rows of the list of who can speak: "1  Sam Okafor (facilitator)   ◂ speaking". */
export function speakerRows(speakers: readonly Speaker[], speaking: string): { key: string; label: string }[] {
  return speakers.map((s, i) => ({
    key: `${i}\u0000${s.name}`,
    label: `${i < 9 ? i + 1 : ' '}  ${speakerWords(s)}${s.name === speaking ? '   ◂ speaking' : ''}`,
  }));
}

/** The vote an answer was settled after, in one line: "Voted (hidden): 1 Low ← Ana, Ben · 3 High ← Chloé · levels 0 to 2, a spread of 2". */
export function voteRecordLine(question: Question, vote: Vote, levels?: readonly string[] | null): string {
  const words = spreadWords(voteSpread(question, vote.positions), levels);
  return `Voted (${vote.hidden ? 'hidden' : 'open'}): ${whoChoseWhat(question, vote.positions)}${words ? ` · ${words}` : ''}`;
}

/** "1 ← Ana, Ben · 3 ← Chloé · u ← Dev": each answer chosen by its key, and who chose it. */
export function whoChoseWhat(question: Question, positions: readonly Position[]): string {
  return positionGroups(question, positions)
    .map((g) => {
      const n = g.kind === 'option' ? question.options.findIndex((o) => o.id === g.optionId) : -1;
      const key = g.kind === 'unknown' ? 'u' : g.kind === 'na' ? 'x' : n >= 0 ? String(n + 1) : plainLine(g.label);
      return `${key} ← ${g.names.map((name) => plainLine(name)).join(', ')}`;
    })
    .join(' · ');
}

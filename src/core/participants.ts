/**
 * The people in the room: participants typed on one line ("Ana (support), Ben"), shown
 * back the same way, and the list of who can give an answer (the facilitator first).
 * Pure: no I/O.
 */
import type { Assessment, Participant } from './workbook-schema.js';

/** "Ana (support)", or "Ana" without a role. */
export function participantText(p: Participant): string {
  return p.role ? `${p.name} (${p.role})` : p.name;
}

/** The participants as one line the setup form can edit: "Ana (support), Ben". */
export function participantsLine(participants: readonly Participant[]): string {
  return participants.map(participantText).join(', ');
}

/**
 * "Ana (support), Ben ( security )" -> Ana with role support, Ben with role security.
 * People are separated by commas, semicolons or new lines outside brackets (so a role
 * may hold a comma: "Ana (support, EMEA)"); a role is the text in the last brackets.
 */
export function parseParticipants(line: string): Participant[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of line) {
    if (ch === '(') depth += 1;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && (ch === ',' || ch === ';' || ch === '\n')) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const match = /^(.*?)\s*\(([^()]*)\)$/.exec(part);
      if (!match || match[1]!.trim() === '') return { name: part, role: '' };
      return { name: match[1]!.trim(), role: match[2]!.trim() };
    });
}

/** A sentence naming what is wrong with a list of participants, or undefined. */
export function participantsProblem(participants: readonly Participant[]): string | undefined {
  const seen = new Set<string>();
  for (const p of participants) {
    const key = p.name.toLocaleLowerCase();
    if (seen.has(key)) return `Two participants are called "${p.name}": give each a name of their own (e.g. add an initial).`;
    seen.add(key);
    if (p.name.length > 200 || p.role.length > 200) return `"${p.name.slice(0, 40)}" is too long: keep a name and a role under 200 characters each.`;
  }
  return undefined;
}

/**
 * The assessment with `name` as the one speaking in the walks (undefined: the
 * facilitator), the same object when nothing changes.
 */
export function withSpeaker(assessment: Assessment, name: string | undefined): Assessment {
  if (assessment.speaker === name) return assessment;
  const { speaker: _gone, ...rest } = assessment;
  return name === undefined ? rest : { ...rest, speaker: name };
}

/** Who speaks when a walk opens: the one remembered, while still a participant; else the facilitator (undefined). */
export function rememberedSpeaker(assessment: Pick<Assessment, 'speaker' | 'participants'>): string | undefined {
  const name = assessment.speaker;
  return name !== undefined && assessment.participants.some((p) => p.name === name) ? name : undefined;
}

/** Someone who can give an answer: the facilitator or a participant. */
export interface Speaker {
  name: string;
  role: string;
  facilitator: boolean;
}

/**
 * Who can give an answer, in the order the walk offers them: the facilitator first
 * (when named), then each participant (a participant with the facilitator's name is
 * the facilitator, listed once).
 */
export function speakers(facilitator: string, participants: readonly Participant[]): Speaker[] {
  const list: Speaker[] = [];
  const lead = participants.find((p) => p.name === facilitator);
  if (facilitator) list.push({ name: facilitator, role: lead?.role ?? '', facilitator: true });
  for (const p of participants) if (p.name !== facilitator) list.push({ name: p.name, role: p.role, facilitator: false });
  return list;
}

/** "Ana (support)" for a name found among the participants, the name itself otherwise. */
export function personText(name: string, participants: readonly Participant[]): string {
  const p = participants.find((x) => x.name === name);
  return p ? participantText(p) : name;
}

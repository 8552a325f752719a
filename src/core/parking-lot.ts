/**
 * The room's parking lot and decision log (issue 16): open questions raised in the
 * workshop, most often a note on a question the room cannot answer yet, and decisions
 * taken, each with an owner and a due date where someone gave them. A note typed on an
 * unanswered question is parked at once, so nothing typed in the room waits in memory;
 * answering the question takes the note into the answer and closes the item. Pure: no I/O.
 */
import { isDay } from './plan-status.js';
import { plainLine } from './terminal-text.js';
import type { Assessment, ParkedItem, ParkedKind } from './workbook-schema.js';

export interface ParkedInput {
  kind: ParkedKind;
  text: string;
  owner?: string;
  /** YYYY-MM-DD or ''. */
  due?: string;
}

/** The question a parked item was raised on: a journey's, or (journeyId null) the organisation-wide section's. */
export interface ParkedPlace {
  journeyId: string | null;
  questionId: string;
}

const itemsOf = (assessment: Pick<Assessment, 'parkingLot'>): ParkedItem[] => assessment.parkingLot ?? [];

/** What is wrong with an item typed, in one sentence, or null. */
export function parkedProblem(input: ParkedInput): string | null {
  const text = input.text.trim();
  if (text === '') return `${input.kind === 'decision' ? 'a decision' : 'an open question'} needs its text.`;
  if (text.length > 4000) return 'the text is at most 4000 characters.';
  if ((input.owner ?? '').length > 200) return 'an owner is at most 200 characters.';
  const due = (input.due ?? '').trim();
  if (due !== '' && !isDay(due)) return `the due date "${plainLine(due)}" is not a day; write it as YYYY-MM-DD, e.g. 2027-01-31, or leave it empty.`;
  return null;
}

/** The next free item id: one more than the highest "pN" there has ever been. */
function nextId(items: readonly ParkedItem[]): string {
  let n = 0;
  for (const item of items) {
    const m = /^p(\d+)$/.exec(item.id);
    if (m) n = Math.max(n, Number(m[1]));
  }
  return `p${n + 1}`;
}

/** The assessment with a new item; throws on an input parkedProblem refuses. */
export function addParked(assessment: Assessment, input: ParkedInput, by: string, now: Date, place?: ParkedPlace): { assessment: Assessment; id: string } {
  const problem = parkedProblem(input);
  if (problem) throw new Error(problem);
  const items = itemsOf(assessment);
  const id = nextId(items);
  const due = (input.due ?? '').trim();
  const item: ParkedItem = {
    id,
    kind: input.kind,
    text: input.text.trim(),
    owner: (input.owner ?? '').trim(),
    ...(due ? { due } : {}),
    ...(place ? { questionId: place.questionId, journeyId: place.journeyId } : {}),
    status: 'open',
    by,
    at: now.toISOString(),
  };
  return { assessment: { ...assessment, parkingLot: [...items, item] }, id };
}

/** The assessment with one item changed (text, owner, due date, open or closed); throws on an input parkedProblem refuses. */
export function updateParked(assessment: Assessment, id: string, input: ParkedInput & { status: ParkedItem['status'] }, now: Date): Assessment {
  const problem = parkedProblem(input);
  if (problem) throw new Error(problem);
  const due = (input.due ?? '').trim();
  const parkingLot = itemsOf(assessment).map((item): ParkedItem => {
    if (item.id !== id) return item;
    const { due: _due, closedAt: _closed, ...rest } = item;
    return {
      ...rest,
      kind: input.kind,
      text: input.text.trim(),
      owner: (input.owner ?? '').trim(),
      ...(due ? { due } : {}),
      status: input.status,
      ...(input.status === 'closed' ? { closedAt: item.closedAt ?? now.toISOString() } : {}),
    };
  });
  return { ...assessment, parkingLot };
}

const samePlace = (item: ParkedItem, place: ParkedPlace) => item.questionId === place.questionId && (item.journeyId ?? null) === place.journeyId;

/** The open question parked on a question of the walk, if any. */
export function parkedAt(assessment: Pick<Assessment, 'parkingLot'>, place: ParkedPlace): ParkedItem | undefined {
  return itemsOf(assessment).find((item) => item.kind === 'question' && item.status === 'open' && samePlace(item, place));
}

/**
 * The assessment with the note typed on an unanswered question parked: the open item on
 * that question gets the text (or is made); an empty note removes an item nobody gave an
 * owner or a due date, and leaves one that has them (its text kept).
 */
export function parkNote(assessment: Assessment, place: ParkedPlace, note: string, by: string, now: Date): Assessment {
  const text = note.trim();
  const open = parkedAt(assessment, place);
  if (!open) return text === '' ? assessment : addParked(assessment, { kind: 'question', text }, by, now, place).assessment;
  if (text === '') {
    if (open.owner !== '' || open.due) return assessment;
    return { ...assessment, parkingLot: itemsOf(assessment).filter((i) => i !== open) };
  }
  return { ...assessment, parkingLot: itemsOf(assessment).map((i) => (i === open ? { ...i, text } : i)) };
}

/** The assessment with the open question on `place` closed (it was answered, and its note went with the answer). */
export function closeParkedAt(assessment: Assessment, place: ParkedPlace, now: Date): Assessment {
  const open = parkedAt(assessment, place);
  if (!open) return assessment;
  return { ...assessment, parkingLot: itemsOf(assessment).map((i) => (i === open ? { ...i, status: 'closed' as const, closedAt: now.toISOString() } : i)) };
}

/**
 * The assessment with the question on `place` parked again, after the answer that closed
 * its item was undone: the item closed last there is open again, owner and due date kept.
 * Unchanged when an item is open there already or none was closed.
 */
export function reopenParkedAt(assessment: Assessment, place: ParkedPlace): Assessment {
  if (parkedAt(assessment, place)) return assessment;
  const closed = itemsOf(assessment).filter((i) => i.kind === 'question' && i.status === 'closed' && samePlace(i, place));
  const last = closed.reduce<ParkedItem | undefined>((a, i) => (!a || (i.closedAt ?? '') >= (a.closedAt ?? '') ? i : a), undefined);
  if (!last) return assessment;
  return {
    ...assessment,
    parkingLot: itemsOf(assessment).map((i) => {
      if (i !== last) return i;
      const { closedAt: _closed, ...open } = i;
      return { ...open, status: 'open' as const };
    }),
  };
}

/** Open questions, oldest first, then the decisions. */
export function openQuestions(assessment: Pick<Assessment, 'parkingLot'>): ParkedItem[] {
  return itemsOf(assessment).filter((i) => i.kind === 'question' && i.status === 'open');
}

export function decisions(assessment: Pick<Assessment, 'parkingLot'>): ParkedItem[] {
  return itemsOf(assessment).filter((i) => i.kind === 'decision' && i.status === 'open');
}

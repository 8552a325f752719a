import { describe, expect, it } from 'vitest';
import { addParked, closeParkedAt, decisions, openQuestions, parkNote, parkedAt, parkedProblem, reopenParkedAt, updateParked } from '../../src/core/parking-lot.js';
import type { Assessment } from '../../src/core/workbook-schema.js';
import { AssessmentSchema } from '../../src/core/workbook-schema.js';
import { NOW, assessment, journey } from './model-fixtures.js';

const LATER = new Date(NOW.getTime() + 60_000);
const base = (): Assessment => assessment([journey('j1', 'moderate')], []);
const place = { journeyId: 'j1', questionId: 'q1' };

describe('the parking lot', () => {
  it('parks a note on an unanswered question as an open question, by whom and when', () => {
    const a = parkNote(base(), place, '  ask IT about the export logs ', 'Ana', NOW);
    expect(a.parkingLot).toEqual([{ id: 'p1', kind: 'question', text: 'ask IT about the export logs', owner: '', questionId: 'q1', journeyId: 'j1', status: 'open', by: 'Ana', at: NOW.toISOString() }]);
    expect(AssessmentSchema.parse(a)).toEqual(a);
  });

  it('changes the text of the note parked there rather than adding another', () => {
    let a = parkNote(base(), place, 'first', 'Ana', NOW);
    a = parkNote(a, place, 'second', 'Ben', LATER);
    expect(a.parkingLot).toHaveLength(1);
    expect(a.parkingLot![0]).toMatchObject({ id: 'p1', text: 'second', by: 'Ana' });
  });

  it('removes an emptied note, unless someone gave it an owner or a due date', () => {
    const a = parkNote(base(), place, 'first', 'Ana', NOW);
    expect(parkNote(a, place, '  ', 'Ana', NOW).parkingLot).toEqual([]);
    const owned = updateParked(a, 'p1', { kind: 'question', text: 'first', owner: 'Lee', due: '2027-01-31', status: 'open' }, NOW);
    expect(parkNote(owned, place, '', 'Ana', NOW)).toBe(owned);
    // Nothing parked and nothing typed: nothing changes.
    const empty = base();
    expect(parkNote(empty, place, '', 'Ana', NOW)).toBe(empty);
  });

  it('keeps the organisation-wide section apart from a journey with the same question', () => {
    let a = parkNote(base(), place, 'journey note', 'Ana', NOW);
    a = parkNote(a, { journeyId: null, questionId: 'q1' }, 'org note', 'Ana', NOW);
    expect(parkedAt(a, place)?.text).toBe('journey note');
    expect(parkedAt(a, { journeyId: null, questionId: 'q1' })?.text).toBe('org note');
    expect(a.parkingLot!.map((i) => i.id)).toEqual(['p1', 'p2']);
  });

  it('closes the open question once answered, dated, and a new note then opens a new item', () => {
    let a = parkNote(base(), place, 'ask IT', 'Ana', NOW);
    a = closeParkedAt(a, place, LATER);
    expect(a.parkingLot![0]).toMatchObject({ status: 'closed', closedAt: LATER.toISOString() });
    expect(parkedAt(a, place)).toBeUndefined();
    expect(closeParkedAt(a, place, LATER)).toBe(a);
    a = parkNote(a, place, 'again', 'Ana', LATER);
    expect(a.parkingLot!.map((i) => [i.id, i.status])).toEqual([
      ['p1', 'closed'],
      ['p2', 'open'],
    ]);
  });

  it('reopens the item closed last on a question when its answer is undone, owner and due date kept', () => {
    let a = parkNote(base(), place, 'first', 'Ana', NOW);
    a = updateParked(a, 'p1', { kind: 'question', text: 'first', owner: 'Lee', due: '2027-01-31', status: 'open' }, NOW);
    a = closeParkedAt(a, place, NOW);
    a = closeParkedAt(parkNote(a, place, 'second', 'Ana', NOW), place, LATER);
    const reopened = reopenParkedAt(a, place);
    expect(reopened.parkingLot!.map((i) => [i.id, i.status, i.closedAt])).toEqual([
      ['p1', 'closed', NOW.toISOString()],
      ['p2', 'open', undefined],
    ]);
    expect(parkedAt(reopened, place)).toMatchObject({ id: 'p2', text: 'second' });
    expect(AssessmentSchema.parse(reopened)).toEqual(reopened);
    // Open already, or nothing closed there: unchanged.
    expect(reopenParkedAt(reopened, place)).toBe(reopened);
    expect(reopenParkedAt(a, { journeyId: 'j1', questionId: 'other' })).toBe(a);
    // The owner and due date of an item come back with it.
    const first = closeParkedAt(updateParked(parkNote(base(), place, 'x', 'Ana', NOW), 'p1', { kind: 'question', text: 'x', owner: 'Lee', due: '2027-01-31', status: 'open' }, NOW), place, NOW);
    expect(parkedAt(reopenParkedAt(first, place), place)).toMatchObject({ owner: 'Lee', due: '2027-01-31', status: 'open' });
  });

  it('adds open questions and decisions with owner and due date, never reusing an id', () => {
    let a = addParked(base(), { kind: 'decision', text: 'Chat transcripts are kept 90 days', owner: 'Dana' }, 'Ana', NOW).assessment;
    a = addParked(a, { kind: 'question', text: 'Who owns the survey tool?', owner: 'Lee', due: '2027-01-15' }, 'Ana', NOW).assessment;
    a = { ...a, parkingLot: a.parkingLot!.filter((i) => i.id !== 'p2') };
    const { id } = addParked(a, { kind: 'question', text: 'x' }, 'Ana', NOW);
    expect(id).toBe('p2');
    const b = addParked(base(), { kind: 'question', text: 'y' }, 'Ana', NOW).assessment;
    const c = addParked({ ...b, parkingLot: [{ ...b.parkingLot![0]!, id: 'p7' }] }, { kind: 'question', text: 'z' }, 'Ana', NOW);
    expect(c.id).toBe('p8');
    expect(decisions(a).map((i) => i.text)).toEqual(['Chat transcripts are kept 90 days']);
    expect(openQuestions(a)).toEqual([]);
  });

  it.each([
    [{ kind: 'question' as const, text: '  ' }, 'an open question needs its text.'],
    [{ kind: 'decision' as const, text: '' }, 'a decision needs its text.'],
    [{ kind: 'question' as const, text: 'x', due: '31/01/2027' }, 'the due date "31/01/2027" is not a day; write it as YYYY-MM-DD, e.g. 2027-01-31, or leave it empty.'],
    [{ kind: 'question' as const, text: 'x', owner: 'o'.repeat(201) }, 'an owner is at most 200 characters.'],
    [{ kind: 'question' as const, text: 'x'.repeat(4001) }, 'the text is at most 4000 characters.'],
  ])('refuses %j in one sentence', (input, problem) => {
    expect(parkedProblem(input)).toBe(problem);
    expect(() => addParked(base(), input, 'Ana', NOW)).toThrow(problem);
  });

  it('updates an item: closing dates it once, reopening clears the date, the due date can be removed', () => {
    let a = addParked(base(), { kind: 'question', text: 'q', due: '2027-01-15' }, 'Ana', NOW).assessment;
    a = updateParked(a, 'p1', { kind: 'question', text: 'q', due: '', status: 'closed' }, LATER);
    expect(a.parkingLot![0]).toEqual({ id: 'p1', kind: 'question', text: 'q', owner: '', status: 'closed', by: 'Ana', at: NOW.toISOString(), closedAt: LATER.toISOString() });
    a = updateParked(a, 'p1', { kind: 'question', text: 'q', status: 'open' }, LATER);
    expect(a.parkingLot![0]!.closedAt).toBeUndefined();
  });
});

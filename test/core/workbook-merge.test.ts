/** reapplyMine: theirs with my changes since base that they did not touch, counted by hand. */
import { describe, expect, it } from 'vitest';
import { reapplyMine } from '../../src/core/workbook-merge.js';
import type { Answer, Workbook } from '../../src/core/workbook-schema.js';
import { makeAnswer, makeAssessment } from '../store/helpers/workbooks.js';

const answer = (i: number, note = ''): Answer => makeAnswer(i, note);
const book = (...assessments: ReturnType<typeof makeAssessment>[]): Workbook => ({ schemaVersion: 4, assessments });
const notes = (w: Workbook, id = 'a') => w.assessments.find((a) => a.id === id)!.answers.map((a) => `${a.questionId}:${a.note}`);

describe('reapplyMine', () => {
  const base = book(makeAssessment('a', [answer(1, 'base'), answer(2, 'base'), answer(3, 'base')]));

  it('keeps theirs, adds my answers, changes and removals where they did not touch the same answer', () => {
    const mine = book(makeAssessment('a', [answer(1, 'mine'), answer(3, 'base'), answer(4, 'mine')])); // q1 changed, q2 removed, q4 added
    const theirs = book(makeAssessment('a', [answer(1, 'base'), answer(2, 'base'), answer(3, 'theirs'), answer(5, 'theirs')])); // q3 changed, q5 added
    const r = reapplyMine(base, mine, theirs);
    expect(notes(r.workbook)).toEqual(['q1:mine', 'q3:theirs', 'q5:theirs', 'q4:mine']);
    expect({ applied: r.applied, conflicting: r.conflicting }).toEqual({ applied: 3, conflicting: 0 });
  });

  it('leaves theirs where both changed the same thing differently, and counts it; the same change is no conflict', () => {
    const mine = book(makeAssessment('a', [answer(1, 'mine'), answer(2, 'same'), answer(3, 'base')]));
    const theirs = book(makeAssessment('a', [answer(1, 'theirs'), answer(2, 'same')]));
    const r = reapplyMine(base, mine, theirs);
    // q1: both changed (conflict, theirs); q2: both made the same change; q3: they removed it, I left it alone.
    expect(notes(r.workbook)).toEqual(['q1:theirs', 'q2:same']);
    expect({ applied: r.applied, conflicting: r.conflicting }).toEqual({ applied: 0, conflicting: 1 });
    expect(r.workbook).toBe(theirs);
  });

  it('carries whole assessments I added, fields I changed, and removes one I removed that they left alone', () => {
    const base2 = book(makeAssessment('a'), makeAssessment('b'));
    const mine = book({ ...makeAssessment('a'), name: 'Renamed by me' }, makeAssessment('c'));
    const theirs = book({ ...makeAssessment('a'), planCapacity: { now: 5, next: 10 } }, makeAssessment('b'));
    const r = reapplyMine(base2, mine, theirs);
    expect(r.workbook.assessments.map((a) => [a.id, a.name, a.planCapacity.now])).toEqual([
      ['a', 'Renamed by me', 5],
      ['c', 'Assessment c', 12],
    ]);
    expect({ applied: r.applied, conflicting: r.conflicting }).toEqual({ applied: 3, conflicting: 0 });
  });

  it('gives theirs unchanged when my changes would not make a valid workbook (an answer to a journey they removed)', () => {
    const mine = book(makeAssessment('a', [answer(1, 'base'), answer(2, 'base'), answer(3, 'base'), answer(4, 'mine')]));
    const theirs = book({ ...makeAssessment('a', []), journeys: [] });
    const r = reapplyMine(base, mine, theirs);
    expect(r.workbook).toBe(theirs);
    expect(r.applied).toBe(0);
    expect(r.conflicting).toBeGreaterThan(0);
  });
});

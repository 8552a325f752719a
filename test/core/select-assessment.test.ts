import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { assertBankFits, selectAssessment } from '../../src/core/select-assessment.js';
import type { Workbook } from '../../src/core/workbook-schema.js';
import { assessment } from './model-fixtures.js';

const workbook = (...specs: Array<[string, string, string]>): Workbook => ({
  schemaVersion: 4,
  assessments: specs.map(([id, name, createdAt]) => assessment([], [], { id, name, createdAt })),
});

describe('selectAssessment', () => {
  const wb = workbook(['q1', 'Spring review', '2026-03-01T09:00:00Z'], ['q3', 'Autumn review', '2026-09-01T09:00:00Z'], ['q2', 'Summer review', '2026-06-01T09:00:00Z']);

  it('takes the only assessment, or the newest by creation date', () => {
    expect(selectAssessment(workbook(['a', 'Only', '2020-01-01T00:00:00Z'])).id).toBe('a');
    expect(selectAssessment(wb).id).toBe('q3');
  });

  it('finds one by id, or by its exact name ignoring case', () => {
    expect(selectAssessment(wb, 'q2').name).toBe('Summer review');
    expect(selectAssessment(wb, 'spring REVIEW').id).toBe('q1');
    expect(selectAssessment(wb, '  Autumn review ').id).toBe('q3');
  });

  it('lists the assessments available when nothing matches', () => {
    expect(() => selectAssessment(wb, 'winter')).toThrow(UserError);
    expect(() => selectAssessment(wb, 'winter')).toThrow(/"Spring review" \(id q1\), "Autumn review" \(id q3\), "Summer review" \(id q2\)/);
    expect(() => selectAssessment(wb, 'Spring')).toThrow(/no assessment is named "Spring"/);
  });

  it('asks for the id when two assessments share the name', () => {
    const twins = workbook(['a', 'Review', '2026-01-01T00:00:00Z'], ['b', 'review', '2026-02-01T00:00:00Z']);
    expect(() => selectAssessment(twins, 'REVIEW')).toThrow(/more than one assessment is named "REVIEW"; pass its id/);
    expect(selectAssessment(twins, 'b').id).toBe('b');
  });

  it('explains an empty workbook', () => {
    expect(() => selectAssessment({ schemaVersion: 4, assessments: [] })).toThrow(/no assessment yet/);
  });
});

describe('assertBankFits', () => {
  it('accepts the same bank at another version and refuses another bank', () => {
    const a = assessment([], []);
    expect(() => assertBankFits({ id: 'test' }, a)).not.toThrow();
    expect(() => assertBankFits({ id: 'other' }, a)).toThrow(/answered against the question bank "test", not "other"; pass that bank with --bank FILE/);
  });
});

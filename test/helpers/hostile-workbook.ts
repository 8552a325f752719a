/**
 * A workbook whose every name, label and note is an attack on the terminal, a document
 * or a spreadsheet (test/export/hostile.ts): two assessments (one with two snapshots),
 * on the golden fixture bank.
 */
import type { Bank } from '../../src/core/bank-schema.js';
import type { Workbook } from '../../src/core/workbook-schema.js';
import { WORKBOOK_SCHEMA_VERSION } from '../../src/core/workbook-schema.js';
import { cycleAssessment } from '../export/cycle-fixtures.js';
import { GOLDEN_NOW } from '../export/golden-fixtures.js';
import { HOSTILE, TERMINAL_ATTACKS, hostileAssessment } from '../export/hostile.js';

export function hostileWorkbook(bank: Bank): Workbook {
  const attacks = [...TERMINAL_ATTACKS, ...HOSTILE];
  const cycles = cycleAssessment(bank);
  let n = 0;
  const next = () => attacks[n++ % attacks.length]!;
  const first = {
    ...cycles,
    name: `Cycles ${TERMINAL_ATTACKS.join(' ')}`.slice(0, 200),
    journeys: cycles.journeys.map((j) => ({ ...j, name: `${j.name} ${next()}`.slice(0, 200) })),
    answers: cycles.answers.map((a) => ({ ...a, note: `${next()} ${next()}` })),
    snapshots: cycles.snapshots.map((s, i) => ({ ...s, label: `${s.label} ${TERMINAL_ATTACKS[i]!}` })),
  };
  const second = hostileAssessment(bank, GOLDEN_NOW.toISOString());
  return {
    schemaVersion: WORKBOOK_SCHEMA_VERSION,
    assessments: [{ ...second, name: `Second ${TERMINAL_ATTACKS[0]} ${TERMINAL_ATTACKS[8]}`, createdAt: '2026-01-01T00:00:00.000Z' }, first],
  } as Workbook;
}

/**
 * `cxray doctor` on a workbook whose accepted evidence files changed on disk (issue 18):
 * each one named with its path (filtered for the terminal), the evidence and the answer
 * it backs; a file that cannot be read said so; links, rejected items and unchanged files
 * not listed; the workbook still usable (exit 0).
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/commands/doctor.js';
import { addAssessment, addJourney, recordAnswer, updateAssessment } from '../../src/core/workbook-ops.js';
import { emptyWorkbook, type Evidence, type Workbook } from '../../src/core/workbook-schema.js';
import { fixtureBank } from '../helpers/fixtures.js';
import { tempDir } from './helpers/store-fixtures.js';

async function doctor(db: string) {
  let stdout = '';
  const code = await run({ positionals: [], values: { db }, env: {}, cwd: '/', out: (t) => (stdout += t), err: () => undefined });
  return { code, stdout };
}

// printf 'screenshot of the ID check\n' | sha256sum
const SHOT_SHA256 = '743bf8234da66f928c9ddb503f359ff6dfa932c2fd9cbeca1512b5144fa917cf';
const NOW = new Date('2026-11-20T10:00:00Z');

function workbookWith(files: Record<string, string>): Workbook {
  const bank = fixtureBank();
  const { workbook, id } = addAssessment(emptyWorkbook(), { name: 'Q4 \u001b[31mreview', facilitator: 'Ana' }, bank, NOW);
  let w = updateAssessment(workbook, id, (a) => addJourney(a, { name: 'Chat', channels: ['chat'], sensitivity: 'low', systemIds: [] }).assessment);
  w = recordAnswer(w, id, { journeyId: 'chat', questionId: 'ticket-notes-content', kind: 'option', optionId: 'some', confidence: 'reported', note: '', by: 'Ana', at: NOW.toISOString() });
  const base = { journeyId: 'chat', questionId: 'ticket-notes-content', optionId: 'some', shows: 'x', collectedBy: '', collectedOn: '2026-11-19', reason: '', by: 'Ana', addedAt: NOW.toISOString() };
  const evidence: Evidence[] = [
    { ...base, id: 'ev1', path: files.same!, sha256: SHOT_SHA256, size: 27, status: 'accepted' },
    { ...base, id: 'ev2', path: files.edited!, sha256: SHOT_SHA256, size: 27, status: 'accepted' },
    { ...base, id: 'ev3', path: files.gone!, sha256: SHOT_SHA256, size: 27, status: 'accepted' },
    { ...base, id: 'ev4', path: files.rejected!, sha256: SHOT_SHA256, size: 27, status: 'rejected', reason: 'blurry' },
    { ...base, id: 'ev5', link: 'https://wiki.example.com/x', status: 'accepted' },
  ];
  return updateAssessment(w, id, (a) => ({ ...a, evidence }));
}

describe('cxray doctor and evidence files', () => {
  it('names each accepted file changed or unreadable since it was accepted, with its path; the workbook stays usable', async () => {
    const dir = tempDir();
    const path = (name: string) => join(dir, name);
    const files = { same: path('same.txt'), edited: path('edited\u001b[2J.txt'), gone: path('gone.txt'), rejected: path('rejected.txt') };
    for (const f of Object.values(files)) writeFileSync(f, 'screenshot of the ID check\n');
    const db = path('cxray.json');
    writeFileSync(db, JSON.stringify(workbookWith(files)), { mode: 0o600 });

    const clean = await doctor(db);
    expect(clean.code).toBe(0);
    expect(clean.stdout.split('\n').slice(1).join('\n')).toBe(`${db} is usable.\n`);

    writeFileSync(files.edited, 'screenshot of the ID chock\n');
    rmSync(files.gone);
    writeFileSync(files.rejected, 'changed, but it was rejected');
    const r = await doctor(db);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/\u001b/);
    expect(r.stdout.split('\n').slice(1)).toEqual([
      `${path('edited.txt')}: changed since it was accepted (then SHA-256 743bf8234da6…, 27 bytes); evidence ev2 of "Q4 review" (Chat, ticket-notes-content)`,
      `${files.gone}: cannot be read here to check it; evidence ev3 of "Q4 review" (Chat, ticket-notes-content)`,
      `${db} is usable. 1 evidence file changed since accepted: look at it again; in cxray, e on the answer lists its evidence, to reject the old file or add it anew.`,
      '',
    ]);
  });
});

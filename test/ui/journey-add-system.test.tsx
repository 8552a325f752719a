/**
 * A system added from inside the journey form (a on its Systems): the journey form stays
 * with what was typed, the system's form takes its place, and once saved the system is
 * ticked. Journeys can so be set up before any system exists. At 80x24, 100x30, 200x50.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { addAssessment } from '../../src/core/workbook-ops.js';
import { emptyWorkbook } from '../../src/core/workbook-schema.js';
import { withSystemTicked } from '../../src/ui/journey-form.js';
import { FIXED_NOW, KEYS, fixtureBank, flat, renderWorkbench, setUpWorkbook, widestLine } from './app.js';

afterEach(() => cleanup());

const SIZES = [
  { columns: 80, rows: 24 },
  { columns: 100, rows: 30 },
  { columns: 200, rows: 50 },
];

function fits(frame: string, size: { columns: number; rows: number }) {
  expect(widestLine(frame)).toBeLessThanOrEqual(size.columns);
  expect(frame.split('\n').length).toBeLessThanOrEqual(size.rows - 1);
}

/** An assessment with neither systems nor journeys. */
const bare = () => addAssessment(emptyWorkbook(), { name: 'Q4', facilitator: 'Ana' }, fixtureBank(), FIXED_NOW).workbook;
const q4 = (app: { store: { data: ReturnType<typeof bare> } }) => app.store.data.assessments[0]!;
/** From the journey form's Name to its Systems. */
const TO_SYSTEMS = [KEYS.tab, KEYS.tab, KEYS.tab, KEYS.tab, KEYS.tab];

describe('ticking a new system', () => {
  it('keeps the ones ticked and puts the new one in the assessment\'s order, the cursor on it', () => {
    expect(withSystemTicked([], 'genesys', ['genesys'])).toEqual({ systemIds: ['genesys'], cursor: 0 });
    expect(withSystemTicked(['salesforce'], 'genesys', ['zendesk', 'salesforce', 'genesys'])).toEqual({ systemIds: ['salesforce', 'genesys'], cursor: 2 });
    expect(withSystemTicked(['zendesk', 'salesforce'], 'genesys', ['zendesk', 'salesforce', 'genesys'])).toEqual({ systemIds: ['zendesk', 'salesforce', 'genesys'], cursor: 2 });
  });
});

describe.each(SIZES)('a system added from the journey form at $columns x $rows', (size) => {
  it('before any system exists: a opens the system form, Ctrl-S adds it, and it comes back ticked', async () => {
    const app = await renderWorkbench({ workbook: bare(), size });
    await app.keys(KEYS.enter, 'a', ...'Returns', KEYS.tab, ...'Parcel returns', ...TO_SYSTEMS.slice(1));
    expect(flat(app.frame())).toContain('No systems yet: press a to add one without leaving this form.');
    await app.keys('a');
    expect(app.frame()).toContain('New journey › New system');
    expect(app.frame()).not.toContain('Parcel returns');
    fits(app.frame(), size);
    await app.keys(...'Genesys', KEYS.tab, KEYS.right, KEYS.tab, ...'Contact centre ops', KEYS.ctrlS);
    expect(q4(app).systems).toMatchObject([{ id: 'genesys', name: 'Genesys', owner: 'Contact centre ops' }]);
    // Back on the journey form as it was left, the new system ticked.
    expect(app.frame()).toContain('New journey');
    expect(app.frame()).toContain('Parcel returns');
    expect(app.frame()).toContain('[x] Genesys');
    expect(q4(app).journeys).toEqual([]);
    fits(app.frame(), size);
    await app.keys(KEYS.ctrlS);
    expect(q4(app).journeys).toMatchObject([{ id: 'returns', name: 'Returns', description: 'Parcel returns', systemIds: ['genesys'] }]);
  });
});

describe('a system added from the journey form', () => {
  it('keeps the systems ticked before, and ticks the new one among them', async () => {
    const app = await renderWorkbench({ workbook: setUpWorkbook() });
    await app.keys(KEYS.enter, KEYS.down, 'e', ...TO_SYSTEMS);
    expect(app.frame()).toContain('[x] Zendesk');
    await app.keys('a', ...'Genesys', KEYS.ctrlS);
    expect(app.frame()).toMatch(/\[x\] Zendesk +\[ \] Salesforce +›\[x\] Genesys/);
    await app.keys(KEYS.ctrlS);
    expect(q4(app).journeys.find((j) => j.id === 'chat')?.systemIds).toEqual(['zendesk', 'genesys']);
  });

  it('Esc on the system form goes back to the journey form with nothing added and nothing lost', async () => {
    const app = await renderWorkbench({ workbook: bare() });
    await app.keys(KEYS.enter, 'a', ...'Returns', ...TO_SYSTEMS, 'a', KEYS.escape);
    expect(app.frame()).toContain('New journey');
    expect(app.frame()).toContain('Returns');
    expect(q4(app).systems).toEqual([]);
    // a in a text field is a letter.
    await app.keys(KEYS.shiftTab, KEYS.shiftTab, KEYS.shiftTab, KEYS.shiftTab, KEYS.shiftTab, KEYS.end, 'a');
    expect(app.frame()).toContain('Returnsa');
  });

  it('Ctrl-C asks about the system\'s typing, then about the journey\'s', async () => {
    const app = await renderWorkbench({ workbook: bare() });
    await app.keys(KEYS.enter, 'a', ...'Returns', ...TO_SYSTEMS, 'a', ...'Genes', KEYS.ctrlC);
    expect(flat(app.frame())).toContain('This form has unsaved changes. Press s to save them and quit, d to quit without them');
    expect(app.frame()).toContain('Genes');
    await app.keys('d');
    // The system's typing dropped: the journey form asks about its own.
    expect(app.frame()).toContain('Returns');
    expect(flat(app.frame())).toContain('This form has unsaved changes. Press s to save them and quit');
    await app.keys('s');
    expect(q4(app).journeys).toMatchObject([{ name: 'Returns', systemIds: [] }]);
    expect(q4(app).systems).toEqual([]);
  });
});

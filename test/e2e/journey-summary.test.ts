/**
 * The end of a journey, end to end in a real pseudo-terminal: answering Phone support's
 * last question shows the summary the room reads on the projector (exposure and
 * visibility in block digits with their shade, the Fix items the journey feeds most, its
 * unknown, its disagreement), and Enter goes on to the next journey.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addAssessment, addJourney, recordAnswer, updateAssessment } from '../../src/core/workbook-ops.js';
import { emptyWorkbook } from '../../src/core/workbook-schema.js';
import { bigText } from '../../src/ui/big-digits.js';
import { fixtureBank, FIXTURES } from '../helpers/fixtures.js';
import { KEYS, TerminalSession } from '../helpers/terminal.js';

const BANK = join(FIXTURES, 'banks', 'starter.yaml');

/** "Q4": Phone support (high) with three of its four questions answered, and Chat (low) with none. */
function workbook() {
  const bank = fixtureBank();
  const at = new Date();
  const { workbook: w, id } = addAssessment(emptyWorkbook(), { name: 'Q4', facilitator: 'Ana' }, bank, at);
  let next = updateAssessment(w, id, (a) => {
    const phone = addJourney(a, { name: 'Phone support', sensitivity: 'high' }).assessment;
    return addJourney(phone, { name: 'Chat', sensitivity: 'low' }).assessment;
  });
  const answers = [
    { questionId: 'ticket-notes-content', kind: 'option', optionId: 'everything', confidence: 'verified' },
    { questionId: 'attachment-expiry', kind: 'option', optionId: 'kept', confidence: 'disputed' },
    { questionId: 'bulk-export-detection', kind: 'unknown' },
  ] as const;
  for (const answer of answers) next = recordAnswer(next, id, { journeyId: 'phone-support', note: '', by: 'Ben', at: at.toISOString(), ...answer });
  return next;
}

describe('the end of a journey in a real terminal', () => {
  let session: TerminalSession | undefined;
  afterEach(() => session?.kill());

  it('shows the summary after the last answer, and Enter walks the next journey', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxray-summary-'));
    const db = join(dir, 'workbook.json');
    writeFileSync(db, JSON.stringify(workbook()), { mode: 0o600 });
    session = new TerminalSession(['--db', db, '--bank', BANK], { cols: 100, rows: 30, cwd: dir });

    await session.waitFor(/❯ Q4/);
    await session.press(KEYS.enter);
    await session.waitFor(/❯ Phone support/);
    await session.press(KEYS.enter);
    await session.waitFor('4 of 4 in the journey');
    await session.press('2'); // the access log: "Days, by asking each tool admin"

    const summary = await session.waitFor('All 4 questions of this journey are answered.');
    // Exposure (2·1 + 2·0.75 + 3·1 + 2·0.5) / 9 = 83, severe (█); visibility (2·1 + 2·0.25 + 0 + 2·0.5) / 9 = 39, poor (▓).
    const [top, middle] = bigText('83', 'full');
    expect(summary).toContain(`${top} ████  Exposure`);
    expect(summary).toContain(`${middle} ████  severe`);
    expect(summary).toContain(`${bigText('39', 'full')[1]} ▓▓▓▓  poor`);
    expect(summary).toContain('Fix · 2 items fed by this journey, the most fed first');
    // note-guidance: notes 6 + attachments 4.5 = 10.5 of its R; export-alert: the access log's 3.
    expect(summary).toMatch(/#1 +now +Give agents a note template and redact what slips through +10\.5 of R 10\.5/);
    expect(summary).toMatch(/#2 +now +Log and alert on bulk exports +3 of R 3/);
    expect(summary).toContain('Find out · 1 unknown answer, 1 item to find out');
    expect(summary).toContain('Disagreements · 1 disputed answer');
    expect(summary).toContain('Parking lot · nothing raised in this journey');
    expect(summary).toContain("Enter: walk 'Chat' next (0 / 4 answered)");

    await session.press(KEYS.enter);
    const chat = await session.waitFor('cxray › Q4 › Chat');
    expect(chat).toContain('1 of 4 in the journey');
    await session.press(KEYS.ctrlC);
    expect((await session.exited).exitCode).toBe(0);
    const saved = JSON.parse(readFileSync(db, 'utf8'));
    expect(saved.assessments[0].answers).toHaveLength(4);
  });
});

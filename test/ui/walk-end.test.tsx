/**
 * The end of a journey's walk: the summary the room reads on the projector (test/ui/
 * summary-workbook.ts gives the figures; section-summary.test.ts works them out), at the
 * three sizes, without colour, and the keys that leave it.
 */
import chalk from 'chalk';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { putOrganisationAnswer } from '../../src/core/organisation.js';
import { updateAssessment } from '../../src/core/workbook-ops.js';
import { bigText } from '../../src/ui/big-digits.js';
import { FIXED_NOW, KEYS, renderWorkbench, setUpWorkbook, widestLine } from './app.js';
import { answered, organisationBank, withParked } from './summary-workbook.js';

afterEach(() => cleanup());

// Colours must reach the frames for the NO_COLOR test to mean anything.
const level = chalk.level;
beforeAll(() => {
  chalk.level = 1;
});
afterAll(() => {
  chalk.level = level;
});

/** The frame without its styles (bold, dim, colours), for the text it shows. */
const text = (app: { frame: () => string }) => app.frame().replace(/\u001b\[[\d;]*m/g, '');

/** A foreground colour escape (bold and dim stay under NO_COLOR: they are not colours). */
const COLOUR = /\u001b\[(3[0-7]|9[0-7])m/;

/** Phone support's walk, on its last question (the access log), answered with "days" (r 3, export-alert). */
async function answerLast(size = { columns: 100, rows: 30 }, color = false) {
  const app = await renderWorkbench({ workbook: withParked(answered(undefined, { last: false })), size, color });
  await app.keys(KEYS.enter, KEYS.enter);
  expect(text(app)).toContain('4 of 4 in the journey');
  await app.keys('2');
  return app;
}

/** The lines of a big figure as the summary draws them: digits, a space, the shade block, two spaces, the words. */
const figureLines = (text: string, shade: string, scale: 'half' | 'full') => bigText(text, scale).map((l) => `${l} ${shade.repeat(scale === 'full' ? 4 : 2)}`);

describe("the summary at the end of a journey's walk", () => {
  it('shows the figures large with their shade, the Fix items it feeds most, unknowns, disagreements and the parking lot', async () => {
    const app = await answerLast();
    const frame = text(app);
    expect(frame).toContain('All 4 questions of this journey are answered.');
    // Exposure (2·1 + 2·0.75 + 3·1 + 2·0.5) / 9 = 83: severe, █; visibility 3.5/9 = 39: poor, ▓.
    const [e0, e1, e2] = figureLines('83', '█', 'full');
    expect(frame).toContain(`${e0}  Exposure`);
    expect(frame).toContain(`${e1}  severe`);
    expect(frame).toContain(`${e2}  0-100, higher is worse`);
    for (const line of figureLines('39', '▓', 'full')) expect(frame).toContain(line);
    expect(frame).toContain('Visibility');
    expect(frame).toContain('poor');

    expect(frame).toContain('Fix · 2 items fed by this journey, the most fed first');
    expect(frame).toMatch(/#1 +now +Give agents a note template and redact what slips through +10\.5 of R 12\.5/);
    expect(frame).toMatch(/#2 +now +Log and alert on bulk exports +3 of R 6/);
    expect(frame).toContain('Find out · 1 unknown answer, 1 item to find out');
    expect(frame).toMatch(/#1 +Find out: How soon would a bulk export by one agent be noticed\?/);
    expect(frame).toContain('Disagreements · 1 disputed answer');
    expect(frame).toMatch(/What happens to files customers attach to tickets\? +Kept as long as the ticket/);
    expect(frame).toContain('Parking lot · 1 open question raised in this journey');
    expect(frame).toContain('Ask the vendor how long recordings stay · owner Kim · due 2026-11-01 OVERDUE');
    expect(frame).not.toContain('Who reads the export report?'); // Chat's
    expect(frame).toContain("Enter: walk 'Chat' next (3 / 4 answered) · Esc: back to the journeys · ←: previous question");
  });

  it('goes on to the next journey with Enter', async () => {
    const app = await answerLast();
    await app.keys(KEYS.enter);
    expect(text(app)).toContain('cxray › Q4 › Chat');
    expect(text(app)).toContain('4 of 4 in the journey'); // Chat's first question unanswered: its access log
  });

  it('goes back to the last question with ←, and to the journeys with Esc', async () => {
    const app = await answerLast();
    await app.keys(KEYS.left);
    expect(text(app)).toContain('4 of 4 in the journey');
    await app.keys(KEYS.right);
    expect(text(app)).toContain('Fix · 2 items fed by this journey');
    await app.keys(KEYS.escape);
    expect(text(app)).toMatch(/❯ Phone support +high/);
  });

  it.each([
    { columns: 80, rows: 24, figures: 'half' },
    { columns: 100, rows: 30, figures: 'full' },
    { columns: 200, rows: 50, figures: 'full' },
  ] as const)('fits $columns x $rows, figures $figures, the keys still shown', async ({ columns, rows, figures }) => {
    const app = await answerLast({ columns, rows });
    const frame = text(app);
    expect(widestLine(frame)).toBeLessThanOrEqual(columns);
    expect(frame.split('\n').length).toBeLessThanOrEqual(rows);
    expect(frame).toContain(figureLines('83', '█', figures)[0]);
    expect(frame).toContain("Enter: walk 'Chat' next");
    for (const heading of ['Fix · 2 items', 'Find out · 1 unknown answer', 'Disagreements · 1 disputed', 'Parking lot · 1 open question']) expect(frame).toContain(heading);
    expect(frame).toContain('Enter next · Esc back · ? keys');
  });

  it('reads without colour: no colour codes, the shade and the band word carry the meaning', async () => {
    const coloured = (await answerLast({ columns: 100, rows: 30 }, true)).frame();
    // With colours, the severe figure's digits and shade are red (31), the poor visibility's bright red (91).
    expect(coloured).toContain(`\u001b[1m\u001b[31m${bigText('83', 'full')[0]}`);
    expect(coloured).toContain('\u001b[91m▓▓▓▓');
    cleanup();
    const plain = (await answerLast({ columns: 100, rows: 30 }, false)).frame();
    expect(plain).not.toMatch(COLOUR);
    const bare = plain.replace(/\u001b\[\d+m/g, '');
    expect(bare).toContain(`${figureLines('83', '█', 'full')[1]}  severe`);
    expect(bare).toContain(`${figureLines('39', '▓', 'full')[1]}  poor`);
  });

  it('draws a dash for a journey nothing is scored in yet, and says the lists are empty', async () => {
    const app = await renderWorkbench({ workbook: setUpWorkbook() });
    await app.keys(KEYS.enter, KEYS.enter, 'x', 'x', 'x', 'x');
    const frame = text(app);
    expect(frame).toContain('All 4 questions of this journey are answered.');
    // Both figures a dash (its middle row of five a bar), no shade block, the words beside it.
    const lines = frame.split('\n');
    const top = lines.findIndex((l) => l.includes('Exposure'));
    expect(lines[top]).toMatch(/^ {6} {2}Exposure +Visibility/);
    expect(lines[top + 1]).toMatch(/^ {6} {2}nothing scored yet +nothing scored yet/);
    expect(lines[top + 2]).toMatch(/^██████ +██████ *$/);
    expect(bigText('—', 'full')[2]).toBe('██████');
    expect(frame).toContain('Fix · no Fix item comes from this journey yet');
    expect(frame).toContain('Find out · no unknown answers');
    expect(frame).toContain('Disagreements · none');
    expect(frame).toContain('Parking lot · nothing raised in this journey');
  });
});

describe('the keys at the end of a walk', () => {
  it.each([
    { columns: 80, rows: 24 },
    { columns: 100, rows: 30 },
    { columns: 200, rows: 50 },
  ])('the footer and the help name only the keys the end takes, at $columns x $rows', async (size) => {
    const app = await answerLast(size);
    const footer = text(app).trimEnd().split('\n').at(-1)!;
    expect(footer).toMatch(/^Enter next · Esc back · \? keys/);
    for (const walkOnly of ['answer', 'unknown', 'n/a', 'confidence', 'on paper', 'note', 'evidence']) expect(footer).not.toContain(walkOnly);
    await app.keys('?');
    const help = text(app);
    expect(help).toContain('End of a walk');
    expect(help).toContain('walk the next one with questions left');
    expect(help).toContain('previous question');
    for (const walkOnly of ['answer with option N', 'We don\'t know', 'documented on paper', 'write a note', 'who is speaking', 'add evidence']) expect(help).not.toContain(walkOnly);
  });

  it('a key of the questions does nothing there: no answer, no hidden mode', async () => {
    const app = await answerLast();
    const before = app.store.saves.length;
    // s would open who-is-speaking, which the end does not draw: the next keys would go to it.
    await app.keys('1', 'u', 'v', 'p', 's', 'n');
    expect(app.store.saves).toHaveLength(before);
    expect(text(app)).toContain('All 4 questions of this journey are answered.');
    await app.keys(KEYS.left);
    expect(text(app)).toContain('4 of 4 in the journey');
  });
});

describe('the summary at the end of the organisation-wide section', () => {
  it('shows counts, not a score: answered and unknown, and the Find-out item of the unknown', async () => {
    const bank = organisationBank();
    const workbook = updateAssessment(setUpWorkbook(bank), 'q4', (a) => a);
    const app = await renderWorkbench({ workbook, bank });
    await app.keys(KEYS.enter, KEYS.enter, 'u');
    const frame = text(app);
    expect(frame).toContain('All 1 questions of the organisation-wide section are answered.');
    const answeredDigits = bigText('1/1', 'full');
    expect(frame).toContain(`${answeredDigits[0]}  Answered`);
    expect(frame).toContain(`${bigText('1', 'full')[0]}  Unknown`);
    expect(frame).not.toContain('Exposure');
    // r 3·3·1 = 9 (s*: Phone support's high sensitivity): one generated Find-out item.
    expect(frame).toContain('Find out · 1 unknown answer, 1 item to find out');
    expect(frame).toContain('Fix · no Fix item comes from the organisation answers yet');
    expect(frame).toContain('Parking lot · nothing raised on organisation-wide questions');
    expect(frame).toContain("Enter: walk 'Phone support' next");
  });

  it("leaves the organisation's answers out of a journey's summary", async () => {
    const bank = organisationBank();
    const workbook = updateAssessment(setUpWorkbook(bank), 'q4', (a) =>
      putOrganisationAnswer(a, { questionId: 'bulk-export-detection', kind: 'unknown', note: '', by: 'Ana', at: FIXED_NOW.toISOString() }),
    );
    const app = await renderWorkbench({ workbook, bank });
    await app.keys(KEYS.enter, KEYS.down, KEYS.enter, '1', '1', '1');
    expect(text(app)).toContain('All 3 questions of this journey are answered.');
    expect(text(app)).toContain('Find out · no unknown answers');
  });
});

import chalk from 'chalk';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { MIN_SIZE } from '../../src/ui/shell.js';
import { KEYS, renderWorkbench, setUpWorkbook, tick, widestLine, withAnswers } from './app.js';

afterEach(() => cleanup());

// Colours must reach the frames for the NO_COLOR test to mean anything.
const level = chalk.level;
beforeAll(() => {
  chalk.level = 1;
});
afterAll(() => {
  chalk.level = level;
});

const workbook = () =>
  withAnswers(setUpWorkbook(), [
    { journeyId: 'phone-support', questionId: 'ticket-notes-content', kind: 'option', optionId: 'everything', confidence: 'verified', note: 'A long note '.repeat(30) },
    { journeyId: 'phone-support', questionId: 'attachment-expiry', kind: 'unknown' },
  ]);

/** Every screen, by the keys that reach it from home. */
const SCREENS: { name: string; keys: string[]; shows: RegExp }[] = [
  { name: 'home', keys: [], shows: /Choose an assessment/ },
  { name: 'assessment', keys: [KEYS.enter], shows: /Journeys \(Enter walks one\)/ },
  { name: 'journey form', keys: [KEYS.enter, 'e', KEYS.tab, KEYS.tab, KEYS.tab], shows: /Journey: Phone support/ },
  { name: 'systems', keys: [KEYS.enter, 's'], shows: /Zendesk/ },
  { name: 'system form', keys: [KEYS.enter, 's', KEYS.enter, KEYS.tab], shows: /System: Zendesk/ },
  { name: 'integrations', keys: [KEYS.enter, 'i'], shows: /Salesforc/ },
  { name: 'walk', keys: [KEYS.enter, KEYS.enter, 'b', 'b'], shows: /in the journey/ },
  { name: 'walk, note editor', keys: [KEYS.enter, KEYS.enter, 'b', 'b', 'n', ...'x@y.io '.repeat(20)], shows: /Note · / },
  { name: 'walk, dimensions', keys: [KEYS.enter, KEYS.enter, 'l'], shows: /Jump to a dimension/ },
  { name: 'results', keys: [KEYS.enter, 'r'], shows: /by journey and dimension/ },
  { name: 'results, answers behind a cell', keys: [KEYS.enter, 'r', KEYS.enter], shows: /questions? behind it/ },
  { name: 'plan', keys: [KEYS.enter, 'p'], shows: /to find out · \d+ to fix/ },
  { name: 'plan as text', keys: [KEYS.enter, 'p', KEYS.tab], shows: /Lines \d/ },
  { name: 'plan status form', keys: [KEYS.enter, 'p', KEYS.enter, KEYS.right, KEYS.right, KEYS.right, KEYS.ctrlS], shows: /accepted risk needs a reason/ },
  { name: 'snapshot label', keys: [KEYS.enter, 't'], shows: /Enter takes the snapshot/ },
  { name: 'new cycle label', keys: [KEYS.enter, 'N'], shows: /Enter starts the new cycle/ },
  { name: 'compare, no snapshot', keys: [KEYS.enter, 'c'], shows: /No snapshot to compare with yet/ },
  { name: 'compare', keys: [KEYS.enter, 'N', KEYS.enter, KEYS.enter, '1', KEYS.escape, 'c'], shows: /Snapshot 1 of 1/ },
  { name: 'walk, carried over', keys: [KEYS.enter, 'N', KEYS.enter, KEYS.enter], shows: /carried over from "2026-11-20"/ },
  { name: 'results, stale answers', keys: [KEYS.enter, 'r', 's'], shows: /No stale answers/ },
  { name: 'help', keys: [KEYS.enter, KEYS.enter, '?'], shows: /Keys · Walk/ },
  { name: 'parking lot, empty', keys: [KEYS.enter, 'l'], shows: /Nothing parked yet/ },
  { name: 'park form over the walk', keys: [KEYS.enter, KEYS.enter, KEYS.ctrlP, ...'Who keeps the attachments? '.repeat(4)], shows: /Raised on Phone support/ },
  { name: 'parking lot', keys: [KEYS.enter, KEYS.enter, KEYS.ctrlP, ...'Who keeps the attachments? '.repeat(4), KEYS.ctrlS, KEYS.escape, 'l'], shows: /1 open question · 0 decisions/ },
  { name: 'controls', keys: [KEYS.enter, 'k'], shows: /Controls in practice|control/i },
  { name: 'evidence requests, none', keys: [KEYS.enter, 'R'], shows: /No evidence requests/ },
  { name: 'parking lot, item form', keys: [KEYS.enter, KEYS.enter, KEYS.ctrlP, ...'Who keeps it?', KEYS.ctrlS, KEYS.escape, 'l', KEYS.enter], shows: /p1: open question/ },
];

describe.each([
  // The stated minimum, exactly.
  { ...MIN_SIZE },
  { columns: 100, rows: 30 },
  { columns: 132, rows: 43 },
  { columns: 200, rows: 50 },
])('at $columns x $rows', (size) => {
  it.each(SCREENS)('$name fits: no line wider, no more lines than the terminal', async ({ keys, shows }) => {
    const app = await renderWorkbench({ workbook: workbook(), size });
    await app.keys(...keys);
    for (let i = 0; i < 80 && !shows.test(app.frame()); i++) await tick();
    const frame = app.frame();
    expect(frame).toMatch(shows);
    expect(widestLine(frame)).toBeLessThanOrEqual(size.columns);
    expect(frame.split('\n').length).toBeLessThanOrEqual(size.rows - 1);
    // The footer hint is always there, on the last line (the help has its own).
    expect(frame.trimEnd().split('\n').slice(-2).join('\n')).toMatch(/Esc|Ctrl-S|Enter|\?|any other key closes|Press any key/);
  });
});

describe('a terminal too small', () => {
  it.each([
    { columns: MIN_SIZE.columns - 1, rows: 30 },
    { columns: 100, rows: MIN_SIZE.rows - 1 },
    { columns: 60, rows: 16 },
  ])('says so at $columns x $rows, and why, and ignores keys until it grows', async (size) => {
    const app = await renderWorkbench({ workbook: workbook(), size });
    expect(app.frame().replace(/\n/g, ' ')).toContain(
      `The terminal is too small (${size.columns}x${size.rows}); make it at least 80x24: smaller, a question's answers, the results table and the help no longer fit.`,
    );
    await app.keys(KEYS.enter, 'd', 'y');
    expect(app.store.data.assessments).toHaveLength(1);
    expect(app.store.saves).toHaveLength(0);
  });
});

describe('colour', () => {
  const COLOUR = /\u001b\[(?:3[0-79]|9[0-7]|4[0-79]|10[0-7]|38;|48;)/;

  it('uses colour when it may', async () => {
    const app = await renderWorkbench({ workbook: workbook() });
    await app.keys(KEYS.enter, 'r');
    expect(app.frame()).toMatch(COLOUR);
  });

  it.each(SCREENS)('draws $name without any colour under NO_COLOR, the meaning still there', async ({ keys, shows }) => {
    const app = await renderWorkbench({ workbook: workbook(), color: false });
    await app.keys(...keys);
    for (let i = 0; i < 80 && !shows.test(app.frame()); i++) await tick();
    expect(app.frame()).toMatch(shows);
    expect(app.frame()).not.toMatch(COLOUR);
  });

  it('keeps the meaning of a score in characters: a number and a shade', async () => {
    const app = await renderWorkbench({ workbook: workbook(), color: false });
    await app.keys(KEYS.enter, 'r');
    expect(app.frame()).toMatch(/\[100█\]/);
    expect(app.frame()).toContain('░ low  ▒ moderate  ▓ high  █ severe');
  });
});

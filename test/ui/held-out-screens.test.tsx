/**
 * Every screen of the workbook (the SCREENS of layout.test.tsx, and the session form) and
 * of the presenter, with each held-out bank at 80x24, 100x30 and 200x50 without colour:
 * nothing on it says "journey" (footer and help included), a screen that speaks of what
 * is assessed uses the bank's word for it, a level is told by the bank's name where the
 * bank names levels, and no line is wider, no frame taller, than the terminal.
 */
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import type { Bank } from '../../src/core/bank-schema.js';
import { scopeNamesOf } from '../../src/core/bank-words.js';
import { parsePresence, presenceText, type PresencePlace } from '../../src/core/presence.js';
import { addIntegration, addSystem } from '../../src/core/setup-ops.js';
import { updateAssessment } from '../../src/core/workbook-ops.js';
import type { Workbook } from '../../src/core/workbook-schema.js';
import type { PresentSnapshot } from '../../src/store/present-source.js';
import { PresentApp } from '../../src/ui/present/PresentApp.js';
import { CLINIC_PATH, heldOutBank, heldOutWorkbook, SAMM_PATH } from '../helpers/held-out.js';
import { FIXED_NOW, KEYS, renderWorkbench, tick, widestLine } from './app.js';

afterEach(() => cleanup());

interface HeldOut {
  name: string;
  bank: Bank;
  path: string;
  /** The two scopes' names: the first fully answered, the second with its first question open. */
  scopes: [string, string];
  systems: [string, string];
}

const BANKS: HeldOut[] = [
  { name: 'a maturity model assessing applications', bank: heldOutBank(SAMM_PATH), path: SAMM_PATH, scopes: ['Payments API', 'Customer portal'], systems: ['GitHub', 'Jenkins'] },
  { name: "a clinic's front desks", bank: heldOutBank(CLINIC_PATH), path: CLINIC_PATH, scopes: ['Reception', 'Phone line'], systems: ['Booking system', 'Phone system'] },
];

/** The held-out assessment with two systems that the first scope passes through, and an integration between them. */
function workbookOf(h: HeldOut): Workbook {
  const w = heldOutWorkbook(h.bank, h.scopes, FIXED_NOW);
  return updateAssessment(w, w.assessments[0]!.id, (a) => {
    const first = addSystem(a, { name: h.systems[0], kind: 'other', owner: 'IT', vendor: 'Acme' });
    const second = addSystem(first.assessment, { name: h.systems[1], kind: 'other', owner: 'IT', vendor: 'Acme' });
    const next = addIntegration(second.assessment, { from: first.id, to: second.id, access: 'read', fields: ['name'], logged: 'no' }).assessment;
    return { ...next, journeys: next.journeys.map((j, i) => (i === 0 ? { ...j, systemIds: [first.id, second.id] } : j)) };
  });
}

interface Screen {
  name: string;
  keys: string[];
  /** What says the screen is drawn (the frame is read once it matches). */
  shows: (h: HeldOut) => RegExp;
  /** The screen speaks of what is assessed: the bank's word is on it. */
  scope?: true;
  /** The screen shows a level: by the bank's name where it names levels. */
  level?: true;
}

const first = (h: HeldOut) => h.scopes[0];
const second = (h: HeldOut) => h.scopes[1];
const WALK = [KEYS.enter, KEYS.down, KEYS.enter];
const PARKED = [...WALK, KEYS.ctrlP, ...'Who keeps the logs? '.repeat(4)];

const SCREENS: Screen[] = [
  { name: 'home, titled by the bank', keys: [], shows: (h) => new RegExp(`cxray › ${h.bank.title}`) },
  { name: 'assessment', keys: [KEYS.enter], shows: (h) => new RegExp(second(h)), scope: true },
  { name: 'scope form', keys: [KEYS.enter, 'e', KEYS.tab, KEYS.tab, KEYS.tab], shows: (h) => new RegExp(`: ${first(h)}`), scope: true },
  { name: 'systems', keys: [KEYS.enter, 's'], shows: (h) => new RegExp(h.systems[1]), scope: true },
  { name: 'system form', keys: [KEYS.enter, 's', KEYS.enter, KEYS.tab], shows: (h) => new RegExp(`System: ${h.systems[0]}`) },
  { name: 'integrations', keys: [KEYS.enter, 'i'], shows: (h) => new RegExp(`${h.systems[0].slice(0, 8)}.* ${h.systems[1].slice(0, 8)}`) },
  { name: 'session form', keys: [KEYS.enter, 'S'], shows: () => /Asks \d/, scope: true },
  { name: 'walk', keys: WALK, shows: () => /1 of \d+ in the/, scope: true },
  { name: 'walk, note editor', keys: [...WALK, 'n', ...'x@y.io '.repeat(12)], shows: () => /Note · / },
  { name: 'walk, dimensions', keys: [...WALK, 'l'], shows: () => /Jump to a dimension/ },
  { name: 'walk end', keys: [KEYS.enter, KEYS.enter], shows: () => /questions of this .* are answered/, scope: true },
  { name: 'results', keys: [KEYS.enter, 'r'], shows: () => /by \w+ and dimension/, scope: true },
  { name: 'results, answers behind a cell', keys: [KEYS.enter, 'r', KEYS.enter], shows: () => /questions? behind it/, level: true },
  { name: 'plan', keys: [KEYS.enter, 'p'], shows: () => /to find out · \d+ to fix/, level: true },
  { name: 'plan as text', keys: [KEYS.enter, 'p', KEYS.tab], shows: () => /Lines \d/ },
  { name: 'plan status form', keys: [KEYS.enter, 'p', KEYS.enter, KEYS.right, KEYS.right, KEYS.right, KEYS.ctrlS], shows: () => /accepted risk needs a reason/ },
  { name: 'snapshot label', keys: [KEYS.enter, 't'], shows: () => /Enter takes the snapshot/ },
  { name: 'new cycle label', keys: [KEYS.enter, 'N'], shows: () => /Enter starts the new cycle/ },
  { name: 'compare, no snapshot', keys: [KEYS.enter, 'c'], shows: () => /No snapshot to compare with yet/ },
  // A new cycle, the first question of the first scope answered with its first option: one answer changed.
  { name: 'compare', keys: [KEYS.enter, 'N', KEYS.enter, KEYS.enter, KEYS.enter, '1', KEYS.escape, 'c', KEYS.tab, KEYS.tab], shows: () => /Answers that changed \(1\)/, scope: true, level: true },
  { name: 'walk, carried over', keys: [KEYS.enter, 'N', KEYS.enter, KEYS.enter], shows: () => /carried over from "2026-11-20"/ },
  { name: 'results, stale answers', keys: [KEYS.enter, 'r', 's'], shows: () => /No stale answers/ },
  { name: 'help over the walk', keys: [...WALK, '?'], shows: () => /Keys · Walk/ },
  { name: 'help over the walk, its second page', keys: [...WALK, '?', KEYS.pageDown], shows: () => /Keys · Walk/, scope: true },
  { name: 'help over the assessment', keys: [KEYS.enter, '?'], shows: () => /Keys · Assessment/, scope: true },
  { name: 'parking lot, empty', keys: [KEYS.enter, 'l'], shows: () => /Nothing parked yet/ },
  { name: 'park form over the walk', keys: PARKED, shows: (h) => new RegExp(`Raised on ${second(h)}`) },
  { name: 'parking lot', keys: [...PARKED, KEYS.ctrlS, KEYS.escape, 'l'], shows: () => /1 open question · 0 decisions/ },
  { name: 'parking lot, item form', keys: [...PARKED, KEYS.ctrlS, KEYS.escape, 'l', KEYS.enter], shows: () => /p1: open question/ },
  { name: 'controls', keys: [KEYS.enter, 'k'], shows: () => /Controls in practice/ },
  { name: 'evidence requests', keys: [KEYS.enter, 'R'], shows: () => /No evidence requests/ },
];

const SIZES = [
  { columns: 80, rows: 24 },
  { columns: 100, rows: 30 },
  { columns: 200, rows: 50 },
];

/** What every screen of every bank must hold to, and the scope and level words where the screen asks for them. */
function checkFrame(frame: string, h: HeldOut, size: { columns: number; rows: number }, wants: { scope?: true; level?: true }, rows = size.rows - 1) {
  expect(frame).not.toMatch(/journey/i);
  expect(widestLine(frame)).toBeLessThanOrEqual(size.columns);
  expect(frame.split('\n').length).toBeLessThanOrEqual(rows);
  const words = frame.replace(/\s+/g, ' ');
  const names = scopeNamesOf(h.bank);
  if (wants.scope) expect(words.toLowerCase()).toMatch(new RegExp(`\\b(${names.singular}|${names.plural})\\b`));
  const levels = h.bank.levels;
  if (levels) {
    // "level 3" is cxray's number: a bank with names shows them (its own names may hold "level").
    const bare = words.replace(new RegExp(levels.map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g'), '');
    expect(bare).not.toMatch(/\blevels? \d/i);
    if (wants.level) expect(levels.some((l) => words.includes(l))).toBe(true);
  } else if (wants.level) {
    expect(words).toMatch(/\blevels? \d/);
  }
}

describe.each(BANKS)('$name', (h) => {
  describe.each(SIZES)('at $columns x $rows', (size) => {
    it.each(SCREENS)('$name', async (screen) => {
      const app = await renderWorkbench({ bank: h.bank, workbook: workbookOf(h), size, color: false });
      await app.keys(...screen.keys);
      const shows = screen.shows(h);
      for (let i = 0; i < 80 && !shows.test(app.frame()); i++) await tick();
      const frame = app.frame();
      if (process.env.DUMP) writeFileSync(`/tmp/anyscreen/${h.bank.id}-${size.columns}-${screen.name.replace(/[^a-z]+/g, '_')}.txt`, frame);
      expect(frame).toMatch(shows);
      checkFrame(frame, h, size, screen);
    });
  });
});

describe.each(BANKS)('the presenter with $name', (h) => {
  const w = workbookOf(h);
  const assessmentId = w.assessments[0]!.id;
  const [done, open] = w.assessments[0]!.journeys;
  const question = h.bank.questions[0]!;
  const [low, , high] = question.options;
  const presence = (place: PresencePlace): PresentSnapshot['presence'] => ({ kind: 'presence', presence: parsePresence(presenceText(place, process.pid, 'vm', FIXED_NOW))! });
  const at = (vote?: NonNullable<Extract<PresencePlace, { screen: 'question' }>['vote']>): PresencePlace => ({
    screen: 'question',
    assessmentId,
    journeyId: open!.id,
    questionId: question.id,
    index: 0,
    total: h.bank.questions.length,
    ...(vote ? { vote } : {}),
  });
  const PRESENTED: { name: string; presence: PresentSnapshot['presence']; shows: RegExp; scope?: true; level?: true }[] = [
    // The command to start names the presenter's bank, so that cxray walks with the same one.
    { name: 'waiting for cxray', presence: { kind: 'none' }, shows: new RegExp(`start \`cxray --db workshop\\.json --bank ${basename(h.path).replace('.', '\\.')}\` and walk an? `), scope: true },
    { name: 'the question', presence: presence(at()), shows: /Question 1 of/ },
    { name: 'a hidden vote', presence: presence(at({ voted: 1, voters: 3 })), shows: /Voting: 1 of 3 voted/ },
    {
      name: 'a revealed vote',
      presence: presence(at({ voted: 3, voters: 3, positions: [{ name: 'Ana', kind: 'option', optionId: low!.id }, { name: 'Ben', kind: 'option', optionId: high!.id }, { name: 'Cy', kind: 'unknown' }] })),
      shows: /Votes: 3 of 3/,
      level: true,
    },
    { name: 'the end of a walk', presence: presence({ screen: 'end', assessmentId, journeyId: done!.id, total: h.bank.questions.length }), shows: /questions of this/, scope: true },
  ];
  describe.each(SIZES)('at $columns x $rows', (size) => {
    it.each(PRESENTED)('$name', async (screen) => {
      const snapshot: PresentSnapshot = { workbook: w, problem: undefined, presence: screen.presence };
      const view = render(<PresentApp source={{ current: () => snapshot, subscribe: () => () => {} }} bank={h.bank} color={false} size={size} now={() => FIXED_NOW} workbookPath="workshop.json" bankPath={basename(h.path)} />);
      await tick();
      const frame = view.lastFrame() ?? '';
      view.unmount();
      if (process.env.DUMP) writeFileSync(`/tmp/anyscreen/present-${h.bank.id}-${size.columns}-${screen.name.replace(/[^a-z]+/g, '_')}.txt`, frame);
      expect(frame.replace(/\s+/g, ' ')).toMatch(screen.shows);
      checkFrame(frame, h, size, screen, size.rows);
    });
  });
});

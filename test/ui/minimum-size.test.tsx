/**
 * The stated minimum (80x24), and 100x30 and 200x50, with the demo workbook and the built-in bank, where real
 * names and texts are long: everything a person needs can be read there, if not at
 * once then a key away (the question's help a page at a time).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { BankSchema, type Bank } from '../../src/core/bank-schema.js';
import { buildDemoWorkbook } from '../../src/core/demo.js';
import { builtinBankPath } from '../../src/bank/builtin.js';
import { addSystem } from '../../src/core/setup-ops.js';
import { updateAssessment } from '../../src/core/workbook-ops.js';
import { KEYBINDINGS, keysText } from '../../src/ui/keybindings.js';
import { MIN_SIZE } from '../../src/ui/shell.js';
import { FIXED_NOW, KEYS, flat, renderWorkbench, tick, widestLine } from './app.js';

afterEach(() => cleanup());

const bank: Bank = BankSchema.parse(parse(readFileSync(builtinBankPath(), 'utf8')));
const demo = () => buildDemoWorkbook(bank, FIXED_NOW);

async function open(size: { columns: number; rows: number }, ...keys: string[]) {
  const app = await renderWorkbench({ workbook: demo(), bank, size, color: false });
  await app.keys(...keys);
  return app;
}

/** The frame once the help's markdown renderer has loaded. */
async function settled(app: Awaited<ReturnType<typeof open>>): Promise<string> {
  for (let i = 0; i < 200 && app.frame().includes('Loading the help…'); i++) await tick();
  return app.frame();
}

/** The lines of the question's help in a walk frame: after the note line, before the marker (or the footer). */
function helpText(frame: string): string[] {
  const lines = frame.split('\n');
  const from = lines.findIndex((l) => /^Note /.test(l)) + 1;
  const marker = lines.findIndex((l) => /^Help lines /.test(l));
  return lines.slice(from, marker >= 0 ? marker : lines.length - 1).filter((l) => l.trim() !== '');
}

describe('the question help at the minimum size', () => {
  it('can be read whole, a page at a time with Space, with a line saying which lines are shown', async () => {
    // The last organisation-wide question: its help is 20 lines and more at 80 columns.
    const tall = await open({ columns: MIN_SIZE.columns, rows: 80 }, KEYS.enter, KEYS.enter, 'b', 'h');
    const whole = helpText(await settled(tall));
    expect(whole.length).toBeGreaterThan(15);
    cleanup();

    const app = await open(MIN_SIZE, KEYS.enter, KEYS.enter, 'b', 'h');
    let frame = await settled(app);
    const read: string[] = [];
    for (let page = 0; page < 10; page++) {
      const marker = frame.match(/Help lines (\d+)-(\d+) of (\d+) · Space: (the next lines|from the top again) · h hides it/);
      expect(marker, frame).not.toBeNull();
      expect(Number(marker![3])).toBeGreaterThan(Number(marker![2]) - Number(marker![1]) + 1);
      // Every option stays on screen while the help is read.
      for (const option of ['1  ', '2  ', '3  ', '4  ', '5  ', 'u  We', 'x  Not']) expect(frame).toContain(option);
      expect(widestLine(frame)).toBeLessThanOrEqual(MIN_SIZE.columns);
      expect(frame.split('\n').length).toBeLessThanOrEqual(MIN_SIZE.rows - 1);
      read.push(...helpText(frame));
      if (marker![4] === 'from the top again') break;
      await app.keys(' ');
      frame = app.frame();
    }
    expect(read).toEqual(whole);
    // After the last page, the first again.
    await app.keys(' ');
    expect(app.frame()).toMatch(/Help lines 1-\d+ of/);
  });
});

/** Every hint a footer can show, whole: "Enter open", "1-5 answer", "? more keys". */
const HINTS = new Set([
  ...KEYBINDINGS.filter((b) => b.hint !== undefined).map((b) => `${keysText(b)} ${b.hint}`),
  ...KEYBINDINGS.filter((b) => b.command === 'pick-number' && b.hint !== undefined).flatMap((b) => ['1', '1 2', ...[3, 4, 5, 6, 7, 8].map((n) => `1-${n}`)].map((k) => `${k} ${b.hint}`)),
  '? more keys',
]);

/** Screens of the demo, by the keys that reach them from the list of assessments. */
const SCREENS: { name: string; keys: string[]; shows: RegExp; lastPlaceInBody?: boolean }[] = [
  { name: 'home', keys: [], shows: /Choose an assessment/ },
  { name: 'assessment', keys: [KEYS.enter], shows: /then each journey/ },
  { name: 'journey form', keys: [KEYS.enter, KEYS.down, 'e'], shows: /Journey: Phone support/ },
  { name: 'systems', keys: [KEYS.enter, 's'], shows: /Harbour Voice/ },
  { name: 'system form', keys: [KEYS.enter, 's', KEYS.enter], shows: /System: Harbour Voice/ },
  { name: 'integrations', keys: [KEYS.enter, 'i'], shows: /Call recording/ },
  { name: 'walk, organisation-wide', keys: [KEYS.enter, KEYS.enter, 'b', 'b'], shows: /of 52 organisation-wide/ },
  { name: 'walk of a journey', keys: [KEYS.enter, KEYS.down, KEYS.enter, 'b', 'b'], shows: /of 20 in the journey/ },
  { name: 'end of a walk', keys: [KEYS.enter, KEYS.down, KEYS.enter], shows: /All 20 questions of this journey/ },
  { name: 'walk, dimensions', keys: [KEYS.enter, KEYS.enter, 'l'], shows: /Jump to a dimension/ },
  { name: 'results', keys: [KEYS.enter, 'r'], shows: /by journey and dimension/ },
  { name: 'results, answers behind a cell', keys: [KEYS.enter, 'r', KEYS.enter], shows: /questions? behind it/, lastPlaceInBody: true },
  { name: 'plan', keys: [KEYS.enter, 'p'], shows: /to find out · \d+ to fix/ },
  { name: 'plan status form', keys: [KEYS.enter, 'p', KEYS.enter], shows: /Status of #/, lastPlaceInBody: true },
  { name: 'compare', keys: [KEYS.enter, 'c'], shows: /Snapshot 2 of 2/, lastPlaceInBody: true },
  { name: 'results, stale answers', keys: [KEYS.enter, 'r', 's'], shows: /older than their question's lifetime/ },
  { name: 'parking lot', keys: [KEYS.enter, 'l'], shows: /1 open question · 1 decision/ },
  { name: 'controls', keys: [KEYS.enter, 'k'], shows: /controls/ },
  { name: 'evidence requests', keys: [KEYS.enter, 'R'], shows: /due/ },
];

describe.each([MIN_SIZE, { columns: 100, rows: 30 }])('the demo at $columns x $rows', (size) => {
  it.each(SCREENS)('$name: a header whose place is whole, a footer of whole hints', async ({ keys, shows, lastPlaceInBody }) => {
    const app = await open(size, ...keys);
    for (let i = 0; i < 80 && !shows.test(app.frame()); i++) await tick();
    const frame = app.frame();
    expect(frame).toMatch(shows);
    const lines = frame.split('\n');
    // The header: "cxray › … › the place", the session's clock after it in a walk.
    const place = lines[0]!.split(' › ').at(-1)!.replace(/\s{2,}.*$|\s+\d+ min · .*$/, '');
    if (lastPlaceInBody && place.endsWith('…')) expect(lines.slice(1).join('\n')).toContain(place.slice(0, -1));
    else expect(place, lines[0]).not.toContain('…');
    const footer = lines.at(-1)!.trim();
    for (const hint of footer.split(' · ')) expect(HINTS, footer).toContain(hint);
  });
});

describe('at the minimum size, lines that used to be cut', () => {
  it("the walk's line of confidence goes on under itself: who answered is whole", async () => {
    const app = await open(MIN_SIZE, KEYS.enter, KEYS.enter, 'b', 'b');
    const frame = app.frame();
    expect(frame).toContain('Confidence reported  ·  Documented on paper unset\nBy Hannah Keel (returns supplier manager)');
    // Five options: the footer names 1-5, not 1-9.
    expect(frame.split('\n').at(-1)).toMatch(/^1-5 answer · /);
  });

  it("the walk's position line wraps instead of being cut", async () => {
    // A journey's walk with the organisation-wide questions hidden: the longest position line.
    const app = await open(MIN_SIZE, KEYS.enter, KEYS.down, KEYS.enter, 'b', 'b');
    const frame = app.frame();
    const at = frame.split('\n').findIndex((l) => /^\d+ of 20 in the journey/.test(l));
    expect(at).toBeGreaterThan(0);
    const position = frame.split('\n').slice(at, at + 2).join(' ');
    expect(position).toMatch(/^\d+ of 20 in the journey \(w shows \d+ organisation-wide\) · answered · .+, question \d+ of \d+/);
    expect(frame).not.toMatch(/in the journey.*…/);
  });

  it('the assessment says the carried-over answers and the latest snapshot each whole, on two lines', async () => {
    const app = await open(MIN_SIZE, KEYS.enter);
    expect(app.frame()).toMatch(/↻ 3 carried over, to confirm in the walk\n2 snapshots, latest "[^"\n]+" \(\d{4}-\d\d-\d\d\)/);
  });
});

describe('the journey form at the minimum size', () => {
  it('uses the rows it has: every field of a demo journey is shown, and no "more fields" marker', async () => {
    const app = await open(MIN_SIZE, KEYS.enter, KEYS.down, 'e');
    for (let tab = 0; tab < 6; tab++) {
      const frame = app.frame();
      expect(frame, `after ${tab} Tab`).toContain('Journey: Phone support with call recording');
      for (const label of ['Name', 'Description', 'Channels', 'Data', 'Sensitivity', 'Systems', '[ Save ]']) expect(frame, `after ${tab} Tab`).toContain(label);
      expect(frame).not.toMatch(/more fields/);
      expect(frame.split('\n').length).toBeLessThanOrEqual(MIN_SIZE.rows - 1);
      await app.keys(KEYS.tab);
    }
  });

  it('says "↓ more fields" where a field is really hidden, and the field is then reachable', async () => {
    // Twelve systems more: the Systems field no longer fits under the others at 80x24.
    const workbook = updateAssessment(demo(), demo().assessments[0]!.id, (a) =>
      Array.from({ length: 12 }, (_, n) => n).reduce((x, n) => addSystem(x, { name: `Extra system ${n + 1}`, kind: 'other', owner: 'IT', vendor: 'Acme' }).assessment, a),
    );
    const app = await renderWorkbench({ workbook, bank, size: MIN_SIZE, color: false });
    await app.keys(KEYS.enter, KEYS.down, 'e');
    expect(app.frame()).toContain('↓ more fields');
    expect(app.frame()).not.toContain('Systems ');
    for (let tab = 0; tab < 5; tab++) await app.keys(KEYS.tab);
    expect(app.frame()).toContain('Systems');
    expect(app.frame()).toContain('Extra system 12');
    expect(app.frame()).toContain('↑ more fields');
    expect(app.frame().split('\n').length).toBeLessThanOrEqual(MIN_SIZE.rows - 1);
  });
});

describe('at 200x50, columns that follow their text', () => {
  it('the list of assessments has its dates and scores right after the names', async () => {
    const app = await open({ columns: 200, rows: 50 });
    // The name, one space and the cell's margin, then the date.
    expect(app.frame()).toMatch(/❯ Northwind Home Energy — customer data review {2,3}\d{4}-\d\d-\d\d /);
  });

  it("the assessment's journeys have their sensitivity and progress right after the longest name", async () => {
    const app = await open({ columns: 200, rows: 50 }, KEYS.enter);
    // "Smart-meter and appliance returns" is the longest name: one column and the cell's margin, then its sensitivity.
    expect(app.frame()).toMatch(/ {2}Smart-meter and appliance returns {2}moderate /);
    expect(app.frame()).toMatch(/ {2}Phone support with call recording {2}high /);
  });

  it('the systems and the integrations have columns as wide as their longest text, not a fifth of the screen each', async () => {
    const systems = await open({ columns: 200, rows: 50 }, KEYS.enter, 's');
    // The longest system name is 37 columns, its column as wide: the cell's margin, then the kind.
    expect(systems.frame()).toMatch(/ {2}Website analytics with session replay analytics /);
    expect(systems.frame()).toMatch(/❯ Harbour Voice {25}contact-centre {4}Customer service {5}Harbour Telecom /);
    const integrations = await open({ columns: 200, rows: 50 }, KEYS.enter, 'i');
    expect(integrations.frame()).toMatch(/❯ Harbour Voice → {25}Call recording vault write /);
  });

  it("the plan's status stands after the longest title, not 100 columns off", async () => {
    const app = await open({ columns: 200, rows: 50 }, KEYS.enter, 'p');
    const rows = app.frame().split('\n').filter((l) => /^[❯ ] #\d+ +(find|now|next|later) /.test(l));
    expect(rows.length).toBeGreaterThan(5);
    const columns = new Set(rows.map((row) => row.search(/[○◐●◇✓] /)));
    // One status column, right after the longest title of the demo's plan (under 80
    // columns): 2 + 6 + 7 + 80 + 1 at most; it stood at 184 before.
    expect(columns.size).toBe(1);
    expect([...columns][0]).toBeLessThanOrEqual(96);
  });
});

describe('sentences at the minimum size wrap instead of being cut', () => {
  it("the integrations' intro, the controls' frameworks and counts", async () => {
    const integrations = await open(MIN_SIZE, KEYS.enter, 'i');
    expect(flat(integrations.frame())).toContain('What moves customer data between systems, and whether anyone could see it happen.');
    cleanup();
    const controls = await open(MIN_SIZE, KEYS.enter, 'k');
    const frame = controls.frame();
    expect(flat(frame)).toMatch(/GDPR \(Regulation \(EU\) 2016\/679\), ISO\/IEC 27001:2022, NIST CSF 2\.0, PCI DSS v4\.0\.1, SOC 2 [^…]*\n?/);
    expect(flat(frame)).toMatch(/\d+ controls: exposed in practice \d+ · unknown in practice \d+ · holds in practice \d+ · not tested \d+/i);
    // A control's title goes on under its figures.
    await controls.keys(KEYS.tab);
    expect(controls.frame().split('\n').filter((l) => /^ {2}\S+ \S+ +exp /.test(l) && l.includes('…'))).toEqual([]);
    for (const line of controls.frame().split('\n')) expect(line.length).toBeLessThanOrEqual(MIN_SIZE.columns);
  });
});

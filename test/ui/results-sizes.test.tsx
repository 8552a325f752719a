/**
 * The results table at the sizes people use: 100x30 (a projector), 200x50 and the
 * stated minimum, on the built-in bank (nine dimensions, some titles longer than a
 * column) and its demo workbook. Every header whole (a title, or the short label the
 * legend names), the columns growing with the width, the journey names taking the rest,
 * and a line saying which rows and columns are shown when some are hidden.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { BankSchema, type Bank } from '../../src/core/bank-schema.js';
import { buildDemoWorkbook } from '../../src/core/demo.js';
import { addJourney, updateAssessment } from '../../src/core/workbook-ops.js';
import { builtinBankPath } from '../../src/bank/builtin.js';
import { MIN_SIZE as MINIMUM_SIZE } from '../../src/ui/shell.js';
import { resultsLayout } from '../../src/ui/results-layout.js';
import { FIXED_NOW, KEYS, renderWorkbench, widestLine } from './app.js';

afterEach(() => cleanup());

const bank: Bank = BankSchema.parse(parse(readFileSync(builtinBankPath(), 'utf8')));
const demo = () => buildDemoWorkbook(bank, FIXED_NOW);
const TITLES = bank.dimensions.map((d) => d.title);

async function openResults(size: { columns: number; rows: number }, workbook = demo()) {
  const app = await renderWorkbench({ workbook, bank, size, color: false });
  await app.keys(KEYS.enter, 'r');
  return app;
}

/** The lines between the title line and the first row of the table. */
function headerLines(frame: string): string[] {
  const lines = frame.split('\n');
  const first = lines.findIndex((l) => /^[❯ ] \S/.test(l) && /\d[░▒▓█]|—/.test(l));
  return lines.slice(3, first).filter((l) => l.trim() !== '');
}

describe('the results table', () => {
  it('at 100x30 shows every dimension with a whole header, on two lines, and names the short labels below', async () => {
    const app = await openResults({ columns: 100, rows: 30 });
    const frame = app.frame();
    const header = headerLines(frame);
    expect(header).toHaveLength(2);
    const words = header.join(' ');
    // Every column is there, its title whole or its short label, never a cut word.
    bank.dimensions.forEach((d) => expect(words.includes(d.title) || words.includes(d.short!)).toBe(true));
    expect(words).toContain('Overall');
    expect(words).not.toContain('…');
    // Each short label shown in place of its title is named: "Footprint = Data footprint".
    for (const d of bank.dimensions.filter((x) => !words.includes(x.title))) expect(frame.replace(/\n/g, ' ')).toContain(`${d.short} = ${d.title}`);
    // Every journey and the total row, no line saying rows are hidden.
    expect(frame).toMatch(/❯ Phone support/);
    expect(frame).toMatch(/ {2}All journeys +\d/);
    expect(frame).not.toMatch(/rows \d+-\d+ of/);
    expect(frame).not.toMatch(/columns \d+-\d+ of/);
    expect(widestLine(frame)).toBeLessThanOrEqual(100);
  });

  it('at 200x50 grows the columns to show the titles, and the table spans the width', async () => {
    const app = await openResults({ columns: 200, rows: 50 });
    const frame = app.frame();
    const header = headerLines(frame);
    expect(header).toHaveLength(1);
    for (const title of TITLES.filter((t) => t.length <= 15)) expect(header[0]).toContain(title);
    // The journey names whole, and the last column (Overall) ends near the right edge: no blank quarter.
    expect(frame).toContain('Phone support with call recording');
    const row = frame.split('\n').find((l) => l.startsWith('❯ '))!;
    expect(row.trimEnd().length).toBeGreaterThanOrEqual(195);
    expect(header[0]!.trimEnd().length).toBeGreaterThanOrEqual(195);
    expect(widestLine(frame)).toBeLessThanOrEqual(200);
  });

  it(`at the minimum (${MINIMUM_SIZE.columns}x${MINIMUM_SIZE.rows}) shows the columns that fit with whole headers, says which, and ← → bring the others`, async () => {
    const app = await openResults(MINIMUM_SIZE);
    let frame = app.frame();
    expect(headerLines(frame).join(' ')).not.toContain('…');
    const shown = /columns 1-(\d+) of 10 \(←→\)/.exec(frame);
    expect(shown).not.toBeNull();
    expect(frame).toContain('›');
    for (let i = 0; i < 9; i++) await app.keys(KEYS.right);
    frame = app.frame();
    expect(frame).toMatch(new RegExp(`columns ${10 - Number(shown![1]) + 1}-10 of 10`));
    expect(headerLines(frame).join(' ')).toContain('Overall');
    expect(headerLines(frame).join(' ')).not.toContain('…');
    expect(widestLine(frame)).toBeLessThanOrEqual(MINIMUM_SIZE.columns);
    expect(frame.split('\n').length).toBeLessThanOrEqual(MINIMUM_SIZE.rows - 1);
  });

  it('says which rows are shown when the journeys do not all fit, and the highlight brings the others', async () => {
    let workbook = demo();
    workbook = updateAssessment(workbook, workbook.assessments[0]!.id, (a) =>
      Array.from({ length: 9 }, (_, i) => i).reduce((x, i) => addJourney(x, { name: `Extra journey ${i + 1}`, channels: ['chat'], sensitivity: 'low', systemIds: [] }).assessment, a),
    );
    const app = await openResults(MINIMUM_SIZE, workbook);
    let frame = app.frame();
    const rows = /rows 1-(\d+) of 13 \(↑↓\)/.exec(frame);
    expect(rows).not.toBeNull();
    for (let i = 0; i < 12; i++) await app.keys(KEYS.down);
    frame = app.frame();
    expect(frame).toMatch(/rows \d+-13 of 13/);
    expect(frame).toMatch(/❯ All journeys/);
    expect(frame.split('\n').length).toBeLessThanOrEqual(MINIMUM_SIZE.rows - 1);
  });
});

describe('the results layout', () => {
  const columns = [
    { title: 'Data footprint', short: 'Footprint' },
    { title: 'Access', short: 'Access' },
    { title: 'Retention and deletion', short: 'Retention' },
    { title: 'Overall', short: 'Overall' },
  ];
  it('keeps the headers on one line when the short labels fit, titles where they fit; the names take the rest', () => {
    // 2 + name + 1 + 4 x (9 + 1) + 1 = 60 at names 16; at 60 columns the names get 16.
    expect(resultsLayout(60, columns, ['Phone'])).toEqual({ nameWidth: 16, cellWidth: 9, headerLines: 1, fitting: 4, headers: ['Footprint', 'Access', 'Retention', 'Overall'] });
    // At 100: names up to their longest (16 at least), then the columns grow by the 40 spare
    // columns, a quarter each, up to the longest title (22): 9 + 10 = 19.
    const wide = resultsLayout(100, columns, ['Phone']);
    expect(wide.cellWidth).toBe(19);
    expect(wide.nameWidth).toBe(100 - 4 - 4 * 20);
    expect(wide.headers).toEqual(['Data footprint', 'Access', 'Retention', 'Overall']);
  });

  it('puts the headers on two lines when only the figures fit, and scrolls sideways when even they do not', () => {
    // 2 + 16 + 1 + 4 x 7 + 1 = 48: figures (6) fit from 48 columns, labels of 9 need 58.
    expect(resultsLayout(50, columns, ['Phone'])).toMatchObject({ nameWidth: 18, cellWidth: 6, headerLines: 2, fitting: 4 });
    // At 40: two columns of 7 after names of 16; the names take the 6 left over.
    expect(resultsLayout(40, columns, ['Phone'])).toMatchObject({ nameWidth: 22, cellWidth: 6, headerLines: 2, fitting: 2 });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planItemId } from '../../src/core/plan-ids.js';
import { buildReport } from '../../src/core/report.js';
import { plainText } from '../../src/core/terminal-text.js';
import { ANSWER_COLUMNS, PLAN_COLUMNS, renderCsvAnswers, renderCsvPlan } from '../../src/export/csv-report.js';
import { CsvSyntaxError, formatCsv, neutraliseCell, parseCsv, restoreCell } from '../../src/export/csv.js';
import { CYCLE_NOW, cycleAssessment } from './cycle-fixtures.js';
import { GOLDEN_NOW, goldenBank, goldenReport } from './golden-fixtures.js';
import { HOSTILE, hostileAssessment, hostileBank } from './hostile.js';

const readBack = (text: string) => parseCsv(text).map((r) => r.cells.map(restoreCell));

describe('CSV writing', () => {
  it('quotes fields with commas, quotes and line breaks, doubles quotes, ends every record with CRLF', () => {
    expect(formatCsv([['a', 'b,c', 'say "hi"', 'two\nlines', '']])).toBe('a,"b,c","say ""hi""","two\nlines",\r\n');
  });

  it.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['+1', `'+1`],
    ['-2', `'-2`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tTab', `'\tTab`],
    ['\rCR', `'\rCR`],
    [`'=x`, `''=x`],
    ['plain', 'plain'],
    ['a=b', 'a=b'],
    [`'quoted`, `'quoted`],
  ])('neutralises %j as %j, and reads it back', (cell, neutral) => {
    expect(neutraliseCell(cell)).toBe(neutral);
    expect(restoreCell(neutral)).toBe(cell);
  });
});

/**
 * How a spreadsheet splits a CSV file with a given list separator: a cell that starts
 * with a quote runs to the closing quote (doubled quotes are one), anything up to the
 * separator is appended; any other cell runs to the separator or the line end, quotes
 * in it taken literally. A comma spreadsheet reads our cells as we write them; a
 * semicolon one cuts them elsewhere. Returns every cell's text.
 */
function spreadsheetCells(text: string, separator: ',' | ';'): string[] {
  const cells: string[] = [];
  let i = 0;
  while (i < text.length) {
    let cell = '';
    if (text[i] === '"') {
      i++;
      for (; i < text.length; i++) {
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i++;
          } else {
            i++;
            break;
          }
        } else cell += text[i];
      }
    }
    while (i < text.length && text[i] !== separator && text[i] !== '\n' && text[i] !== '\r') cell += text[i++];
    cells.push(cell);
    if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
    else i++;
  }
  return cells;
}

/** Cells a spreadsheet would run as formulas: = + - @ first, after any tabs and line breaks. */
const formulaCells = (text: string, separator: ',' | ';') => spreadsheetCells(text, separator).filter((c) => /^[\t\r\n]*[=+\-@]/.test(c));

describe('CSV in a comma and in a semicolon spreadsheet', () => {
  it.each([
    ['safe;=1+1', `"safe;'=1+1"`],
    ['a;"=1"', `"a;'""=1"""`],
    ["a;'=1", `"a;''=1"`],
    ['line\n-2', `"line\n'-2"`],
    ['=1;+2', `"'=1;'+2"`],
    ['a;b', '"a;b"'],
  ])('neutralises %j after each ; and line break too: %s', (cell, written) => {
    expect(formatCsv([[cell]])).toBe(`${written}\r\n`);
    expect(readBack(formatCsv([[cell]]))).toEqual([[cell]]);
  });

  it('no cell of a hostile export runs as a formula with either separator (answers and plan)', () => {
    const bank = hostileBank(goldenBank());
    const assessment = hostileAssessment(bank, GOLDEN_NOW.toISOString());
    const attacks = ['safe;=1+1', 'x;+SUM(A1)', 'a;"=HYPERLINK(""http://x"")', 'b;@cmd', 'c;-1', "d;'=already", 'e\n=2', 'f;\t=3'];
    assessment.answers = assessment.answers.map((a, i) => ({ ...a, note: `${a.note} ${attacks[i % attacks.length]}`, by: attacks[(i + 3) % attacks.length]! }));
    const report = buildReport(bank, assessment, GOLDEN_NOW);
    for (const text of [renderCsvAnswers(report), renderCsvPlan(report)]) {
      expect(formulaCells(text, ',')).toEqual([]);
      expect(formulaCells(text, ';')).toEqual([]);
    }
    // Without the semicolon rule there would be many (the red team counted 53 in one export).
    const naive = renderCsvAnswers(report).replace(/([;\n])'/g, '$1');
    expect(formulaCells(naive, ';').length).toBeGreaterThan(10);
  });

  it('no cell runs as a formula with either separator, and every table reads back (property)', () => {
    const char = fc.constantFrom(';', ',', '"', "'", '\n', '\r', '\t', '=', '+', '-', '@', ' ', 'a');
    const cell = fc.string({ unit: char, maxLength: 12 });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), (rows) => {
        const text = formatCsv(rows);
        expect(formulaCells(text, ',')).toEqual([]);
        expect(formulaCells(text, ';')).toEqual([]);
        expect(readBack(text)).toEqual(rows.filter((r) => r.some((c) => c !== '')));
      }),
      { numRuns: 500 },
    );
  });
});

describe('CSV reading', () => {
  it('reads quoted fields with commas, quotes and line breaks, LF or CRLF, and skips a BOM and blank lines', () => {
    const text = '\uFEFFa,b\r\n"x, y","say ""hi""\nagain"\n\n"",last\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"\nagain'] },
      { line: 5, cells: ['', 'last'] },
    ]);
  });

  it('reads a last record without a line end, and empty trailing fields', () => {
    expect(parseCsv('a,b,\nc,,').map((r) => r.cells)).toEqual([
      ['a', 'b', ''],
      ['c', '', ''],
    ]);
  });

  it('names the line of an unclosed quote and of text after a closing quote', () => {
    expect(() => parseCsv('a\n"open,b\nc')).toThrow(CsvSyntaxError);
    try {
      parseCsv('a\nb\n"x"y,z');
    } catch (error) {
      expect(error).toMatchObject({ line: 3 });
    }
  });

  it('reads back any table it writes (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\n', '\r', '=', '+', '-', '@', '\t', "'", 'é', '🟥') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (rows) => {
        // A record whose cells are all empty is a blank line, which a reader skips.
        const kept = rows.filter((r) => r.some((c) => c !== ''));
        expect(readBack(formatCsv(rows))).toEqual(kept);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the CSV exports', () => {
  it('write the plan with the tracker columns, one row per item in rank order', () => {
    const report = goldenReport();
    const rows = readBack(renderCsvPlan(report));
    expect(rows[0]).toEqual([...PLAN_COLUMNS]);
    // The Find out lane first ("find out" in the horizon column), then the Fix lane, then the parking lot and decisions.
    expect(rows).toHaveLength(report.findOut.length + report.plan.length + report.parkingLot.length + report.decisions.length + 1);
    const discovery = report.findOut[0]!;
    expect(rows[1]!.slice(0, 8)).toEqual(['1', 'find out', discovery.actionId, discovery.title, 'S', discovery.owner, String(Number(discovery.priority.toFixed(2))), String(discovery.riskRemoved)]);
    const first = report.plan[0]!;
    const fix = rows[report.findOut.length + 1]!;
    expect(fix.slice(0, 8)).toEqual(['1', first.horizon, first.actionId, first.title, first.effort, first.owner, String(Number(first.priority.toFixed(2))), String(first.riskRemoved)]);
    expect(fix.slice(-4)).toEqual(['fix', first.horizonReason, String(Number(first.effectivePriority.toFixed(2))), first.requires.join('; ')]);
  });

  it('write the status of each plan item after detail: status, assigned to, due, overdue, review by, reason, flag; then id and ticket; then the lane columns', () => {
    const bank = goldenBank();
    const assessment = cycleAssessment(bank);
    const rows = readBack(renderCsvPlan(buildReport(bank, assessment, CYCLE_NOW)));
    const header = rows[0]!;
    const at = header.indexOf('status');
    expect(header.slice(at, at + 7)).toEqual(['status', 'assigned to', 'due', 'overdue', 'review by', 'status reason', 'flag']);
    expect(header.slice(at + 7)).toEqual(['id', 'ticket', 'lane', 'horizon reason', 'effective priority', 'requires']);
    for (const r of rows.slice(1)) expect(r[header.indexOf('id')]).toBe(planItemId(assessment.id, r[header.indexOf('action id')]!));
    const byAction = new Map(rows.slice(1).map((r) => [r[header.indexOf('action id')]!, r.slice(at, at + 7)]));
    expect(byAction.get('restrict-export')).toEqual(['in progress', 'Grace', '2026-11-19', 'yes', '', '', '']);
    expect(byAction.get('export-alert')).toEqual(['done', 'Tom', '', '', '', '', 'marked done, but the answers still show the gap']);
    expect(byAction.get('connector-review')).toEqual(['open', '', '', '', '2026-11-19', 'Only two apps; both vendors audited.', 'accepted risk past its review date: open again']);
    expect(byAction.get('central-log')).toEqual(['accepted risk', '', '', '', '2026-11-20', 'Covered by the SIEM project.', '']);
    expect(byAction.get('note-guidance')).toEqual(['open', '', '', '', '', '', '']);
  });

  it('mark the answers carried over from the last cycle and not yet confirmed', () => {
    const report = goldenReport();
    const rows = readBack(renderCsvAnswers(report));
    const column = rows[0]!.indexOf('carried over');
    expect(column).toBeGreaterThan(0);
    const marked = rows.slice(1).map((r) => r[column]);
    expect(marked).toEqual(report.answers.map((a) => (a.carriedOver ? 'yes' : '')));
    expect(marked.filter((m) => m === 'yes')).toHaveLength(report.cycles.carriedOver);
    expect(report.cycles.carriedOver).toBeGreaterThan(0);
  });

  it('neutralise and quote hostile cells, and read back to the same text', () => {
    const bank = hostileBank(goldenBank());
    const report = buildReport(bank, hostileAssessment(bank, GOLDEN_NOW.toISOString()), GOLDEN_NOW);
    const text = renderCsvAnswers(report);
    expect(text).toContain(`'=HYPERLINK(""http://x"")`);
    expect(text.split('\r\n').filter((l) => /(^|,)[=+\-@]/.test(l))).toEqual([]);
    const rows = readBack(text);
    expect(rows[0]).toEqual([...ANSWER_COLUMNS]);
    // Read back as written, except terminal controls (and CR), which are never written.
    expect(rows.slice(1).map((r) => r[5])).toEqual(report.answers.map((a) => plainText(a.note)));
    expect(rows.slice(1).map((r) => r[8])).toEqual(report.answers.map((a) => plainText(a.by)));
    expect(new Set(rows.slice(1).map((r) => r[5]))).toEqual(new Set(HOSTILE.map(plainText)));
    expect(text).not.toMatch(/[\u001b\u009b\r](?!\n)/);
    // Every record ends with CRLF; line breaks inside quoted notes stay as written.
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('write a journey id instead of its name where two journeys share a name', () => {
    const bank = goldenBank();
    const a = hostileAssessment(bank, GOLDEN_NOW.toISOString());
    a.journeys[1]!.name = a.journeys[0]!.name.toUpperCase();
    const rows = readBack(renderCsvAnswers(buildReport(bank, a, GOLDEN_NOW)));
    expect(new Set(rows.slice(1).map((r) => r[0]))).toEqual(new Set(['j0', 'j1', a.journeys[2]!.name, a.journeys[3]!.name]));
  });
});

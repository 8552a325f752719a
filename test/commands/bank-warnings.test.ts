/**
 * A bank's warnings when a command opens it: located on standard error (three at most,
 * then how many more), the bank used all the same; the sentence the workbook's first
 * screen shows.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { warningLines, warningSentence } from '../../src/bank/files.js';
import { commandBank, commandBankWarned } from '../../src/commands/context.js';
import { FIXTURES } from '../helpers/fixtures.js';

const WARNED = join(FIXTURES, 'banks', 'warnings', 'every-warning.yaml');
const problem = (line: number, message: string) => ({ path: 'b.yaml', line, column: 3, message });

describe('a bank opened with warnings', () => {
  it('says the first three located, then how many more and where to see them', () => {
    const four = [problem(1, 'one'), problem(2, 'two'), problem(3, 'three'), problem(4, 'four')];
    expect(warningLines(four, 'b.yaml')).toEqual([
      'warning: b.yaml:1:3: one',
      'warning: b.yaml:2:3: two',
      'warning: b.yaml:3:3: three',
      'warning: 1 more in b.yaml; `cxray validate b.yaml` lists every warning',
    ]);
    expect(warningLines(four.slice(0, 1), 'b.yaml')).toEqual(['warning: b.yaml:1:3: one']);
    expect(warningLines([], 'b.yaml')).toEqual([]);
  });

  it('gives the first screen one sentence: how many, the first located', () => {
    expect(warningSentence([problem(1, 'one')], 'b.yaml')).toBe('The question bank has a warning (it works all the same): b.yaml:1:3: one. `cxray validate b.yaml` lists it.');
    expect(warningSentence([problem(1, 'one'), problem(2, 'two')], 'b.yaml')).toBe(
      'The question bank has 2 warnings (it works all the same): b.yaml:1:3: one. `cxray validate b.yaml` lists every one.',
    );
    expect(warningSentence([], 'b.yaml')).toBeUndefined();
  });

  it('prints them on standard error from a command and opens the bank', async () => {
    let err = '';
    const bank = await commandBank({ bank: WARNED }, (text) => void (err += text));
    expect(bank.id).toBe('every-warning');
    const lines = err.trimEnd().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^cxray: warning: ${WARNED}:13:53: the prompt of question "export-alert" ends before " #"`)),
      expect.stringMatching(new RegExp(`^cxray: warning: ${WARNED}:17:16: option "minutes" of question "export-alert" has a label of 75 characters`)),
      expect.stringMatching(new RegExp(`^cxray: warning: ${WARNED}:20:16: option "unsure" of question "export-alert" is labelled "Not sure"`)),
      `cxray: warning: 2 more in ${WARNED}; \`cxray validate ${WARNED}\` lists every warning`,
    ]);
    const { warning } = await commandBankWarned({ bank: WARNED });
    expect(warning).toMatch(/^The question bank has 5 warnings \(it works all the same\): .*every-warning\.yaml:13:53: the prompt/);
  });

  it('says nothing of the built-in bank, which has none', async () => {
    let err = '';
    const { warning } = await commandBankWarned({}, (text) => void (err += text));
    expect(err).toBe('');
    expect(warning).toBeUndefined();
  });
});

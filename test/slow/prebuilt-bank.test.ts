/**
 * The build validates the built-in bank once into dist/banks/ (src/bank/prebuilt.ts):
 * the JSON holds the SHA-256 of questions/cx-data-exposure.yaml as it is now and the very
 * bank the validator returns; a copy of the bank with an edit is validated in full by the
 * built program, problems and all. Needs dist/ (npm run build).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinBankPath } from '../../src/bank/builtin.js';
import { checkBankFile, openBank } from '../../src/bank/open.js';
import { sha256Hex } from '../../src/bank/prebuilt.js';
import { runCli } from '../helpers/run-cli.js';

const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'cxray-prebuilt-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the built-in bank, prebuilt by the build', () => {
  it('is in dist/banks with the hash of the YAML and the validated bank', async () => {
    const record = JSON.parse(readFileSync(join(ROOT, 'dist', 'banks', 'cx-data-exposure.json'), 'utf8'));
    expect(record.sha256).toBe(sha256Hex(readFileSync(builtinBankPath())));
    expect(record.bank).toStrictEqual(await openBank(builtinBankPath()));
  });

  it('is not used for an edited copy of the same name: the built program reports its problems as the validator does', async () => {
    const copy = join(dir, 'cx-data-exposure.yaml');
    const source = readFileSync(builtinBankPath(), 'utf8');
    const broken = source.replace(/level: 4\b/, 'level: 9');
    expect(broken).not.toBe(source);
    writeFileSync(copy, broken);
    const expected = (await checkBankFile(copy)).problems.map((p) => `${copy}:${p.line}:${p.column}: ${p.message}\n`).join('');
    expect(expected).toContain('level 9');
    const r = runCli(['validate', copy], { cwd: dir });
    expect(r.status).toBe(1);
    expect(withoutWarnings(r.stdout)).toBe(expected);
  });

  it('gives an identical copy the same verdict as the YAML', async () => {
    const copy = join(dir, 'same', 'cx-data-exposure.yaml');
    rmSync(join(dir, 'same'), { recursive: true, force: true });
    mkdirSync(join(dir, 'same'));
    copyFileSync(builtinBankPath(), copy);
    const r = runCli(['validate', copy], { cwd: dir });
    expect(r.status).toBe(0);
    const bank = await openBank(copy);
    expect(withoutWarnings(r.stdout)).toBe(`${copy}: valid (${bank.questions.length} questions, ${bank.actions.length} actions)\n`);
  });
});

/** validate's output without its warning lines (titles that differ from the control catalogue's). */
function withoutWarnings(stdout: string): string {
  return stdout
    .split(/(?<=\n)/)
    .filter((line) => !/^\S+:\d+:\d+: warning: /.test(line))
    .join('');
}

/**
 * Nothing a terminal acts on reaches it from cxray's commands (issue 15, items 1-4):
 * every command run on a workbook whose names, labels and notes are terminal attacks,
 * every error that lists them (a mistyped --assessment, --from, --to), and every echo
 * of an argument or a file name, prints no escape sequence, C1 control or invisible
 * character. And nothing in src/ writes to the streams but src/terminal-write.ts.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkbookSchema } from '../../src/core/workbook-schema.js';
import { tempFolder } from '../commands/invoke.js';
import { GOLDEN_BANK_PATH, goldenBank } from '../export/golden-fixtures.js';
import { TERMINAL_ATTACKS, TERMINAL_UNSAFE } from '../export/hostile.js';
import { hostileWorkbook } from '../helpers/hostile-workbook.js';
import { runCli } from '../helpers/run-cli.js';

const SRC = join(import.meta.dirname, '..', '..', 'src');

/** Writes to standard output or error in a source text, other than through the gate: "line: text". */
export function streamWrites(source: string): string[] {
  const found: string[] = [];
  source.split('\n').forEach((line, i) => {
    const code = line.replace(/\/\/.*$/, '');
    const direct = /\bconsole\s*\.\s*\w+|\b(?:stdout|stderr)\s*\.\s*write\b|\bwriteSync\s*\(\s*[12]\b|\/dev\/(?:tty|stdout|stderr)/.test(code);
    // process.stdout/stderr may be asked whether it is a terminal, its size, or for its errors.
    const handedOut = /\bprocess\s*\.\s*(?:stdout|stderr)\b(?!\s*\.\s*(?:isTTY|columns|rows|on|off|once)\b)/.test(code);
    if (direct || handedOut) found.push(`${i + 1}: ${line.trim()}`);
  });
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** The writes allowed outside the gate, each for a reason. */
const ALLOWED: Record<string, RegExp> = {
  // The gate itself.
  'terminal-write.ts': /target\.write\(terminalOutput\(text, options\)\)|process\.stdout : process\.stderr/,
  // Where a closed pipe is noticed: the streams' error events, not a write.
  'cli.ts': /^\d+: for \(const stream of \[process\.stdout, process\.stderr\]\) \{$/,
  // The switch to and from the alternate screen (the workbook's and the presenter's): two
  // constant sequences. Ink draws the rest, and every text it draws is filtered by the
  // component that draws it.
  'ui/alternate-screen.ts': /^\d+: (?:stdout\.write\((?:ENTER|LEAVE)_ALTERNATE_SCREEN\);|const stdout = process\.stdout;)$/,
};

describe('the one way to the terminal', () => {
  it('the scan finds writes that bypass the gate', () => {
    expect(streamWrites('process.stdout.write(name);\nconsole.error(x)\nconst s = process.stderr;\nfs.writeSync(2, "x")')).toHaveLength(4);
    expect(streamWrites('if (process.stdout.isTTY) x(); // process.stdout.write(a)\nprocess.stdout.on("error", f)')).toEqual([]);
  });

  it('nothing in src/ writes to standard output or error but src/terminal-write.ts', () => {
    const bypasses: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const name = relative(SRC, file).split('\\').join('/');
      for (const write of streamWrites(readFileSync(file, 'utf8'))) {
        if (!ALLOWED[name]?.test(write)) bypasses.push(`src/${name}:${write}`);
      }
    }
    expect(bypasses).toEqual([]);
  });
});

describe('commands on a hostile workbook print nothing a terminal acts on', () => {
  let folder: ReturnType<typeof tempFolder>;
  const env = { SOURCE_DATE_EPOCH: '1795687200', NO_COLOR: '' };
  beforeAll(() => {
    folder = tempFolder();
    const workbook = WorkbookSchema.parse(hostileWorkbook(goldenBank()));
    writeFileSync(folder.path('wb.json'), JSON.stringify(workbook, null, 2), { mode: 0o600 });
  });
  afterAll(() => folder.cleanup());

  const db = ['--db', 'wb.json', '--bank', GOLDEN_BANK_PATH];
  const cycles = ['--assessment', 'quarterly'];
  const cases: Array<[string, string[], number]> = [
    ['score, a mistyped --assessment', ['score', ...db, '--assessment', 'nope'], 2],
    ['export, a mistyped --assessment', ['export', ...db, '--format', 'md', '--assessment', 'nope'], 2],
    ['diff, a mistyped --assessment', ['diff', ...db, '--assessment', 'nope'], 2],
    ['snapshot, a mistyped --assessment', ['snapshot', ...db, '--assessment', 'nope'], 2],
    ['import, a mistyped --assessment', ['import', 'answers.csv', ...db, '--assessment', 'nope'], 2],
    ['diff --from matching no snapshot', ['diff', ...db, ...cycles, '--from', 'nope'], 2],
    ['diff --to matching no snapshot', ['diff', ...db, ...cycles, '--to', 'nope'], 2],
    ['score', ['score', ...db, ...cycles], 0],
    ['score --json', ['score', ...db, ...cycles, '--json'], 0],
    ['export md', ['export', ...db, ...cycles, '--format', 'md'], 0],
    ['export json', ['export', ...db, ...cycles, '--format', 'json'], 0],
    ['export csv', ['export', ...db, ...cycles, '--format', 'csv'], 0],
    ['export csv --answers', ['export', ...db, ...cycles, '--format', 'csv', '--answers'], 0],
    ['export of the other assessment', ['export', ...db, '--assessment', 'hostile', '--format', 'md'], 0],
    ['diff text', ['diff', ...db, ...cycles], 0],
    ['diff md', ['diff', ...db, ...cycles, '--format', 'md'], 0],
    ['diff json', ['diff', ...db, ...cycles, '--format', 'json', '--from', '1', '--to', '2'], 0],
    ['doctor', ['doctor', '--db', 'wb.json'], 0],
    ['an unknown option', ['score', `--x${TERMINAL_ATTACKS[0]}`], 2],
    ['an unknown command', [`run${TERMINAL_ATTACKS[4]}`], 2],
    ['an unexpected argument', ['score', `extra${TERMINAL_ATTACKS[6]}`], 2],
    ['a --db path', ['score', '--db', `missing${TERMINAL_ATTACKS[1]}${TERMINAL_ATTACKS[8]}.json`], 2],
    ['an --output path', ['export', ...db, ...cycles, '--format', 'md', '--output', `no-such-folder/${TERMINAL_ATTACKS[3]}.md`], 2],
    ['a format', ['export', ...db, '--format', `md${TERMINAL_ATTACKS[5]}`], 2],
  ];

  it.each(cases)('%s', (_, args, status) => {
    writeFileSync(folder.path('answers.csv'), 'journey,question id,answer\n');
    const r = runCli(args, { cwd: folder.dir, env });
    expect(r.status, r.stderr).toBe(status);
    const printed = r.stdout + r.stderr;
    expect(printed.length).toBeGreaterThan(0);
    expect(printed).not.toMatch(TERMINAL_UNSAFE);
    expect(printed).not.toContain('\u001b');
    // One line per message: an error quoting a name cannot forge a second line.
    if (r.status !== 0) expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('the errors still name what is there, as a person reads it', () => {
    const r = runCli(['score', ...db, '--assessment', 'nope'], { cwd: folder.dir, env });
    expect(r.stderr).toContain('"Cycles clipboard linkhere title');
    const from = runCli(['diff', ...db, ...cycles, '--from', 'nope'], { cwd: folder.dir, env });
    expect(from.stderr).toContain('1. "2026 Q2 clipboard" (id 2026-q2');
  });

  it('a snapshot label with invisible characters is refused; one that differs only by them or by case and spaces is taken', () => {
    const r = runCli(['snapshot', ...db, ...cycles, '--label', '2026 Q2 clip\u200bboard'], { cwd: folder.dir, env });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/invisible characters/);
    const again = runCli(['snapshot', ...db, ...cycles, '--label', '2026 q2   clipboard'], { cwd: folder.dir, env });
    expect(again.stderr).toMatch(/already has a snapshot labelled "2026 Q2 clipboard"/);
  });
});

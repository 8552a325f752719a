import { describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { runCli } from '../helpers/run-cli.js';

describe('cxray command line', () => {
  it('prints its version', () => {
    const r = runCli(['--version']);
    expect(r).toMatchObject({ status: 0, stdout: `${packageJson.version}\n`, stderr: '' });
  });

  it('lists every command with its options and an example', () => {
    const r = runCli(['--help']);
    expect(r.status).toBe(0);
    for (const text of ['cxray [--db FILE]', 'cxray validate', 'cxray schema', '--version', 'e.g. cxray --db workshop.json', 'may also come before the command']) {
      expect(r.stdout).toContain(text);
    }
    // A flag wider than its column puts its description on the next line, a space never lost.
    expect(r.stdout).toContain('--format md|html|json|csv|jira|gitlab|github\n                              what to write');
    for (const line of r.stdout.split('\n')) expect(line).not.toMatch(/--\S*[a-z]what/);
  });

  it.each([
    [['--frobnicate'], 'cxray: unknown option --frobnicate; run `cxray --help` for the options.\n'],
    [['frobnicate'], 'cxray: unknown command "frobnicate"; run `cxray --help` for the commands.\n'],
    [['--db'], 'cxray: option --db needs a value; run `cxray --help` for usage.\n'],
    [['validate', '--nope'], 'cxray: validate: unknown option --nope; run `cxray --help` for the options.\n'],
    [['schema'], 'cxray: schema: missing bank|workbook|report|diff|controls; run `cxray --help` for usage.\n'],
  ])('refuses %j in one line with exit 2', (args, message) => {
    const r = runCli(args);
    expect(r).toMatchObject({ status: 2, stdout: '', stderr: message });
  });

  it('takes the options that name the workbook, the assessment and the bank before the command too', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'cxray-global-'));
    const env = { SOURCE_DATE_EPOCH: '1764547200' }; // the same report date for every run
    expect(runCli(['demo', '--db', 'w.json'], { cwd: dir, env }).status).toBe(0);
    const after = runCli(['score', '--db', 'w.json', '--json'], { cwd: dir, env });
    expect(after.status).toBe(0);
    for (const args of [['--db', 'w.json', 'score', '--json'], ['--db=w.json', '--assessment', after.stdout.match(/"name": "([^"]+)"/)![1]!, 'score', '--json']]) {
      expect(runCli(args, { cwd: dir, env })).toMatchObject({ status: 0, stdout: after.stdout, stderr: '' });
    }
    expect(runCli(['--db', 'w.json', 'doctor', '--bank', 'x.yaml'], { cwd: dir })).toMatchObject({
      status: 2,
      stderr: 'cxray: doctor: unknown option --bank; run `cxray --help` for the options.\n',
    });
  });

  it('does not start the workbook without a terminal: exit 2 and one sentence naming the alternatives', () => {
    const r = runCli(['--db', '/nonexistent/never-created.json']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^cxray: the workbook needs an interactive terminal .*`cxray validate`.*\n$/);
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('a reader that stops early', () => {
  it('ends cxray quietly, exit 0 and nothing on stderr, as `cxray export --format json | head -1` would', async () => {
    const { spawn } = await import('node:child_process');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { CLI } = await import('../helpers/terminal.js');
    const dir = mkdtempSync(join(tmpdir(), 'cxray-epipe-'));
    expect(runCli(['demo', '--db', 'demo.json'], { cwd: dir }).status).toBe(0);
    // The JSON export of the demo is some 300 KB: far more than a pipe holds.
    const child = spawn(process.execPath, [CLI, 'export', '--db', 'demo.json', '--format', 'json'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Take the first chunk, then close our end of the pipe, as `head -1` does.
    await new Promise<void>((resolve) => child.stdout.once('data', () => (child.stdout.destroy(), resolve())));
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

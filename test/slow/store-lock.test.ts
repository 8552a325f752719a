/**
 * Two processes and one workbook: the second writer is refused with the holder named;
 * a lock left by a killed process is taken over; SIGTERM and SIGINT save and release;
 * no answer is lost.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Workbook } from '../../src/core/workbook-schema.js';
import { readWorkbook } from '../../src/store/workbook-store.js';
import { buildStoreChild, startChild, type Child } from '../store/helpers/build-child.js';
import { CLI } from '../helpers/terminal.js';

const dirs: string[] = [];
const children: Child[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.process.exitCode === null && c.process.signalCode === null) c.process.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
beforeAll(() => buildStoreChild());

function workbookPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cxray-lock-'));
  dirs.push(dir);
  return join(dir, 'cxray.json');
}

async function start(args: string[]): Promise<Child> {
  const child = await startChild(args);
  children.push(child);
  return child;
}

const notes = (w: Workbook) => w.assessments[0]?.answers.map((a) => a.note) ?? [];

describe('two cxray processes on one workbook', () => {
  it('refuses the second writer (exit 2) naming the holder, the TUI way and the CLI way', async () => {
    const file = workbookPath();
    const holder = await start(['hold', file]);
    const pid = Number((await holder.waitFor(/^ready (\d+)$/))[1]);
    expect(pid).toBe(holder.process.pid);

    const second = await start(['open', file]);
    expect((await second.exited).code).toBe(2);
    expect(second.stderr()).toMatch(new RegExp(`^cxray: ${file} is open in another cxray \\(pid ${pid}, since \\d\\d:\\d\\d\\); close it there, or wait\\.\\n$`));

    writeFileSync(`${file}.bak`, '{"schemaVersion":1,"assessments":[]}');
    const doctor = spawnSync(process.execPath, [CLI, 'doctor', '--db', file, '--restore'], { encoding: 'utf8' });
    expect(doctor.status).toBe(2);
    expect(doctor.stderr).toMatch(new RegExp(`^cxray: ${file} is open in another cxray \\(pid ${pid}, since \\d\\d:\\d\\d\\); close it there, or wait\\.\\n$`));
    // Readers need no lock.
    const reader = spawnSync(process.execPath, [CLI, 'doctor', '--db', file], { encoding: 'utf8' });
    expect(reader.stdout).toMatch(new RegExp(`cxray\\.json\\.lock: held by pid ${pid} \\(store-child hold\\) since \\d\\d:\\d\\d; that cxray is still running`));
  });

  it('saves and releases on SIGTERM (exit 143) and on Ctrl-C (SIGINT, exit 0): no answer lost', async () => {
    const file = workbookPath();
    for (const [signal, code, answer] of [['SIGTERM', 143, 1], ['SIGINT', 0, 2]] as const) {
      const holder = await start(['hold', file]);
      await holder.waitFor(/^ready /);
      holder.process.stdin.write(`answer ${answer}\n`);
      await holder.waitFor(new RegExp(`^updated ${answer}$`));
      // At once, before the background save had its turn.
      holder.process.kill(signal);
      expect(await holder.exited).toEqual({ code, signal: null });
      expect(existsSync(`${file}.lock`)).toBe(false);
    }
    expect(notes(await readWorkbook(file))).toEqual(['answer 1', 'answer 2']);
  });

  it('takes over the lock of a killed process and keeps everything it saved', async () => {
    const file = workbookPath();
    const first = await start(['hold', file]);
    await first.waitFor(/^ready /);
    first.process.stdin.write('answer 1\nanswer 2\n');
    await first.waitFor(/^updated 2$/);
    // The background save lands within a second.
    const deadline = Date.now() + 2000;
    while (!existsSync(file) || notes(await readWorkbook(file)).length < 2) {
      expect(Date.now()).toBeLessThan(deadline);
      await new Promise((r) => setTimeout(r, 20));
    }
    first.process.kill('SIGKILL');
    await first.exited;
    const stale = JSON.parse(readFileSync(`${file}.lock`, 'utf8')) as { pid: number };
    expect(stale.pid).toBe(first.process.pid);

    const second = await start(['open', file]);
    expect(await second.exited).toEqual({ code: 0, signal: null });
    expect(second.lines).toEqual(['opened 2']);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('removes its lock when the process exits while the lock is being released (closed pipe mid-close)', async () => {
    const file = workbookPath();
    for (let i = 0; i < 5; i++) {
      const child = await start(['exit-closing', file]);
      expect(await child.exited, child.stderr()).toEqual({ code: 0, signal: null });
      expect(existsSync(`${file}.lock`)).toBe(false);
    }
    expect(notes(await readWorkbook(file))).toEqual(['one']);
  });

  it('`cxray import … | head`: a reader that closes the pipe at once leaves no lock behind (20 runs)', async () => {
    const { spawn } = await import('node:child_process');
    const dir = join(workbookPath(), '..');
    expect(spawnSync(process.execPath, [CLI, 'demo', '--db', 'wb.json'], { cwd: dir }).status).toBe(0);
    const csv = spawnSync(process.execPath, [CLI, 'export', '--db', 'wb.json', '--format', 'csv', '--answers'], { cwd: dir, encoding: 'utf8' }).stdout;
    writeFileSync(join(dir, 'answers.csv'), csv.replace(/,verified,/, ',reported,'));
    let left = 0;
    for (let i = 0; i < 20; i++) {
      const child = spawn(process.execPath, [CLI, 'import', 'answers.csv', '--db', 'wb.json'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      // `| head -0`: the reader is gone before cxray writes.
      child.stdout.destroy();
      await new Promise((resolve) => child.on('close', resolve));
      if (existsSync(join(dir, 'wb.json.lock'))) {
        left += 1;
        rmSync(join(dir, 'wb.json.lock'));
      }
    }
    expect(left).toBe(0);
  });
});

/**
 * Crash safety: a process saving answers (with large notes) in a loop is SIGKILLed at
 * random moments, a few hundred times. After every kill the workbook parses, validates
 * and holds every answer whose save the process had reported complete; the .bak is
 * valid too; the next process takes over the stale lock and cleans up the temp files.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Workbook } from '../../src/core/workbook-schema.js';
import { openWorkbook, readWorkbook } from '../../src/store/workbook-store.js';
import { buildStoreChild, startChild } from '../store/helpers/build-child.js';

const KILLS_PER_LANE = 100;
const LANES = 2;
const QUESTIONS = 200; // as in store-child.ts
const NOTE_LENGTH = 2000;

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

interface LaneStats {
  kills: number;
  killsBeforeReady: number;
  killsAfterSaves: number;
  saves: number;
  tempFilesSeen: number;
  lastSaved: number;
}

/** The save number each question's note holds in the file. */
function savedSeqs(workbook: Workbook): Map<number, number> {
  const seqs = new Map<number, number>();
  for (const answer of workbook.assessments[0]?.answers ?? []) {
    seqs.set(Number(answer.questionId.slice(1)), Number(answer.note.split(':')[0]));
  }
  return seqs;
}

async function lane(file: string): Promise<LaneStats> {
  const stats: LaneStats = { kills: 0, killsBeforeReady: 0, killsAfterSaves: 0, saves: 0, tempFilesSeen: 0, lastSaved: 0 };
  for (let k = 0; k < KILLS_PER_LANE; k += 1) {
    const child = await startChild(['loop', file, String(NOTE_LENGTH)]);
    if (Math.random() < 0.15) {
      // Some kills land while starting and opening (lock take-over, clean-up, read).
      await new Promise((r) => setTimeout(r, Math.random() * 250));
    } else {
      // Most land in the save loop: in the .bak copy, the temp write, fsync, rename.
      await child.waitFor(/^ready /).catch(() => undefined);
      await new Promise((r) => setTimeout(r, Math.random() * 120));
    }
    child.process.kill('SIGKILL');
    const { signal } = await child.exited;
    expect(signal, child.stderr()).toBe('SIGKILL');
    stats.kills += 1;
    const ready = child.lines.find((l) => l.startsWith('ready '));
    if (!ready) stats.killsBeforeReady += 1;
    else expect(Number(ready.slice(6)), 'a new process starts from every save reported before').toBeGreaterThanOrEqual(stats.lastSaved);
    const saved = child.lines.filter((l) => l.startsWith('saved ')).map((l) => Number(l.slice(6)));
    if (saved.length > 0) stats.killsAfterSaves += 1;
    stats.saves += saved.length;
    stats.lastSaved = Math.max(stats.lastSaved, ...saved);

    if (stats.lastSaved === 0) continue;
    const workbook = await readWorkbook(file); // Parses and validates, or throws.
    const seqs = savedSeqs(workbook);
    for (let n = Math.max(1, stats.lastSaved - QUESTIONS + 1); n <= stats.lastSaved; n += 1) {
      const inFile = seqs.get(n % QUESTIONS);
      expect(inFile, `save ${n} was reported complete`).toBeGreaterThanOrEqual(n);
      expect(inFile! % QUESTIONS).toBe(n % QUESTIONS);
    }
    if (existsSync(`${file}.bak`)) await readWorkbook(`${file}.bak`);
    stats.tempFilesSeen += readdirSync(join(file, '..')).filter((f) => f.endsWith('.tmp')).length;
  }
  return stats;
}

describe('a workbook saved by a process killed at random moments', () => {
  it('always opens and holds every save reported complete', async () => {
    await buildStoreChild();
    const started = Date.now();
    const files = Array.from({ length: LANES }, () => {
      const dir = mkdtempSync(join(tmpdir(), 'cxray-crash-'));
      dirs.push(dir);
      return join(dir, 'cxray.json');
    });
    const results = await Promise.all(files.map((f) => lane(f)));
    const total = results.reduce(
      (sum, r) => ({
        kills: sum.kills + r.kills,
        killsBeforeReady: sum.killsBeforeReady + r.killsBeforeReady,
        killsAfterSaves: sum.killsAfterSaves + r.killsAfterSaves,
        saves: sum.saves + r.saves,
        tempFilesSeen: sum.tempFilesSeen + r.tempFilesSeen,
      }),
      { kills: 0, killsBeforeReady: 0, killsAfterSaves: 0, saves: 0, tempFilesSeen: 0 },
    );
    console.log(`store-crash: ${JSON.stringify(total)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(total.kills).toBe(KILLS_PER_LANE * LANES);
    expect(total.killsAfterSaves).toBeGreaterThan(total.kills / 2);

    // The next writer takes over the dead process's lock and removes its temp files.
    for (const file of files) {
      const store = await openWorkbook(file);
      expect(readdirSync(join(file, '..')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      expect(store.data.assessments[0]!.answers.length).toBeGreaterThan(0);
      await store.close();
      expect(existsSync(`${file}.lock`)).toBe(false);
    }
  });
});

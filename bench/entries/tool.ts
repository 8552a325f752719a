/**
 * The in-process half of the benchmarks, bundled by bench/lib/build.mjs into
 * bench/.build/tool.js and run by bench/run.mjs in a fresh process per task:
 *
 *   tool.js fixtures DIR              writes the workbooks the terminal benchmarks open
 *   tool.js save DIR SIZES SAMPLES CYCLE_MS   answer -> durable on disk, through the store API
 *
 * Every task prints one JSON object on stdout.
 */
import { open, rename, unlink } from 'node:fs/promises';
import { mkdirSync, rmSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { builtinBankPath } from '../../src/bank/builtin.js';
import { openBank } from '../../src/bank/open.js';
import type { Bank } from '../../src/core/bank-schema.js';
import { questionsFor } from '../../src/core/journey-questions.js';
import type { Answer, Workbook } from '../../src/core/workbook-schema.js';
import { recordAnswer } from '../../src/core/workbook-ops.js';
import { openWorkbook, type WorkbookStore } from '../../src/store/workbook-store.js';
import { buildWorkbook } from './fixtures.js';

function bank(): Promise<Bank> {
  return openBank(builtinBankPath());
}

/** Writes `workbook` to `path` through the store, as the TUI would. */
async function writeThroughStore(path: string, workbook: Workbook): Promise<void> {
  rmSync(path, { force: true });
  const store = await openWorkbook(path);
  store.update(() => workbook);
  await store.flush();
  await store.close();
}

async function fixtures(dir: string): Promise<object> {
  mkdirSync(dir, { recursive: true });
  const b = await bank();
  const files: Record<string, string> = {};
  for (const journeys of [5, 10, 50, 200]) {
    const path = join(dir, `workbook-${journeys}.json`);
    await writeThroughStore(path, buildWorkbook(b, { journeys }));
    files[journeys] = path;
  }
  return { bankQuestions: b.questions.length, files };
}

/** The least a durable atomic save can cost: the same bytes, already serialised. */
async function rawDurableWrite(dir: string, path: string, text: string): Promise<void> {
  const temp = `${path}.floor.tmp`;
  const handle = await open(temp, 'w', 0o600);
  await handle.writeFile(text);
  await handle.sync();
  await handle.close();
  await rename(temp, path);
  const d = await open(dir, 'r');
  await d.sync();
  await d.close();
}

function answerFor(b: Bank, workbook: Workbook, i: number): { assessmentId: string; answer: Answer } {
  const assessment = workbook.assessments[0]!;
  const journey = assessment.journeys[i % assessment.journeys.length]!;
  const questions = questionsFor(b, journey, assessment);
  const question = questions[i % questions.length]!;
  const option = question.options[i % question.options.length]!;
  return {
    assessmentId: assessment.id,
    answer: {
      journeyId: journey.id,
      questionId: question.id,
      kind: 'option',
      optionId: option.id,
      confidence: 'reported',
      note: `changed in sample ${i}`,
      by: 'Bench',
      at: new Date().toISOString(),
    },
  };
}

/** The longest the main thread went without running a 1 ms timer, while `work` ran. */
async function withStallMeter<T>(work: () => Promise<T>): Promise<{ value: T; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 1);
  try {
    const value = await work();
    stallMs = Math.max(stallMs, performance.now() - last);
    return { value, stallMs };
  } finally {
    clearInterval(ticker);
  }
}

/** Resolves when the store next reports "saved". */
function nextSaved(store: WorkbookStore): Promise<void> {
  return new Promise((resolve, reject) => {
    // Assigned once onSaveState returns; the listener may already run inside that call.
    let unsubscribe: (() => void) | undefined = undefined;
    let done = false;
    unsubscribe = store.onSaveState((state) => {
      if (state.kind === 'pending') return;
      done = true;
      unsubscribe?.();
      if (state.kind === 'saved') resolve();
      else reject(new Error(state.message));
    });
    if (done) unsubscribe();
  });
}

interface Series {
  journeys: number;
  store: WorkbookStore;
  sub: string;
  floorDir: string;
  floorPath: string;
  openMs: number;
  bytes: number;
  updateMs: number[];
  durableMs: number[];
  saveStallMs: number[];
  floorMs: number[];
  floorStallMs: number[];
}

/**
 * Answer -> durable, as in a workshop: answers seconds apart, each saved in the
 * background by the store (no flush), so each save is the first of its batch (and keeps
 * a .bak, as the store does then). The sizes take turns, so each store sees an answer
 * every `cycleMs` while the run takes cycleMs per round, not per answer.
 */
async function save(dir: string, sizes: number[], samples: number, cycleMs: number): Promise<object> {
  const b = await bank();
  const all: Series[] = [];
  for (const journeys of sizes) {
    const sub = join(dir, `save-${journeys}`);
    rmSync(sub, { recursive: true, force: true });
    mkdirSync(join(sub, 'floor'), { recursive: true });
    const path = join(sub, 'workbook.json');
    await writeThroughStore(path, buildWorkbook(b, { journeys }));
    const t = performance.now();
    const store = await openWorkbook(path);
    const openMs = performance.now() - t;
    all.push({ journeys, store, sub, floorDir: join(sub, 'floor'), floorPath: join(sub, 'floor', 'workbook.json'), openMs, bytes: 0, updateMs: [], durableMs: [], saveStallMs: [], floorMs: [], floorStallMs: [] });
  }
  const turn = cycleMs / all.length;
  // One unmeasured round first: the first writes pay for JIT and the page cache.
  for (let i = -1; i < samples; i++) {
    for (const s of all) {
      const began = performance.now();
      const { assessmentId, answer } = answerFor(b, s.store.data, i + 1);
      let updateMs = 0;
      const save = await withStallMeter(async () => {
        const t0 = performance.now();
        s.store.update((w) => recordAnswer(w, assessmentId, answer));
        updateMs = performance.now() - t0;
        await nextSaved(s.store);
        return performance.now() - t0;
      });
      const text = JSON.stringify(s.store.data, null, 2) + '\n';
      s.bytes = Buffer.byteLength(text);
      const floor = await withStallMeter(async () => {
        const t0 = performance.now();
        await rawDurableWrite(s.floorDir, s.floorPath, text);
        return performance.now() - t0;
      });
      if (i >= 0) {
        s.updateMs.push(updateMs);
        s.durableMs.push(save.value);
        s.saveStallMs.push(save.stallMs);
        s.floorMs.push(floor.value);
        s.floorStallMs.push(floor.stallMs);
      }
      await new Promise((r) => setTimeout(r, Math.max(0, turn - (performance.now() - began))));
    }
  }

  // Bursts: 100 changes one event-loop turn apart, and 100 changes 15 ms apart (key
  // repeat): how many writes reach the disk, and how long after the last change it is durable.
  const bursts: object[] = [];
  for (const s of all) {
    const burst = async (label: string, gap: () => Promise<unknown>) => {
      let renames = 0;
      const watcher = watch(s.sub, (event, name) => {
        if (event === 'rename' && name === 'workbook.json') renames++;
      });
      await new Promise((r) => setTimeout(r, 300));
      const updateMs: number[] = [];
      let stallMs = 0;
      await withStallMeter(async () => {
        for (let i = 0; i < 100; i++) {
          const { assessmentId, answer } = answerFor(b, s.store.data, 1000 + i);
          const t = performance.now();
          s.store.update((w) => recordAnswer(w, assessmentId, answer));
          updateMs.push(performance.now() - t);
          await gap();
        }
      }).then((r) => (stallMs = r.stallMs));
      const t = performance.now();
      await nextSaved(s.store);
      const lastDurableMs = performance.now() - t;
      await new Promise((r) => setTimeout(r, 100));
      watcher.close();
      return { label, writes: renames, updateMs, stallMs, lastDurableMs };
    };
    bursts.push({
      journeys: s.journeys,
      tight: await burst('one per event-loop turn', () => new Promise((r) => setImmediate(r))),
      keyRepeat: await burst('15 ms apart', () => new Promise((r) => setTimeout(r, 15))),
    });
  }
  for (const s of all) {
    await s.store.close();
    await unlink(s.floorPath).catch(() => undefined);
  }
  return {
    bankQuestions: b.questions.length,
    cycleMs,
    results: all.map(({ store: _store, sub: _sub, floorDir: _fd, floorPath: _fp, ...rest }) => rest),
    bursts,
  };
}

const [task, ...args] = process.argv.slice(2);
let result: object;
switch (task) {
  case 'fixtures':
    result = await fixtures(args[0]!);
    break;
  case 'save':
    result = await save(args[0]!, args[1]!.split(',').map(Number), Number(args[2] ?? 20), Number(args[3] ?? 1100));
    break;
  default:
    throw new Error(`unknown task ${task}`);
}
writeFileSync(1, JSON.stringify(result) + '\n');

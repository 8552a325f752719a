/**
 * The in-process half of the benchmarks, bundled by bench/lib/build.mjs into
 * bench/.build/tool.js and run by bench/run.mjs in a fresh process per task:
 *
 *   tool.js fixtures DIR              writes the workbooks the terminal benchmarks open
 *   tool.js save DIR SIZES SAMPLES    answer -> durable on disk, through the store API
 *
 * Every task prints one JSON object on stdout.
 */
import { open, rename, unlink } from 'node:fs/promises';
import { mkdirSync, rmSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { builtinBankPath } from '../../src/bank/builtin.js';
import { loadBank } from '../../src/bank/load.js';
import type { Bank } from '../../src/core/bank-schema.js';
import { questionsFor } from '../../src/core/journey-questions.js';
import type { Answer, Workbook } from '../../src/core/workbook-schema.js';
import { recordAnswer } from '../../src/core/workbook-ops.js';
import { openWorkbook } from '../../src/store/workbook-store.js';
import { buildWorkbook } from './fixtures.js';

function bank(): Bank {
  return loadBank(builtinBankPath());
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
  const b = bank();
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

async function save(dir: string, sizes: number[], samples: number): Promise<object> {
  const b = bank();
  const results: object[] = [];
  for (const journeys of sizes) {
    const sub = join(dir, `save-${journeys}`);
    rmSync(sub, { recursive: true, force: true });
    mkdirSync(sub, { recursive: true });
    const path = join(sub, 'workbook.json');
    const workbook = buildWorkbook(b, { journeys });
    await writeThroughStore(path, workbook);

    let t = performance.now();
    const store = await openWorkbook(path);
    const openMs = performance.now() - t;

    const floorDir = join(sub, 'floor');
    mkdirSync(floorDir);
    const floorPath = join(floorDir, 'workbook.json');

    const updateMs: number[] = [];
    const durableMs: number[] = [];
    const floorMs: number[] = [];
    const serialiseMs: number[] = [];
    let bytes = 0;
    // A few unmeasured rounds first: the first writes pay for JIT and page cache.
    for (let i = -3; i < samples; i++) {
      const { assessmentId, answer } = answerFor(b, store.data, i + 3);
      t = performance.now();
      store.update((w) => recordAnswer(w, assessmentId, answer));
      const t1 = performance.now();
      await store.flush();
      const t2 = performance.now();
      const text = JSON.stringify(store.data, null, 2) + '\n';
      const t3 = performance.now();
      bytes = Buffer.byteLength(text);
      await rawDurableWrite(floorDir, floorPath, text);
      const t4 = performance.now();
      if (i < 0) continue;
      updateMs.push(t1 - t);
      durableMs.push(t2 - t);
      serialiseMs.push(t3 - t2);
      floorMs.push(t4 - t3);
    }

    // 100 changes given as fast as the code can give them: how many writes reach the disk?
    let renames = 0;
    const watcher = watch(sub, (event, name) => {
      if (event === 'rename' && name === 'workbook.json') renames++;
    });
    const burstUpdateMs: number[] = [];
    for (let i = 0; i < 100; i++) {
      const { assessmentId, answer } = answerFor(b, store.data, 1000 + i);
      t = performance.now();
      store.update((w) => recordAnswer(w, assessmentId, answer));
      burstUpdateMs.push(performance.now() - t);
      await new Promise((r) => setImmediate(r));
    }
    t = performance.now();
    await store.flush();
    const burstDrainMs = performance.now() - t;
    await new Promise((r) => setTimeout(r, 100));
    watcher.close();
    await store.close();
    await unlink(floorPath).catch(() => undefined);
    results.push({ journeys, bytes, openMs, updateMs, durableMs, floorMs, serialiseMs, burst: { writes: renames, updateMs: burstUpdateMs, drainMs: burstDrainMs } });
  }
  return { bankQuestions: b.questions.length, results };
}

const [task, ...args] = process.argv.slice(2);
let result: object;
switch (task) {
  case 'fixtures':
    result = await fixtures(args[0]!);
    break;
  case 'save':
    result = await save(args[0]!, args[1]!.split(',').map(Number), Number(args[2] ?? 30));
    break;
  default:
    throw new Error(`unknown task ${task}`);
}
writeFileSync(1, JSON.stringify(result) + '\n');

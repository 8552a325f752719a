/**
 * Model-based: random sequences of answering, editing notes, saving (flush), crashing
 * (the store is dropped without close, as when the process dies, also in the middle
 * of a save) and reopening. After
 * every step the file on disk equals the last state the model saw acknowledged by a
 * flush (or close), and a reopened store holds exactly that.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { emptyWorkbook, type Workbook } from '../../src/core/workbook-schema.js';
import { openWorkbook, readWorkbook, type WorkbookStore } from '../../src/store/workbook-store.js';
import { faultyFs, tempDir, withAnswer, type FaultStep } from './helpers/store-fixtures.js';

interface Model {
  /** What the store holds in memory. */
  current: Workbook;
  /** What the last flush (or close) acknowledged: what must be on disk (undefined: no file yet). */
  acknowledged: Workbook | undefined;
  /** Whether there are changes since the last save (a store with none writes nothing). */
  dirty: boolean;
}

interface Real {
  file: string;
  store: WorkbookStore;
  faults: ReturnType<typeof faultyFs>['faults'];
  open: () => Promise<WorkbookStore>;
}

async function expectFileIs(real: Real, model: Model): Promise<void> {
  if (model.acknowledged === undefined) {
    await expect(readWorkbook(real.file)).rejects.toThrow(/does not exist/);
  } else {
    expect(await readWorkbook(real.file)).toEqual(model.acknowledged);
  }
}

// Background saves off: only flush() and close() write, so the file must be exactly
// the acknowledged state (with them on, it could be any later state).
const options = { lock: false, autoSave: false, retryDelaysMs: [60_000] } as const;

class Answer implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly question: number,
    readonly note: string,
  ) {}
  check = () => true;
  async run(model: Model, real: Real) {
    real.store.update((w) => withAnswer(w, this.question, this.note));
    model.current = withAnswer(model.current, this.question, this.note);
    model.dirty = true;
    expect(real.store.data).toEqual(model.current);
    await expectFileIs(real, model);
  }
  toString = () => `answer(q${this.question}, ${JSON.stringify(this.note)})`;
}

class EditNote implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly pick: number,
    readonly note: string,
  ) {}
  check = (model: Readonly<Model>) => (model.current.assessments[0]?.answers.length ?? 0) > 0;
  async run(model: Model, real: Real) {
    const answers = model.current.assessments[0]!.answers;
    const question = Number(answers[this.pick % answers.length]!.questionId.slice(1));
    const edit = (w: Workbook): Workbook => ({
      ...w,
      assessments: [
        { ...w.assessments[0]!, answers: w.assessments[0]!.answers.map((a) => (a.questionId === `q${question}` ? { ...a, note: this.note } : a)) },
        ...w.assessments.slice(1),
      ],
    });
    real.store.update(edit);
    model.current = edit(model.current);
    model.dirty = true;
    expect(real.store.data).toEqual(model.current);
  }
  toString = () => `edit(${this.pick}, ${JSON.stringify(this.note)})`;
}

class Flush implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(model: Model, real: Real) {
    await real.store.flush();
    if (model.dirty) model.acknowledged = model.current;
    model.dirty = false;
    await expectFileIs(real, model);
  }
  toString = () => 'flush';
}

class Crash implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(model: Model, real: Real) {
    // The process dies: the store is abandoned, unsaved changes are gone.
    await expectFileIs(real, model);
    real.store = await real.open();
    model.current = model.acknowledged ?? emptyWorkbook();
    model.dirty = false;
    expect(real.store.data).toEqual(model.current);
  }
  toString = () => 'crash+reopen';
}

class CloseReopen implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(model: Model, real: Real) {
    await real.store.close();
    if (model.dirty) model.acknowledged = model.current;
    model.dirty = false;
    await expectFileIs(real, model);
    real.store = await real.open();
    expect(real.store.data).toEqual(model.current);
  }
  toString = () => 'close+reopen';
}

class CrashMidSave implements fc.AsyncCommand<Model, Real> {
  constructor(readonly step: FaultStep) {}
  check = (model: Readonly<Model>) => model.dirty;
  async run(model: Model, real: Real) {
    // The save dies at one of its steps (as at a power cut), then the process with it.
    real.faults.set(this.step, 'EIO');
    await expect(real.store.flush()).rejects.toThrow();
    real.faults.clear();
    await expectFileIs(real, model);
    real.store = await real.open();
    model.current = model.acknowledged ?? emptyWorkbook();
    model.dirty = false;
    expect(real.store.data).toEqual(model.current);
  }
  toString = () => `crash-during-save(${this.step})`;
}

const note = fc.oneof(fc.constant(''), fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 10 }));
const commands = [
  fc.tuple(fc.integer({ min: 0, max: 6 }), note).map(([q, n]) => new Answer(q, n)),
  fc.tuple(fc.nat(), note).map(([p, n]) => new EditNote(p, n)),
  fc.constant(new Flush()),
  fc.constant(new Crash()),
  fc.constant(new CloseReopen()),
  fc.constantFrom<FaultStep>('open', 'write', 'sync', 'rename').map((step) => new CrashMidSave(step)),
];

describe('the store against a model', () => {
  it('always has the last acknowledged state on disk, across crashes and reopenings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 30 }), async (cmds) => {
        const file = join(tempDir(), 'cxray.json');
        const { fs, faults } = faultyFs();
        const open = () => openWorkbook(file, { ...options, fs });
        const real: Real = { file, store: await open(), faults, open };
        const model: Model = { current: real.store.data, acknowledged: undefined, dirty: false };
        await fc.asyncModelRun(() => ({ model, real }), cmds);
      }),
      { numRuns: 100 },
    );
  });
});

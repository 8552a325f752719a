/**
 * A child process for the slow storage tests, bundled with esbuild (already a dev
 * dependency) into a plain .mjs by buildStoreChild(), so that each of the hundreds of
 * processes the kill test starts costs one node start-up and no TypeScript loader.
 *
 *   loop FILE NOTE_LENGTH   open with the lock, then save answers in a loop, printing
 *                           `saved N` after each flush; runs until killed
 *   hold FILE               open with the lock, install the exit handlers, then apply
 *                           `answer N` lines from stdin (no flush) and print `updated N`
 *   open FILE               open with the lock and close; a UserError is printed as the
 *                           CLI does and sets the exit code
 *   exit-closing FILE       open with the lock, save, start close() and exit at once,
 *                           as a closed pipe ends `cxray import … | head` mid-close
 *   umask MASK FILE         set the umask, save twice, print the modes of the workbook,
 *                           its .bak and each temp file as it was created
 */
import { readdirSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { UserError } from '../../../src/core/errors.js';
import type { Workbook } from '../../../src/core/workbook-schema.js';
import { realFs, type StoreFs } from '../../../src/store/atomic-file.js';
import { installExitHandlers, openWorkbook } from '../../../src/store/workbook-store.js';
import { withAnswer } from './workbooks.js';

const [mode, ...args] = process.argv.slice(2);
const print = (line: string) => process.stdout.write(line + '\n');

/** The kill test's answers: question q(i mod QUESTIONS) holds the note of save i. */
export const QUESTIONS = 200;

function noteFor(i: number, length: number): string {
  return `${i}:` + 'n'.repeat(length);
}

async function loop(file: string, noteLength: number): Promise<void> {
  const store = await openWorkbook(file, { command: 'store-child loop' });
  const answers = store.data.assessments[0]?.answers ?? [];
  let i = Math.max(0, ...answers.map((a) => Number(a.note.split(':')[0])));
  print(`ready ${i}`);
  for (;;) {
    i += 1;
    const n = i;
    store.update((w: Workbook) => withAnswer(w, n % QUESTIONS, noteFor(n, noteLength)));
    await store.flush();
    print(`saved ${n}`);
  }
}

async function hold(file: string): Promise<void> {
  const store = await openWorkbook(file, { command: 'store-child hold' });
  installExitHandlers(store);
  print(`ready ${process.pid}`);
  for await (const line of createInterface({ input: process.stdin })) {
    const match = /^answer (\d+)$/.exec(line);
    if (!match) continue;
    store.update((w: Workbook) => withAnswer(w, Number(match[1]), `answer ${match[1]}`));
    print(`updated ${match[1]}`);
  }
}

async function openOnce(file: string): Promise<void> {
  const store = await openWorkbook(file, { command: 'store-child open' });
  print(`opened ${store.data.assessments[0]?.answers.length ?? 0}`);
  await store.close();
}

async function umask(mask: string, file: string): Promise<void> {
  process.umask(parseInt(mask, 8));
  const temps: Record<string, number> = {};
  const fs: StoreFs = {
    ...realFs,
    async open(path, flags, mode) {
      const handle = await realFs.open(path, flags, mode);
      if (path.endsWith('.tmp')) {
        // The temp file's mode as soon as it exists, and again once it holds the data.
        const name = path.split('/').pop()!.replace(/\.\d+\.[0-9a-f]+\.tmp$/, '.tmp');
        temps[`${name} created`] = statSync(path).mode & 0o777;
        return {
          ...handle,
          writeFile: async (data: Uint8Array) => {
            await handle.writeFile(data);
            temps[`${name} written`] = statSync(path).mode & 0o777;
          },
          sync: () => handle.sync(),
          chmod: (m: number) => handle.chmod(m),
          stat: () => handle.stat(),
          close: () => handle.close(),
        };
      }
      return handle;
    },
  };
  const first = await openWorkbook(file, { fs });
  const lockMode = statSync(`${file}.lock`).mode & 0o777;
  first.update((w: Workbook) => withAnswer(w, 1, 'one'));
  await first.close();
  const second = await openWorkbook(file, { fs });
  second.update((w: Workbook) => withAnswer(w, 2, 'two'));
  await second.close();
  const dir = file.slice(0, file.lastIndexOf('/'));
  const modes: Record<string, number> = { ...temps, 'cxray.json.lock (while open)': lockMode };
  for (const name of readdirSync(dir)) modes[name] = statSync(`${dir}/${name}`).mode & 0o777;
  print(JSON.stringify(modes));
}

async function exitWhileClosing(file: string): Promise<void> {
  const store = await openWorkbook(file);
  store.update((w: Workbook) => withAnswer(w, 1, 'one'));
  await store.flush();
  void store.close();
  process.exit(0);
}

async function main(): Promise<void> {
  switch (mode) {
    case 'loop':
      return loop(args[0]!, Number(args[1] ?? 1000));
    case 'hold':
      return hold(args[0]!);
    case 'open':
      return openOnce(args[0]!);
    case 'exit-closing':
      return exitWhileClosing(args[0]!);
    case 'umask':
      return umask(args[0]!, args[1]!);
    default:
      throw new Error(`store-child: unknown mode ${mode}`);
  }
}

main().catch((error: unknown) => {
  if (error instanceof UserError) {
    process.stderr.write(`cxray: ${error.message}\n`);
    process.exitCode = error.exitCode;
  } else {
    process.stderr.write(`${(error as Error).stack}\n`);
    process.exitCode = 70;
  }
});

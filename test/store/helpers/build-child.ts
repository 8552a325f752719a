/** Bundles store-child.ts into one plain .mjs (esbuild, once per test file) and runs it. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

let built: Promise<string> | undefined;

/** The path of the bundled child script. */
export function buildStoreChild(): Promise<string> {
  built ??= (async () => {
    const outfile = join(mkdtempSync(join(tmpdir(), 'cxray-child-')), 'store-child.mjs');
    await build({
      entryPoints: [join(import.meta.dirname, 'store-child.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      logLevel: 'warning',
    });
    return outfile;
  })();
  return built;
}

export interface Child {
  process: ChildProcessWithoutNullStreams;
  lines: string[];
  stderr: () => string;
  /** Resolves with the first stdout line matching `pattern`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the child with these arguments. */
export async function startChild(args: string[], options: { cwd?: string } = {}): Promise<Child> {
  const script = await buildStoreChild();
  const child = spawn(process.execPath, [script, ...args], { cwd: options.cwd, stdio: 'pipe' });
  const lines: string[] = [];
  let partial = '';
  let err = '';
  const watchers = new Set<() => void>();
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    partial += chunk;
    const parts = partial.split('\n');
    partial = parts.pop()!;
    lines.push(...parts);
    for (const w of watchers) w();
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      // Let the last stdout chunk arrive.
      setImmediate(() => {
        for (const w of watchers) w();
        resolve({ code, signal });
      });
    }),
  );
  return {
    process: child,
    lines,
    stderr: () => err,
    exited,
    waitFor(pattern, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          for (const line of lines) {
            const match = pattern.exec(line);
            if (match) {
              watchers.delete(check);
              clearTimeout(timer);
              resolve(match);
              return;
            }
          }
        };
        const timer = setTimeout(() => {
          watchers.delete(check);
          reject(new Error(`child did not print ${pattern} within ${timeoutMs} ms; stdout: ${lines.join(' | ')}; stderr: ${err}`));
        }, timeoutMs);
        watchers.add(check);
        check();
      });
    },
  };
}

// Bundles src/cli.ts into one ESM file, dist/cli.js, runnable by node, and validates
// the built-in banks (questions/*.yaml) once into dist/banks/<name>.json (see
// src/bank/prebuilt.ts), so that cxray does not parse and check the YAML at every start.
// `--if-stale` skips the build when dist/cli.js is newer than every source file,
// so `npm start` opens the workbook at once after the first run.
import { build } from 'esbuild';
import { ansiSameStyles, emojiSingleCodePoints, inkDrawnWidths, inkFrameCaches, yogaWithoutFetch } from './bundle-patches.mjs';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { statSync, readdirSync, existsSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'cli.js');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

if (process.argv.includes('--if-stale') && existsSync(outfile)) {
  const sources = Math.max(
    newestMtime(join(root, 'src')),
    newestMtime(join(root, 'questions')),
    statSync(join(root, 'package-lock.json')).mtimeMs,
    statSync(join(root, 'scripts', 'build.mjs')).mtimeMs,
    statSync(join(root, 'scripts', 'bundle-patches.mjs')).mtimeMs,
  );
  if (statSync(outfile).mtimeMs >= sources) process.exit(0);
}

// zod's namespace object re-exports all of its ~40 locales (260 KB of the 450 KB zod
// chunk), which every command that reads a bank or a workbook would parse; cxray uses
// only the English messages zod configures itself with, so the others are left out.
// (z.locales then holds only `en`.) Saves ~6 ms per command on a 2-core machine.
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales-en', namespace: 'zod-english-only' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, () => ({
      contents: "export { default as en } from './en.js';",
      resolveDir: join(root, 'node_modules', 'zod', 'v4', 'locales'),
    }));
  },
};

const banner = {
  js: "#!/usr/bin/env node\nimport { createRequire as __cxrayCreateRequire } from 'node:module';\nconst require = __cxrayCreateRequire(import.meta.url);",
};

rmSync(join(root, 'dist'), { recursive: true, force: true });
await build({
  entryPoints: [join(root, 'src', 'cli.ts')],
  outdir: join(root, 'dist'),
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // The TUI, React, Ink and marked-terminal are imported lazily and land in chunks of
  // their own, so `--version`, `validate`, `score` and `export` never parse them.
  splitting: true,
  minify: true,
  legalComments: 'none',
  // Ink imports react-devtools-core only when DEV=true; it is not installed.
  alias: { 'react-devtools-core': join(root, 'scripts', 'react-devtools-stub.mjs') },
  define: { 'process.env.NODE_ENV': '"production"' },
  // signal-exit and a few other dependencies are CommonJS and call require().
  banner,
  // Patches of dependencies, for the TUI's start and frames: see bundle-patches.mjs.
  plugins: [zodEnglishOnly, yogaWithoutFetch, inkFrameCaches, inkDrawnWidths, ansiSameStyles, emojiSingleCodePoints],
  logLevel: 'warning',
});
chmodSync(outfile, 0o755);
await prebuildBanks(join(root, 'questions'), join(root, 'dist', 'banks'));

/**
 * Validates every bank in `from` with cxray's own validator (bundled from src/ for the
 * occasion) and writes each valid one to `to` as JSON with the SHA-256 of its bytes. A
 * bank with problems is left out: cxray then validates it at start and reports them.
 */
async function prebuildBanks(from, to) {
  const bundled = await build({
    stdin: {
      contents: "export { validateBankBytes } from './src/bank/validate/index.ts'; export { prebuiltName, prebuiltRecord } from './src/bank/prebuilt.ts';",
      resolveDir: root,
      sourcefile: 'prebuild-banks.ts',
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    banner,
    plugins: [zodEnglishOnly],
    write: false,
    logLevel: 'warning',
  });
  const tmp = mkdtempSync(join(tmpdir(), 'cxray-build-'));
  let validator;
  try {
    const file = join(tmp, 'prebuild-banks.mjs');
    writeFileSync(file, bundled.outputFiles[0].contents);
    validator = await import(pathToFileURL(file).href);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from).filter((n) => /\.ya?ml$/i.test(n)).sort()) {
    const path = join(from, name);
    const bytes = readFileSync(path);
    const { bank, problems } = validator.validateBankBytes(bytes, path);
    if (!bank) {
      console.warn(`build: ${name} has ${problems.length} problem(s) (cxray validate ${path}); not prebuilt`);
      continue;
    }
    writeFileSync(join(to, validator.prebuiltName(name)), JSON.stringify(validator.prebuiltRecord(bytes, name, bank)));
  }
}

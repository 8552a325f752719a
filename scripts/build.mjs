// Bundles src/cli.ts into one ESM file, dist/cli.js, runnable by node.
// `--if-stale` skips the build when dist/cli.js is newer than every source file,
// so `npm start` opens the workbook at once after the first run.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { statSync, readdirSync, existsSync, chmodSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

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
    statSync(join(root, 'package-lock.json')).mtimeMs,
    statSync(join(root, 'scripts', 'build.mjs')).mtimeMs,
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
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __cxrayCreateRequire } from 'node:module';\nconst require = __cxrayCreateRequire(import.meta.url);",
  },
  plugins: [zodEnglishOnly],
  logLevel: 'warning',
});
chmodSync(outfile, 0o755);

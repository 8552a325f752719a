/**
 * Bundles what the benchmarks run, into bench/.build/run-<pid>/ (git-ignored), with the options of
 * scripts/build.mjs so that the floor pays exactly what cxray pays for the same stack:
 *   floor/select-app.js   the minimal Ink app with one select list (bench/floor/)
 *   tool.js               in-process benchmarks against src/ (store, fixtures)
 *   scale.js              score + plan + markdown export, once src/core/report.ts and
 *                         src/export/markdown.ts exist
 *   cli-meta/             src/cli.ts again, with an esbuild metafile, to know which
 *                         sources each dist chunk holds (dist/ itself has no metafile)
 */
import { build } from 'esbuild';
import { ansiSameStyles, emojiSingleCodePoints, inkDrawnWidths, inkFrameCaches, yogaWithoutFetch } from '../../scripts/bundle-patches.mjs';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..', '..');
/** Each run builds into a folder of its own, so that two runs at once do not clash. */
const buildRoot = join(root, 'bench', '.build');
export const out = join(buildRoot, `run-${process.pid}`);

/** Removes this run's folder, and those of runs that are no longer running. */
export function cleanBuilds({ all = false } = {}) {
  if (!existsSync(buildRoot)) return;
  for (const name of readdirSync(buildRoot)) {
    const pid = Number(name.match(/^run-(\d+)$/)?.[1]);
    if (!pid) continue;
    let alive = pid !== process.pid || !all;
    if (pid !== process.pid) {
      try {
        process.kill(pid, 0);
      } catch {
        alive = false;
      }
    }
    if (!alive) rmSync(join(buildRoot, name), { recursive: true, force: true });
  }
}

/** scripts/build.mjs's zod plugin: only the English locale. Keep in step with it. */
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

/**
 * scripts/build.mjs's options, minus entry and output. Keep in step with it: run.mjs
 * checks that the metafile build of src/cli.ts made with these has dist/'s chunk names.
 */
export const cxrayOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  splitting: true,
  minify: true,
  legalComments: 'none',
  alias: { 'react-devtools-core': join(root, 'scripts', 'react-devtools-stub.mjs') },
  define: { 'process.env.NODE_ENV': '"production"' },
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __cxrayCreateRequire } from 'node:module';\nconst require = __cxrayCreateRequire(import.meta.url);",
  },
  plugins: [zodEnglishOnly, yogaWithoutFetch, inkFrameCaches, inkDrawnWidths, ansiSameStyles, emojiSingleCodePoints],
  logLevel: 'warning',
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
};

export async function buildBench() {
  cleanBuilds();
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await build({ ...cxrayOptions, entryPoints: [join(root, 'bench', 'floor', 'select-app.tsx')], outdir: join(out, 'floor') });
  await build({ ...cxrayOptions, entryPoints: [join(root, 'bench', 'entries', 'tool.ts')], outdir: out });
  const scaleReady = ['src/core/report.ts', 'src/export/markdown.ts', 'bench/entries/scale.ts'].every((p) => existsSync(join(root, p)));
  if (scaleReady) {
    await build({ ...cxrayOptions, entryPoints: [join(root, 'bench', 'entries', 'scale.ts')], outdir: out });
  }
  const meta = await build({
    ...cxrayOptions,
    entryPoints: [join(root, 'src', 'cli.ts')],
    outdir: join(out, 'cli-meta'),
    metafile: true,
  });
  writeFileSync(join(out, 'cli-meta', 'meta.json'), JSON.stringify(meta.metafile));
  return { scaleReady, metafile: meta.metafile };
}

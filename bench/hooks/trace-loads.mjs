// `node --import ./bench/hooks/trace-loads.mjs dist/cli.js ...` appends the URL of every
// ES module the program loads to $BENCH_TRACE_FILE (one per line). Used by bench/run.mjs
// to check that the non-interactive commands never load Ink, React or marked.
import { register } from 'node:module';

register('./trace-loads-hooks.mjs', import.meta.url);

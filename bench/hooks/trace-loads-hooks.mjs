// Module customisation hooks (they run off the main thread): log, then load as usual.
import { appendFileSync } from 'node:fs';

export async function load(url, context, nextLoad) {
  if (process.env.BENCH_TRACE_FILE) appendFileSync(process.env.BENCH_TRACE_FILE, `${url}\n`);
  return nextLoad(url, context);
}

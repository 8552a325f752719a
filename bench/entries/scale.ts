/**
 * The scale benchmark, bundled into bench/.build/scale.js and run once per size by
 * bench/run.mjs (one process each, so peak memory is per size):
 *
 *   scale.js JOURNEYS BANK_FACTOR REPS BUDGET_MS
 *
 * builds a workbook of JOURNEYS journeys (every question answered, a note on each) on
 * the built-in bank with its questions cloned BANK_FACTOR times, then times
 * `buildReport` (scores and plan) and `renderMarkdown`, cold (the first run, what one
 * `cxray export` pays) and warm (at least REPS more and 300 ms' worth, fewer once BUDGET_MS
 * is spent). The floor is JSON.parse of the workbook's
 * file text. Prints one JSON object.
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { builtinBankPath } from '../../src/bank/builtin.js';
import { openBank } from '../../src/bank/open.js';
import { buildReport } from '../../src/core/report.js';
import { renderMarkdown } from '../../src/export/markdown.js';
import { buildWorkbook, scaleBank } from './fixtures.js';

const [journeys, factor, reps, budgetMs = Infinity] = process.argv.slice(2).map(Number) as [number, number, number, number?];
const bank = scaleBank(await openBank(builtinBankPath()), factor);
const workbook = buildWorkbook(bank, { journeys });
const assessment = workbook.assessments[0]!;
const text = JSON.stringify(workbook, null, 2) + '\n';
const now = new Date('2025-02-01T00:00:00.000Z');

const reportMs: number[] = [];
const markdownMs: number[] = [];
const totalMs: number[] = [];
const parseMs: number[] = [];
let bytes = 0;
const began = performance.now();
// Small sizes run until 300 ms have passed (so their median is warm, not JIT warm-up);
// large ones stop at the budget (after at least one warm run).
const more = (i: number) => {
  const spent = performance.now() - began;
  if (i < 2) return true;
  if (spent >= budgetMs) return false;
  return i <= reps || spent < 300;
};
for (let i = 0; more(i); i++) {
  let t = performance.now();
  JSON.parse(text);
  const parsed = performance.now() - t;
  t = performance.now();
  const report = buildReport(bank, assessment, now);
  const t1 = performance.now();
  const markdown = renderMarkdown(report);
  const t2 = performance.now();
  bytes = markdown.length;
  reportMs.push(t1 - t);
  markdownMs.push(t2 - t1);
  totalMs.push(t2 - t);
  parseMs.push(parsed);
}
const [coldReportMs, coldMarkdownMs, coldTotalMs, coldParseMs] = [reportMs.shift(), markdownMs.shift(), totalMs.shift(), parseMs.shift()];
writeFileSync(
  1,
  JSON.stringify({
    journeys,
    factor,
    questions: bank.questions.length,
    answers: assessment.answers.length,
    workbookBytes: text.length,
    markdownBytes: bytes,
    cold: { reportMs: coldReportMs, markdownMs: coldMarkdownMs, totalMs: coldTotalMs, parseMs: coldParseMs },
    reportMs,
    markdownMs,
    totalMs,
    parseMs,
    maxRssKb: process.resourceUsage().maxRSS,
  }) + '\n',
);

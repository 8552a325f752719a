#!/usr/bin/env node
/**
 * cxray's benchmarks: `npm run bench` (builds dist/ first). Writes bench/results.md.
 *
 * Every figure is measured together with a floor in the same run, interleaved, and is
 * published as a ratio to it: these machines are shared and noisy, absolute times alone
 * mean little. See bench/README.md for what is measured and why.
 *
 *   node bench/run.mjs [--quick] [--only startup,commands,keys,rebuilds,writes,save,scale] [--out FILE]
 */
import { spawnSync, execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, watch, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, type as osType } from 'node:os';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildBench, cleanBuilds, out as buildDir, root } from './lib/build.mjs';
import { KEYS, Session, sleep } from './lib/pty.mjs';
import { fmtRatio, ms, ratio, summarise } from './lib/stats.mjs';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const onlyArg = argv.includes('--only') ? argv[argv.indexOf('--only') + 1].split(',') : undefined;
const only = (section) => !onlyArg || onlyArg.includes(section);
const outFile = argv.includes('--out') ? argv[argv.indexOf('--out') + 1] : join(root, 'bench', 'results.md');

/**
 * Texts the terminal benchmarks wait for. The UI is still changing: if a label moves,
 * change it here (or set the environment variable named in the comment).
 */
const TEXT = {
  // Home list drawn: the first interactive frame (the floor app draws it too).
  ready: process.env.BENCH_READY_TEXT ?? '+ New assessment',
  // The assessment screen: the first journey of the fixtures (bench data, not UI text).
  journeys: process.env.BENCH_JOURNEYS_TEXT ?? 'Journey 1: phone support',
  // The walk, on a fully answered journey (it opens at its end).
  walkEnd: new RegExp(process.env.BENCH_WALK_END_RE ?? 'questions of this journey are answered'),
  // The walk on a question: "<n> of <total>" of the journey.
  position: new RegExp(process.env.BENCH_POSITION_RE ?? '(\\d+) of (\\d+) in the journey|Question (\\d+) of (\\d+)'),
  // The help overlay.
  help: new RegExp(process.env.BENCH_HELP_RE ?? 'Keys on this screen|Keys · |Press any key to close'),
};

const ROUNDS = {
  startup: quick ? 4 : 15,
  commands: quick ? 5 : 20,
  keyCycles: quick ? 6 : 30,
  floorKeys: quick ? 15 : 60,
  saveSamples: quick ? 5 : 20,
  scaleReps: quick ? 2 : 5,
  // Warm reps stop early once a size has used this much time (at least one warm rep).
  scaleBudgetMs: quick ? 1500 : 4000,
};

// BENCH_CLI: measure another build of cxray (development of the benchmarks only: a
// bundle of the working tree built elsewhere, so that dist/, which the tests use, is
// not rebuilt under them).
const CLI = process.env.BENCH_CLI ?? join(root, 'dist', 'cli.js');
const DIST = join(CLI, '..');
const FLOOR_APP = join(buildDir, 'floor', 'select-app.js');
const TOOL = join(buildDir, 'tool.js');
const SCALE = join(buildDir, 'scale.js');
const node = process.execPath;
const work = mkdtempSync(join(tmpdir(), 'cxray-bench-'));
const started = performance.now();
const log = (line) => process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)}s] ${line}\n`);

const results = { sections: [], notes: [], summary: [] };
const load0 = loadavg();

function runTool(file, args) {
  const r = spawnSync(node, [file, ...args], { encoding: 'utf8', cwd: work, maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${basename(file)} ${args[0]} failed (${r.status}):\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

/** A summary row: a figure, its floor, the target ratio and which statistic the target is on. */
function summaryRow(figure, value, floor, target, stat = 'median', why = '') {
  const r = ratio(value?.[stat], floor?.[stat]);
  results.summary.push({ figure, value, floor, target, stat, ratio: r, met: r === undefined || target === undefined ? undefined : r <= target, why });
}

/** Runs one section; a failure (a UI string moved, a command crashed) is reported, not fatal. */
async function section(name, title, body) {
  if (!only(name)) return;
  try {
    await body();
  } catch (error) {
    const why = String(error?.stack ?? error).split('\n').slice(0, 12).join('\n');
    log(`${name}: NOT MEASURED: ${why.split('\n')[0]}`);
    results.sections.push({ title, text: `**Not measured: the benchmark failed.**\n\n\`\`\`\n${why}\n\`\`\`` });
    results.summary.push({ figure: title, missing: `not measured: ${why.split('\n')[0]}` });
  }
}

const span = (s) => (s?.n ? `${ms(s.median)} (${ms(s.min)}–${ms(s.max)})` : '–');
const spanP95 = (s) => (s?.n ? `${ms(s.median)} / ${ms(s.p95)} (${ms(s.min)}–${ms(s.max)})` : '–');

// ---------------------------------------------------------------------------------------
log(`bundling the floor and the bench entry points into ${buildDir.slice(root.length + 1)}/`);
if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run bench` (it builds first)');
const built = await buildBench();
const fixtures = runTool(TOOL, ['fixtures', join(work, 'fixtures')]);
const wb = (n) => fixtures.files[n];
results.bankQuestions = fixtures.bankQuestions;
log(`fixtures: ${Object.keys(fixtures.files).join(', ')} journeys, bank of ${fixtures.bankQuestions} questions`);

/** A fresh copy of a fixture workbook in its own folder (for runs that write). */
function freshCopy(n, name) {
  const dir = mkdtempSync(join(work, `${name}-`));
  const path = join(dir, 'workbook.json');
  copyFileSync(wb(n), path);
  return { dir, path };
}

// ---------------------------------------------------------------------------------------
// Start to first interactive frame, in a pseudo-terminal.
async function startupOnce(file, args) {
  const s = new Session(node, [file, ...args], { cwd: work });
  try {
    const at = await s.waitForText(TEXT.ready, { timeoutMs: 20_000 });
    return at - s.startedAt;
  } finally {
    await s.stop();
  }
}

await section('startup', 'Start to first interactive frame', async () => {
  log(`start-up: ${ROUNDS.startup} rounds, cxray (5 journeys, full bank answered) and the floor, interleaved`);
  const programs = [
    { name: 'cxray', file: CLI, args: ['--db', wb(5)] },
    { name: 'floor: bundled Ink app, one select list', file: FLOOR_APP, args: [] },
  ];
  const times = programs.map(() => []);
  for (const p of programs) await startupOnce(p.file, p.args); // warm the page cache
  for (let r = 0; r < ROUNDS.startup; r++) {
    const order = r % 2 === 0 ? [0, 1] : [1, 0];
    for (const i of order) times[i].push(await startupOnce(programs[i].file, programs[i].args));
  }
  const [app, floor] = times.map(summarise);
  results.sections.push({
    title: 'Start to first interactive frame (pseudo-terminal)',
    text:
      `Time from spawning \`node <bundle>\` in a 100x40 pseudo-terminal to the first output that shows "${TEXT.ready}" ` +
      `(cxray: the home list, opening a workbook of 5 journeys with the whole bank answered). ` +
      `${ROUNDS.startup} runs each, interleaved, after one unmeasured warm-up run each. ms: median (min–max).`,
    head: ['program', 'ms', 'ratio to floor (medians)', 'ratio (minimums)'],
    rows: [
      ['cxray', span(app), fmtRatio(ratio(app.median, floor.median)), fmtRatio(ratio(app.min, floor.min))],
      ['floor: bench/floor/select-app.tsx bundled like cxray', span(floor), '1.00x', '1.00x'],
    ],
  });
  summaryRow('start to first frame', app, floor, 1.25);
});

// ---------------------------------------------------------------------------------------
// Non-interactive commands: wall time to exit, against `node -e 0`, and what they load.
function timeRun(args, cwd) {
  const t = performance.now();
  const r = spawnSync(node, args, { cwd, stdio: 'ignore' });
  const elapsed = performance.now() - t;
  return r.status === 0 ? elapsed : undefined;
}

/** Which dist files a command loads, and which packages those hold (from the metafile build). */
function loadedBy(args, cwd) {
  const trace = join(work, `trace-${Math.random().toString(36).slice(2)}.txt`);
  spawnSync(node, ['--import', join(root, 'bench', 'hooks', 'trace-loads.mjs'), ...args], {
    cwd,
    stdio: 'ignore',
    env: { ...process.env, BENCH_TRACE_FILE: trace },
  });
  const urls = existsSync(trace) ? readFileSync(trace, 'utf8').trim().split('\n') : [];
  const distUrl = `file://${DIST}/`;
  const files = urls.filter((u) => u.startsWith(distUrl)).map((u) => u.slice(distUrl.length));
  const outputs = built.metafile.outputs;
  const byName = new Map(Object.entries(outputs).map(([k, v]) => [basename(k), v]));
  const packages = new Set();
  let unmapped = 0;
  let bytes = 0;
  for (const f of files) {
    bytes += statSync(join(DIST, f)).size;
    const o = byName.get(basename(f));
    if (!o) {
      unmapped++;
      continue;
    }
    for (const input of Object.keys(o.inputs)) {
      const m = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
      packages.add(m ? m[1] : input.startsWith('src/ui/') ? 'src/ui' : '');
    }
  }
  packages.delete('');
  return { files, bytes, packages: [...packages].sort(), unmapped };
}
const FORBIDDEN = ['ink', 'react', 'react-reconciler', 'marked', 'marked-terminal', 'highlight.js', 'cli-highlight', 'ink-select-input', 'ink-text-input', 'src/ui'];

await section('commands', 'Non-interactive commands', async () => {
  log('non-interactive commands: checking which exist');
  const cmdCwd = mkdtempSync(join(work, 'cmd-'));
  const exists = (name) => spawnSync(node, [CLI, name, '--help'], { stdio: 'ignore' }).status === 0;
  /** Each command's candidate argument lists; the first that exits 0 is measured. */
  const candidates = [
    { name: '--version', target: 2, tries: [['--version']] },
    { name: 'validate', target: undefined, tries: [['validate']] },
    { name: 'score', target: 3, tries: [['score', '--db', wb(5)], ['score', wb(5)]] },
    {
      name: 'export',
      target: 3,
      tries: [
        ['export', '--db', wb(5), '--format', 'md'],
        ['export', '--db', wb(5), '--format', 'markdown'],
        ['export', '--db', wb(5)],
      ],
    },
    { name: 'export', label: 'export, 200 journeys', target: undefined, rounds: 5, tries: [['export', '--db', wb(200), '--format', 'md'], ['export', '--db', wb(200)]] },
  ];
  const programs = [{ name: 'node -e 0 (floor)', args: ['-e', '0'] }, { name: 'node empty.mjs (reference)', args: [join(root, 'bench', 'floor', 'empty.mjs')] }];
  const missing = [];
  for (const c of candidates) {
    if (c.name !== '--version' && !exists(c.name)) {
      missing.push({ name: c.name, why: 'not measured: command missing' });
      continue;
    }
    const found = c.tries.find((args) => spawnSync(node, [CLI, ...args], { cwd: cmdCwd, stdio: 'ignore' }).status === 0);
    if (!found) {
      const r = spawnSync(node, [CLI, ...c.tries[0]], { cwd: cmdCwd, encoding: 'utf8' });
      missing.push({ name: c.name, why: `not measured: \`cxray ${c.tries[0].join(' ')}\` exits ${r.status}: ${(r.stderr || '').trim().split('\n')[0]}` });
      continue;
    }
    const shown = found.map((a) => (a === wb(5) ? 'workbook-5.json' : a === wb(200) ? 'workbook-200.json' : a));
    programs.push({ name: `cxray ${c.label ?? c.name}`, command: c.label ?? c.name, target: c.target, rounds: c.rounds, args: [CLI, ...found], shown });
  }
  log(`non-interactive commands: ${ROUNDS.commands} rounds of ${programs.map((p) => p.name).join(', ')}`);
  const times = programs.map(() => []);
  for (const p of programs) timeRun(p.args, cmdCwd); // warm-up
  for (let r = 0; r < ROUNDS.commands; r++) {
    // Rotate the order each round so no program always runs right after a given other.
    for (let k = 0; k < programs.length; k++) {
      const i = (k + r) % programs.length;
      if (programs[i].rounds !== undefined && r >= programs[i].rounds) continue; // slow ones: fewer runs
      times[i].push(timeRun(programs[i].args, cmdCwd));
    }
  }
  const stats = times.map(summarise);
  const floor = stats[0];
  const rows = programs.map((p, i) => [
    p.shown ? `\`cxray ${p.shown.join(' ')}\`` : `\`${p.name}\``,
    span(stats[i]),
    i === 0 ? '1.00x' : fmtRatio(ratio(stats[i].median, floor.median)),
    i === 0 ? '1.00x' : fmtRatio(ratio(stats[i].min, floor.min)),
    p.target ? `≤ ${p.target}x` : '',
  ]);
  for (const m of missing) rows.push([`cxray ${m.name}`, m.why, '', '', '']);
  results.sections.push({
    title: 'Non-interactive commands (wall time to exit)',
    text: `Spawned with stdio to /dev/null, ${ROUNDS.commands} runs each, the order rotated every round. score and export read a workbook of 5 journeys with the whole bank answered (and 200 journeys, for scale). ms: median (min–max).`,
    head: ['command', 'ms', 'ratio to `node -e 0` (medians)', 'ratio (minimums)', 'target'],
    rows,
  });
  programs.forEach((p, i) => {
    if (p.target) summaryRow(`\`cxray ${p.command}\``, stats[i], floor, p.target);
  });
  for (const m of missing) results.summary.push({ figure: `\`cxray ${m.name}\``, missing: m.why });

  // What each command loads.
  log('non-interactive commands: tracing which modules each loads');
  const distChunks = new Set(existsSync(join(DIST, 'chunks')) ? execFileSync('ls', [join(DIST, 'chunks')], { encoding: 'utf8' }).trim().split('\n') : []);
  const metaChunks = new Set(Object.keys(built.metafile.outputs).filter((k) => k.includes('/chunks/')).map((k) => basename(k)));
  const same = distChunks.size === metaChunks.size && [...distChunks].every((c) => metaChunks.has(c));
  const loadRows = [];
  const traced = [...programs.filter((p) => p.command && !p.command.includes(',')), { name: 'cxray (the TUI, to its first frame)', tui: true }];
  for (const p of traced) {
    let l;
    if (p.tui) {
      // The TUI needs a terminal: trace it in a pty, stop at the first frame.
      const trace = join(work, 'trace-tui.txt');
      const s = new Session(node, ['--import', join(root, 'bench', 'hooks', 'trace-loads.mjs'), CLI, '--db', wb(5)], {
        cwd: work,
        env: { BENCH_TRACE_FILE: trace },
      });
      try {
        await s.waitForText(TEXT.ready);
      } finally {
        await s.stop();
      }
      const distUrl = `file://${DIST}/`;
      const files = readFileSync(trace, 'utf8').trim().split('\n').filter((u) => u.startsWith(distUrl)).map((u) => u.slice(distUrl.length));
      const byName = new Map(Object.entries(built.metafile.outputs).map(([k, v]) => [basename(k), v]));
      const packages = new Set();
      let bytes = 0;
      for (const f of files) {
        bytes += statSync(join(DIST, f)).size;
        for (const input of Object.keys(byName.get(basename(f))?.inputs ?? {})) {
          const m = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
          if (m) packages.add(m[1]);
        }
      }
      l = { files, bytes, packages: [...packages].sort(), unmapped: 0 };
    } else {
      l = loadedBy(p.args, cmdCwd);
    }
    const bad = l.packages.filter((pkg) => FORBIDDEN.includes(pkg));
    const lazy = ['marked', 'marked-terminal', 'highlight.js', 'cli-highlight'].filter((pkg) => l.packages.includes(pkg));
    const ok = p.tui ? (lazy.length === 0 ? 'Ink/React only; no marked or highlight.js before the first frame' : `**loads ${lazy.join(', ')} before the first frame**`) : bad.length === 0 ? 'yes' : `**no: loads ${bad.join(', ')}**`;
    if (p.tui) results.summary.push({ figure: 'the TUI loads no marked/highlight.js before its first frame', check: lazy.length === 0, why: lazy.join(', ') });
    loadRows.push([p.name, String(l.files.length), `${(l.bytes / 1024).toFixed(0)} KiB`, l.packages.filter((x) => x !== 'src/ui').join(', ') || '(none: only src/)', ok]);
    if (!p.tui) results.summary.push({ figure: `${p.name} loads no Ink/React/marked`, check: bad.length === 0, why: bad.join(', ') });
  }
  results.sections.push({
    title: 'What each command loads',
    text:
      'Every ES module each command loads, logged by a module hook (`node --import bench/hooks/trace-loads.mjs`), ' +
      'mapped to the packages bundled into each dist file with an esbuild metafile of the same build (bench/.build/run-*/cli-meta). ' +
      (same ? 'The metafile build matched dist/ chunk for chunk.' : '**The metafile build did not match dist/ (src changed during the run?): package lists may be incomplete.**'),
    head: ['command', 'dist files', 'size', 'packages bundled in them', 'no Ink/React/marked'],
    rows: loadRows,
  });
});

// ---------------------------------------------------------------------------------------
// Keypress to frame in the walk (50 journeys) and in the floor.
async function openWalk(db, record) {
  const s = new Session(node, [CLI, '--db', db], { cwd: work });
  await s.waitForText(TEXT.ready);
  const open = await s.timeKey(KEYS.enter, { quietMs: 80 }); // the first (only) assessment
  if (!(await s.screen()).includes(TEXT.journeys)) throw new Error(`Enter on the home list did not show "${TEXT.journeys}":\n${await s.screen()}`);
  // The organisation-wide section comes first when the bank has one: step down to the first journey (untimed).
  if (/❯ Organisation-wide/.test(await s.screen())) await s.timeKey(KEYS.down, { quietMs: 80 });
  const walk = await s.timeKey(KEYS.enter, { quietMs: 80 }); // its first journey, fully answered: the walk opens at its end
  if (!TEXT.walkEnd.test(await s.screen())) throw new Error(`Enter on the first journey did not show ${TEXT.walkEnd}:\n${await s.screen()}`);
  record?.(open, walk);
  return s;
}

function position(screen) {
  const m = screen.match(TEXT.position);
  if (!m) return undefined;
  const [at, total] = m.slice(1).filter((x) => x !== undefined).map(Number);
  return { at, total };
}

/** Moves the walk to its last-but-one question; returns where it was if it had to move. */
async function gotoLastButOne(s) {
  let from;
  for (let i = 0; i < 20; i++) {
    const screen = await s.screen();
    const p = position(screen);
    const atEnd = !p && TEXT.walkEnd.test(screen);
    if (!p && !atEnd) throw new Error(`not in the walk:\n${screen}`);
    from ??= atEnd ? 'the end of the journey' : `question ${p.at}`;
    if (p && p.at === Math.max(1, p.total - 1)) return i === 0 ? undefined : from;
    await s.timeKey(atEnd || p.at > p.total - 1 ? KEYS.left : KEYS.right);
  }
  throw new Error('could not reach the last-but-one question');
}

await section('keys', 'Keypress to frame', async () => {
  log(`keypress to frame: ${ROUNDS.keyCycles} cycles in the walk (50 journeys), ${ROUNDS.floorKeys} moves in the floor`);
  const { path } = freshCopy(50, 'keys');
  const ANSWER = 'answer option 1 (1: records, saves, next question)';
  // The store saves in the background at most every 150 ms: a key pressed ~60-100 ms
  // after an answer tends to arrive while that save serialises the workbook.
  const AFTER_ANSWER = 'previous question, just after an answer (←: meets its save)';
  const kinds = {
    'move selection (↓)': [],
    'next question (→)': [],
    'previous question (←)': [],
    [ANSWER]: [],
    [AFTER_ANSWER]: [],
    'toggle help on (?)': [],
    'toggle help off (?)': [],
    'open the assessment (Enter on home)': [],
    'open a journey (Enter)': [],
    'back to the journeys (Esc in the walk)': [],
    'back home (Esc)': [],
  };
  const floorTimes = [];
  const checks = [];
  const onQuestion = (screen) => position(screen) !== undefined;
  const s = await openWalk(path, (open, walk) => {
    kinds['open the assessment (Enter on home)'].push(open);
    kinds['open a journey (Enter)'].push(walk);
  });
  try {
    // Every cycle starts on the last-but-one question, so that → and "1" have a next one.
    const cycle = [
      ['move selection (↓)', KEYS.down, onQuestion],
      ['next question (→)', KEYS.right, onQuestion],
      ['previous question (←)', KEYS.left, onQuestion],
      [ANSWER, '1', onQuestion],
      [AFTER_ANSWER, KEYS.left, onQuestion],
      ['toggle help on (?)', '?', (screen) => TEXT.help.test(screen)],
      ['toggle help off (?)', '?', (screen) => !TEXT.help.test(screen)],
    ];
    for (let c = 0; c < ROUNDS.keyCycles; c++) {
      const moved = await gotoLastButOne(s);
      if (moved && c > 0) checks.push(`closing the help moved the walk (to ${moved}); put back before the next cycle`);
      for (const [kind, key, expect] of cycle) {
        const t = await s.timeKey(key);
        kinds[kind].push(t);
        if (t.first === null) checks.push(`${kind}: no output`);
        else if (c < 2 && !expect(await s.screen())) checks.push(`${kind}: not the expected screen`);
      }
    }
    // Moving between screens: walk -> journeys -> home -> journeys -> walk.
    for (let c = 0; c < Math.max(3, ROUNDS.keyCycles / 5); c++) {
      const steps = [
        ['back to the journeys (Esc in the walk)', KEYS.escape, (x) => x.includes(TEXT.journeys)],
        ['back home (Esc)', KEYS.escape, (x) => x.includes(TEXT.ready)],
        ['open the assessment (Enter on home)', KEYS.enter, (x) => x.includes(TEXT.journeys)],
        ['open a journey (Enter)', KEYS.enter, (x) => onQuestion(x) || TEXT.walkEnd.test(x)],
      ];
      for (const [kind, key, expect] of steps) {
        if (kind === 'open a journey (Enter)' && /❯ Organisation-wide/.test(await s.screen())) await s.timeKey(KEYS.down, { quietMs: 80 });
        const t = await s.timeKey(key, { quietMs: 80 });
        kinds[kind].push(t);
        if (t.first === null) checks.push(`${kind}: no output`);
        else if (!expect(await s.screen())) throw new Error(`${kind}: not the expected screen:\n${await s.screen()}`);
      }
    }
  } finally {
    await s.stop();
  }
  const f = new Session(node, [FLOOR_APP], { cwd: work });
  try {
    await f.waitForText(TEXT.ready);
    for (let i = 0; i < ROUNDS.floorKeys; i++) floorTimes.push(await f.timeKey(KEYS.down));
  } finally {
    await f.stop();
  }
  // For attribution only: the floor app with a full screen of styled text (not a target).
  const fullTimes = [];
  const g = new Session(node, [FLOOR_APP], { cwd: work, env: { BENCH_FLOOR_LINES: '16' } });
  try {
    await g.waitForText(TEXT.ready);
    for (let i = 0; i < ROUNDS.floorKeys / 2; i++) fullTimes.push(await g.timeKey(KEYS.down));
  } finally {
    await g.stop();
  }
  const fullFirst = summarise(fullTimes.map((t) => t.first));
  const fullFrame = summarise(fullTimes.map((t) => t.frame));
  const bytesPerFrame = (ts) => Math.round(ts.reduce((n, t) => n + (t.output?.length ?? 0), 0) / Math.max(1, ts.length));
  const floorFirst = summarise(floorTimes.map((t) => t.first));
  const floorFrame = summarise(floorTimes.map((t) => t.frame));
  const rows = [];
  for (const [kind, ts] of Object.entries(kinds)) {
    const first = summarise(ts.map((t) => t.first));
    const frame = summarise(ts.map((t) => t.frame));
    rows.push([kind, spanP95(first), fmtRatio(ratio(first.p95, floorFirst.p95)), spanP95(frame), fmtRatio(ratio(frame.p95, floorFrame.p95))]);
    summaryRow(`key to frame, p95: ${kind.replace(/ \(1:.*\)/, ' (1)').replace(/ \(←: meets its save\)/, ' (←)')}`, frame, floorFrame, 1.5, 'p95');
  }
  rows.push(['floor: move selection (↓) in the select-list app', spanP95(floorFirst), '1.00x', spanP95(floorFrame), '1.00x']);
  rows.push([
    `for attribution: ↓ in the floor app with 16 more lines of styled text (${bytesPerFrame(fullTimes)} bytes a frame; cxray's ↓: ${bytesPerFrame(kinds['move selection (↓)'])}; the floor: ${bytesPerFrame(floorTimes)})`,
    spanP95(fullFirst),
    fmtRatio(ratio(fullFirst.p95, floorFirst.p95)),
    spanP95(fullFrame),
    fmtRatio(ratio(fullFrame.p95, floorFrame.p95)),
  ]);
  const unique = [...new Set(checks)];
  results.sections.push({
    title: 'Keypress to frame (pseudo-terminal, 50-journey workbook, built-in bank)',
    text:
      `Each key is written once the program has been quiet for 60 ms; "first byte" is the first output after the write, ` +
      `"frame" the last byte before the output goes quiet again for 60 ms (80 ms between screens): the frame complete, including any throttled ` +
      `re-render (Ink draws at most 30 frames a second). The walk is on the first journey (fully answered) of a 50-journey workbook ` +
      `(${results.bankQuestions} questions in the built-in bank); each of ${ROUNDS.keyCycles} cycles starts on the last-but-one question and presses ↓ → ← 1 ← ? ?; ` +
      `then Esc Esc Enter Enter go from the walk to home and back. ms: median / p95 (min–max).` +
      (unique.length ? `\n\n**Checks that failed:** ${unique.slice(0, 5).join('; ')}` : ''),
    head: ['key', 'to first byte', 'p95 ratio', 'to frame complete', 'p95 ratio'],
    rows,
  });
});

// ---------------------------------------------------------------------------------------
// Report rebuilds: the results screen of a 200-journey workbook redrawn by `?` and by a
// resize, beside the same on the journeys' screen (which builds no report). Before the
// app's clock was stable, every redraw of the app rebuilt the whole report.
await section('rebuilds', 'Report rebuilds on redraw', async () => {
  const rounds = quick ? 4 : 12;
  log(`report rebuilds: ${rounds} rounds of ? ? and two resizes on results and on the journeys (200 journeys)`);
  const { path } = freshCopy(200, 'rebuilds');
  const s = new Session(node, [CLI, '--db', path], { cwd: work });
  const kinds = {};
  // CPU time of the program (user + system, from /proc; Linux only) over one redraw: unlike
  // the time to the frame, it does not count waiting for the other processes on the machine.
  const tick = 1000 / (Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100);
  const cpuMs = () => {
    try {
      const fields = readFileSync(`/proc/${s.pty.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) * tick;
    } catch {
      return NaN;
    }
  };
  const add = async (kind, act) => {
    const before = cpuMs();
    const t = await act();
    (kinds[kind] ??= []).push({ ...t, cpu: cpuMs() - before });
  };
  try {
    await s.waitForText(TEXT.ready);
    await s.timeKey(KEYS.enter, { quietMs: 150 });
    const measure = async (where) => {
      for (let i = 0; i < rounds; i++) {
        await add(`${where}: help on (?)`, () => s.timeKey('?', { quietMs: 100 }));
        await add(`${where}: help off (?)`, () => s.timeKey('?', { quietMs: 100 }));
        await add(`${where}: resize 100x40 -> 101x40`, () => s.timeResize(101, 40, { quietMs: 100 }));
        await add(`${where}: resize 101x40 -> 100x40`, () => s.timeResize(100, 40, { quietMs: 100 }));
      }
    };
    if (!(await s.screen()).includes(TEXT.journeys)) throw new Error(`not on the journeys:\n${await s.screen()}`);
    await measure('journeys');
    await s.timeKey('r', { quietMs: 300, noOutputMs: 10_000 });
    if (!(await s.screen()).includes('by journey and dimension')) throw new Error(`r did not open the results:\n${await s.screen()}`);
    await measure('results');
  } finally {
    await s.stop();
  }
  const rows = [];
  const cpuOf = (ts) => ts.reduce((n, t) => n + t.cpu, 0) / ts.length;
  for (const [kind, ts] of Object.entries(kinds)) {
    const frame = summarise(ts.map((t) => t.frame));
    const twin = kind.replace(/^results/, 'journeys');
    const floor = twin === kind ? undefined : summarise(kinds[twin].map((t) => t.frame));
    const cpu = cpuOf(ts);
    const floorCpu = twin === kind ? cpu : cpuOf(kinds[twin]);
    rows.push([kind, spanP95(frame), floor ? fmtRatio(ratio(frame.median, floor.median)) : '1.00x', `${cpu.toFixed(0)} ms`, fmtRatio(ratio(cpu, floorCpu))]);
    if (floor) {
      results.summary.push({
        figure: `redraw of the results (200 journeys), CPU: ${kind.replace(/^results: /, '')}`,
        value: { mean: cpu },
        floor: { mean: floorCpu },
        // A rebuild of the report at 200 journeys costs about twice the journeys' redraw by itself.
        target: 2,
        stat: 'mean',
        ratio: ratio(cpu, floorCpu),
        met: ratio(cpu, floorCpu) === undefined ? undefined : ratio(cpu, floorCpu) <= 2,
        why: '',
      });
    }
  }
  results.sections.push({
    title: 'Report rebuilds on redraw (pseudo-terminal, 200-journey workbook)',
    text:
      'The results screen of a 200-journey workbook, redrawn by `?` (the help on, then off) and by resizing the terminal by one column; ' +
      'the same on the journeys\' screen, which builds no report, is the floor. A redraw that rebuilt the report would cost what ' +
      '`buildReport` costs at 200 journeys (see Scale). ms to the frame complete: median / p95 (min–max), the ratio of the medians; ' +
      'CPU: the program\'s user + system time per redraw (mean, from /proc), which the other processes on a shared machine do not inflate.',
    head: ['redraw', 'to frame complete', 'ratio to the journeys\' screen', 'CPU per redraw', 'CPU ratio'],
    rows,
  });
});

// ---------------------------------------------------------------------------------------
// Writes per 100 rapid keypresses, observed from outside (renames of the workbook file).
await section('writes', 'Writes per 100 rapid keypresses', async () => {
  log('writes per 100 rapid keypresses (50 journeys)');
  const { dir, path } = freshCopy(50, 'rapid');
  const s = await openWalk(path);
  let renames = 0;
  const temps = new Set();
  const watcher = watch(dir, (event, name) => {
    if (event === 'rename' && name === basename(path)) renames++;
    if (name && name.endsWith('.tmp')) temps.add(name);
  });
  const gapMs = 15;
  let keyLatencies = [];
  let burstMs;
  try {
    await gotoLastButOne(s);
    await s.waitQuiet(100);
    const t0 = performance.now();
    for (let i = 0; i < 100; i++) {
      const before = s.chunks.length;
      const at = performance.now();
      s.write(i % 2 === 0 ? '1' : KEYS.left);
      keyLatencies.push({ before, at });
      await sleep(gapMs);
    }
    burstMs = performance.now() - t0;
    await s.waitQuiet(200);
    // Let the last save land: wait until the file has not changed for 500 ms (at most 10 s).
    let last = statSync(path).mtimeMs;
    for (let waited = 0; waited < 10_000; waited += 100) {
      await sleep(100);
      const now = statSync(path).mtimeMs;
      if (now === last && performance.now() - s.lastAt > 500) break;
      last = now;
    }
  } finally {
    await s.stop();
    watcher.close();
  }
  const firstAfter = (session, keys) => keys.map(({ before, at }) => session.chunks.slice(before).find((c) => c.at >= at)?.at - at);
  const firstStats = summarise(firstAfter(s, keyLatencies));
  // The same burst of keys in the floor app (↓), for what Ink's 30 frames a second alone cost.
  const f = new Session(node, [FLOOR_APP], { cwd: work });
  const floorKeys = [];
  try {
    await f.waitForText(TEXT.ready);
    await f.waitQuiet(100);
    for (let i = 0; i < 100; i++) {
      floorKeys.push({ before: f.chunks.length, at: performance.now() });
      f.write(KEYS.down);
      await sleep(gapMs);
    }
    await f.waitQuiet(200);
  } finally {
    await f.stop();
  }
  const floorStats = summarise(firstAfter(f, floorKeys));
  const saved = JSON.parse(readFileSync(path, 'utf8'));
  results.rapid = { renames, temps: temps.size, gapMs, burstMs, firstStats, answers: saved.assessments[0].answers.length };
  results.sections.push({
    title: 'Writes per 100 rapid keypresses (pseudo-terminal, 50 journeys)',
    text:
      `In the walk, 100 keys written ${gapMs} ms apart (${(1000 / gapMs).toFixed(0)} keys/s, key-repeat speed): "1" (answer: records and moves on) and ← alternately, ` +
      `so 50 answers. Writes are counted from outside, as renames onto the workbook file (fs.watch on its folder); ` +
      `each atomic save creates one temporary file and renames it.`,
    head: ['figure', 'value'],
    rows: [
      ['saves (renames onto the workbook) per 100 keypresses', String(renames)],
      ['temporary files created', String(temps.size)],
      ['first output byte after each key, ms: median / p95 (min–max)', spanP95(firstStats)],
      ['the same in the floor app (↓ at the same pace)', spanP95(floorStats)],
      ['p95 ratio to the floor', fmtRatio(ratio(firstStats.p95, floorStats.p95))],
    ],
  });
  summaryRow('rapid keys (answers, 67/s): key to first byte, p95', firstStats, floorStats, 1.5, 'p95');
  results.summary.push({ figure: 'saves per 100 rapid keypresses (50 answers)', info: `${renames} (a save per answer would be 50)` });
});

// ---------------------------------------------------------------------------------------
// Save: answer -> durable on disk, through the store API.
await section('save', 'Save', async () => {
  const cycle = 1100;
  log(`save: ${ROUNDS.saveSamples} answers each at 10, 50 and 200 journeys, ${cycle} ms apart, through the store API`);
  const save = runTool(TOOL, ['save', join(work, 'save'), '10,50,200', String(ROUNDS.saveSamples), String(cycle)]);
  const rows = [];
  for (const r of save.results) {
    const durable = summarise(r.durableMs);
    const floor = summarise(r.floorMs);
    const update = summarise(r.updateMs);
    const stall = summarise(r.saveStallMs);
    const floorStall = summarise(r.floorStallMs);
    rows.push([
      String(r.journeys),
      `${(r.bytes / 1024).toFixed(0)} KiB`,
      spanP95(update),
      spanP95(durable),
      spanP95(floor),
      fmtRatio(ratio(durable.p95, floor.p95)),
      spanP95(stall),
      spanP95(floorStall),
      ms(r.openMs),
    ]);
    if (r.journeys === 50) {
      results.summary.push({ figure: 'save, 50 journeys: answer -> durable, p95', value: durable, target: 50, stat: 'p95', absolute: true, floor, met: durable.p95 <= 50 });
      results.summary.push({ figure: 'save, 50 journeys: what the keypress pays (store.update), p95', info: `${ms(update.p95)} ms; the save's longest main-thread stall: p95 ${ms(stall.p95)} ms (floor ${ms(floorStall.p95)} ms)` });
    }
  }
  const burstRows = [];
  for (const b of save.bursts) {
    for (const x of [b.tight, b.keyRepeat]) {
      const update = summarise(x.updateMs);
      burstRows.push([String(b.journeys), x.label, String(x.writes), spanP95(update), ms(x.stallMs), ms(x.lastDurableMs)]);
    }
  }
  results.sections.push({
    title: 'Save: answer to durable on disk (store API)',
    text:
      `For each size, a workbook of N journeys with the whole bank answered and a note on every answer. ${ROUNDS.saveSamples} answers per size, ` +
      `one every ${cycle} ms per workbook (the sizes take turns), as in a workshop: each is saved in the background by the store (no flush), ` +
      `and "durable" is when the store reports "saved" (after its atomic write, fsync, rename and folder fsync; the first save of a batch also keeps a .bak). ` +
      `"update" is the synchronous \`store.update(recordAnswer(...))\`, what a keypress pays. "stall" is the longest the main thread went without ` +
      `running a 1 ms timer during the save: a key pressed then waits that long. The floor writes the same bytes, already serialised, ` +
      `durably and atomically with raw fs calls. ms: median / p95 (min–max).`,
    head: ['journeys', 'file', 'update (keypress pays)', 'answer -> durable', 'floor: raw durable write', 'p95 ratio', 'stall during the save', 'stall, floor', 'openWorkbook'],
    rows,
  });
  results.sections.push({
    title: 'Save: 100 changes in a burst (store API)',
    text: '100 `store.update` calls, one per event-loop turn or 15 ms apart (key repeat). Writes counted as renames onto the file (fs.watch); "last durable" is the time from the last change to "saved".',
    head: ['journeys', 'changes', 'writes per 100 changes', 'update ms: median / p95 (min–max)', 'longest stall, ms', 'last change -> durable, ms'],
    rows: burstRows,
  });
});

// ---------------------------------------------------------------------------------------
// Scale: score + plan + markdown export, time and peak memory.
await section('scale', 'Scale', async () => {
  if (!built.scaleReady) {
    const why = ['src/core/report.ts', 'src/export/markdown.ts', 'bench/entries/scale.ts'].filter((p) => !existsSync(join(root, p)));
    results.sections.push({ title: 'Scale: score + plan + markdown export', text: `Not measured: ${why.join(', ')} missing.` });
    results.summary.push({ figure: 'scale (score + plan + export)', missing: `not measured: ${why.join(', ')} missing` });
  } else {
    const SIZES = [1, 10, 50, 100, 200];
    log(`scale: ${SIZES.join(', ')} journeys x built-in and 4x bank, ${ROUNDS.scaleReps} warm reps each, one process per size`);
    const rows = [];
    const byBank = {};
    for (const factor of [1, 4]) {
      for (const journeys of [0, ...SIZES]) {
        (byBank[factor] ??= {})[journeys] = runTool(SCALE, [String(journeys), String(factor), String(ROUNDS.scaleReps), String(ROUNDS.scaleBudgetMs)]);
      }
    }
    const warm = (f, j) => summarise(byBank[f][j].totalMs);
    for (const factor of [1, 4]) {
      const base = byBank[factor][0];
      SIZES.forEach((journeys, k) => {
        const r = byBank[factor][journeys];
        const total = summarise(r.totalMs);
        const parse = summarise(r.parseMs);
        const prev = k > 0 ? SIZES[k - 1] : undefined;
        const growth = prev ? ratio(total.median, warm(factor, prev).median) / (journeys / prev) : undefined;
        rows.push([
          `${factor === 1 ? 'built-in' : '4x'} (${r.questions} q)`,
          String(journeys),
          String(r.answers),
          `${(r.workbookBytes / 1024).toFixed(0)} KiB`,
          ms(r.cold.totalMs),
          span(summarise(r.reportMs)),
          span(summarise(r.markdownMs)),
          span(total),
          span(parse),
          fmtRatio(ratio(total.median, parse.median)),
          growth === undefined ? '' : growth.toFixed(2),
          `${((r.maxRssKb - base.maxRssKb) / 1024).toFixed(1)} MiB`,
        ]);
      });
    }
    for (const f of [1, 4]) {
      const big = byBank[f][200];
      results.summary.push({
        figure: `scale: 200 journeys, ${f === 1 ? 'built-in' : '4x'} bank (${big.answers} answers), buildReport + renderMarkdown, cold (first run)`,
        value: { cold: big.cold.totalMs },
        target: 1000,
        stat: 'cold',
        absolute: true,
        floor: { cold: big.cold.parseMs },
        floorLabel: 'JSON.parse',
        met: big.cold.totalMs < 1000,
      });
    }
    for (const f of [1, 4]) {
      for (const [a, b] of [
        [1, 10],
        [10, 100],
      ]) {
        const x = ratio(warm(f, b).median, warm(f, a).median);
        results.summary.push({
          figure: `scale: ${a} -> ${b} journeys (${f === 1 ? 'built-in' : '4x'} bank), time grows`,
          info: `${x.toFixed(1)}x (warm medians; target ≤ 12x)`,
          check: x <= 12,
        });
      }
    }
    results.sections.push({
      title: 'Scale: score + plan + markdown export',
      text:
        `\`buildReport\` (scores and plan) then \`renderMarkdown\`, in-process, on generated workbooks (every question of every journey answered, a note on each), ` +
        `one process per size: the first run is "cold" (what one \`cxray export\` pays, JIT included), then warm runs: at least ${ROUNDS.scaleReps} and 300 ms' worth (fewer for the largest sizes: at most ${ROUNDS.scaleBudgetMs / 1000} s per size). ` +
        `The floor is \`JSON.parse\` of the same workbook's file text (the least any command reading it pays). ` +
        `"growth" is (time / the previous size's time) / (size ratio), warm medians: 1.0 is linear. ` +
        `Peak memory is the process's max RSS above the same process with 0 journeys. ms: median (min–max).`,
      head: ['bank', 'journeys', 'answers', 'workbook', 'cold total', 'buildReport', 'renderMarkdown', 'total', 'floor: JSON.parse', 'ratio', 'growth', 'peak RSS above baseline'],
      rows,
    });
  }
});

// ---------------------------------------------------------------------------------------
rmSync(work, { recursive: true, force: true });
cleanBuilds({ all: true });
const load1 = loadavg();
const commit = (() => {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: root, encoding: 'utf8' }).trim();
    return dirty ? `${head} (src/ has uncommitted changes)` : head;
  } catch {
    return 'unknown';
  }
})();
const osName = (() => {
  try {
    return readFileSync('/etc/os-release', 'utf8').match(/PRETTY_NAME="([^"]+)"/)?.[1] ?? '';
  } catch {
    return '';
  }
})();

const md = [];
md.push('# cxray benchmarks', '');
md.push(`Written by \`npm run bench\` (bench/run.mjs)${quick ? ' in --quick mode (fewer rounds)' : ''}. Every figure is a ratio to a floor measured in the same run, interleaved with it; absolute times on a shared machine mean little.`, '');
md.push('| | |', '| --- | --- |');
md.push(`| date | ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} |`);
md.push(`| CPU | ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores |`);
md.push(`| node | ${process.version} |`);
md.push(`| OS | ${osName ? `${osName}, ` : ''}${osType()} ${release()} |`);
md.push(`| load average (1, 5, 15 min) | at start ${load0.map((x) => x.toFixed(2)).join(', ')}; at end ${load1.map((x) => x.toFixed(2)).join(', ')} |`);
md.push(`| commit | ${commit} |`);
md.push(`| built-in bank | ${results.bankQuestions} questions |`);
md.push(`| run time | ${((performance.now() - started) / 1000).toFixed(0)} s |`, '');

md.push('## Summary', '');
md.push('| figure | cxray | floor | ratio | target | met |', '| --- | --- | --- | --- | --- | --- |');
for (const s of results.summary) {
  if (s.missing) md.push(`| ${s.figure} | ${s.missing} | | | | |`);
  else if (s.check !== undefined) md.push(`| ${s.figure} | ${s.info ?? ''} | | | | ${s.check ? 'yes' : `**no** ${s.why ?? ''}`} |`);
  else if (s.info) md.push(`| ${s.figure} | ${s.info} | | | | |`);
  else if (s.absolute)
    md.push(`| ${s.figure} | ${ms(s.value[s.stat])} ms (${s.stat}) | ${s.floor ? `${ms(s.floor[s.stat])} ms (${s.floorLabel ?? 'raw durable write'})` : ''} | ${s.floor ? fmtRatio(ratio(s.value[s.stat], s.floor[s.stat])) : ''} | < ${s.target} ms | ${s.met ? 'yes' : '**no**'} |`);
  else
    md.push(
      `| ${s.figure} | ${ms(s.value?.[s.stat])} ms (${s.stat}) | ${ms(s.floor?.[s.stat])} ms | ${fmtRatio(s.ratio)} | ≤ ${s.target}x | ${s.met === undefined ? '–' : s.met ? 'yes' : `**no** (+${((s.ratio / s.target - 1) * 100).toFixed(0)}%)`} |`,
    );
}
md.push('');
for (const sec of results.sections) {
  md.push(`## ${sec.title}`, '', sec.text, '');
  if (sec.head) {
    md.push(`| ${sec.head.join(' | ')} |`, `| ${sec.head.map(() => '---').join(' | ')} |`);
    for (const r of sec.rows) md.push(`| ${r.join(' | ')} |`);
    md.push('');
  }
}
// What the figures mean where a target is missed (what the floor cannot show), kept by
// hand in bench/notes.md and copied into every results file.
const notesFile = join(root, 'bench', 'notes.md');
if (existsSync(notesFile)) md.push(readFileSync(notesFile, 'utf8').trim(), '');
writeFileSync(outFile, md.join('\n'));
log(`wrote ${outFile}`);
process.stdout.write(md.join('\n') + '\n');

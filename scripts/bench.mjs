#!/usr/bin/env node
// FlowGuard benchmark (issue 10, "Speed and scale"). Reports; it does not gate.
//
//   npm run bench [-- --runs N] [--only corpus|large|startup|many ...] [--quick] [--json FILE] [corpus-path] [runs]
//
// Sections (each with its target):
//   corpus   the CLI on the real-export corpus vs the floor process (scripts/floor.mjs)   ratio ≤ 1.5×
//   large    generated solutions, 300 flows/30 apps, 600/60 and 300/150 (scripts/generate-solution.mjs)
//            ratio to the floor ≤ 2×, peak RSS < 300 MB, growth time(600)/time(300) ≤ 2×
//   startup  the Action bundle (dist/index.js) from spawn to its first stdout line      < 300 ms
//   many     a git repository of 100 small solutions, one flow changed in the last commit:
//            `. --base-ref HEAD~1` vs the changed solution alone                        ≤ 1.5×
// Every measurement is a whole process (node start-up included), peak RSS from a preload
// (scripts/bench-rss.cjs). Runs are interleaved (floor, CLI, floor, CLI, …) so drift hits both.
// Generated inputs are cached in .tmp/bench/ by their arguments and the generator's code.
// Exit 0 whatever the figures; non-zero only when something fails to run (a process exits
// non-zero, or the CLI reports diagnostics / unbound calls on the generated solutions).
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BENCH_DIR = join(ROOT, '.tmp', 'bench');
const CLI = join(ROOT, 'dist', 'cli', 'index.js');
const ACTION = join(ROOT, 'dist', 'index.js');
const FLOOR = join(ROOT, 'scripts', 'floor.mjs');
const GENERATOR = join(ROOT, 'scripts', 'generate-solution.mjs');
const RSS_PRELOAD = join(ROOT, 'scripts', 'bench-rss.cjs');
const SECTIONS = ['corpus', 'large', 'startup', 'many'];
const LARGE_SIZES = [
  { flows: 300, apps: 30 },
  { flows: 600, apps: 60 },
  { flows: 300, apps: 150 }, // issue 19's large solution: two flows per app, five times the apps' formulas of 300/30
];
/** The growth pair: the same solution shape at twice the size. */
const GROWTH = ['300/30', '600/60'];
const MANY_COUNT = 100;
const MANY_CHANGED = 50; // the solution whose flow the second commit changes
const TARGETS = { corpusRatio: 1.5, largeRatio: 2, largeRssMB: 300, growth: 2, startupMs: 300, manyRatio: 1.5 };

// ---------------------------------------------------------------- arguments

function parseArgs(argv) {
  const o = { runs: 5, only: new Set(), quick: false, json: undefined, corpus: undefined };
  let runsGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--runs' || a.startsWith('--runs=')) {
      o.runs = Number(value());
      runsGiven = true;
    } else if (a === '--only' || a.startsWith('--only=')) for (const s of value().split(',')) o.only.add(s.trim());
    else if (a === '--quick') o.quick = true;
    else if (a === '--json' || a.startsWith('--json=')) o.json = resolve(value());
    else if (a === '-h' || a === '--help') o.help = true;
    else if (/^\d+$/.test(a)) {
      o.runs = Number(a); // the old positional form: bench.mjs [path] [runs]
      runsGiven = true;
    } else if (!a.startsWith('-')) o.corpus = resolve(a);
    else throw new Error(`unknown option '${a}' (see --help)`);
  }
  if (!Number.isInteger(o.runs) || o.runs < 1) throw new Error('--runs needs a positive integer');
  for (const s of o.only) if (!SECTIONS.includes(s)) throw new Error(`--only: unknown section '${s}' (${SECTIONS.join(', ')})`);
  if (o.quick) {
    if (!runsGiven) o.runs = 1;
    if (o.only.size === 0) o.only.add('corpus');
  }
  // A path given (the old `bench.mjs <path> [runs]` form) benchmarks that folder against the floor.
  if (o.only.size === 0 && o.corpus) o.only.add('corpus');
  if (o.only.size === 0) for (const s of SECTIONS) o.only.add(s);
  return o;
}

const HELP = `Usage: npm run bench [-- options] [corpus-path] [runs]
  --runs N      runs per measurement (default 5; --quick: 1)
  --only LIST   sections to run: ${SECTIONS.join(', ')} (repeatable or comma-separated)
  --quick       1 run, corpus only (the CI smoke test)
  --json FILE   write every figure to FILE
The corpus is ../shared/corpus, or FLOWGUARD_CORPUS, or the path given (a path alone runs the corpus section on it).
Peak RSS is the largest over the runs; times are medians with min–max.`;

// ---------------------------------------------------------------- measuring

let seq = 0;

/**
 * Runs `node <args>` as a whole process and returns its wall time, peak RSS and output.
 * With `firstLine`, also the time from spawn to the first complete stdout line.
 */
function measure(args, { cwd = ROOT, env = process.env, firstLine = false } = {}) {
  const rssFile = join(BENCH_DIR, `rss-${process.pid}-${seq++}.txt`);
  rmSync(rssFile, { force: true });
  const nodeOptions = [env.NODE_OPTIONS, `--require ${JSON.stringify(RSS_PRELOAD)}`].filter(Boolean).join(' ');
  return new Promise((resolvePromise) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd, env: { ...env, NODE_OPTIONS: nodeOptions, FLOWGUARD_BENCH_RSS_FILE: rssFile }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let first;
    let firstText;
    child.stdout.on('data', (d) => {
      stdout += d;
      if (firstLine && first === undefined && stdout.includes('\n')) {
        first = Number(process.hrtime.bigint() - t0) / 1e6;
        firstText = stdout.slice(0, stdout.indexOf('\n')).trim();
      }
    });
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (err) => resolvePromise({ ms: NaN, code: -1, stdout, stderr: String(err), rss: undefined }));
    child.on('close', (code, signal) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      let rss;
      try {
        for (const line of readFileSync(rssFile, 'utf8').split('\n')) {
          const [pid, bytes] = line.split(' ');
          if (Number(pid) === child.pid) rss = Number(bytes);
        }
        rmSync(rssFile, { force: true });
      } catch {
        // no RSS line: the process died before its exit handler ran
      }
      resolvePromise({ ms, code: code ?? (signal ? 128 : -1), signal, stdout, stderr, rss, first, firstText });
    });
  });
}

const sorted = (xs) => [...xs].sort((a, b) => a - b);
function stats(xs) {
  const s = sorted(xs.filter((x) => Number.isFinite(x)));
  if (s.length === 0) return { median: NaN, min: NaN, max: NaN, runs: xs };
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median, min: s[0], max: s[s.length - 1], runs: xs };
}
const MB = 1e6;
const fmtMs = (ms) => (!Number.isFinite(ms) ? 'n/a' : ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
const fmtSpread = (s) => `${fmtMs(s.median)} (${fmtMs(s.min)}–${fmtMs(s.max)})`;
const fmtMB = (b) => (b === undefined || !Number.isFinite(b) ? 'n/a' : `${(b / MB).toFixed(b >= 100 * MB ? 0 : 1)} MB`);
const fmtX = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : 'n/a');
let failedInSection = false;
/** ok / MISSED against a target; FAILED when something in the section failed to run, n/a without a figure. */
const verdict = (ok, value = 0) => (failedInSection ? 'FAILED' : ok === undefined ? '' : !Number.isFinite(value) ? 'n/a' : ok ? 'ok' : 'MISSED');

const failures = [];
function fail(what, r) {
  const lines = (r?.stderr ?? '').trim().split('\n').map((l) => l.trim()).filter(Boolean);
  const why = lines.find((l) => /error/i.test(l)) ?? lines.slice(-2).join(' | ');
  const detail = r ? ` (exit ${r.code}${r.signal ? `, ${r.signal}` : ''})${why ? `: ${why.slice(0, 300)}` : ''}` : '';
  failedInSection = true;
  failures.push(`${what}${detail}`);
  console.log(`  FAILED: ${what}${detail}`);
}

function readReport(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    return { error: err.message };
  }
}

/** Interleaved runs of several commands: a, b, a, b, … Returns one list of results per command. */
async function interleave(runs, commands, onResult) {
  const results = commands.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [k, c] of commands.entries()) {
      const r = await measure(c.args, c.options);
      results[k].push(r);
      onResult?.(c, r, i);
    }
  }
  return results;
}

/** Time and peak RSS over the runs that succeeded (a failed run is reported, never averaged in). */
function figure(results) {
  const ok = results.filter((r) => r.code === 0);
  return { time: stats(ok.map((r) => r.ms)), rss: stats(ok.map((r) => r.rss ?? NaN)), failedRuns: results.length - ok.length };
}

// ---------------------------------------------------------------- inputs

function hashOf(...parts) {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\u0000');
  return h.digest('hex').slice(0, 12);
}
const generatorCode = () => readFileSync(GENERATOR) + readFileSync(join(ROOT, 'scripts', 'solution-zip.mjs'));
const fileStamp = (p) => {
  const s = statSync(p);
  return `${p}|${s.size}|${s.mtimeMs}`;
};

async function loadGenerator() {
  return import(GENERATOR);
}

/** The large solution for a size, generated once per (source, size, generator code). */
async function largeSolution(gen, size) {
  const source = gen.DEFAULT_SOURCE;
  const key = hashOf(generatorCode(), fileStamp(source), JSON.stringify(size));
  const file = join(BENCH_DIR, `large-${size.flows}f${size.apps}a-${key}.zip`);
  if (existsSync(file)) return { file, cached: true, ms: 0 };
  prune(new RegExp(`^large-${size.flows}f${size.apps}a-[0-9a-f]+\\.zip$`));
  const t = Date.now();
  const r = gen.generateSolution({ source, flows: size.flows, apps: size.apps });
  writeFileSync(`${file}.part`, r.bytes);
  renameSync(`${file}.part`, file);
  return { file, cached: false, ms: Date.now() - t };
}

/** Removes earlier generated inputs (other generator code or source): they are never used again. */
function prune(pattern) {
  for (const name of readdirSync(BENCH_DIR)) if (pattern.test(name)) rmSync(join(BENCH_DIR, name), { recursive: true, force: true });
}

function git(cwd, ...args) {
  return execFileSync('git', ['-c', 'user.name=FlowGuard bench', '-c', 'user.email=bench@flowguard.invalid', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    env: { ...process.env, GIT_AUTHOR_DATE: '2024-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2024-01-01T00:00:00Z' },
    stdio: ['ignore', 'pipe', 'pipe'],
  }).toString();
}

/** A real git repository: 100 small solutions in one commit, one flow of one of them changed in the next. */
async function manyRepository(gen) {
  const source = gen.DEFAULT_MANY_SOURCE;
  const key = hashOf(generatorCode(), fileStamp(source), String(MANY_COUNT), String(MANY_CHANGED));
  const repo = join(BENCH_DIR, `many-${key}`);
  const ready = `${repo}.ready`;
  const solutions = join(repo, 'solutions');
  if (existsSync(ready) && existsSync(join(repo, '.git'))) {
    const name = readFileSync(ready, 'utf8').trim();
    if (name && existsSync(join(solutions, name))) return { repo, changed: `solutions/${name}`, cached: true, ms: 0 };
  }
  prune(/^many-[0-9a-f]+(\.ready)?$/);
  const t = Date.now();
  mkdirSync(repo, { recursive: true });
  git(repo, 'init', '-q');
  const files = gen.generateMany({ source, count: MANY_COUNT, dir: solutions });
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', `${MANY_COUNT} generated solutions`);
  // The same solution regenerated with its first flow's definition edited (same ids): only that zip changes.
  gen.generateMany({ source, count: MANY_COUNT, dir: solutions, editFlow: MANY_CHANGED, only: MANY_CHANGED });
  const diff = git(repo, 'status', '--porcelain').trim().split('\n').filter(Boolean);
  if (diff.length !== 1) throw new Error(`the second commit should change one file, it changes ${diff.length}`);
  git(repo, 'commit', '-q', '-am', `change one flow of ${relative(repo, files[MANY_CHANGED - 1])}`);
  const name = relative(solutions, files[MANY_CHANGED - 1]);
  writeFileSync(ready, `${name}\n`);
  return { repo, changed: `solutions/${name}`, cached: false, ms: Date.now() - t };
}

/** Checks a CLI report on generated input: no diagnostics, every call bound, the expected counts. */
function checkGenerated(what, report, expect) {
  if (report.error) return fail(`${what}: the report cannot be read (${report.error})`);
  const problems = [];
  if ((report.diagnostics ?? []).length > 0) problems.push(`${report.diagnostics.length} diagnostics (first: ${report.diagnostics[0].message})`);
  const fg104 = (report.findings ?? []).filter((f) => f.ruleId === 'FG104').length;
  if (fg104 > 0) problems.push(`${fg104} FG104 flow-not-found`);
  const solutions = report.solutions ?? [];
  const flows = solutions.reduce((n, s) => n + s.flows.length, 0);
  const apps = solutions.reduce((n, s) => n + s.apps.length, 0);
  const calls = solutions.flatMap((s) => s.apps.flatMap((a) => a.calls));
  const unbound = calls.filter((c) => !c.resolved).length;
  if (expect.solutions !== undefined && solutions.length !== expect.solutions) problems.push(`${solutions.length} solutions, expected ${expect.solutions}`);
  if (expect.flows !== undefined && flows !== expect.flows) problems.push(`${flows} flows, expected ${expect.flows}`);
  if (expect.apps !== undefined && apps !== expect.apps) problems.push(`${apps} apps, expected ${expect.apps}`);
  if (expect.flows !== undefined && calls.length !== expect.flows) problems.push(`${calls.length} app flow calls, expected ${expect.flows}`);
  if (unbound > 0) problems.push(`${unbound} unbound calls`);
  if (problems.length > 0) fail(`${what}: ${problems.join('; ')}`);
  return { flows, apps, calls: calls.length, findings: (report.findings ?? []).length };
}

// ---------------------------------------------------------------- sections

/** Where a CLI run writes its report; emptied first, so a check never reads an earlier run's report. */
const outFile = (name) => {
  const file = join(BENCH_DIR, `out-${name}.json`);
  rmSync(file, { force: true });
  return file;
};
const cliArgs = (paths, out, extra = []) => [CLI, ...paths, '--format', 'json', '--output', out, ...extra];
const rows = [];
const figures = {};

async function corpusSection(o) {
  console.log('\n== corpus: the CLI on the real exports vs the floor process');
  const root = o.corpus ?? process.env.FLOWGUARD_CORPUS ?? resolve(ROOT, '..', 'shared', 'corpus');
  if (!existsSync(root)) {
    console.log(`\n*** SKIPPED corpus: the real-export corpus is not at ${root} (set FLOWGUARD_CORPUS or pass its path). ***\n`);
    figures.corpus = { skipped: `no corpus at ${root}` };
    rows.push(['corpus', 'CLI / floor', 'SKIPPED (no corpus)', `≤ ${TARGETS.corpusRatio}×`, '']);
    return;
  }
  const out = outFile('corpus');
  await measure([FLOOR, root]); // warm the page cache; not counted
  const [floor, cli] = await interleave(o.runs, [
    { name: 'floor', args: [FLOOR, root] },
    { name: 'cli', args: cliArgs([root], out) },
  ], (c, r) => {
    if (r.code !== 0) fail(`corpus: ${c.name} run`, r);
  });
  const floorBytes = JSON.parse(floor.find((r) => r.code === 0)?.stdout || '{}');
  const report = readReport(out);
  const f = figure(floor);
  const g = figure(cli);
  const ratio = g.time.median / f.time.median;
  console.log(`  input: ${root} — ${floorBytes.files ?? '?'} files, ${fmtMB(floorBytes.diskBytes)} on disk, ${fmtMB(floorBytes.inflatedBytes)} inflated; ${report.solutions?.length ?? '?'} solutions, ${report.findings?.length ?? '?'} findings, ${report.diagnostics?.length ?? '?'} diagnostics`);
  console.log(`  floor: ${fmtSpread(f.time)}, peak RSS ${fmtMB(f.rss.max)}`);
  console.log(`  CLI:   ${fmtSpread(g.time)}, peak RSS ${fmtMB(g.rss.max)}`);
  console.log(`  ratio CLI / floor: ${fmtX(ratio)} (target ≤ ${TARGETS.corpusRatio}×) ${verdict(ratio <= TARGETS.corpusRatio, ratio)}`);
  figures.corpus = { path: root, input: floorBytes, floor: f, cli: g, ratio, solutions: report.solutions?.length, diagnostics: report.diagnostics?.length };
  rows.push(['corpus', 'CLI / floor (median)', `${fmtMs(g.time.median)} / ${fmtMs(f.time.median)} = ${fmtX(ratio)}`, `≤ ${TARGETS.corpusRatio}×`, verdict(ratio <= TARGETS.corpusRatio, ratio)]);
  rows.push(['corpus', 'peak RSS CLI (floor)', `${fmtMB(g.rss.max)} (${fmtMB(f.rss.max)})`, '', '']);
}

async function largeSection(o, gen) {
  console.log('\n== large: generated solutions (scripts/generate-solution.mjs) vs the floor process');
  if (!gen) return skipGenerated('large');
  const inputs = [];
  for (const size of LARGE_SIZES) {
    try {
      const s = await largeSolution(gen, size);
      const r = await measure([FLOOR, s.file]);
      const bytes = JSON.parse(r.stdout || '{}');
      console.log(`  ${size.flows} flows / ${size.apps} apps: ${relative(ROOT, s.file)} — ${fmtMB(bytes.diskBytes)} zip, ${fmtMB(bytes.inflatedBytes)} inflated (${s.cached ? 'cached' : `generated in ${fmtMs(s.ms)}`})`);
      inputs.push({ size, file: s.file, bytes });
    } catch (err) {
      fail(`large: generating ${size.flows}/${size.apps}: ${err.message}`);
      return;
    }
  }
  const commands = inputs.flatMap((x) => {
    x.out = outFile(`large-${x.size.flows}`);
    return [
      { name: `floor ${x.size.flows}`, input: x, args: [FLOOR, x.file] },
      { name: `CLI ${x.size.flows}`, input: x, args: cliArgs([x.file], x.out) },
    ];
  });
  const checked = new Set();
  const results = await interleave(o.runs, commands, (c, r) => {
    if (r.code !== 0) return fail(`large: ${c.name} run`, r);
    if (c.name.startsWith('CLI') && !checked.has(c.name)) {
      checked.add(c.name);
      checkGenerated(`large ${c.input.size.flows}/${c.input.size.apps}`, readReport(c.input.out), { solutions: 1, flows: c.input.size.flows, apps: c.input.size.apps });
    }
  });
  figures.large = { sizes: [] };
  const cliMedians = {};
  const floorMedians = {};
  inputs.forEach((x, i) => {
    const f = figure(results[2 * i]);
    const g = figure(results[2 * i + 1]);
    const ratio = g.time.median / f.time.median;
    const label = `${x.size.flows}/${x.size.apps}`;
    console.log(`  ${label}: floor ${fmtSpread(f.time)}, CLI ${fmtSpread(g.time)}; ratio ${fmtX(ratio)} (target ≤ ${TARGETS.largeRatio}×) ${verdict(ratio <= TARGETS.largeRatio, ratio)}`);
    console.log(`  ${label}: peak RSS CLI ${fmtMB(g.rss.max)} (target < ${TARGETS.largeRssMB} MB) ${verdict(g.rss.max < TARGETS.largeRssMB * MB, g.rss.max)}, floor ${fmtMB(f.rss.max)}`);
    figures.large.sizes.push({ ...x.size, file: relative(ROOT, x.file), input: x.bytes, floor: f, cli: g, ratio });
    cliMedians[label] = g.time.median;
    floorMedians[label] = f.time.median;
    rows.push([`large ${label}`, `CLI / floor (median; ${fmtMB(x.bytes.inflatedBytes)})`, `${fmtMs(g.time.median)} / ${fmtMs(f.time.median)} = ${fmtX(ratio)}`, `≤ ${TARGETS.largeRatio}×`, verdict(ratio <= TARGETS.largeRatio, ratio)]);
    rows.push([`large ${label}`, 'peak RSS CLI (floor)', `${fmtMB(g.rss.max)} (${fmtMB(f.rss.max)})`, `< ${TARGETS.largeRssMB} MB`, verdict(g.rss.max < TARGETS.largeRssMB * MB, g.rss.max)]);
  });
  if (GROWTH.every((l) => cliMedians[l] !== undefined)) {
    const growth = cliMedians[GROWTH[1]] / cliMedians[GROWTH[0]];
    const floorGrowth = floorMedians[GROWTH[1]] / floorMedians[GROWTH[0]];
    console.log(`  growth CLI time(600)/time(300): ${fmtX(growth)} (target ≤ ${TARGETS.growth}×) ${verdict(growth <= TARGETS.growth, growth)}; floor: ${fmtX(floorGrowth)}`);
    figures.large.growth = growth;
    figures.large.floorGrowth = floorGrowth;
    rows.push(['large', 'growth CLI 600/300 (floor)', `${fmtX(growth)} (${fmtX(floorGrowth)})`, `≤ ${TARGETS.growth}×`, verdict(growth <= TARGETS.growth, growth)]);
  }
}

async function startupSection(o) {
  console.log('\n== startup: the Action bundle (dist/index.js), spawn to first stdout line');
  if (!existsSync(ACTION)) {
    fail(`startup: ${relative(ROOT, ACTION)} is missing (npm run package)`);
    return;
  }
  // An empty workspace and a minimal environment: the action logs its run line, finds nothing, exits.
  const ws = join(BENCH_DIR, 'startup-workspace');
  const runner = join(BENCH_DIR, 'startup-runner');
  rmSync(ws, { recursive: true, force: true });
  mkdirSync(ws, { recursive: true });
  mkdirSync(runner, { recursive: true });
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? ws,
    GITHUB_WORKSPACE: ws,
    RUNNER_TEMP: runner,
    GITHUB_OUTPUT: join(runner, 'output.txt'),
    GITHUB_STEP_SUMMARY: join(runner, 'summary.md'),
  };
  const results = [];
  for (const f of [env.GITHUB_OUTPUT, env.GITHUB_STEP_SUMMARY]) writeFileSync(f, '');
  await measure([ACTION], { cwd: ws, env }); // warm-up, not counted
  for (let i = 0; i < o.runs; i++) {
    for (const f of [env.GITHUB_OUTPUT, env.GITHUB_STEP_SUMMARY]) writeFileSync(f, ''); // @actions/core appends to them
    const r = await measure([ACTION], { cwd: ws, env, firstLine: true });
    if (r.code !== 0 || r.first === undefined) fail('startup: node dist/index.js', r);
    results.push(r);
  }
  const first = stats(results.map((r) => r.first ?? NaN));
  const whole = stats(results.map((r) => r.ms));
  const line = results.find((r) => r.firstText)?.firstText ?? '(none)';
  console.log(`  first line: "${line}"`);
  console.log(`  spawn → first line: ${fmtSpread(first)} (target < ${TARGETS.startupMs} ms) ${verdict(first.median < TARGETS.startupMs, first.median)}; whole process ${fmtSpread(whole)}`);
  figures.startup = { firstLine: line, first, whole };
  rows.push(['startup', 'dist/index.js spawn → first line', fmtMs(first.median), `< ${TARGETS.startupMs} ms`, verdict(first.median < TARGETS.startupMs, first.median)]);
}

async function manySection(o, gen) {
  console.log(`\n== many: a git repository of ${MANY_COUNT} solutions, one flow changed in HEAD`);
  if (!gen) return skipGenerated('many');
  let m;
  try {
    m = await manyRepository(gen);
  } catch (err) {
    fail(`many: building the repository: ${err.message}`);
    return;
  }
  const r0 = await measure([FLOOR, join(m.repo, 'solutions')]);
  const bytes = JSON.parse(r0.stdout || '{}');
  console.log(`  repository: ${relative(ROOT, m.repo)} — ${bytes.files} zips, ${fmtMB(bytes.diskBytes)}, ${fmtMB(bytes.inflatedBytes)} inflated; changed: ${m.changed} (${m.cached ? 'cached' : `built in ${fmtMs(m.ms)}`})`);
  const prOut = outFile('many-pr');
  const oneOut = outFile('many-one');
  const checked = new Set();
  const [pr, one] = await interleave(o.runs, [
    { name: 'pr', args: cliArgs(['.'], prOut, ['--base-ref', 'HEAD~1']), options: { cwd: m.repo } },
    { name: 'one', args: cliArgs([m.changed], oneOut), options: { cwd: m.repo } },
  ], (c, r) => {
    if (r.code !== 0) return fail(`many: ${c.name === 'pr' ? '. --base-ref HEAD~1' : m.changed} run`, r);
    if (!checked.has(c.name)) {
      checked.add(c.name);
      const report = readReport(c.name === 'pr' ? prOut : oneOut);
      const expect = c.name === 'one' ? { solutions: 1 } : {};
      const s = checkGenerated(`many (${c.name === 'pr' ? 'pull-request mode' : 'one solution'})`, report, expect);
      if (c.name === 'pr' && s) console.log(`  pull-request mode analysed ${report.solutions?.length} solution(s), ${(report.changes ?? []).length} change(s) reported, ${s.findings} findings`);
    }
  });
  const p = figure(pr);
  const s = figure(one);
  const ratio = p.time.median / s.time.median;
  console.log(`  one solution alone:           ${fmtSpread(s.time)}, peak RSS ${fmtMB(s.rss.max)}`);
  console.log(`  . --base-ref HEAD~1 (${MANY_COUNT}):    ${fmtSpread(p.time)}, peak RSS ${fmtMB(p.rss.max)}`);
  console.log(`  ratio: ${fmtX(ratio)} (target ≤ ${TARGETS.manyRatio}×) ${verdict(ratio <= TARGETS.manyRatio, ratio)}`);
  figures.many = { repo: relative(ROOT, m.repo), changed: m.changed, input: bytes, pullRequest: p, single: s, ratio };
  rows.push(['many', `PR over ${MANY_COUNT} / one solution`, `${fmtMs(p.time.median)} / ${fmtMs(s.time.median)} = ${fmtX(ratio)}`, `≤ ${TARGETS.manyRatio}×`, verdict(ratio <= TARGETS.manyRatio, ratio)]);
}

function skipGenerated(section) {
  console.log(`\n*** SKIPPED ${section}: the generator's source exports are in the corpus, which is not available (set FLOWGUARD_CORPUS). ***\n`);
  figures[section] = { skipped: 'no corpus' };
  rows.push([section, '', 'SKIPPED (no corpus)', '', '']);
}

// ---------------------------------------------------------------- main

function table(header, body) {
  const all = [header, ...body];
  const w = header.map((_, i) => Math.max(...all.map((r) => String(r[i]).length)));
  const line = (r) => `| ${r.map((c, i) => String(c).padEnd(w[i])).join(' | ')} |`;
  return [line(header), `|${w.map((n) => '-'.repeat(n + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (o.help) return void console.log(HELP);
  mkdirSync(BENCH_DIR, { recursive: true });
  if (!existsSync(CLI)) {
    console.log('dist/cli/index.js is missing: building it (npm run package)');
    execFileSync('npm', ['run', 'package'], { cwd: ROOT, stdio: 'inherit' });
  }
  const head = (() => {
    try {
      return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    } catch {
      return 'unknown';
    }
  })();
  const env = { node: process.version, platform: `${process.platform}-${process.arch}`, cpus: cpus().length, cpu: cpus()[0]?.model ?? '', memoryMB: Math.round(totalmem() / MB), commit: head, cliBytes: statSync(CLI).size, date: new Date().toISOString() };
  console.log(`FlowGuard benchmark — ${o.runs} run(s) per measurement, sections: ${[...o.only].join(', ')}`);
  console.log(`node ${env.node} on ${env.platform}, ${env.cpus} CPU(s) (${env.cpu}), ${env.memoryMB} MB; commit ${env.commit}; every time is a whole process`);

  let gen;
  if (o.only.has('large') || o.only.has('many')) {
    const g = await loadGenerator();
    gen = existsSync(g.DEFAULT_SOURCE) && existsSync(g.DEFAULT_MANY_SOURCE) ? g : undefined;
  }
  const started = Date.now();
  const sections = { corpus: corpusSection, large: largeSection, startup: startupSection, many: manySection };
  for (const name of SECTIONS) {
    if (!o.only.has(name)) continue;
    failedInSection = false;
    const before = rows.length;
    await sections[name](o, gen);
    if (failedInSection && rows.length === before) rows.push([name, '', 'did not run (see above)', '', 'FAILED']);
  }

  console.log(`\n== summary (${o.runs} run(s) each, medians; ${fmtMs(Date.now() - started)} in all)\n`);
  console.log(table(['section', 'measure', 'value', 'target', 'result'], rows));
  if (o.json) {
    mkdirSync(dirname(o.json), { recursive: true });
    writeFileSync(o.json, `${JSON.stringify({ environment: env, runs: o.runs, targets: TARGETS, figures, failures }, null, 2)}\n`);
    console.log(`\nfigures written to ${o.json}`);
  }
  if (failures.length > 0) {
    console.log(`\n${failures.length} failure(s):\n${failures.map((f) => `  - ${f}`).join('\n')}`);
    process.exitCode = 1;
  }
}

main().catch((err) => {
  console.error(`bench: ${err.message}`);
  process.exit(2);
});

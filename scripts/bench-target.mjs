#!/usr/bin/env node
// The target check at scale (issue 17, point 4): a generated solution of 300 flows and 150 apps, the
// built CLI against the loopback Dataverse fake with 50 ms of latency on every request. Prints the
// whole run's wall time (goal: under 20 s), the requests sent and the most in flight (never more than 16).
// A benchmark, not a test: it asserts nothing about time.
//
//   npm run bench:target [-- --runs N --latency MS --concurrency N]
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { generateSolution } from './generate-solution.mjs';
import { readZip } from './solution-zip.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'cli', 'index.js');
const WORK = join(ROOT, '.tmp', 'bench-target');
const TOKEN = 'bench-target-token';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const RUNS = opt('--runs', 3);
const LATENCY = opt('--latency', 50);
const CONCURRENCY = opt('--concurrency', undefined);

/** The fake is a test helper in TypeScript: transpiled once into the work folder (it imports only node: modules). */
async function loadFake() {
  const source = readFileSync(join(ROOT, '__tests__', 'helpers', 'fake-dataverse.ts'), 'utf8');
  const out = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  const file = join(WORK, 'fake-dataverse.mjs');
  writeFileSync(file, out);
  return import(pathToFileURL(file).href);
}

function run(argv, env = {}) {
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [CLI, ...argv], { cwd: ROOT, env: { PATH: process.env.PATH, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
  });
}

/** A clean target for the generated export: installed one version lower, flows on with their definitions, connections bound, one managed layer each. */
function tablesFor(report, zip) {
  const entries = new Map(readZip(zip).map((e) => [e.name.replace(/\\/g, '/'), e]));
  const t = { solutions: [], workflows: [], canvasapps: [], connectionreferences: [], msdyn_componentlayers: [] };
  let n = 0;
  const guid = () => {
    const h = (++n).toString(16).padStart(12, '0');
    return `00000000-0000-4000-8000-${h}`;
  };
  const layer = (id, type, solution) => ({ msdyn_componentlayerid: guid(), msdyn_componentid: id, msdyn_solutioncomponentname: type, msdyn_solutionname: solution, msdyn_order: 1, msdyn_name: type, msdyn_publishername: 'Bench', msdyn_overwritetime: '2026-11-30T10:00:00Z', msdyn_componentjson: '{}' });
  for (const s of report.solutions) {
    t.solutions.push({ solutionid: guid(), uniquename: s.uniqueName, friendlyname: s.displayName, version: '0.0.0.1', ismanaged: true, installedon: '2026-11-30T10:00:00Z' });
    const refs = new Set();
    for (const f of s.flows) {
      const entry = entries.get(f.inner);
      t.workflows.push({ workflowid: f.id, name: f.name, category: 5, statecode: 1, statuscode: 2, clientdata: entry ? entry.data().toString('utf8') : '', ismanaged: true, type: 1, modifiedon: '2026-11-30T10:00:00Z' });
      t.msdyn_componentlayers.push(layer(f.id, 'Workflow', s.uniqueName));
      for (const c of f.connections) if (c.connectionReference) refs.add(`${c.connectionReference}\u0000${c.api}`);
    }
    for (const a of s.apps) {
      const id = guid();
      t.canvasapps.push({ canvasappid: id, name: a.name, displayname: a.displayName, ismanaged: true });
      t.msdyn_componentlayers.push(layer(id, 'CanvasApp', s.uniqueName));
    }
    for (const r of refs) {
      const [logical, api] = r.split('\u0000');
      const id = guid();
      t.connectionreferences.push({ connectionreferenceid: id, connectionreferencelogicalname: logical, connectorid: `/providers/Microsoft.PowerApps/apis/${api}`, connectionid: `conn-${n}`, statecode: 0, ismanaged: true });
      t.msdyn_componentlayers.push(layer(id, 'connectionreference', s.uniqueName));
    }
  }
  return t;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  mkdirSync(WORK, { recursive: true });
  const zipFile = join(WORK, 'target-300f150a.zip');
  const gen = generateSolution({ flows: 300, apps: 150 });
  writeFileSync(zipFile, gen.bytes);
  const rel = zipFile.slice(ROOT.length + 1);
  const offline = await run([rel, '--format', 'json']);
  if (offline.code !== 0) throw new Error(`offline run failed: ${offline.stderr}`);
  const report = JSON.parse(offline.stdout);
  const tables = tablesFor(report, readFileSync(zipFile));
  const { startFakeDataverse } = await loadFake();
  const fake = await startFakeDataverse({ tables, token: TOKEN, latencyMs: LATENCY });
  console.log(`target check: ${report.solutions[0].flows.length} flows, ${report.solutions[0].apps.length} apps, ${tables.connectionreferences.length} connection references; ${LATENCY} ms per request`);
  const times = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const before = fake.requests.length;
      const r = await run([rel, '--format', 'json', '--environment-url', fake.url, ...(CONCURRENCY ? ['--target-concurrency', String(CONCURRENCY)] : [])], { FLOWGUARD_DATAVERSE_TOKEN: TOKEN });
      const out = JSON.parse(r.stdout);
      const fg6 = out.findings.filter((f) => f.ruleId.startsWith('FG6')).length;
      times.push(r.ms);
      console.log(`  run ${i + 1}: ${(r.ms / 1000).toFixed(2)} s, ${fake.requests.length - before} requests, status ${out.target.status}, ${fg6} target findings, ${out.target.checked.layerQueries} layer queries`);
    }
  } finally {
    await fake.close();
  }
  console.log(`offline run: ${(offline.ms / 1000).toFixed(2)} s`);
  console.log(`whole run with the target check: median ${(median(times) / 1000).toFixed(2)} s (goal < 20 s); most requests in flight: ${fake.maxInFlight} (cap ${CONCURRENCY ?? 4}, never more than 16)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

/** The benchmark's solution generator (scripts/generate-solution.mjs), run small on a real export and read back by the engine. */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { analyze, type Analysis } from '../../src/engine.js';
import { CORPUS, describeCorpus, PROJECT_ROOT } from '../helpers/corpus.js';

const GENERATOR = join(PROJECT_ROOT, 'scripts', 'generate-solution.mjs');
/** The generator's default source (an app calling a V1 and a V2 flow, bound by WorkflowEntityId). */
const SOURCE = join(CORPUS, 'pnpapps-incident-management-teams', 'MSFTPOCIncidentsApp_1_0_0_9.zip');
const MANY_SOURCE = join(CORPUS, 'pnp-contoso-school', 'ContosoSchool.zip');

function generate(...args: string[]): void {
  execFileSync(process.execPath, [GENERATOR, '--quiet', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

describeCorpus('generate-solution.mjs: 12 flows and 3 apps from a real export', () => {
  let dir = '';
  let generated: Analysis;
  let source: Analysis;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fg-generate-'));
    generate('--source', SOURCE, '--flows', '12', '--apps', '3', '--out', join(dir, 'a.zip'));
    generate('--source', SOURCE, '--flows', '12', '--apps', '3', '--out', join(dir, 'b.zip'));
    generated = await analyze({ cwd: dir, paths: ['a.zip'] });
    source = await analyze({ cwd: dirname(SOURCE), paths: [basename(SOURCE)] });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one solution with 12 flows and 3 apps, and nothing FlowGuard cannot read', () => {
    expect(generated.workspace.diagnostics).toEqual([]);
    expect(generated.workspace.solutions).toHaveLength(1);
    const [s] = generated.workspace.solutions;
    expect(s?.uniqueName).toBe('MSFTPOCIncidentsApp_12f3a');
    expect(s?.flows).toHaveLength(12);
    expect(s?.apps).toHaveLength(3);
  });

  it('binds every flow call of every app by each id the app stores, with a call site in a formula', () => {
    const s = generated.workspace.solutions[0];
    const flowIds = new Set(s?.flows.map((f) => f.id));
    const calls = s?.apps.flatMap((a) => a.calls) ?? [];
    for (const app of s?.apps ?? []) expect(app.calls).toHaveLength(4);
    for (const call of calls) {
      expect(call.binding).toMatchObject({ resolvedBy: 'workflowEntityId', confidence: 'high' });
      expect(flowIds.has(call.binding.flowId as string)).toBe(true);
      expect(call.hints.localConnectionReference).toBe(call.binding.flowId);
      expect(call.hints.appRecord).toBe(call.binding.flowId);
      expect(call.formulas?.callSites.length).toBeGreaterThan(0);
    }
    // Every flow is called, by exactly one app.
    expect(calls.map((c) => c.binding.flowId).sort()).toEqual([...flowIds].sort());
  });

  it('keeps every stored signature consistent: no FG1xx finding (no FG104, no drift, no unused data source)', () => {
    expect(generated.findings.filter((f) => f.ruleId.startsWith('FG1'))).toEqual([]);
    // What the source reports (connection modes) is reported once per call of the copies.
    const ruleIds = (a: Analysis): Set<string> => new Set(a.findings.map((f) => f.ruleId));
    expect(ruleIds(generated)).toEqual(ruleIds(source));
  });

  it('gives every flow and app fresh, distinct ids and names', () => {
    const s = generated.workspace.solutions[0];
    const old = source.workspace.solutions[0];
    const ids = s?.flows.map((f) => f.id) ?? [];
    expect(new Set(ids).size).toBe(12);
    expect(new Set(s?.flows.map((f) => f.name)).size).toBe(12);
    for (const f of old?.flows ?? []) expect(ids).not.toContain(f.id);
    const apps = s?.apps.map((a) => a.name) ?? [];
    expect(new Set(apps).size).toBe(3);
    expect(new Set(s?.apps.map((a) => a.displayName)).size).toBe(3);
    for (const a of old?.apps ?? []) expect(apps).not.toContain(a.name);
    const dataSources = s?.apps.flatMap((a) => a.calls.map((c) => c.dataSource)) ?? [];
    expect(new Set(dataSources).size).toBe(12);
  });

  it('is deterministic: the same arguments give byte-identical zips', () => {
    expect(readFileSync(join(dir, 'a.zip')).equals(readFileSync(join(dir, 'b.zip')))).toBe(true);
  });
});

describeCorpus('generate-solution.mjs --solutions: distinct small solutions', () => {
  let dir = '';
  let generated: Analysis;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fg-generate-many-'));
    generate('--source', MANY_SOURCE, '--solutions', '3', '--out-dir', join(dir, 'solutions'));
    generated = await analyze({ cwd: dir, paths: ['solutions'] });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes solutions with distinct unique names and ids, each binding its own flows', () => {
    expect(readdirSync(join(dir, 'solutions')).sort()).toEqual(['ContosoSchoolGen001.zip', 'ContosoSchoolGen002.zip', 'ContosoSchoolGen003.zip']);
    expect(generated.workspace.diagnostics).toEqual([]);
    const solutions = generated.workspace.solutions;
    expect(new Set(solutions.map((s) => s.uniqueName)).size).toBe(3);
    const ids = solutions.flatMap((s) => s.flows.map((f) => f.id));
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
    for (const s of solutions) {
      for (const call of s.apps.flatMap((a) => a.calls)) {
        expect(call.binding.solutionPath).toBe(s.path);
        expect(s.flows.map((f) => f.id)).toContain(call.binding.flowId);
      }
    }
    expect(generated.findings.filter((f) => f.ruleId.startsWith('FG1'))).toEqual([]);
  });

  it('--edit-flow K rewrites only solution K (the benchmark\'s one-flow-changed commit)', () => {
    generate('--source', MANY_SOURCE, '--solutions', '3', '--out-dir', join(dir, 'edited'), '--edit-flow', '2');
    const same = (name: string): boolean => readFileSync(join(dir, 'solutions', name)).equals(readFileSync(join(dir, 'edited', name)));
    expect(['ContosoSchoolGen001.zip', 'ContosoSchoolGen002.zip', 'ContosoSchoolGen003.zip'].map(same)).toEqual([true, false, true]);
  });
});

/**
 * Pull-request mode reads what a change can affect (engine.ts, readTouched): the touched solutions in
 * full, the untouched ones as an index with only the apps whose records may call a touched flow, and
 * nothing more of the base. These tests hold it to the verdicts of reading everything: an untouched
 * solution's app that calls a changed or removed flow is still judged, and an untouched app that
 * calls only its own untouched flow is left unread.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyze, analyzeChange } from '../../src/engine.js';
import { flowsNamedByRecord } from '../../src/model/canvas-app.js';
import { PROJECT_ROOT } from '../helpers/corpus.js';
import { TestRepo } from '../helpers/git-repo.js';

const BASE = join(PROJECT_ROOT, 'examples', 'base', 'contoso-requests');
const HEAD = join(PROJECT_ROOT, 'examples', 'contoso-requests');
const FLOW = 'Workflows/SubmitRequest-6E2C1A0B-4D3F-4B8E-9A51-2F7C8D9E0A11.json';
const FLOW_ID = '6e2c1a0b-4d3f-4b8e-9a51-2f7c8d9e0a11';

const repos: TestRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.remove();
});

/** The example's files under `prefix`, each passed through `edit` (names and contents). */
function variant(prefix: string, edit: (text: string) => string, skip: (rel: string) => boolean = () => false): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const abs = join(dir, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else {
        const rel = relative(BASE, abs).split('\\').join('/');
        if (!skip(rel)) out[`${prefix}/${edit(rel)}`] = edit(readFileSync(abs, 'utf8'));
      }
    }
  };
  walk(BASE);
  return out;
}

/**
 * solutions/requests: the example before the change (app and flow agree).
 * solutions/portal: another solution whose app calls the requests flow (it ships no flow of its own).
 * solutions/other: an unrelated solution with its own flow and app, whose app document is missing:
 * reading that app gives a diagnostic, so the diagnostic shows whether it was read.
 */
function threeSolutions(): { repo: TestRepo; base: string } {
  const repo = new TestRepo();
  repos.push(repo);
  const portal = (t: string): string => t.replace(/ContosoRequests/g, 'ContosoPortal');
  const other = (t: string): string =>
    t.replace(/ContosoRequests/g, 'ContosoOther').replace(/6e2c1a0b-4d3f-4b8e-9a51-2f7c8d9e0a11/gi, (m) => (m === m.toUpperCase() ? '7F3D2B1C-5E40-4C9F-8B62-3A8D9E0F1B22' : '7f3d2b1c-5e40-4c9f-8b62-3a8d9e0f1b22')).replace(/cr_requestsapp_1a2b3/g, 'cr_otherapp_9z8y7');
  repo.write({
    ...variant('solutions/requests', (t) => t),
    ...variant('solutions/portal', portal, (rel) => rel.startsWith('Workflows/')),
    ...variant('solutions/other', other, (rel) => rel.startsWith('CanvasApps/src/')),
  });
  return { repo, base: repo.commit('three solutions') };
}

const pr = async (repo: TestRepo) => analyzeChange({ cwd: repo.dir, paths: ['solutions'], base: { ref: 'HEAD~1' } });
const summary = (findings: { ruleId: string; status?: string; solution: { uniqueName: string } }[]) => findings.map((f) => `${f.solution.uniqueName} ${f.ruleId} ${f.status}`).sort();

describe('pull-request mode reads only what the change can affect', () => {
  it('judges the app of an untouched solution that calls the changed flow, and leaves an unrelated app unread', async () => {
    const { repo } = threeSolutions();
    repo.write({ [`solutions/requests/${FLOW}`]: readFileSync(join(HEAD, FLOW), 'utf8') });
    repo.commit('change the flow without re-binding its apps');

    const r = await pr(repo);
    const fg105 = r.findings.filter((f) => f.ruleId === 'FG105');
    expect(fg105.map((f) => [f.solution.uniqueName, f.app?.name, f.flow?.id, f.status]).sort()).toEqual([
      ['ContosoPortal', 'cr_requestsapp_1a2b3', FLOW_ID, 'new'],
      ['ContosoRequests', 'cr_requestsapp_1a2b3', FLOW_ID, 'new'],
    ]);
    // The portal app's drift against the changed flow is its evidence, call site included.
    const portal = fg105.find((f) => f.solution.uniqueName === 'ContosoPortal')!;
    expect(portal.evidence?.map((e) => e.ruleId)).toEqual(['FG101', 'FG102', 'FG103']);
    expect(portal.sites?.map((s) => `${s.screen} › ${s.control}.${s.property}`)).toEqual(['New Request › btnSubmit.OnSelect']);
    // The report lists what the change can affect: the touched solution and the portal app that calls its flow.
    expect(r.report.solutions.map((x) => [x.uniqueName, x.apps.length, x.flows.length])).toEqual([
      ['ContosoPortal', 1, 0],
      ['ContosoRequests', 1, 1],
    ]);
    // solutions/other was not touched and its app calls only its own flow: not read, so no diagnostic about it.
    expect(r.report.diagnostics.filter((d) => d.file.startsWith('solutions/other'))).toEqual([]);
    // Reading everything (an audit) does read it, and says its document is missing.
    const audit = await analyze({ cwd: repo.dir, paths: ['solutions'] });
    expect(audit.report.diagnostics.filter((d) => d.file.startsWith('solutions/other')).map((d) => d.message)).toEqual([expect.stringContaining("canvas app 'cr_otherapp_9z8y7'")]);
  });

  it('judges the app of an untouched solution whose flow the change removed (its FG104 is new, not out of scope)', async () => {
    const { repo } = threeSolutions();
    repo.write({ [`solutions/requests/${FLOW}`]: null, [`solutions/requests/${FLOW}.data.xml`]: null });
    repo.commit('remove the flow');
    const r = await pr(repo);
    expect(summary(r.findings.filter((f) => f.ruleId === 'FG104'))).toEqual(['ContosoPortal FG104 new', 'ContosoRequests FG104 new']);
  });

  it('reads the definition of an untouched flow that a touched app calls, and judges the call', async () => {
    const { repo } = threeSolutions();
    // The requests flow drifts from what the portal app stored; then a change touches only the portal.
    repo.write({ [`solutions/requests/${FLOW}`]: readFileSync(join(HEAD, FLOW), 'utf8') });
    repo.commit('the flow drifts (not re-bound)');
    const xml = join(repo.dir, 'solutions/portal/Other/Solution.xml');
    repo.write({ 'solutions/portal/Other/Solution.xml': readFileSync(xml, 'utf8').replace('<Version>1.1.0.0</Version>', '<Version>1.1.0.1</Version>') });
    repo.commit('bump the portal');
    const r = await pr(repo);
    const drift = r.findings.filter((f) => f.solution.uniqueName === 'ContosoPortal' && /^FG10[123]$/.test(f.ruleId));
    expect(drift.map((f) => `${f.ruleId} ${f.flow?.id} ${f.status}`).sort()).toEqual([`FG101 ${FLOW_ID} existing`, `FG102 ${FLOW_ID} existing`, `FG103 ${FLOW_ID} existing`]);
    // The untouched flow the portal app calls is reported with the signature read from its definition.
    const requests = r.report.solutions.find((x) => x.uniqueName === 'ContosoRequests');
    expect(requests?.flows.map((f) => [f.id, f.inputs.map((i) => i.name)])).toEqual([[FLOW_ID, ['text', 'text_1', 'text_2']]]);
    // Nothing of the untouched requests solution itself is reported.
    expect(r.findings.filter((f) => f.solution.uniqueName === 'ContosoRequests')).toEqual([]);
  });

  it('gives the findings of reading everything for the touched solutions', async () => {
    const { repo } = threeSolutions();
    repo.write({ [`solutions/requests/${FLOW}`]: readFileSync(join(HEAD, FLOW), 'utf8') });
    repo.commit('change the flow');
    const scoped = await pr(repo);
    // The same comparison with every solution counted as touched (an explicit base path reads all).
    repo.git('worktree', 'add', '-q', 'base-tree', 'HEAD~1');
    const full = await analyzeChange({ cwd: repo.dir, paths: ['solutions'], base: { path: 'base-tree/solutions' } });
    const newOnes = (fs: { ruleId: string; status?: string; fingerprint: string }[]) => fs.filter((f) => f.status === 'new').map((f) => `${f.ruleId} ${f.fingerprint}`).sort();
    expect(newOnes(scoped.findings)).toEqual(newOnes(full.findings));
    expect(newOnes(scoped.findings).length).toBeGreaterThan(3);
    expect((scoped.report.fixed ?? []).map((f) => f.fingerprint).sort()).toEqual((full.report.fixed ?? []).map((f) => f.fingerprint).sort());
  });
});

describe('flowsNamedByRecord (which flows an app record says the app calls)', () => {
  const flowEntry = (hints: Record<string, unknown>) => ({ id: '/providers/microsoft.powerapps/apis/shared_logicflows', dataSources: ['F'], parameterHints: hints });
  it.each([
    ['the workflow ids of its flow connections', { a: flowEntry({ workflowEntityId: { value: '{6E2C1A0B-4D3F-4B8E-9A51-2F7C8D9E0A11}' } }), b: { id: '/providers/microsoft.powerapps/apis/shared_sharepointonline' } }, [FLOW_ID]],
    ['no flow for a record whose connections are all to other connectors', { b: { id: '/providers/microsoft.powerapps/apis/shared_sharepointonline' } }, []],
    ['"cannot tell" for a flow connection without the hint', { a: flowEntry({ workflowName: { value: 'x' } }) }, undefined],
    ['"cannot tell" for a record with no connections at all', {}, undefined],
  ])('gives %s', (_what, refs, expected) => {
    expect(flowsNamedByRecord(refs)).toEqual(expected);
  });
});

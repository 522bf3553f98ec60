import { afterEach, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { analyzeChange } from '../../src/engine.js';
import { CORPUS, describeCorpus } from '../helpers/corpus.js';
import { TestRepo } from '../helpers/git-repo.js';

/** Builds a repository whose first commit holds the base export and whose second holds the head export, then compares with --base-ref. */
async function compare(base: Record<string, string>, head: Record<string, string>) {
  const repo = new TestRepo();
  repos.push(repo);
  repo.write(Object.fromEntries(Object.entries(base).map(([to, from]) => [to, { from: join(CORPUS, from) }])));
  repo.commit('base export');
  repo.git('checkout', '-q', '-b', 'feature');
  repo.write(Object.fromEntries(Object.keys(base).map((k) => [k, null])));
  repo.write(Object.fromEntries(Object.entries(head).map(([to, from]) => [to, { from: join(CORPUS, from) }])));
  repo.commit('head export');
  return analyzeChange({ cwd: repo.dir, paths: ['.'], base: { ref: 'main' } });
}

const repos: TestRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.remove();
});

describeCorpus('pull-request mode on the corpus history pairs', () => {
  it('reports the embedded → invoker switch of UpdateCreatedBy as new (file renamed with the version)', async () => {
    const r = await compare(
      { 'solution/UpdateCreatedBy_1_0_0_1.zip': 'pnp-sp-list-update-created-by@1418080/UpdateCreatedBy_1_0_0_1.zip' },
      { 'solution/sharepoint-list-update-created-by.zip': 'pnp-sp-list-update-created-by/sharepoint-list-update-created-by.zip' },
    );
    expect(r.pairs.map((p) => p.pairedBy)).toEqual(['unique-name']);
    const mode = r.findings.filter((f) => f.ruleId === 'FG301');
    expect(mode).toHaveLength(1);
    expect(mode[0]).toMatchObject({ status: 'new', flow: { name: 'Update Created By' } });
    expect(mode[0]?.message).toContain("'shared_sharepointonline-1'");
    const flowChange = r.report.changes?.find((c) => c.kind === 'flow');
    expect(flowChange?.change).toBe('signature-changed');
    expect(flowChange?.details).toEqual(expect.arrayContaining(["connection 'shared_sharepointonline' (shared_sharepointonline, embedded) removed", "connection 'shared_sharepointonline-1' (shared_sharepointonline, invoker) added"]));
    expect(r.findings.every((f) => f.status !== undefined)).toBe(true);
    // The connection reference was renamed, and the flow's key moved with it: every target needs a connection for the new name.
    const ref = r.report.changes?.filter((c) => c.kind === 'connectionReference');
    expect(ref?.map((c) => [c.change, c.previousName, c.name])).toEqual([['renamed', 'glynn_sharedsharepointonline_a701f', 'glynn_SharePoint']]);
    expect(ref?.[0]?.details).toContain("flow 'Update Created By': connection 'shared_sharepointonline' → 'shared_sharepointonline-1'");
    expect(ref?.[0]?.targetNeeds?.[0]).toBe("a shared_sharepointonline connection for 'glynn_SharePoint'");
  });

  it("reports SharePoint Assistant's changed connections and that the app was not re-bound", async () => {
    const r = await compare({ 'src/solution': 'pnp-sharepoint-site-assistant-src@2a2154b' }, { 'src/solution': 'pnp-sharepoint-site-assistant-src' });
    const rebind = r.findings.filter((f) => f.ruleId === 'FG105');
    expect(rebind).toHaveLength(1);
    expect(rebind[0]).toMatchObject({ status: 'new', severity: 'error', app: { name: 'kch_sharepointassistant_35d1a' }, flow: { id: '2ce870d2-ab19-ee11-8f6d-6045bdf5263a' } });
    expect(rebind[0]?.message).toContain("connection 'shared_sharepointonline' (shared_sharepointonline, invoker) removed");
    // One cause, one entry: the app's stale connections (FG103) are the change's evidence, not a second finding.
    expect(r.findings.filter((f) => f.ruleId === 'FG103')).toEqual([]);
    expect(rebind[0]?.evidence?.map((e) => `${e.ruleId} ${e.severity}`)).toEqual(['FG103 warning']);
    // The base's flow named a connection reference the solution did not define; the head's does not.
    expect(r.report.fixed?.some((f) => f.ruleId === 'FG302')).toBe(true);
    // One subject, one entry: the connection-mode note of the same app and flow changed; it is not new and fixed.
    const mode = r.findings.filter((f) => f.ruleId === 'FG301');
    expect(mode.map((f) => f.status)).toEqual(['changed']);
    expect(mode[0]?.previous?.message).toContain('shared_office365 (shared_office365_1): invoker');
    expect(r.report.fixed?.some((f) => f.ruleId === 'FG301')).toBe(false);
    const appChange = r.report.changes?.filter((c) => c.kind === 'app') ?? [];
    expect(appChange).toEqual([]);
    expect(r.report.changes?.find((c) => c.kind === 'solution' && c.change === 'version')?.details).toEqual(['1.0.0.3 → 1.0.0.5']);
  });

  it('reports no new drift for Patch Tuesday, where only the app changed', async () => {
    const r = await compare({ 'src/solution': 'pnp-patch-tuesday-src@203f322' }, { 'src/solution': 'pnp-patch-tuesday-src' });
    const newFindings = r.findings.filter((f) => f.status === 'new');
    expect(newFindings.filter((f) => /^FG1/.test(f.ruleId))).toEqual([]);
    expect(r.report.changes?.filter((c) => c.kind === 'flow')).toEqual([]);
    // The app gained its WorkflowEntityId but kept the version: that is worth a warning, not drift.
    expect(newFindings.map((f) => f.ruleId)).toEqual(['FG403']);
    const call = r.workspace.solutions[0]?.apps[0]?.calls[0];
    expect(call?.binding).toMatchObject({ resolvedBy: 'workflowEntityId', confidence: 'high' });
  });
});

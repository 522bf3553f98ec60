import { beforeAll, expect, it } from '@jest/globals';
import { workingTree } from '../../src/source/folder.js';
import { loadWorkspace } from '../../src/model/workspace.js';
import type { Solution, Workspace } from '../../src/model/types.js';
import { CORPUS, describeCorpus, manifestRows, type ManifestRow } from '../helpers/corpus.js';

const LAYOUTS: Record<string, Solution['layout']> = {
  zip: 'zip',
  'unpacked-packager': 'unpacked',
  'extracted-zip': 'extracted-zip',
  'legacy-package': 'legacy-package',
};

function expectedManaged(m: string): Solution['managed'] {
  if (m === 'yes') return 'managed';
  if (m === 'no') return 'unmanaged';
  if (m.includes('Managed=2')) return 'both';
  return 'unknown';
}

/**
 * Where FlowGuard and the manifest's script disagree, FlowGuard is right, for the reason given.
 * The legacy export package writes run-only connections as `"source": "Invoker"` (not
 * `runtimeSource`), which the manifest's script does not read (solution-format.md §3.2).
 */
const RUNTIME_SOURCE_OVERRIDES: Record<string, string[]> = {
  'pnpapps-event-registration-legacy': ['invoker'],
};

describeCorpus('corpus: every folder matches the facts in MANIFEST.md', () => {
  let workspace: Workspace;
  const rows = manifestRows();

  beforeAll(async () => {
    workspace = await loadWorkspace(await workingTree(CORPUS, ['.']));
  });

  const solutionsOf = (folder: string): Solution[] => workspace.solutions.filter((s) => s.path === folder || s.path.startsWith(`${folder}/`));

  it('reads the 34 folders the manifest lists, without diagnostics', () => {
    expect(rows).toHaveLength(34);
    expect(workspace.diagnostics).toEqual([]);
    for (const row of rows) expect(solutionsOf(row.folder)).toHaveLength(1);
  });

  it.each(rows.map((r) => [r.folder, r] as [string, ManifestRow]))('%s', (folder, row) => {
    const [s] = solutionsOf(folder) as [Solution];
    expect(s.layout).toBe(LAYOUTS[row.layout]);
    expect(s.managed).toBe(expectedManaged(row.managed));
    expect(s.apps).toHaveLength(row.canvasApps);
    expect(s.flows).toHaveLength(row.flows);
    expect(s.flows.filter((f) => f.trigger?.powerApps !== undefined)).toHaveLength(row.paTriggerFlows);
    expect(s.connectionReferences).toHaveLength(row.connectionReferences);
    expect(s.flows.flatMap((f) => f.responses).filter((r) => r.kind === 'PowerApp')).toHaveLength(row.respondToPowerApp);

    const runtimeSources = [...new Set(s.flows.flatMap((f) => f.connections.map((c) => c.runtimeSource)))].sort();
    expect(runtimeSources).toEqual(RUNTIME_SOURCE_OVERRIDES[folder] ?? row.runtimeSources);

    const off = s.flows.filter((f) => f.state === 'off').map((f) => f.origin.inner ?? f.origin.file);
    expect(off.map((p) => p.slice(p.lastIndexOf('/') + 1))).toEqual(row.flowsOff);

    // "yes: <app> N flow ds [Kind], M resolve in-solution"
    const calls = s.apps.flatMap((a) => a.calls);
    const m = /^yes: (\S+) (\d+) flow ds \[(\w+)\], (\d+) resolve in-solution$/.exec(row.appFlow);
    if (!m) {
      expect(calls).toEqual([]);
      return;
    }
    expect(calls).toHaveLength(Number(m[2]));
    expect(new Set(calls.map((c) => c.serviceKind))).toEqual(new Set([m[3]]));
    const inSolution = calls.filter((c) => c.hints.workflowEntityId !== undefined && s.flows.some((f) => f.id === c.hints.workflowEntityId));
    expect(inSolution).toHaveLength(Number(m[4]));
    if (s.layout !== 'legacy-package') expect(s.apps.map((a) => a.name)).toContain(m[1]);
  });
});

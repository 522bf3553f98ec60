import { describe, expect, it } from '@jest/globals';
import type { FlowCall, Workspace } from '../../src/model/types.js';
import {
  appRecordConnectorEntry,
  appRecordFlowEntry,
  connectorConnectionEntry,
  flowConnectionEntry,
  flowJson,
  msapp,
  solutionZip,
  unpackedTree,
  wadlXml,
  type AppSpec,
  type FlowDataSourceSpec,
  type FlowFileSpec,
  type MsappOptions,
  type SolutionSpec,
} from '../helpers/solution-builder.js';
import { load, solutionAt } from './fixtures.js';

const FLOW = '0a1b2c3d-0000-4000-8000-0000000000f1';
const OTHER_FLOW = '0a1b2c3d-0000-4000-8000-0000000000f2';
const UNKNOWN = '0a1b2c3d-0000-4000-8000-0000000000ee';
const CONN = 'c0ffee00-0000-4000-8000-000000000001';
const CONN_SP = 'c0ffee00-0000-4000-8000-000000000002';

const flowFile = (id: string, name: string): FlowFileSpec => ({
  id,
  name,
  json: flowJson({
    trigger: 'PowerAppV2',
    inputs: [{ name: 'text', type: 'string', title: 'Query' }],
    connections: [{ key: 'shared_sharepointonline', api: 'shared_sharepointonline', runtimeSource: 'invoker', connectionReference: 'cts_sp' }],
  }),
});

const dataSource = (over: Partial<FlowDataSourceSpec> = {}): FlowDataSourceSpec => ({
  name: 'SearchItems',
  wadl: wadlXml({ title: 'Search Items', inputs: [{ name: 'text', type: 'string', required: true, title: 'Query' }], outputs: undefined }),
  ...over,
});

async function appWith(o: { ds: FlowDataSourceSpec; lcr?: MsappOptions['localConnectionReferences']; record?: Record<string, unknown> }, name = 'cts_searchapp_00001'): Promise<AppSpec> {
  return {
    name,
    displayName: 'Search App',
    msapp: await msapp({ dataSources: [o.ds], localConnectionReferences: o.lcr ?? {} }),
    ...(o.record ? { connectionReferences: o.record } : {}),
  };
}

function onlyCall(ws: Workspace, path: string): FlowCall {
  const calls = solutionAt(ws, path).apps.flatMap((a) => a.calls);
  expect(calls).toHaveLength(1);
  return calls[0] as FlowCall;
}

async function zipAndUnpacked(spec: SolutionSpec): Promise<Workspace> {
  return load({ 'sol.zip': await solutionZip(spec), ...unpackedTree(spec, 'src') });
}

describe('binding an app flow call to a flow', () => {
  it('uses the data source WorkflowEntityId first', async () => {
    // The LCR and the app record point elsewhere: the data source's own id wins.
    const app = await appWith({
      ds: dataSource({ workflowEntityId: FLOW.toUpperCase() }),
      lcr: { [CONN]: flowConnectionEntry({ id: CONN, dataSources: ['SearchItems'], workflowEntityId: OTHER_FLOW }) },
      record: { [CONN]: appRecordFlowEntry({ dataSources: ['SearchItems'], workflowEntityId: OTHER_FLOW }) },
    });
    const ws = await zipAndUnpacked({ solution: { uniqueName: 'S' }, flows: [flowFile(FLOW, 'Search Items'), flowFile(OTHER_FLOW, 'Other')], apps: [app] });
    for (const path of ['sol.zip', 'src']) {
      const call = onlyCall(ws, path);
      expect(call.hints).toEqual({ workflowEntityId: FLOW, localConnectionReference: OTHER_FLOW, appRecord: OTHER_FLOW, workflowName: undefined });
      expect(call.binding).toEqual({ flowId: FLOW, resolvedBy: 'workflowEntityId', confidence: 'high', solutionPath: path });
    }
  });

  it('falls back to LocalConnectionReferences parameterHints.workflowEntityId when WorkflowEntityId is null', async () => {
    const app = await appWith({
      ds: dataSource({ workflowEntityId: null }),
      lcr: {
        [CONN]: flowConnectionEntry({ id: CONN, dataSources: ['SearchItems'], workflowEntityId: FLOW, dependencies: { shared_sharepointonline: CONN_SP } }),
        [CONN_SP]: connectorConnectionEntry({ id: CONN_SP, api: 'shared_sharepointonline', dependents: [CONN] }),
      },
    });
    const ws = await zipAndUnpacked({ solution: { uniqueName: 'S' }, flows: [flowFile(FLOW, 'Search Items')], apps: [app] });
    for (const path of ['sol.zip', 'src']) {
      const call = onlyCall(ws, path);
      expect(call.hints.workflowEntityId).toBeUndefined();
      expect(call.binding).toEqual({ flowId: FLOW, resolvedBy: 'connectionReference', confidence: 'high', solutionPath: path });
      expect(call.storedConnections).toEqual([{ key: 'shared_sharepointonline', api: 'shared_sharepointonline' }]);
      expect(call.connectionsRecorded).toBe(true);
    }
  });

  it('falls back to the app record (customizations.xml CanvasApp / .meta.xml ConnectionReferences)', async () => {
    const app = await appWith({
      ds: dataSource({ workflowEntityId: null }),
      // The LCR entry has workflowEntityId {} (no value) and no dependencies: the app record supplies both.
      lcr: { [CONN]: flowConnectionEntry({ id: CONN, dataSources: ['Unrelated'], workflowEntityId: null }) },
      record: {
        [CONN]: appRecordFlowEntry({ dataSources: ['SearchItems'], workflowEntityId: FLOW, dependencies: { shared_sharepointonline_1: CONN_SP } }),
        [CONN_SP]: appRecordConnectorEntry({ api: 'shared_sharepointonline', dependents: [CONN] }),
      },
    });
    const ws = await zipAndUnpacked({ solution: { uniqueName: 'S' }, flows: [flowFile(FLOW, 'Search Items')], apps: [app] });
    for (const path of ['sol.zip', 'src']) {
      const call = onlyCall(ws, path);
      expect(call.hints).toMatchObject({ appRecord: FLOW });
      expect(call.hints.localConnectionReference).toBeUndefined();
      expect(call.binding).toEqual({ flowId: FLOW, resolvedBy: 'appRecord', confidence: 'high', solutionPath: path });
      // The app record's dependencies are an array of app connection ids; parameterHints give the flow key.
      expect(call.storedConnections).toEqual([{ key: 'shared_sharepointonline_1', api: 'shared_sharepointonline' }]);
      expect(call.connectionsRecorded).toBe(true);
    }
  });

  it('guesses by name only when the app carries no id at all, and marks it low confidence', async () => {
    const legacy = await appWith({ ds: dataSource({ serviceKind: 'AddinWadl', flowNameId: 'de0ea947-3a01-42a8-b106-3a45bca5c206' }) });
    const byTitle = await appWith({ ds: dataSource({ name: 'RenamedSource', workflowEntityId: null }) }, 'cts_titleapp_00002');
    const ws = await load({
      'sol.zip': await solutionZip({ solution: { uniqueName: 'S' }, flows: [flowFile(FLOW, 'Search  Items')], apps: [legacy, byTitle] }),
    });
    const calls = solutionAt(ws, 'sol.zip').apps.flatMap((a) => a.calls);
    expect(calls).toHaveLength(2);
    const first = calls.find((c) => c.dataSource === 'RenamedSource');
    const second = calls.find((c) => c.dataSource === 'SearchItems');
    expect(first).toMatchObject({ dataSource: 'RenamedSource', title: 'Search Items', connectionsRecorded: false, storedConnections: [] });
    expect(first?.binding).toEqual({ flowId: FLOW, resolvedBy: 'name', confidence: 'low', solutionPath: 'sol.zip' });
    expect(second).toMatchObject({ dataSource: 'SearchItems', serviceKind: 'AddinWadl', hints: { workflowName: 'de0ea947-3a01-42a8-b106-3a45bca5c206' } });
    // AddinConnectorId is an environment name: never a join key in a solution.
    expect(second?.binding).toEqual({ flowId: FLOW, resolvedBy: 'name', confidence: 'low', solutionPath: 'sol.zip' });
  });

  it('leaves an id that matches nothing unresolved, even when a flow has the same name', async () => {
    const app = await appWith({ ds: dataSource({ workflowEntityId: UNKNOWN }) });
    const ws = await load({ 'sol.zip': await solutionZip({ solution: { uniqueName: 'S' }, flows: [flowFile(FLOW, 'Search Items')], apps: [app] }) });
    const call = onlyCall(ws, 'sol.zip');
    expect(call.hints.workflowEntityId).toBe(UNKNOWN);
    expect(call.binding).toEqual({ flowId: undefined, resolvedBy: undefined, confidence: undefined, solutionPath: undefined });
  });

  it('binds across solutions: an app in A calling a flow shipped in B', async () => {
    const app = await appWith({ ds: dataSource({ workflowEntityId: FLOW }) });
    const ws = await load({
      'a/AppSolution.zip': await solutionZip({ solution: { uniqueName: 'A' }, apps: [app] }),
      ...unpackedTree({ solution: { uniqueName: 'B' }, flows: [flowFile(FLOW, 'Search Items')] }, 'b/src'),
    });
    expect(onlyCall(ws, 'a/AppSolution.zip').binding).toEqual({ flowId: FLOW, resolvedBy: 'workflowEntityId', confidence: 'high', solutionPath: 'b/src' });
  });

  it("binds a flow shipped in two solutions to the copy in the app's own solution", async () => {
    const app = await appWith({ ds: dataSource({ workflowEntityId: FLOW }) });
    const files = {
      // 'a…' sorts first: a naive first-match would pick it.
      'a/Shared.zip': await solutionZip({ solution: { uniqueName: 'Shared' }, flows: [flowFile(FLOW, 'Search Items')] }),
      'z/Mine.zip': await solutionZip({ solution: { uniqueName: 'Mine' }, flows: [flowFile(FLOW, 'Search Items')], apps: [app] }),
    };
    const ws = await load(files);
    expect(ws.solutions.map((s) => s.path)).toEqual(['a/Shared.zip', 'z/Mine.zip']);
    expect(onlyCall(ws, 'z/Mine.zip').binding).toMatchObject({ flowId: FLOW, solutionPath: 'z/Mine.zip' });
    // Same for the name guess.
    const guess = await appWith({ ds: dataSource({ serviceKind: 'AddinWadl' }) });
    const ws2 = await load({ ...files, 'z/Mine.zip': await solutionZip({ solution: { uniqueName: 'Mine' }, flows: [flowFile(FLOW, 'Search Items')], apps: [guess] }) });
    expect(onlyCall(ws2, 'z/Mine.zip').binding).toEqual({ flowId: FLOW, resolvedBy: 'name', confidence: 'low', solutionPath: 'z/Mine.zip' });
  });

  it('keeps connectionsRecorded false when neither the app document nor the app record lists the flow', async () => {
    const app = await appWith({ ds: dataSource({ workflowEntityId: FLOW }), lcr: { [CONN_SP]: connectorConnectionEntry({ id: CONN_SP, api: 'shared_sharepointonline' }) } });
    const ws = await load({ 'sol.zip': await solutionZip({ solution: { uniqueName: 'S' }, flows: [flowFile(FLOW, 'Search Items')], apps: [app] }) });
    expect(onlyCall(ws, 'sol.zip')).toMatchObject({ connectionsRecorded: false, storedConnections: [], binding: { flowId: FLOW } });
  });
});

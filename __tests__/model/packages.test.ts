import { describe, expect, it } from '@jest/globals';
import {
  canvasSourceFiles,
  connectorConnectionEntry,
  flowConnectionEntry,
  flowJson,
  legacyPackageZip,
  msapp,
  unpackedTree,
  wadlXml,
  type FlowFileSpec,
  type SolutionSpec,
} from '../helpers/solution-builder.js';
import { load, solutionAt } from './fixtures.js';

describe('legacy export package (manifest.json + Microsoft.Flow + Microsoft.PowerApps)', () => {
  const FLOW_NAME = 'de0ea947-3a01-42a8-b106-3a45bca5c206';
  const APP_ID = '2f6a4c1e-0000-4000-8000-00000000a001';

  it('reads flows by their environment name, invoker connections, and binds AddinWadl calls by flow name', async () => {
    const app = await msapp({
      dataSources: [
        {
          name: 'RegisterForEvent',
          serviceKind: 'AddinWadl',
          flowNameId: FLOW_NAME,
          wadl: wadlXml({ title: 'Register for event', inputs: [{ name: 'Initializevariable_Value', type: 'string', required: true }], outputs: undefined }),
        },
        { name: 'NotInPackage', serviceKind: 'AddinWadl', flowNameId: '99999999-3a01-42a8-b106-3a45bca5c206' },
      ],
      localConnectionReferences: {},
    });
    const zip = await legacyPackageZip({
      displayName: 'Event Registration',
      flows: [
        {
          name: FLOW_NAME,
          displayName: 'Register for event',
          flow: {
            trigger: 'PowerApp',
            inputs: [{ name: 'Initializevariable_Value', type: 'string' }],
            connections: [{ key: 'shared_sharepointonline', api: 'shared_sharepointonline', runtimeSource: 'invoker' }],
          },
        },
      ],
      apps: [{ id: APP_ID, displayName: 'Event App', msapp: app }],
    });
    const ws = await load({ 'samples/EventRegistrationApp.zip': zip });
    expect(ws.diagnostics).toEqual([]);
    const s = solutionAt(ws, 'samples/EventRegistrationApp.zip');
    expect(s).toMatchObject({ layout: 'legacy-package', managed: 'unknown', uniqueName: 'Event Registration', origin: { file: 'samples/EventRegistrationApp.zip', inner: 'manifest.json' } });
    expect(s.flows).toHaveLength(1);
    expect(s.flows[0]).toMatchObject({
      id: FLOW_NAME,
      name: 'Register for event',
      state: 'unknown',
      trigger: { powerApps: 'v1' },
      inputs: [{ name: 'Initializevariable_Value', type: 'string', required: true }],
      connections: [{ key: 'shared_sharepointonline', api: 'shared_sharepointonline', runtimeSource: 'invoker', connectionReference: undefined }],
      origin: { file: 'samples/EventRegistrationApp.zip', inner: `Microsoft.Flow/flows/${FLOW_NAME}/definition.json` },
    });
    expect(s.apps).toHaveLength(1);
    expect(s.apps[0]).toMatchObject({ name: APP_ID, displayName: 'Event App', document: 'msapp' });
    const calls = s.apps[0]?.calls ?? [];
    expect(calls.map((c) => [c.dataSource, c.binding.flowId, c.binding.resolvedBy, c.binding.confidence])).toEqual([
      ['RegisterForEvent', FLOW_NAME, 'flowName', 'high'],
      ['NotInPackage', undefined, undefined, undefined],
    ]);
    expect(calls[0]?.origin).toEqual({ file: 'samples/EventRegistrationApp.zip', inner: `Microsoft.PowerApps/apps/${APP_ID}/N${APP_ID}-document.msapp!/References/DataSources.json` });
  });
});

describe('unpacked canvas sources without an .msapp', () => {
  const FLOW_A = 'd3044475-0000-4000-8000-0000000000a1';
  const FLOW_B = 'd3044475-0000-4000-8000-0000000000b2';
  const APP = 'autocoe_viewer_0c4ec';
  const CONN = 'a4e441ef-0000-4000-8000-000000000001';
  const CONN_DV = '5920e6db-0000-4000-8000-000000000001';
  const flows: FlowFileSpec[] = [
    { id: FLOW_A, name: 'Get Artifacts', json: flowJson({ trigger: 'PowerAppV2', inputs: [{ name: 'text', type: 'string', title: 'Solution' }], responses: [{ kind: 'Http', array: true, outputs: [{ name: 'name', type: 'string' }] }] }) },
    { id: FLOW_B, name: 'Refresh Projects', json: flowJson({ trigger: 'PowerApp' }) },
  ];
  const sources = canvasSourceFiles({
    dataSources: [
      {
        name: 'GetArtifacts',
        workflowEntityId: FLOW_A,
        wadl: wadlXml({ title: 'Get Artifacts', inputs: [{ name: 'text', type: 'string', required: true, title: 'Solution' }], outputs: [{ name: 'name', type: 'string' }], arrayOutput: true }),
      },
      { name: 'RefreshProjects', serviceKind: 'AddinWadl', wadl: wadlXml({ title: 'Refresh Projects', inputs: [], outputs: undefined }) },
    ],
    connections: {
      [CONN]: flowConnectionEntry({ id: CONN, dataSources: ['RefreshProjects'], workflowEntityId: FLOW_B, dependencies: { shared_commondataserviceforapps: CONN_DV } }),
      [CONN_DV]: connectorConnectionEntry({ id: CONN_DV, api: 'shared_commondataserviceforapps', dependents: [CONN] }),
    },
    bom: true,
  });

  it.each([
    ['src', `CanvasApps/src/${APP}`],
    ['msapp_src', `CanvasApps/${APP}_DocumentUri_msapp_src`],
  ] as const)('reads %s sources: DataSources/*.json, pkgs/Wadl/*.xml, Connections/Connections.json', async (folder, dir) => {
    const spec: SolutionSpec = { solution: { uniqueName: 'Satellite' }, flows, apps: [{ name: APP, displayName: 'Viewer', sources, sourcesFolder: folder }] };
    const ws = await load(unpackedTree(spec, 'SolutionPackage'));
    expect(ws.diagnostics).toEqual([]);
    const app = solutionAt(ws, 'SolutionPackage').apps[0];
    expect(app).toMatchObject({ name: APP, document: 'unpacked', origin: { file: `SolutionPackage/${dir}` } });
    const [a, b] = app?.calls ?? [];
    expect(app?.calls).toHaveLength(2);
    expect(a).toMatchObject({
      dataSource: 'GetArtifacts',
      serviceKind: 'ConnectedWadl',
      title: 'Get Artifacts',
      storedInputs: [{ name: 'text', type: 'string', required: true, title: 'Solution' }],
      storedOutputs: [{ name: '[].name', type: 'string' }],
      connectionsRecorded: false,
      origin: { file: `SolutionPackage/${dir}/DataSources/GetArtifacts.json` },
      binding: { flowId: FLOW_A, resolvedBy: 'workflowEntityId', confidence: 'high', solutionPath: 'SolutionPackage' },
    });
    expect(b).toMatchObject({
      dataSource: 'RefreshProjects',
      serviceKind: 'AddinWadl',
      storedInputs: [],
      storedOutputs: undefined,
      storedConnections: [{ key: 'shared_commondataserviceforapps', api: 'shared_commondataserviceforapps' }],
      connectionsRecorded: true,
      // Each call points at its own data source file.
      origin: { file: `SolutionPackage/${dir}/DataSources/RefreshProjects.json` },
      binding: { flowId: FLOW_B, resolvedBy: 'connectionReference', confidence: 'high' },
    });
  });

  it('prefers the .msapp when both it and CanvasApps/src/<app> are committed', async () => {
    const doc = await msapp({ dataSources: [{ name: 'FromMsapp', workflowEntityId: FLOW_A }], localConnectionReferences: {} });
    const ws = await load(unpackedTree({ solution: { uniqueName: 'Both' }, flows, apps: [{ name: APP, msapp: doc, sources }] }));
    const app = ws.solutions[0]?.apps[0];
    expect(app?.document).toBe('msapp');
    expect(app?.calls.map((c) => c.dataSource)).toEqual(['FromMsapp']);
  });

  it('reads sources whose Connections.json is missing (it is per-org and deletable)', async () => {
    const { ['Connections/Connections.json']: _gone, ...noConnections } = sources;
    const ws = await load(unpackedTree({ solution: { uniqueName: 'S' }, flows, apps: [{ name: APP, sources: noConnections }] }));
    expect(ws.diagnostics).toEqual([]);
    const calls = ws.solutions[0]?.apps[0]?.calls ?? [];
    expect(calls.map((c) => [c.dataSource, c.connectionsRecorded, c.binding.resolvedBy, c.binding.confidence])).toEqual([
      ['GetArtifacts', false, 'workflowEntityId', 'high'],
      ['RefreshProjects', false, 'name', 'low'],
    ]);
  });
});

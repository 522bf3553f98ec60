import { beforeAll, describe, expect, it } from '@jest/globals';
import JSZip from 'jszip';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { workingTree } from '../../src/source/folder.js';
import { loadWorkspace } from '../../src/model/workspace.js';
import type { Solution, Workspace } from '../../src/model/types.js';
import { BOM, extractedZipTree, flowJson, msapp, solutionZip, under, unpackedTree, wadlXml, type FileMap } from '../helpers/solution-builder.js';
import { APP, CLASSIC, GET_ORDERS, SUBMIT_ORDER, essence, getOrdersFlow, load, ordersSpec, solutionAt } from './fixtures.js';

describe('a solution zip', () => {
  let ws: Workspace;
  let s: Solution;
  beforeAll(async () => {
    ws = await load({ 'release/Orders_1_2_3_4.zip': await solutionZip(await ordersSpec()) });
    s = solutionAt(ws, 'release/Orders_1_2_3_4.zip');
  });

  it('reads the manifest', () => {
    expect(ws.solutions).toHaveLength(1);
    expect(s).toMatchObject({
      layout: 'zip',
      uniqueName: 'OrdersSolution',
      displayName: 'Orders',
      version: '1.2.3.4',
      managed: 'unmanaged',
      publisher: { uniqueName: 'Contoso', prefix: 'cts' },
      parentSolution: undefined,
      origin: { file: 'release/Orders_1_2_3_4.zip', inner: 'solution.xml' },
    });
    expect(ws.diagnostics).toEqual([]);
  });

  it('reads the connection references section, not the app record field of the same name', () => {
    expect(s.connectionReferences.map(({ origin: _o, ...c }) => c)).toEqual([
      { logicalName: 'cts_sharedsharepointonline_1a2b3', displayName: 'SharePoint Orders', connectorId: '/providers/Microsoft.PowerApps/apis/shared_sharepointonline', api: 'shared_sharepointonline', customizable: true },
      { logicalName: 'cts_sharedoffice365_1a2b3', displayName: 'cts_sharedoffice365_1a2b3', connectorId: '/providers/Microsoft.PowerApps/apis/shared_office365', api: 'shared_office365', customizable: true },
    ]);
  });

  it('reads cloud flows only (Category 5), with state, inputs in order, outputs and connections', () => {
    expect(s.flows.map((f) => f.id).sort()).toEqual([GET_ORDERS, SUBMIT_ORDER].sort());
    expect(s.flows.find((f) => f.id === CLASSIC)).toBeUndefined();
    const get = s.flows.find((f) => f.id === GET_ORDERS);
    expect(get).toMatchObject({
      name: 'Get Orders',
      state: 'on',
      category: 5,
      customizable: true,
      trigger: { name: 'manual', type: 'Request', kind: 'PowerAppV2', powerApps: 'v2' },
      inputs: [
        { name: 'text', type: 'string', required: true, title: 'Customer' },
        { name: 'number_1', type: 'number', required: true, title: 'Max rows' },
        { name: 'boolean', type: 'boolean', required: false, title: 'Include closed' },
      ],
      outputs: [
        { name: '[].id', type: 'string', title: '' },
        { name: '[].total', type: 'number', title: '' },
      ],
      responses: [{ action: 'Response', kind: 'Http', asynchronous: false }],
      connections: [
        { key: 'shared_office365_1', api: 'shared_office365', runtimeSource: 'embedded', connectionReference: 'cts_sharedoffice365_1a2b3' },
        { key: 'shared_sharepointonline', api: 'shared_sharepointonline', runtimeSource: 'invoker', connectionReference: 'cts_sharedsharepointonline_1a2b3' },
      ],
      waits: [],
      childFlows: [],
      usesInvokerTokens: false,
      origin: { file: 'release/Orders_1_2_3_4.zip', inner: `Workflows/GetOrders-${GET_ORDERS.toUpperCase()}.json` },
      metaOrigin: { file: 'release/Orders_1_2_3_4.zip', inner: 'customizations.xml' },
    });
    expect(get?.definitionHash).toMatch(/^[0-9a-f]{16}$/);
    const submit = s.flows.find((f) => f.id === SUBMIT_ORDER);
    expect(submit).toMatchObject({
      state: 'off',
      trigger: { kind: 'PowerApp', powerApps: 'v1' },
      inputs: [
        { name: 'Compose_Inputs', type: 'string', required: true, title: '' },
        { name: 'Createfile_FileName', type: 'string', required: true, title: '' },
      ],
      outputs: [{ name: 'thereturnstring', type: 'string', title: 'theReturnString' }],
      responses: [{ action: 'Respond_to_a_PowerApp_or_flow', kind: 'PowerApp', asynchronous: false }],
    });
  });

  it('reads the app, its calls with the stored signature and stored connections, and binds them', () => {
    expect(s.apps).toHaveLength(1);
    const app = s.apps[0];
    expect(app).toMatchObject({
      name: APP,
      displayName: 'Orders App',
      customizable: true,
      document: 'msapp',
      secrets: [],
      origin: { file: 'release/Orders_1_2_3_4.zip', inner: `CanvasApps/${APP}_DocumentUri.msapp` },
    });
    expect(app?.calls.map((c) => c.dataSource)).toEqual(['GetOrders', 'SubmitOrder']);
    const [get, submit] = app?.calls ?? [];
    expect(get).toMatchObject({
      serviceKind: 'ConnectedWadl',
      title: 'Get Orders',
      hints: { workflowEntityId: GET_ORDERS, localConnectionReference: GET_ORDERS, appRecord: GET_ORDERS },
      storedInputs: [
        { name: 'text', type: 'string', required: true, title: 'Customer' },
        { name: 'number_1', type: 'number', required: true, title: 'Max rows' },
        { name: 'boolean', type: 'boolean', required: false, title: 'Include closed' },
      ],
      storedOutputs: [
        { name: '[].id', type: 'string' },
        { name: '[].total', type: 'number' },
      ],
      storedConnections: [{ key: 'shared_sharepointonline', api: 'shared_sharepointonline' }],
      connectionsRecorded: true,
      origin: { file: 'release/Orders_1_2_3_4.zip', inner: `CanvasApps/${APP}_DocumentUri.msapp!/References/DataSources.json` },
      binding: { flowId: GET_ORDERS, resolvedBy: 'workflowEntityId', confidence: 'high', solutionPath: 'release/Orders_1_2_3_4.zip' },
    });
    expect(submit).toMatchObject({
      hints: { localConnectionReference: SUBMIT_ORDER },
      storedConnections: [],
      connectionsRecorded: true,
      binding: { flowId: SUBMIT_ORDER, resolvedBy: 'connectionReference', confidence: 'high' },
    });
    expect(submit?.hints.workflowEntityId).toBeUndefined();
  });
});

describe('zip and unpacked layouts of the same solution', () => {
  it('give the same flows, apps and bindings', async () => {
    const spec = await ordersSpec();
    // SolutionPackager writes <Managed>2</Managed> ("Both") by default.
    const ws = await load({ 'dist/Orders.zip': await solutionZip(spec), ...unpackedTree({ ...spec, solution: { ...spec.solution, managed: undefined } }, 'src/Orders') });
    expect(solutionAt(ws, 'dist/Orders.zip').managed).toBe('unmanaged');
    expect(ws.diagnostics).toEqual([]);
    const zip = solutionAt(ws, 'dist/Orders.zip');
    const unpacked = solutionAt(ws, 'src/Orders');
    expect(zip.layout).toBe('zip');
    expect(unpacked.layout).toBe('unpacked');
    expect(unpacked.managed).toBe('both');
    expect(unpacked.flows.map((f) => f.metaOrigin?.file)).toEqual(unpacked.flows.map((f) => `${f.origin.file}.data.xml`));
    expect(unpacked.apps[0]?.metaOrigin).toEqual({ file: `src/Orders/CanvasApps/${APP}.meta.xml` });
    expect(unpacked.apps[0]?.calls[0]?.origin).toEqual({ file: `src/Orders/CanvasApps/${APP}_DocumentUri.msapp`, inner: 'References/DataSources.json' });
    // Each app binds to the copy of the flow in its own solution.
    expect(zip.apps[0]?.calls.map((c) => c.binding.solutionPath)).toEqual(['dist/Orders.zip', 'dist/Orders.zip']);
    expect(unpacked.apps[0]?.calls.map((c) => c.binding.solutionPath)).toEqual(['src/Orders', 'src/Orders']);
    expect(zip.flows.length).toBe(2);
    expect(zip.apps[0]?.calls.length).toBe(2);
    expect(essence(unpacked)).toEqual(essence(zip));
  });
});

describe('discovery', () => {
  it('finds the extracted-zip layout at any depth, and Other/Solution.xml at any depth or at the root', async () => {
    const spec = await ordersSpec();
    const ws = await load({
      ...extractedZipTree(spec, 'a/b/c/extracted'),
      ...extractedZipTree({ ...spec, solution: { ...spec.solution, uniqueName: 'Shallow' } }, 'x'),
      ...unpackedTree({ ...spec, solution: { ...spec.solution, uniqueName: 'Deep' } }, 'repo/SolutionPackage/src'),
      'README.md': '# not a solution',
    });
    expect(ws.solutions.map((s) => [s.path, s.layout, s.uniqueName])).toEqual([
      ['a/b/c/extracted', 'extracted-zip', 'OrdersSolution'],
      ['repo/SolutionPackage/src', 'unpacked', 'Deep'],
      ['x', 'extracted-zip', 'Shallow'],
    ]);
    const extracted = solutionAt(ws, 'a/b/c/extracted');
    expect(extracted.flows.map((f) => f.origin)).toContainEqual({ file: `a/b/c/extracted/Workflows/GetOrders-${GET_ORDERS.toUpperCase()}.json` });
    expect(extracted.apps[0]?.calls.map((c) => c.binding.flowId)).toEqual([GET_ORDERS, SUBMIT_ORDER]);

    const root = await load(unpackedTree(spec));
    expect(root.solutions).toHaveLength(1);
    expect(root.solutions[0]).toMatchObject({ layout: 'unpacked', uniqueName: 'OrdersSolution', origin: { file: 'Other/Solution.xml' } });
    expect(root.solutions[0]?.flows).toHaveLength(2);
  });

  it('finds an extracted zip whose folder name merely ends in "other"', async () => {
    const spec = await ordersSpec();
    const ws = await load(extractedZipTree(spec, 'exports/another'));
    expect(ws.solutions.map((s) => [s.path, s.layout])).toEqual([['exports/another', 'extracted-zip']]);
  });

  it('skips .git and node_modules folders of a working tree', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'flowguard-layout-'));
    try {
      const spec = await ordersSpec();
      const zip = await solutionZip(spec);
      const files: FileMap = {
        'solutions/Orders.zip': zip,
        '.git/objects/pack/Orders.zip': zip,
        'node_modules/some-package/fixtures/Orders.zip': zip,
        ...unpackedTree(spec, 'node_modules/pkg/src'),
        ...unpackedTree(spec, '.git/modules/src'),
        ...unpackedTree({ ...spec, solution: { ...spec.solution, uniqueName: 'Unpacked' } }, 'deep/er/src'),
      };
      for (const [p, c] of Object.entries(files)) {
        await mkdir(dirname(join(dir, p)), { recursive: true });
        await writeFile(join(dir, p), c);
      }
      const ws = await loadWorkspace(await workingTree(dir, ['.']));
      expect(ws.solutions.map((s) => [s.path, s.layout, s.uniqueName])).toEqual([
        ['deep/er/src', 'unpacked', 'Unpacked'],
        ['solutions/Orders.zip', 'zip', 'OrdersSolution'],
      ]);
      expect(ws.diagnostics).toEqual([]);
      expect(solutionAt(ws, 'deep/er/src').apps[0]?.calls.map((c) => c.binding.resolvedBy)).toEqual(['workflowEntityId', 'connectionReference']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('names, encodings and separators', () => {
  it('matches manifest names case-insensitively in a zip', async () => {
    const spec = await ordersSpec();
    const ws = await load({ 'Orders.zip': await solutionZip(spec, { solutionXmlName: 'Solution.xml', customizationsXmlName: 'CUSTOMIZATIONS.XML' }) });
    const s = solutionAt(ws, 'Orders.zip');
    expect(s.origin).toEqual({ file: 'Orders.zip', inner: 'Solution.xml' });
    expect(s.flows).toHaveLength(2);
    expect(s.flows[0]?.metaOrigin).toEqual({ file: 'Orders.zip', inner: 'CUSTOMIZATIONS.XML' });
    expect(s.apps[0]?.calls).toHaveLength(2);
  });

  it('matches folder and file names case-insensitively in an unpacked tree', async () => {
    const spec = await ordersSpec();
    const files: FileMap = {};
    for (const [p, c] of Object.entries(unpackedTree(spec, 'src'))) {
      files[p.replace('src/Other/Solution.xml', 'src/other/solution.XML').replace('/Workflows/', '/workflows/').replace('/CanvasApps/', '/canvasapps/')] = c;
    }
    const ws = await load(files);
    const s = solutionAt(ws, 'src');
    expect(s.uniqueName).toBe('OrdersSolution');
    expect(s.flows.map((f) => f.state)).toEqual(expect.arrayContaining(['on', 'off']));
    expect(s.flows).toHaveLength(2);
    expect(s.apps[0]?.document).toBe('msapp');
    expect(s.apps[0]?.calls).toHaveLength(2);
  });

  it('strips a UTF-8 BOM from every JSON and XML file (zip and unpacked)', async () => {
    const spec = await ordersSpec({ bom: true });
    const bomApp = await msapp({
      bom: true,
      dataSources: [{ name: 'GetOrders', workflowEntityId: GET_ORDERS, wadl: BOM + wadlXml({ title: 'Get Orders', inputs: [{ name: 'text', type: 'string', required: true }], outputs: undefined }) }],
      localConnectionReferences: {},
    });
    const withBom = { ...spec, apps: spec.apps?.map((a) => ({ ...a, msapp: bomApp })) };
    const zipBytes = await solutionZip(withBom);
    const tree = unpackedTree(withBom, 'src');
    // The files really start with a BOM.
    expect([...(tree['src/Other/Solution.xml'] as Uint8Array).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const jsonName = Object.keys(tree).find((n) => n.endsWith('.json') && n.includes('/Workflows/')) as string;
    expect([...(tree[jsonName] as Uint8Array).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const ws = await load({ 'Orders.zip': zipBytes, ...tree });
    expect(ws.diagnostics).toEqual([]);
    for (const s of ws.solutions) {
      expect(s.uniqueName).toBe('OrdersSolution');
      expect(s.flows.find((f) => f.id === GET_ORDERS)?.inputs.map((i) => i.name)).toEqual(['text', 'number_1', 'boolean']);
      expect(s.apps[0]?.calls[0]).toMatchObject({ title: 'Get Orders', storedInputs: [{ name: 'text' }], storedOutputs: undefined, binding: { flowId: GET_ORDERS } });
    }
  });

  it('reads .msapp entries with backslash separators (and with forward slashes)', async () => {
    const app = await msapp({ dataSources: [{ name: 'GetOrders', workflowEntityId: GET_ORDERS }], localConnectionReferences: {} });
    const names = Object.keys((await JSZip.loadAsync(app)).files);
    expect(names).toContain('References\\DataSources.json');
    expect(names).not.toContain('References/DataSources.json');
    const spec = await ordersSpec();
    for (const bytes of [app, await msapp({ backslashes: false, dataSources: [{ name: 'GetOrders', workflowEntityId: GET_ORDERS }], localConnectionReferences: {} })]) {
      const ws = await load({ 'o.zip': await solutionZip({ ...spec, apps: spec.apps?.map((a) => ({ ...a, msapp: bytes })) }) });
      const call = ws.solutions[0]?.apps[0]?.calls[0];
      expect(call).toMatchObject({ dataSource: 'GetOrders', origin: { inner: `CanvasApps/${APP}_DocumentUri.msapp!/References/DataSources.json` }, binding: { flowId: GET_ORDERS } });
      expect(ws.solutions[0]?.apps[0]?.calls).toHaveLength(1);
    }
  });

  it('reads managed, unmanaged and patch manifests', async () => {
    const spec = await ordersSpec();
    const ws = await load({
      'm.zip': await solutionZip({ ...spec, solution: { uniqueName: 'M', managed: true } }),
      'u.zip': await solutionZip({ ...spec, solution: { uniqueName: 'U', managed: false } }),
      'p.zip': await solutionZip({
        ...spec,
        solution: {
          uniqueName: 'Orders_Patch_a1b2c3',
          parent: { uniqueName: 'OrdersSolution', version: '1.0.0.0' },
          missingDependencies: [
            { required: { type: 29, id: '7D1E7A36-0000-4000-8000-000000000099', displayName: 'Elsewhere', solution: 'Other (1.0)' }, dependent: { type: 300, schemaName: APP } },
          ],
        },
      }),
    });
    expect(ws.solutions.map((s) => [s.uniqueName, s.managed, s.parentSolution])).toEqual([
      ['M', 'managed', undefined],
      ['Orders_Patch_a1b2c3', 'unmanaged', 'OrdersSolution'],
      ['U', 'unmanaged', undefined],
    ]);
    expect(solutionAt(ws, 'p.zip').missingDependencies).toEqual([
      { requiredType: 29, requiredTypeName: '', requiredKey: '7d1e7a36-0000-4000-8000-000000000099', requiredDisplayName: 'Elsewhere', requiredSolution: 'Other (1.0)', dependentType: 300, dependentKey: APP },
    ]);
  });
});

describe('classic processes and states', () => {
  it('ignores classic processes (XamlFileName or a .xaml JsonFileName) in zip and unpacked trees', async () => {
    const spec = await ordersSpec({
      flows: [
        { id: GET_ORDERS, name: 'Get Orders', json: flowJson(getOrdersFlow) },
        { id: CLASSIC, name: 'Classic A', category: 0, jsonFileName: `/Workflows/ClassicA-${CLASSIC.toUpperCase()}.xaml`, json: '<Activity />' },
        { id: '22222222-2222-3333-4444-555555555555', name: 'Classic B', category: 0, xamlFileName: '/Workflows/ClassicB-22222222-2222-3333-4444-555555555555.xaml', json: '<Activity />' },
        { id: '33333333-2222-3333-4444-555555555555', name: 'Business Rule', category: 2, json: flowJson(getOrdersFlow) },
      ],
    });
    const ws = await load({ 'o.zip': await solutionZip(spec), ...unpackedTree(spec, 'src') });
    for (const s of ws.solutions) expect(s.flows.map((f) => f.id)).toEqual([GET_ORDERS]);
    expect(ws.diagnostics).toEqual([]);
  });

  it('maps StateCode 0 to off, 1 to on, 2 (suspended) to off, and a flow file with no record to unknown', async () => {
    const ids = ['aaaaaaaa-0000-4000-8000-000000000000', 'aaaaaaaa-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000002', 'aaaaaaaa-0000-4000-8000-000000000003'];
    const json = flowJson({ trigger: 'Button' });
    const spec = {
      solution: { uniqueName: 'States' },
      flows: [
        { id: ids[0] as string, name: 'Off', stateCode: 0 as const, json },
        { id: ids[1] as string, name: 'On', stateCode: 1 as const, json },
        { id: ids[2] as string, name: 'Suspended', stateCode: 2 as const, json },
        { id: ids[3] as string, name: 'Loose', json, noRecord: true },
      ],
    };
    const ws = await load({ 's.zip': await solutionZip(spec), ...under('u', unpackedTree(spec)) });
    for (const s of ws.solutions) {
      expect(s.flows.map((f) => [f.id, f.state, f.trigger?.kind, f.trigger?.powerApps]).sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual([
        [ids[0], 'off', 'Button', undefined],
        [ids[1], 'on', 'Button', undefined],
        [ids[2], 'off', 'Button', undefined],
        [ids[3], 'unknown', 'Button', undefined],
      ]);
      expect(s.flows.find((f) => f.id === ids[3])?.name).toBe('Loose');
    }
  });
});

import { afterAll, describe, expect, it } from '@jest/globals';
import type { Diagnostic, Workspace } from '../../src/model/types.js';
import {
  canvasSourceFiles,
  connectorConnectionEntry,
  customizationsXml,
  flowConnectionEntry,
  flowJson,
  lfsPointer,
  msapp,
  solutionXml,
  solutionZip,
  solutionZipFiles,
  unpackedTree,
  wadlXml,
  zipOf,
  type SolutionSpec,
} from '../helpers/solution-builder.js';
import { APP, GET_ORDERS, SUBMIT_ORDER, getOrdersFlow, load, ordersSpec, solutionAt } from './fixtures.js';

/** A healthy solution next to the broken one: it must still be read in full. */
async function healthy(): Promise<Record<string, Uint8Array>> {
  return { 'good/Orders.zip': await solutionZip(await ordersSpec()) };
}

function expectHealthyRead(ws: Workspace): void {
  const good = solutionAt(ws, 'good/Orders.zip');
  expect(good.flows.map((f) => f.id).sort()).toEqual([GET_ORDERS, SUBMIT_ORDER].sort());
  expect(good.apps[0]?.calls.map((c) => c.binding.flowId)).toEqual([GET_ORDERS, SUBMIT_ORDER]);
  expect(ws.diagnostics.filter((d) => d.file.startsWith('good/'))).toEqual([]);
}

function only(ws: Workspace, file: string): Diagnostic {
  const found = ws.diagnostics.filter((d) => d.file === file);
  expect(found).toHaveLength(1);
  return found[0] as Diagnostic;
}

describe('missing and placeholder app documents', () => {
  it('a .meta.xml without its .msapp: document missing, with a diagnostic that says so', async () => {
    const spec = await ordersSpec();
    const files = unpackedTree({ ...spec, apps: spec.apps?.map(({ msapp: _m, ...a }) => a) }, 'src');
    const ws = await load({ ...files, ...(await healthy()) });
    expectHealthyRead(ws);
    const app = solutionAt(ws, 'src').apps[0];
    expect(app).toMatchObject({ name: APP, document: 'missing', calls: [] });
    const d = only(ws, `src/CanvasApps/${APP}_DocumentUri.msapp`);
    expect(d.inner).toBeUndefined();
    expect(d.message).toMatch(/missing/);
    expect(d.message).toContain(APP);
  });

  it('a Git LFS pointer in place of the .msapp (zip and unpacked)', async () => {
    const spec = await ordersSpec();
    const lfs: SolutionSpec = { ...spec, apps: spec.apps?.map((a) => ({ ...a, msapp: lfsPointer() })) };
    const ws = await load({ 'lfs/Orders.zip': await solutionZip(lfs), ...unpackedTree(lfs, 'lfs/src'), ...(await healthy()) });
    expectHealthyRead(ws);
    for (const path of ['lfs/Orders.zip', 'lfs/src']) {
      const s = solutionAt(ws, path);
      expect(s.apps[0]).toMatchObject({ document: 'lfs-pointer', calls: [] });
      expect(s.flows).toHaveLength(2);
    }
    expect(only(ws, 'lfs/Orders.zip')).toMatchObject({ inner: `CanvasApps/${APP}_DocumentUri.msapp`, message: expect.stringMatching(/Git LFS pointer/) });
    expect(only(ws, `lfs/src/CanvasApps/${APP}_DocumentUri.msapp`).message).toMatch(/Git LFS pointer/);
  });

  it('a Git LFS pointer in place of a solution zip', async () => {
    const ws = await load({ 'lfs/Orders_managed.zip': lfsPointer(), ...(await healthy()) });
    expectHealthyRead(ws);
    expect(ws.solutions.map((s) => s.path)).toEqual(['good/Orders.zip']);
    const d = only(ws, 'lfs/Orders_managed.zip');
    expect(d.inner).toBeUndefined();
    expect(d.message).toMatch(/Git LFS pointer/);
  });
});

describe('broken archives and files', () => {
  it('a truncated zip', async () => {
    const whole = await solutionZip(await ordersSpec());
    const ws = await load({ 'broken/Truncated.zip': whole.subarray(0, Math.floor(whole.byteLength / 2)), ...(await healthy()) });
    expectHealthyRead(ws);
    expect(only(ws, 'broken/Truncated.zip').message).toMatch(/corrupt zip/);
  });

  it('a zip whose central directory is garbage', async () => {
    const whole = Buffer.from(await solutionZip(await ordersSpec()));
    const eocd = whole.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const cdOffset = whole.readUInt32LE(eocd + 16);
    const corrupt = Buffer.from(whole);
    corrupt.fill(0x41, cdOffset, eocd);
    const ws = await load({ 'broken/Garbage.zip': corrupt, ...(await healthy()) });
    expectHealthyRead(ws);
    expect(only(ws, 'broken/Garbage.zip').message).toMatch(/corrupt zip/);
  });

  it('a corrupt .msapp inside a good solution zip: the flows are still read', async () => {
    const spec = await ordersSpec();
    const bad = (await msapp({ dataSources: [], localConnectionReferences: {} })).subarray(0, 40);
    const ws = await load({ 'bad/Orders.zip': await solutionZip({ ...spec, apps: spec.apps?.map((a) => ({ ...a, msapp: bad })) }), ...(await healthy()) });
    expectHealthyRead(ws);
    const s = solutionAt(ws, 'bad/Orders.zip');
    expect(s.flows).toHaveLength(2);
    expect(s.apps[0]?.document).toBe('unreadable');
    expect(only(ws, 'bad/Orders.zip')).toMatchObject({ inner: `CanvasApps/${APP}_DocumentUri.msapp`, message: expect.stringMatching(/corrupt zip/) });
  });

  it('invalid JSON in a flow file: that flow is skipped with a diagnostic, the other flows are read', async () => {
    const spec = await ordersSpec();
    const broken: SolutionSpec = { ...spec, flows: spec.flows?.map((f) => (f.id === SUBMIT_ORDER ? { ...f, json: '{"properties": {"definition": ' } : f)) };
    const ws = await load({ 'bad/Orders.zip': await solutionZip(broken), ...unpackedTree(broken, 'bad/src'), ...(await healthy()) });
    expectHealthyRead(ws);
    const file = `Workflows/SubmitOrder-${SUBMIT_ORDER.toUpperCase()}.json`;
    expect(only(ws, 'bad/Orders.zip')).toMatchObject({ inner: file, severity: 'warning', message: expect.stringMatching(/invalid JSON/) });
    expect(only(ws, `bad/src/${file}`).message).toMatch(/invalid JSON/);
    for (const path of ['bad/Orders.zip', 'bad/src']) {
      const s = solutionAt(ws, path);
      expect(s.flows.map((f) => f.id)).toEqual([GET_ORDERS]);
      // The call to the unreadable flow binds to the healthy copy in the other solution.
      expect(s.apps[0]?.calls.map((c) => [c.binding.flowId, c.binding.solutionPath])).toEqual([
        [GET_ORDERS, path],
        [SUBMIT_ORDER, 'good/Orders.zip'],
      ]);
    }
  });

  it('invalid JSON in DataSources.json or LocalConnectionReferences makes the app unreadable, with a diagnostic', async () => {
    const spec = await ordersSpec();
    const badDs = await msapp({ dataSources: [], rawDataSources: '{"DataSources": [{"ApiId": "/providers/microsoft.powerapps/apis/shared_logicflows", ', localConnectionReferences: {} });
    const badLcr = await msapp({ dataSources: [{ name: 'GetOrders', workflowEntityId: GET_ORDERS }], localConnectionReferences: '{"oops' });
    const ws = await load({
      'a/Orders.zip': await solutionZip({ ...spec, apps: spec.apps?.map((a) => ({ ...a, msapp: badDs })) }),
      'b/Orders.zip': await solutionZip({ ...spec, apps: spec.apps?.map((a) => ({ ...a, msapp: badLcr })) }),
      ...(await healthy()),
    });
    expectHealthyRead(ws);
    for (const path of ['a/Orders.zip', 'b/Orders.zip']) {
      expect(solutionAt(ws, path).apps[0]?.document).toBe('unreadable');
      expect(only(ws, path)).toMatchObject({ inner: `CanvasApps/${APP}_DocumentUri.msapp`, message: expect.stringMatching(/invalid JSON/) });
    }
  });
});

describe('XML with a DTD', () => {
  const laughs =
    '<!DOCTYPE ImportExportXml [\n<!ENTITY lol "lol">\n<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\n]>\n';
  const withDtd = (xml: string, root = '<ImportExportXml'): string => xml.replace(root, laughs.replace('ImportExportXml', root.slice(1)) + root);

  it('refuses solution.xml with a DOCTYPE/ENTITY (no expansion), and still reads other solutions', async () => {
    const spec = await ordersSpec();
    const files = solutionZipFiles(spec).map(([n, c]): [string, Uint8Array | string] => (n === 'solution.xml' ? [n, withDtd(solutionXml({ uniqueName: '&lol3;' }))] : [n, c]));
    const ws = await load({ 'evil/Entities.zip': await zipOf(files), ...(await healthy()) });
    expectHealthyRead(ws);
    expect(ws.solutions.map((s) => s.path)).toEqual(['good/Orders.zip']);
    expect(only(ws, 'evil/Entities.zip')).toMatchObject({ inner: 'solution.xml', message: expect.stringMatching(/DOCTYPE or ENTITY/) });
  });

  it('refuses customizations.xml with a DOCTYPE/ENTITY (no expansion)', async () => {
    const spec = await ordersSpec();
    const evil = withDtd(customizationsXml({ workflows: [{ id: GET_ORDERS, name: '&lol3;' }], canvasApps: [{ name: APP, displayName: '&lol3;' }] }));
    const files = solutionZipFiles(spec).map(([n, c]): [string, Uint8Array | string] => (n === 'customizations.xml' ? [n, evil] : [n, c]));
    const ws = await load({ 'evil/Entities.zip': await zipOf(files), ...(await healthy()) });
    expectHealthyRead(ws);
    expect(only(ws, 'evil/Entities.zip')).toMatchObject({ inner: 'customizations.xml', message: expect.stringMatching(/DOCTYPE or ENTITY/) });
    const s = solutionAt(ws, 'evil/Entities.zip');
    expect(JSON.stringify(s)).not.toContain('lollol');
    expect(s.flows.every((f) => f.name !== '&lol3;')).toBe(true);
  });

  it('refuses a .json.data.xml and a .meta.xml with a DTD in an unpacked tree', async () => {
    const spec = await ordersSpec();
    const files = unpackedTree(spec, 'evil');
    const dataXml = Object.keys(files).find((n) => n.includes('SubmitOrder') && n.endsWith('.data.xml')) as string;
    files[dataXml] = new TextEncoder().encode(withDtd(new TextDecoder().decode(files[dataXml]).replace('Name="Submit Order"', 'Name="&lol3;"'), '<Workflow'));
    const meta = `evil/CanvasApps/${APP}.meta.xml`;
    files[meta] = new TextEncoder().encode(withDtd(new TextDecoder().decode(files[meta]), '<CanvasApp'));
    const ws = await load({ ...files, ...(await healthy()) });
    expectHealthyRead(ws);
    expect(only(ws, dataXml).message).toMatch(/DOCTYPE or ENTITY/);
    expect(only(ws, meta).message).toMatch(/DOCTYPE or ENTITY/);
    const s = solutionAt(ws, 'evil');
    expect(JSON.stringify(s)).not.toContain('lollol');
    // The flow JSON is still there, read without its record (state unknown).
    expect(s.flows.find((f) => f.id === SUBMIT_ORDER)?.state).toBe('unknown');
    expect(s.flows.find((f) => f.id === GET_ORDERS)?.state).toBe('on');
  });

  it('refuses a WADL with a DTD inside an .msapp', async () => {
    const spec = await ordersSpec();
    const evilWadl = withDtd(wadlXml({ title: '&lol3;', inputs: [], outputs: undefined }), '<application');
    const app = await msapp({ dataSources: [{ name: 'GetOrders', workflowEntityId: GET_ORDERS, wadl: evilWadl }], localConnectionReferences: {} });
    const ws = await load({ 'evil/Orders.zip': await solutionZip({ ...spec, apps: spec.apps?.map((a) => ({ ...a, msapp: app })) }), ...(await healthy()) });
    expectHealthyRead(ws);
    expect(only(ws, 'evil/Orders.zip').message).toMatch(/DOCTYPE or ENTITY/);
    expect(JSON.stringify(ws)).not.toContain('lollol');
  });
});

describe('prototype pollution', () => {
  afterAll(() => {
    // Clean up if a regression did pollute, so other suites are not affected.
    delete (Object.prototype as Record<string, unknown>).polluted;
  });

  it('keys named __proto__ / constructor in DataSources.json, LocalConnectionReferences and connectionReferences are plain data', async () => {
    const conn = 'c0ffee00-0000-4000-8000-0000000000aa';
    const sp = 'c0ffee00-0000-4000-8000-0000000000bb';
    const lcr =
      `{"__proto__": {"polluted": "lcr", "dataSources": ["NotThisOne"]},` +
      ` "constructor": {"prototype": {"polluted": "lcr-ctor"}},` +
      ` "${conn}": ${JSON.stringify(flowConnectionEntry({ id: conn, dataSources: ['GetOrders'], workflowEntityId: GET_ORDERS, dependencies: { shared_sharepointonline: sp } })).replace(
        '"dependencies":{',
        '"dependencies":{"__proto__":{"polluted":"deps"},"constructor":"' + sp + '",',
      )},` +
      ` "${sp}": ${JSON.stringify(connectorConnectionEntry({ id: sp, api: 'shared_sharepointonline' }))}}`;
    const dataSources =
      `{"DataSources": [` +
      `{"__proto__": {"polluted": "ds"}, "constructor": {"prototype": {"polluted": "ds-ctor"}}, "Name": "GetOrders", "Type": "ServiceInfo", "ServiceKind": "ConnectedWadl",` +
      ` "ApiId": "/providers/microsoft.powerapps/apis/shared_logicflows", "WorkflowEntityId": "${GET_ORDERS}", "WadlMetadata": {"__proto__": {"WadlXml": "<x/>"}}},` +
      `{"Name": "__proto__", "Type": "ServiceInfo", "ServiceKind": "AddinWadl", "AddinConnectorId": "constructor"}` +
      `]}`;
    const app = await msapp({ dataSources: [], rawDataSources: dataSources, localConnectionReferences: lcr });
    const flow = flowJson(getOrdersFlow).replace(
      '"connectionReferences":{',
      '"connectionReferences":{"__proto__":{"runtimeSource":"invoker","polluted":"cr","api":{"name":"shared_evil"}},"constructor":{"prototype":{"polluted":"cr-ctor"}},',
    );
    const spec = await ordersSpec();
    const evil: SolutionSpec = {
      ...spec,
      flows: spec.flows?.map((f) => (f.id === GET_ORDERS ? { ...f, json: flow } : f)),
      apps: spec.apps?.map((a) => ({ ...a, msapp: app, connectionReferences: '{"__proto__": {"polluted": "record"}, "constructor": {"prototype": {"polluted": "record-ctor"}}}' })),
    };
    const ws = await load({ 'evil/Orders.zip': await solutionZip(evil), ...unpackedTree(evil, 'evil/src'), ...(await healthy()) });

    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    expect((Object as unknown as Record<string, unknown>).polluted).toBeUndefined();

    expectHealthyRead(ws);
    // The hand-written entries store no WADL (it hides under __proto__): named as data, never read as drift.
    const noWadl = ['GetOrders', '__proto__'].map((n) => `canvas app 'cts_orders_1a2b3': flow data source '${n}': WadlMetadata.WadlXml of '${n}' is missing; its inputs and outputs are not checked`);
    expect(ws.diagnostics.map((d) => [d.file, d.message])).toEqual([
      ...noWadl.map((m) => ['evil/Orders.zip', m]),
      ...noWadl.map((m) => ['evil/src/CanvasApps/cts_orders_1a2b3_DocumentUri.msapp', m]),
    ]);
    for (const path of ['evil/Orders.zip', 'evil/src']) {
      const s = solutionAt(ws, path);
      const flowRead = s.flows.find((f) => f.id === GET_ORDERS);
      expect(flowRead?.inputs.map((i) => i.name)).toEqual(['text', 'number_1', 'boolean']);
      // The odd keys are kept verbatim as data, on ordinary objects.
      expect(flowRead?.connections.map((c) => c.key)).toEqual(['__proto__', 'constructor', 'shared_office365_1', 'shared_sharepointonline']);
      expect(flowRead?.connections[0]).toMatchObject({ api: 'shared_evil', runtimeSource: 'invoker' });
      const calls = s.apps[0]?.calls ?? [];
      expect(calls.map((c) => c.dataSource)).toEqual(['GetOrders', '__proto__']);
      const [call, odd] = calls;
      expect(call?.binding).toMatchObject({ flowId: GET_ORDERS, resolvedBy: 'workflowEntityId' });
      expect(call?.storedInputs).toEqual([]);
      expect(Object.getPrototypeOf(call?.hints)).toBe(Object.prototype);
      expect(call?.storedConnections.map((c) => c.key).sort()).toEqual(['__proto__', 'constructor', 'shared_sharepointonline']);
      expect(call?.storedConnections.find((c) => c.key === 'shared_sharepointonline')?.api).toBe('shared_sharepointonline');
      expect(odd?.binding.flowId).toBeUndefined();
    }
  });
});

describe('prototype pollution through XML', () => {
  it('elements named __proto__ / constructor are refused as invalid XML, naming the file', async () => {
    const spec = await ordersSpec();
    const files = unpackedTree(spec, 'evil');
    const dataXml = Object.keys(files).find((n) => n.includes('SubmitOrder') && n.endsWith('.data.xml')) as string;
    files[dataXml] = new TextEncoder().encode(new TextDecoder().decode(files[dataXml]).replace('<Type>1</Type>', '<Type>1</Type><__proto__><polluted>yes</polluted></__proto__>'));
    const meta = `evil/CanvasApps/${APP}.meta.xml`;
    files[meta] = new TextEncoder().encode(new TextDecoder().decode(files[meta]).replace('<Status>', '<constructor><prototype><polluted>yes</polluted></prototype></constructor><Status>'));
    const ws = await load({ ...files, ...(await healthy()) });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expectHealthyRead(ws);
    expect(only(ws, dataXml).message).toMatch(/invalid XML/);
    expect(only(ws, meta).message).toMatch(/invalid XML/);
    expect(solutionAt(ws, 'evil').flows.map((f) => [f.id, f.state]).sort()).toEqual(
      [
        [GET_ORDERS, 'on'],
        [SUBMIT_ORDER, 'unknown'],
      ].sort(),
    );
  });
});

describe('hostile names', () => {
  it('are kept verbatim in the model (escaping is the renderer’s job)', async () => {
    const flowName = '<script>alert("x")</script> @channel & co';
    const dsName = 'Get\nItems @here <b>';
    const appName = '<img src=x onerror=alert(1)>\n@everyone';
    const id = 'e0e0e0e0-0000-4000-8000-000000000001';
    const spec: SolutionSpec = {
      solution: { uniqueName: 'Hostile', displayName: '<h1>Hostile</h1>\n@all' },
      flows: [
        {
          id,
          name: flowName,
          json: flowJson({
            trigger: 'PowerAppV2',
            inputs: [{ name: 'text', type: 'string', title: '<i>Title</i>\n@mention' }],
            connections: [{ key: 'shared_x', api: 'shared_x', connectionReference: 'cr_<evil>' }],
          }),
        },
      ],
      apps: [
        {
          name: 'cts_hostile_00001',
          displayName: appName,
          msapp: await msapp({
            dataSources: [{ name: dsName, workflowEntityId: id, wadl: wadlXml({ title: flowName, inputs: [{ name: 'text', type: 'string', required: true, title: '<i>Title</i>' }], outputs: undefined }) }],
            localConnectionReferences: {},
          }),
        },
      ],
    };
    const ws = await load({ 'h.zip': await solutionZip(spec), ...unpackedTree(spec, 'u') });
    expect(ws.diagnostics).toEqual([]);
    for (const path of ['h.zip', 'u']) {
      const s = solutionAt(ws, path);
      expect(s.displayName).toBe('<h1>Hostile</h1>\n@all');
      expect(s.flows[0]?.name).toBe(flowName);
      expect(s.flows[0]?.inputs[0]?.title).toBe('<i>Title</i>\n@mention');
      expect(s.flows[0]?.connections[0]?.connectionReference).toBe('cr_<evil>');
      expect(s.apps[0]?.displayName).toBe(appName);
      expect(s.apps[0]?.calls[0]).toMatchObject({ dataSource: dsName, title: flowName, storedInputs: [{ title: '<i>Title</i>' }], binding: { flowId: id } });
    }
  });
});

describe('callback URLs with a SAS signature', () => {
  const sasUri = 'https://prod-00.westeurope.logic.azure.com:443/workflows/0123abcd/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=FAKEsignatureFORtests0000';
  const plainUri = 'https://prod-00.westeurope.logic.azure.com:443/workflows/0123abcd/triggers/manual/paths/invoke?api-version=2016-06-01';
  const conn = 'c0ffee00-0000-4000-8000-0000000000c1';
  const conn2 = 'c0ffee00-0000-4000-8000-0000000000c2';
  const lcr = {
    [conn]: flowConnectionEntry({ id: conn, dataSources: ['SaveAudio'], workflowEntityId: null, callbackUri: sasUri }),
    [conn2]: flowConnectionEntry({ id: conn2, dataSources: ['NoSecret'], callbackUri: plainUri }),
  };

  it('lists the data sources whose workFlowCallbackUri carries sig= (msapp and unpacked sources)', async () => {
    const app = await msapp({ dataSources: [{ name: 'SaveAudio', workflowEntityId: null }, { name: 'NoSecret' }], localConnectionReferences: lcr });
    const sources = canvasSourceFiles({ dataSources: [{ name: 'SaveAudio', workflowEntityId: null }, { name: 'NoSecret' }], connections: lcr });
    const ws = await load({
      's.zip': await solutionZip({ solution: { uniqueName: 'S' }, apps: [{ name: 'cts_audio_00001', msapp: app }] }),
      ...unpackedTree({ solution: { uniqueName: 'U' }, apps: [{ name: 'cts_audio_00001', sources }] }, 'u'),
    });
    expect(ws.diagnostics).toEqual([]);
    expect(solutionAt(ws, 's.zip').apps[0]?.secrets).toEqual([{ dataSource: 'SaveAudio', origin: { file: 's.zip', inner: 'CanvasApps/cts_audio_00001_DocumentUri.msapp!/Properties.json' } }]);
    expect(solutionAt(ws, 'u').apps[0]?.secrets).toEqual([{ dataSource: 'SaveAudio', origin: { file: 'u/CanvasApps/src/cts_audio_00001/Connections/Connections.json' } }]);
    // The signature itself is not copied into the model.
    expect(JSON.stringify(ws)).not.toContain('FAKEsignature');
  });
});

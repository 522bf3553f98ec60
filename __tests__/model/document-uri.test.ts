/**
 * App documents are joined to their records by the record's DocumentUri, never by a file-name prefix:
 * exports cut long logical names in file names and add a suffix that changes with every export
 * (solution-format §8b.9). Checked for every layout that has app records.
 */
import { describe, expect, it } from '@jest/globals';
import type { Workspace } from '../../src/model/types.js';
import { canvasSourceFiles, extractedZipTree, msapp, solutionZip, solutionZipFiles, unpackedTree, wadlXml, flowConnectionEntry, memoryTree, zipOf, type AppSpec, type FileMap, type SolutionSpec } from '../helpers/solution-builder.js';
import { widenYamlChanges } from '../../src/model/yaml-layout.js';
import { toYamlLayout } from '../helpers/yaml-layout.js';
import { GET_ORDERS, SUBMIT_ORDER, load, ordersSpec, solutionAt } from './fixtures.js';

const LIBRARY = 'cr123_expensesdefaultcommandlibrary_1a2b3';
const LIBRARY_DOC = '/CanvasApps/cr123_expensesdefaultco48213_DocumentUri.msapp';
/** A second record whose name, and whose shortened document name, share the first one's prefix. */
const HUB = 'cr123_expensesdefaultcommandhub_4c5d6';
const HUB_DOC = '/CanvasApps/cr123_expensesdefaultco90817_DocumentUri.msapp';

/** An app calling one flow (by its workflow id) from a button. */
async function appCalling(name: string, documentUri: string, dataSource: string, flowId: string): Promise<AppSpec> {
  const conn = `c8fc610e-0000-4000-8000-${flowId.slice(-12)}`;
  return {
    name,
    displayName: name,
    documentUri,
    msapp: await msapp({
      dataSources: [{ name: dataSource, workflowEntityId: flowId, wadl: wadlXml({ title: dataSource, inputs: [], outputs: undefined }) }],
      localConnectionReferences: { [conn]: flowConnectionEntry({ id: conn, dataSources: [dataSource], workflowEntityId: flowId }) },
      onStart: `Set(r, ${dataSource}.Run())`,
    }),
  };
}

async function spec(apps: AppSpec[]): Promise<SolutionSpec> {
  return ordersSpec({ apps });
}

type Layout = [string, (s: SolutionSpec) => Promise<FileMap>, string];

const LAYOUTS: Layout[] = [
  ['zip', async (s) => ({ 'exports/Orders.zip': await solutionZip(s) }), 'exports/Orders.zip'],
  ['unpacked tree (.meta.xml)', async (s) => unpackedTree(s, 'src/Orders'), 'src/Orders'],
  ['extracted zip', async (s) => extractedZipTree(s, 'extracted/Orders'), 'extracted/Orders'],
  ['YAML layout (.meta.yml beside the document)', async (s) => toYamlLayout(unpackedTree(s), { root: 'dv', apps: 'meta' }), 'dv/solutions/OrdersSolution'],
  [
    'YAML layout without solutioncomponents.yml (the root is the solution)',
    async (s) => {
      const files = toYamlLayout(unpackedTree(s), { root: 'dv', apps: 'meta' });
      delete files['dv/solutions/OrdersSolution/solutioncomponents.yml'];
      return files;
    },
    'dv/solutions/OrdersSolution',
  ],
];

function appFacts(ws: Workspace, path: string): { name: string; document: string; calls: [string, string | undefined, number | undefined][] }[] {
  return solutionAt(ws, path).apps.map((a) => ({ name: a.name, document: a.document, calls: a.calls.map((c) => [c.dataSource, c.binding.flowId, c.formulas?.callSites.length]) }));
}

const recordDiagnostics = (ws: Workspace): string[] => ws.diagnostics.filter((d) => /<CanvasApp> record|app document|not analysed/.test(d.message)).map((d) => d.message);

describe.each(LAYOUTS)('app documents by DocumentUri: %s', (_layout, build, path) => {
  it('reads an app whose document has a shortened name, once', async () => {
    const ws = await load(await build(await spec([await appCalling(LIBRARY, LIBRARY_DOC, 'GetOrders', GET_ORDERS)])));
    expect(recordDiagnostics(ws)).toEqual([]);
    expect(appFacts(ws, path)).toEqual([{ name: LIBRARY, document: 'msapp', calls: [['GetOrders', GET_ORDERS, 1]] }]);
  });

  it('reads an app whose document name shares no prefix with the record name', async () => {
    const ws = await load(await build(await spec([await appCalling(LIBRARY, '/CanvasApps/zz_renamed_77777_DocumentUri.msapp', 'GetOrders', GET_ORDERS)])));
    expect(recordDiagnostics(ws)).toEqual([]);
    expect(appFacts(ws, path)).toEqual([{ name: LIBRARY, document: 'msapp', calls: [['GetOrders', GET_ORDERS, 1]] }]);
  });

  it('gives each of two records that share a prefix its own document', async () => {
    const apps = [await appCalling(LIBRARY, LIBRARY_DOC, 'GetOrders', GET_ORDERS), await appCalling(HUB, HUB_DOC, 'SubmitOrder', SUBMIT_ORDER)];
    const ws = await load(await build(await spec(apps)));
    expect(recordDiagnostics(ws)).toEqual([]);
    expect(appFacts(ws, path)).toEqual([
      { name: HUB, document: 'msapp', calls: [['SubmitOrder', SUBMIT_ORDER, 1]] },
      { name: LIBRARY, document: 'msapp', calls: [['GetOrders', GET_ORDERS, 1]] },
    ]);
  });
});

describe('app documents no record names', () => {
  it('are still reported (zip, unpacked tree), and the record whose DocumentUri is absent says its document is missing', async () => {
    const app = await appCalling(LIBRARY, LIBRARY_DOC, 'GetOrders', GET_ORDERS);
    const s = await spec([app]);
    // The document is committed under the name of an older export: no record's DocumentUri names it.
    const stale = (p: string): string => p.replace('co48213', 'co11111');
    const zip = await zipOf(solutionZipFiles(s).map(([p, c]) => [stale(p), c] as const));
    const tree = Object.fromEntries(Object.entries(unpackedTree(s, 'src/Orders')).map(([p, c]) => [/\.msapp$/.test(p) ? stale(p) : p, c]));
    const ws = await load({ 'exports/Orders.zip': zip, ...tree });
    expect(ws.diagnostics.filter((d) => /<CanvasApp> record|is missing/.test(d.message)).map((d) => [d.file, d.message])).toEqual([
      ['exports/Orders.zip', `canvas app '${LIBRARY}': the app document 'cr123_expensesdefaultco48213_DocumentUri.msapp' is missing (not committed, or stored elsewhere); its flow calls cannot be checked`],
      ['exports/Orders.zip', "no <CanvasApp> record describes 'CanvasApps/cr123_expensesdefaultco11111_DocumentUri.msapp' (no record's DocumentUri names it); the app is not analysed"],
      ['src/Orders/CanvasApps/cr123_expensesdefaultco48213_DocumentUri.msapp', `canvas app '${LIBRARY}': the app document 'cr123_expensesdefaultco48213_DocumentUri.msapp' is missing (not committed, or stored elsewhere); its flow calls cannot be checked`],
      ['src/Orders/Other/Customizations.xml', "no <CanvasApp> record describes 'CanvasApps/cr123_expensesdefaultco11111_DocumentUri.msapp' (no record's DocumentUri names it); the app is not analysed"],
    ]);
  });
});

describe('unpacked app sources named after the document (SolutionPackager: x_DocumentUri.msapp → x_DocumentUri_msapp_src/)', () => {
  it('are the record\'s sources when the document name is shortened', async () => {
    const { msapp: _bytes, ...app } = await appCalling(LIBRARY, LIBRARY_DOC, 'GetOrders', GET_ORDERS);
    const base = await spec([app]);
    const sources = canvasSourceFiles({ dataSources: [{ name: 'GetOrders', workflowEntityId: GET_ORDERS, wadl: wadlXml({ title: 'GetOrders', inputs: [], outputs: undefined }) }], onSelect: 'Set(r, GetOrders.Run())' });
    const files = unpackedTree({ ...base, apps: [{ ...app, sources, sourcesFolder: 'msapp_src' }] }, 'src/Orders');
    expect(Object.keys(files).some((p) => p.startsWith('src/Orders/CanvasApps/cr123_expensesdefaultco48213_DocumentUri_msapp_src/'))).toBe(true);
    const ws = await load(files);
    expect(recordDiagnostics(ws)).toEqual([]);
    expect(appFacts(ws, 'src/Orders')).toEqual([{ name: LIBRARY, document: 'unpacked', calls: [['GetOrders', GET_ORDERS, 1]] }]);
  });
});

describe('flow records joined by WorkflowId when their JsonFileName names no file', () => {
  it('describe the flow file that carries their id: its state is read, no "no <Workflow> record" warning', async () => {
    const s = await ordersSpec({ apps: [] });
    const renamed = (p: string): string => p.replace(/^Workflows\/SubmitOrder-/, 'Workflows/SubmitOrderv2-');
    const zip = await zipOf(solutionZipFiles(s).map(([p, c]) => [renamed(p), c] as const));
    const ws = await load({ 'exports/Orders.zip': zip });
    expect(ws.diagnostics.map((d) => d.message)).toEqual([]);
    const flow = solutionAt(ws, 'exports/Orders.zip').flows.find((f) => f.id === SUBMIT_ORDER);
    expect([flow?.name, flow?.state, flow?.origin.inner]).toEqual(['Submit Order', 'off', `Workflows/SubmitOrderv2-${SUBMIT_ORDER.toUpperCase()}.json`]);
  });
});

describe('stored signatures of unpacked sources joined by the data source file, not its name', () => {
  it("read 'pkgs/Wadl/A%2cB.xml' for the data source 'A,B' of 'DataSources/A%2cB.json' (§8b.11)", async () => {
    const { msapp: _bytes, ...app } = await appCalling(LIBRARY, LIBRARY_DOC, 'A,B', GET_ORDERS);
    const wadl = wadlXml({ title: 'A, B', inputs: [{ name: 'text', type: 'string', required: true }], outputs: undefined });
    const escaped = (p: string): string => p.replace('A,B', 'A%2cB');
    const sources = Object.fromEntries(
      Object.entries(canvasSourceFiles({ dataSources: [{ name: 'A,B', workflowEntityId: GET_ORDERS, wadl }], onSelect: "'A,B'.Run(\"x\")" })).map(([p, c]) => [escaped(p), c]),
    );
    expect(Object.keys(sources).filter((p) => p.includes('%2c')).sort()).toEqual(['DataSources/A%2cB.json', 'pkgs/Wadl/A%2cB.xml']);
    const ws = await load(unpackedTree({ ...(await spec([])), apps: [{ ...app, sources, sourcesFolder: 'msapp_src' }] }, 'src/Orders'));
    expect(ws.diagnostics.map((d) => d.message)).toEqual([]);
    const call = solutionAt(ws, 'src/Orders').apps[0]?.calls[0];
    expect([call?.dataSource, call?.signatureUnreadable, call?.storedInputs.map((p) => p.name)]).toEqual(['A,B', undefined, ['text']]);
  });
});

describe('which YAML solutions a change to a shortened app document touches', () => {
  it("is the solution that lists the document's record, not every solution of the root", async () => {
    const app = await appCalling(LIBRARY, LIBRARY_DOC, 'GetOrders', GET_ORDERS);
    const full = await spec([app]);
    const tree = memoryTree({
      ...toYamlLayout(unpackedTree({ ...full, solution: { ...full.solution, uniqueName: 'Core' }, apps: [] }), { root: 'dv' }),
      ...toYamlLayout(unpackedTree({ ...full, solution: { ...full.solution, uniqueName: 'Apps' }, flows: [] }), { root: 'dv', components: 'reference' }),
    });
    expect(tree.has('dv/canvasapps/cr123_expensesdefaultco48213_DocumentUri.msapp')).toBe(true);
    const touched = async (...paths: string[]): Promise<string[]> =>
      (await widenYamlChanges(paths.map((path) => ({ status: 'modified' as const, path })), [tree])).slice(paths.length).map((c) => c.path);
    expect(await touched('dv/canvasapps/cr123_expensesdefaultco48213_DocumentUri.msapp')).toEqual(['dv/solutions/Apps/solutioncomponents.yml']);
    expect(await touched('dv/canvasapps/cr123_expensesdefaultco48213_BackgroundImageUri')).toEqual(['dv/solutions/Apps/solutioncomponents.yml']);
    // A file no record names and no solution lists still touches every solution of the root.
    expect(await touched('dv/canvasapps/cr123_unknown_DocumentUri.msapp')).toEqual(['dv/solutions/Apps/solutioncomponents.yml', 'dv/solutions/Core/solutioncomponents.yml']);
  });
});

describe('YAML layout: unpacked sources under the document stem, no document committed', () => {
  it('are the sources of the record whose DocumentUri has that stem: one app', async () => {
    const { msapp: _bytes, ...app } = await appCalling(LIBRARY, LIBRARY_DOC, 'GetOrders', GET_ORDERS);
    const sources = canvasSourceFiles({ dataSources: [{ name: 'GetOrders', workflowEntityId: GET_ORDERS, wadl: wadlXml({ title: 'GetOrders', inputs: [], outputs: undefined }) }], onSelect: 'Set(r, GetOrders.Run())' });
    const yaml = toYamlLayout(unpackedTree({ ...(await spec([])), apps: [{ ...app, sources }] }), { root: 'dv', apps: 'meta' });
    // The sources sit beside the record under the document's (shortened) stem.
    const files = Object.fromEntries(Object.entries(yaml).map(([p, c]) => [p.replace(`canvasapps/src/${LIBRARY}/`, 'canvasapps/src/cr123_expensesdefaultco48213/'), c]));
    expect(Object.keys(files).some((p) => p.startsWith('dv/canvasapps/src/cr123_expensesdefaultco48213/'))).toBe(true);
    const ws = await load(files);
    expect(appFacts(ws, 'dv/solutions/OrdersSolution')).toEqual([{ name: LIBRARY, document: 'unpacked', calls: [['GetOrders', GET_ORDERS, 1]] }]);
  });
});

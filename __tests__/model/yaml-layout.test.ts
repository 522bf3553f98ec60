import { afterEach, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { analyzeChange, analyzeTree } from '../../src/engine.js';
import { widenYamlChanges } from '../../src/model/yaml-layout.js';
import { buildReport } from '../../src/report/build-report.js';
import type { Diagnostic, Solution, Workspace } from '../../src/model/types.js';
import type { Finding } from '../../src/rules/types.js';
import { CORPUS, describeCorpus } from '../helpers/corpus.js';
import { TestRepo } from '../helpers/git-repo.js';
import { canvasSourceFiles, flowJson, memoryTree, unpackedTree, type FileMap, type SolutionSpec } from '../helpers/solution-builder.js';
import { readFolder, toYamlLayout, type YamlLayoutOptions } from '../helpers/yaml-layout.js';
import { APP, GET_ORDERS, SUBMIT_ORDER, essence, getOrdersFlow, load, ordersSpec, solutionAt } from './fixtures.js';

const ENV_VAR = `<?xml version="1.0" encoding="utf-8"?>
<environmentvariabledefinition schemaname="cts_OrdersSite">
  <defaultvalue>https://contoso.sharepoint.com/sites/orders</defaultvalue>
  <type>100000000</type>
</environmentvariabledefinition>
`;

async function fullSpec(overrides: Partial<SolutionSpec> = {}): Promise<SolutionSpec> {
  const spec = await ordersSpec(overrides);
  return {
    ...spec,
    solution: {
      ...spec.solution,
      missingDependencies: [{ required: { type: 1, schemaName: 'account', displayName: 'Account', solution: 'Active' }, dependent: { type: 29, id: GET_ORDERS } }],
    },
    extraFiles: { 'environmentvariabledefinitions/cts_OrdersSite/environmentvariabledefinition.xml': ENV_VAR, ...(spec.extraFiles ?? {}) },
  };
}

/** Everything the rules read, without where it was read. */
function model(s: Solution): unknown {
  return {
    ...(essence(s) as object),
    managed: s.managed,
    parentSolution: s.parentSolution,
    // The YAML layout keeps each connection reference in its own folder: their order is the folders', not customizations.xml's.
    connectionReferences: s.connectionReferences.map(({ origin: _o, ...rest }) => rest).sort((a, b) => (a.logicalName < b.logicalName ? -1 : 1)),
    missingDependencies: s.missingDependencies,
    environmentVariables: s.environmentVariables.map(({ origin: _o, ...rest }) => rest),
  };
}

/** A finding without where it points. */
function findingKey(f: Finding): string {
  return [f.ruleId, f.severity, f.flowId ?? '', f.app?.name ?? '', f.what ?? '', f.errorCodes.join(',')].join(' | ');
}

/** A diagnostic's message with the two roots taken out. */
function diagnosticKey(d: Diagnostic, roots: RegExp): string {
  return `${d.severity} ${d.message.replace(roots, '<root>')}`;
}

async function analyse(files: FileMap): Promise<{ ws: Workspace; findings: Finding[] }> {
  const r = await analyzeTree(memoryTree(files), structuredClone(DEFAULT_CONFIG), false, { hashes: true });
  return { ws: r.workspace, findings: r.findings };
}

const VARIANTS: { name: string; o: YamlLayoutOptions }[] = [
  { name: "Git-integration components ('@path'), .meta.yml beside the app", o: { components: 'git', apps: 'meta' } },
  { name: 'reference components (Path), app in its own folder', o: { components: 'reference', apps: 'folder' } },
  { name: "Git-integration components ('@path'), app in its own folder", o: { components: 'git', apps: 'folder' } },
  { name: 'reference components (Path), .meta.yml beside the app', o: { components: 'reference', apps: 'meta' } },
];

describe('the YAML source-control layout, converted from an inline solution', () => {
  for (const { name, o } of VARIANTS) {
    it(`reads the same model and findings as the classic tree: ${name}`, async () => {
      const classicFiles = unpackedTree(await fullSpec(), 'classic/Orders');
      const classic = await analyse(classicFiles);
      const yaml = await analyse(toYamlLayout(unpackedTree(await fullSpec()), { ...o, root: 'dataverse' }));
      const c = solutionAt(classic.ws, 'classic/Orders');
      const y = solutionAt(yaml.ws, 'dataverse/solutions/OrdersSolution');
      expect(y.layout).toBe('yaml');
      expect(model(y)).toEqual(model(c));
      expect(y.flows.length).toBeGreaterThan(0);
      expect(y.apps[0]?.calls.map((k) => k.binding.resolvedBy)).toEqual(c.apps[0]?.calls.map((k) => k.binding.resolvedBy));
      expect(y.apps[0]?.calls.every((k) => k.binding.solutionPath === 'dataverse/solutions/OrdersSolution')).toBe(true);
      expect(yaml.findings.map(findingKey).sort()).toEqual(classic.findings.map(findingKey).sort());
      expect(yaml.findings.length).toBeGreaterThan(0);
      expect(yaml.ws.diagnostics.map((d) => diagnosticKey(d, /dataverse\/|classic\/Orders\//g))).toEqual(classic.ws.diagnostics.map((d) => diagnosticKey(d, /dataverse\/|classic\/Orders\//g)));

      // Locations point at the YAML-layout files.
      const get = y.flows.find((f) => f.id === GET_ORDERS);
      expect(get?.origin.file).toMatch(new RegExp(`^dataverse/modernflows/${GET_ORDERS}/GetOrders-${GET_ORDERS.toUpperCase()}\\.json$`));
      expect(get?.metaOrigin?.file).toBe(`dataverse/modernflows/${GET_ORDERS}/workflow.yml`);
      expect(y.apps[0]?.origin.file).toBe(o.apps === 'folder' ? `dataverse/canvasapps/${APP}/${APP}.msapp` : `dataverse/canvasapps/${APP}_DocumentUri.msapp`);
      expect(y.connectionReferences[0]?.origin.file).toMatch(/^dataverse\/connectionreferences\/[^/]+\/connectionreference\.yml$/);
      expect(y.environmentVariables[0]?.origin.file).toBe('dataverse/environmentvariabledefinitions/cts_OrdersSite/environmentvariabledefinition.xml');
      for (const f of yaml.findings) expect(f.location.file).toMatch(/^dataverse\/(modernflows|canvasapps|connectionreferences|environmentvariabledefinitions|solutions)\//);
      // Nothing says "not analysed" any more, and the app inside the root is not "outside any solution".
      expect(yaml.ws.diagnostics.filter((d) => /not analysed|outside any solution/.test(d.message))).toEqual([]);
    });
  }

  it('reads unpacked canvas sources under canvasapps/ when no .msapp is committed', async () => {
    const spec = await fullSpec();
    const classicFiles = unpackedTree(spec, 'classic');
    const yamlFiles = toYamlLayout(unpackedTree(spec), { root: 'y', apps: 'meta' });
    // The same app as sources only, in both layouts.
    const sources = canvasSourceFiles({ dataSources: [{ name: 'GetOrders', workflowEntityId: GET_ORDERS }], connections: {} });
    const withSources = async (files: FileMap, msappPath: string, srcDir: string): Promise<Solution> => {
      const copy: FileMap = { ...files };
      delete copy[msappPath];
      for (const [p, c] of Object.entries(sources)) copy[`${srcDir}/${p}`] = c;
      const r = await analyse(copy);
      return r.ws.solutions[0] as Solution;
    };
    const c = await withSources(classicFiles, `classic/CanvasApps/${APP}_DocumentUri.msapp`, `classic/CanvasApps/src/${APP}`);
    const y = await withSources(yamlFiles, `y/canvasapps/${APP}_DocumentUri.msapp`, `y/canvasapps/src/${APP}`);
    expect(c.apps[0]?.document).toBe('unpacked');
    expect(y.apps[0]?.document).toBe('unpacked');
    expect(model(y)).toEqual(model(c));
    expect(y.apps[0]?.origin.file).toBe(`y/canvasapps/src/${APP}`);
  });

  it('takes the app record\'s ConnectionReferences as a YAML mapping as well as a JSON string', async () => {
    const { parse, stringify } = await import('yaml');
    const files = toYamlLayout(unpackedTree(await ordersSpec()), { root: 'dv', apps: 'meta' });
    const name = `dv/canvasapps/${APP}.meta.yml`;
    const doc = parse(new TextDecoder().decode(files[name])) as { CanvasApp: { ConnectionReferences: string } };
    const before = await analyse(files);
    files[name] = enc(stringify({ CanvasApp: { ...doc.CanvasApp, ConnectionReferences: JSON.parse(doc.CanvasApp.ConnectionReferences) } }));
    const after = await analyse(files);
    const calls = (ws: Workspace) => ws.solutions[0]?.apps[0]?.calls.map((c) => [c.dataSource, c.hints, c.binding.resolvedBy]);
    expect(calls(after.ws)).toEqual(calls(before.ws));
    expect(calls(after.ws)?.some(([, hints]) => (hints as { appRecord?: string }).appRecord === GET_ORDERS)).toBe(true);
  });

  it('reads the spellings of a real Git-integration commit (unquoted numbers, braces, leading slashes)', async () => {
    const id = '85dc37d4-8d2b-f011-8c4c-000d3a5a111e';
    const ws = await load({
      'solutions/Contoso/solution.yml': `ImportExportXml:
  '@version': 9.2.25044.189
  '@SolutionPackageVersion': '9.2'
  '@languagecode': '1033'
  '@generatedBy': CrmLive
  SolutionManifest:
    UniqueName: Contoso
    LocalizedNames:
      LocalizedName:
        '@description': Contoso Core
        '@languagecode': '1033'
    Version: 1.0.0.7
    Managed: 0
    Publisher:
      UniqueName: contoso
`,
      'solutions/Contoso/solutioncomponents.yml': `SolutionComponents:
  Component:
  - '@path': /connectionreferences/cts_sharedsharepointonline_1a2b3
  - '@path': /modernflows/${id}
  - '@path': /publishers/contoso
`,
      'publishers/contoso/publisher.yml': `Publisher:
  UniqueName: contoso
  CustomizationPrefix: cts
`,
      [`modernflows/${id}/workflow.yml`]: `Workflow:
  '@WorkflowId': '{${id}}'
  '@Name': Get Orders
  '@Description': ''
  JsonFileName: /modernflows/${id}/GetOrders-${id.toUpperCase()}.json
  Type: 1
  Subprocess: 0
  Category: 5
  Mode: 0
  Scope: 4
  OnDemand: 0
  TriggerOnCreate: 0
  TriggerOnDelete: 0
  AsyncAutodelete: 0
  SyncWorkflowLogOnFailure: 0
  StateCode: 1
  StatusCode: 2
  RunAs: 1
  IsTransacted: 1
  IntroducedVersion: 1.0.0.0
  IsCustomizable: 1
  BusinessProcessType: 0
  IsCustomProcessingStepAllowedForOtherPublishers: 1
  ModernFlowType: 0
  PrimaryEntity: none
  LocalizedNames:
    LocalizedName:
      '@languagecode': '1033'
      '@description': Get Orders
`,
      [`modernflows/${id}/GetOrders-${id.toUpperCase()}.json`]: flowJson(getOrdersFlow),
      'connectionreferences/cts_sharedsharepointonline_1a2b3/connectionreference.yml': `connectionreference:
  '@connectionreferencelogicalname': cts_sharedsharepointonline_1a2b3
  connectionreferencedisplayname: SharePoint Orders
  connectorid: /providers/Microsoft.PowerApps/apis/shared_sharepointonline
  iscustomizable: 1
  promptingbehavior: 0
  statecode: 0
  statuscode: 1
`,
    });
    expect(ws.diagnostics).toEqual([]);
    const s = solutionAt(ws, 'solutions/Contoso');
    expect(s).toMatchObject({ layout: 'yaml', uniqueName: 'Contoso', displayName: 'Contoso Core', version: '1.0.0.7', managed: 'unmanaged', publisher: { uniqueName: 'contoso', prefix: 'cts' } });
    expect(s.flows).toHaveLength(1);
    expect(s.flows[0]).toMatchObject({ id, name: 'Get Orders', state: 'on', category: 5, customizable: true, trigger: { kind: 'PowerAppV2' } });
    expect(s.connectionReferences.map(({ origin: _o, ...c }) => c)).toEqual([
      { logicalName: 'cts_sharedsharepointonline_1a2b3', displayName: 'SharePoint Orders', connectorId: '/providers/Microsoft.PowerApps/apis/shared_sharepointonline', api: 'shared_sharepointonline', customizable: true },
    ]);
  });
});

describe('a YAML root holding several solutions that share the component folders', () => {
  async function sharedRoot(): Promise<FileMap> {
    const full = await ordersSpec();
    const getOrders = full.flows?.find((f) => f.id === GET_ORDERS);
    const submit = full.flows?.find((f) => f.id === SUBMIT_ORDER);
    // Core holds Get Orders; Apps holds the app and Submit Order; both use the SharePoint connection reference.
    const core = toYamlLayout(unpackedTree({ ...full, solution: { ...full.solution, uniqueName: 'Core' }, flows: [getOrders!], apps: [], connectionReferences: full.connectionReferences }), { root: 'dv', components: 'git' });
    const apps = toYamlLayout(unpackedTree({ ...full, solution: { ...full.solution, uniqueName: 'Apps' }, flows: [submit!], connectionReferences: full.connectionReferences?.slice(0, 1) }), { root: 'dv', components: 'reference' });
    return { ...core, ...apps };
  }

  it('gives each solution its own components, binds across them and reports each', async () => {
    const files = await sharedRoot();
    expect(Object.keys(files).filter((p) => p.startsWith('dv/modernflows/')).length).toBeGreaterThanOrEqual(4);
    const { ws, findings } = await analyse(files);
    expect(ws.solutions.map((s) => [s.path, s.uniqueName, s.layout])).toEqual([
      ['dv/solutions/Apps', 'Apps', 'yaml'],
      ['dv/solutions/Core', 'Core', 'yaml'],
    ]);
    const [apps, core] = ws.solutions as [Solution, Solution];
    expect(core.flows.map((f) => f.id)).toEqual([GET_ORDERS]);
    expect(apps.flows.map((f) => f.id)).toEqual([SUBMIT_ORDER]);
    expect(core.apps).toEqual([]);
    expect(apps.apps.map((a) => a.name)).toEqual([APP]);
    expect(core.connectionReferences.map((c) => c.logicalName).sort()).toEqual(['cts_sharedoffice365_1a2b3', 'cts_sharedsharepointonline_1a2b3']);
    expect(apps.connectionReferences.map((c) => c.logicalName)).toEqual(['cts_sharedsharepointonline_1a2b3']);
    // The app's GetOrders call binds to the flow of the other solution.
    const calls = apps.apps[0]?.calls ?? [];
    expect(calls.find((c) => c.dataSource === 'GetOrders')?.binding).toMatchObject({ flowId: GET_ORDERS, solutionPath: 'dv/solutions/Core', confidence: 'high' });
    expect(calls.find((c) => c.dataSource === 'SubmitOrder')?.binding).toMatchObject({ flowId: SUBMIT_ORDER, solutionPath: 'dv/solutions/Apps' });
    expect(findings.some((f) => f.ruleId === 'FG104')).toBe(false);
    // Per-solution report entries.
    const report = buildReport(ws, findings);
    expect(report.solutions.map((s) => [s.path, s.uniqueName, s.layout, s.flows.length, s.apps.length])).toEqual([
      ['dv/solutions/Apps', 'Apps', 'yaml', 1, 1],
      ['dv/solutions/Core', 'Core', 'yaml', 1, 0],
    ]);
    expect(ws.diagnostics).toEqual([]);
  });

  it('says when a listed component is absent on disk', async () => {
    const files = toYamlLayout(unpackedTree(await ordersSpec()), { root: 'dv', dropOnDisk: [`modernflows/${GET_ORDERS}`] });
    const { ws } = await analyse(files);
    const s = solutionAt(ws, 'dv/solutions/OrdersSolution');
    expect(s.flows.map((f) => f.id)).toEqual([SUBMIT_ORDER]);
    expect(ws.diagnostics.filter((d) => d.file === 'dv/solutions/OrdersSolution/solutioncomponents.yml').map((d) => [d.severity, d.message])).toEqual([
      ['warning', `lists component 'modernflows/${GET_ORDERS}', which is not in the tree: packing this solution would silently leave it out`],
    ]);
  });

  it('reads every component of the root, with a warning, when a solution of several has no solutioncomponents.yml', async () => {
    const files = await sharedRoot();
    delete files['dv/solutions/Core/solutioncomponents.yml'];
    const { ws } = await analyse(files);
    expect(solutionAt(ws, 'dv/solutions/Core').flows.map((f) => f.id).sort()).toEqual([GET_ORDERS, SUBMIT_ORDER].sort());
    expect(ws.diagnostics.map((d) => [d.file, d.severity])).toEqual([['dv/solutions/Core/solution.yml', 'warning']]);
  });
});

describe('hostile YAML gives diagnostics, not crashes', () => {
  async function base(): Promise<FileMap> {
    return toYamlLayout(unpackedTree(await ordersSpec()), { root: 'dv' });
  }
  const flowYml = `dv/modernflows/${GET_ORDERS}/workflow.yml`;
  const bomb = 'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n';

  it('refuses an alias bomb in solution.yml', async () => {
    const files = await base();
    files['dv/solutions/OrdersSolution/solution.yml'] = new TextEncoder().encode(bomb);
    const { ws } = await analyse(files);
    expect(ws.solutions).toEqual([]);
    expect(ws.diagnostics.map((d) => [d.file, d.message])).toEqual([['dv/solutions/OrdersSolution/solution.yml', expect.stringMatching(/invalid YAML \(Excessive alias count/)]]);
  });

  it('keeps __proto__ keys as data', async () => {
    const files = await base();
    const text = new TextDecoder().decode(files[flowYml]);
    files[flowYml] = new TextEncoder().encode(`${text}__proto__:\n  polluted: yes\n`.replace('Workflow:\n', 'Workflow:\n  __proto__:\n    Category: "0"\n    polluted: yes\n'));
    expect(new TextDecoder().decode(files[flowYml])).toMatch(/^Workflow:\n  __proto__:\n    Category: "0"\n[\s\S]*\n__proto__:\n  polluted: yes\n$/);
    const { ws } = await analyse(files);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const flow = solutionAt(ws, 'dv/solutions/OrdersSolution').flows.find((f) => f.id === GET_ORDERS);
    expect(flow).toMatchObject({ name: 'Get Orders', category: 5, state: 'on' });
  });

  const cases: [string, (f: FileMap) => void, RegExp, string][] = [
    ['solution.yml is a list', (f) => (f['dv/solutions/OrdersSolution/solution.yml'] = enc('- a\n- b\n')), /has no ImportExportXml: SolutionManifest/, 'dv/solutions/OrdersSolution/solution.yml'],
    ['solution.yml is not YAML', (f) => (f['dv/solutions/OrdersSolution/solution.yml'] = enc('ImportExportXml: [unclosed\n')), /invalid YAML/, 'dv/solutions/OrdersSolution/solution.yml'],
    ['solution.yml holds two documents', (f) => (f['dv/solutions/OrdersSolution/solution.yml'] = enc('a: 1\n---\nb: 2\n')), /invalid YAML/, 'dv/solutions/OrdersSolution/solution.yml'],
    ['workflow.yml is a list', (f) => (f[flowYml] = enc('- Workflow\n')), /not a Workflow record/, flowYml],
    ['workflow.yml repeats a key', (f) => (f[flowYml] = enc("Workflow:\n  '@Name': a\n  '@Name': b\n")), /invalid YAML \(Map keys must be unique/, flowYml],
    ['workflow.yml nests too deep', (f) => (f[flowYml] = enc(`Workflow: ${'['.repeat(80)}${']'.repeat(80)}\n`)), /nested deeper than 64 levels/, flowYml],
    ['solutioncomponents.yml is a scalar', (f) => (f['dv/solutions/OrdersSolution/solutioncomponents.yml'] = enc('just text\n')), /lists no components|has no path/, 'dv/solutions/OrdersSolution/solutioncomponents.yml'],
    [
      'a connection reference has the wrong shape',
      (f) => (f['dv/connectionreferences/cts_sharedoffice365_1a2b3/connectionreference.yml'] = enc('connectionreference: [1, 2]\n')),
      /not a connectionreference record/,
      'dv/connectionreferences/cts_sharedoffice365_1a2b3/connectionreference.yml',
    ],
    ['an app record is a string', (f) => (f[`dv/canvasapps/${APP}.meta.yml`] = enc('CanvasApp: "x"\n')), /not a CanvasApp record/, `dv/canvasapps/${APP}.meta.yml`],
    ['an app record carries a custom tag', (f) => (f[`dv/canvasapps/${APP}.meta.yml`] = enc('CanvasApp: !!js/function "function () {}"\n')), /not a CanvasApp record/, `dv/canvasapps/${APP}.meta.yml`],
  ];
  for (const [name, mutate, message, file] of cases) {
    it(name, async () => {
      const files = await base();
      mutate(files);
      const { ws } = await analyse(files);
      expect(ws.diagnostics.filter((d) => d.file === file).map((d) => d.message)).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
    });
  }
});

function enc(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

describeCorpus('the YAML layout, converted from the real unpacked trees of the corpus', () => {
  const trees = ['pnp-contoso-school-src', 'pnp-patch-tuesday-src', 'pnp-sharepoint-site-assistant-src'];
  trees.forEach((tree, i) => {
    const variant = VARIANTS[i % VARIANTS.length] as (typeof VARIANTS)[number];
    it(`${tree}: the same flows, apps, bindings and findings (${variant.name})`, async () => {
      const files = readFolder(join(CORPUS, tree));
      const classic = await analyse(Object.fromEntries(Object.entries(files).map(([p, c]) => [`classic/${p}`, c])));
      const yaml = await analyse(toYamlLayout(files, { ...variant.o, root: 'repo' }));
      const c = classic.ws.solutions[0] as Solution;
      expect(yaml.ws.solutions).toHaveLength(1);
      const y = yaml.ws.solutions[0] as Solution;
      expect(y.layout).toBe('yaml');
      expect(y.path).toBe(`repo/solutions/${c.uniqueName}`);
      expect(model(y)).toEqual(model(c));
      expect(y.flows.length).toBeGreaterThan(0);
      expect(y.apps.length).toBeGreaterThan(0);
      expect(yaml.findings.map(findingKey).sort()).toEqual(classic.findings.map(findingKey).sort());
      for (const f of y.flows) expect(f.origin.file).toMatch(new RegExp(`^repo/modernflows/${f.id}/[^/]+\\.json$`));
      for (const a of y.apps) expect(a.origin.file).toMatch(/^repo\/canvasapps\//);
      const roots = /repo\/|classic\//g;
      expect(yaml.ws.diagnostics.map((d) => diagnosticKey(d, roots))).toEqual(classic.ws.diagnostics.map((d) => diagnosticKey(d, roots)));
    });
  });

  it('pnp-contoso-school-src without its .msapp: the unpacked canvas sources, read the same in both layouts', async () => {
    const files = readFolder(join(CORPUS, 'pnp-contoso-school-src'));
    for (const p of Object.keys(files)) if (p.endsWith('.msapp')) delete files[p];
    const classic = await analyse(Object.fromEntries(Object.entries(files).map(([p, c]) => [`classic/${p}`, c])));
    const yaml = await analyse(toYamlLayout(files, { components: 'reference', apps: 'meta', root: 'repo' }));
    const c = classic.ws.solutions[0] as Solution;
    const y = yaml.ws.solutions[0] as Solution;
    expect(c.apps.map((a) => a.document)).toEqual(['unpacked']);
    expect(y.apps.map((a) => [a.document, a.origin.file])).toEqual([['unpacked', 'repo/canvasapps/src/acs_contososchool_60e52']]);
    expect(model(y)).toEqual(model(c));
    expect(y.apps[0]?.calls.length).toBeGreaterThan(0);
    expect(yaml.findings.map(findingKey).sort()).toEqual(classic.findings.map(findingKey).sort());
  });
});

// ---- pull-request mode on a real git repository ----

const repos: TestRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.remove();
});

async function compare(base: FileMap, head: FileMap) {
  const repo = new TestRepo();
  repos.push(repo);
  repo.write(base);
  repo.commit('base: Git integration commit');
  repo.git('checkout', '-q', '-b', 'feature');
  repo.write(Object.fromEntries(Object.keys(base).map((k) => [k, null])));
  repo.write(head);
  repo.commit('head: Git integration commit');
  return analyzeChange({ cwd: repo.dir, paths: ['.'], base: { ref: 'main' } });
}

describe('pull-request mode on YAML-layout commits', () => {
  it('reports a flow signature change without re-binding the app as new', async () => {
    const base = toYamlLayout(unpackedTree(await ordersSpec()), { root: 'dataverse' });
    const changed = { ...getOrdersFlow, inputs: [...(getOrdersFlow.inputs ?? []), { name: 'text_1', type: 'string', title: 'Region' }] };
    const spec = await ordersSpec();
    const headSpec = { ...spec, flows: spec.flows?.map((f) => (f.id === GET_ORDERS ? { ...f, json: flowJson(changed) } : f)) };
    const head = toYamlLayout(unpackedTree(headSpec), { root: 'dataverse' });
    const r = await compare(base, head);
    expect(r.pairs.map((p) => [p.base?.path, p.head?.path, p.pairedBy])).toEqual([['dataverse/solutions/OrdersSolution', 'dataverse/solutions/OrdersSolution', 'path']]);
    const fresh = r.findings.filter((f) => f.status === 'new');
    expect(fresh.filter((f) => f.ruleId === 'FG105')).toEqual([expect.objectContaining({ flowId: GET_ORDERS, app: expect.objectContaining({ name: APP }) })]);
    // The input drift is the change finding's evidence (one cause, one entry).
    expect(fresh.find((f) => f.ruleId === 'FG105')?.evidence?.map((e) => e.ruleId)).toEqual(['FG101']);
    expect(fresh.find((f) => f.ruleId === 'FG105')?.location.file).toBe(`dataverse/modernflows/${GET_ORDERS}/GetOrders-${GET_ORDERS.toUpperCase()}.json`);
    expect(r.report.changes?.filter((c) => c.kind === 'flow').map((c) => [c.id, c.change])).toEqual([[GET_ORDERS, 'signature-changed']]);
  });

  it('stays quiet on a pure re-commit (keys re-ordered, same content)', async () => {
    const spec = await ordersSpec();
    const base = toYamlLayout(unpackedTree(spec), { root: 'dataverse', components: 'git' });
    const head = toYamlLayout(unpackedTree(spec), { root: 'dataverse', components: 'git', reverseKeys: true });
    expect(head['dataverse/solutions/OrdersSolution/solution.yml']).not.toEqual(base['dataverse/solutions/OrdersSolution/solution.yml']);
    const r = await compare(base, head);
    expect(r.findings.filter((f) => f.status === 'new')).toEqual([]);
    expect(r.report.changes ?? []).toEqual([]);
    expect(r.findings.length).toBeGreaterThan(0);
  });

  it('scopes a change of a shared folder to the solution that owns the component', async () => {
    const full = await ordersSpec();
    const getOrders = full.flows?.find((f) => f.id === GET_ORDERS);
    const submit = full.flows?.find((f) => f.id === SUBMIT_ORDER);
    const root = async (json: string): Promise<FileMap> => ({
      ...toYamlLayout(unpackedTree({ ...full, solution: { ...full.solution, uniqueName: 'Core' }, flows: [{ ...getOrders!, json }], apps: [] }), { root: 'dv' }),
      ...toYamlLayout(unpackedTree({ ...full, solution: { ...full.solution, uniqueName: 'Apps' }, flows: [submit!] }), { root: 'dv' }),
    });
    const changed = { ...getOrdersFlow, inputs: (getOrdersFlow.inputs ?? []).slice(0, 2) };
    const r = await compare(await root(flowJson(getOrdersFlow)), await root(flowJson(changed)));
    const fg105 = r.findings.filter((f) => f.ruleId === 'FG105');
    expect(fg105.map((f) => [f.status, f.solution.path, f.flowId])).toEqual([['new', 'dv/solutions/Apps', GET_ORDERS]]);
    expect(r.report.changes?.filter((c) => c.kind === 'flow').map((c) => [c.solution, c.id])).toEqual([['dv/solutions/Core', GET_ORDERS]]);
  });
});

describe('which YAML solutions a change touches', () => {
  it('is the solutions that list the changed component, or all of the root for an unlisted one', async () => {
    const full = await ordersSpec();
    const getOrders = full.flows?.find((f) => f.id === GET_ORDERS);
    const submit = full.flows?.find((f) => f.id === SUBMIT_ORDER);
    const tree = memoryTree({
      ...toYamlLayout(unpackedTree({ ...full, solution: { ...full.solution, uniqueName: 'Core' }, flows: [getOrders!], apps: [] }), { root: 'dv' }),
      ...toYamlLayout(unpackedTree({ ...full, solution: { ...full.solution, uniqueName: 'Apps' }, flows: [submit!] }), { root: 'dv', components: 'reference' }),
      'other/Other/Solution.xml': '<x/>',
    });
    const touched = async (...paths: string[]): Promise<string[]> =>
      (await widenYamlChanges(paths.map((path) => ({ status: 'modified' as const, path })), [tree])).slice(paths.length).map((c) => c.path);
    expect(await touched(`dv/modernflows/${GET_ORDERS}/GetOrders-${GET_ORDERS.toUpperCase()}.json`)).toEqual(['dv/solutions/Core/solutioncomponents.yml']);
    expect(await touched(`dv/canvasapps/${APP}.meta.yml`)).toEqual(['dv/solutions/Apps/solutioncomponents.yml']);
    expect(await touched('dv/connectionreferences/cts_sharedsharepointonline_1a2b3/connectionreference.yml')).toEqual(['dv/solutions/Apps/solutioncomponents.yml', 'dv/solutions/Core/solutioncomponents.yml']);
    expect(await touched('dv/entities/account/entity.yml')).toEqual(['dv/solutions/Apps/solutioncomponents.yml', 'dv/solutions/Core/solutioncomponents.yml']);
    expect(await touched('dv/solutions/Core/solution.yml', 'other/Other/Solution.xml', 'README.md')).toEqual([]);
  });
});

describeCorpus('pull-request mode on YAML conversions of a real corpus history pair', () => {
  it("reports SharePoint Assistant's changed connections and that the app was not re-bound", async () => {
    const base = toYamlLayout(readFolder(join(CORPUS, 'pnp-sharepoint-site-assistant-src@2a2154b')), { root: 'src' });
    const head = toYamlLayout(readFolder(join(CORPUS, 'pnp-sharepoint-site-assistant-src')), { root: 'src' });
    const r = await compare(base, head);
    const rebind = r.findings.filter((f) => f.ruleId === 'FG105');
    expect(rebind).toHaveLength(1);
    expect(rebind[0]).toMatchObject({ status: 'new', severity: 'error', app: { name: 'kch_sharepointassistant_35d1a' }, flow: { id: '2ce870d2-ab19-ee11-8f6d-6045bdf5263a' } });
    expect(rebind[0]?.location.file).toMatch(/^src\/modernflows\/2ce870d2-ab19-ee11-8f6d-6045bdf5263a\//);
    expect(rebind[0]?.evidence?.map((e) => e.ruleId)).toEqual(['FG103']);
    expect(r.report.changes?.filter((c) => c.kind === 'app')).toEqual([]);
  });
});

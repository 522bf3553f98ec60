/**
 * Facts learnt from real exports outside the corpus (solution-format §8b), each as behaviour:
 * a format variation that must not raise a false alarm, and what must still be reported.
 * Every solution is built inline with the solution builder; nothing comes from the corpus.
 */
import { describe, expect, it } from '@jest/globals';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { compareTrees, runRules } from '../../src/engine.js';
import type { Diagnostic, Workspace } from '../../src/model/types.js';
import { loadWorkspace } from '../../src/model/workspace.js';
import { ALL_RULE_META } from '../../src/rules/registry.js';
import type { Finding } from '../../src/rules/types.js';
import {
  connectorConnectionEntry,
  flowConnectionEntry,
  flowDataSource,
  flowJson,
  memoryTree,
  msapp,
  otherDataSources,
  runAfter,
  solutionZip,
  solutionZipFiles,
  wadlXml,
  workflowFileName,
  xmlEscape,
  zipOf,
  type ConnectionReferenceSpec,
  type Content,
  type FlowFileSpec,
  type FlowSpec,
  type OutputSpec,
  type SolutionSpec,
  type WadlInputSpec,
} from '../helpers/solution-builder.js';

// ---------------------------------------------------------------------------------------------
// one app calling one flow
// ---------------------------------------------------------------------------------------------

const FLOW_ID = '7d1e7a36-2001-4000-8000-000000000101';
const APP = 'cts_orders_1a2b3';
const DS = 'GetOrders';
const ZIP = 'solutions/Orders.zip';
const CONN_FLOW = 'c8fc610e-0000-4000-8000-00000000000a';
const connId = (n: number): string => `91c5bd96-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** The flow rules that judge an app call against its flow. */
const CALL_RULES = ['FG101', 'FG102', 'FG103', 'FG202', 'FG301'];

interface CallSpec {
  /** The flow file: a builder spec, a parsed object, or raw text. */
  flow: FlowSpec | Record<string, unknown> | string;
  /** The app's stored signature: text (see wadlXml), or null for none. */
  wadl?: string | null;
  /** Raw `References/DataSources.json` instead of the generated one. */
  rawDataSources?: string;
  /** The flow connections the app recorded (key → connector API name). */
  recorded?: { key: string; api: string }[];
  connectionReferences?: ConnectionReferenceSpec[];
  extraFlows?: FlowFileSpec[];
  /** The App's OnStart formulas (see {@link reads}). */
  onStart?: string;
}

function isFlowSpec(f: CallSpec['flow']): f is FlowSpec {
  return typeof f === 'object' && typeof (f as { trigger?: unknown }).trigger === 'string';
}

/** A solution with flow FLOW_ID ('Get Orders') and an app calling it as `GetOrders`. */
async function callSpec(c: CallSpec): Promise<SolutionSpec> {
  const recorded = c.recorded ?? [];
  const deps = Object.fromEntries(recorded.map((r, i) => [r.key, connId(i + 1)]));
  const lcr: Record<string, unknown> = {
    [CONN_FLOW]: flowConnectionEntry({ id: CONN_FLOW, dataSources: [DS], workflowEntityId: FLOW_ID, workflowName: '2e4efea9-2784-4d4f-9e0c-8f2a3b1c0d11', dependencies: deps }),
  };
  recorded.forEach((r, i) => {
    lcr[connId(i + 1)] = connectorConnectionEntry({ id: connId(i + 1), api: r.api, dependents: [CONN_FLOW] });
  });
  const json = typeof c.flow === 'string' ? c.flow : isFlowSpec(c.flow) ? flowJson(c.flow) : JSON.stringify(c.flow);
  return {
    solution: { uniqueName: 'OrdersSolution', displayName: 'Orders', version: '1.0.0.0', managed: true },
    flows: [{ id: FLOW_ID, name: 'Get Orders', json }, ...(c.extraFlows ?? [])],
    apps: [
      {
        name: APP,
        displayName: 'Orders App',
        msapp: await msapp({
          dataSources: [{ name: DS, workflowEntityId: FLOW_ID, wadl: c.wadl === undefined ? wadlXml({ title: 'Get Orders', inputs: [], outputs: undefined }) : c.wadl }],
          localConnectionReferences: lcr,
          // The app calls the flow (a data source no formula calls gets no call-based finding).
          onStart: c.onStart ?? `Set(r, ${DS}.Run())`,
          ...(c.rawDataSources !== undefined ? { rawDataSources: c.rawDataSources } : {}),
        }),
      },
    ],
    connectionReferences: c.connectionReferences ?? [],
  };
}

interface Run {
  ws: Workspace;
  findings: Finding[];
}

async function run(files: Record<string, Content>): Promise<Run> {
  const ws = await loadWorkspace(memoryTree(files));
  return { ws, findings: runRules(ws, { release: false }) };
}

async function runCall(c: CallSpec): Promise<Run> {
  return run({ [ZIP]: await solutionZip(await callSpec(c)) });
}

const of = (findings: Finding[], ...rules: string[]): Finding[] => findings.filter((f) => rules.includes(f.ruleId));
const summary = (findings: Finding[]): string[] => findings.map((f) => `${f.ruleId} ${f.severity}: ${f.message}`);
const where = (d: Diagnostic): string => [d.file, d.inner].filter(Boolean).join(' :: ');

/** A V2 Power Apps trigger with the given raw schema properties. */
function v2Trigger(properties: Record<string, unknown>, required: string[]): Record<string, unknown> {
  return { type: 'Request', kind: 'PowerAppV2', inputs: { schema: { type: 'object', properties, required } } };
}

/** A flow clientdata object with a raw trigger and raw actions. */
function rawFlow(trigger: Record<string, unknown>, actions: Record<string, unknown>, connectionReferences: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    properties: {
      connectionReferences,
      definition: {
        $schema: 'https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#',
        contentVersion: '1.0.0.0',
        parameters: { $connections: { defaultValue: {}, type: 'Object' }, $authentication: { defaultValue: {}, type: 'SecureObject' } },
        triggers: { manual: trigger },
        actions,
      },
      templateName: '',
    },
    schemaVersion: '1.0.0.0',
  };
}

/** A "Respond to a PowerApp or flow" action with a literal status, raw schema properties and `required`. */
function respond(o: { status?: number | string; properties: Record<string, unknown>; required?: string[]; after?: Record<string, string[]>; kind?: 'PowerApp' | 'Http' }): Record<string, unknown> {
  const body = Object.fromEntries(Object.keys(o.properties).map((k) => [k, `@variables('${k.replace(/@/g, '')}')`]));
  return {
    runAfter: o.after ?? {},
    type: 'Response',
    kind: o.kind ?? 'PowerApp',
    inputs: { statusCode: o.status ?? 200, body, schema: { type: 'object', properties: o.properties, ...(o.required ? { required: o.required } : {}) } },
  };
}

const str = (title?: string): Record<string, unknown> => ({ type: 'string', ...(title !== undefined ? { title, 'x-ms-dynamically-added': true } : {}) });
const outs = (...names: string[]): OutputSpec[] => names.map((name) => ({ name, type: 'string' }));
const wadl = (inputs: WadlInputSpec[], outputs: OutputSpec[] | undefined, arrayOutput = false): string => wadlXml({ title: 'Get Orders', inputs, outputs, arrayOutput });
/** OnStart formulas that call the flow once and read each named output of its result. */
const reads = (args: string, ...outputs: string[]): string => [`Set(varResp, ${DS}.Run(${args}))`, ...outputs.map((o, i) => `Set(v${i}, varResp.${o})`)].join('; ');
const COMPOSE = { Compose: { runAfter: {}, type: 'Compose', inputs: 'x' } };

// ---------------------------------------------------------------------------------------------
// 1. @@ is an escaped @
// ---------------------------------------------------------------------------------------------

describe('§8b.1 @@-escaped names in flow schemas match the app\'s @ names', () => {
  it('a Response schema with @@odata.etag in properties and required matches a stored @odata.etag: no FG102', async () => {
    const flow = rawFlow(v2Trigger({}, []), {
      ...COMPOSE,
      Respond_to_a_PowerApp_or_flow: respond({ properties: { '@@odata.etag': str('@@odata.etag'), name: str('name') }, required: ['@@odata.etag', 'name'], after: runAfter('Compose') }),
    });
    const { findings } = await runCall({ flow, wadl: wadl([], outs('@odata.etag', 'name')) });
    expect(summary(of(findings, 'FG102'))).toEqual([]);
  });

  it('an HTTP Response returning OData rows (@@odata.id in the item schema) matches stored [].@odata.id: no FG102', async () => {
    const items = { type: 'object', properties: { '@@odata.id': { type: 'string' }, title: { type: 'string' } }, required: ['@@odata.id'] };
    const flow = rawFlow(v2Trigger({}, []), {
      Response: { runAfter: {}, type: 'Response', kind: 'Http', inputs: { statusCode: 200, body: "@body('List_rows')?['value']", schema: { type: 'array', items } } },
    });
    const { findings } = await runCall({ flow, wadl: wadl([], outs('@odata.id', 'title'), true) });
    expect(summary(of(findings, 'FG102'))).toEqual([]);
  });

  it('a V2 trigger input whose key and title start with @@ matches the stored @ parameter: no FG101', async () => {
    const flow = rawFlow(
      v2Trigger({ '@@search': { title: '@@search', type: 'string', 'x-ms-dynamically-added': true, 'x-ms-content-hint': 'TEXT' }, number: { title: 'Top', type: 'number' } }, ['@@search', 'number']),
      { Respond_to_a_PowerApp_or_flow: respond({ properties: { result: str('result') } }) },
    );
    const stored = wadl(
      [
        { name: '@search', type: 'string', required: true, title: '@search' },
        { name: 'number', type: 'number', required: true, title: 'Top' },
      ],
      outs('result'),
    );
    const { findings } = await runCall({ flow, wadl: stored });
    expect(summary(of(findings, 'FG101', 'FG102'))).toEqual([]);
  });

  it('@@ in the middle of a name is not an escape: x@@y still matches x@@y, and differs from x@y', async () => {
    const flow = rawFlow(v2Trigger({}, []), {
      Respond_to_a_PowerApp_or_flow: respond({ properties: { '@@odata.etag': str(), 'x@@y': str() } }),
    });
    const same = await runCall({ flow, wadl: wadl([], outs('@odata.etag', 'x@@y')) });
    expect(summary(of(same.findings, 'FG102'))).toEqual([]);

    const differs = await runCall({ flow, wadl: wadl([], outs('@odata.etag', 'x@y')), onStart: reads('', "'@odata.etag'", "'x@y'") });
    const drift = of(differs.findings, 'FG102');
    expect(drift.map((f) => f.severity).sort()).toEqual(['error', 'note']);
    expect(drift.find((f) => f.severity === 'error')?.message).toContain("output 'x@y' (string) is gone");
    expect(drift.find((f) => f.severity === 'note')?.message).toContain("'x@@y' (string)");
  });
});

// ---------------------------------------------------------------------------------------------
// 2. connector ids are case-insensitive
// ---------------------------------------------------------------------------------------------

describe('§8b.2 connector ids and connection keys compare case-insensitively', () => {
  const CUSTOM = 'shared_x-5Fy-2D2022-5Fa4';

  it('a flow connection shared_x-5Fy-2D2022-5Fa4 matches the app\'s recorded shared_x-5fy-2d2022-5fa4: no FG103', async () => {
    const flow: FlowSpec = {
      trigger: 'PowerAppV2',
      responses: [{ kind: 'PowerApp', outputs: outs('result') }],
      connections: [{ key: CUSTOM, api: CUSTOM, connectionReference: 'cts_customapi_1a2b3' }],
    };
    const { findings } = await runCall({
      flow,
      wadl: wadl([], outs('result')),
      recorded: [{ key: CUSTOM.toLowerCase(), api: CUSTOM.toLowerCase() }],
      connectionReferences: [{ logicalName: 'cts_customapi_1a2b3', api: CUSTOM }],
    });
    expect(summary(of(findings, 'FG103'))).toEqual([]);
    // The call itself is still judged: FG301 describes its connection.
    expect(of(findings, 'FG301')).toHaveLength(1);
  });

  it('a connector really changed is still reported (the comparison is not switched off)', async () => {
    const flow: FlowSpec = {
      trigger: 'PowerAppV2',
      responses: [{ kind: 'PowerApp', outputs: outs('result') }],
      connections: [{ key: CUSTOM, api: 'shared_sharepointonline', connectionReference: 'cts_customapi_1a2b3' }],
    };
    const { findings } = await runCall({
      flow,
      wadl: wadl([], outs('result')),
      recorded: [{ key: CUSTOM.toLowerCase(), api: CUSTOM.toLowerCase() }],
      connectionReferences: [{ logicalName: 'cts_customapi_1a2b3', api: 'shared_sharepointonline' }],
    });
    expect(of(findings, 'FG103').map((f) => f.severity)).toEqual(['error']);
    expect(of(findings, 'FG103')[0]?.message).toContain('now uses connector shared_sharepointonline');
  });

  it('FG301 lists a connector once when the flow has two keys for it (shared_office365, shared_office365_1)', async () => {
    const flow: FlowSpec = {
      trigger: 'PowerAppV2',
      responses: [{ kind: 'PowerApp', outputs: outs('result') }],
      connections: [
        { key: 'shared_office365', api: 'shared_office365', runtimeSource: 'invoker', connectionReference: 'cts_sharedoffice365_1a2b3' },
        { key: 'shared_office365_1', api: 'shared_office365', runtimeSource: 'invoker', connectionReference: 'cts_sharedoffice365_1a2b3' },
      ],
    };
    const { findings } = await runCall({
      flow,
      wadl: wadl([], outs('result')),
      recorded: [
        { key: 'shared_office365', api: 'shared_office365' },
        { key: 'shared_office365_1', api: 'shared_office365' },
      ],
      connectionReferences: [{ logicalName: 'cts_sharedoffice365_1a2b3', api: 'shared_office365' }],
    });
    const modes = of(findings, 'FG301');
    expect(modes).toHaveLength(1);
    const message = modes[0]?.message ?? '';
    const listed = /with these connection modes: (.*?)\. Every/.exec(message)?.[1] ?? '';
    expect(listed.split('; ')).toEqual([expect.stringContaining('shared_office365 (shared_office365, shared_office365_1): invoker')]);
    expect(message).toContain('Every app user needs permission on shared_office365.');
    expect(modes[0]?.mitigation[0]).toMatch(/^Share the data behind shared_office365 with/);
  });

  it('FG301 lists a connector once when two keys spell its API name in different case', async () => {
    const flow: FlowSpec = {
      trigger: 'PowerAppV2',
      responses: [{ kind: 'PowerApp', outputs: outs('result') }],
      connections: [
        { key: CUSTOM, api: CUSTOM, runtimeSource: 'invoker', connectionReference: 'cts_customapi_1a2b3' },
        { key: `${CUSTOM.toLowerCase()}_1`, api: CUSTOM.toLowerCase(), runtimeSource: 'invoker', connectionReference: 'cts_customapi_1a2b3' },
      ],
    };
    const { findings } = await runCall({ flow, wadl: wadl([], outs('result')), connectionReferences: [{ logicalName: 'cts_customapi_1a2b3', api: CUSTOM }] });
    const message = of(findings, 'FG301')[0]?.message ?? '';
    expect(message).toContain(`Every app user needs permission on ${CUSTOM}.`);
    expect(message.split(/with these connection modes: /)[1]?.split('; ')).toHaveLength(1);
  });
});

// ---------------------------------------------------------------------------------------------
// 3. unreadable flows and stored signatures are diagnostics, never drift
// ---------------------------------------------------------------------------------------------

describe('§8b: a flow file or stored signature that cannot be read is a diagnostic, not drift', () => {
  const FLOW_FILE = workflowFileName('Get Orders', FLOW_ID);
  const STORED = wadl([{ name: 'text', type: 'string', required: true, title: 'Customer' }], outs('status', 'id'));
  const RECORDED = [{ key: 'shared_sharepointonline', api: 'shared_sharepointonline' }];

  it.each([
    ['{}', {}, "it has no 'properties'"],
    ['triggers is a list', { properties: { definition: { triggers: [] } } }, "'definition.triggers' is a list, not an object"],
    ['no definition', { properties: { connectionReferences: {} }, schemaVersion: '1.0.0.0' }, "it has no 'properties.definition'"],
    ['a JSON list', [], 'the file is a list, not a flow definition object'],
  ])('flow file %s: named in a diagnostic, the call reported as flow unreadable, no drift', async (_label, json, missing) => {
    const { ws, findings } = await runCall({ flow: JSON.stringify(json), wadl: STORED, recorded: RECORDED });
    expect(summary(of(findings, ...CALL_RULES))).toEqual([]);
    const flowDiags = ws.diagnostics.filter((d) => where(d).includes(FLOW_FILE) && d.message.includes('cannot be read as a flow definition'));
    expect(flowDiags).toHaveLength(1);
    expect(flowDiags[0]?.message).toContain(missing);
    expect(flowDiags[0]?.message).toContain("flow 'Get Orders'");
    const callDiags = ws.diagnostics.filter((d) => d.message.includes(`calls '${DS}': flow unreadable`));
    expect(callDiags).toHaveLength(1);
    expect(callDiags[0]?.message).toContain(`'${DS}'`);
    expect(callDiags[0]?.message).toContain(APP);
  });

  it('a readable flow in the same place is judged as usual (control)', async () => {
    const flow: FlowSpec = { trigger: 'PowerAppV2', inputs: [{ name: 'text', type: 'string', title: 'Customer' }], responses: [{ kind: 'PowerApp', outputs: outs('status') }] };
    const { ws, findings } = await runCall({ flow, wadl: STORED, recorded: [], onStart: reads('"nl"', 'status', 'id') });
    expect(ws.diagnostics).toEqual([]);
    expect(of(findings, 'FG102').map((f) => f.severity)).toEqual(['error']);
  });

  const dataSourcesWith = (wadlXml: unknown): string =>
    JSON.stringify({
      DataSources: [
        { ...flowDataSource({ name: DS, workflowEntityId: FLOW_ID, wadl: null }), WadlMetadata: { WadlXml: wadlXml } },
        ...otherDataSources(),
      ],
    });
  const readable: FlowSpec = {
    trigger: 'PowerAppV2',
    inputs: [{ name: 'text', type: 'string', title: 'Customer' }],
    responses: [{ kind: 'PowerApp', outputs: outs('status', 'id') }],
  };

  it.each([
    ['a number', { rawDataSources: dataSourcesWith(42) }, 'is not text'],
    ['an object', { rawDataSources: dataSourcesWith({ xml: '<application/>' }) }, 'is not text'],
    ['<application/>', { wadl: '<application/>' }, 'WADL'],
    ['an <application> with no method', { wadl: '<application xmlns="http://wadl.dev.java.net/2009/02"><doc title="Get Orders" /><grammars /></application>' }, 'has no method to run the flow'],
    ['absent', { wadl: null }, 'is missing'],
  ] as [string, Partial<CallSpec>, string][])('a stored signature that is %s: one diagnostic naming DataSources.json, no FG101/FG102', async (_label, spec, problem) => {
    const { ws, findings } = await runCall({ flow: readable, recorded: [], ...spec });
    expect(summary(of(findings, 'FG101', 'FG102'))).toEqual([]);
    const diags = ws.diagnostics.filter((d) => where(d).includes('DataSources.json'));
    expect(diags).toHaveLength(1);
    expect(where(diags[0] as Diagnostic)).toContain(`CanvasApps/${APP}_DocumentUri.msapp`);
    expect(diags[0]?.message).toContain(`'${DS}'`);
    expect(diags[0]?.message).toContain(problem);
    expect(diags[0]?.message).toContain('not checked');
  });
});

// ---------------------------------------------------------------------------------------------
// 4. several Response actions
// ---------------------------------------------------------------------------------------------

describe('§8b.3 a flow answering from several Response actions', () => {
  const STORED = wadl([], outs('status', 'id'));
  const success = respond({ status: 200, properties: { status: str('status'), id: str('id') }, after: runAfter('Do_work') });
  const failure = respond({ status: 500, properties: { error: str('error') }, after: { Do_work: ['Failed', 'TimedOut'] } });
  const doWork = { Do_work: { runAfter: {}, type: 'Compose', inputs: 'x' } };

  it('a success response returning status and id, and a failure response returning only error: no finding', async () => {
    const flow = rawFlow(v2Trigger({}, []), { ...doWork, Respond_OK: success, Respond_Failed: failure });
    const { ws, findings } = await runCall({ flow, wadl: STORED });
    expect(ws.diagnostics).toEqual([]);
    expect(summary(of(findings, 'FG101', 'FG102', 'FG103'))).toEqual([]);
  });

  it('a status code given as text ("500") is a failure response too', async () => {
    const flow = rawFlow(v2Trigger({}, []), { ...doWork, Respond_OK: success, Respond_Failed: respond({ status: '500', properties: { error: str('error') }, after: { Do_work: ['Failed'] } }) });
    const { findings } = await runCall({ flow, wadl: STORED });
    expect(summary(of(findings, 'FG102'))).toEqual([]);
  });

  it('a second success response (in a Switch case) lacking id: a FG102 warning naming that action', async () => {
    const flow = rawFlow(v2Trigger({}, []), {
      ...doWork,
      Respond_Failed: failure,
      Switch: {
        runAfter: runAfter('Do_work'),
        type: 'Switch',
        expression: "@triggerBody()?['text']",
        cases: {
          Case_new: { case: 'new', actions: { Respond_OK: respond({ status: 200, properties: { status: str('status'), id: str('id') } }) } },
          Case_other: { case: 'other', actions: { Respond_without_id: respond({ status: 200, properties: { status: str('status') } }) } },
        },
        default: { actions: {} },
      },
    });
    // The app reads both outputs: on the path without 'id' it reads a blank.
    const { findings } = await runCall({ flow, wadl: STORED, onStart: reads('"new"', 'status', 'id') });
    const drift = of(findings, 'FG102');
    expect(drift.map((f) => f.severity)).toEqual(['warning']);
    expect(drift[0]?.message).toContain("output 'id'");
    expect(drift[0]?.message).toContain("'Respond_without_id' (status 200)");
    expect(drift[0]?.message).not.toContain("'Respond_OK'");
    expect(drift[0]?.mitigation.join('\n')).toContain("add the output 'id' to 'Respond_without_id'");
    // Where no formula reads 'id' (and every use of the result is followed), the missing path breaks nothing.
    const unread = await runCall({ flow, wadl: STORED, onStart: reads('"new"', 'status') });
    expect(of(unread.findings, 'FG102')).toEqual([]);
  });

  it('an output no success response returns is an error, even when a failure response returns it', async () => {
    const flow = rawFlow(v2Trigger({}, []), {
      ...doWork,
      Respond_OK: success,
      Respond_Failed: respond({ status: 500, properties: { error: str('error'), total: str('total') }, after: { Do_work: ['Failed'] } }),
    });
    const { findings } = await runCall({ flow, wadl: wadl([], outs('status', 'id', 'total')), onStart: reads('', 'status', 'id', 'total') });
    const drift = of(findings, 'FG102');
    expect(drift.map((f) => f.severity)).toEqual(['error']);
    expect(drift[0]?.message).toContain("output 'total' (string) is gone");
  });

  it('a flow that answers only with failure responses: every stored output is gone', async () => {
    const flow = rawFlow(v2Trigger({}, []), { ...doWork, Respond_Failed: respond({ status: 500, properties: { status: str('status'), id: str('id') }, after: { Do_work: ['Failed'] } }) });
    const { findings } = await runCall({ flow, wadl: STORED, onStart: reads('', 'status', 'id') });
    const drift = of(findings, 'FG102');
    expect(drift.map((f) => f.severity)).toEqual(['error', 'error']);
    expect(drift[0]?.message).toContain('only with failure responses');
  });
});

// ---------------------------------------------------------------------------------------------
// 5. one cause, one entry
// ---------------------------------------------------------------------------------------------

describe('one cause, one finding: FG302 and FG303 group what they list', () => {
  const flowIds = [1, 2, 3].map((n) => `7d1e7a36-3001-4000-8000-00000000000${n}`);
  const names = ['Send Mail', 'Post Message', 'Create Item'];
  const bare = (connections: FlowSpec['connections']): string => flowJson({ trigger: 'Button', connections });

  it('three flows using raw connections: one FG302 warning listing the three', async () => {
    const apis = ['shared_office365', 'shared_teams', 'shared_sharepointonline'];
    const spec: SolutionSpec = {
      solution: { uniqueName: 'RawSolution', managed: true },
      flows: flowIds.map((id, i) => ({ id, name: names[i] as string, json: bare([{ key: apis[i] as string, api: apis[i] as string }]) })),
    };
    const { findings } = await run({ 'raw/Raw.zip': await solutionZip(spec) });
    const missing = of(findings, 'FG302');
    expect(missing.map((f) => f.severity)).toEqual(['warning']);
    expect(missing[0]?.message).toContain("3 flows of 'RawSolution' use raw connections");
    for (const [i, id] of flowIds.entries()) expect(missing[0]?.message).toContain(`'${names[i]}' (${id}) (${apis[i]})`);
    expect(missing[0]?.flow).toBeUndefined();
  });

  it('one flow with two raw connections: still one warning, naming both connectors', async () => {
    const spec: SolutionSpec = {
      solution: { uniqueName: 'RawSolution', managed: true },
      flows: [{ id: flowIds[0] as string, name: 'Send Mail', json: bare([{ key: 'shared_office365', api: 'shared_office365' }, { key: 'shared_teams', api: 'shared_teams' }]) }],
    };
    const { findings } = await run({ 'raw/Raw.zip': await solutionZip(spec) });
    const missing = of(findings, 'FG302');
    expect(missing).toHaveLength(1);
    expect(missing[0]?.message).toContain('(shared_office365, shared_teams)');
    expect(missing[0]?.flow?.id).toBe(flowIds[0]);
  });

  it('a connection reference used by two flows and defined nowhere: one FG302 error listing both', async () => {
    const spec: SolutionSpec = {
      solution: { uniqueName: 'RefSolution', managed: true },
      flows: flowIds.slice(0, 2).map((id, i) => ({ id, name: names[i] as string, json: bare([{ key: 'shared_office365', api: 'shared_office365', connectionReference: 'cts_sharedoffice365_9z9z9' }]) })),
    };
    const { findings } = await run({ 'ref/Ref.zip': await solutionZip(spec) });
    const missing = of(findings, 'FG302');
    expect(missing.map((f) => f.severity)).toEqual(['error']);
    expect(missing[0]?.message).toContain("Connection reference 'cts_sharedoffice365_9z9z9' is used by 2 flows:");
    expect(missing[0]?.message).toContain(`'Send Mail' (${flowIds[0]})`);
    expect(missing[0]?.message).toContain(`'Post Message' (${flowIds[1]})`);
    expect(missing[0]?.errorCodes).toEqual(['MissingConnectionReference']);
  });

  it('a deployment settings file with placeholder ConnectionIds for three references: one FG303 note listing the three', async () => {
    const refs: ConnectionReferenceSpec[] = [
      { logicalName: 'cts_sharedoffice365_1a2b3', api: 'shared_office365' },
      { logicalName: 'cts_sharedteams_1a2b3', api: 'shared_teams' },
      { logicalName: 'cts_sharedsharepointonline_1a2b3', api: 'shared_sharepointonline' },
    ];
    const spec: SolutionSpec = {
      solution: { uniqueName: 'SettingsSolution', managed: true },
      flows: [{ id: flowIds[0] as string, name: 'Send Mail', json: bare(refs.map((r) => ({ key: r.api, api: r.api, connectionReference: r.logicalName }))) }],
      connectionReferences: refs,
    };
    const settings = {
      EnvironmentVariables: [],
      ConnectionReferences: refs.map((r) => ({ LogicalName: r.logicalName, ConnectionId: `#{Connection.${r.api}}#`, ConnectorId: `/providers/Microsoft.PowerApps/apis/${r.api}` })),
    };
    const { ws, findings } = await run({ 'alm/solutions/Settings.zip': await solutionZip(spec), 'alm/solutions/deploymentSettings.json': JSON.stringify(settings) });
    expect(ws.deploymentSettings).toHaveLength(1);
    const gaps = of(findings, 'FG303');
    expect(gaps.map((f) => f.severity)).toEqual(['note']);
    for (const r of refs) expect(gaps[0]?.message).toContain(`'${r.logicalName}' (#{Connection.${r.api}}#)`);
    expect(gaps[0]?.message).toContain('placeholder ConnectionIds for connection references');
    expect(of(findings, 'FG302')).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// 6. missing dependencies of newer component types
// ---------------------------------------------------------------------------------------------

/** The solution's zip with its `<MissingDependencies>` written by hand (the builder writes numeric types only). */
async function withMissingDependencies(spec: SolutionSpec, dependencies: string): Promise<Uint8Array> {
  const files = solutionZipFiles(spec).map(([name, content]): [string, Uint8Array] => {
    if (name !== 'solution.xml') return [name, content];
    const text = new TextDecoder().decode(content);
    const replaced = text.replace(/<MissingDependencies>[\s\S]*?<\/MissingDependencies>/, `<MissingDependencies>\n${dependencies}\n    </MissingDependencies>`);
    if (replaced === text) throw new Error('no <MissingDependencies> in solution.xml');
    return [name, new TextEncoder().encode(replaced)];
  });
  return zipOf(files);
}

describe('§8b.7 missing dependencies of newer component types (type name, id.<field> keys)', () => {
  const TEAMS_FLOW = '7d1e7a36-4001-4000-8000-000000000001';
  const REF = 'x_sharedteams_aa1b8';
  const teamsSpec: SolutionSpec = {
    solution: { uniqueName: 'TeamsSolution', managed: true },
    flows: [{ id: TEAMS_FLOW, name: 'Post To Teams', json: flowJson({ trigger: 'Button', connections: [{ key: 'shared_teams', api: 'shared_teams', connectionReference: REF }] }) }],
  };
  const refDependency = (solution: string): string =>
    `      <MissingDependency>
        <Required type="connectionreference" displayName="${REF}" solution="${xmlEscape(solution)}" id.connectionreferencelogicalname="${REF}" />
        <Dependent type="29" displayName="Post To Teams" id="{${TEAMS_FLOW}}" />
      </MissingDependency>`;

  it('a connection reference declared missing with solution="Active": a FG302 warning that the target must already hold it', async () => {
    const { ws, findings } = await run({ 'teams/Teams.zip': await withMissingDependencies(teamsSpec, refDependency('Active')) });
    expect(ws.solutions[0]?.missingDependencies).toEqual([expect.objectContaining({ requiredKey: REF, requiredDisplayName: REF, requiredSolution: 'Active', dependentType: 29, dependentKey: TEAMS_FLOW })]);
    const missing = of(findings, 'FG302');
    expect(missing.map((f) => f.severity)).toEqual(['warning']);
    expect(missing[0]?.message).toContain(`Connection reference '${REF}'`);
    expect(missing[0]?.message).toContain('lists it as a missing dependency');
    expect(missing[0]?.message).toContain('unless the target environment already holds it');
    expect(missing[0]?.message).toContain('unmanaged customization of the source environment');
  });

  it('with solution="OwnerSolution (1.0)" the warning names that solution', async () => {
    const { findings } = await run({ 'teams/Teams.zip': await withMissingDependencies(teamsSpec, refDependency('OwnerSolution (1.0)')) });
    const missing = of(findings, 'FG302');
    expect(missing.map((f) => f.severity)).toEqual(['warning']);
    expect(missing[0]?.message).toContain("owned by solution 'OwnerSolution (1.0)'");
    expect(missing[0]?.mitigation[0]).toContain("Import solution 'OwnerSolution (1.0)' into each target environment before 'TeamsSolution'");
  });

  it('a reference not declared missing stays an error (control)', async () => {
    const { findings } = await run({ 'teams/Teams.zip': await solutionZip(teamsSpec) });
    expect(of(findings, 'FG302').map((f) => f.severity)).toEqual(['error']);
  });

  it('<Required type="workflow" id.workflowid="{…}"> is read: type name workflow, the id as key', async () => {
    const OTHER = '7D1E7A36-5001-4000-8000-0000000000AA';
    const spec = await callSpec({ flow: { trigger: 'PowerAppV2', responses: [{ kind: 'PowerApp', outputs: outs('result') }] }, wadl: wadl([], outs('result')) });
    // The app calls a flow that is not in the solution; solution.xml declares it as a missing dependency.
    const app = spec.apps?.[0];
    if (!app) throw new Error('no app');
    app.msapp = await msapp({
      dataSources: [{ name: 'Elsewhere', workflowEntityId: OTHER.toLowerCase(), wadl: wadl([], outs('result')) }],
      localConnectionReferences: { [CONN_FLOW]: flowConnectionEntry({ id: CONN_FLOW, dataSources: ['Elsewhere'], workflowEntityId: OTHER.toLowerCase() }) },
    });
    const dependency = `      <MissingDependency>
        <Required type="workflow" displayName="Elsewhere" solution="OtherSolution (2.0)" id.workflowid="{${OTHER}}" />
        <Dependent type="canvasapp" displayName="Orders App" id.name="${APP}" />
      </MissingDependency>`;
    const { ws, findings } = await run({ [ZIP]: await withMissingDependencies(spec, dependency) });
    expect(ws.solutions[0]?.missingDependencies).toEqual([
      expect.objectContaining({ requiredType: undefined, requiredTypeName: 'workflow', requiredKey: OTHER.toLowerCase(), requiredDisplayName: 'Elsewhere', requiredSolution: 'OtherSolution (2.0)', dependentKey: APP }),
    ]);
    // FG104 treats the call as declared: a reminder, not an error.
    const notFound = of(findings, 'FG104');
    expect(notFound.map((f) => f.severity)).toEqual(['note']);
    expect(notFound[0]?.message).toContain('declares as a missing dependency');
  });

  it('several id.<field> attributes are joined by / in name order', async () => {
    const dependency = `      <MissingDependency>
        <Required type="AppSetting" displayName="Setting" solution="Active" id.settingdefinitionid.uniquename="cts_setting" id.parentappmoduleid.uniquename="cts_app" />
        <Dependent type="29" id="{${TEAMS_FLOW}}" />
      </MissingDependency>`;
    const { ws } = await run({ 'teams/Teams.zip': await withMissingDependencies(teamsSpec, dependency) });
    expect(ws.solutions[0]?.missingDependencies).toEqual([expect.objectContaining({ requiredTypeName: 'appsetting', requiredKey: 'cts_app/cts_setting' })]);
  });
});

// ---------------------------------------------------------------------------------------------
// 7. real error codes only
// ---------------------------------------------------------------------------------------------

describe('findings carry only error codes the platform raises', () => {
  const KNOWN = new Set([
    'InvokerConnectionOverrideFailed',
    'ConnectionAuthorizationFailed',
    'WorkflowTriggerIsNotEnabled',
    'ResponseTimeout',
    '0x80040265',
    '0x80048d0b',
    'MissingConnectionReference',
    'NotAllowedConnectionReference',
    'InvalidTemplate',
    'ChildFlowUnsupportedForInvokerConnections',
    // Turning on a flow whose connection reference has no connection (seen in Microsoft's own kits' import
    // logs: microsoft/coe-starter-kit#3535, microsoft/powerapps-tools#570).
    'XrmConnectionReferenceMissingConnection',
  ]);

  it('every code a registered rule declares is a known platform code (no BlankOutput)', () => {
    const declared = ALL_RULE_META.flatMap((m) => m.errorCodes.map((e) => `${m.id} ${e.code}`));
    expect(declared.filter((d) => !KNOWN.has(d.split(' ')[1] as string))).toEqual([]);
  });

  it('an output removed from the flow (FG102 and FG105) carries no BlankOutput code', async () => {
    const base = rawFlow(v2Trigger({}, []), { Respond_to_a_PowerApp_or_flow: respond({ properties: { status: str('status'), id: str('id') } }) });
    const head = rawFlow(v2Trigger({}, []), { Respond_to_a_PowerApp_or_flow: respond({ properties: { status: str('status') } }) });
    const stored = wadl([], outs('status', 'id'));
    const onStart = reads('', 'status', 'id');
    const baseTree = memoryTree({ [ZIP]: await solutionZip(await callSpec({ flow: base, wadl: stored, onStart })) });
    const headTree = memoryTree({ [ZIP]: await solutionZip(await callSpec({ flow: head, wadl: stored, onStart })) });
    const result = await compareTrees({ baseTree, headTree }, structuredClone(DEFAULT_CONFIG), false);
    const drift = of(result.findings, 'FG102', 'FG105');
    // In pull-request mode the output drift is the change's evidence (one cause, one entry).
    expect(drift.map((f) => `${f.ruleId} ${f.severity}`).sort()).toEqual(['FG105 error']);
    expect(drift[0]?.evidence?.map((e) => `${e.ruleId} ${e.severity}`)).toEqual(['FG102 error']);
    for (const f of result.findings) expect(f.errorCodes.filter((c) => !KNOWN.has(c))).toEqual([]);
    expect(result.findings.flatMap((f) => f.errorCodes)).not.toContain('BlankOutput');
  });
});

/**
 * A finding that says an app calls, waits for or reads a flow exists only where the app's formulas
 * call it, whenever the formulas were read. A flow data source no formula calls gets FG107
 * (flow-data-source-unused) and nothing else; where the formulas were not read, the stored binding is
 * all there is and the call-based rules judge it as before.
 */
import { describe, expect, it } from '@jest/globals';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { compareTrees, runRules } from '../../src/engine.js';
import { loadWorkspace } from '../../src/model/workspace.js';
import type { Finding } from '../../src/rules/types.js';
import {
  canvasSourceFiles,
  connectorConnectionEntry,
  delayAction,
  flowConnectionEntry,
  flowJson,
  memoryTree,
  msapp,
  solutionZip,
  unpackedTree,
  wadlXml,
  type FlowDataSourceSpec,
  type FlowSpec,
  type SolutionSpec,
} from '../helpers/solution-builder.js';

const FLOW_ID = '3931f17b-635e-ee11-be6f-0022480b6a3f';
const APP = 'cts_visits_1a2b3';
const DS = 'GenerateScore';
const CONN_FLOW = 'c8fc610e-0000-4000-8000-00000000000a';
const CONN_SP = '91c5bd96-0000-4000-8000-000000000001';

/**
 * A flow that differs from what the app stored in every way a call-based rule judges: an input added
 * (FG101), an output gone (FG102), a connection added (FG103), a delay before it responds (FG202), an
 * invoker connection (FG301), turned off (FG201); the call passes three arguments to a one-input
 * signature (FG106).
 */
const drifted: FlowSpec = {
  trigger: 'PowerAppV2',
  inputs: [
    { name: 'text', type: 'string', title: 'Visit' },
    { name: 'text_1', type: 'string', title: 'Notes' },
  ],
  responses: [{ kind: 'PowerApp', outputs: [{ name: 'score', type: 'string' }], runAfter: ['Delay'] }],
  connections: [
    { key: 'shared_sharepointonline', api: 'shared_sharepointonline', runtimeSource: 'invoker', connectionReference: 'cts_sharedsharepointonline_1a2b3' },
    { key: 'shared_office365', api: 'shared_office365', connectionReference: 'cts_sharedoffice365_1a2b3' },
  ],
  actions: { Delay: delayAction(5, 'Minute') },
};

/** The flow as the app stored it. */
const stored: FlowSpec = {
  trigger: 'PowerAppV2',
  inputs: [{ name: 'text', type: 'string', title: 'Visit' }],
  responses: [{ kind: 'PowerApp', outputs: [{ name: 'score', type: 'string' }, { name: 'status', type: 'string' }] }],
  connections: [{ key: 'shared_sharepointonline', api: 'shared_sharepointonline', runtimeSource: 'invoker', connectionReference: 'cts_sharedsharepointonline_1a2b3' }],
};

const dataSource: FlowDataSourceSpec = {
  name: DS,
  workflowEntityId: FLOW_ID,
  wadl: wadlXml({ title: 'Generate Score', inputs: [{ name: 'text', type: 'string', required: true, title: 'Visit' }], outputs: [{ name: 'score', type: 'string' }, { name: 'status', type: 'string' }] }),
};

const connections = {
  [CONN_FLOW]: flowConnectionEntry({ id: CONN_FLOW, dataSources: [DS], workflowEntityId: FLOW_ID, dependencies: { shared_sharepointonline: CONN_SP } }),
  [CONN_SP]: connectorConnectionEntry({ id: CONN_SP, api: 'shared_sharepointonline', dependents: [CONN_FLOW] }),
};

const CALLS = `Set(varScore, ${DS}.Run("a", "b", "c")); Set(s, varScore.status)`;
const NO_CALL = 'Set(varScore, "none"); Notify("ready")';

/** `formulas`: the App's OnStart, or `unread` for an app whose document holds no formulas FlowGuard reads. */
async function solution(flow: FlowSpec, formulas: string | 'unread'): Promise<SolutionSpec> {
  const base: SolutionSpec = {
    solution: { uniqueName: 'Visits', version: '1.0.0.0' },
    flows: [{ id: FLOW_ID, name: 'Generate Score', json: flowJson(flow), stateCode: 0 }],
    connectionReferences: [
      { logicalName: 'cts_sharedsharepointonline_1a2b3', api: 'shared_sharepointonline' },
      { logicalName: 'cts_sharedoffice365_1a2b3', api: 'shared_office365' },
    ],
  };
  if (formulas === 'unread') {
    // Unpacked sources without Src/: the data source and its stored signature, no formulas.
    const sources = Object.fromEntries(Object.entries(canvasSourceFiles({ dataSources: [dataSource], connections })).filter(([p]) => !p.startsWith('Src/')));
    return { ...base, apps: [{ name: APP, displayName: 'Visits', sources, sourcesFolder: 'msapp_src' }] };
  }
  return { ...base, apps: [{ name: APP, displayName: 'Visits', msapp: await msapp({ dataSources: [dataSource], localConnectionReferences: connections, onStart: formulas }) }] };
}

async function findings(formulas: string | 'unread'): Promise<Finding[]> {
  const spec = await solution(drifted, formulas);
  const files = formulas === 'unread' ? unpackedTree(spec, 'src/Visits') : { 'exports/Visits.zip': await solutionZip(spec) };
  const ws = await loadWorkspace(memoryTree(files));
  if (formulas !== 'unread') expect(ws.solutions[0]?.apps[0]?.calls[0]?.formulas).toBeDefined();
  else expect(ws.solutions[0]?.apps[0]?.calls[0]?.formulas).toBeUndefined();
  return runRules(ws, { release: false });
}

/** Findings about the app and the flow together: the ones that say the app calls, waits for or reads it. */
const aboutTheCall = (all: Finding[]): string[] => [...new Set(all.filter((f) => f.app?.name === APP && f.flow?.id === FLOW_ID).map((f) => f.ruleId))].sort();

const CALL_RULES = ['FG101', 'FG102', 'FG103', 'FG106', 'FG201', 'FG202', 'FG301'];

describe('call-based findings need a call', () => {
  it.each(CALL_RULES)('%s reports the app when a formula calls the flow', async (rule) => {
    expect(aboutTheCall(await findings(CALLS))).toContain(rule);
  });

  it.each(CALL_RULES)('%s stays silent when the formulas were read and none calls the flow', async (rule) => {
    const all = await findings(NO_CALL);
    expect(all.filter((f) => f.ruleId === rule && f.app !== undefined).map((f) => f.message)).toEqual([]);
  });

  it('a data source no formula calls gets FG107 and nothing else about the app and the flow', async () => {
    const all = await findings(NO_CALL);
    expect(aboutTheCall(all)).toEqual(['FG107']);
    // The flow is still judged on its own: turned off, nobody calls it, a note.
    expect(all.filter((f) => f.ruleId === 'FG201').map((f) => [f.severity, f.app])).toEqual([['note', undefined]]);
  });

  it.each(CALL_RULES.filter((r) => r !== 'FG106'))('%s judges the stored binding as before when the formulas were not read', async (rule) => {
    expect(aboutTheCall(await findings('unread'))).toContain(rule);
  });

  it('FG107 is not raised when the formulas were not read', async () => {
    expect(aboutTheCall(await findings('unread'))).not.toContain('FG107');
  });
});

describe('flow-changed-app-unchanged (FG105) needs a call', () => {
  async function change(formulas: string): Promise<string[]> {
    const tree = async (flow: FlowSpec): Promise<ReturnType<typeof memoryTree>> => memoryTree({ 'exports/Visits.zip': await solutionZip(await solution(flow, formulas)) });
    const result = await compareTrees({ baseTree: await tree(stored), headTree: await tree(drifted) }, structuredClone(DEFAULT_CONFIG), false);
    return result.findings.filter((f) => f.app?.name === APP).map((f) => `${f.ruleId} ${f.status}`).sort();
  }

  it('asks to re-bind an app whose formulas call the changed flow', async () => {
    expect(await change(CALLS)).toContain('FG105 new');
  });

  it('is silent for an app that only holds the flow as a data source; FG107 stays the one entry', async () => {
    expect(await change(NO_CALL)).toEqual(['FG107 existing']);
  });
});

describe('missing-connection-reference (FG302): raw connections name only the apps that call the flow', () => {
  const raw: FlowSpec = { ...stored, connections: [{ key: 'shared_sharepointonline', api: 'shared_sharepointonline', runtimeSource: 'invoker' }] };
  async function rawMessage(formulas: string): Promise<string> {
    const ws = await loadWorkspace(memoryTree({ 'exports/Visits.zip': await solutionZip(await solution(raw, formulas)) }));
    const found = runRules(ws, { release: false }).filter((f) => f.ruleId === 'FG302' && f.message.includes('raw connections'));
    expect(found).toHaveLength(1);
    return found[0]?.message ?? '';
  }

  it('says the calling app reports "Connection not configured"', async () => {
    expect(await rawMessage(CALLS)).toMatch(/imported elsewhere; app 'Visits' \(cts_visits_1a2b3\), which calls it, then reports "Connection not configured for this service"\.$/);
  });

  it('names no app when no formula calls the flow', async () => {
    expect(await rawMessage(NO_CALL)).toMatch(/cannot be set when the solution is imported elsewhere\.$/);
  });
});

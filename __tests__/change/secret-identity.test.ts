/**
 * Committed callback secrets (FG501) are one finding per app document, identified by the app alone:
 * renaming a flow (and re-binding the app to the new name) or moving it to another solution gives
 * neither a new nor a fixed FG501 in pull-request mode.
 */
import { describe, expect, it } from '@jest/globals';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { compareTrees, runRules } from '../../src/engine.js';
import { loadWorkspace } from '../../src/model/workspace.js';
import type { Finding } from '../../src/rules/types.js';
import { flowConnectionEntry, flowJson, memoryTree, msapp, solutionZip, wadlXml, type FlowFileSpec, type SolutionSpec } from '../helpers/solution-builder.js';

const APP = 'cts_events_1a2b3';
const UPLOAD = '5704696e-af75-ef11-a670-000d3a476e1e';
const EMAIL = '632b3d73-055d-ee11-be6f-0022480b6a3f';
const REGISTER = 'a8fe2d88-425c-ee11-be6f-0022480b6a3f';
/** A made-up signature: no real one is ever printed. */
const SIG = 'Zm9yVGVzdHNPbmx5MTIzNDU2Nzg5MA';
const callback = (n: number): string => `https://prod-0${n}.westeurope.logic.azure.com:443/workflows/${n}/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${SIG}${n}`;

interface FlowAt {
  id: string;
  name: string;
}

const flowFile = (f: FlowAt): FlowFileSpec => ({ id: f.id, name: f.name, json: flowJson({ trigger: 'PowerAppV2', responses: [{ kind: 'PowerApp', outputs: [] }] }) });
const dataSourceOf = (f: FlowAt): string => f.name.replace(/\s+/g, '');

/** An app holding a committed callback URL for each flow it calls. */
async function appOf(flows: FlowAt[]): Promise<SolutionSpec['apps']> {
  const lcr = Object.fromEntries(
    flows.map((f, i) => {
      const id = `c8fc610e-0000-4000-8000-00000000000${i + 1}`;
      return [id, flowConnectionEntry({ id, dataSources: [dataSourceOf(f)], workflowEntityId: f.id, callbackUri: callback(i + 1) })];
    }),
  );
  const onStart = flows.map((f) => `${dataSourceOf(f)}.Run()`).join('; ');
  const doc = await msapp({ dataSources: flows.map((f) => ({ name: dataSourceOf(f), workflowEntityId: f.id, wadl: wadlXml({ title: f.name, inputs: [], outputs: [] }) })), localConnectionReferences: lcr, onStart });
  return [{ name: APP, displayName: 'Events', msapp: doc }];
}

async function tree(appFlows: FlowAt[], solutionFlows: FlowAt[], otherFlows: FlowAt[] = []): Promise<ReturnType<typeof memoryTree>> {
  const files: Record<string, Uint8Array> = {
    'exports/Events.zip': await solutionZip({ solution: { uniqueName: 'Events' }, flows: solutionFlows.map(flowFile), apps: await appOf(appFlows) }),
  };
  if (otherFlows.length > 0) files['exports/Shared.zip'] = await solutionZip({ solution: { uniqueName: 'SharedFlows' }, flows: otherFlows.map(flowFile) });
  return memoryTree(files);
}

const FLOWS: FlowAt[] = [
  { id: UPLOAD, name: 'Upload event image' },
  { id: EMAIL, name: 'Email Event Attendees' },
  { id: REGISTER, name: 'Event Registration' },
];

const secrets = (findings: readonly Finding[]): Finding[] => findings.filter((f) => f.ruleId === 'FG501');

describe('secret-in-export (FG501): one finding per app document', () => {
  it('counts the URLs and names the flows in one finding, never printing a signature', async () => {
    const ws = await loadWorkspace(await tree(FLOWS, FLOWS));
    const found = secrets(runRules(ws, { release: false }));
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toBe(
      "App 'Events' (cts_events_1a2b3) stores 3 callback URLs of flows 'EmailEventAttendees', 'EventRegistration', 'Uploadeventimage' with their SAS signatures (the sig parameter of workFlowCallbackUri, not printed here): anyone with read access to this repository can start those flows.",
    );
    expect(found[0]?.location).toEqual({ file: 'exports/Events.zip', inner: 'CanvasApps/cts_events_1a2b3_DocumentUri.msapp!/Properties.json' });
    expect(JSON.stringify(found)).not.toContain(SIG);
  });

  it('is identified by the app, not by its flows or URLs', async () => {
    const all = secrets(runRules(await loadWorkspace(await tree(FLOWS, FLOWS)), { release: false }));
    const one = secrets(runRules(await loadWorkspace(await tree(FLOWS.slice(2), FLOWS)), { release: false }));
    expect(one[0]?.message).toContain("stores the callback URL of flow 'EventRegistration' with its SAS signature");
    expect(one.map((f) => f.fingerprint)).toEqual(all.map((f) => f.fingerprint));
  });
});

describe('secret-in-export (FG501) across a change', () => {
  async function compare(base: ReturnType<typeof memoryTree>, head: ReturnType<typeof memoryTree>): Promise<{ head: string[]; fixed: string[] }> {
    const result = await compareTrees({ baseTree: base, headTree: head }, structuredClone(DEFAULT_CONFIG), false);
    return { head: secrets(result.findings).map((f) => f.status ?? ''), fixed: secrets(result.report.fixed ?? []).map((f) => f.ruleId) };
  }

  it('renaming a flow (the app re-bound to the new name) gives neither a new nor a fixed FG501', async () => {
    const renamed = FLOWS.map((f) => (f.id === UPLOAD ? { ...f, name: 'Upload event photo' } : f));
    expect(await compare(await tree(FLOWS, FLOWS), await tree(renamed, renamed))).toEqual({ head: ['existing'], fixed: [] });
  });

  it('renaming a flow without re-binding the app keeps the finding, which names the flow by its new name too', async () => {
    const renamed = FLOWS.map((f) => (f.id === UPLOAD ? { ...f, name: 'Upload event photo' } : f));
    expect(await compare(await tree(FLOWS, FLOWS), await tree(FLOWS, renamed))).toEqual({ head: ['existing'], fixed: [] });
    const found = secrets(runRules(await loadWorkspace(await tree(FLOWS, renamed)), { release: false }));
    expect(found[0]?.message).toContain("'Uploadeventimage' (flow 'Upload event photo') with their SAS signatures");
  });

  it('moving a flow to another solution gives neither a new nor a fixed FG501', async () => {
    const stay = FLOWS.filter((f) => f.id !== EMAIL);
    const moved = FLOWS.filter((f) => f.id === EMAIL);
    expect(await compare(await tree(FLOWS, FLOWS), await tree(FLOWS, stay, moved))).toEqual({ head: ['existing'], fixed: [] });
  });

  it('a new app document with a secret is new, and removing the last URL fixes it', async () => {
    const clean = await tree([], FLOWS);
    const leaking = await tree(FLOWS, FLOWS);
    expect(await compare(clean, leaking)).toEqual({ head: ['new'], fixed: [] });
    expect(await compare(leaking, clean)).toEqual({ head: [], fixed: ['FG501'] });
  });
});

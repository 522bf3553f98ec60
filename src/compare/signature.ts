import type { CanvasApp, Flow, FlowCall, Solution } from '../model/types.js';
import { idKey } from './ids.js';

/**
 * The part of a flow an app depends on: the trigger, inputs, outputs, connections with their
 * mode, and the on/off state. Export noise (timestamps, volatile ids, key order) is not part of it.
 */
export function flowSignature(flow: Flow): string[] {
  const lines = [`trigger ${flow.trigger ? `${flow.trigger.type}/${flow.trigger.kind}` : 'none'}`, `state ${flow.state}`];
  for (const p of flow.inputs) lines.push(`input ${p.name} ${p.type}${p.required ? ' required' : ''}`);
  for (const o of flow.outputs) lines.push(`output ${o.name} ${o.type}`);
  for (const c of flow.connections) lines.push(`connection ${idKey(c.key)} ${idKey(c.api)} ${c.runtimeSource}`);
  return lines;
}

export type FlowChange = 'added' | 'removed' | 'signature-changed' | 'definition-changed' | 'unchanged';

export interface FlowDiff {
  change: FlowChange;
  /** Human-readable differences of the signature (`connection shared_x embedded → invoker`, …). */
  details: string[];
  /** The differences that an app's stored binding depends on (all but the on/off state), by kind. */
  binding: { inputs: string[]; outputs: string[]; connections: string[]; trigger: string[] };
}

const NO_BINDING = { inputs: [], outputs: [], connections: [], trigger: [] };

export function diffFlow(base: Flow | undefined, head: Flow | undefined): FlowDiff {
  if (!base) return { change: 'added', details: [], binding: NO_BINDING };
  if (!head) return { change: 'removed', details: [], binding: NO_BINDING };
  const trig = (f: Flow): string => (f.trigger ? `${f.trigger.type}/${f.trigger.kind}` : 'none');
  const binding = {
    trigger: trig(base) !== trig(head) ? [`trigger ${trig(base)} → ${trig(head)}`] : [],
    inputs: keyed('input', base.inputs, head.inputs, (p) => p.name, (p) => `${p.type}${p.required ? ', required' : ''}`),
    outputs: keyed('output', base.outputs, head.outputs, (o) => o.name, (o) => o.type),
    connections: keyed('connection', base.connections, head.connections, (c) => idKey(c.key), (c) => `${idKey(c.api)}, ${c.runtimeSource}`),
  };
  const state = base.state !== head.state ? [`state ${base.state} → ${head.state}`] : [];
  const details = [...binding.trigger, ...state, ...binding.inputs, ...binding.outputs, ...binding.connections];
  if (details.length > 0) return { change: 'signature-changed', details, binding };
  return { change: base.definitionHash === head.definitionHash ? 'unchanged' : 'definition-changed', details: [], binding };
}

function keyed<T>(what: string, base: T[], head: T[], key: (t: T) => string, describe: (t: T) => string): string[] {
  const out: string[] = [];
  const b = new Map(base.map((x) => [key(x), x]));
  const h = new Map(head.map((x) => [key(x), x]));
  for (const [k, x] of b) {
    const y = h.get(k);
    if (!y) out.push(`${what} '${k}' (${describe(x)}) removed`);
    else if (describe(x) !== describe(y)) out.push(`${what} '${k}' ${describe(x)} → ${describe(y)}`);
  }
  for (const [k, y] of h) if (!b.has(k)) out.push(`${what} '${k}' (${describe(y)}) added`);
  return out;
}

/** The app's stored copy of a flow's signature, for deciding whether the app was re-bound. */
export function storedBinding(call: FlowCall): string {
  return JSON.stringify([
    call.storedInputs.map((p) => [p.name, p.type, p.required]),
    call.storedOutputs?.map((o) => [o.name, o.type]) ?? null,
    call.connectionsRecorded ? call.storedConnections.map((c) => [idKey(c.key), idKey(c.api)]) : null,
  ]);
}

/** What an app knows about its flows: data sources, their flow ids and stored signatures. */
export function appEssence(app: CanvasApp): string {
  return JSON.stringify(
    app.calls
      .map((c) => [c.dataSource, c.hints.workflowEntityId ?? c.hints.localConnectionReference ?? c.hints.appRecord ?? null, storedBinding(c)])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
  );
}

/** Whether anything that an import deploys changed between two versions of a solution (noise excluded). */
export function componentsChanged(base: Solution, head: Solution): string[] {
  const out: string[] = [];
  const bf = new Map(base.flows.map((f) => [f.id, f]));
  const hf = new Map(head.flows.map((f) => [f.id, f]));
  for (const id of new Set([...bf.keys(), ...hf.keys()])) {
    const d = diffFlow(bf.get(id), hf.get(id));
    if (d.change !== 'unchanged') out.push(`flow '${(hf.get(id) ?? bf.get(id))?.name}' ${d.change}`);
  }
  const ba = new Map(base.apps.map((a) => [a.name.toLowerCase(), a]));
  const ha = new Map(head.apps.map((a) => [a.name.toLowerCase(), a]));
  for (const key of new Set([...ba.keys(), ...ha.keys()])) {
    const a = ba.get(key);
    const b = ha.get(key);
    if (!a || !b) out.push(`app '${(b ?? a)?.displayName}' ${b ? 'added' : 'removed'}`);
    else if (appEssence(a) !== appEssence(b)) out.push(`app '${b.displayName}' changed`);
  }
  const crs = (s: Solution): string => s.connectionReferences.map((c) => `${c.logicalName.toLowerCase()} ${c.connectorId.toLowerCase()}`).sort().join('|');
  if (crs(base) !== crs(head)) out.push('connection references changed');
  const evs = (s: Solution): string => s.environmentVariables.map((e) => `${e.schemaName.toLowerCase()} ${e.type}`).sort().join('|');
  if (evs(base) !== evs(head)) out.push('environment variables changed');
  return out;
}

/** Whether an app's stored copy agrees with a flow's inputs, outputs and connection keys. */
export function bindingMatches(call: FlowCall, flow: Flow): boolean {
  const params = (list: { name: string; type: string; required: boolean }[]): string =>
    list.map((p) => `${p.name}:${p.type}:${p.required}`).sort().join('|');
  if (params(call.storedInputs) !== params(flow.inputs)) return false;
  const outputs = new Set(flow.outputs.map((o) => `${o.name}:${o.type}`));
  if ((call.storedOutputs ?? []).some((o) => !outputs.has(`${o.name}:${o.type}`))) return false;
  if (!call.connectionsRecorded) return true;
  const keys = (list: { key: string }[]): string => list.map((c) => idKey(c.key)).sort().join('|');
  return keys(call.storedConnections) === keys(flow.connections);
}

import { createHash } from 'node:crypto';
import { asArray, entries, isRecord, normalizeGuid, prop, str } from '../source/decode.js';
import type { Flow, FlowConnection, FlowResponse, FlowTrigger, RuntimeSource, SignatureOutput, SignatureParam, WaitPoint } from './types.js';
import { normalizeType } from './types-normalize.js';
import { definitionProblem } from './flow-shape.js';

/** What FlowGuard reads from a cloud flow's definition (`Workflows/*.json`, the workflow's clientdata). */
export type FlowDefinition = Pick<Flow, 'trigger' | 'inputs' | 'outputs' | 'responses' | 'connections' | 'waits' | 'childFlows' | 'usesInvokerTokens' | 'definitionHash' | 'unreadable'>;

/**
 * Reads a flow definition. A file that parses but is not a usable definition (no
 * `properties.definition`, a trigger or actions of the wrong shape) gives an empty definition
 * with `unreadable` set: what FlowGuard cannot read must never look like a flow that drifted.
 */
export function readFlowDefinition(json: unknown, rawText: string, hash = true): FlowDefinition {
  const problem = definitionProblem(json);
  if (problem) return unreadableDefinition(problem);
  const properties = prop(json, 'properties');
  const definition = prop(properties, 'definition');
  const trigger = firstTrigger(definition);
  const actions = collectActions(prop(definition, 'actions'));
  const responseNodes = actions.filter((a) => str(prop(a.node, 'type')).toLowerCase() === 'response');
  const responses = responseNodes.map(readResponse);
  return {
    trigger: trigger?.info,
    inputs: trigger?.info.powerApps ? triggerInputs(trigger.node) : [],
    outputs: unionOutputs(responses.filter((r) => r.success)),
    responses,
    connections: readConnections(prop(properties, 'connectionReferences')),
    waits: findWaits(actions, responseNodes),
    childFlows: childFlowIds(actions),
    // Flows that take the run-only user's connections from the trigger header (2020–21 exports).
    usesInvokerTokens: rawText.includes('X-MS-APIM-Tokens'),
    definitionHash: hash ? hashDefinition(properties) : '',
    unreadable: undefined,
  };
}

function unreadableDefinition(problem: string): FlowDefinition {
  return { trigger: undefined, inputs: [], outputs: [], responses: [], connections: [], waits: [], childFlows: [], usesInvokerTokens: false, definitionHash: '', unreadable: problem };
}

/**
 * Workflow Definition Language reads a string that starts with `@` as an expression, so a literal
 * leading `@` is written `@@` — in schema property names too (`@@odata.etag`), while the app's
 * stored copy says `@odata.etag` (solution-format §8b.1).
 */
export function unescapeWdl(name: string): string {
  return name.startsWith('@@') ? name.slice(1) : name;
}

// ---- trigger and inputs ----

function firstTrigger(definition: unknown): { node: unknown; info: FlowTrigger } | undefined {
  const triggers = entries(prop(definition, 'triggers'));
  const first = triggers[0];
  if (!first) return undefined;
  const [name, node] = first;
  const type = str(prop(node, 'type'));
  const kind = str(prop(node, 'kind'));
  const isRequest = type.toLowerCase() === 'request';
  const powerApps = isRequest && kind === 'PowerAppV2' ? 'v2' : isRequest && kind === 'PowerApp' ? 'v1' : undefined;
  return { node, info: { name, type, kind, powerApps } };
}

function triggerInputs(trigger: unknown): SignatureParam[] {
  const schema = prop(prop(trigger, 'inputs'), 'schema');
  const required = requiredSet(schema);
  // Keep the schema's own key order: it is the order of the Run() arguments.
  const props = prop(schema, 'properties');
  if (!isRecord(props)) return [];
  return Object.keys(props).map((key) => {
    const p = props[key];
    const name = unescapeWdl(key);
    return {
      name,
      type: normalizeType(str(prop(p, 'type')) || 'any'),
      required: required.has(name),
      title: unescapeWdl(str(prop(p, 'title'))),
    };
  });
}

function requiredSet(schema: unknown): Set<string> {
  return new Set(asArray(prop(schema, 'required')).filter((r): r is string => typeof r === 'string').map(unescapeWdl));
}

// ---- action tree ----

export interface ActionNode {
  name: string;
  node: unknown;
  /** Names of the enclosing actions, outermost first. */
  path: string[];
  /** The sibling map this action lives in, for runAfter ordering. */
  siblings: Record<string, unknown>;
}

/** Every action of the definition, depth first, including those nested in Scope, If, Switch, Foreach and Until. */
export function collectActions(root: unknown, path: string[] = [], out: ActionNode[] = []): ActionNode[] {
  if (!isRecord(root)) return out;
  for (const [name, node] of entries(root)) {
    out.push({ name, node, path, siblings: root });
    const inner = [...path, name];
    collectActions(prop(node, 'actions'), inner, out);
    collectActions(prop(prop(node, 'else'), 'actions'), inner, out);
    collectActions(prop(prop(node, 'default'), 'actions'), inner, out);
    for (const [, c] of entries(prop(node, 'cases'))) collectActions(prop(c, 'actions'), inner, out);
  }
  return out;
}

function readResponse(r: ActionNode): FlowResponse {
  const inputs = prop(r.node, 'inputs');
  const statusCode = literalStatus(prop(inputs, 'statusCode'));
  return {
    action: r.name,
    kind: str(prop(r.node, 'kind')) || 'Http',
    asynchronous: /asynchronous/i.test(str(prop(r.node, 'operationOptions'))),
    statusCode,
    // An expression status (`@{…}`) may be anything; it counts as a success, so its outputs are judged.
    success: statusCode === undefined || statusCode < 400,
    outputs: schemaOutputs(prop(inputs, 'schema')),
  };
}

function literalStatus(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d{3}\s*$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) ? n : undefined;
}

/** Output fields of a response schema: object properties, or item properties (`[].name`) of an array. */
function schemaOutputs(schema: unknown): SignatureOutput[] {
  const arrayRoot = str(prop(schema, 'type')) === 'array';
  const props = arrayRoot ? prop(prop(schema, 'items'), 'properties') : prop(schema, 'properties');
  return entries(props).map(([key, p]) => ({
    name: (arrayRoot ? '[].' : '') + unescapeWdl(key),
    type: normalizeType(str(prop(p, 'type')) || 'any'),
    title: unescapeWdl(str(prop(p, 'title'))),
  }));
}

function unionOutputs(responses: FlowResponse[]): SignatureOutput[] {
  const byName = new Map<string, SignatureOutput>();
  for (const r of responses) for (const o of r.outputs) if (!byName.has(o.name)) byName.set(o.name, o);
  return [...byName.values()];
}

function readConnections(refs: unknown): FlowConnection[] {
  return entries(refs).map(([key, ref]) => {
    const api = str(prop(prop(ref, 'api'), 'name')) || lastSegment(str(prop(ref, 'id')));
    return {
      key,
      api: api || key.replace(/[-_]\d+$/, ''),
      runtimeSource: runtimeSource(ref),
      connectionReference: str(prop(prop(ref, 'connection'), 'connectionReferenceLogicalName')) || undefined,
    };
  });
}

/** `runtimeSource` (solutions) or `source` (legacy packages); a connection without either runs embedded. */
function runtimeSource(ref: unknown): RuntimeSource {
  const v = (str(prop(ref, 'runtimeSource')) || str(prop(ref, 'source'))).toLowerCase();
  if (v === 'invoker') return 'invoker';
  if (v === 'embedded' || v === '') return 'embedded';
  return 'unknown';
}

function lastSegment(id: string): string {
  return id.slice(id.lastIndexOf('/') + 1);
}

function childFlowIds(actions: ActionNode[]): string[] {
  const ids = new Set<string>();
  for (const a of actions) {
    if (str(prop(a.node, 'type')).toLowerCase() !== 'workflow') continue;
    const id = normalizeGuid(prop(prop(prop(a.node, 'inputs'), 'host'), 'workflowReferenceName'));
    if (id) ids.add(id);
  }
  return [...ids].sort();
}

// ---- actions that can wait ----

const APPROVAL_OPERATIONS = new Set(['startandwaitforanapproval', 'waitforanapproval', 'sendmailwithoptions', 'sendapprovalmail', 'postadaptivecardandwaitforresponse', 'postcardandwaitforresponse']);
const UNIT_SECONDS: Record<string, number> = { second: 1, minute: 60, hour: 3600, day: 86400, week: 604800, month: 2592000 };

function findWaits(actions: ActionNode[], responses: ActionNode[]): WaitPoint[] {
  const before = actionsBeforeResponses(actions, responses);
  const waits: WaitPoint[] = [];
  for (const a of actions) {
    const w = classifyWait(a);
    if (w) waits.push({ ...w, action: a.name, beforeResponse: before.has(a) });
  }
  return waits;
}

function classifyWait(a: ActionNode): Omit<WaitPoint, 'action' | 'beforeResponse'> | undefined {
  const type = str(prop(a.node, 'type')).toLowerCase();
  const inputs = prop(a.node, 'inputs');
  if (type === 'wait') {
    const interval = prop(inputs, 'interval');
    if (interval !== undefined) {
      const count = Number(prop(interval, 'count'));
      const unit = UNIT_SECONDS[str(prop(interval, 'unit')).toLowerCase()];
      const seconds = Number.isFinite(count) && unit !== undefined ? count * unit : undefined;
      return { kind: 'wait', minSeconds: seconds, detail: `Delay of ${String(prop(interval, 'count'))} ${str(prop(interval, 'unit')).toLowerCase()}(s)` };
    }
    return { kind: 'wait', minSeconds: undefined, detail: 'Delay until a point in time' };
  }
  if (type === 'until') {
    const limit = prop(a.node, 'limit');
    return { kind: 'until', minSeconds: undefined, detail: `Do-until loop (limit ${String(prop(limit, 'count') ?? 60)} iterations, timeout ${str(prop(limit, 'timeout')) || 'PT1H'})` };
  }
  if (type.endsWith('webhook')) {
    const op = str(prop(prop(inputs, 'host'), 'operationId'));
    const approval = APPROVAL_OPERATIONS.has(op.toLowerCase());
    return { kind: approval ? 'approval' : 'webhook', minSeconds: undefined, detail: `${approval ? 'Waits for a person to respond' : 'Waits for a callback'} (${op || type})` };
  }
  if (type === 'workflow') return { kind: 'child-flow', minSeconds: undefined, detail: 'Runs a child flow and waits for it' };
  const retry = prop(inputs, 'retryPolicy');
  const total = retryTotalSeconds(retry);
  if (total !== undefined && total > 120) {
    return { kind: 'retry', minSeconds: undefined, detail: `Retry policy can wait up to ${total} s in all (${str(prop(retry, 'type'))}, ${String(prop(retry, 'count'))} retries)` };
  }
  return undefined;
}

/** Worst-case total waiting of a fixed or exponential retry policy, in seconds. */
function retryTotalSeconds(policy: unknown): number | undefined {
  const type = str(prop(policy, 'type')).toLowerCase();
  const count = Number(prop(policy, 'count'));
  const interval = isoSeconds(str(prop(policy, 'interval')));
  if (!Number.isFinite(count) || interval === undefined) return undefined;
  if (type === 'fixed') return count * interval;
  if (type === 'exponential') {
    const max = isoSeconds(str(prop(policy, 'maximumInterval'))) ?? 86400;
    let total = 0;
    for (let i = 0; i < Math.min(count, 90); i++) total += Math.min(interval * 2 ** i, max);
    return total;
  }
  return undefined;
}

export function isoSeconds(duration: string): number | undefined {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(duration.trim());
  if (!m || duration.trim().toUpperCase() === 'P' || duration.trim().toUpperCase() === 'PT') return undefined;
  return Number(m[1] ?? 0) * 86400 + Number(m[2] ?? 0) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
}

/**
 * The actions that can run before a response is sent: for each Response action, walk up its
 * enclosing actions and collect every sibling it transitively runs after (with all it contains),
 * plus the loops that enclose it. A flow without a Response answers the app at once (202), so
 * nothing runs before its answer.
 */
function actionsBeforeResponses(actions: ActionNode[], responses: ActionNode[]): Set<ActionNode> {
  const before = new Set<ActionNode>();
  const byPath = new Map<string, ActionNode>();
  for (const a of actions) byPath.set(pathKey([...a.path, a.name]), a);
  for (const r of responses) {
    const chain = [...r.path, r.name];
    for (let level = chain.length - 1; level >= 0; level--) {
      const self = byPath.get(pathKey(chain.slice(0, level + 1)));
      if (!self) continue;
      if (level < chain.length - 1) before.add(self);
      for (const pred of predecessors(self)) {
        const predPath = pathKey([...self.path, pred]);
        for (const a of actions) {
          const full = pathKey([...a.path, a.name]);
          if (full === predPath || full.startsWith(predPath + '\u0000')) before.add(a);
        }
      }
    }
  }
  return before;
}

function pathKey(parts: string[]): string {
  return parts.join('\u0000');
}

function predecessors(a: ActionNode): Set<string> {
  const seen = new Set<string>();
  const stack = Object.keys(runAfter(a.siblings[a.name]));
  while (stack.length > 0) {
    const name = stack.pop() as string;
    if (seen.has(name) || !Object.prototype.hasOwnProperty.call(a.siblings, name)) continue;
    seen.add(name);
    stack.push(...Object.keys(runAfter(a.siblings[name])));
  }
  return seen;
}

function runAfter(node: unknown): Record<string, unknown> {
  const r = prop(node, 'runAfter');
  return isRecord(r) ? r : {};
}

// ---- change detection ----

/** Keys that change on every export or only describe the designer, not what runs. */
const NOISE_KEYS = new Set(['metadata', 'operationMetadataId']);

function hashDefinition(properties: unknown): string {
  const canonical = canonicalJson({ definition: prop(properties, 'definition'), connectionReferences: prop(properties, 'connectionReferences') });
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (isRecord(v)) {
    const keys = Object.keys(v)
      .filter((k) => !NOISE_KEYS.has(k))
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

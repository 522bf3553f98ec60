/**
 * Mutations of real exports: copy a corpus solution in memory and apply one documented kind of flow
 * change to it (the rules issue's list). Used by the rule mutation tests and the pull-request tests.
 */
import JSZip from 'jszip';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadWorkspace } from '../../src/model/workspace.js';
import type { Flow, FlowCall, Solution } from '../../src/model/types.js';
import type { Finding } from '../../src/rules/types.js';
import { listWorkingTree, workingTree } from '../../src/source/folder.js';
import { RepoTree } from '../../src/source/tree.js';
import { CORPUS } from './corpus.js';

export interface Target {
  solution: Solution;
  app: string;
  call: FlowCall;
  flow: Flow;
}

/** The flow's files, relative to the solution root (zip entries or folder files). */
interface FlowFiles {
  json: string;
  meta: string | undefined;
}

type Json = Record<string, any>;

export interface Mutation {
  name: string;
  rule: string;
  /** The severity the finding must have, where the failure is certain. */
  severity?: 'error' | 'warning' | 'note';
  applies(t: Target): boolean;
  /** Changes the flow definition; returns a word the finding's message must contain. */
  flow?(def: Json, t: Target): string | undefined;
  /** Words the finding's message or fix steps must also hold (e.g. every call site of the flow). */
  words?(t: Target): string[];
  /** Changes the solution's files directly (state, deletion). */
  files?(files: Map<string, Uint8Array | null>, f: FlowFiles, t: Target): void;
}

const enc = new TextEncoder();
const dec = new TextDecoder();
const text = (b: Uint8Array): string => dec.decode(b).replace(/^\uFEFF/, '');

function triggerOf(def: Json): Json {
  const triggers = def.properties.definition.triggers as Json;
  return triggers[Object.keys(triggers)[0] as string];
}
function inputSchema(def: Json): Json {
  const schema = triggerOf(def).inputs.schema as Json;
  schema.properties ??= {};
  schema.required ??= [];
  return schema;
}
function responses(actions: Json, out: Json[] = []): Json[] {
  for (const a of Object.values(actions ?? {}) as Json[]) {
    if (String(a.type).toLowerCase() === 'response') out.push(a);
    responses(a.actions, out);
    responses(a.else?.actions, out);
    responses(a.default?.actions, out);
    for (const c of Object.values(a.cases ?? {}) as Json[]) responses(c.actions, out);
  }
  return out;
}
/** `Screen › control.property`, as findings print a call site. */
const siteText = (s: { screen: string; control: string; property: string }): string => (s.control === s.screen || s.control === '' ? `${s.screen}.${s.property}` : `${s.screen} › ${s.control}.${s.property}`);
const stillReturned = (t: Target): string[] => (t.call.storedOutputs ?? []).filter((o) => t.flow.outputs.some((x) => x.name === o.name)).map((o) => o.name);
const isRead = (t: Target, output: string): boolean => (t.call.formulas?.outputReads ?? []).some((r) => r.output.toLowerCase() === output.replace(/^\[\]\./, '').toLowerCase());
/** An output the app stored, the flow returns, and a formula reads. */
const readOutput = (t: Target): string | undefined => stillReturned(t).find((o) => isRead(t, o));
/** An output the app stored and the flow returns that no formula reads, in an app whose every use of the result is followed. */
const unreadOutput = (t: Target): string | undefined => (t.call.formulas?.traced ? stillReturned(t).find((o) => !isRead(t, o)) : undefined);
function removeOutput(def: Json, name: string): string {
  const key = name.replace(/^\[\]\./, '');
  for (const r of responses(def.properties.definition.actions)) {
    const schema = r.inputs?.schema ?? {};
    delete (schema.type === 'array' ? schema.items?.properties ?? {} : schema.properties ?? {})[key];
  }
  return key;
}
const passedInput = (t: Target): string | undefined => t.call.storedInputs.find((p) => t.flow.inputs.some((i) => i.name === p.name))?.name;

export const MUTATIONS: Mutation[] = [
  {
    name: 'add a required input',
    severity: 'error',
    rule: 'FG101',
    applies: (t) => t.flow.trigger?.powerApps !== undefined,
    flow(def, t) {
      const name = t.flow.trigger?.powerApps === 'v1' ? 'Addedaction_Value' : 'text_99';
      const schema = inputSchema(def);
      schema.properties[name] = { title: 'Added by test', type: 'string' };
      schema.required.push(name);
      return name;
    },
    // The fix names every formula that calls the flow: they must pass the new input after re-binding.
    words: (t) => (t.call.formulas?.callSites ?? []).map(siteText),
  },
  {
    name: 'remove an input the app passes',
    rule: 'FG101',
    applies: (t) => passedInput(t) !== undefined,
    flow(def, t) {
      const name = passedInput(t) as string;
      const schema = inputSchema(def);
      delete schema.properties[name];
      schema.required = schema.required.filter((r: string) => r !== name);
      return name;
    },
  },
  {
    name: 'rename a V1 input',
    severity: 'error',
    rule: 'FG101',
    applies: (t) => t.flow.trigger?.powerApps === 'v1' && passedInput(t) !== undefined,
    flow(def, t) {
      const name = passedInput(t) as string;
      const renamed = `Renamedaction${name.slice(name.lastIndexOf('_'))}`;
      const schema = inputSchema(def);
      schema.properties[renamed] = schema.properties[name];
      delete schema.properties[name];
      schema.required = schema.required.map((r: string) => (r === name ? renamed : r));
      return renamed;
    },
  },
  {
    name: 'retype an input',
    severity: 'error',
    rule: 'FG101',
    applies: (t) => passedInput(t) !== undefined,
    flow(def, t) {
      const name = passedInput(t) as string;
      const stored = t.call.storedInputs.find((i) => i.name === name)?.type;
      inputSchema(def).properties[name].type = stored === 'string' ? 'boolean' : 'string';
      return name;
    },
  },
  {
    name: 'add a connection',
    rule: 'FG103',
    applies: (t) => t.call.connectionsRecorded,
    flow(def) {
      def.properties.connectionReferences ??= {};
      def.properties.connectionReferences.shared_flowguardtest = { runtimeSource: 'invoker', connection: { connectionReferenceLogicalName: 'fg_test' }, api: { name: 'shared_flowguardtest' } };
      return 'shared_flowguardtest';
    },
  },
  {
    name: "change a connection's API",
    rule: 'FG103',
    applies: (t) => t.call.connectionsRecorded && t.flow.connections.some((c) => t.call.storedConnections.some((s) => s.key === c.key)),
    flow(def, t) {
      const key = t.flow.connections.find((c) => t.call.storedConnections.some((s) => s.key === c.key))?.key as string;
      def.properties.connectionReferences[key].api = { name: 'shared_otherconnector' };
      return key;
    },
  },
  {
    name: 'remove a response output a formula reads',
    severity: 'error',
    rule: 'FG102',
    applies: (t) => readOutput(t) !== undefined,
    flow: (def, t) => removeOutput(def, readOutput(t) as string),
    // The finding names the control that reads the output.
    words: (t) => [siteText(t.call.formulas?.outputReads.find((r) => r.output.toLowerCase() === (readOutput(t) as string).replace(/^\[\]\./, '').toLowerCase()) as { screen: string; control: string; property: string })],
  },
  {
    name: 'remove a response output no formula reads',
    severity: 'note',
    rule: 'FG102',
    applies: (t) => unreadOutput(t) !== undefined,
    flow: (def, t) => `${removeOutput(def, unreadOutput(t) as string)}' (`,
    words: () => ['no formula reads it'],
  },
  {
    name: 'turn the flow off',
    severity: 'error',
    rule: 'FG201',
    applies: (t) => t.solution.layout !== 'legacy-package',
    files(files, f, t) {
      const name = f.meta as string;
      const xml = text(files.get(name) as Uint8Array);
      const start = xml.search(new RegExp(`WorkflowId="\\{${t.flow.id}\\}"`, 'i'));
      const end = xml.indexOf('</Workflow>', start);
      const block = xml.slice(start, end).replace('<StateCode>1</StateCode>', '<StateCode>0</StateCode>').replace('<StatusCode>2</StatusCode>', '<StatusCode>1</StatusCode>');
      files.set(name, enc.encode(xml.slice(0, start) + block + xml.slice(end)));
    },
  },
  {
    name: 'put a 5-minute wait before the response',
    severity: 'error',
    rule: 'FG202',
    applies: (t) => t.flow.responses.length > 0,
    flow(def) {
      const actions = def.properties.definition.actions as Json;
      for (const a of Object.values(actions) as Json[]) if (!a.runAfter || Object.keys(a.runAfter).length === 0) a.runAfter = { Wait_5_minutes: ['Succeeded'] };
      actions.Wait_5_minutes = { type: 'Wait', inputs: { interval: { count: 5, unit: 'Minute' } }, runAfter: {} };
      return 'Wait_5_minutes';
    },
  },
  {
    name: "switch a connection's runtimeSource",
    rule: 'FG301',
    applies: (t) => t.flow.connections.length > 0,
    flow(def, t) {
      const c = t.flow.connections[0] as Flow['connections'][number];
      const ref = def.properties.connectionReferences[c.key];
      const next = c.runtimeSource === 'invoker' ? 'embedded' : 'invoker';
      if ('source' in ref) ref.source = next === 'invoker' ? 'Invoker' : 'Embedded';
      else ref.runtimeSource = next;
      // FG301 lists each connector once, with its keys when they differ from the connector's name.
      const group = t.flow.connections.filter((x) => x.api.toLowerCase() === c.api.toLowerCase() && (x === c ? next : x.runtimeSource) === next).map((x) => x.key);
      const keys = group.length > 1 || group[0]?.toLowerCase() !== c.api.toLowerCase() ? ` (${group.join(', ')})` : '';
      return `${c.api}${keys}: ${next}`;
    },
  },
  {
    name: 'delete the flow',
    rule: 'FG104',
    applies: () => true,
    files(files, f, t) {
      files.set(f.json, null);
      if (t.solution.layout === 'legacy-package') return;
      const meta = f.meta as string;
      if (/\.data\.xml$/i.test(meta)) files.set(meta, null);
      else {
        const xml = text(files.get(meta) as Uint8Array);
        const start = xml.lastIndexOf('<Workflow ', xml.search(new RegExp(`WorkflowId="\\{${t.flow.id}\\}"`, 'i')));
        const end = xml.indexOf('</Workflow>', start) + '</Workflow>'.length;
        files.set(meta, enc.encode(xml.slice(0, start) + xml.slice(end)));
      }
    },
  },
];

function flowFiles(t: Target): FlowFiles {
  const inner = (o: { file: string; inner?: string }): string => (t.solution.layout === 'zip' || t.solution.layout === 'legacy-package' ? (o.inner as string) : o.file.slice(t.solution.path.length + 1));
  return { json: inner(t.flow.origin), meta: t.flow.metaOrigin ? inner(t.flow.metaOrigin) : undefined };
}

/** The mutated solution's files, by repository path (the zip itself, or each file of the folder). */
export async function mutatedFiles(t: Target, m: Mutation): Promise<{ files: Map<string, Uint8Array>; expect: string | undefined }> {
  const isZip = t.solution.layout === 'zip' || t.solution.layout === 'legacy-package';
  const files = new Map<string, Uint8Array | null>();
  let zip: JSZip | undefined;
  if (isZip) {
    zip = await JSZip.loadAsync(await readFile(join(CORPUS, t.solution.path)));
    for (const [name, entry] of Object.entries(zip.files)) if (!entry.dir) files.set(name, await entry.async('uint8array'));
  } else {
    for (const f of await listWorkingTree(CORPUS, [t.solution.path])) files.set(f.path.slice(t.solution.path.length + 1), await readFile(join(CORPUS, f.path)));
  }
  const ff = flowFiles(t);
  let word: string | undefined;
  if (m.flow) {
    const def = JSON.parse(text(files.get(ff.json) as Uint8Array)) as Json;
    word = m.flow(def, t);
    files.set(ff.json, enc.encode(JSON.stringify(def)));
  }
  m.files?.(files, ff, t);
  const live = [...files.entries()].filter((e): e is [string, Uint8Array] => e[1] !== null);
  if (isZip) {
    const out = new JSZip();
    for (const [name, bytes] of live) out.file(name, bytes);
    const bytes = await out.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    return { files: new Map([[t.solution.path, bytes]]), expect: word };
  }
  return { files: new Map(live.map(([name, bytes]) => [`${t.solution.path}/${name}`, bytes])), expect: word };
}

/** A tree holding only the mutated copy of the target's solution. */
export async function mutatedTree(t: Target, m: Mutation): Promise<{ tree: RepoTree; expect: string | undefined }> {
  const { files, expect } = await mutatedFiles(t, m);
  return { tree: new RepoTree([...files.entries()].map(([path, b]) => ({ path, size: b.byteLength })), async (p) => files.get(p) as Uint8Array), expect };
}

/** Every app → flow call of the corpus that resolves to a flow in the app's own solution. */
export async function corpusTargets(): Promise<Target[]> {
  const baseline = await loadWorkspace(await workingTree(CORPUS, ['.']));
  const targets: Target[] = [];
  for (const solution of baseline.solutions) {
    for (const app of solution.apps) {
      for (const call of app.calls) {
        const flow = solution.flows.find((f) => f.id === call.binding.flowId && call.binding.solutionPath === solution.path);
        if (flow) targets.push({ solution, app: app.name, call, flow });
      }
    }
  }
  return targets;
}

/** Whether a finding is the one a mutation must produce for a target. */
/**
 * The findings with the drift merged into change findings (pull-request mode: FG105 carries the
 * FG101–FG103 of the same cause as evidence) listed as findings of their own again, under the
 * change finding's app, flow and status.
 */
export function withEvidence(findings: readonly Finding[]): Finding[] {
  return findings.flatMap((f) => [f, ...(f.evidence ?? []).map((e) => ({ ...f, ...e, evidence: undefined }))]);
}

export function matches(f: Finding, t: Target, m: Mutation, word: string | undefined): boolean {
  return (
    f.ruleId === m.rule &&
    f.app?.name === t.app &&
    (f.flow?.id === t.flow.id || (m.rule === 'FG104' && f.message.includes(t.call.dataSource))) &&
    (word === undefined || f.message.includes(word)) &&
    (m.words?.(t) ?? []).every((w) => `${f.message}\n${f.mitigation.join('\n')}`.includes(w)) &&
    (m.severity === undefined || f.severity === m.severity)
  );
}


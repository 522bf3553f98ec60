import { asArray, entries, isRecord, normalizeGuid, parseJson, parseJsonText, prop, propCI, str } from '../source/decode.js';
import type { FileTree } from '../source/tree.js';
import { readAppFormulas, withFormulas } from './app-formulas.js';
import { flowDataSourceCandidates } from './data-sources.js';
import type { CallbackSecret, FlowCall, Origin, StoredConnection } from './types.js';
import { parseWadl, type StoredSignature } from './wadl.js';

/** The flow calls a canvas app stores, read from its document (an .msapp, or its unpacked sources). */
export interface AppDocument {
  calls: FlowCall[];
  secrets: CallbackSecret[];
  /** Parts that could not be read (a data source entry, a stored signature): one message each, never drift. */
  problems: { origin: Origin; message: string }[];
}

const FLOW_API = '/shared_logicflows';

/** A flow data source of `References/DataSources.json` (or an unpacked `DataSources/<name>.json`). */
interface FlowDataSource {
  name: string;
  serviceKind: string;
  workflowEntityId: string | undefined;
  /** Legacy `AddinWadl` entries name the flow by its environment-specific name. */
  addinConnectorId: string | undefined;
  /** The stored signature text, or why there is none to read. */
  wadl: string | undefined;
  wadlProblem: string | undefined;
  /** The file the entry was read from, when each data source has its own (unpacked sources). */
  origin?: Origin;
  /** The file of the stored signature, when it has its own (`pkgs/Wadl/<name>.xml`). */
  wadlOrigin?: Origin;
}

export function isFlowDataSource(ds: unknown): boolean {
  if (str(prop(ds, 'Type')) !== 'ServiceInfo') return false;
  return str(prop(ds, 'ApiId')).toLowerCase().endsWith(FLOW_API) || str(prop(ds, 'ServiceKind')) === 'AddinWadl';
}

function toFlowDataSource(ds: unknown, wadl: unknown, wadlWhere: string): FlowDataSource {
  return {
    name: str(prop(ds, 'Name')),
    serviceKind: str(prop(ds, 'ServiceKind')),
    workflowEntityId: normalizeGuid(prop(ds, 'WorkflowEntityId')),
    addinConnectorId: normalizeGuid(prop(ds, 'AddinConnectorId')),
    wadl: typeof wadl === 'string' && wadl.trim() !== '' ? wadl : undefined,
    wadlProblem: typeof wadl === 'string' && wadl.trim() !== '' ? undefined : wadl === undefined || wadl === '' ? `${wadlWhere} is missing` : `${wadlWhere} is not text`,
  };
}

/** Keeps the flow data sources that can be named; the others become problems. */
function namedFlowSources(candidates: unknown[], origin: Origin, problems: AppDocument['problems']): unknown[] {
  const out: unknown[] = [];
  candidates.forEach((ds, i) => {
    if (!isRecord(ds) || typeof prop(ds, 'Name') !== 'string' || typeof prop(ds, 'Type') !== 'string') {
      problems.push({ origin, message: `data source entry ${i + 1} is not a data source record (no Name or Type); it is skipped` });
      return;
    }
    if (isFlowDataSource(ds) && str(prop(ds, 'Name')).trim() === '') {
      problems.push({ origin, message: `a flow data source has an empty Name; it is skipped` });
      return;
    }
    if (isFlowDataSource(ds)) out.push(ds);
  });
  return out;
}

/** Reads an .msapp: only `References/DataSources.json` and `Properties.json` are inflated. */
export async function readMsapp(msapp: FileTree, origin: (inner: string) => Origin): Promise<AppDocument> {
  const dsName = 'References/DataSources.json';
  const dsBytes = msapp.has(dsName) ? await msapp.read(dsName) : undefined;
  const problems: AppDocument['problems'] = [];
  const sources = namedFlowSources(dsBytes ? flowDataSourceCandidates(dsBytes) : [], origin(dsName), problems);
  const flows = sources.map((ds) => toFlowDataSource(ds, prop(prop(ds, 'WadlMetadata'), 'WadlXml'), `WadlMetadata.WadlXml of '${str(prop(ds, 'Name'))}'`));
  const propsBytes = msapp.has('Properties.json') ? await msapp.read('Properties.json') : undefined;
  // An app with no flow data source left is done, unless its connections still name a flow (then an entry was lost).
  if (flows.length === 0 && !(propsBytes && Buffer.from(propsBytes.buffer, propsBytes.byteOffset, propsBytes.byteLength).includes('logicflows'))) return { calls: [], secrets: [], problems };
  const raw = prop(propsBytes ? parseJson(propsBytes) : {}, 'LocalConnectionReferences');
  const lcr = typeof raw === 'string' && raw !== '' ? parseJsonText(raw) : isRecord(raw) ? raw : {};
  problems.push(...lostDataSources(lcr, flows, origin(dsName)));
  if (flows.length === 0) return { calls: [], secrets: [], problems };
  return withAppFormulas(msapp, buildDocument(flows, lcr, origin(dsName), origin('Properties.json'), problems), origin);
}

/** Flow data sources the app's connections name but DataSources.json does not hold (readably): their calls cannot be checked. */
function lostDataSources(lcr: unknown, flows: FlowDataSource[], origin: Origin): AppDocument['problems'] {
  const known = new Set(flows.map((f) => f.name));
  const lost = new Set<string>();
  for (const [, entry] of entries(lcr)) {
    const api = str(prop(prop(entry, 'connectionRef'), 'id')) || str(prop(entry, 'connectionInstanceId'));
    if (!api.toLowerCase().includes(FLOW_API)) continue;
    for (const ds of asArray(prop(entry, 'dataSources'))) if (typeof ds === 'string' && !known.has(ds)) lost.add(ds);
  }
  return [...lost].sort().map((ds) => ({ origin, message: `the app's connections name the flow data source '${ds}', but DataSources.json holds no readable entry for it; its calls are not checked` }));
}

/** Reads the formulas of an app that calls flows, and attaches what they do with each flow to its call. */
async function withAppFormulas(tree: FileTree, doc: AppDocument, origin: (inner: string) => Origin): Promise<AppDocument> {
  const result = await readAppFormulas(tree, doc.calls.map((c) => c.dataSource), origin);
  return { ...doc, calls: withFormulas(doc.calls, result), problems: [...doc.problems, ...result.problems] };
}

/**
 * Reads unpacked canvas sources (`pac canvas unpack`, SolutionPackager `--processCanvasApps`):
 * `DataSources/<name>.json`, `pkgs/Wadl/<name>.xml`, `Connections/Connections.json`.
 */
export async function readUnpackedApp(src: FileTree, origin: (name: string) => Origin): Promise<AppDocument> {
  const flows: FlowDataSource[] = [];
  const problems: AppDocument['problems'] = [];
  let firstDs = '';
  for (const name of src.names) {
    if (!/^DataSources\/[^/]+\.json$/i.test(name)) continue;
    let parsed: unknown;
    try {
      parsed = parseJson(await src.read(name));
    } catch (err) {
      problems.push({ origin: origin(name), message: describeError(err) });
      continue;
    }
    for (const ds of namedFlowSources(asArray(parsed), origin(name), problems)) {
      const wadlName = wadlFileOf(src, name, str(prop(ds, 'Name')));
      const wadl = src.has(wadlName) ? new TextDecoder().decode(await src.read(wadlName)).replace(/^\uFEFF/, '') : undefined;
      flows.push({ ...toFlowDataSource(ds, wadl, wadlName), origin: origin(name), wadlOrigin: origin(wadlName) });
      firstDs ||= name;
    }
  }
  const connName = 'Connections/Connections.json';
  const lcr = src.has(connName) ? parseJson(await src.read(connName)) : {};
  const doc = buildDocument(flows, lcr, origin(firstDs || 'DataSources'), origin(connName), problems);
  return flows.length === 0 ? doc : withAppFormulas(src, doc, origin);
}

/**
 * `pkgs/Wadl/<file>.xml` carries the data source's file name, escaped as `DataSources/<file>.json` is
 * (a flow named `A, B` is `DataSources/A%2cB.json`, §8b.11), so it is found by that name first.
 */
function wadlFileOf(src: FileTree, dataSourceFile: string, name: string): string {
  const stem = dataSourceFile.slice('DataSources/'.length, -'.json'.length);
  const byFile = `pkgs/Wadl/${stem}.xml`;
  return src.has(byFile) ? byFile : `pkgs/Wadl/${name}.xml`;
}

function describeError(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function buildDocument(flows: FlowDataSource[], lcr: unknown, dsOrigin: Origin, lcrOrigin: Origin, problems: AppDocument['problems']): AppDocument {
  const calls = flows.map((ds) => toCall(ds, lcr, dsOrigin));
  flows.forEach((ds, i) => {
    const c = calls[i] as FlowCall;
    if (c.signatureUnreadable) problems.push({ origin: (ds.wadl ? ds.wadlOrigin : undefined) ?? c.origin, message: `flow data source '${c.dataSource}': ${c.signatureUnreadable}; its inputs and outputs are not checked` });
  });
  return { calls, secrets: findCallbackSecrets(lcr, lcrOrigin), problems };
}

function storedSignature(ds: FlowDataSource): StoredSignature & { problem?: string } {
  if (!ds.wadl) return { title: '', inputs: [], outputs: undefined, problem: ds.wadlProblem ?? 'no stored signature' };
  try {
    return parseWadl(ds.wadl);
  } catch (err) {
    return { title: '', inputs: [], outputs: undefined, problem: `the stored signature (WADL) cannot be read: ${describeError(err)}` };
  }
}

function toCall(ds: FlowDataSource, lcr: unknown, origin: Origin): FlowCall {
  const signature = storedSignature(ds);
  const entry = connectionEntryFor(lcr, ds.name);
  const hints = prop(prop(entry, 'connectionRef'), 'parameterHints');
  const params = prop(entry, 'connectionParameters');
  return {
    dataSource: ds.name,
    serviceKind: ds.serviceKind,
    title: signature.title,
    hints: compact({
      workflowEntityId: ds.workflowEntityId,
      localConnectionReference: normalizeGuid(prop(prop(hints, 'workflowEntityId'), 'value')) ?? normalizeGuid(prop(params, 'workflowEntityId')),
      workflowName: normalizeGuid(prop(prop(hints, 'workflowName'), 'value')) ?? normalizeGuid(prop(params, 'workflowName')) ?? ds.addinConnectorId,
    }),
    storedInputs: signature.inputs,
    storedOutputs: signature.outputs,
    storedConnections: entry ? storedConnections(entry, lcr) : [],
    connectionsRecorded: entry !== undefined,
    ...(signature.problem ? { signatureUnreadable: signature.problem } : {}),
    origin: ds.origin ?? origin,
    binding: { flowId: undefined, resolvedBy: undefined, confidence: undefined, solutionPath: undefined },
  };
}

/** The connection entry (LocalConnectionReferences / Connections.json / app record) whose `dataSources` lists the flow. */
/**
 * The flows an app record's connection references name by workflow id (`parameterHints.workflowEntityId`),
 * or undefined when the record cannot tell: no entries at all, or a flow connection without that hint.
 * A record whose entries name no flow connection calls no flow.
 */
export function flowsNamedByRecord(refs: unknown): string[] | undefined {
  const all = entries(refs);
  if (all.length === 0) return undefined;
  const ids: string[] = [];
  for (const [, entry] of all) {
    const api = str(prop(prop(entry, 'connectionRef'), 'id')) || str(prop(entry, 'id')) || str(prop(entry, 'connectionInstanceId'));
    if (!api.toLowerCase().includes(FLOW_API)) continue;
    const hints = propCI(entry, 'parameterHints') ?? propCI(propCI(entry, 'connectionRef'), 'parameterHints');
    const id = normalizeGuid(propCI(propCI(hints, 'workflowEntityId'), 'value'));
    if (!id) return undefined;
    ids.push(id);
  }
  return ids;
}

export function connectionEntryFor(refs: unknown, dataSource: string): unknown {
  for (const [, entry] of entries(refs)) {
    if (asArray(prop(entry, 'dataSources')).includes(dataSource)) return entry;
  }
  return undefined;
}

/**
 * The flow connections an app recorded: `dependencies` maps each flow connection key to the
 * app's own connection entry (an object), or lists those entries (an array, with the key in
 * `parameterHints`). The entry's connector id gives the API.
 */
export function storedConnections(entry: unknown, refs: unknown): StoredConnection[] {
  const deps = prop(entry, 'dependencies');
  const hints = prop(prop(entry, 'connectionRef'), 'parameterHints') ?? prop(entry, 'parameterHints');
  const pairs: [string, string][] = Array.isArray(deps)
    ? deps.filter((d): d is string => typeof d === 'string').map((id) => [str(prop(prop(hints, id), 'value')) || id, id])
    : entries(deps).map(([key, id]) => [key, str(id)]);
  const out = new Map<string, StoredConnection>();
  for (const [key, id] of pairs) {
    const target = prop(refs, id);
    const api = apiName(str(prop(prop(target, 'connectionRef'), 'id')) || str(prop(target, 'id')) || str(prop(target, 'connectionInstanceId')));
    out.set(key, { key, api: api || key.replace(/[-_]\d+$/, '') });
  }
  return [...out.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** `shared_sharepointonline` from `/providers/microsoft.powerapps/apis/shared_sharepointonline[/connections/…]`. */
export function apiName(id: string): string {
  const m = /\/apis\/([^/]+)/i.exec(id);
  return m ? (m[1] as string) : '';
}

/** Flow callback URLs with a SAS signature: anyone who has one can start the flow. */
function findCallbackSecrets(lcr: unknown, origin: Origin): CallbackSecret[] {
  const found: CallbackSecret[] = [];
  for (const [, entry] of entries(lcr)) {
    const uri = str(prop(prop(entry, 'connectionParameters'), 'workFlowCallbackUri'));
    if (/[?&]sig=[^&\s]+/i.test(uri)) {
      for (const ds of asArray(prop(entry, 'dataSources'))) found.push({ dataSource: str(ds), origin });
    }
  }
  return found;
}

function compact<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

import { decodeText, normalizeGuid, parseJsonText, parseXml, propCI, text } from '../source/decode.js';
import { InputError } from '../source/limits.js';
import { basename, dirname, lookupKey } from '../source/paths.js';
import { ArchiveTree, subtree, type FileTree } from '../source/tree.js';
import { connectionEntryFor, readMsapp, readUnpackedApp, storedConnections, type AppDocument } from './canvas-app.js';
import { readFlowDefinition } from './flow-definition.js';
import {
  readConnectionReference,
  readCustomizations,
  readEnvironmentVariable,
  readSolutionManifest,
  readWorkflowRecord,
  type Customizations,
  type WorkflowRecord,
} from './solution-xml.js';
import type { CanvasApp, Diagnostic, Flow, Layout, Origin, Solution } from './types.js';

/** Where a solution's files are and how to name them in findings. */
export interface SolutionSource {
  tree: FileTree;
  layout: Exclude<Layout, 'legacy-package'>;
  /** Repository path of the zip, or of the solution's root folder. */
  path: string;
  /** Entry name inside the solution → origin. */
  origin(name: string, inner?: string): Origin;
}

/** Origins for a zip: the zip file plus the entry path (and `!/` plus the path inside a nested archive). */
export function zipOrigins(zipPath: string): (name: string, inner?: string) => Origin {
  return (name, inner) => ({ file: zipPath, inner: inner ? `${name}!/${inner}` : name });
}

/** Origins for a folder: the file itself (plus the path inside it for an archive such as an .msapp). */
export function folderOrigins(root: string): (name: string, inner?: string) => Origin {
  return (name, inner) => {
    const file = root === '' ? name : `${root}/${name}`;
    return inner ? { file, inner } : { file };
  };
}

const MODERN_FLOW = 5;

/** What to read of a solution. */
export interface ReadOptions {
  /**
   * Read canvas app documents (default true); an index needs only flows and references. A predicate
   * reads only the apps whose record's connection references (customizations.xml) it accepts.
   */
  apps?: boolean | ((connectionReferences: unknown) => boolean);
  /** Hash each flow's normalised definition for change detection (default false: only a comparison needs it). */
  hashes?: boolean;
  /**
   * Read flow definitions now (default true). When false, flows are made from their records only and
   * their definitions read by {@link completeBoundFlows} for the flows some read app calls: the other
   * flows of a solution a change did not touch are never judged.
   */
  definitions?: boolean;
}

/** `apps: false` reads only the index (manifest, flows, connection references): canvas app documents are the costly part. */
export async function readSolution(src: SolutionSource, diagnostics: Diagnostic[], options: ReadOptions = {}): Promise<Solution | undefined> {
  const report = (name: string, err: unknown, inner?: string): void => {
    const o = src.origin(name, inner);
    diagnostics.push({ file: o.file, ...(o.inner ? { inner: o.inner } : {}), severity: 'warning', message: describe(err) });
  };
  const solutionName = first(src.tree, ['solution.xml', 'Other/Solution.xml']);
  if (!solutionName) return undefined;
  let manifest;
  try {
    manifest = readSolutionManifest(decodeText(await src.tree.read(solutionName)));
  } catch (err) {
    report(solutionName, err);
    return undefined;
  }
  const customizationsName = first(src.tree, ['customizations.xml', 'Other/Customizations.xml']);
  let customizationsRead = customizationsName !== undefined;
  let customizations: Customizations = { workflows: [], canvasApps: [], connectionReferences: [], problems: [] };
  if (customizationsName) {
    try {
      customizations = readCustomizations(await src.tree.read(customizationsName));
    } catch (err) {
      report(customizationsName, err);
      customizationsRead = false;
    }
    for (const problem of customizations.problems) report(customizationsName, new InputError(`${problem}; it is skipped`));
  }
  const custOrigin = src.origin(customizationsName ?? solutionName);
  const solution: Solution = {
    path: src.path,
    layout: src.layout,
    uniqueName: manifest.uniqueName,
    displayName: manifest.displayName,
    version: manifest.version,
    managed: manifest.managed,
    publisher: manifest.publisher,
    parentSolution: manifest.parentSolution,
    connectionReferences: customizations.connectionReferences.map((n) => readConnectionReference(n, custOrigin)),
    environmentVariables: [],
    missingDependencies: manifest.missingDependencies,
    flows: [],
    apps: [],
    origin: src.origin(solutionName),
  };
  solution.flows = await readFlows(src, customizations.workflows, customizationsRead ? customizationsName : undefined, report, options.hashes ?? false, options.definitions ?? true);
  if (options.apps !== false) solution.apps = await readApps(src, customizations.canvasApps, customizationsRead ? customizationsName : undefined, report, diagnostics, typeof options.apps === 'function' ? options.apps : undefined);
  solution.environmentVariables = await readEnvironmentVariables(src, report);
  return solution;
}

export type Reporter = (name: string, err: unknown, inner?: string) => void;

// ---- flows ----

async function readFlows(src: SolutionSource, records: unknown[], custName: string | undefined, report: Reporter, hashes: boolean, definitions: boolean): Promise<Flow[]> {
  const found = new Map<string, { record: WorkflowRecord; metaName: string | undefined }>();
  for (const node of records) {
    const record = readWorkflowRecord(node);
    // A record without a JsonFileName is joined to its file by the WorkflowId in the file name, below.
    found.set(record.jsonFile ? lookupKey(record.jsonFile) : `\u0000${record.id ?? ''}`, { record, metaName: custName });
  }
  for (const name of src.tree.names) {
    if (!/^Workflows\/[^/]+\.json\.data\.xml$/i.test(name)) continue;
    try {
      const xml = decodeText(await src.tree.read(name));
      const record = readWorkflowRecord(propCI(parseXml(xml), 'Workflow'));
      const jsonFile = record.jsonFile || name.slice(0, -'.data.xml'.length);
      found.set(lookupKey(jsonFile), { record: { ...record, jsonFile }, metaName: name });
    } catch (err) {
      report(name, err);
    }
  }
  // A record whose JsonFileName names no file of the tree describes the flow file that carries its WorkflowId.
  const byId = new Map<string, string>();
  for (const [key, { record }] of found) if (record.id && !src.tree.has(record.jsonFile)) byId.set(record.id, key);
  for (const name of src.tree.names) {
    const key = /^Workflows\/[^/]+\.json$/i.test(name) && !found.has(lookupKey(name)) ? byId.get(guidInFileName(name) ?? '') : undefined;
    const entry = key === undefined ? undefined : found.get(key);
    if (key === undefined || !entry) continue;
    found.delete(key);
    byId.delete(entry.record.id as string);
    found.set(lookupKey(name), { record: { ...entry.record, jsonFile: name }, metaName: entry.metaName });
  }
  for (const [key, { record }] of found) if (!record.jsonFile) found.delete(key);
  // Flow JSON with no metadata record (hand-assembled trees, or a record FlowGuard could not read): read it, state unknown.
  for (const name of src.tree.names) {
    if (/^Workflows\/[^/]+\.json$/i.test(name) && !found.has(lookupKey(name))) {
      if (custName) {
        // In a zip the record belongs in customizations.xml; in an unpacked tree, in the flow's .json.data.xml.
        const inCustomizations = !src.tree.names.some((n) => /\.json\.data\.xml$/i.test(n));
        report(inCustomizations ? custName : name, new InputError(`no <Workflow> record describes '${name}' (${inCustomizations ? 'customizations.xml' : `${basename(name)}.data.xml`}); the flow is read with its state unknown`));
      }
      const id = guidInFileName(name);
      found.set(lookupKey(name), { record: { id, name: basename(name).replace(/-[0-9A-Fa-f-]{36}\.json$/, ''), jsonFile: name, category: MODERN_FLOW, stateCode: '', customizable: undefined }, metaName: undefined });
    }
  }
  const flows: Flow[] = [];
  for (const [, { record, metaName }] of [...found.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    // Classic processes (Category ≠ 5, .xaml) share the Workflows folder; only cloud flows matter here.
    if (record.category !== undefined && record.category !== MODERN_FLOW) continue;
    if (!/\.json$/i.test(record.jsonFile)) continue;
    if (!definitions && src.tree.has(record.jsonFile)) {
      flows.push(deferredFlow(src, record, metaName, () => readFlow(src, record, metaName, report, hashes)));
      continue;
    }
    const flow = await readFlow(src, record, metaName, report, hashes);
    if (flow) flows.push(flow);
  }
  return flows;
}

/** Flows made from their records, with the reading of their definitions put off (see {@link ReadOptions.definitions}). */
const deferred = new WeakMap<Flow, () => Promise<Flow | undefined>>();

function deferredFlow(src: SolutionSource, record: WorkflowRecord, metaName: string | undefined, read: () => Promise<Flow | undefined>): Flow {
  const flow: Flow = {
    id: record.id ?? guidInFileName(record.jsonFile) ?? lookupKey(record.jsonFile),
    name: record.name,
    state: flowState(record),
    category: record.category,
    customizable: record.customizable,
    trigger: undefined,
    inputs: [],
    outputs: [],
    responses: [],
    connections: [],
    waits: [],
    childFlows: [],
    usesInvokerTokens: false,
    definitionHash: '',
    origin: src.origin(record.jsonFile),
    metaOrigin: metaName ? src.origin(metaName) : undefined,
  };
  deferred.set(flow, read);
  return flow;
}

/** True for a flow whose definition was put off and never needed: only its record is known. */
export function definitionDeferred(flow: Flow): boolean {
  return deferred.has(flow);
}

/** Reads the definitions put off for the flows that an app's call is bound to, in place. */
export async function completeBoundFlows(solutions: readonly Solution[]): Promise<void> {
  const byPath = new Map(solutions.map((s) => [s.path, s]));
  for (const s of solutions) {
    for (const app of s.apps) {
      for (const call of app.calls) {
        const target = call.binding.flowId && call.binding.solutionPath !== undefined ? byPath.get(call.binding.solutionPath) : undefined;
        const i = target ? target.flows.findIndex((f) => f.id === call.binding.flowId) : -1;
        const flow = target?.flows[i];
        const read = flow && deferred.get(flow);
        if (!target || !flow || !read) continue;
        deferred.delete(flow);
        target.flows[i] = (await read()) ?? { ...flow, unreadable: 'its definition could not be read' };
      }
    }
  }
}

function flowState(record: WorkflowRecord): Flow['state'] {
  return record.stateCode === '1' ? 'on' : record.stateCode === '0' || record.stateCode === '2' ? 'off' : 'unknown';
}

export async function readFlow(src: SolutionSource, record: WorkflowRecord, metaName: string | undefined, report: Reporter, hashes: boolean): Promise<Flow | undefined> {
  const id = record.id ?? guidInFileName(record.jsonFile);
  if (!src.tree.has(record.jsonFile)) {
    report(metaName ?? record.jsonFile, new InputError(`flow '${record.name}' names '${record.jsonFile}', which is not in the solution`));
    return undefined;
  }
  try {
    const raw = decodeText(await src.tree.read(record.jsonFile));
    const def = readFlowDefinition(parseJsonText(raw), raw, hashes);
    if (def.unreadable) report(record.jsonFile, unreadableFlow(record.name, def.unreadable));
    return {
      id: id ?? lookupKey(record.jsonFile),
      name: record.name,
      state: flowState(record),
      category: record.category,
      customizable: record.customizable,
      ...def,
      origin: src.origin(record.jsonFile),
      metaOrigin: metaName ? src.origin(metaName) : undefined,
    };
  } catch (err) {
    report(record.jsonFile, err);
    return undefined;
  }
}

/** The diagnostic for a flow file that parses but is no usable definition. */
export function unreadableFlow(name: string, problem: string): InputError {
  return new InputError(`flow '${name}' cannot be read as a flow definition (${problem}); it is not checked, and app calls bound to it are reported as flow unreadable`);
}

function guidInFileName(name: string): string | undefined {
  const m = /([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})\.json$/.exec(name);
  return m ? normalizeGuid(m[1]) : undefined;
}

// ---- canvas apps ----

interface AppRecord {
  name: string;
  displayName: string;
  customizable: boolean | undefined;
  documentUri: string;
  connectionReferences: unknown;
  metaName: string | undefined;
}

async function readApps(src: SolutionSource, records: unknown[], custName: string | undefined, report: Reporter, diagnostics: Diagnostic[], wanted?: (connectionReferences: unknown) => boolean): Promise<CanvasApp[]> {
  const byName = new Map<string, AppRecord>();
  const add = (node: unknown, metaName: string | undefined): void => {
    const name = text(propCI(node, 'Name'));
    if (!name) return;
    let refs: unknown = {};
    const rawRefs = text(propCI(node, 'ConnectionReferences'));
    try {
      refs = rawRefs ? parseJsonText(rawRefs) : {};
    } catch (err) {
      if (metaName) report(metaName, new InputError(`ConnectionReferences of app '${name}': ${describe(err)}`));
    }
    byName.set(lookupKey(name), {
      name,
      displayName: text(propCI(node, 'DisplayName')) || name,
      customizable: text(propCI(node, 'IsCustomizable')) === '' ? undefined : text(propCI(node, 'IsCustomizable')) === '1',
      documentUri: text(propCI(node, 'DocumentUri')).replace(/^\//, ''),
      connectionReferences: refs,
      metaName,
    });
  };
  for (const node of records) add(node, custName);
  for (const name of src.tree.names) {
    if (!/^CanvasApps\/[^/]+\.meta\.xml$/i.test(name)) continue;
    try {
      add(propCI(parseXml(decodeText(await src.tree.read(name))), 'CanvasApp'), name);
    } catch (err) {
      report(name, err);
    }
  }
  // Records name their documents (§8b.9: long names are cut in file names, with a suffix that changes per export).
  const described = new Set([...byName.values()].map((r) => lookupKey(documentName(r))));
  for (const name of src.tree.names) {
    // Only when the records could be read: an unreadable customizations.xml is already named.
    if (/^CanvasApps\/[^/]+_DocumentUri\.msapp$/i.test(name) && custName && !described.has(lookupKey(name))) report(custName, new InputError(`no <CanvasApp> record describes '${name}' (no record's DocumentUri names it); the app is not analysed`));
  }
  const apps: CanvasApp[] = [];
  for (const [, record] of [...byName.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (wanted && !wanted(record.connectionReferences)) continue;
    apps.push(await readApp(src, record, diagnostics));
  }
  return apps;
}

/** The app's document: the record's `DocumentUri`, or the name exports give it when the record names none. */
function documentName(record: AppRecord): string {
  return record.documentUri || `CanvasApps/${record.name}_DocumentUri.msapp`;
}

async function readApp(src: SolutionSource, record: AppRecord, diagnostics: Diagnostic[]): Promise<CanvasApp> {
  const msappName = documentName(record);
  const app: CanvasApp = {
    name: record.name,
    displayName: record.displayName,
    customizable: record.customizable,
    document: 'missing',
    calls: [],
    secrets: [],
    origin: src.origin(msappName),
    metaOrigin: record.metaName ? src.origin(record.metaName) : undefined,
  };
  await readAppDocument(src, app, msappName, unpackedSourceDir(src.tree, record.name, msappName), record.connectionReferences, diagnostics);
  return app;
}

/**
 * Fills in an app's document: its `.msapp` when there is one, else its unpacked sources in `srcDir`;
 * the calls get the app record's hints (`refs`). Problems become diagnostics naming the file.
 * Shared by every layout that has app records (classic trees, zips, the YAML layout).
 */
export async function readAppDocument(src: SolutionSource, app: CanvasApp, msappName: string, srcDir: string | undefined, refs: unknown, diagnostics: Diagnostic[]): Promise<void> {
  const problem = (err: unknown, name = msappName): void => {
    const o = src.origin(name);
    diagnostics.push({ file: o.file, ...(o.inner ? { inner: o.inner } : {}), severity: 'warning', message: `canvas app '${app.name}': ${describe(err)}` });
  };
  let doc: AppDocument | undefined;
  if (src.tree.has(msappName)) {
    try {
      const archive = await src.tree.openArchive(msappName);
      doc = await readMsapp(new ArchiveTree(archive), (inner) => src.origin(msappName, inner));
      app.document = 'msapp';
    } catch (err) {
      app.document = /Git LFS/.test(describe(err)) ? 'lfs-pointer' : 'unreadable';
      problem(err);
    }
  }
  if (!doc) {
    if (srcDir) {
      try {
        doc = await readUnpackedApp(subtree(src.tree, srcDir), (name) => src.origin(`${srcDir}/${name}`));
        app.document = 'unpacked';
        app.origin = src.origin(srcDir);
      } catch (err) {
        problem(err, srcDir);
      }
    } else if (app.document === 'missing') {
      problem(new InputError(`the app document '${basename(msappName)}' is missing (not committed, or stored elsewhere); its flow calls cannot be checked`));
    }
  }
  if (doc) {
    app.calls = doc.calls.map((call) => withAppRecordHints(call, refs));
    app.secrets = doc.secrets;
    for (const p of doc.problems) diagnostics.push({ file: p.origin.file, ...(p.origin.inner ? { inner: p.origin.inner } : {}), severity: 'warning', message: `canvas app '${app.name}': ${p.message}` });
  }
}

/** The app record (customizations.xml / .meta.xml) is the third place that knows which flow a data source is. */
export function withAppRecordHints(call: AppDocument['calls'][number], refs: unknown): AppDocument['calls'][number] {
  const entry = connectionEntryFor(refs, call.dataSource);
  if (entry === undefined) return call;
  const hints = propCI(entry, 'parameterHints');
  const appRecord = normalizeGuid(propCI(propCI(hints, 'workflowEntityId'), 'value'));
  const next = { ...call, hints: { ...call.hints, ...(appRecord ? { appRecord } : {}) } };
  if (!call.connectionsRecorded) {
    next.storedConnections = storedConnections(entry, refs);
    next.connectionsRecorded = true;
  }
  return next;
}

/**
 * `CanvasApps/src/<app>/` (newer) or `<document>_msapp_src/` (older: SolutionPackager unpacks
 * `x_DocumentUri.msapp` into `x_DocumentUri_msapp_src/`) unpacked canvas sources. The document's name
 * may be a shortened one (§8b.9), so both the record's name and the document's stem are tried.
 */
function unpackedSourceDir(tree: FileTree, appName: string, document: string): string | undefined {
  const stem = basename(document).replace(/_DocumentUri\.msapp$/i, '').replace(/\.msapp$/i, '');
  const dirs = [`CanvasApps/src/${appName}`, `CanvasApps/src/${stem}`, `${document.replace(/\.msapp$/i, '')}_msapp_src`, `CanvasApps/${appName}_DocumentUri_msapp_src`];
  for (const dir of dirs) {
    const prefix = lookupKey(dir) + '/';
    const hit = tree.names.find((n) => lookupKey(n).startsWith(prefix));
    if (hit) return hit.slice(0, dir.length);
  }
  return undefined;
}

// ---- environment variables ----

async function readEnvironmentVariables(src: SolutionSource, report: Reporter): Promise<Solution['environmentVariables']> {
  const out: Solution['environmentVariables'] = [];
  for (const name of src.tree.names) {
    if (!/^environmentvariabledefinitions\/[^/]+\/environmentvariabledefinition\.xml$/i.test(name)) continue;
    try {
      const def = readEnvironmentVariable(decodeText(await src.tree.read(name)));
      out.push({ ...def, schemaName: def.schemaName || basename(dirname(name)), origin: src.origin(name) });
    } catch (err) {
      report(name, err);
    }
  }
  return out;
}

function first(tree: FileTree, names: string[]): string | undefined {
  for (const n of names) if (tree.has(n)) return tree.names.find((x) => lookupKey(x) === lookupKey(n)) ?? n;
  return undefined;
}

export function describe(err: unknown): string {
  if (err instanceof InputError) return err.message;
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  return String(err);
}

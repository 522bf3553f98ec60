/**
 * The YAML source-control layout: what Dataverse Git integration commits and `pac solution clone` /
 * `pac solution sync` write (solution-format §2.3, §8b.5).
 *
 * ```
 * <root>/solutions/<Unique>/solution.yml | solutioncomponents.yml | rootcomponents.yml | missingdependencies.yml
 * <root>/publishers/<name>/publisher.yml
 * <root>/modernflows/<id>/workflow.yml + <Name>-<GUID>.json
 * <root>/connectionreferences/<logical>/connectionreference.yml
 * <root>/canvasapps/<schema>/<name>.msapp   or   <root>/canvasapps/<schema>.meta.yml with the .msapp beside it
 * <root>/environmentvariabledefinitions/<schema>/environmentvariabledefinition.xml
 * ```
 *
 * One root can hold several solutions that share the component folders: each solution's
 * `solutioncomponents.yml` says which components are its own. The YAML files are the XML records
 * written as YAML (attributes become `'@name'` keys); they are parsed with the failsafe schema
 * (every scalar a string, as in XML; no tags, no merge keys, few aliases) and turned into the shape
 * the XML readers take, so the model comes out the same as from the classic layouts.
 */
import { yamlLib } from '../source/lazy.cjs';
import { decodeText, isRecord, normalizeGuid, parseJsonText, propCI, text } from '../source/decode.js';
import { InputError } from '../source/limits.js';
import { basename, dirname, lookupKey } from '../source/paths.js';
import type { ChangedFile } from '../source/git.js';
import { subtree, type FileTree, type RepoTree } from '../source/tree.js';
import { describe, folderOrigins, readAppDocument, readFlow, type ReadOptions, type Reporter, type SolutionSource } from './read-solution.js';
import { readConnectionReference, readEnvironmentVariable, readWorkflowRecord, solutionManifestOf, type WorkflowRecord } from './solution-xml.js';
import type { CanvasApp, Diagnostic, Flow, Solution } from './types.js';

const SOLUTION_YML = /^(?:(.*)\/)?solutions\/([^/]+)\/solution\.yml$/i;
const MODERN_FLOW = 5;
/** Real files use no aliases; a few are allowed, a bomb is refused. */
export const MAX_YAML_ALIASES = 10;
/** Records are a few levels deep; anything deeper is not a record FlowGuard reads. */
const MAX_DEPTH = 64;

/** `<root>/solutions/<name>` for a `solution.yml`, else undefined. */
export function yamlCandidatePath(name: string): string | undefined {
  const m = SOLUTION_YML.exec(name.replace(/\\/g, '/'));
  if (!m) return undefined;
  return m[1] ? `${m[1]}/solutions/${m[2]}` : `solutions/${m[2]}`;
}

/** The root folder (holding `solutions/`, `modernflows/`, …) of a YAML solution at `<root>/solutions/<name>`. */
export function yamlRootOf(solutionPath: string): string {
  return dirname(dirname(solutionPath));
}

// ---- parsing ----

/**
 * Parses untrusted YAML into plain values: failsafe schema (strings, maps, lists), no custom tags,
 * no merge keys, unique keys, at most {@link MAX_YAML_ALIASES} aliases. Errors become an {@link InputError}.
 */
export function parseYamlText(source: string): unknown {
  let doc;
  try {
    doc = yamlLib().parseDocument(source, { schema: 'failsafe', customTags: [], merge: false, uniqueKeys: true, strict: true, prettyErrors: false });
  } catch (err) {
    throw new InputError(`invalid YAML (${firstLine(err)})`);
  }
  const error = doc.errors[0];
  if (error) throw new InputError(`invalid YAML (${firstLine(error)})`);
  try {
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (err) {
    throw new InputError(`invalid YAML (${firstLine(err)})`);
  }
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
}

/**
 * A parsed YAML record in the shape of a parsed XML element (decode.ts): `'@name'` keys become `@_name`,
 * an empty value becomes '', keys are own properties (a `__proto__` key is data, never a prototype).
 */
export function xmlShape(v: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) throw new InputError(`nested deeper than ${MAX_DEPTH} levels`);
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map((x) => xmlShape(x, depth + 1));
  if (v instanceof Map) return xmlShape(Object.fromEntries(v), depth);
  if (isRecord(v)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v)) {
      const name = key.startsWith('@') && !key.startsWith('@_') ? `@_${key.slice(1)}` : key;
      Object.defineProperty(out, name, { value: xmlShape(v[key], depth + 1), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return typeof v === 'string' ? v : String(v);
}

async function readYaml(tree: FileTree, name: string): Promise<unknown> {
  return xmlShape(parseYamlText(decodeText(await tree.read(name))));
}

/** The record under `key` at the top of a YAML file; throws when the file is not of that shape. */
async function readRecord(tree: FileTree, name: string, key: string): Promise<Record<string, unknown>> {
  const node = propCI(await readYaml(tree, name), key);
  if (!isRecord(node)) throw new InputError(`not a ${key} record (expected a '${key}:' mapping at the top); it is skipped`);
  return node;
}

// ---- membership ----

/** Component folders FlowGuard reads, by the first segment of a component path. */
type Kind = 'modernflows' | 'connectionreferences' | 'canvasapps' | 'environmentvariabledefinitions';

/** The component paths a `solutioncomponents.yml` lists, in either spelling (`- Path: x` or `SolutionComponents: Component: - '@path': /x`). */
export function componentPaths(doc: unknown): { paths: string[]; problems: string[] } {
  let list: unknown = doc;
  if (!Array.isArray(list)) {
    const section = propCI(list, 'SolutionComponents');
    list = Array.isArray(section) ? section : propCI(section, 'Component') ?? propCI(list, 'Component');
  }
  const items = Array.isArray(list) ? list : isRecord(list) ? [list] : [];
  const paths: string[] = [];
  const problems: string[] = [];
  if (items.length === 0 && doc !== '' && doc !== undefined) problems.push('it lists no components (expected a list of Path entries, or SolutionComponents: Component:)');
  items.forEach((item, i) => {
    const raw = typeof item === 'string' ? item : text(propCI(item, 'Path')) || text(propCI(item, '@_path'));
    const path = componentKey(raw);
    if (path) paths.push(path);
    else problems.push(`component ${i + 1} has no path; it is skipped`);
  });
  return { paths, problems };
}

function componentKey(raw: string): string {
  return lookupKey(raw.trim()).replace(/^\.?\/+/, '').replace(/\/+$/, '');
}

/** What one solution owns: undefined = everything under the root (no `solutioncomponents.yml`). */
type Membership = ((kind: Kind, name: string) => boolean) | undefined;

/** Everything the tree holds at the component level, to tell a listed component that is absent on disk. */
function presentComponents(names: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const name of names) {
    const key = lookupKey(name);
    const parts = key.split('/');
    for (let i = 1; i < parts.length; i++) out.add(parts.slice(0, i).join('/'));
    out.add(key);
    if (parts.length === 2 && parts[0] === 'canvasapps') out.add(`canvasapps/${schemaStem(parts[1] as string)}`);
    if (parts.length === 2 && key.endsWith('.json')) out.add(key.slice(0, -'.json'.length));
  }
  return out;
}

/** `x.meta.yml`, `x_DocumentUri.msapp`, `x.msapp`, `x_BackgroundImageUri` → `x`. */
function schemaStem(file: string): string {
  return file.replace(/(_DocumentUri_msapp_src|_DocumentUri\.msapp|_DocumentUri|_BackgroundImageUri|_AdditionalUris\d*.*|\.meta\.ya?ml|\.msapp)$/i, '');
}

// ---- the solution ----

/** Reads the YAML solution at `<root>/solutions/<name>` (a {@link yamlCandidatePath}). */
export async function readYamlSolution(repo: RepoTree, solutionPath: string, diagnostics: Diagnostic[], options: ReadOptions = {}): Promise<Solution | undefined> {
  const root = yamlRootOf(solutionPath);
  const src: SolutionSource = { tree: subtree(repo, root), layout: 'yaml', path: solutionPath, origin: folderOrigins(root) };
  const tree = src.tree;
  const report: Reporter = (name, err, inner) => {
    const o = src.origin(name, inner);
    diagnostics.push({ file: o.file, ...(o.inner ? { inner: o.inner } : {}), severity: 'warning', message: describe(err) });
  };
  const folder = `solutions/${basename(solutionPath)}`;
  const solutionName = actual(tree, `${folder}/solution.yml`);

  let doc: unknown;
  try {
    doc = await readYaml(tree, solutionName);
  } catch (err) {
    report(solutionName, err);
    return undefined;
  }
  // `ImportExportXml: SolutionManifest:` as Git integration writes it; a bare `SolutionManifest:` is read too.
  const manifestNode = propCI(propCI(doc, 'ImportExportXml') ?? doc, 'SolutionManifest');
  if (!isRecord(manifestNode)) {
    report(solutionName, new InputError('has no ImportExportXml: SolutionManifest: record; the solution is not read'));
    return undefined;
  }
  const manifestRecord: Record<string, unknown> = { ...manifestNode };
  const missingName = actual(tree, `${folder}/missingdependencies.yml`);
  if (tree.has(missingName)) {
    try {
      const missing = await readYaml(tree, missingName);
      const section = propCI(missing, 'MissingDependencies') ?? missing;
      manifestRecord['MissingDependencies'] = Array.isArray(section) ? { MissingDependency: section } : section;
    } catch (err) {
      report(missingName, err);
    }
  }
  const manifest = solutionManifestOf({ ImportExportXml: { SolutionManifest: manifestRecord } });
  if (manifest.publisher.prefix === '' && manifest.publisher.uniqueName !== '') {
    manifest.publisher = { ...manifest.publisher, prefix: await publisherPrefix(tree, manifest.publisher.uniqueName, report) };
  }

  const member = await membership(tree, folder, report);
  const solution: Solution = {
    path: solutionPath,
    layout: 'yaml',
    uniqueName: manifest.uniqueName || basename(solutionPath),
    displayName: manifest.displayName,
    version: manifest.version,
    managed: manifest.managed,
    publisher: manifest.publisher,
    parentSolution: manifest.parentSolution,
    connectionReferences: await readConnectionReferences(src, member, report),
    environmentVariables: await readEnvironmentVariables(src, member, report),
    missingDependencies: manifest.missingDependencies,
    flows: [],
    apps: [],
    origin: src.origin(solutionName),
  };
  solution.flows = await readFlows(src, member, report, options.hashes ?? false);
  if (options.apps !== false) solution.apps = await readApps(src, member, report, diagnostics);
  return solution;
}

/** The stored name of a file (case as committed), or `name` when absent. */
function actual(tree: FileTree, name: string): string {
  const key = lookupKey(name);
  return tree.names.find((n) => lookupKey(n) === key) ?? name;
}

async function publisherPrefix(tree: FileTree, uniqueName: string, report: Reporter): Promise<string> {
  const name = actual(tree, `publishers/${uniqueName}/publisher.yml`);
  if (!tree.has(name)) return '';
  try {
    const doc = await readYaml(tree, name);
    return text(propCI(propCI(doc, 'Publisher') ?? doc, 'CustomizationPrefix'));
  } catch (err) {
    report(name, err);
    return '';
  }
}

async function membership(tree: FileTree, folder: string, report: Reporter): Promise<Membership> {
  const name = actual(tree, `${folder}/solutioncomponents.yml`);
  if (!tree.has(name)) {
    const others = tree.names.filter((n) => /^solutions\/[^/]+\/solution\.yml$/i.test(n)).length;
    if (others > 1) report(`${folder}/solution.yml`, new InputError(`no solutioncomponents.yml next to it, in a root that holds ${others} solutions: every component of the root is read as this solution's`));
    return undefined;
  }
  let listed: ReturnType<typeof componentPaths>;
  try {
    listed = componentPaths(await readYaml(tree, name));
  } catch (err) {
    report(name, new InputError(`${describe(err)}; every component of the root is read as this solution's`));
    return undefined;
  }
  for (const p of listed.problems) report(name, new InputError(p));
  const present = presentComponents(tree.names);
  for (const p of listed.paths) {
    if (!present.has(p)) report(name, new InputError(`lists component '${p}', which is not in the tree: packing this solution would silently leave it out`));
  }
  const keys = new Set(listed.paths);
  return (kind, component) => keys.has(`${kind}/${lookupKey(component)}`);
}

function owns(member: Membership, kind: Kind, name: string): boolean {
  return member === undefined || member(kind, name);
}

// ---- flows ----

async function readFlows(src: SolutionSource, member: Membership, report: Reporter, hashes: boolean): Promise<Flow[]> {
  const tree = src.tree;
  const byFolder = new Map<string, { folder: string; records: string[]; json: string[] }>();
  for (const name of tree.names) {
    const m = /^modernflows\/([^/]+)\/([^/]+)$/i.exec(name);
    if (!m || !owns(member, 'modernflows', m[1] as string)) continue;
    const key = lookupKey(m[1] as string);
    const entry = byFolder.get(key) ?? { folder: `modernflows/${m[1]}`, records: [], json: [] };
    byFolder.set(key, entry);
    if (/^workflow\.ya?ml$/i.test(m[2] as string)) entry.records.push(name);
    else if (/\.json$/i.test(m[2] as string)) entry.json.push(name);
  }
  const found: { record: WorkflowRecord; metaName: string | undefined }[] = [];
  for (const [, entry] of byFolder) {
    const metaName = entry.records[0];
    let record: WorkflowRecord | undefined;
    if (metaName) {
      try {
        record = readWorkflowRecord(await readRecord(tree, metaName, 'Workflow'));
      } catch (err) {
        report(metaName, err);
      }
    }
    if (record) {
      const jsonFile = record.jsonFile ? actual(tree, record.jsonFile) : entry.json.length === 1 ? (entry.json[0] as string) : '';
      if (jsonFile === '') {
        report(metaName as string, new InputError(`flow '${record.name}' names no JsonFileName, and its folder holds ${entry.json.length} flow files; it is skipped`));
        continue;
      }
      found.push({ record: { ...record, id: record.id ?? normalizeGuid(basename(entry.folder)), jsonFile }, metaName });
      continue;
    }
    // No readable workflow.yml: read the definition with its state unknown, as the classic layouts do.
    for (const json of entry.json) {
      if (!metaName) report(json, new InputError('no workflow.yml describes this flow; it is read with its state unknown'));
      const id = normalizeGuid(basename(entry.folder)) ?? guidInFileName(json);
      found.push({ record: { id, name: basename(json).replace(/-[0-9A-Fa-f-]{36}\.json$/, ''), jsonFile: json, category: MODERN_FLOW, stateCode: '', customizable: undefined }, metaName: undefined });
    }
  }
  // The order of the classic layouts: by flow file name.
  const sortKey = (r: WorkflowRecord): string => `${lookupKey(basename(r.jsonFile))}\u0000${lookupKey(r.jsonFile)}`;
  found.sort((a, b) => (sortKey(a.record) < sortKey(b.record) ? -1 : sortKey(a.record) > sortKey(b.record) ? 1 : 0));
  const flows: Flow[] = [];
  for (const { record, metaName } of found) {
    if (record.category !== undefined && record.category !== MODERN_FLOW) continue;
    if (!/\.json$/i.test(record.jsonFile)) continue;
    const flow = await readFlow(src, record, metaName, report, hashes);
    if (flow) flows.push(flow);
  }
  return flows;
}

function guidInFileName(name: string): string | undefined {
  const m = /([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})\.json$/.exec(name);
  return m ? normalizeGuid(m[1]) : undefined;
}

// ---- connection references and environment variables ----

async function readConnectionReferences(src: SolutionSource, member: Membership, report: Reporter): Promise<Solution['connectionReferences']> {
  const out: Solution['connectionReferences'] = [];
  for (const name of src.tree.names) {
    const m = /^connectionreferences\/([^/]+)\/connectionreference\.ya?ml$/i.exec(name);
    if (!m || !owns(member, 'connectionreferences', m[1] as string)) continue;
    try {
      const def = readConnectionReference(await readRecord(src.tree, name, 'connectionreference'), src.origin(name));
      out.push({ ...def, logicalName: def.logicalName || (m[1] as string) });
    } catch (err) {
      report(name, err);
    }
  }
  return out;
}

async function readEnvironmentVariables(src: SolutionSource, member: Membership, report: Reporter): Promise<Solution['environmentVariables']> {
  const out: Solution['environmentVariables'] = [];
  for (const name of src.tree.names) {
    const m = /^environmentvariabledefinitions\/([^/]+)\/environmentvariabledefinition\.(xml|ya?ml)$/i.exec(name);
    if (!m || !owns(member, 'environmentvariabledefinitions', m[1] as string)) continue;
    try {
      let def;
      if (/xml/i.test(m[2] as string)) def = readEnvironmentVariable(decodeText(await src.tree.read(name)));
      else {
        const node = await readRecord(src.tree, name, 'environmentvariabledefinition');
        def = { schemaName: text(propCI(node, '@_schemaname')), type: text(propCI(node, 'type')), hasDefault: text(propCI(node, 'defaultvalue')) !== '' };
      }
      out.push({ ...def, schemaName: def.schemaName || (m[1] as string), origin: src.origin(name) });
    } catch (err) {
      report(name, err);
    }
  }
  return out;
}

// ---- canvas apps ----

interface YamlApp {
  schema: string;
  record: Record<string, unknown> | undefined;
  metaName: string | undefined;
  msapp: string | undefined;
  sourceDir: string | undefined;
}

/**
 * The schema name of the app a path under `canvasapps/` belongs to: `canvasapps/<schema>/…`,
 * `canvasapps/<schema>.meta.yml`, `canvasapps/<schema>_DocumentUri.msapp`, `canvasapps/src/<schema>/…`.
 */
function appSchemaOf(path: string): string | undefined {
  const parts = path.split('/').slice(1);
  const head = parts[0];
  if (head === undefined || parts.length === 0) return undefined;
  if (parts.length === 1) return schemaStem(head);
  if (lookupKey(head) === 'src' && parts.length > 2) return parts[1];
  return schemaStem(head);
}

async function readApps(src: SolutionSource, member: Membership, report: Reporter, diagnostics: Diagnostic[]): Promise<CanvasApp[]> {
  const tree = src.tree;
  const apps = new Map<string, YamlApp>();
  const appFor = (schema: string): YamlApp => {
    const key = lookupKey(schema);
    const app = apps.get(key) ?? { schema, record: undefined, metaName: undefined, msapp: undefined, sourceDir: undefined };
    apps.set(key, app);
    return app;
  };
  for (const name of tree.names) {
    if (!/^canvasapps\//i.test(name)) continue;
    const schema = appSchemaOf(name);
    if (!schema || !owns(member, 'canvasapps', schema)) continue;
    const depth = name.split('/').length;
    if (/\.msapp$/i.test(name)) {
      const app = appFor(schema);
      app.msapp ??= name;
    } else if (basename(lookupKey(name)) === 'canvasmanifest.json') {
      const app = appFor(schema);
      app.sourceDir ??= dirname(name);
    } else if (/\.ya?ml$/i.test(name) && (depth === 2 || (depth === 3 && lookupKey(name.split('/')[1] as string) !== 'src'))) {
      // `canvasapps/<schema>.meta.yml`, or a record file in the app's own folder.
      if (depth === 3 && !/\.meta\.ya?ml$/i.test(name) && !/^canvasapp\.ya?ml$/i.test(basename(name))) continue;
      try {
        const record = await readRecord(tree, name, 'CanvasApp');
        const app = appFor(schema);
        if (!app.record) {
          app.record = record;
          app.metaName = name;
        }
      } catch (err) {
        report(name, err);
      }
    }
  }
  joinDocumentsToRecords(apps, tree);
  const out: CanvasApp[] = [];
  const list = [...apps.values()].map((a) => ({ a, name: text(propCI(a.record, 'Name')) || a.schema }));
  list.sort((x, y) => (lookupKey(x.name) < lookupKey(y.name) ? -1 : lookupKey(x.name) > lookupKey(y.name) ? 1 : 0));
  for (const { a, name } of list) out.push(await readApp(src, a, name, report, diagnostics));
  return out;
}

/**
 * A record's `DocumentUri` names its document whatever the file is called: long names are cut in file
 * names with a suffix that changes per export (§8b.9), so the document found under another stem is
 * the record's, and not a second app.
 */
function joinDocumentsToRecords(apps: Map<string, YamlApp>, tree: FileTree): void {
  const byDocument = new Map<string, string>();
  for (const [key, a] of apps) if (!a.record && a.msapp) byDocument.set(lookupKey(a.msapp), key);
  for (const [own, a] of [...apps]) {
    const uri = text(propCI(a.record, 'DocumentUri')).replace(/^\//, '');
    if (!a.record || !uri) continue;
    // The document itself, or (no document committed) the sources unpacked under the document's stem.
    const key = tree.has(uri) ? byDocument.get(lookupKey(uri)) : lookupKey(schemaStem(basename(uri)));
    const other = key === undefined || key === own ? undefined : apps.get(key);
    if (key !== undefined && other && !other.record && (tree.has(uri) || !other.msapp)) {
      if (tree.has(uri)) a.msapp = other.msapp;
      a.sourceDir ??= other.sourceDir;
      apps.delete(key);
    }
    // Sources under the document's stem belong to the record even where membership names only the record.
    const manifest = documentSourceDirs(uri).map((dir) => `${dir}/CanvasManifest.json`).find((m) => tree.has(m));
    if (manifest) a.sourceDir ??= dirname(actual(tree, manifest));
  }
}

/** `canvasapps/src/<stem>` and `<document>_msapp_src` (as SolutionPackager unpacks `x_DocumentUri.msapp`). */
function documentSourceDirs(uri: string): string[] {
  return [`${dirname(uri)}/src/${schemaStem(basename(uri))}`, `${uri.replace(/\.msapp$/i, '')}_msapp_src`];
}

async function readApp(src: SolutionSource, a: YamlApp, name: string, report: Reporter, diagnostics: Diagnostic[]): Promise<CanvasApp> {
  const node = a.record;
  let refs: unknown = {};
  const rawRefs = propCI(node, 'ConnectionReferences');
  if (isRecord(rawRefs)) refs = rawRefs;
  else if (text(rawRefs) !== '') {
    try {
      refs = parseJsonText(text(rawRefs));
    } catch (err) {
      if (a.metaName) report(a.metaName, new InputError(`ConnectionReferences of app '${name}': ${describe(err)}`));
    }
  }
  const documentUri = text(propCI(node, 'DocumentUri')).replace(/^\//, '');
  const msappName = documentUri && src.tree.has(documentUri) ? actual(src.tree, documentUri) : (a.msapp ?? (documentUri || `canvasapps/${a.schema}/${a.schema}.msapp`));
  const flag = text(propCI(node, 'IsCustomizable'));
  const app: CanvasApp = {
    name,
    displayName: text(propCI(node, 'DisplayName')) || name,
    customizable: flag === '' ? undefined : flag === '1' || flag.toLowerCase() === 'true',
    document: 'missing',
    calls: [],
    secrets: [],
    origin: src.origin(msappName),
    metaOrigin: a.metaName ? src.origin(a.metaName) : undefined,
  };
  await readAppDocument(src, app, msappName, a.sourceDir, refs, diagnostics);
  return app;
}

// ---- pull requests ----

/**
 * A change to a YAML root's shared component folders touches the solutions that own the component
 * (by their `solutioncomponents.yml`, in either snapshot), or every solution of the root when none lists it.
 * Returns the changed files plus one entry per touched solution folder, so that path-based scoping
 * (`within(file, solution.path)`) sees them.
 */
export async function widenYamlChanges(changed: readonly ChangedFile[], trees: readonly RepoTree[]): Promise<ChangedFile[]> {
  const extra = new Map<string, ChangedFile>();
  for (const tree of trees) {
    const solutions = tree.names.map(yamlCandidatePath).filter((p): p is string => p !== undefined);
    const ownersOf = new Map<string, Map<string, string>>();
    for (const solutionPath of solutions) {
      if (extra.has(solutionPath)) continue;
      const root = yamlRootOf(solutionPath);
      const prefix = root === '' ? '' : `${root}/`;
      const files = changed.flatMap((c) => [c.path, c.previousPath ?? '']).filter((p) => p !== '' && p.startsWith(prefix) && !lookupKey(p.slice(prefix.length)).startsWith('solutions/'));
      if (files.length === 0) continue;
      const listed = await listedComponents(tree, solutionPath);
      const all = listed === undefined ? new Set<string>() : await allListed(tree, root, solutions);
      const appFiles = files.some((p) => lookupKey(p.slice(prefix.length)).startsWith('canvasapps/'));
      if (appFiles && !ownersOf.has(prefix)) ownersOf.set(prefix, await appFileOwners(tree, prefix));
      const owners = ownersOf.get(prefix) ?? new Map<string, string>();
      const component = (p: string): string => owners.get(lookupKey(p.slice(prefix.length))) ?? componentOfFile(p.slice(prefix.length));
      if (files.some((p) => listed === undefined || listed.has(component(p)) || !all.has(component(p)))) {
        extra.set(solutionPath, { status: 'modified', path: `${solutionPath}/solutioncomponents.yml` });
      }
    }
  }
  return [...changed, ...extra.values()];
}

/** `modernflows/<id>/x.json` → `modernflows/<id>`; `canvasapps/<schema>.meta.yml` → `canvasapps/<schema>`. */
function componentOfFile(rel: string): string {
  const parts = lookupKey(rel).split('/');
  if (parts[0] === 'canvasapps') return `canvasapps/${lookupKey(appSchemaOf(rel) ?? '')}`;
  return parts.slice(0, 2).join('/');
}

/**
 * The app component each file an app record names belongs to (`DocumentUri`, `BackgroundImageUri`,
 * `AdditionalUris`): a document whose name was shortened on export (§8b.9) is its record's component.
 * An unreadable record names nothing; its files fall back to their own names.
 */
async function appFileOwners(tree: RepoTree, prefix: string): Promise<Map<string, string>> {
  const owners = new Map<string, string>();
  for (const name of tree.names) {
    const rel = name.slice(prefix.length);
    if (!name.startsWith(prefix) || !/^canvasapps\/(?:[^/]+\/)?[^/]+\.meta\.ya?ml$/i.test(rel)) continue;
    let record: unknown;
    try {
      record = propCI(await readYaml(tree, name), 'CanvasApp');
    } catch {
      continue;
    }
    const extra = propCI(propCI(record, 'AdditionalUris'), 'AdditionalUri');
    const uris = [propCI(record, 'DocumentUri'), propCI(record, 'BackgroundImageUri'), ...(Array.isArray(extra) ? extra : [extra])].map((u) => text(u).replace(/^\//, '')).filter((u) => u !== '');
    for (const uri of uris) owners.set(lookupKey(uri), componentOfFile(rel));
  }
  return owners;
}

async function listedComponents(tree: RepoTree, solutionPath: string): Promise<Set<string> | undefined> {
  const name = `${solutionPath}/solutioncomponents.yml`;
  if (!tree.has(name)) return undefined;
  try {
    return new Set(componentPaths(await readYaml(tree, name)).paths);
  } catch {
    return undefined;
  }
}

async function allListed(tree: RepoTree, root: string, solutions: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const s of solutions) {
    if (yamlRootOf(s) !== root) continue;
    for (const p of (await listedComponents(tree, s)) ?? []) out.add(p);
  }
  return out;
}

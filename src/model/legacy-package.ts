import { decodeText, entries, normalizeGuid, parseJson, parseJsonText, prop, str } from '../source/decode.js';
import { basename, dirname, lookupKey } from '../source/paths.js';
import { ArchiveTree, type FileTree } from '../source/tree.js';
import { readMsapp } from './canvas-app.js';
import { readFlowDefinition } from './flow-definition.js';
import { describe, unreadableFlow, zipOrigins, type ReadOptions } from './read-solution.js';
import type { CanvasApp, Diagnostic, Flow, Solution } from './types.js';

/**
 * The legacy "Export package (.zip)" (not a Dataverse solution): `manifest.json`,
 * `Microsoft.Flow/flows/<id>/definition.json`, `Microsoft.PowerApps/apps/<id>/*.msapp`.
 * Flows are identified by their environment name (the `name` of definition.json), which is
 * also what the app's legacy `AddinWadl` data sources record. There is no on/off state and no
 * managed flag in this format.
 */
export async function readLegacyPackage(tree: FileTree, path: string, diagnostics: Diagnostic[], options: ReadOptions = {}): Promise<Solution> {
  const origin = zipOrigins(path);
  const report = (name: string, err: unknown, prefix = ''): void => {
    const o = origin(name);
    diagnostics.push({ file: o.file, inner: o.inner as string, severity: 'warning', message: prefix + describe(err) });
  };
  let manifest: unknown = {};
  try {
    manifest = parseJson(await tree.read('manifest.json'));
  } catch (err) {
    report('manifest.json', err);
  }
  const resources = entries(prop(manifest, 'resources'));
  const displayNames = new Map(resources.map(([id, r]) => [id.toLowerCase(), str(prop(prop(r, 'details'), 'displayName'))]));
  const flows: Flow[] = [];
  for (const name of tree.names.filter((n) => /^Microsoft\.Flow\/flows\/[^/]+\/definition\.json$/i.test(n))) {
    try {
      const raw = decodeText(await tree.read(name));
      const json = parseJsonText(raw);
      const def = readFlowDefinition(json, raw, options.hashes ?? false);
      const folderId = basename(dirname(name)).toLowerCase();
      const flowName = str(prop(prop(json, 'properties'), 'displayName')) || displayNames.get(folderId) || folderId;
      if (def.unreadable) report(name, unreadableFlow(flowName, def.unreadable));
      flows.push({
        id: normalizeGuid(prop(json, 'name')) ?? folderId,
        name: flowName,
        state: 'unknown',
        category: undefined,
        customizable: undefined,
        ...def,
        origin: origin(name),
        metaOrigin: undefined,
      });
    } catch (err) {
      report(name, err);
    }
  }
  const apps: CanvasApp[] = [];
  for (const name of tree.names.filter((n) => /^Microsoft\.PowerApps\/apps\/[^/]+\/[^/]+\.msapp$/i.test(n))) {
    const appId = basename(dirname(name));
    const appResources = resources.filter(([, r]) => str(prop(r, 'type')) === 'Microsoft.PowerApps/apps');
    // The manifest's resource ids differ from the app folder ids; its name is only safe to use when the package holds one app.
    const onlyApp = appResources.length === 1 ? str(prop(prop(appResources[0]?.[1], 'details'), 'displayName')) : '';
    const displayName = (await legacyAppDisplayName(tree, dirname(name), appId)) || onlyApp || appId;
    const app: CanvasApp = { name: appId, displayName, customizable: undefined, document: 'msapp', calls: [], secrets: [], origin: origin(name), metaOrigin: undefined };
    try {
      const doc = await readMsapp(new ArchiveTree(await tree.openArchive(name)), (inner) => origin(name, inner));
      app.calls = doc.calls;
      app.secrets = doc.secrets;
      for (const p of doc.problems) diagnostics.push({ file: p.origin.file, ...(p.origin.inner ? { inner: p.origin.inner } : {}), severity: 'warning', message: `canvas app '${appId}': ${p.message}` });
    } catch (err) {
      app.document = 'unreadable';
      report(name, err, `canvas app '${appId}': `);
    }
    apps.push(app);
  }
  flows.sort((a, b) => (a.id < b.id ? -1 : 1));
  apps.sort((a, b) => (lookupKey(a.name) < lookupKey(b.name) ? -1 : 1));
  return {
    path,
    layout: 'legacy-package',
    uniqueName: str(prop(prop(manifest, 'details'), 'displayName')) || basename(path),
    displayName: str(prop(prop(manifest, 'details'), 'displayName')),
    version: '',
    managed: 'unknown',
    publisher: { uniqueName: '', prefix: '' },
    parentSolution: undefined,
    connectionReferences: [],
    environmentVariables: [],
    missingDependencies: [],
    flows,
    apps,
    origin: origin('manifest.json'),
  };
}

/** `Microsoft.PowerApps/apps/<id>/<id>.json` → `appDefinitionTemplate.properties.displayName`. */
async function legacyAppDisplayName(tree: FileTree, dir: string, appId: string): Promise<string> {
  const file = `${dir}/${appId}.json`;
  if (!tree.has(file)) return '';
  try {
    return str(prop(prop(prop(parseJson(await tree.read(file)), 'appDefinitionTemplate'), 'properties'), 'displayName'));
  } catch {
    return '';
  }
}

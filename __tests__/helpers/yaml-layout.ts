/**
 * Converts a classic SolutionPackager tree (`Other/Solution.xml`, `Other/Customizations.xml`,
 * `Workflows/*.json` + `.json.data.xml`, `CanvasApps/<schema>.meta.xml` + `.msapp` / unpacked sources,
 * `environmentvariabledefinitions/`) into the YAML source-control layout of Dataverse Git integration
 * and `pac solution clone` (solution-format §2.3, §8b.5): the same records, as YAML, in the shared
 * component folders of a root. Works on trees built inline ({@link unpackedTree}) and on the real
 * unpacked trees of the corpus ({@link readFolder}).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { stringify } from 'yaml';
import type { FileMap } from './solution-builder.js';

export interface YamlLayoutOptions {
  /** `reference`: `- Path: modernflows/<id>` (Microsoft's reference); `git`: `SolutionComponents: Component: - '@path': /modernflows/<id>` (a real commit). Default `git`. */
  components?: 'reference' | 'git';
  /** `folder`: `canvasapps/<schema>/<schema>.msapp` with the record in the folder; `meta`: `canvasapps/<schema>.meta.yml` with the `.msapp` beside it. Default `meta`. */
  apps?: 'folder' | 'meta';
  /** Root folder of the YAML layout in the output ('' = top). */
  root?: string;
  /** Writes every mapping with its keys in reverse order: a re-commit that changes nothing but ordering. */
  reverseKeys?: boolean;
  /** Leaves these component paths (`modernflows/<id>`, …) out of the output files but keeps them listed. */
  dropOnDisk?: string[];
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, parseAttributeValue: false, trimValues: true });
const decoder = new TextDecoder();
const encoder = new TextEncoder();

function xml(bytes: Uint8Array | undefined): Record<string, unknown> {
  if (!bytes) return {};
  return parser.parse(decoder.decode(bytes).replace(/^\uFEFF/, '')) as Record<string, unknown>;
}

function rec(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function list(v: unknown): unknown[] {
  return v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v];
}

/** Case-insensitive lookup of a file of the tree. */
function find(files: FileMap, path: string): [string, Uint8Array] | undefined {
  const key = path.toLowerCase();
  for (const [p, c] of Object.entries(files)) if (p.toLowerCase() === key) return [p, c];
  return undefined;
}

/** The files of a folder on disk (a corpus tree), by path relative to it. */
export function readFolder(dir: string): FileMap {
  const out: FileMap = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const abs = join(d, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else out[relative(dir, abs).split('\\').join('/')] = new Uint8Array(readFileSync(abs));
    }
  };
  walk(dir);
  return out;
}

/** Converts a classic unpacked tree (paths relative to its root) into the YAML layout. */
export function toYamlLayout(files: FileMap, o: YamlLayoutOptions = {}): FileMap {
  const out: FileMap = {};
  const at = (p: string): string => (o.root ? `${o.root}/${p}` : p);
  const yaml = (v: unknown): Uint8Array =>
    encoder.encode(stringify(v, { sortMapEntries: o.reverseKeys ? (a, b) => (String(a.key) < String(b.key) ? 1 : String(a.key) > String(b.key) ? -1 : 0) : false, lineWidth: 0 }));
  const components: string[] = [];
  const put = (component: string, path: string, content: Uint8Array): void => {
    if (!(o.dropOnDisk ?? []).includes(component)) out[at(path)] = content;
  };

  // solution.yml, rootcomponents.yml, missingdependencies.yml, publishers/<name>/publisher.yml
  const solutionXml = xml(find(files, 'Other/Solution.xml')?.[1]);
  const importExport = { ...rec(solutionXml['ImportExportXml']) };
  const manifest = { ...rec(importExport['SolutionManifest']) };
  const unique = String(manifest['UniqueName'] ?? 'Solution');
  const roots = manifest['RootComponents'];
  const missing = manifest['MissingDependencies'];
  delete manifest['RootComponents'];
  delete manifest['MissingDependencies'];
  const publisher = rec(manifest['Publisher']);
  const publisherName = String(publisher['UniqueName'] ?? 'publisher');
  manifest['Publisher'] = { UniqueName: publisherName };
  out[at(`solutions/${unique}/solution.yml`)] = yaml({ ImportExportXml: { ...importExport, SolutionManifest: manifest } });
  out[at(`solutions/${unique}/rootcomponents.yml`)] = yaml({ RootComponents: roots ?? '' });
  out[at(`solutions/${unique}/missingdependencies.yml`)] = yaml({ MissingDependencies: missing ?? '' });
  put(`publishers/${publisherName}`, `publishers/${publisherName}/publisher.yml`, yaml({ Publisher: publisher }));
  components.push(`publishers/${publisherName}`);

  // connection references: inline in Customizations.xml → one folder each
  const customizations = rec(rec(xml(find(files, 'Other/Customizations.xml')?.[1]))['ImportExportXml']);
  for (const ref of list(rec(customizations['connectionreferences'])['connectionreference'])) {
    const logical = String(rec(ref)['@connectionreferencelogicalname']);
    const component = `connectionreferences/${logical}`;
    put(component, `${component}/connectionreference.yml`, yaml({ connectionreference: ref }));
    components.push(component);
  }

  // flows: Workflows/<Name>-<GUID>.json (+ .data.xml) → modernflows/<id>/
  for (const [path, content] of Object.entries(files)) {
    if (!/^Workflows\/[^/]+\.json$/i.test(path)) continue;
    const file = path.slice('Workflows/'.length);
    const data = find(files, `${path}.data.xml`);
    const record = data ? rec(xml(data[1])['Workflow']) : undefined;
    const idFromName = /([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})\.json$/.exec(file)?.[1];
    const id = String(record?.['@WorkflowId'] ?? idFromName ?? file)
      .replace(/^\{|\}$/g, '')
      .toLowerCase();
    const component = `modernflows/${id}`;
    put(component, `${component}/${file}`, content);
    if (record) put(component, `${component}/workflow.yml`, yaml({ Workflow: { ...record, JsonFileName: `/${component}/${file}` } }));
    components.push(component);
  }

  // canvas apps: CanvasApps/<schema>.meta.xml + _DocumentUri.msapp (+ src/<schema>/ or <schema>_DocumentUri_msapp_src/)
  for (const [path, content] of Object.entries(files)) {
    const m = /^CanvasApps\/([^/]+)\.meta\.xml$/i.exec(path);
    if (!m) continue;
    const schema = m[1] as string;
    const component = `canvasapps/${schema}`;
    const record = { ...rec(xml(content)['CanvasApp']) };
    const folder = o.apps === 'folder';
    const classicMsapp = String(record['DocumentUri'] ?? `/CanvasApps/${schema}_DocumentUri.msapp`).replace(/^\//, '');
    // Beside the record, the document keeps its own file name, which may be a shortened one (§8b.9).
    const msappPath = folder ? `${component}/${schema}.msapp` : `canvasapps/${classicMsapp.slice(classicMsapp.lastIndexOf('/') + 1)}`;
    record['DocumentUri'] = `/${msappPath}`;
    put(component, folder ? `${component}/${schema}.meta.yml` : `canvasapps/${schema}.meta.yml`, yaml({ CanvasApp: record }));
    const msappFile = find(files, classicMsapp);
    if (msappFile) put(component, msappPath, msappFile[1]);
    for (const [p, c] of Object.entries(files)) {
      const srcPrefix = [`CanvasApps/src/${schema}/`, `${classicMsapp.replace(/\.msapp$/i, '')}_msapp_src/`, `CanvasApps/${schema}_DocumentUri_msapp_src/`].find((x) => p.toLowerCase().startsWith(x.toLowerCase()));
      if (srcPrefix) put(component, `${folder ? `${component}/src` : `canvasapps/src/${schema}`}/${p.slice(srcPrefix.length)}`, c);
      else if (p.toLowerCase().startsWith(`canvasapps/${schema.toLowerCase()}_`) && !/_DocumentUri\.msapp$/i.test(p)) put(component, `${folder ? `${component}/` : 'canvasapps/'}${p.slice('CanvasApps/'.length)}`, c);
    }
    components.push(component);
  }

  // environment variables: the same XML files, one folder each
  for (const [path, content] of Object.entries(files)) {
    const m = /^environmentvariabledefinitions\/([^/]+)\/(.+)$/i.exec(path);
    if (!m) continue;
    const component = `environmentvariabledefinitions/${m[1]}`;
    put(component, `${component}/${m[2]}`, content);
    if (!components.includes(component)) components.push(component);
  }

  const listed = [...new Set(components)].sort();
  out[at(`solutions/${unique}/solutioncomponents.yml`)] =
    o.components === 'reference' ? yaml(listed.map((p) => ({ Path: p }))) : yaml({ SolutionComponents: { Component: listed.map((p) => ({ '@path': `/${p}` })) } });
  return out;
}

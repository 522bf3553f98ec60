import { asArray, attr, boolFlag, isRecord, normalizeGuid, parseXml, prop, propCI, text, type XmlNode } from '../source/decode.js';
import { InputError } from '../source/limits.js';
import { apiName } from './canvas-app.js';
import type { ConnectionReferenceDef, ManagedState, MissingDependency, Origin, Solution } from './types.js';

/** What `solution.xml` says about the solution. */
export type SolutionManifest = Pick<Solution, 'uniqueName' | 'displayName' | 'version' | 'managed' | 'publisher' | 'parentSolution' | 'missingDependencies'>;

/** `solution.xml` / `Other/Solution.xml`: `<ImportExportXml><SolutionManifest>`. */
export function readSolutionManifest(xml: string): SolutionManifest {
  return solutionManifestOf(parseXml(xml));
}

/** The manifest of a parsed `solution.xml`, or of a `solution.yml` in the same shape (yaml-layout.ts). */
export function solutionManifestOf(doc: unknown): SolutionManifest {
  const manifest = propCI(propCI(doc, 'ImportExportXml'), 'SolutionManifest');
  const localized = asArray(propCI(propCI(manifest, 'LocalizedNames'), 'LocalizedName'));
  const publisher = propCI(manifest, 'Publisher');
  const parent = propCI(manifest, 'ParentSolution');
  return {
    uniqueName: text(propCI(manifest, 'UniqueName')),
    displayName: attr(localized.find((l) => attr(l, 'languagecode') === '1033') ?? localized[0], 'description'),
    version: text(propCI(manifest, 'Version')),
    managed: managedState(text(propCI(manifest, 'Managed'))),
    publisher: { uniqueName: text(propCI(publisher, 'UniqueName')), prefix: text(propCI(publisher, 'CustomizationPrefix')) },
    parentSolution: parent === undefined ? undefined : text(propCI(parent, 'UniqueName')) || undefined,
    missingDependencies: asArray(propCI(propCI(manifest, 'MissingDependencies'), 'MissingDependency')).map(missingDependency),
  };
}

/** `<Managed>`: 0 unmanaged, 1 managed, 2 when SolutionPackager unpacked both ("Both"). */
function managedState(v: string): ManagedState {
  return v === '0' ? 'unmanaged' : v === '1' ? 'managed' : v === '2' ? 'both' : 'unknown';
}

function missingDependency(node: unknown): MissingDependency {
  const required = propCI(node, 'Required');
  const dependent = propCI(node, 'Dependent');
  return {
    requiredType: numberAttr(required, 'type'),
    requiredTypeName: numberAttr(required, 'type') === undefined ? attr(required, 'type').toLowerCase() : '',
    requiredKey: componentKey(required),
    requiredDisplayName: attr(required, 'displayName'),
    requiredSolution: attr(required, 'solution'),
    dependentType: numberAttr(dependent, 'type'),
    dependentKey: componentKey(dependent),
  };
}

/**
 * The key of a required or dependent component. Older types carry it in `id` or `schemaName`;
 * newer ones, typed by logical name, in attributes named `id.<field>`
 * (`id.connectionreferencelogicalname="x_sharedteams_aa1b8"`, `id.uniquename`; solution-format §8b.7).
 * With several (`id.parentappmoduleid.uniquename` and `id.settingdefinitionid.uniquename`) they are joined by `/`.
 */
function componentKey(node: unknown): string {
  const plain = normalizeGuid(attr(node, 'id')) ?? (attr(node, 'schemaName') || attr(node, 'id'));
  if (plain) return plain;
  const dotted = isRecord(node) ? Object.keys(node).filter((k) => k.toLowerCase().startsWith('@_id.')).sort() : [];
  return dotted.map((k) => normalizeGuid(prop(node, k)) ?? String(prop(node, k))).join('/');
}

function numberAttr(node: unknown, name: string): number | undefined {
  const v = Number(attr(node, name));
  return attr(node, name) !== '' && Number.isFinite(v) ? v : undefined;
}

/** The parts of customizations.xml that FlowGuard reads. */
export interface Customizations {
  workflows: unknown[];
  canvasApps: unknown[];
  connectionReferences: unknown[];
  /** What in those sections is not of the shape FlowGuard reads (named in diagnostics; the rest is still read). */
  problems: string[];
}

const RECORD: Record<(typeof SECTIONS)[number], string> = { Workflows: 'Workflow', CanvasApps: 'CanvasApp', connectionreferences: 'connectionreference' };

/** A section holds its record elements and nothing else: text or other elements mean it is not what FlowGuard reads. */
function sectionProblems(tag: (typeof SECTIONS)[number], node: unknown): string[] {
  if (node === undefined || node === '') return [];
  if (typeof node === 'string') return [`<${tag}> holds text, not <${RECORD[tag]}> elements`];
  if (!isRecord(node)) return [];
  const out: string[] = [];
  const stray = Object.keys(node).filter((k) => !k.startsWith('@_') && k !== RECORD[tag] && k !== '#text');
  if (stray.length > 0) out.push(`<${tag}> holds ${stray.map((k) => `<${k}>`).join(', ')}, not <${RECORD[tag]}> elements`);
  if (typeof prop(node, '#text') === 'string' && String(prop(node, '#text')).trim() !== '') out.push(`<${tag}> holds text besides its <${RECORD[tag]}> elements`);
  for (const record of asArray(prop(node, RECORD[tag]))) out.push(...recordProblems(tag, record));
  return out;
}

function recordProblems(tag: (typeof SECTIONS)[number], record: unknown): string[] {
  if (!isRecord(record)) return [`a <${RECORD[tag]}> element is empty`];
  if (tag === 'Workflows') {
    const id = attr(record, 'WorkflowId');
    return id !== '' && !normalizeGuid(id) ? [`<Workflow Name="${attr(record, 'Name')}"> has WorkflowId '${id}', which is not an id`] : [];
  }
  if (tag === 'CanvasApps') return typeof propCI(record, 'Name') === 'string' ? [] : ['a <CanvasApp> has no <Name> text'];
  const connector = text(propCI(record, 'connectorid'));
  return connector !== '' && !/\/apis\//i.test(connector) ? [`connection reference '${attr(record, 'connectionreferencelogicalname')}' has connector id '${connector}', which is not a connector path`] : [];
}

const SECTIONS = ['Workflows', 'CanvasApps', 'connectionreferences'] as const;

/**
 * Parses only the sections FlowGuard needs. customizations.xml can be tens of megabytes of
 * entity metadata; each wanted top-level section is cut out by its tags and parsed alone.
 */
export function readCustomizations(xml: string | Uint8Array): Customizations {
  const buf = typeof xml === 'string' ? Buffer.from(xml, 'utf8') : Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength);
  // Checked on the whole document: the sections cut out below would leave its DOCTYPE behind.
  if (DTD_MARKERS.some((m) => buf.includes(m))) throw new InputError('XML with a DOCTYPE or ENTITY declaration is not read');
  // Only the sections are decoded and parsed: the bytes between them (entity metadata, forms) never become text.
  const parts: string[] = [];
  for (const tag of SECTIONS) {
    const section = sliceElement(buf, tag);
    if (section) parts.push(section);
  }
  const root = parseXml(`<root>${parts.join('')}</root>`).root as XmlNode | undefined;
  return {
    workflows: asArray(propCI(propCI(root, 'Workflows'), 'Workflow')).filter(isRecord),
    canvasApps: asArray(propCI(propCI(root, 'CanvasApps'), 'CanvasApp')).filter(isRecord),
    connectionReferences: asArray(propCI(propCI(root, 'connectionreferences'), 'connectionreference')).filter(isRecord),
    problems: SECTIONS.flatMap((tag) => sectionProblems(tag, prop(root, tag))),
  };
}

const DTD_MARKERS = ['<!DOCTYPE', '<!doctype', '<!ENTITY', '<!entity'].map((m) => Buffer.from(m));
const GT = 0x3e;
const SLASH = 0x2f;
const isSpace = (c: number | undefined): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/**
 * The first `<tag …>…</tag>` element, decoded, found with native byte searches; undefined when it is
 * missing, empty (`<tag/>`) or not closed. Tag names are matched exactly: `<connectionreferences>`
 * (the section) differs from `<ConnectionReferences>` (an app field) only by case.
 */
function sliceElement(buf: Buffer, tag: string): string | undefined {
  const open = Buffer.from(`<${tag}`);
  let start = buf.indexOf(open);
  while (start >= 0 && !(isSpace(buf[start + open.length]) || buf[start + open.length] === SLASH || buf[start + open.length] === GT)) start = buf.indexOf(open, start + 1);
  if (start < 0) return undefined;
  const firstClose = buf.indexOf(GT, start);
  if (firstClose < 0 || buf[firstClose - 1] === SLASH) return undefined;
  const close = Buffer.from(`</${tag}`);
  for (let at = buf.indexOf(close, firstClose); at >= 0; at = buf.indexOf(close, at + 1)) {
    let k = at + close.length;
    while (isSpace(buf[k])) k++;
    if (buf[k] === GT) return buf.toString('utf8', start, k + 1);
  }
  return undefined;
}

export function readConnectionReference(node: unknown, origin: Origin): ConnectionReferenceDef {
  const connectorId = text(propCI(node, 'connectorid'));
  return {
    logicalName: attr(node, 'connectionreferencelogicalname'),
    displayName: text(propCI(node, 'connectionreferencedisplayname')),
    connectorId,
    api: apiName(connectorId),
    customizable: boolFlag(propCI(node, 'iscustomizable')),
    origin,
  };
}

/** A `<Workflow>` element (customizations.xml or `Workflows/*.json.data.xml`). */
export interface WorkflowRecord {
  id: string | undefined;
  name: string;
  jsonFile: string;
  category: number | undefined;
  stateCode: string;
  customizable: boolean | undefined;
}

export function readWorkflowRecord(node: unknown): WorkflowRecord {
  const category = Number(text(propCI(node, 'Category')));
  return {
    id: normalizeGuid(attr(node, 'WorkflowId')),
    name: attr(node, 'Name') || text(prop(propCI(propCI(node, 'LocalizedNames'), 'LocalizedName'), '@_description')),
    jsonFile: text(propCI(node, 'JsonFileName')).replace(/^\//, ''),
    category: Number.isFinite(category) && text(propCI(node, 'Category')) !== '' ? category : undefined,
    stateCode: text(propCI(node, 'StateCode')),
    customizable: boolFlag(propCI(node, 'IsCustomizable')),
  };
}

export function readEnvironmentVariable(xml: string): { schemaName: string; type: string; hasDefault: boolean } {
  const def = propCI(parseXml(xml), 'environmentvariabledefinition');
  return {
    schemaName: attr(def, 'schemaname'),
    type: text(propCI(def, 'type')),
    hasDefault: text(propCI(def, 'defaultvalue')) !== '',
  };
}

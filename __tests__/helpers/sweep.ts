/**
 * The hardening sweep of issue 12 over the real exports of the corpus, one solution at a time:
 *
 * 1. wrong-shape sweep: one flow definition, one flow entry of an app's data sources, or one
 *    customizations.xml section is replaced with valid JSON/XML of the wrong shape;
 * 2. injection sweep: pristine-equivalent rewrites (WDL `@@` escapes, connector-name case) that
 *    must change nothing.
 *
 * This module builds the cases (which file, which replacement) and the trees they are read from;
 * the test decides what FlowGuard must do with them. Targets are picked from the pristine model
 * (which flow an app calls, where an app's document is), replacements are written on the raw
 * bytes: JSON re-serialised, XML spliced as text, zips rebuilt (untouched entries keep
 * their stored bytes, nested `.msapp` entry names keep their backslashes).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { compareTrees, runRules } from '../../src/engine.js';
import type { CanvasApp, Diagnostic, Flow, FlowCall, Solution, Workspace } from '../../src/model/types.js';
import { loadWorkspace } from '../../src/model/workspace.js';
import { CHANGE_RULES } from '../../src/rules/registry.js';
import type { Finding } from '../../src/rules/types.js';
import { listWorkingTree } from '../../src/source/folder.js';
import { RepoTree, type FileInfo } from '../../src/source/tree.js';
import { CORPUS } from './corpus.js';

type Json = any;

const enc = new TextEncoder();
const dec = new TextDecoder();
const BOM = '\uFEFF';

export const DRIFT_RULES = new Set(['FG101', 'FG102', 'FG103']);
export const CHANGE_DRIFT_RULE = 'FG105';
const CHANGE_RULE_IDS = new Set(CHANGE_RULES.map((r) => r.meta.id));

// ---------------------------------------------------------------------------------------------
// Files of one corpus folder, and trees holding a changed copy of them
// ---------------------------------------------------------------------------------------------

/** The files of one corpus folder (repository paths relative to the corpus root), read once. */
export class SolutionFiles {
  private readonly cache = new Map<string, Uint8Array>();
  private constructor(
    readonly folder: string,
    readonly files: FileInfo[],
  ) {}

  static async of(folder: string): Promise<SolutionFiles> {
    return new SolutionFiles(folder, await listWorkingTree(CORPUS, [folder]));
  }

  read(path: string): Uint8Array {
    let b = this.cache.get(path);
    if (!b) {
      b = new Uint8Array(readFileSync(join(CORPUS, path)));
      this.cache.set(path, b);
    }
    return b;
  }

  /** A tree of these files with some replaced (bytes) or deleted (null), keyed by repository path. */
  tree(overrides: ReadonlyMap<string, Uint8Array | null> = new Map()): RepoTree {
    const infos: FileInfo[] = [];
    for (const f of this.files) {
      const o = overrides.get(f.path);
      if (o === null) continue;
      infos.push({ path: f.path, size: o ? o.byteLength : f.size });
    }
    for (const [path, bytes] of overrides) if (bytes && !this.files.some((f) => f.path === path)) infos.push({ path, size: bytes.byteLength });
    return new RepoTree(infos, async (p) => {
      const o = overrides.get(p);
      if (o) return o;
      return this.read(p);
    });
  }
}

/**
 * One file replaced inside a solution: `entry` is relative to the solution root (a zip entry, or
 * a file below the folder); `inner` is the exact entry name inside that file when it is itself an
 * archive (an `.msapp`, whose entry names use backslashes).
 */
export interface FileEdit {
  entry: string;
  inner?: string;
  bytes: Uint8Array | null;
}

export const isZipLayout = (s: Pick<Solution, 'layout'>): boolean => s.layout === 'zip' || s.layout === 'legacy-package';

// ---- a small zip reader/writer: untouched entries are copied byte for byte, replaced ones deflated ----

interface ZipRecord {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
  /** The central directory record, as stored. */
  central: Buffer;
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();
function crc32(b: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < b.length; i++) c = (CRC_TABLE[(c ^ (b[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** The central directory of a plain zip (no ZIP64, no multi-disk): what the corpus holds. */
function zipRecords(buf: Buffer): { records: ZipRecord[]; cdOffset: number } {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip: no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new Error('ZIP64 archives are not handled by the sweep helper');
  const records: ZipRecord[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central directory record at ${p}`);
    const nameLen = buf.readUInt16LE(p + 28);
    const len = 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    records.push({
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      localOffset: buf.readUInt32LE(p + 42),
      central: buf.subarray(p, p + len),
    });
    p += len;
  }
  return { records, cdOffset };
}

function zipEntryBytes(buf: Buffer, r: ZipRecord): Uint8Array {
  const start = r.localOffset + 30 + buf.readUInt16LE(r.localOffset + 26) + buf.readUInt16LE(r.localOffset + 28);
  const data = buf.subarray(start, start + r.compressedSize);
  if (r.method === 0) return new Uint8Array(data);
  if (r.method === 8) return new Uint8Array(inflateRawSync(data));
  throw new Error(`entry '${r.name}': compression method ${r.method} is not handled by the sweep helper`);
}

const asBuffer = (b: Uint8Array): Buffer => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

export function zipNames(bytes: Uint8Array): string[] {
  return zipRecords(asBuffer(bytes))
    .records.map((r) => r.name)
    .filter((n) => !n.endsWith('/'));
}

export function zipRead(bytes: Uint8Array, name: string): Uint8Array {
  const buf = asBuffer(bytes);
  const r = zipRecords(buf).records.find((x) => x.name === name);
  if (!r) throw new Error(`no entry '${name}'`);
  return zipEntryBytes(buf, r);
}

/** The archive with some entries replaced (deflated) or removed (null); the others are copied as stored. */
export function zipEdit(bytes: Uint8Array, edits: ReadonlyMap<string, Uint8Array | null>): Uint8Array {
  const buf = asBuffer(bytes);
  const { records, cdOffset } = zipRecords(buf);
  for (const name of edits.keys()) if (!records.some((r) => r.name === name)) throw new Error(`no entry '${name}' to replace`);
  const byOffset = [...records].sort((a, b) => a.localOffset - b.localOffset);
  const localEnd = new Map(byOffset.map((r, i) => [r, byOffset[i + 1]?.localOffset ?? cdOffset]));
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const r of records) {
    const edit = edits.get(r.name);
    if (edit === null) continue;
    let local: Buffer;
    let central: Buffer;
    if (edit === undefined) {
      local = buf.subarray(r.localOffset, localEnd.get(r));
      central = Buffer.from(r.central);
    } else {
      const data = deflateRawSync(edit, { level: 1 });
      const name = Buffer.from(r.name, 'utf8');
      const flags = (r.central.readUInt16LE(8) & 0x0800) | 0; // keep the UTF-8 flag, no data descriptor
      local = Buffer.alloc(30 + name.length);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(flags, 6);
      local.writeUInt16LE(8, 8);
      r.central.copy(local, 10, 12, 16); // time, date
      local.writeUInt32LE(crc32(edit), 14);
      local.writeUInt32LE(data.length, 18);
      local.writeUInt32LE(edit.length, 22);
      local.writeUInt16LE(name.length, 26);
      local.writeUInt16LE(0, 28);
      name.copy(local, 30);
      local = Buffer.concat([local, data]);
      central = Buffer.alloc(46 + name.length);
      r.central.copy(central, 0, 0, 46);
      central.writeUInt16LE(flags, 8);
      central.writeUInt16LE(8, 10);
      central.writeUInt32LE(crc32(edit), 16);
      central.writeUInt32LE(data.length, 20);
      central.writeUInt32LE(edit.length, 24);
      central.writeUInt16LE(0, 30);
      central.writeUInt16LE(0, 32);
      name.copy(central, 46);
    }
    central.writeUInt32LE(offset, 42);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(centrals.length, 8);
  eocd.writeUInt16LE(centrals.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, eocd]));
}

/** Reads one file of the solution (a zip entry or a folder file; and an entry of a nested archive). */
export function readEntry(sf: SolutionFiles, sol: Solution, entry: string, inner?: string): Uint8Array {
  const bytes = isZipLayout(sol) ? zipRead(sf.read(sol.path), entry) : sf.read(`${sol.path}/${entry}`);
  return inner === undefined ? bytes : zipRead(bytes, inner);
}

/** Names of the entries of a nested archive of the solution (exactly as stored). */
export function archiveNames(sf: SolutionFiles, sol: Solution, entry: string): string[] {
  return zipNames(readEntry(sf, sol, entry));
}

/** The repository overrides that apply the edits to the solution. */
export function overridesFor(sf: SolutionFiles, sol: Solution, edits: readonly FileEdit[]): Map<string, Uint8Array | null> {
  const direct = new Map<string, Uint8Array | null>();
  const nested = new Map<string, Map<string, Uint8Array | null>>();
  for (const e of edits) {
    if (e.inner === undefined) direct.set(e.entry, e.bytes);
    else nested.set(e.entry, (nested.get(e.entry) ?? new Map()).set(e.inner, e.bytes));
  }
  const out = new Map<string, Uint8Array | null>();
  if (isZipLayout(sol)) {
    for (const [entry, inner] of nested) direct.set(entry, zipEdit(readEntry(sf, sol, entry), inner));
    out.set(sol.path, zipEdit(sf.read(sol.path), direct));
  } else {
    for (const [entry, bytes] of direct) out.set(`${sol.path}/${entry}`, bytes);
    for (const [entry, inner] of nested) out.set(`${sol.path}/${entry}`, zipEdit(sf.read(`${sol.path}/${entry}`), inner));
  }
  return out;
}

/** Entry path (relative to the solution root) of a model origin. */
export function entryOf(sol: Solution, origin: { file: string; inner?: string }): string {
  if (isZipLayout(sol)) return (origin.inner ?? '').split('!/')[0] as string;
  return origin.file.slice(sol.path.length + 1);
}

/** What a diagnostic must name: the repository file and, inside an archive, the path(s) inside. */
export interface FileName {
  file: string;
  /** Parts the diagnostic's `inner` must contain (slashes normalised). */
  inner: string[];
}

export function fileNameOf(sol: Solution, entry: string, inner?: string): FileName {
  const norm = (s: string): string => s.replace(/\\/g, '/');
  if (isZipLayout(sol)) return { file: sol.path, inner: [entry, ...(inner ? [norm(inner)] : [])] };
  return { file: `${sol.path}/${entry}`, inner: inner ? [norm(inner)] : [] };
}

export function namesFile(d: Diagnostic, name: FileName): boolean {
  if (d.file !== name.file) return false;
  const inner = (d.inner ?? '').replace(/\\/g, '/');
  return name.inner.every((part) => inner.includes(part));
}

export function describeName(n: FileName): string {
  return n.inner.length === 0 ? n.file : `${n.file} → ${n.inner.join(' → ')}`;
}

// ---------------------------------------------------------------------------------------------
// Running FlowGuard on one tree
// ---------------------------------------------------------------------------------------------

export interface Run {
  /** Set when FlowGuard threw (reading, a rule, or the base/head comparison). */
  threw?: string;
  workspace?: Workspace;
  findings: Finding[];
  /** FG105 findings of the comparison pristine (base) → this tree (head); none when there was no base. */
  changeFindings: Finding[];
}

const stack = (err: unknown): string => ((err as Error)?.stack ?? String(err)).split('\n').slice(0, 4).join(' | ');

/**
 * Reads and checks a tree. Without a base: `loadWorkspace` + `runRules`. With a base, the way a
 * pull request is checked (`compareTrees`: each side read and checked with `runRules`, then the
 * change rules), which gives both the head's own findings and FG105 from one reading of the head.
 * The sweep passes no base for a solution whose pristine apps call no flow: FG105 only looks at
 * app calls bound to flows, and no single replaced file can create a call.
 */
export async function runFlowGuard(tree: RepoTree, base: RepoTree | undefined): Promise<Run> {
  const run: Run = { findings: [], changeFindings: [] };
  if (!base) {
    try {
      run.workspace = await loadWorkspace(tree, { hashes: true });
      run.findings = runRules(run.workspace, { release: false });
    } catch (err) {
      run.threw = `reading or checking threw ${stack(err)}`;
    }
    return run;
  }
  try {
    const compared = await compareTrees({ baseTree: base, headTree: tree }, structuredClone(DEFAULT_CONFIG), false);
    run.workspace = compared.workspace;
    // Nothing is suppressed by the default configuration, and every solution counts as touched.
    // Drift merged into a change finding (one cause, one entry) counts as drift here.
    const flat = compared.findings.flatMap((f) => [f, ...(f.evidence ?? []).map((e) => ({ ...f, ...e, evidence: undefined }))]);
    run.findings = flat.filter((f) => !CHANGE_RULE_IDS.has(f.ruleId)).map(({ status: _status, evidence: _e, ...f }) => f);
    run.changeFindings = compared.findings.filter((f) => f.ruleId === CHANGE_DRIFT_RULE).map(({ status: _status, ...f }) => f);
    const baseFailures = compared.base.workspace.diagnostics.filter(isRuleFailure);
    if (baseFailures.length > 0) run.threw = `checking the pristine base: ${baseFailures.map((d) => d.message).join(' | ')}`;
  } catch (err) {
    run.threw = `reading, checking or comparing with the pristine export threw ${stack(err)}`;
  }
  return run;
}

export const isRuleFailure = (d: Diagnostic): boolean => /^rule .* failed/.test(d.message);

export const findingKey = (f: Finding): string => `${f.fingerprint}|${f.ruleId}|${f.severity}`;
export const describeFinding = (f: Finding): string => `${f.ruleId} ${f.severity} [${f.fingerprint}] ${f.message}`;

/** Findings of `after` whose fingerprint, rule and severity no finding of `allowed` has. */
export function beyond(after: readonly Finding[], allowed: readonly Finding[]): Finding[] {
  const keys = new Set(allowed.map(findingKey));
  return after.filter((f) => !keys.has(findingKey(f)));
}

// ---------------------------------------------------------------------------------------------
// The pristine solution
// ---------------------------------------------------------------------------------------------

export interface Pristine {
  folder: string;
  files: SolutionFiles;
  /** Files removed from the folder to get this baseline (the unpacked-sources variant). */
  removed: Map<string, Uint8Array | null>;
  tree: RepoTree;
  workspace: Workspace;
  solution: Solution;
  findings: Finding[];
  /** FG105 of the pristine tree compared with itself (what FlowGuard reports on no change). */
  changeFindings: Finding[];
  /** Whether any app of the solution has a flow call (else FG105 cannot fire and the comparison is skipped). */
  hasCalls: boolean;
}

export async function pristineOf(files: SolutionFiles, removed: Map<string, Uint8Array | null> = new Map()): Promise<Pristine> {
  const tree = files.tree(removed);
  const run = await runFlowGuard(tree, tree);
  const hasCalls = run.workspace?.solutions.some((s) => s.apps.some((a) => a.calls.length > 0)) ?? false;
  if (run.threw || !run.workspace) throw new Error(`${files.folder}: the pristine export does not read: ${run.threw}`);
  if (run.workspace.solutions.length !== 1) throw new Error(`${files.folder}: expected one solution, found ${run.workspace.solutions.length}`);
  return {
    folder: files.folder,
    files,
    removed,
    tree,
    workspace: run.workspace,
    solution: run.workspace.solutions[0] as Solution,
    findings: run.findings,
    changeFindings: run.changeFindings,
    hasCalls,
  };
}

/** Calls of the solution's apps that bind to a flow of the same solution. */
export function inSolutionCalls(sol: Solution): { app: CanvasApp; call: FlowCall; flow: Flow }[] {
  const out: { app: CanvasApp; call: FlowCall; flow: Flow }[] = [];
  for (const app of sol.apps) {
    for (const call of app.calls) {
      const flow = call.binding.solutionPath === sol.path ? sol.flows.find((f) => f.id === call.binding.flowId) : undefined;
      if (flow) out.push({ app, call, flow });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// JSON helpers
// ---------------------------------------------------------------------------------------------

export function parseJsonBytes(b: Uint8Array): { value: Json; bom: boolean } {
  const t = dec.decode(b);
  return { value: JSON.parse(t.replace(/^\uFEFF/, '')), bom: t.startsWith(BOM) };
}
export const bytesText = (b: Uint8Array): string => dec.decode(b);

const isObj = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function firstTrigger(def: Json): Json | undefined {
  const triggers = def?.properties?.definition?.triggers;
  if (!isObj(triggers)) return undefined;
  const k = Object.keys(triggers)[0];
  return k === undefined ? undefined : triggers[k];
}

export const isPowerAppsTrigger = (t: Json): boolean => String(t?.type).toLowerCase() === 'request' && (t?.kind === 'PowerApp' || t?.kind === 'PowerAppV2');

/** Every Response action of a definition, nested ones included. */
export function responseActions(actions: Json, out: Json[] = []): Json[] {
  if (!isObj(actions)) return out;
  for (const a of Object.values(actions)) {
    if (!isObj(a)) continue;
    if (String(a.type).toLowerCase() === 'response') out.push(a);
    responseActions(a.actions, out);
    responseActions(a.else?.actions, out);
    responseActions(a.default?.actions, out);
    if (isObj(a.cases)) for (const c of Object.values(a.cases)) responseActions((c as Json)?.actions, out);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// 1. Wrong shapes
// ---------------------------------------------------------------------------------------------

export interface FlowShape {
  name: string;
  /** Whether the replacement means something for this definition (a field FlowGuard reads). */
  applies(def: Json): boolean;
  make(def: Json): unknown;
}

const always = (): boolean => true;
const clone = <T>(v: T): T => structuredClone(v);

export const FLOW_SHAPES: readonly FlowShape[] = [
  { name: '{}', applies: always, make: () => ({}) },
  { name: '[]', applies: always, make: () => [] },
  { name: '"a string"', applies: always, make: () => 'a string' },
  { name: '42', applies: always, make: () => 42 },
  { name: 'null', applies: always, make: () => null },
  { name: '{"properties": []}', applies: always, make: () => ({ properties: [] }) },
  { name: '{"properties": {"definition": "x"}}', applies: always, make: () => ({ properties: { definition: 'x' } }) },
  { name: '{"properties": {"definition": {"triggers": [], "actions": 7}}}', applies: always, make: () => ({ properties: { definition: { triggers: [], actions: 7 } } }) },
  {
    name: 'right keys, wrong types: trigger inputs.schema.properties is an array',
    applies: (d) => isPowerAppsTrigger(firstTrigger(d)),
    make(d) {
      const def = clone(d);
      const t = firstTrigger(def);
      t.inputs = isObj(t.inputs) ? t.inputs : {};
      t.inputs.schema = isObj(t.inputs.schema) ? t.inputs.schema : { type: 'object' };
      const p = t.inputs.schema.properties;
      t.inputs.schema.properties = isObj(p) ? Object.entries(p).map(([name, v]) => ({ name, ...(isObj(v) ? v : {}) })) : [];
      return def;
    },
  },
  {
    name: 'right keys, wrong types: trigger inputs.schema.required is a string',
    applies: (d) => isPowerAppsTrigger(firstTrigger(d)),
    make(d) {
      const def = clone(d);
      const t = firstTrigger(def);
      t.inputs = isObj(t.inputs) ? t.inputs : {};
      t.inputs.schema = isObj(t.inputs.schema) ? t.inputs.schema : { type: 'object', properties: {} };
      const r = t.inputs.schema.required;
      t.inputs.schema.required = Array.isArray(r) && r.length > 0 ? r.join(',') : 'text';
      return def;
    },
  },
  {
    name: 'right keys, wrong types: properties.connectionReferences is a number',
    applies: (d) => isObj(d?.properties),
    make(d) {
      const def = clone(d);
      def.properties.connectionReferences = 42;
      return def;
    },
  },
  {
    name: 'right keys, wrong types: Response inputs.schema.properties is an array',
    applies: (d) => responseActions(d?.properties?.definition?.actions).some((r) => isObj(r.inputs?.schema?.properties) || isObj(r.inputs?.schema?.items?.properties)),
    make(d) {
      const def = clone(d);
      for (const r of responseActions(def.properties.definition.actions)) {
        const s = r.inputs?.schema;
        const holder = isObj(s?.items?.properties) ? s.items : s;
        if (isObj(holder?.properties)) holder.properties = Object.entries(holder.properties).map(([name, v]) => ({ name, ...(isObj(v) ? v : {}) }));
      }
      return def;
    },
  },
];

export interface DataSourceShape {
  name: string;
  make(entry: Json): unknown;
}

export const DATA_SOURCE_SHAPES: readonly DataSourceShape[] = [
  { name: '{}', make: () => ({}) },
  { name: '[]', make: () => [] },
  { name: 'the entry with WadlMetadata: {"WadlXml": 5}', make: (e) => ({ ...e, WadlMetadata: { WadlXml: 5 } }) },
  { name: 'the entry with WadlXml: "<not-wadl/>"', make: (e) => ({ ...e, WadlMetadata: { WadlXml: '<not-wadl/>' } }) },
  { name: 'the entry with WadlXml: "<application><resources/></application>"', make: (e) => ({ ...e, WadlMetadata: { WadlXml: '<application><resources/></application>' } }) },
  { name: 'the entry with Name: 7', make: (e) => ({ ...e, Name: 7 }) },
];

/** Unpacked canvas sources: `DataSources/<name>.json` (an array of entries) or the data source's `pkgs/Wadl/<name>.xml`. */
export interface UnpackedShape {
  name: string;
  file: 'datasource' | 'wadl';
  /** The new file text, from the old file's parsed value (data source) or text (WADL). */
  make(old: Json, dataSource: string): string;
}

export const UNPACKED_SHAPES: readonly UnpackedShape[] = [
  { name: 'DataSources file is {}', file: 'datasource', make: () => '{}' },
  { name: 'DataSources file is "a string"', file: 'datasource', make: () => '"a string"' },
  { name: 'DataSources file is [{}]', file: 'datasource', make: () => '[{}]' },
  {
    name: 'DataSources file with the flow entry\'s Name: 7',
    file: 'datasource',
    make: (old, ds) => JSON.stringify((Array.isArray(old) ? old : [old]).map((e: Json) => (isObj(e) && e.Name === ds ? { ...e, Name: 7 } : e)), null, 2),
  },
  { name: 'pkgs/Wadl file is <not-wadl/>', file: 'wadl', make: () => '<not-wadl/>' },
  { name: 'pkgs/Wadl file is <application><resources/></application>', file: 'wadl', make: () => '<application><resources/></application>' },
];

export type SectionTag = 'Workflows' | 'CanvasApps' | 'connectionreferences';
export const SECTION_TAGS: readonly SectionTag[] = ['Workflows', 'CanvasApps', 'connectionreferences'];
const CHILD: Record<SectionTag, string> = { Workflows: 'Workflow', CanvasApps: 'CanvasApp', connectionreferences: 'connectionreference' };

export interface SectionShape {
  name: string;
  /** The sections the shape applies to (all when absent). */
  tags?: readonly SectionTag[];
  /** Needs the pristine section to hold records (else the replacement is the same as the original, or has nothing to change). */
  needsRecords: boolean;
  make(tag: SectionTag, section: string): string;
}

export const SECTION_SHAPES: readonly SectionShape[] = [
  {
    name: 'unexpected children',
    needsRecords: false,
    make: (tag) => `<${tag}><Unexpected kind="sweep"><Child>1</Child></Unexpected><AlsoUnexpected /></${tag}>`,
  },
  { name: 'text instead of elements', needsRecords: false, make: (tag) => `<${tag}>text instead of elements</${tag}>` },
  {
    name: 'fields of the wrong type',
    needsRecords: true,
    make(tag, section) {
      // Workflows: WorkflowId="not-a-guid"; CanvasApps: <Name> holds an element, not text; connection references: connectorid 42.
      if (tag === 'Workflows') return section.replace(/WorkflowId="[^"]*"/g, 'WorkflowId="not-a-guid"');
      if (tag === 'CanvasApps') return section.replace(/<Name>([^<]*)<\/Name>/g, '<Name><Value>$1</Value></Name>');
      return section.replace(/<connectorid>[^<]*<\/connectorid>/g, '<connectorid>42</connectorid>');
    },
  },
  // Emptied: flows and apps lose their records (FlowGuard names customizations.xml). An empty <connectionreferences> is a
  // valid export (the extracted AI Talking Avatar ships none); what follows is FG302 about the flows, not a reading problem.
  { name: 'an empty section', needsRecords: true, tags: ['Workflows', 'CanvasApps'], make: (tag) => `<${tag}></${tag}>` },
];

/**
 * Combination `i` of a section and a shape: `i mod 3` and `i mod 4` (3 and 4 are coprime, so the 12
 * combinations are all distinct, and consecutive ones differ in both section and shape).
 */
export function sectionCombo(i: number): { tag: number; shape: number } {
  return { tag: i % SECTION_TAGS.length, shape: i % SECTION_SHAPES.length };
}

/** The section as FlowGuard's reader cuts it (exact tag case): its range, and whether it holds records. */
export function findSection(xml: string, tag: SectionTag): { start: number; end: number; text: string; records: boolean } | undefined {
  const open = new RegExp(`<${tag}(?=[\\s/>])`).exec(xml);
  if (!open) return undefined;
  const firstClose = xml.indexOf('>', open.index);
  if (xml[firstClose - 1] === '/') return { start: open.index, end: firstClose + 1, text: xml.slice(open.index, firstClose + 1), records: false };
  const close = new RegExp(`</${tag}\\s*>`, 'g');
  close.lastIndex = open.index;
  const end = close.exec(xml);
  if (!end) return undefined;
  const text = xml.slice(open.index, end.index + end[0].length);
  return { start: open.index, end: end.index + end[0].length, text, records: new RegExp(`<${CHILD[tag]}[\\s>]`).test(text) };
}

/**
 * Deterministic rotation: `count` shapes per target, starting where the previous target of the
 * kind stopped, skipping shapes that do not apply. Over the corpus every shape comes round.
 */
export class Rotation {
  private next = 0;
  constructor(private readonly size: number) {}
  pick(count: number, applies: (i: number) => boolean): number[] {
    const out: number[] = [];
    for (let step = 0; step < this.size && out.length < count; step++) {
      const i = (this.next + step) % this.size;
      if (applies(i)) out.push(i);
    }
    this.next = (this.next + count) % this.size;
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// 2. Pristine-equivalent injections
// ---------------------------------------------------------------------------------------------

/** The WDL escape: a literal name starting with `@` is written `@@` inside a flow definition. */
export const ETAG = '@odata.etag';
export const ETAG_WDL = '@@odata.etag';

/** The app-stored response object of a flow's WADL, when it has properties. */
export function wadlResponseHasProperties(wadl: string): boolean {
  const m = /<object\s+name="ResponseActionOutput"\s*>([\s\S]*?)<\/object>/.exec(wadl);
  return m !== null && /<property\s/.test(m[1] as string);
}

/** Adds `<property name="@odata.etag" type="string" />` to the WADL's ResponseActionOutput object. */
export function addEtagToWadl(wadl: string, name = ETAG): string {
  const next = wadl.replace(/(<object\s+name="ResponseActionOutput"\s*>)/, `$1<property name="${name}" type="string" />`);
  if (next === wadl) throw new Error('no ResponseActionOutput object in the WADL');
  return next;
}

/** Adds the WDL-escaped `@@odata.etag` to every object Response schema (properties, required, body). Returns how many. */
export function addEtagToFlow(def: Json, name = ETAG_WDL): number {
  let n = 0;
  for (const r of responseActions(def?.properties?.definition?.actions)) {
    const schema = r.inputs?.schema;
    if (!isObj(schema) || schema.type === 'array' || !isObj(schema.properties)) continue;
    schema.properties[name] = { title: 'OData ETag', type: 'string', 'x-ms-dynamically-added': true };
    schema.required = [...(Array.isArray(schema.required) ? schema.required : []), name];
    if (isObj(r.inputs.body)) r.inputs.body[name] = 'W/"1"';
    n++;
  }
  return n;
}

/** Hex escapes in connector names (`-5f` for `_`, printable ASCII only). */
const HEX_ESCAPE = /-[2-7][0-9a-f]/g;

/**
 * Changes the case of every connector name of the flow's connection references: `api.name`
 * upper-cased whole (the legacy package names the API only in `id`: its `/apis/<name>` segment),
 * and the hex escapes of each connection key upper-cased, with every use of the key renamed.
 * Returns what changed.
 */
export function recaseConnectors(def: Json): string[] {
  const refs = def?.properties?.connectionReferences;
  if (!isObj(refs)) return [];
  const changed: string[] = [];
  const renames = new Map<string, string>();
  for (const [key, ref] of Object.entries(refs)) {
    if (!isObj(ref)) continue;
    if (isObj(ref.api) && typeof ref.api.name === 'string') {
      const up = ref.api.name.toUpperCase();
      if (up !== ref.api.name) changed.push(`api.name ${ref.api.name} → ${up}`);
      ref.api.name = up;
    } else if (typeof ref.id === 'string') {
      const up = ref.id.replace(/(\/apis\/)([^/]+)/i, (_m: string, a: string, n: string) => a + n.toUpperCase());
      if (up !== ref.id) changed.push(`id ${ref.id} → ${up}`);
      ref.id = up;
    }
    const newKey = key.replace(HEX_ESCAPE, (h) => h.toUpperCase());
    if (newKey !== key) renames.set(key, newKey);
  }
  if (renames.size > 0) {
    const rename = (v: Json): Json => {
      if (typeof v === 'string') return renames.get(v) ?? v;
      if (Array.isArray(v)) return v.map(rename);
      if (isObj(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rename(x)]));
      return v;
    };
    def.properties.definition = rename(def.properties.definition);
    def.properties.connectionReferences = Object.fromEntries(Object.entries(refs).map(([k, v]) => [renames.get(k) ?? k, v]));
    for (const [a, b] of renames) changed.push(`key ${a} → ${b}`);
  }
  return changed;
}

// ---------------------------------------------------------------------------------------------
// The plan: every case of the sweep, built from the pristine corpus
// ---------------------------------------------------------------------------------------------

export type WrongShapeKind = '1a flow definition' | '1b app data source (.msapp)' | '1b app data source (unpacked sources)' | '1c customizations.xml section';

export interface WrongShapeCase {
  title: string;
  kind: WrongShapeKind;
  /** Index of the shape in its kind's list (for the coverage check). */
  shape: number;
  shapeName: string;
  pristine: Pristine;
  /** The file replaced, as a diagnostic must name it. */
  replaced: FileName;
  edits(): Promise<FileEdit[]>;
  /** Drift findings about these were computed from what was replaced: they are not allowed after it. */
  about: { flowId?: string; app?: string; appFlowId?: string };
  /** What need not be in the workspace any more: the replaced flow, the replaced call, apps whose only record was replaced. */
  exempt: { flowId?: string; call?: { app: string; dataSource: string }; apps?: Set<string> };
}

export interface InjectionCase {
  title: string;
  pristine: Pristine;
  /** What was rewritten, for the test's messages. */
  changes: string[];
  edits(): Promise<FileEdit[]>;
}

export interface Plan {
  wrongShape: WrongShapeCase[];
  wdlEscape: InjectionCase[];
  caseInsensitive: InjectionCase[];
  /** Rebuilds with the same bytes re-written (one per layout): they must read exactly as the pristine export. */
  identity: InjectionCase[];
  /** Cases that must be reported: they show the comparisons can fail. */
  controls: { title: string; pristine: Pristine; edits(): Promise<FileEdit[]>; expectRule: string; expectAbout: (f: Finding) => boolean }[];
  /** A case whose other flow is deleted: the "rest analysed" check must notice it. */
  restControl?: WrongShapeCase;
  /** Shapes used, per kind (indices), and how many shapes each kind has. */
  coverage: Record<WrongShapeKind, { used: Set<number>; total: number; names: string[] }>;
}

const SHAPES_PER_TARGET = 3;

const isFlowEntry = (e: Json): boolean =>
  isObj(e) && e.Type === 'ServiceInfo' && (String(e.ApiId ?? '').toLowerCase().endsWith('/shared_logicflows') || e.ServiceKind === 'AddinWadl');

const DATA_SOURCES = 'references/datasources.json';

function dataSourcesEntry(sf: SolutionFiles, sol: Solution, appEntry: string): string | undefined {
  return (archiveNames(sf, sol, appEntry)).find((n) => n.replace(/\\/g, '/').toLowerCase() === DATA_SOURCES);
}

function customizationsEntry(sf: SolutionFiles, sol: Solution, zipEntryNames: string[] | undefined): string | undefined {
  const wanted = ['customizations.xml', 'other/customizations.xml'];
  if (zipEntryNames) return zipEntryNames.find((n) => wanted.includes(n.toLowerCase()));
  for (const f of sf.files) {
    const rel = f.path.slice(sol.path.length + 1);
    if (wanted.includes(rel.toLowerCase())) return rel;
  }
  return undefined;
}

function sameFile(a: { file: string; inner?: string } | undefined, b: FileName): boolean {
  return a !== undefined && a.file === b.file && b.inner.every((p) => (a.inner ?? '').includes(p));
}

export async function planSweep(folders: readonly string[]): Promise<Plan> {
  const plan: Plan = {
    wrongShape: [],
    wdlEscape: [],
    caseInsensitive: [],
    identity: [],
    controls: [],
    coverage: {
      '1a flow definition': { used: new Set(), total: FLOW_SHAPES.length, names: FLOW_SHAPES.map((s) => s.name) },
      '1b app data source (.msapp)': { used: new Set(), total: DATA_SOURCE_SHAPES.length, names: DATA_SOURCE_SHAPES.map((s) => s.name) },
      '1b app data source (unpacked sources)': { used: new Set(), total: UNPACKED_SHAPES.length, names: UNPACKED_SHAPES.map((s) => s.name) },
      '1c customizations.xml section': {
        used: new Set(),
        total: SECTION_SHAPES.length * SECTION_TAGS.length,
        names: Array.from({ length: SECTION_SHAPES.length * SECTION_TAGS.length }, (_, i) => `<${SECTION_TAGS[sectionCombo(i).tag]}>: ${(SECTION_SHAPES[sectionCombo(i).shape] as SectionShape).name}`),
      },
    },
  };
  // Combinations a shape does not apply to (see SectionShape.tags) count as covered.
  for (let i = 0; i < SECTION_SHAPES.length * SECTION_TAGS.length; i++) {
    const shape = SECTION_SHAPES[sectionCombo(i).shape] as SectionShape;
    if (shape.tags && !shape.tags.includes(SECTION_TAGS[sectionCombo(i).tag] as SectionTag)) plan.coverage['1c customizations.xml section'].used.add(i);
  }
  const rot = {
    flow: new Rotation(FLOW_SHAPES.length),
    ds: new Rotation(DATA_SOURCE_SHAPES.length),
    unpacked: new Rotation(UNPACKED_SHAPES.length),
    section: new Rotation(SECTION_SHAPES.length * SECTION_TAGS.length),
  };
  const add = (c: WrongShapeCase): void => {
    plan.wrongShape.push(c);
    plan.coverage[c.kind].used.add(c.shape);
  };

  for (const folder of folders) {
    const sf = await SolutionFiles.of(folder);
    const p = await pristineOf(sf);
    const sol = p.solution;
    const names = isZipLayout(sol) ? zipNames(sf.read(sol.path)) : undefined;
    const calls = inSolutionCalls(sol);

    // 1a: one flow definition — the flow an app calls, else the first.
    const flows = [...sol.flows].sort((a, b) => (entryOf(sol, a.origin) < entryOf(sol, b.origin) ? -1 : 1));
    const flow = calls[0]?.flow ?? flows[0];
    if (flow) {
      const entry = entryOf(sol, flow.origin);
      const { value: def, bom } = parseJsonBytes(readEntry(sf, sol, entry));
      for (const i of rot.flow.pick(SHAPES_PER_TARGET, (i) => (FLOW_SHAPES[i] as FlowShape).applies(def))) {
        const shape = FLOW_SHAPES[i] as FlowShape;
        add({
          title: `1a flow definition → ${shape.name} | ${folder}: ${entry}`,
          kind: '1a flow definition',
          shape: i,
          shapeName: shape.name,
          pristine: p,
          replaced: fileNameOf(sol, entry),
          edits: async () => [{ entry, bytes: enc.encode((bom ? BOM : '') + JSON.stringify(shape.make(def))) }],
          about: { flowId: flow.id },
          exempt: { flowId: flow.id },
        });
      }
    }

    // The rebuild alone must change nothing: re-write the first flow and the first app's DataSources.json unchanged.
    const msappApp = sol.apps.find((a) => a.document === 'msapp');
    if (!plan.identity.some((c) => c.pristine.solution.layout === sol.layout) && flows[0] && msappApp) {
      const flowEntry = entryOf(sol, flows[0].origin);
      const appEntry = entryOf(sol, msappApp.origin);
      const dsName = dataSourcesEntry(sf, sol, appEntry);
      plan.identity.push({
        title: `the sweep's rebuild of ${folder} (${sol.layout}) with ${flowEntry} and ${appEntry} → ${dsName ?? '-'} re-written unchanged`,
        pristine: p,
        changes: [],
        edits: async () => [
          { entry: flowEntry, bytes: readEntry(sf, sol, flowEntry) },
          ...(dsName ? [{ entry: appEntry, inner: dsName, bytes: readEntry(sf, sol, appEntry, dsName) }] : []),
        ],
      });
    }

    // Control for "rest analysed": the 1a target is exempt, but a second flow of the solution goes missing.
    const other = flows.find((f) => f !== flow);
    if (flow && other && !plan.restControl) {
      const entry = entryOf(sol, other.origin);
      plan.restControl = {
        title: `control for 1: another flow of the solution deleted (${entry}) is reported as no longer analysed | ${folder}`,
        kind: '1a flow definition',
        shape: -1,
        shapeName: 'deleted',
        pristine: p,
        replaced: fileNameOf(sol, entryOf(sol, flow.origin)),
        edits: async () => [{ entry, bytes: null }],
        about: { flowId: flow.id },
        exempt: { flowId: flow.id },
      };
    }

    // 1b: one flow entry of an app's References/DataSources.json inside the .msapp.
    const msappCalls = [...calls.filter((c) => c.app.document === 'msapp'), ...sol.apps.filter((a) => a.document === 'msapp').flatMap((app) => app.calls.map((call) => ({ app, call, flow: undefined })))];
    const target = msappCalls[0];
    if (target) {
      const appEntry = entryOf(sol, target.app.origin);
      const dsName = dataSourcesEntry(sf, sol, appEntry);
      if (!dsName) throw new Error(`${folder}: ${appEntry} has no References/DataSources.json`);
      const { value: doc, bom } = parseJsonBytes(readEntry(sf, sol, appEntry, dsName));
      const index = (doc.DataSources as Json[]).findIndex((e) => isFlowEntry(e) && e.Name === target.call.dataSource);
      if (index < 0) throw new Error(`${folder}: no flow entry '${target.call.dataSource}' in ${appEntry}`);
      for (const i of rot.ds.pick(SHAPES_PER_TARGET, () => true)) {
        const shape = DATA_SOURCE_SHAPES[i] as DataSourceShape;
        add({
          title: `1b app data source (.msapp) → ${shape.name} | ${folder}: ${appEntry} → ${dsName} → '${target.call.dataSource}'`,
          kind: '1b app data source (.msapp)',
          shape: i,
          shapeName: shape.name,
          pristine: p,
          replaced: fileNameOf(sol, appEntry, dsName),
          async edits() {
            const next = clone(doc);
            next.DataSources[index] = shape.make(doc.DataSources[index]);
            return [{ entry: appEntry, inner: dsName, bytes: enc.encode((bom ? BOM : '') + JSON.stringify(next)) }];
          },
          about: { app: target.app.name, ...(target.flow ? { appFlowId: target.flow.id } : {}) },
          exempt: { call: { app: target.app.name, dataSource: target.call.dataSource } },
        });
      }
    }

    // 1b: unpacked canvas sources, CanvasApps/src/<app>/DataSources/<name>.json. FlowGuard reads the
    // .msapp when there is one, so the baseline is the tree without it (as when the binary is not committed).
    if (sol.layout === 'unpacked') {
      const app = sol.apps.find((a) => a.document === 'msapp' && sf.files.some((f) => f.path.startsWith(`${sol.path}/CanvasApps/src/${a.name}/DataSources/`)));
      if (app) {
        const msapp = `${sol.path}/${entryOf(sol, app.origin)}`;
        const base = await pristineOf(sf, new Map([[msapp, null]]));
        const app2 = base.solution.apps.find((a) => a.name === app.name);
        if (app2?.document !== 'unpacked') throw new Error(`${folder}: without its .msapp, app ${app.name} is not read from its unpacked sources`);
        const bound = inSolutionCalls(base.solution).find((c) => c.app === app2);
        const call = bound?.call ?? app2.calls[0];
        if (call) {
          const dsEntry = entryOf(base.solution, call.origin);
          const wadlEntry = `CanvasApps/src/${app.name}/pkgs/Wadl/${call.dataSource}.xml`;
          const hasWadl = sf.files.some((f) => f.path === `${sol.path}/${wadlEntry}`);
          for (const i of rot.unpacked.pick(SHAPES_PER_TARGET, (i) => (UNPACKED_SHAPES[i] as UnpackedShape).file === 'datasource' || hasWadl)) {
            const shape = UNPACKED_SHAPES[i] as UnpackedShape;
            const entry = shape.file === 'datasource' ? dsEntry : wadlEntry;
            add({
              title: `1b app data source (unpacked sources, no .msapp) → ${shape.name} | ${folder}: ${entry}`,
              kind: '1b app data source (unpacked sources)',
              shape: i,
              shapeName: shape.name,
              pristine: base,
              replaced: fileNameOf(sol, entry),
              async edits() {
                const old = bytesText(sf.read(`${sol.path}/${entry}`)).replace(/^\uFEFF/, '');
                return [{ entry, bytes: enc.encode(shape.make(shape.file === 'datasource' ? JSON.parse(old) : old, call.dataSource)) }];
              },
              about: { app: app.name, ...(bound ? { appFlowId: bound.flow.id } : {}) },
              exempt: { call: { app: app.name, dataSource: call.dataSource } },
            });
          }
        }
      }
    }

    // 1c: one customizations.xml section.
    const custEntry = sol.layout === 'legacy-package' ? undefined : customizationsEntry(sf, sol, names);
    if (custEntry) {
      const raw = bytesText(readEntry(sf, sol, custEntry));
      const bom = raw.startsWith(BOM);
      const xml = raw.replace(/^\uFEFF/, '');
      const sections = SECTION_TAGS.map((t) => findSection(xml, t));
      const replaced = fileNameOf(sol, custEntry);
      const combos = rot.section.pick(SHAPES_PER_TARGET, (i) => {
        const shape = SECTION_SHAPES[sectionCombo(i).shape] as SectionShape;
        const section = sections[sectionCombo(i).tag];
        const tag = SECTION_TAGS[sectionCombo(i).tag] as SectionTag;
        return section !== undefined && (!shape.needsRecords || section.records) && (shape.tags === undefined || shape.tags.includes(tag));
      });
      for (const i of combos) {
        const shape = SECTION_SHAPES[sectionCombo(i).shape] as SectionShape;
        const tag = SECTION_TAGS[sectionCombo(i).tag] as SectionTag;
        const section = sections[sectionCombo(i).tag] as NonNullable<(typeof sections)[number]>;
        // Apps whose only record was in the replaced section need not survive it (their .msapp alone does not name them).
        const apps = tag === 'CanvasApps' ? new Set(sol.apps.filter((a) => sameFile(a.metaOrigin, replaced)).map((a) => a.name)) : new Set<string>();
        add({
          title: `1c customizations.xml <${tag}> → ${shape.name} | ${folder}: ${custEntry}`,
          kind: '1c customizations.xml section',
          shape: i,
          shapeName: `<${tag}>: ${shape.name}`,
          pristine: p,
          replaced,
          edits: async () => [{ entry: custEntry, bytes: enc.encode((bom ? BOM : '') + xml.slice(0, section.start) + shape.make(tag, section.text) + xml.slice(section.end)) }],
          about: {},
          exempt: { apps },
        });
      }
    }

    // 2a: '@@odata.etag' in the flow's response schema, '@odata.etag' in the app's stored WADL.
    const etagPairs: { app: CanvasApp; call: FlowCall; flow: Flow; appEntry: string; dsName: string; wadlEntry?: string }[] = [];
    for (const c of calls.filter((c) => c.app.document === 'msapp')) {
      const appEntry = entryOf(sol, c.app.origin);
      const dsName = (dataSourcesEntry(sf, sol, appEntry)) as string;
      const doc = parseJsonBytes(readEntry(sf, sol, appEntry, dsName)).value;
      const entry = (doc.DataSources as Json[]).find((e) => isFlowEntry(e) && e.Name === c.call.dataSource);
      const wadl = entry?.WadlMetadata?.WadlXml;
      if (typeof wadl !== 'string' || !wadlResponseHasProperties(wadl)) continue;
      const { value: def } = parseJsonBytes(readEntry(sf, sol, entryOf(sol, c.flow.origin)));
      if (addEtagToFlow(clone(def)) === 0) continue;
      const wadlEntry = `CanvasApps/src/${c.app.name}/pkgs/Wadl/${c.call.dataSource}.xml`;
      etagPairs.push({ ...c, appEntry, dsName, ...(sf.files.some((f) => f.path === `${sol.path}/${wadlEntry}`) ? { wadlEntry } : {}) });
    }
    if (etagPairs.length > 0) {
      const build = async (toFlow: boolean, toApp: boolean): Promise<FileEdit[]> => {
        const edits: FileEdit[] = [];
        if (toFlow) {
          for (const id of new Set(etagPairs.map((e) => e.flow.id))) {
            const entry = entryOf(sol, (etagPairs.find((e) => e.flow.id === id) as (typeof etagPairs)[number]).flow.origin);
            const { value: def, bom } = parseJsonBytes(readEntry(sf, sol, entry));
            addEtagToFlow(def);
            edits.push({ entry, bytes: enc.encode((bom ? BOM : '') + JSON.stringify(def)) });
          }
        }
        if (toApp) {
          for (const appEntry of new Set(etagPairs.map((e) => e.appEntry))) {
            const pairs = etagPairs.filter((e) => e.appEntry === appEntry);
            const dsName = (pairs[0] as (typeof etagPairs)[number]).dsName;
            const { value: doc, bom } = parseJsonBytes(readEntry(sf, sol, appEntry, dsName));
            for (const e of doc.DataSources as Json[]) {
              if (isFlowEntry(e) && pairs.some((x) => x.call.dataSource === e.Name)) e.WadlMetadata.WadlXml = addEtagToWadl(e.WadlMetadata.WadlXml);
            }
            edits.push({ entry: appEntry, inner: dsName, bytes: enc.encode((bom ? BOM : '') + JSON.stringify(doc)) });
            // Keep the unpacked copy of the WADL in step (FlowGuard reads the .msapp when it is there).
            for (const x of pairs) {
              if (!x.wadlEntry) continue;
              const old = bytesText(sf.read(`${sol.path}/${x.wadlEntry}`));
              if (wadlResponseHasProperties(old)) edits.push({ entry: x.wadlEntry, bytes: enc.encode(addEtagToWadl(old)) });
            }
          }
        }
        return edits;
      };
      const names = [...new Set(etagPairs.map((e) => `'${e.call.dataSource}' → ${e.flow.name}`))];
      plan.wdlEscape.push({
        title: `2a WDL escape: flow response '${ETAG_WDL}' ≡ app WADL '${ETAG}' | ${folder}: ${names.join(', ')}`,
        pristine: p,
        changes: names,
        edits: () => build(true, true),
      });
      if (!plan.controls.some((c) => c.expectRule === 'FG102')) {
        const first = etagPairs[0] as (typeof etagPairs)[number];
        plan.controls.push({
          title: `control for 2a: '${ETAG}' added to the app's WADL only is reported (FG102) | ${folder}`,
          pristine: p,
          edits: () => build(false, true),
          expectRule: 'FG102',
          expectAbout: (f) => f.app?.name === first.app.name && f.flow?.id === first.flow.id,
        });
      }
    }

    // 2b: connector api names and connection-key hex escapes in another case.
    const recased: { entry: string; changes: string[] }[] = [];
    for (const f of flows) {
      const entry = entryOf(sol, f.origin);
      const changes = recaseConnectors(parseJsonBytes(readEntry(sf, sol, entry)).value);
      if (changes.length > 0) recased.push({ entry, changes });
    }
    if (recased.length > 0) {
      plan.caseInsensitive.push({
        title: `2b case-insensitive ids: connector api names upper-cased, key hex escapes upper-cased | ${folder}: ${recased.length} flow(s)`,
        pristine: p,
        changes: recased.flatMap((r) => r.changes.map((c) => `${r.entry}: ${c}`)),
        async edits() {
          const out: FileEdit[] = [];
          for (const r of recased) {
            const { value: def, bom } = parseJsonBytes(readEntry(sf, sol, r.entry));
            recaseConnectors(def);
            out.push({ entry: r.entry, bytes: enc.encode((bom ? BOM : '') + JSON.stringify(def)) });
          }
          return out;
        },
      });
    }
    const recorded = calls.find((c) => c.call.connectionsRecorded && c.flow.connections.some((x) => c.call.storedConnections.some((s) => s.key === x.key)));
    if (recorded && !plan.controls.some((c) => c.expectRule === 'FG103')) {
      const key = (recorded.flow.connections.find((x) => recorded.call.storedConnections.some((s) => s.key === x.key)) as Flow['connections'][number]).key;
      const entry = entryOf(sol, recorded.flow.origin);
      plan.controls.push({
        title: `control for 2b: connection '${key}' moved to another connector is reported (FG103) | ${folder}`,
        pristine: p,
        async edits() {
          const { value: def, bom } = parseJsonBytes(readEntry(sf, sol, entry));
          def.properties.connectionReferences[key].api = { name: 'shared_flowguardsweepcontrol' };
          return [{ entry, bytes: enc.encode((bom ? BOM : '') + JSON.stringify(def)) }];
        },
        expectRule: 'FG103',
        expectAbout: (f) => f.app?.name === recorded.app.name && f.flow?.id === recorded.flow.id,
      });
    }
    // Control for 1: a readable change to the replaced flow is drift the check counts.
    const v2 = calls.find((c) => c.flow === flow && c.flow.trigger?.powerApps === 'v2');
    if (v2 && !plan.controls.some((c) => c.expectRule === 'FG101')) {
      const entry = entryOf(sol, v2.flow.origin);
      plan.controls.push({
        title: `control for 1: a readable new required input in the replaced flow is drift (FG101) | ${folder}: ${entry}`,
        pristine: p,
        async edits() {
          const { value: def, bom } = parseJsonBytes(readEntry(sf, sol, entry));
          const schema = firstTrigger(def).inputs.schema;
          schema.properties.text_sweep = { title: 'Added by the sweep', type: 'string' };
          schema.required = [...(Array.isArray(schema.required) ? schema.required : []), 'text_sweep'];
          return [{ entry, bytes: enc.encode((bom ? BOM : '') + JSON.stringify(def)) }];
        },
        expectRule: 'FG101',
        expectAbout: (f) => f.flow?.id === v2.flow.id,
      });
    }
  }
  return plan;
}

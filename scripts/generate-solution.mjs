#!/usr/bin/env node
// Generates large (or many) solution zips from a REAL export, for the benchmark (issue 10).
//
//   node scripts/generate-solution.mjs [--source export.zip] --flows 300 --apps 30 --out big.zip [--unique-name X] [--seed S]
//   node scripts/generate-solution.mjs [--source export.zip] --solutions 100 --out-dir DIR [--flows F --apps A] [--edit-flow K]
//
// The flows the source's canvas apps call are the templates: flow copy j is template j mod T, with
// a fresh workflow id (file name, customizations.xml <Workflow WorkflowId>, solution.xml
// RootComponent), a fresh environment flow name and a distinct display name. Each app copy gets a
// fresh schema name, display name and app id, and its flow data sources are repointed to a set of
// flow copies no other app uses (every flow is called by exactly one app): the data source entry
// (WorkflowEntityId, FlowNameId, Name), its stored signature (WADL serviceId and title), the
// app's connections (Properties.json LocalConnectionReferences, the app record's
// ConnectionReferences and CdsDependencies) and the formulas that call it. A behaviour formula
// that calls a template is repeated once per copy with the copy's name, so every data source has
// a call site with the template's arguments. Flows and apps that call no flow are left out.
// Nothing is padded with filler: every part of the output is a rewritten copy of a part of the
// source export. (An app's Src/*.pa.yaml copies, if any, are not rewritten: FlowGuard reads the
// Controls/*.json formulas when an .msapp has them.) Ids come from a seeded hash, and the zip is
// written with fixed dates, so the same arguments give byte-identical output.
//
// --solutions N writes N solutions (default 1 app calling one copy of each template, from the
// small default many-source) with distinct unique names and ids: DIR/<UniqueName>.zip.
// --edit-flow K changes a flow's definition (an action description; the signature and ids stay):
// flow K, or with --solutions the first flow of solution K — the many-solutions benchmark's second commit.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { copyEntry, fileEntry, readZip, writeZip } from './solution-zip.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CORPUS = process.env.FLOWGUARD_CORPUS ?? resolve(ROOT, '..', 'shared', 'corpus');
/** Default source of the large solution: an app of 3.5 MB calling two flows (a V1 and a V2 trigger), all bound by WorkflowEntityId. */
export const DEFAULT_SOURCE = join(CORPUS, 'pnpapps-incident-management-teams', 'MSFTPOCIncidentsApp_1_0_0_9.zip');
/** Default source of the many small solutions: ContosoSchool (0.6 MB app, two V2 flows). */
export const DEFAULT_MANY_SOURCE = join(CORPUS, 'pnp-contoso-school', 'ContosoSchool.zip');

const FLOW_API = /\/shared_logicflows$/i;
const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

// ---------------------------------------------------------------- small helpers

const BOM = '\uFEFF';
function decode(buf) {
  const t = buf.toString('utf8');
  return t.startsWith(BOM) ? { bom: true, text: t.slice(1) } : { bom: false, text: t };
}
const encode = ({ bom, text }) => Buffer.from((bom ? BOM : '') + text, 'utf8');
const escRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const xmlUnescape = (s) =>
  s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-f]+|#\d+);/gi, (_, e) => {
    const k = e.toLowerCase();
    if (k === 'lt') return '<';
    if (k === 'gt') return '>';
    if (k === 'quot') return '"';
    if (k === 'apos') return "'";
    if (k === 'amp') return '&';
    return String.fromCodePoint(k.startsWith('#x') ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10));
  });
const xmlEscapeText = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const pad = (n, width) => String(n).padStart(width, '0');
const isRecord = (x) => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Deterministic ids: a hash of the seed and a label, shaped as a version-4 GUID. */
function idMaker(seed) {
  const seen = new Set();
  const bytes = (label) => createHash('sha256').update(`${seed}\u0000${label}`).digest();
  return {
    guid(label) {
      const b = bytes(label);
      b[6] = (b[6] & 0x0f) | 0x40;
      b[8] = (b[8] & 0x3f) | 0x80;
      const h = b.subarray(0, 16).toString('hex');
      const g = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
      if (seen.has(g)) throw new Error(`id collision for ${label}`);
      seen.add(g);
      return g;
    },
    hex(label, n) {
      return bytes(label).toString('hex').slice(0, n);
    },
  };
}

/** Spans [start, end) of the elements of the JSON array whose '[' is at `open`. */
function arrayElementSpans(text, open) {
  const spans = [];
  let depth = 0;
  let start = -1;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; text[i] !== '"'; i++) if (text[i] === '\\') i++;
      if (depth === 1 && start < 0) start = i; // a string element
      continue;
    }
    if (c === '[' || c === '{') {
      depth++;
      if (depth === 2 && start < 0) start = i;
      continue;
    }
    if (c === ']' || c === '}') {
      depth--;
      if (depth === 1 && start >= 0) {
        spans.push([start, i + 1]);
        start = -1;
      }
      if (depth === 0) return spans;
      continue;
    }
  }
  throw new Error('unterminated JSON array');
}

// ---------------------------------------------------------------- reading the source

function readSource(path) {
  const zipBytes = readFileSync(path);
  const entries = readZip(zipBytes);
  const byLower = new Map(entries.map((e) => [e.name.replace(/\\/g, '/').toLowerCase(), e]));
  const text = (name) => {
    const e = byLower.get(name.toLowerCase());
    if (!e) throw new Error(`${basename(path)}: no ${name} (an exported solution zip is expected)`);
    return { entry: e, ...decode(e.data()) };
  };
  const solution = text('solution.xml');
  const customizations = text('customizations.xml');
  const contentTypes = byLower.has('[content_types].xml') ? text('[Content_Types].xml') : undefined;

  const workflows = [];
  for (const m of customizations.text.matchAll(/<Workflow\s+WorkflowId="\{?([0-9a-fA-F-]{36})\}?"\s+Name="([^"]*)"[\s\S]*?<\/Workflow>/g)) {
    const jsonFile = /<JsonFileName>\/?([^<]+)<\/JsonFileName>/.exec(m[0])?.[1];
    workflows.push({ id: m[1].toLowerCase(), nameRaw: m[2], name: xmlUnescape(m[2]), block: m[0], jsonFile });
  }
  const apps = [];
  for (const m of customizations.text.matchAll(/<CanvasApp>[\s\S]*?<\/CanvasApp>/g)) {
    const block = m[0];
    const schema = /<Name>([^<]+)<\/Name>/.exec(block)?.[1];
    const displayRaw = /<DisplayName>([^<]*)<\/DisplayName>/.exec(block)?.[1] ?? schema;
    const docUri = (/<DocumentUri>\/?([^<]+)<\/DocumentUri>/.exec(block)?.[1] ?? `CanvasApps/${schema}_DocumentUri.msapp`).toLowerCase();
    const msappEntry = byLower.get(docUri);
    if (!msappEntry) throw new Error(`${basename(path)}: app ${schema} has no document ${docUri}`);
    apps.push({ schema, displayRaw, block, msappEntry, msapp: readZip(msappEntry.data()) });
  }
  return { path, entries, solution, customizations, contentTypes, workflows, apps };
}

/** The flow data sources of an .msapp (References/DataSources.json), with the text span of each entry. */
function flowDataSources(msapp) {
  const e = msapp.find((x) => x.name.replace(/\\/g, '/').toLowerCase() === 'references/datasources.json');
  if (!e) return { entry: undefined, doc: undefined, sources: [] };
  const doc = decode(e.data());
  const key = doc.text.indexOf('"DataSources"');
  const open = doc.text.indexOf('[', key);
  if (key < 0 || open < 0) throw new Error('DataSources.json has no DataSources array');
  const sources = [];
  for (const [start, end] of arrayElementSpans(doc.text, open)) {
    const value = JSON.parse(doc.text.slice(start, end));
    if (isRecord(value) && value.Type === 'ServiceInfo' && FLOW_API.test(String(value.ApiId ?? ''))) sources.push({ start, end, value });
    else if (isRecord(value) && value.ServiceKind === 'AddinWadl') throw new Error(`data source '${value.Name}' is a legacy AddinWadl flow; choose a source whose apps use ConnectedWadl`);
  }
  return { entry: e, doc, sources };
}

// ---------------------------------------------------------------- the plan: who calls what

function plan(src, { flows, apps, seed }) {
  const ids = idMaker(seed);
  const byId = new Map(src.workflows.map((w) => [w.id, w]));
  const templates = []; // { flow, dataSource (name), entry (DataSources value) }
  const callers = []; // source apps that call flows, with the template indexes they call
  for (const app of src.apps) {
    const ds = flowDataSources(app.msapp);
    if (ds.sources.length === 0) continue;
    const used = [];
    for (const { value } of ds.sources) {
      const wid = String(value.WorkflowEntityId ?? '').toLowerCase();
      const flow = byId.get(wid);
      if (!flow) throw new Error(`app ${app.schema}: flow data source '${value.Name}' has WorkflowEntityId ${wid || '(none)'}, which is not a flow of this solution; choose a source whose app calls bind by id`);
      let t = templates.findIndex((x) => x.flow.id === wid);
      if (t < 0) {
        t = templates.length;
        templates.push({ flow, dataSource: value.Name });
      } else if (templates[t].dataSource !== value.Name) throw new Error(`flow ${wid} is called under two data source names; not supported`);
      used.push(t);
    }
    callers.push({ app, ds, templates: used });
  }
  if (callers.length === 0) throw new Error(`${basename(src.path)}: no canvas app calls a flow`);
  for (const t of templates) {
    const file = t.flow.jsonFile;
    if (!file) throw new Error(`flow ${t.flow.id} has no JsonFileName`);
    const m = new RegExp(`^(.*?)-?(${GUID.source})\\.json$`, 'i').exec(basename(file));
    t.stem = m ? m[1] : basename(file, '.json');
    t.dir = dirname(file) === '.' ? '' : `${dirname(file)}/`;
    t.jsonEntry = src.entries.find((e) => e.name.replace(/\\/g, '/').toLowerCase() === file.toLowerCase());
    if (!t.jsonEntry) throw new Error(`flow file ${file} is missing from the zip`);
  }
  const T = templates.length;
  const fw = Math.max(3, String(flows).length);
  const aw = Math.max(2, String(apps).length);

  const flowCopies = [];
  for (let j = 0; j < flows; j++) {
    const t = templates[j % T];
    const n = pad(j + 1, fw);
    const id = ids.guid(`flow:${j}`);
    flowCopies.push({
      index: j,
      template: j % T,
      id,
      flowName: ids.guid(`flowname:${j}`), // the environment "name" the app records (parameterHints.workflowName)
      flowNameId: ids.guid(`flownameid:${j}`), // DataSources.json FlowNameId
      nameRaw: `${t.flow.nameRaw} ${n}`,
      name: `${t.flow.name} ${n}`,
      dataSource: `${t.dataSource}${n}`,
      file: `${t.dir}${t.stem}${n}-${id.toUpperCase()}.json`,
      number: n,
    });
  }

  const appCopies = [];
  for (let a = 0; a < apps; a++) {
    const caller = callers[a % callers.length];
    const base = caller.app.schema.replace(/_[0-9a-z]{5}$/i, '');
    const n = pad(a + 1, aw);
    appCopies.push({
      index: a,
      caller,
      number: n,
      schema: `${base}${n}_${ids.hex(`appsuffix:${a}`, 5)}`,
      displayRaw: `${caller.app.displayRaw} ${n}`,
      appId: ids.guid(`appid:${a}`),
      fileId: ids.guid(`fileid:${a}`),
      calls: new Map(), // template index -> flow copies
    });
  }
  // Flow copies of each template, split in contiguous chunks over the apps whose source calls it.
  for (let t = 0; t < T; t++) {
    const pool = flowCopies.filter((f) => f.template === t);
    const takers = appCopies.filter((a) => a.caller.templates.includes(t));
    if (pool.length < takers.length) {
      throw new Error(`${flows} flows are too few for ${apps} apps: each app needs a copy of each of the ${T} flows its source calls (at least ${T * apps} flows)`);
    }
    takers.forEach((a, i) => {
      const from = Math.floor((i * pool.length) / takers.length);
      const to = Math.floor(((i + 1) * pool.length) / takers.length);
      a.calls.set(t, pool.slice(from, to));
    });
  }
  for (const a of appCopies) {
    a.lcrKeys = new Map(); // flow copy index -> the app-local connection entry id
    for (const list of a.calls.values()) for (const f of list) a.lcrKeys.set(f.index, ids.guid(`lcr:${a.index}:${f.index}`));
  }
  return { templates, callers, flowCopies, appCopies, ids };
}

// ---------------------------------------------------------------- rewriting an app

/** The Power Fx forms of a data source name: 'quoted' always works, bare only for plain identifiers. */
function nameMatcher(names) {
  const alts = names.map((n) => {
    const quoted = `'${n.replace(/'/g, "''")}'`;
    return /^[A-Za-z_][A-Za-z0-9_]*$/.test(n) ? `${escRe(quoted)}|(?<![A-Za-z0-9_'.])${escRe(n)}(?![A-Za-z0-9_'])` : escRe(quoted);
  });
  return new RegExp(alts.join('|'), 'g');
}
const unquote = (token) => (token.startsWith("'") ? token.slice(1, -1).replace(/''/g, "'") : token);
const requote = (token, name) => (token.startsWith("'") ? `'${name.replace(/'/g, "''")}'` : name);

/** Rewrites the formulas of one control file; returns the new text, or undefined when nothing calls a template. */
function rewriteFormulas(text, app, templates, called) {
  const names = [...app.calls.keys()].map((t) => templates[t].dataSource);
  const match = nameMatcher(names);
  const byName = new Map([...app.calls.keys()].map((t) => [templates[t].dataSource, t]));
  let out = '';
  let last = 0;
  let changed = false;
  const marker = '"InvariantScript":"';
  for (let at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) {
    const q = at + marker.length - 1;
    let end = q + 1;
    for (; text[end] !== '"'; end++) if (text[end] === '\\') end++;
    const script = JSON.parse(text.slice(q, end + 1));
    match.lastIndex = 0;
    const mentioned = new Set();
    for (const m of script.matchAll(match)) mentioned.add(byName.get(unquote(m[0])));
    if (mentioned.size === 0) continue;
    const rule = text.slice(text.lastIndexOf('{', at), at);
    const category = /"Category":"([^"]*)"/.exec(rule)?.[1] ?? '';
    const property = /"Property":"([^"]*)"/.exec(rule)?.[1] ?? '';
    const behaviour = category === 'Behavior' || /^On[A-Z]/.test(property);
    const times = behaviour ? Math.max(...[...mentioned].map((t) => app.calls.get(t).length)) : 1;
    const copies = [];
    for (let i = 0; i < times; i++) {
      copies.push(
        script.replace(match, (token) => {
          const list = app.calls.get(byName.get(unquote(token)));
          const f = list[i % list.length];
          called.add(f.index);
          return requote(token, f.dataSource);
        }),
      );
    }
    const nl = script.includes('\r\n') ? '\r\n' : '\n';
    const joined = copies.length === 1 ? copies[0] : copies.map((c) => c.replace(/;\s*$/, '')).join(`;${nl}`);
    out += text.slice(last, q) + JSON.stringify(joined);
    last = end + 1;
    changed = true;
  }
  return changed ? out + text.slice(last) : undefined;
}

/** The app-local connection entries (LocalConnectionReferences, or the app record's ConnectionReferences) for one app copy. */
function rewriteConnections(refs, app, templates) {
  const keyMap = new Map(); // template entry key -> copy entry keys
  const out = {};
  const isFlowEntry = (v) => FLOW_API.test(String(v?.connectionRef?.id ?? v?.id ?? '')) || /\/shared_logicflows\//i.test(String(v?.connectionInstanceId ?? ''));
  for (const [key, value] of Object.entries(refs)) {
    if (!isFlowEntry(value)) continue;
    const dsList = Array.isArray(value.dataSources) ? value.dataSources : [];
    const t = templates.findIndex((x) => dsList.includes(x.dataSource));
    if (t < 0) continue;
    if (dsList.length !== 1) throw new Error(`a flow connection entry lists several data sources (${dsList.join(', ')}); not supported`);
    keyMap.set(key, (app.calls.get(t) ?? []).map((f) => app.lcrKeys.get(f.index)));
  }
  const remap = (v) => {
    if (Array.isArray(v)) return v.flatMap((x) => (typeof x === 'string' && keyMap.has(x) ? keyMap.get(x) : [remap(x)]));
    if (isRecord(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, remap(x)]));
    return v;
  };
  const setHints = (hints, f) => {
    if (!isRecord(hints)) return;
    if (isRecord(hints.workflowName)) hints.workflowName = { ...hints.workflowName, value: f.flowName };
    if (isRecord(hints.workflowEntityId)) hints.workflowEntityId = { ...hints.workflowEntityId, value: f.id };
    if (isRecord(hints.workflowDisplayName)) hints.workflowDisplayName = { ...hints.workflowDisplayName, value: f.name };
  };
  for (const [key, value] of Object.entries(refs)) {
    if (!keyMap.has(key)) {
      out[key] = remap(value);
      continue;
    }
    const t = templates.findIndex((x) => value.dataSources.includes(x.dataSource));
    for (const f of app.calls.get(t) ?? []) {
      const k = app.lcrKeys.get(f.index);
      const e = remap(structuredClone(value));
      if ('id' in e && GUID.test(String(e.id)) && !String(e.id).includes('/')) e.id = k;
      if (typeof e.connectionInstanceId === 'string') {
        e.connectionInstanceId = e.connectionInstanceId.replace(/(\/connections\/)([0-9a-f]{32})(-[0-9a-f]+)?$/i, (_, p, _h, s) => `${p}${f.flowName.replace(/-/g, '')}${s ?? ''}`);
      }
      e.dataSources = [f.dataSource];
      setHints(e.parameterHints, f);
      setHints(e.parameterHintsV2, f);
      setHints(e.connectionRef?.parameterHints, f);
      setHints(e.connectionRef?.parameterHintsV2, f);
      if (isRecord(e.connectionParameters)) {
        if ('workflowEntityId' in e.connectionParameters) e.connectionParameters.workflowEntityId = f.id;
        if ('workflowName' in e.connectionParameters) e.connectionParameters.workflowName = f.flowName;
      }
      out[k] = e;
    }
  }
  return out;
}

/** The WADL of a flow copy: its serviceId is the data source name, its title the copy's number appended. */
function rewriteWadl(wadl, f) {
  return wadl
    .replace(/(siena:serviceId=")[^"]*(")/, (_, a, b) => `${a}${f.dataSource.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}${b}`)
    .replace(/(<doc title=")([^"]*)(")/, (_, a, t, b) => `${a}${t} ${f.number}${b}`);
}

function buildMsapp(app, plan) {
  const { templates } = plan;
  const src = app.caller;
  const called = new Set();
  const out = [];
  let formulaFiles = 0;
  for (const e of src.app.msapp) {
    const key = e.name.replace(/\\/g, '/').toLowerCase();
    if (e === src.ds.entry) {
      const { doc, sources } = src.ds;
      let text = '';
      let last = 0;
      for (const s of sources) {
        const t = templates.findIndex((x) => x.dataSource === s.value.Name);
        const copies = (app.calls.get(t) ?? []).map((f) => {
          const v = structuredClone(s.value);
          v.Name = f.dataSource;
          if ('FlowNameId' in v) v.FlowNameId = f.flowNameId;
          v.WorkflowEntityId = f.id;
          if (typeof v.WadlMetadata?.WadlXml === 'string') v.WadlMetadata.WadlXml = rewriteWadl(v.WadlMetadata.WadlXml, f);
          return JSON.stringify(v);
        });
        text += doc.text.slice(last, s.start) + copies.join(',');
        last = s.end;
      }
      out.push(fileEntry(e.name, encode({ bom: doc.bom, text: text + doc.text.slice(last) })));
    } else if (key === 'properties.json') {
      const doc = decode(e.data());
      const p = JSON.parse(doc.text);
      p.Name = xmlUnescape(app.displayRaw);
      if ('Id' in p) p.Id = app.appId;
      if ('FileID' in p) p.FileID = app.fileId;
      if (typeof p.LocalConnectionReferences === 'string' && p.LocalConnectionReferences !== '') {
        p.LocalConnectionReferences = JSON.stringify(rewriteConnections(JSON.parse(p.LocalConnectionReferences), app, templates));
      } else if (isRecord(p.LocalConnectionReferences)) {
        p.LocalConnectionReferences = rewriteConnections(p.LocalConnectionReferences, app, templates);
      }
      out.push(fileEntry(e.name, encode({ bom: doc.bom, text: JSON.stringify(p) })));
    } else if (key === 'resources/publishinfo.json') {
      const doc = decode(e.data());
      const p = JSON.parse(doc.text);
      if ('AppName' in p) p.AppName = xmlUnescape(app.displayRaw);
      out.push(fileEntry(e.name, encode({ bom: doc.bom, text: JSON.stringify(p) })));
    } else if (/^(controls|components)\/[^/]+\.json$/.test(key)) {
      if (key.startsWith('controls/')) formulaFiles++;
      const doc = decode(e.data());
      const text = doc.text.includes('Run') ? rewriteFormulas(doc.text, app, templates, called) : undefined;
      out.push(text === undefined ? copyEntry(e) : fileEntry(e.name, encode({ bom: doc.bom, text })));
    } else out.push(copyEntry(e));
  }
  if (formulaFiles === 0) throw new Error(`app ${src.app.schema} keeps no Controls/*.json formulas (pa.yaml-only apps are not supported by the generator)`);
  for (const list of app.calls.values()) {
    for (const f of list) if (!called.has(f.index)) throw new Error(`app copy ${app.schema}: no behaviour formula calls '${f.dataSource}' (the source calls it only from non-behaviour properties)`);
  }
  return writeZip(out);
}

function buildAppRecord(app, plan) {
  const { templates } = plan;
  let block = app.caller.app.block.split(app.caller.app.schema).join(app.schema);
  block = block.replace(/<DisplayName>[^<]*<\/DisplayName>/, `<DisplayName>${app.displayRaw}</DisplayName>`);
  block = block.replace(/(<ConnectionReferences>)([^<]*)(<\/ConnectionReferences>)/, (all, a, body, b) => {
    const raw = xmlUnescape(body).trim();
    if (!raw.startsWith('{')) return all;
    return a + xmlEscapeText(JSON.stringify(rewriteConnections(JSON.parse(raw), app, templates))) + b;
  });
  block = block.replace(/(<CdsDependencies>)([^<]*)(<\/CdsDependencies>)/, (all, a, body, b) => {
    const raw = xmlUnescape(body).trim();
    if (!raw.startsWith('{')) return all;
    const doc = JSON.parse(raw);
    if (!Array.isArray(doc.cdsdependencies)) return all;
    doc.cdsdependencies = doc.cdsdependencies.flatMap((d) => {
      const t = templates.findIndex((x) => String(d.dependencyid ?? '').toLowerCase() === x.flow.id);
      if (t < 0 || Number(d.componenttype) !== 29) return [d];
      return (app.calls.get(t) ?? []).map((f) => ({ ...d, dependencyid: f.id }));
    });
    return a + xmlEscapeText(JSON.stringify(doc)) + b;
  });
  return block;
}

function buildWorkflowRecord(t, f) {
  const id = t.flow.id;
  return t.flow.block
    .replace(/WorkflowId="\{?[0-9a-fA-F-]{36}\}?"/, `WorkflowId="{${f.id}}"`)
    .replace(/(\sName=")[^"]*(")/, (_, a, b) => `${a}${f.nameRaw}${b}`)
    .replace(/<JsonFileName>[^<]*<\/JsonFileName>/, `<JsonFileName>/${f.file}</JsonFileName>`)
    .replace(new RegExp(`(<LocalizedName\\b[^>]*description=")${escRe(t.flow.nameRaw)}(")`, 'g'), (_, a, b) => `${a}${f.nameRaw}${b}`)
    .replace(new RegExp(escRe(id), 'gi'), f.id);
}

/** Changes a flow's definition without touching its signature: the first action gets a description. */
function editFlow(bytes) {
  const doc = decode(bytes);
  const flow = JSON.parse(doc.text);
  const actions = flow?.properties?.definition?.actions;
  const first = actions && Object.keys(actions)[0];
  if (!first) throw new Error('the flow to edit has no actions');
  actions[first].description = 'Changed in the second commit of the FlowGuard benchmark';
  // Written back in the source's layout (indent, line ends), so the diff is the change.
  const indent = /\n([ \t]+)"/.exec(doc.text)?.[1] ?? (doc.text.includes('\n') ? '  ' : '');
  let text = JSON.stringify(flow, null, indent);
  if (doc.text.includes('\r\n')) text = text.replace(/\n/g, '\r\n');
  return encode({ bom: doc.bom, text: text + (/\r?\n$/.exec(doc.text)?.[0] ?? '') });
}

// ---------------------------------------------------------------- the solution

/**
 * Builds one generated solution zip from a source export.
 * `editFlow` K (1-based, 0 for none) changes flow copy K's definition, not its signature.
 * Returns { bytes, uniqueName, flows: [{id, name}], apps: [{schema, calls}] }.
 */
export function generateSolution({ source = DEFAULT_SOURCE, flows = 300, apps = 30, uniqueName, seed, editFlow: edit = 0 } = {}) {
  const src = typeof source === 'string' ? readSource(source) : source;
  const origUnique = /<SolutionManifest>\s*<UniqueName>([^<]+)<\/UniqueName>/.exec(src.solution.text)?.[1];
  if (!origUnique) throw new Error('solution.xml has no SolutionManifest/UniqueName');
  const unique = uniqueName ?? `${origUnique}_${flows}f${apps}a`;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(unique)) throw new Error(`unique name '${unique}' must be letters, digits and underscores`);
  const p = plan(src, { flows, apps, seed: seed ?? `${basename(src.path)}|${unique}|${flows}|${apps}` });
  const { templates, flowCopies, appCopies } = p;
  const templateIds = new Set(templates.map((t) => t.flow.id));
  const sourceApps = new Set(p.callers.map((c) => c.app.schema));
  const allSourceApps = src.apps.map((a) => a.schema);

  // solution.xml: unique name, display name, root components.
  let solution = src.solution.text.replace(/(<SolutionManifest>\s*<UniqueName>)[^<]+(<\/UniqueName>)/, `$1${unique}$2`);
  solution = solution.replace(/(<SolutionManifest>\s*<UniqueName>[^<]+<\/UniqueName>\s*<LocalizedNames>\s*<LocalizedName\s+description=")[^"]*(")/, `$1${unique}$2`);
  solution = solution.replace(/(<RootComponents>)([\s\S]*?)(\s*<\/RootComponents>)/, (_all, open, body, close) => {
    const indent = /\n([ \t]*)<RootComponent/.exec(body)?.[1] ?? '      ';
    const lines = [...body.matchAll(/<RootComponent\b[^>]*\/>/g)].map((m) => m[0]);
    const keep = [];
    let flowLine;
    let appLine;
    for (const l of lines) {
      const type = /type="(\d+)"/.exec(l)?.[1];
      const id = /id="\{?([0-9a-fA-F-]{36})\}?"/.exec(l)?.[1]?.toLowerCase();
      const schema = /schemaName="([^"]*)"/.exec(l)?.[1];
      if (type === '29' && id && src.workflows.some((w) => w.id === id)) flowLine ??= l;
      else if (type === '300' && schema && allSourceApps.includes(schema)) appLine ??= l;
      else keep.push(l);
    }
    flowLine ??= '<RootComponent type="29" id="{x}" behavior="0" />';
    appLine ??= '<RootComponent type="300" schemaName="x" behavior="0" />';
    const added = [
      ...flowCopies.map((f) => f.id).sort().map((id) => flowLine.replace(/id="[^"]*"/, `id="{${id}}"`)),
      ...appCopies.map((a) => a.schema).sort().map((s) => appLine.replace(/schemaName="[^"]*"/, `schemaName="${s}"`)),
    ];
    const ordered = [...keep, ...added].map((l, i) => ({ l, i, type: Number(/type="(\d+)"/.exec(l)?.[1] ?? 0) }));
    ordered.sort((a, b) => a.type - b.type || a.i - b.i);
    return open + ordered.map((x) => `\n${indent}${x.l}`).join('') + close;
  });

  // Missing dependencies of a source app or flow: one per copy (those of left-out components go).
  solution = solution.replace(/(\s*)(<MissingDependency>[\s\S]*?<\/MissingDependency>)/g, (all, ws, block) => {
    const dep = /<Dependent\b[^>]*>/.exec(block)?.[0] ?? '';
    const type = /\stype="(\d+)"/.exec(dep)?.[1];
    const schema = /\sschemaName="([^"]*)"/.exec(dep)?.[1];
    const id = /\sid="\{?([0-9a-fA-F-]{36})\}?"/.exec(dep)?.[1]?.toLowerCase();
    const attr = (tag, name, value) => tag.replace(new RegExp(`(\\s${name}=")[^"]*(")`), (_m, x, y) => `${x}${value}${y}`);
    if (type === '300' && allSourceApps.includes(schema)) {
      return appCopies
        .filter((a) => a.caller.app.schema === schema)
        .map((a) => ws + block.replace(dep, attr(attr(dep, 'schemaName', a.schema), 'displayName', a.displayRaw)))
        .join('');
    }
    if (type === '29' && id && src.workflows.some((w) => w.id === id)) {
      const t = templates.findIndex((x) => x.flow.id === id);
      return flowCopies
        .filter((f) => f.template === t)
        .map((f) => ws + block.replace(dep, attr(attr(dep, 'id', `{${f.id}}`), 'displayName', f.nameRaw)))
        .join('');
    }
    return all;
  });

  // customizations.xml: one <Workflow> per flow copy, one <CanvasApp> per app copy.
  let cust = src.customizations.text.replace(/(\s*)(<Workflow\s+WorkflowId="\{?([0-9a-fA-F-]{36})\}?"[\s\S]*?<\/Workflow>)/g, (_all, ws, _block, id) => {
    const t = templates.findIndex((x) => x.flow.id === id.toLowerCase());
    if (t < 0) return ''; // a flow no app calls: left out
    return flowCopies
      .filter((f) => f.template === t)
      .map((f) => ws + buildWorkflowRecord(templates[t], f))
      .join('');
  });
  cust = cust.replace(/(\s*)(<CanvasApp>[\s\S]*?<\/CanvasApp>)/g, (_all, ws, block) => {
    const schema = /<Name>([^<]+)<\/Name>/.exec(block)?.[1];
    if (!sourceApps.has(schema)) return ''; // an app that calls no flow: left out
    return appCopies
      .filter((a) => a.caller.app.schema === schema)
      .map((a) => ws + buildAppRecord(a, p))
      .join('');
  });

  // [Content_Types].xml: the app parts' overrides, per app copy.
  let contentTypes = src.contentTypes?.text;
  if (contentTypes) {
    contentTypes = contentTypes.replace(/<Override\s+PartName="\/CanvasApps\/([^"]+)"[^>]*\/>/g, (all, part) => {
      const owner = allSourceApps.find((s) => part.startsWith(`${s}_`));
      if (!owner) return all;
      if (!sourceApps.has(owner)) return '';
      return appCopies
        .filter((a) => a.caller.app.schema === owner)
        .map((a) => all.replace(`/CanvasApps/${owner}_`, `/CanvasApps/${a.schema}_`))
        .join('');
    });
  }

  // Every reference to a source flow or app must be gone from the solution's XML.
  for (const [what, text] of [['solution.xml', solution], ['customizations.xml', cust], ['[Content_Types].xml', contentTypes ?? '']]) {
    for (const w of src.workflows) if (text.toLowerCase().includes(w.id)) throw new Error(`${what} still names source flow ${w.id}; this source needs more rewriting than the generator does`);
    for (const s of allSourceApps) if (new RegExp(`${escRe(s)}(?![0-9a-z])`, 'i').test(text)) throw new Error(`${what} still names source app ${s}; this source needs more rewriting than the generator does`);
  }

  // The zip, in the source's entry order, each flow and app expanded into its copies where it stood.
  const out = [];
  const flowFiles = new Map(src.workflows.filter((w) => w.jsonFile).map((w) => [w.jsonFile.toLowerCase(), w]));
  const done = new Set();
  const edited = edit ? flowCopies[edit - 1] : undefined;
  if (edit && !edited) throw new Error(`--edit-flow ${edit}: there are only ${flowCopies.length} flows`);
  for (const e of src.entries) {
    const key = e.name.replace(/\\/g, '/').toLowerCase();
    if (e === src.solution.entry) out.push(fileEntry(e.name, encode({ bom: src.solution.bom, text: solution })));
    else if (e === src.customizations.entry) out.push(fileEntry(e.name, encode({ bom: src.customizations.bom, text: cust })));
    else if (src.contentTypes && e === src.contentTypes.entry) out.push(fileEntry(e.name, encode({ bom: src.contentTypes.bom, text: contentTypes })));
    else if (flowFiles.has(key)) {
      const w = flowFiles.get(key);
      if (!templateIds.has(w.id)) continue;
      const t = templates.findIndex((x) => x.flow.id === w.id);
      for (const f of flowCopies.filter((c) => c.template === t)) {
        out.push(f === edited ? fileEntry(f.file, editFlow(e.data())) : copyEntry(e, f.file));
      }
    } else if (/^canvasapps\//.test(key) && allSourceApps.some((s) => key.startsWith(`canvasapps/${s.toLowerCase()}_`))) {
      const owner = allSourceApps.find((s) => key.startsWith(`canvasapps/${s.toLowerCase()}_`));
      if (!sourceApps.has(owner) || done.has(owner)) continue;
      done.add(owner);
      const parts = src.entries.filter((x) => x.name.replace(/\\/g, '/').toLowerCase().startsWith(`canvasapps/${owner.toLowerCase()}_`));
      for (const a of appCopies.filter((c) => c.caller.app.schema === owner)) {
        for (const part of parts) {
          const name = part.name.replace(owner, a.schema);
          out.push(part === a.caller.app.msappEntry ? fileEntry(name, buildMsapp(a, p)) : copyEntry(part, name));
        }
      }
    } else out.push(copyEntry(e));
  }
  return {
    bytes: writeZip(out),
    uniqueName: unique,
    source: src.path,
    templates: templates.map((t) => ({ id: t.flow.id, name: t.flow.name, dataSource: t.dataSource })),
    flows: flowCopies.map((f) => ({ id: f.id, name: f.name, dataSource: f.dataSource })),
    apps: appCopies.map((a) => ({ schema: a.schema, calls: [...a.calls.values()].flat().map((f) => f.id) })),
  };
}

/** Writes `count` small distinct solutions into `dir` (DIR/<UniqueName>.zip), or only number `only`; returns their file names. */
export function generateMany({ source = DEFAULT_MANY_SOURCE, count, dir, flows, apps = 1, editFlow: editIndex, only, prefix } = {}) {
  const src = readSource(source);
  const origUnique = /<SolutionManifest>\s*<UniqueName>([^<]+)<\/UniqueName>/.exec(src.solution.text)?.[1];
  const width = Math.max(3, String(count).length);
  mkdirSync(dir, { recursive: true });
  const files = [];
  for (let i = 1; i <= count; i++) {
    if (only !== undefined && i !== only) continue;
    const uniqueName = `${prefix ?? `${origUnique}Gen`}${pad(i, width)}`;
    const perFlows = flows ?? countCalledFlows(src) * apps;
    const r = generateSolution({ source: src, flows: perFlows, apps, uniqueName, seed: `many|${basename(source)}|${uniqueName}`, editFlow: editIndex === i ? 1 : 0 });
    const file = join(dir, `${uniqueName}.zip`);
    writeFileSync(file, r.bytes);
    files.push(file);
  }
  return files;
}

function countCalledFlows(src) {
  const ids = new Set();
  for (const app of src.apps) for (const s of flowDataSources(app.msapp).sources) ids.add(String(s.value.WorkflowEntityId).toLowerCase());
  return ids.size;
}

// ---------------------------------------------------------------- command line

function parseArgs(argv) {
  const o = {};
  const need = (i) => {
    if (argv[i + 1] === undefined) throw new Error(`${argv[i]} needs a value`);
    return argv[i + 1];
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${a} needs a positive integer, got '${v}'`);
      return n;
    };
    if (a === '--source') o.source = resolve(need(i++));
    else if (a === '--flows') o.flows = num(need(i++));
    else if (a === '--apps') o.apps = num(need(i++));
    else if (a === '--out') o.out = resolve(need(i++));
    else if (a === '--unique-name') o.uniqueName = need(i++);
    else if (a === '--seed') o.seed = need(i++);
    else if (a === '--solutions') o.solutions = num(need(i++));
    else if (a === '--out-dir') o.outDir = resolve(need(i++));
    else if (a === '--edit-flow') o.editFlow = num(need(i++));
    else if (a === '--quiet') o.quiet = true;
    else if (a === '-h' || a === '--help') o.help = true;
    else throw new Error(`unknown argument '${a}' (see --help)`);
  }
  return o;
}

const HELP = `Usage:
  node scripts/generate-solution.mjs [--source export.zip] [--flows 300] [--apps 30] --out FILE.zip [--unique-name X] [--seed S] [--edit-flow 1]
  node scripts/generate-solution.mjs [--source export.zip] --solutions N --out-dir DIR [--flows F] [--apps A] [--edit-flow K]

Multiplies a real export's called flows and its canvas apps with fresh ids; every app's flow calls bind.
Default source: ${DEFAULT_SOURCE}
Default source with --solutions: ${DEFAULT_MANY_SOURCE}
--edit-flow K changes a flow's definition (an action description), not its signature: flow K of the
  solution, or with --solutions the first flow of solution K. Ids stay the same, so it is the same flow changed.`;

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (o.help) return void console.log(HELP);
  if (o.solutions) {
    if (!o.outDir) throw new Error('--solutions needs --out-dir');
    const source = o.source ?? DEFAULT_MANY_SOURCE;
    if (!existsSync(source)) throw new Error(`source ${source} does not exist (set FLOWGUARD_CORPUS or pass --source)`);
    const files = generateMany({ source, count: o.solutions, dir: o.outDir, flows: o.flows, apps: o.apps ?? 1, editFlow: o.editFlow });
    if (!o.quiet) console.log(`wrote ${files.length} solutions to ${o.outDir}`);
    return;
  }
  if (!o.out) throw new Error('--out FILE.zip is required (or --solutions N --out-dir DIR)');
  const source = o.source ?? DEFAULT_SOURCE;
  if (!existsSync(source)) throw new Error(`source ${source} does not exist (set FLOWGUARD_CORPUS or pass --source)`);
  const r = generateSolution({ source, flows: o.flows ?? 300, apps: o.apps ?? 30, uniqueName: o.uniqueName, seed: o.seed, editFlow: o.editFlow ?? 0 });
  mkdirSync(dirname(o.out), { recursive: true });
  writeFileSync(o.out, r.bytes);
  if (!o.quiet) console.log(`wrote ${o.out}: solution ${r.uniqueName}, ${r.flows.length} flows, ${r.apps.length} apps, ${r.bytes.length} bytes (from ${basename(source)})`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((err) => {
    console.error(`generate-solution: ${err.message}`);
    process.exit(2);
  });
}

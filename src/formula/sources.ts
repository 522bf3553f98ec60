/**
 * Reads the formulas of a canvas app from the three places apps keep them (solution-format §4.5, §4.6, §8b.4):
 * - `Controls/<n>.json` (and `Components/<n>.json`) inside an .msapp: `TopParent` → `Rules[]` / `Children[]`;
 * - `Src/*.pa.yaml`: the current Power Apps YAML source format (pa.yaml v3, `App:` / `Screens:` / `ComponentDefinitions:`);
 * - `Src/*.fx.yaml`: the older unpacked sources of `pac canvas unpack` (PASopa), a restricted YAML-like format
 *   (`"'Screen 1' As screen":`, `OnSelect: =…`, `OnSelect: |-` blocks) that this module reads line by line.
 *
 * Every reader is pure (text in, {@link FormulaSource}[] out), reads untrusted input through own-property accessors,
 * walks nesting with an explicit stack (no recursion over input depth) and throws an {@link InputError} naming the
 * problem when the text is not in the format.
 */
import { yamlLib } from '../source/lazy.cjs';
import { asArray, entries, isRecord, parseJsonText, prop, str } from '../source/decode.js';
import { InputError } from '../source/limits.js';
import type { FormulaSource } from './types.js';

export type FormulaFormat = 'controls-json' | 'pa-yaml' | 'fx-yaml';

/** Aliases a pa.yaml file may use: real files use none; a small bound stops alias-expansion ("billion laughs") input. */
const MAX_YAML_ALIASES = 100;

function cleanInner(inner: string): string {
  return inner.replace(/\\/g, '/');
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function isBlank(script: string): boolean {
  return script.trim() === '';
}

// ---------------------------------------------------------------------------------------------
// 1. Controls/<n>.json
// ---------------------------------------------------------------------------------------------

function ruleFormula(rule: unknown): { property: string; script: string } | undefined {
  if (!isRecord(rule)) return undefined;
  const property = str(prop(rule, 'Property'));
  const script = str(prop(rule, 'InvariantScript'));
  if (property === '' || isBlank(script)) return undefined;
  return { property, script };
}

/** The template of a gallery's template child: its rules are the gallery's own (`TemplateFill`, the gallery's `OnSelect`). */
const GALLERY_TEMPLATE = 'gallerytemplate';

/**
 * Formulas of one `Controls/<n>.json` (or `Components/<n>.json`) of an .msapp. `screen` is the TopParent's Name
 * (`App` for the App object, the component's name for a component definition); each control's `Rules[]` and
 * `DynamicProperties[].Rule` (responsive-layout properties) give one formula per non-empty `InvariantScript`.
 * The rules of a gallery's `galleryTemplate` child are given to the gallery, as Studio, fx.yaml (PASopa's
 * GalleryTemplateTransform) and pa.yaml show them, so the three readings name the same control.
 */
export function controlsJsonFormulas(text: string, inner: string): FormulaSource[] {
  const where = cleanInner(inner);
  const doc = parseJsonText(text);
  if (!isRecord(doc)) throw new InputError('control JSON is not an object (expected {"TopParent": {…}})');
  const top = prop(doc, 'TopParent');
  if (!isRecord(top)) throw new InputError('control JSON has no "TopParent" object');
  const screen = str(prop(top, 'Name'));
  if (screen.trim() === '') throw new InputError('control JSON: "TopParent" has no "Name"');

  const out: FormulaSource[] = [];
  // Depth-first, in document order, with an explicit stack: nesting depth is the input's to choose.
  const stack: { node: unknown; path: string; parent: string | undefined }[] = [{ node: top, path: 'TopParent', parent: undefined }];
  while (stack.length > 0) {
    const { node, path, parent } = stack.pop() as { node: unknown; path: string; parent: string | undefined };
    if (!isRecord(node)) throw new InputError(`control JSON: ${path} is not an object`);
    const own = str(prop(node, 'Name'));
    if (own.trim() === '') throw new InputError(`control JSON: ${path} (in '${screen}') has no "Name"`);
    const isGalleryTemplate = parent !== undefined && str(prop(prop(node, 'Template'), 'Name')).toLowerCase() === GALLERY_TEMPLATE;
    const control = isGalleryTemplate ? (parent as string) : own;
    const rules = prop(node, 'Rules');
    if (rules !== undefined && rules !== null && !Array.isArray(rules)) throw new InputError(`control JSON: "Rules" of '${own}' is not a list`);
    for (const rule of asArray(rules)) {
      const f = ruleFormula(rule);
      if (f) out.push({ screen, control, property: f.property, script: f.script, inner: where });
    }
    for (const dyn of asArray(prop(node, 'DynamicProperties'))) {
      const f = ruleFormula(prop(dyn, 'Rule'));
      if (f) out.push({ screen, control, property: f.property, script: f.script, inner: where });
    }
    const children = prop(node, 'Children');
    if (children === undefined || children === null) continue;
    if (!Array.isArray(children)) throw new InputError(`control JSON: "Children" of '${own}' is not a list`);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], path: `a child of '${own}'`, parent: control });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// 2. Src/*.pa.yaml (Power Apps YAML v3; the 2023–24 preview shapes are read as well)
// ---------------------------------------------------------------------------------------------

/** A pa.yaml property value: a formula when it is a string starting with `=` (the `=` is not part of the formula). */
function yamlFormula(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('=')) return undefined;
  const script = value.slice(1);
  return isBlank(script) ? undefined : script;
}

interface YamlControl {
  name: string;
  node: unknown;
}

/** The items of a `Children` value: a list of one-key maps (`- Button1: {…}`) or, in v2.2's `App`, a name → control map. */
function yamlChildren(children: unknown, owner: string): YamlControl[] {
  if (children === undefined || children === null) return [];
  if (Array.isArray(children)) {
    return children.map((item, i) => {
      const pairs = entries(item);
      const first = pairs[0];
      if (pairs.length !== 1 || first === undefined) throw new InputError(`pa.yaml: child ${i + 1} of '${owner}' is not a single 'Name: {control}' entry`);
      return { name: first[0], node: first[1] };
    });
  }
  if (isRecord(children)) return entries(children).map(([name, node]) => ({ name, node }));
  throw new InputError(`pa.yaml: "Children" of '${owner}' is not a list`);
}

function yamlProperties(node: unknown, owner: string): [string, string][] {
  const props = prop(node, 'Properties');
  if (props === undefined || props === null) return [];
  if (!isRecord(props)) throw new InputError(`pa.yaml: "Properties" of '${owner}' is not a map`);
  const out: [string, string][] = [];
  for (const [name, value] of entries(props)) {
    const script = yamlFormula(value);
    if (script !== undefined) out.push([name, script]);
  }
  return out;
}

/**
 * A component definition's custom properties: v3 has a name → `{PropertyKind, Default: =…, Parameters}` map,
 * the 2023–24 preview a list of one-key maps. `Default` is the property's formula; a parameter's `Default` is
 * stored by the .msapp as the rule `<property>_<parameter>`.
 */
function customPropertyFormulas(def: unknown, component: string): [string, string][] {
  const raw = prop(def, 'CustomProperties');
  if (raw === undefined || raw === null) return [];
  let list: [string, unknown][];
  if (Array.isArray(raw)) list = raw.flatMap((item) => entries(item));
  else if (isRecord(raw)) list = entries(raw);
  else throw new InputError(`pa.yaml: "CustomProperties" of '${component}' is not a map`);
  const out: [string, string][] = [];
  for (const [name, cp] of list) {
    const script = yamlFormula(prop(cp, 'Default'));
    if (script !== undefined) out.push([name, script]);
    for (const param of asArray(prop(cp, 'Parameters'))) {
      for (const [pname, pdef] of entries(param)) {
        const pscript = yamlFormula(prop(pdef, 'Default'));
        if (pscript !== undefined) out.push([`${name}_${pname}`, pscript]);
      }
    }
  }
  return out;
}

/** Walks one top parent (the App, a screen, a component definition) and its control tree, in document order. */
function walkYamlTopParent(screen: string, top: unknown, where: string, out: FormulaSource[], extra: [string, string][] = []): void {
  if (top !== null && top !== undefined && !isRecord(top)) throw new InputError(`pa.yaml: '${screen}' is not a map`);
  for (const [property, script] of extra) out.push({ screen, control: screen, property, script, inner: where });
  const stack: YamlControl[] = [{ name: screen, node: top }];
  while (stack.length > 0) {
    const { name, node } = stack.pop() as YamlControl;
    if (node !== null && node !== undefined && !isRecord(node)) throw new InputError(`pa.yaml: control '${name}' in '${screen}' is not a map`);
    for (const [property, script] of yamlProperties(node, name)) out.push({ screen, control: name, property, script, inner: where });
    const kids = yamlChildren(prop(node, 'Children'), name);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as YamlControl);
  }
}

const PA_YAML_TOP_KEYS = ['App', 'Screens', 'ComponentDefinitions', 'DataSources'];

/** True when the first key line of the text is a PASopa control definition (`Screen1 As screen:`), i.e. fx.yaml content. */
function looksLikeFxYaml(text: string): boolean {
  for (const line of stripBom(text).split(/\r\n|\r|\n/)) {
    const t = line.trim();
    if (t === '' || t.startsWith('#')) continue;
    const key = readKey(line, 0);
    return key !== undefined && key.rest.trim() === '' && parseControlDef(key.key) !== undefined;
  }
  return false;
}

/**
 * Formulas of one `Src/*.pa.yaml` file. Reads pa.yaml v3 (`App: Properties:`, `Screens: <name>: Properties/Children`,
 * `ComponentDefinitions: <name>: Properties/CustomProperties/Children`), the 2023–24 preview shape (one top-level
 * `<Name>: {Control: Screen|App|Component, Properties, Children}` per file), and early PASopa `.pa.yaml` files,
 * which are fx.yaml content (`Screen1 As screen:`) and go to {@link fxYamlFormulas}.
 */
export function paYamlFormulas(text: string, inner: string): FormulaSource[] {
  const where = cleanInner(inner);
  const clean = stripBom(text);
  if (looksLikeFxYaml(clean)) return fxYamlFormulas(clean, where);
  let doc: unknown;
  try {
    const parsed = yamlLib().parseDocument(clean, { customTags: [], schema: 'core', merge: false, uniqueKeys: true, strict: true, prettyErrors: false });
    const first = parsed.errors[0];
    if (first) throw new InputError(`invalid YAML (${first.message.split('\n')[0]})`);
    // No tag is part of pa.yaml; an unknown one would otherwise be dropped silently and its value kept.
    const tag = parsed.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
    if (tag) throw new InputError(`pa.yaml uses a YAML tag, which the format does not have (${tag.message.split('\n')[0]})`);
    doc = parsed.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (err) {
    if (err instanceof InputError) throw err;
    // The parser reports alias bombs and nesting too deep for it as exceptions (RangeError for the stack).
    throw new InputError(`invalid YAML (${(err as Error).message.split('\n')[0]})`);
  }
  if (doc === null || doc === undefined) return [];
  if (!isRecord(doc)) throw new InputError('pa.yaml is not a map (expected App, Screens or ComponentDefinitions at the top level)');

  const out: FormulaSource[] = [];
  const keys = Object.keys(doc);
  if (keys.some((k) => PA_YAML_TOP_KEYS.includes(k))) {
    const unknown = keys.filter((k) => !PA_YAML_TOP_KEYS.includes(k));
    if (unknown.length > 0) throw new InputError(`pa.yaml: unexpected top-level key '${unknown.sort()[0]}' (expected App, Screens, ComponentDefinitions or DataSources)`);
    const app = prop(doc, 'App');
    if (app !== undefined && app !== null) walkYamlTopParent('App', app, where, out);
    const screens = prop(doc, 'Screens');
    if (screens !== undefined && screens !== null && !isRecord(screens)) throw new InputError('pa.yaml: "Screens" is not a map of screen names');
    for (const [name, screen] of entries(screens)) walkYamlTopParent(name, screen, where, out);
    const comps = prop(doc, 'ComponentDefinitions');
    if (comps !== undefined && comps !== null && !isRecord(comps)) throw new InputError('pa.yaml: "ComponentDefinitions" is not a map of component names');
    for (const [name, def] of entries(comps)) walkYamlTopParent(name, def, where, out, customPropertyFormulas(def, name));
    return out;
  }
  // The preview shape: each top-level key is a top parent that says what it is with `Control:`.
  const tops = entries(doc);
  if (tops.length === 0 || !tops.every(([, v]) => isRecord(v) && typeof prop(v, 'Control') === 'string')) {
    throw new InputError('pa.yaml: no App, Screens or ComponentDefinitions at the top level');
  }
  for (const [name, top] of tops) walkYamlTopParent(name, top, where, out, customPropertyFormulas(top, name));
  return out;
}

// ---------------------------------------------------------------------------------------------
// 3. Src/*.fx.yaml (PASopa, `pac canvas unpack`)
// ---------------------------------------------------------------------------------------------

const SIMPLE_IDENT = /^[\p{L}\p{Nd}\p{Mn}\p{Mc}\p{Pc}\p{Cf}]+/u;

/** A Power Fx identifier at the start of `s`: simple, or `'delimited'` with `''` for a quote. */
function parseIdent(s: string): { name: string; length: number } | undefined {
  if (s.startsWith("'")) {
    let name = '';
    let i = 1;
    while (i < s.length) {
      if (s[i] === "'") {
        if (s[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        return name === '' ? undefined : { name, length: i + 1 };
      }
      name += s[i];
      i++;
    }
    return undefined;
  }
  const m = SIMPLE_IDENT.exec(s);
  return m ? { name: m[0], length: m[0].length } : undefined;
}

/** `Name As template[.variant]` (PASopa's TryParseControlDefCore); undefined when the key is not a control definition. */
function parseControlDef(key: string): { name: string; template: string } | undefined {
  const id = parseIdent(key);
  if (!id) return undefined;
  let rest = key.slice(id.length);
  if (!/^\s+As\s+/.test(rest)) return undefined;
  rest = rest.replace(/^\s+As\s+/, '');
  const tpl = parseIdent(rest);
  if (!tpl) return undefined;
  rest = rest.slice(tpl.length);
  if (rest !== '') {
    if (!rest.startsWith('.')) return undefined;
    const variant = parseIdent(rest.slice(1));
    if (!variant || variant.length !== rest.length - 1) return undefined;
  }
  return { name: id.name, template: tpl.name };
}

/** A property name as written in fx.yaml: plain, or a delimited identifier (`'My Property'`). */
function unescapeName(key: string): string {
  if (key.startsWith("'")) {
    const id = parseIdent(key);
    if (id && id.length === key.length) return id.name;
  }
  return key;
}

/**
 * The key of a key line at `indent`: up to the first `:` outside single quotes, or a double-quoted key
 * (`"'Send Screen' As screen":`, where `\"` stands for `"`). `rest` is what follows the colon.
 */
function readKey(line: string, indent: number): { key: string; rest: string } | undefined {
  let i = indent;
  if (line[i] === '"') {
    i++;
    let key = '';
    while (i < line.length) {
      const ch = line[i] as string;
      if (ch === '\\' && line[i + 1] === '"') {
        key += '"';
        i += 2;
        continue;
      }
      if (ch === '"') break;
      key += ch;
      i++;
    }
    if (i >= line.length) return undefined;
    i++; // closing quote
    while (line[i] === ' ') i++;
    if (line[i] !== ':') return undefined;
    return { key: key.trim(), rest: line.slice(i + 1) };
  }
  let quoted = false;
  for (; i < line.length; i++) {
    const ch = line[i];
    if (ch === "'") quoted = !quoted;
    else if (ch === ':' && !quoted) return { key: line.slice(indent, i).trim(), rest: line.slice(i + 1) };
  }
  return undefined;
}

function leadingSpaces(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 32) n++;
  return n;
}

type FxFrame =
  | { kind: 'control'; indent: number; name: string; template: string; screen: string; testCase: string | undefined }
  | { kind: 'function'; indent: number; name: string; control: string; screen: string }
  | { kind: 'argument'; indent: number; name: string; fn: string; control: string; screen: string };

/**
 * Reads a `|`, `|-` or `|+` block scalar that starts after line `start` (the key line, at indent `keyIndent`).
 * Follows YAML: the first non-blank line sets the content indent; blank and whitespace-only lines belong to the
 * block; a non-blank line indented at most `keyIndent` (or less than the content indent) ends it.
 */
function readBlock(lines: readonly string[], start: number, keyIndent: number, header: string, lineNo: number): { value: string; next: number } {
  const m = /^\|([+-]?)([1-9]?)([+-]?)\s*(#.*)?$/.exec(header);
  if (!m) throw new InputError(`fx.yaml line ${lineNo}: content of a '|' block must start on the next line`);
  const chomp = m[1] || m[3] || '';
  const explicit = m[2] ? keyIndent + Number(m[2]) : undefined;
  let contentIndent = explicit;
  const body: string[] = [];
  let i = start + 1;
  for (; i < lines.length; i++) {
    const line = lines[i] as string;
    const spaces = leadingSpaces(line);
    if (line.trim() === '') {
      body.push(contentIndent !== undefined && spaces > contentIndent ? line.slice(contentIndent) : '');
      continue;
    }
    if (contentIndent === undefined) {
      if (spaces <= keyIndent) break;
      contentIndent = spaces;
    }
    if (spaces < contentIndent) break;
    body.push(line.slice(contentIndent));
  }
  // Blank lines before the line that ended the block are trailing lines of the block (chomping applies).
  let end = body.length;
  while (end > 0 && body[end - 1] === '') end--;
  const content = body.slice(0, end).join('\n');
  const trailing = body.length - end;
  let value: string;
  if (content === '' && end === 0) value = chomp === '+' ? '\n'.repeat(trailing) : '';
  else if (chomp === '-') value = content;
  else if (chomp === '+') value = content + '\n' + '\n'.repeat(trailing);
  else value = content + '\n';
  return { value, next: i };
}

/**
 * Formulas of one `Src/*.fx.yaml` file (PASopa / `pac canvas unpack`, source format 0.2x). Line based: control
 * definitions `Name As template[.variant]:` (keys plain or double-quoted, names plain or `'delimited'`) open a
 * control; `Prop: =formula` and `Prop: |` / `|-` / `|+` blocks (first line starting with `=`) are its formulas;
 * `Fn(x As Number):` blocks of a component give `Fn` (ThisProperty's Default) and `Fn_x` (x's Default), and the
 * `<rule> As TestStep:` children of a `TestCase` give the case's rule `<rule>` (their `Value`), as the .msapp stores them.
 * Values without a leading `=` are literals and are skipped. CRLF, CR and a BOM are accepted; `#` lines are comments.
 */
export function fxYamlFormulas(text: string, inner: string): FormulaSource[] {
  const where = cleanInner(inner);
  const lines = stripBom(text).split(/\r\n|\r|\n/);
  const out: FormulaSource[] = [];
  const stack: FxFrame[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    const lineNo = i + 1;
    const indent = leadingSpaces(line);
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) {
      i++;
      continue;
    }
    if (line[indent] === '\t') throw new InputError(`fx.yaml line ${lineNo}: indentation uses a tab; the format indents with spaces`);
    if (trimmed === '---' || trimmed === '...') throw new InputError(`fx.yaml line ${lineNo}: YAML document markers are not part of the format`);
    while (stack.length > 0 && indent <= (stack[stack.length - 1] as FxFrame).indent) stack.pop();
    const parent = stack[stack.length - 1];
    const kv = readKey(line, indent);
    if (!kv || kv.key === '') throw new InputError(`fx.yaml line ${lineNo}: expected 'Name: value' or 'Name As template:'`);
    const value = kv.rest.replace(/^ +/, '');

    if (value === '' || value.startsWith('#')) {
      // The start of an object: a control, a component function, or a function's argument block.
      const def = parseControlDef(kv.key);
      if (def) {
        if (parent && parent.kind !== 'control') throw new InputError(`fx.yaml line ${lineNo}: control '${def.name}' inside function '${parent.name}'`);
        const screen = parent ? parent.screen : def.name;
        // A test case's steps are written as `<rule> As TestStep:` children (PASopa's AppTestTransform); the .msapp keeps them as rules of the case.
        const testCase = parent && parent.template === 'TestCase' && /^TestStep\d*$/.test(def.template) ? parent.name : undefined;
        stack.push({ kind: 'control', indent, name: def.name, template: def.template, screen, testCase });
      } else if (parent?.kind === 'control' && /^[\p{L}\p{Nd}\p{Mn}\p{Mc}\p{Pc}\p{Cf}]+\(.*\)$/u.test(kv.key)) {
        const fn = kv.key.slice(0, kv.key.indexOf('('));
        stack.push({ kind: 'function', indent, name: fn, control: parent.name, screen: parent.screen });
      } else if (parent?.kind === 'function') {
        stack.push({ kind: 'argument', indent, name: unescapeName(kv.key), fn: parent.name, control: parent.control, screen: parent.screen });
      } else if (!parent) {
        throw new InputError(`fx.yaml line ${lineNo}: '${kv.key}' is not a control definition ('Name As template:')`);
      } else {
        throw new InputError(`fx.yaml line ${lineNo}: '${kv.key}' is neither a control ('Name As template:') nor a function ('Name(…):')`);
      }
      i++;
      continue;
    }

    // A property with a value.
    let script: string | undefined;
    if (value.startsWith('|')) {
      const block = readBlock(lines, i, indent, value, lineNo);
      i = block.next;
      script = block.value.startsWith('=') ? block.value.slice(1) : undefined;
    } else if (value.startsWith('>')) {
      throw new InputError(`fx.yaml line ${lineNo}: '>' folded values are not part of the format (use '|')`);
    } else {
      i++;
      script = value.startsWith('=') ? value.slice(1) : undefined;
    }
    if (!parent) throw new InputError(`fx.yaml line ${lineNo}: property '${kv.key}' outside any control definition`);
    if (script === undefined || isBlank(script)) continue;
    if (parent.kind === 'control' && parent.testCase !== undefined) {
      if (kv.key === 'Value') out.push({ screen: parent.screen, control: parent.testCase, property: parent.name, script, inner: where });
    } else if (parent.kind === 'control') {
      out.push({ screen: parent.screen, control: parent.name, property: unescapeName(kv.key), script, inner: where });
    } else if (parent.kind === 'argument' && kv.key === 'Default') {
      const property = parent.name === 'ThisProperty' ? parent.fn : `${parent.fn}_${parent.name}`;
      out.push({ screen: parent.screen, control: parent.control, property, script, inner: where });
    }
    // Other keys of function blocks (Description, ResultType) carry no formula.
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// 4. Which entries to read
// ---------------------------------------------------------------------------------------------

const CONTROLS_JSON = /^(controls|components)\/[^/]+\.json$/i;
const CONTROLS_ONLY = /^controls\/[^/]+\.json$/i;
const SRC_PA_YAML = /^src\/(?:[^/]+\/)*[^/]+\.pa\.yaml$/i;
const OTHER_SRC_PA_YAML = /^other\/src\/(?:[^/]+\/)*[^/]+\.pa\.yaml$/i;
const SRC_FX_YAML = /^src\/(?:[^/]+\/)*[^/]+\.fx\.yaml$/i;

function baseName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

function sorted(names: string[]): string[] {
  return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Chooses one reading of an app's formulas from its entry names (an .msapp's entries or an unpacked app folder's
 * files, relative, with forward slashes), matched case-insensitively:
 * 1. `Controls/*.json` when present (every .msapp, old and new, has them), with `Components/*.json`, which hold the
 *    app's component definitions in the same shape;
 * 2. else `Src/**\/*.pa.yaml` except `_EditorState.pa.yaml`;
 * 3. else `Src/**\/*.fx.yaml` (`Src/Components/`, `Src/Tests/` included; `Src/EditorState/*.editorstate.json` is not YAML);
 * 4. else `Other/Src/**\/*.pa.yaml` (a copy of the msapp's files that recent `pac canvas unpack` keeps; only when there are no fx.yaml sources);
 * 5. else no names (`format` is then `controls-json`, with nothing to read).
 */
export function formulaEntries(names: readonly string[]): { format: FormulaFormat; names: string[] } {
  const all = names.map(cleanInner);
  if (all.some((n) => CONTROLS_ONLY.test(n))) return { format: 'controls-json', names: sorted(all.filter((n) => CONTROLS_JSON.test(n))) };
  const notEditorState = (n: string): boolean => baseName(n).toLowerCase() !== '_editorstate.pa.yaml';
  const pa = all.filter((n) => SRC_PA_YAML.test(n) && notEditorState(n));
  if (pa.length > 0) return { format: 'pa-yaml', names: sorted(pa) };
  const fx = all.filter((n) => SRC_FX_YAML.test(n));
  if (fx.length > 0) return { format: 'fx-yaml', names: sorted(fx) };
  const otherPa = all.filter((n) => OTHER_SRC_PA_YAML.test(n) && notEditorState(n));
  if (otherPa.length > 0) return { format: 'pa-yaml', names: sorted(otherPa) };
  return { format: 'controls-json', names: [] };
}

/** Reads one entry chosen by {@link formulaEntries}. */
export function readFormulaSources(format: FormulaFormat, text: string, inner: string): FormulaSource[] {
  switch (format) {
    case 'controls-json':
      return controlsJsonFormulas(text, inner);
    case 'pa-yaml':
      return paYamlFormulas(text, inner);
    case 'fx-yaml':
      return fxYamlFormulas(text, inner);
  }
}

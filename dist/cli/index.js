#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 486:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4926);

const code = await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .runCli */ .ak)(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTTY: process.stdout.isTTY === true,
    env: process.env,
});
process.exitCode = code;

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 4926:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  ak: () => (/* binding */ runCli)
});

// UNUSED EXPORTS: render, useColor

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
// EXTERNAL MODULE: ./src/source/lazy.cjs
var lazy = __nccwpck_require__(4044);
;// CONCATENATED MODULE: ./src/config/glob.ts
/** Compiles a glob (`*` within a path segment, `**` across segments, `?` one character) to a RegExp over forward-slash paths. */
function globToRegExp(glob) {
    let re = '';
    for (let i = 0; i < glob.length; i++) {
        const c = glob[i];
        if (c === '*') {
            if (glob[i + 1] === '*') {
                i++;
                if (glob[i + 1] === '/') {
                    i++;
                    re += '(?:.*/)?';
                }
                else
                    re += '.*';
            }
            else
                re += '[^/]*';
        }
        else if (c === '?')
            re += '[^/]';
        else
            re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
    return new RegExp(`^${re}$`);
}
/** True when `path` or one of its parent folders matches one of the globs. */
function matchesAny(path, globs) {
    if (globs.length === 0)
        return false;
    const res = globs.map(globToRegExp);
    const parts = path.split('/');
    for (let i = parts.length; i > 0; i--) {
        const prefix = parts.slice(0, i).join('/');
        if (res.some((r) => r.test(prefix)))
            return true;
    }
    return false;
}

;// CONCATENATED MODULE: ./src/config/config.ts


const DEFAULT_CONFIG = {
    rules: {},
    ignore: [],
    release: { branches: ['release/**', 'releases/**'], artifacts: [] },
    paths: { include: [], exclude: [] },
    deploymentSettings: [],
};
class ConfigError extends Error {
}
const TOP_KEYS = ['rules', 'ignore', 'release', 'paths', 'deploymentSettings'];
const SETTINGS = ['error', 'warning', 'note', 'off'];
/** Parses and validates `.github/flowguard.yml`. Unknown keys are errors: a typo must not silently disable a check. */
function parseConfig(text, file, rules) {
    let raw;
    try {
        raw = (0,lazy/* yamlLib */.x)().parse(text, { maxAliasCount: 50 });
    }
    catch (err) {
        throw new ConfigError(`${file}: invalid YAML (${err.message.split('\n')[0]})`);
    }
    if (raw === null || raw === undefined)
        return structuredClone(DEFAULT_CONFIG);
    const obj = record(raw, file, 'the top level');
    unknownKeys(obj, TOP_KEYS, file, 'the top level');
    const config = structuredClone(DEFAULT_CONFIG);
    if (obj.rules !== undefined) {
        const r = record(obj.rules, file, 'rules');
        for (const key of Object.keys(r)) {
            const meta = rules.find((m) => m.id.toLowerCase() === key.toLowerCase() || m.name === key);
            if (!meta)
                throw new ConfigError(`${file}: rules.${key} is not a FlowGuard rule (known: ${rules.map((m) => `${m.id} ${m.name}`).join(', ')})`);
            const v = r[key];
            if (typeof v !== 'string' || !SETTINGS.includes(v))
                throw new ConfigError(`${file}: rules.${key} must be one of ${SETTINGS.join(', ')}`);
            config.rules[meta.id] = v;
        }
    }
    if (obj.ignore !== undefined) {
        if (!Array.isArray(obj.ignore))
            throw new ConfigError(`${file}: ignore must be a list`);
        config.ignore = obj.ignore.map((item, i) => ignoreEntry(item, `${file}: ignore[${i}]`, rules));
    }
    if (obj.release !== undefined) {
        const r = record(obj.release, file, 'release');
        unknownKeys(r, ['branches', 'artifacts'], file, 'release');
        if (r.branches !== undefined)
            config.release.branches = stringList(r.branches, file, 'release.branches');
        if (r.artifacts !== undefined)
            config.release.artifacts = stringList(r.artifacts, file, 'release.artifacts');
    }
    if (obj.paths !== undefined) {
        const p = record(obj.paths, file, 'paths');
        unknownKeys(p, ['include', 'exclude'], file, 'paths');
        if (p.include !== undefined)
            config.paths.include = stringList(p.include, file, 'paths.include');
        if (p.exclude !== undefined)
            config.paths.exclude = stringList(p.exclude, file, 'paths.exclude');
    }
    if (obj.deploymentSettings !== undefined)
        config.deploymentSettings = stringList(obj.deploymentSettings, file, 'deploymentSettings');
    return config;
}
function ignoreEntry(item, where, rules) {
    const o = record(item, where, '');
    unknownKeys(o, ['fingerprint', 'rule', 'solution', 'app', 'flow', 'reason'], where, '');
    for (const k of Object.keys(o))
        if (typeof o[k] !== 'string')
            throw new ConfigError(`${where}.${k} must be a string`);
    const e = o;
    if (!e.reason || e.reason.trim() === '')
        throw new ConfigError(`${where} needs a reason: say why this finding is accepted`);
    if (!e.fingerprint && !e.rule && !e.solution && !e.app && !e.flow)
        throw new ConfigError(`${where} must name a fingerprint, or a rule and/or a component (solution, app, flow)`);
    if (e.rule && !rules.some((m) => m.id.toLowerCase() === e.rule?.toLowerCase() || m.name === e.rule))
        throw new ConfigError(`${where}.rule '${e.rule}' is not a FlowGuard rule`);
    return { ...e, reason: e.reason };
}
function record(v, file, where) {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
        throw new ConfigError(`${file}: ${where || 'entry'} must be a mapping`);
    return v;
}
function unknownKeys(o, allowed, file, where) {
    for (const k of Object.keys(o)) {
        if (!allowed.includes(k))
            throw new ConfigError(`${file}: unknown key '${k}' in ${where || 'entry'} (allowed: ${allowed.join(', ')})`);
    }
}
function stringList(v, file, where) {
    const list = typeof v === 'string' ? [v] : v;
    if (!Array.isArray(list) || list.some((x) => typeof x !== 'string'))
        throw new ConfigError(`${file}: ${where} must be a list of strings`);
    return list;
}
/** Applies per-rule settings and ignores; returns the findings that remain and those suppressed with their reasons. */
function applyConfig(findings, config) {
    const kept = [];
    const suppressed = [];
    for (const f of findings) {
        const setting = config.rules[f.ruleId];
        if (setting === 'off')
            continue;
        const finding = setting ? { ...f, severity: setting } : f;
        const ignore = config.ignore.find((i) => ignoreMatches(i, finding));
        if (ignore)
            suppressed.push({ finding, reason: ignore.reason });
        else
            kept.push(finding);
    }
    return { kept, suppressed };
}
function ignoreMatches(i, f) {
    if (i.fingerprint && i.fingerprint !== f.fingerprint)
        return false;
    if (i.rule && i.rule.toLowerCase() !== f.ruleId.toLowerCase() && i.rule !== f.rule)
        return false;
    if (i.solution && i.solution.toLowerCase() !== f.solution.uniqueName.toLowerCase())
        return false;
    if (i.app && ![f.app?.name, f.app?.displayName].some((n) => n?.toLowerCase() === i.app?.toLowerCase()))
        return false;
    if (i.flow && ![f.flow?.id, f.flow?.name].some((n) => n?.toLowerCase() === i.flow?.toLowerCase()))
        return false;
    return true;
}
function isReleaseBranch(branch, config) {
    return branch !== undefined && config.release.branches.some((g) => globToRegExp(g).test(branch));
}
function pathSelected(path, config) {
    if (config.paths.include.length > 0 && !matchesAny(path, config.paths.include))
        return false;
    return !matchesAny(path, config.paths.exclude);
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: ./src/model/bindings.ts
/**
 * Joins every app flow call to the flow it calls, across all solutions analysed together.
 * Order of evidence (see the solution format notes): the data source's `WorkflowEntityId`; the
 * app's connection entry (`LocalConnectionReferences` / `Connections.json`); the app record in
 * customizations.xml / `.meta.xml`; the environment flow name (legacy packages only); and last
 * the display name, which is only a guess and is marked low confidence.
 * A flow shipped in several solutions binds to the copy in the app's own solution first.
 */
function bindCalls(solutions) {
    const byId = new Map();
    const byName = new Map();
    for (const solution of solutions) {
        for (const flow of solution.flows) {
            push(byId, flow.id, { flow, solution });
            push(byName, nameKey(flow.name), { flow, solution });
        }
    }
    for (const solution of solutions) {
        for (const app of solution.apps) {
            for (const call of app.calls)
                call.binding = bind(call, solution, byId, byName);
        }
    }
}
function bind(call, own, byId, byName) {
    const attempts = [
        ['workflowEntityId', call.hints.workflowEntityId],
        ['connectionReference', call.hints.localConnectionReference],
        ['appRecord', call.hints.appRecord],
    ];
    for (const [by, id] of attempts) {
        const hit = id ? prefer(byId.get(id), own) : undefined;
        if (hit)
            return { flowId: hit.flow.id, resolvedBy: by, confidence: 'high', solutionPath: hit.solution.path };
    }
    if (own.layout === 'legacy-package' && call.hints.workflowName) {
        const hit = prefer(byId.get(call.hints.workflowName), own);
        if (hit)
            return { flowId: hit.flow.id, resolvedBy: 'flowName', confidence: 'high', solutionPath: hit.solution.path };
    }
    // Display-name guess only where the app carries no id at all: an id that matches nothing is a real miss.
    const hasId = attempts.some(([, id]) => id !== undefined);
    if (!hasId) {
        const hit = prefer(byName.get(nameKey(call.dataSource)), own) ?? prefer(byName.get(nameKey(call.title)), own);
        if (hit)
            return { flowId: hit.flow.id, resolvedBy: 'name', confidence: 'low', solutionPath: hit.solution.path };
    }
    return { flowId: undefined, resolvedBy: undefined, confidence: undefined, solutionPath: undefined };
}
function prefer(list, own) {
    if (!list || list.length === 0)
        return undefined;
    return list.find((l) => l.solution === own) ?? list[0];
}
/** Data source names are the flow's display name at add time with white space removed. */
function nameKey(name) {
    return name.replace(/\s+/g, '').toLowerCase();
}
function push(map, key, value) {
    const list = map.get(key);
    if (list)
        list.push(value);
    else
        map.set(key, [value]);
}
/** Finds the solution and flow a call is bound to. */
function boundFlow(call, solutions) {
    if (!call.binding.flowId)
        return undefined;
    const solution = solutions.find((s) => s.path === call.binding.solutionPath);
    const flow = solution?.flows.find((f) => f.id === call.binding.flowId);
    return solution && flow ? { flow, solution } : undefined;
}

;// CONCATENATED MODULE: ./src/source/limits.ts
const DEFAULT_LIMITS = {
    maxFileBytes: 256 * 1024 * 1024,
    maxEntries: 50_000,
    maxEntryBytes: 128 * 1024 * 1024,
    maxArchiveBytes: 512 * 1024 * 1024,
    maxNesting: 2,
};
/** Raised for input that FlowGuard refuses to read; the message names the problem, the caller names the file. */
class InputError extends Error {
    constructor(message) {
        super(message);
        this.name = 'InputError';
    }
}

;// CONCATENATED MODULE: ./src/source/xml-check.ts
/**
 * Well-formedness of untrusted XML in one pass driven by native searches and one sticky regular
 * expression per markup construct: every element closed in order, attribute values quoted, one root
 * element, no stray markup, no text before the root. It stands in for fast-xml-parser's validator,
 * which walks the text character by character before the parser walks it again (see
 * docs/performance.md); its parser alone accepts truncated and unbalanced documents silently.
 * Returns what is wrong, with the line, or undefined for a well-formed document.
 */
function xmlProblem(text) {
    const stack = [];
    let roots = 0;
    let pos = 0;
    for (;;) {
        const lt = text.indexOf('<', pos);
        // Text before the root is an error; after it, tolerated as the validator tolerates it (no new alarm on old exports).
        if (roots === 0 && hasText(text, pos, lt < 0 ? text.length : lt))
            return at(text, pos, 'text before the root element');
        if (lt < 0)
            break;
        MARKUP.lastIndex = lt;
        const m = MARKUP.exec(text);
        if (!m)
            return at(text, lt, 'malformed markup');
        pos = MARKUP.lastIndex;
        const [, closing, name, attributes, selfClosing] = m;
        if (name === undefined)
            continue; // comment, CDATA, processing instruction
        if (closing) {
            if (attributes || selfClosing)
                return at(text, lt, `malformed closing tag </${name}>`);
            const open = stack.pop();
            if (open !== name)
                return at(text, lt, open === undefined ? `</${name}> closes nothing` : `</${name}> closes <${open}>`);
            continue;
        }
        if (stack.length === 0 && ++roots > 1)
            return at(text, lt, 'more than one root element');
        const repeated = attributes ? repeatedAttribute(attributes) : undefined;
        if (repeated)
            return at(text, lt, `attribute '${repeated}' is repeated`);
        if (!selfClosing)
            stack.push(name);
    }
    if (stack.length > 0)
        return `<${stack[stack.length - 1]}> is not closed (the document ends first)`;
    if (roots === 0)
        return 'no root element';
    return undefined;
}
// Comments, CDATA sections, processing instructions (the XML declaration included), or a tag:
// `</name>`, `<name a="v" b='v'>`, `<name/>`. Attribute values may not hold `<` (XML 1.0 §3.1).
const MARKUP = /<(?:!--[\s\S]*?-->|!\[CDATA\[[\s\S]*?\]\]>|\?[\s\S]*?\?>|(\/)?([^\s/>!?<="']+)((?:\s+[^\s=/>"'<]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/)?>)/y;
const NON_SPACE = /\S/g;
function repeatedAttribute(attributes) {
    const seen = new Set();
    ATTRIBUTE.lastIndex = 0;
    for (let a = ATTRIBUTE.exec(attributes); a; a = ATTRIBUTE.exec(attributes)) {
        if (seen.has(a[1]))
            return a[1];
        seen.add(a[1]);
    }
    return undefined;
}
function hasText(text, from, to) {
    NON_SPACE.lastIndex = from;
    const m = NON_SPACE.exec(text);
    return m !== null && m.index < to;
}
function at(text, offset, message) {
    let line = 1;
    for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1))
        line++;
    return `${message} (line ${line})`;
}
/** Element and attribute names the fast reader takes as they are; anything else goes to fast-xml-parser. */
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_.:-]*$/;
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);
const ATTRIBUTE = /\s+([^\s=/>"'<]+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/g;
const CDATA_START = '<![CDATA[';
/**
 * Reads a document into the shape fast-xml-parser gives with FlowGuard's options (attributes as
 * `@_name`, text as a string or `#text`, repeated children as arrays, values trimmed, CDATA kept as
 * written, comments and processing instructions dropped), checking it in the same pass: one walk
 * instead of the parser's two (build an ordered tree, then fold it) plus the validator's. Returns
 * undefined for what it does not take on (names outside {@link PLAIN_NAME}, text after the root):
 * fast-xml-parser reads those. `decode` resolves entity and character references.
 */
function readXmlFast(source, decode) {
    // Line ends are normalised to \n (XML 1.0 §2.11), as fast-xml-parser does.
    const text = source.indexOf('\r') < 0 ? source : source.replace(/\r\n?/g, '\n');
    const stack = [];
    let root;
    let roots = 0;
    let pos = 0;
    for (;;) {
        const lt = text.indexOf('<', pos);
        const end = lt < 0 ? text.length : lt;
        const top = stack[stack.length - 1];
        if (top) {
            if (end > pos) {
                const segment = text.slice(pos, end).trim();
                if (segment !== '')
                    top.text += decode(segment);
            }
        }
        else if (hasText(text, pos, end))
            return roots === 0 ? { problem: at(text, pos, 'text before the root element') } : undefined;
        if (lt < 0)
            break;
        MARKUP.lastIndex = lt;
        const m = MARKUP.exec(text);
        if (!m)
            return { problem: at(text, lt, 'malformed markup') };
        pos = MARKUP.lastIndex;
        const [whole, closing, name, attributes, selfClosing] = m;
        if (name === undefined) {
            if (top && whole.startsWith(CDATA_START))
                top.text += whole.slice(CDATA_START.length, -3);
            continue;
        }
        if (!PLAIN_NAME.test(name) || RESERVED.has(name))
            return undefined;
        if (closing) {
            if (attributes || selfClosing)
                return { problem: at(text, lt, `malformed closing tag </${name}>`) };
            const frame = stack.pop();
            if (frame?.name !== name)
                return { problem: at(text, lt, frame === undefined ? `</${name}> closes nothing` : `</${name}> closes <${frame.name}>`) };
            const value = fold(frame);
            const parent = stack[stack.length - 1];
            if (parent)
                parent.children.push([name, value]);
            else
                root = { [name]: value };
            continue;
        }
        if (stack.length === 0 && ++roots > 1)
            return { problem: at(text, lt, 'more than one root element') };
        const frame = { name, attributes: [], children: [], text: '' };
        if (attributes) {
            ATTRIBUTE.lastIndex = 0;
            for (let a = ATTRIBUTE.exec(attributes); a; a = ATTRIBUTE.exec(attributes)) {
                const attrName = a[1];
                if (!PLAIN_NAME.test(attrName))
                    return undefined;
                if (frame.attributes.some(([n]) => n === attrName))
                    return { problem: at(text, lt, `attribute '${attrName}' is repeated`) };
                frame.attributes.push([attrName, decode((a[2] ?? a[3] ?? '').trim())]);
            }
        }
        if (!selfClosing)
            stack.push(frame);
        else {
            const value = fold(frame);
            const parent = stack[stack.length - 1];
            if (parent)
                parent.children.push([name, value]);
            else
                root = { [name]: value };
        }
    }
    if (stack.length > 0)
        return { problem: `<${stack[stack.length - 1]?.name}> is not closed (the document ends first)` };
    if (!root)
        return { problem: 'no root element' };
    return { node: root };
}
/** An element's value as fast-xml-parser folds it: text alone as a string, else children, `#text`, then attributes. */
function fold(frame) {
    if (frame.children.length === 0 && frame.attributes.length === 0)
        return frame.text;
    const groups = new Map();
    for (const [name, value] of frame.children) {
        const group = groups.get(name);
        if (group)
            group.push(value);
        else
            groups.set(name, [value]);
    }
    const out = {};
    for (const [name, values] of groups)
        out[name] = values.length === 1 ? values[0] : values;
    if (frame.text !== '')
        out['#text'] = frame.text;
    for (const [name, value] of frame.attributes)
        out[`@_${name}`] = value;
    return out;
}

;// CONCATENATED MODULE: ./src/source/decode.ts



/** Decodes UTF-8 text, dropping the byte-order mark that Power Platform tools write at the start of many files. */
function decodeText(bytes) {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
function parseJsonText(text) {
    const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    try {
        return JSON.parse(clean);
    }
    catch (err) {
        throw new InputError(`invalid JSON (${err.message})`);
    }
}
function parseJson(bytes) {
    return parseJsonText(decodeText(bytes));
}
const XML_ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const REFERENCE = /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([A-Za-z]+));/g;
/**
 * The five XML entities and numeric character references, decoded from fixed tables; anything else is
 * left as written. One stateless decoder for every document: fast-xml-parser's own builds its tables
 * anew for each parse, which costs more than parsing a small document (see docs/performance.md).
 * Documents with a DTD are refused (refuseDtd) before they get here, so no declared entity can expand.
 */
const entityDecoder = {
    reset() { },
    setXmlVersion() { },
    setExternalEntities() { },
    addInputEntities() {
        throw new InputError('XML with entity declarations is not read');
    },
    decode(value) {
        if (value.indexOf('&') < 0)
            return value;
        return value.replace(REFERENCE, (ref, hex, dec, name) => {
            if (name !== undefined)
                return Object.prototype.hasOwnProperty.call(XML_ENTITIES, name) ? XML_ENTITIES[name] : ref;
            const cp = hex !== undefined ? parseInt(hex, 16) : Number(dec);
            return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : ref;
        });
    },
};
let parser;
/** fast-xml-parser, made on first use: most runs never need it (see {@link parseXml}). */
const xmlParser = () => (parser ??= new ((0,lazy/* xmlParserLib */.c)().XMLParser)({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    entityDecoder,
    ignoreDeclaration: true,
    ignorePiTags: true,
    removeNSPrefix: false,
}));
/** Refuses XML text with a DTD: exports never carry one, and it is how entity expansion attacks start. */
function refuseDtd(text) {
    if (/<!DOCTYPE/i.test(text.slice(0, 4096)) || /<!ENTITY/i.test(text)) {
        throw new InputError('XML with a DOCTYPE or ENTITY declaration is not read');
    }
}
/** Parses untrusted XML. A DOCTYPE is refused (see {@link refuseDtd}). */
function parseXml(text) {
    refuseDtd(text);
    // Most documents are read and checked in one pass of our own; the rest are checked, then parsed by
    // fast-xml-parser without its slower validating pass (docs/performance.md).
    const fast = readXmlFast(text, entityDecoder.decode);
    if (fast && 'node' in fast)
        return fast.node;
    const problem = fast?.problem ?? xmlProblem(text);
    if (problem)
        throw new InputError(`invalid XML (${problem})`);
    try {
        return xmlParser().parse(text);
    }
    catch (err) {
        throw new InputError(`invalid XML (${err.message.split('\n')[0]})`);
    }
}
function parseXmlBytes(bytes) {
    return parseXml(decodeText(bytes));
}
// ---- accessors over parsed, untrusted values: never trust a shape ----
function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** Own property of a record, or undefined (never an inherited one such as `__proto__` or `constructor`). */
function prop(v, key) {
    return isRecord(v) && Object.prototype.hasOwnProperty.call(v, key) ? v[key] : undefined;
}
/** Case-insensitive own property lookup: element names vary in case between exports. */
function propCI(v, key) {
    if (!isRecord(v))
        return undefined;
    const direct = prop(v, key);
    if (direct !== undefined)
        return direct;
    const lower = key.toLowerCase();
    for (const k of Object.keys(v))
        if (k.toLowerCase() === lower)
            return v[k];
    return undefined;
}
function asArray(v) {
    if (v === undefined || v === null || v === '')
        return [];
    return Array.isArray(v) ? v : [v];
}
/** Text content of an XML element (a plain string, or `#text` of an element with attributes). */
function decode_text(v) {
    if (typeof v === 'string')
        return v;
    if (typeof v === 'number' || typeof v === 'boolean')
        return String(v);
    const t = prop(v, '#text');
    return typeof t === 'string' ? t : typeof t === 'number' ? String(t) : '';
}
function str(v) {
    return typeof v === 'string' ? v : '';
}
function attr(node, name) {
    const v = prop(node, `@_${name}`);
    return typeof v === 'string' ? v : '';
}
/** Entries of an untrusted record, sorted by key so iteration order never depends on the input's key order. */
function entries(v) {
    if (!isRecord(v))
        return [];
    return Object.keys(v)
        .sort()
        .map((k) => [k, v[k]]);
}
/** Normalises a GUID: lower case, no braces. */
function normalizeGuid(v) {
    if (typeof v !== 'string')
        return undefined;
    const g = v.trim().replace(/^\{|\}$/g, '').toLowerCase();
    return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(g) ? g : undefined;
}
function boolFlag(v) {
    const t = decode_text(v).trim();
    if (t === '1' || t.toLowerCase() === 'true')
        return true;
    if (t === '0' || t.toLowerCase() === 'false')
        return false;
    return undefined;
}

;// CONCATENATED MODULE: ./src/model/deployment-settings.ts

/** File names `pac solution create-settings` and ALM pipelines use for deployment settings. */
const SETTINGS_FILE = /(^|\/)[^/]*deployment-?settings[^/]*\.json$/i;
/** A deployment settings file: `{ EnvironmentVariables: [{SchemaName, Value}], ConnectionReferences: [{LogicalName, ConnectionId, ConnectorId}] }`. */
function readDeploymentSettings(path, bytes) {
    const json = parseJson(bytes);
    const crs = prop(json, 'ConnectionReferences');
    const evs = prop(json, 'EnvironmentVariables');
    if (crs === undefined && evs === undefined)
        return undefined;
    return {
        path,
        connectionReferences: asArray(crs).map((c) => ({
            logicalName: str(prop(c, 'LogicalName')),
            connectionId: str(prop(c, 'ConnectionId')),
            connectorId: str(prop(c, 'ConnectorId')),
        })),
        environmentVariables: asArray(evs).map((e) => ({ schemaName: str(prop(e, 'SchemaName')), value: typeof prop(e, 'Value') === 'string' ? str(prop(e, 'Value')) : JSON.stringify(prop(e, 'Value') ?? '') })),
    };
}

;// CONCATENATED MODULE: ./src/source/paths.ts
/** Case-insensitive lookup key for a path: Power Platform tools vary the case of file names (`solution.xml`, `Other/Solution.xml`). */
function lookupKey(path) {
    return path.replace(/\\/g, '/').toLowerCase();
}
/** Joins path segments with forward slashes, dropping empty ones. */
function joinPath(...parts) {
    return parts.filter((p) => p !== '' && p !== '.').join('/');
}
function dirname(path) {
    const i = path.lastIndexOf('/');
    return i < 0 ? '' : path.slice(0, i);
}
function basename(path) {
    return path.slice(path.lastIndexOf('/') + 1);
}

;// CONCATENATED MODULE: external "node:zlib"
const external_node_zlib_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");
;// CONCATENATED MODULE: ./src/source/zip.ts



/**
 * A zip archive opened for bounded reading. Only the central directory is parsed on open;
 * an entry is inflated when it is read, never beyond the entry and archive limits.
 *
 * The central directory of ordinary archives is read directly from the bytes and entries are
 * inflated by zlib with a hard output cap; archives this reader does not handle (ZIP64,
 * unusual layouts) are opened with jszip instead.
 */
class ZipArchive {
    limits;
    budget;
    depth;
    byKey = new Map();
    names;
    constructor(entries, limits, budget, depth) {
        this.limits = limits;
        this.budget = budget;
        this.depth = depth;
        const names = [];
        for (const entry of entries) {
            // .msapp archives use backslash separators.
            const name = entry.name.replace(/\\/g, '/');
            if (name.endsWith('/'))
                continue;
            names.push(name);
            this.byKey.set(lookupKey(name), entry);
        }
        names.sort();
        this.names = names;
    }
    static async open(bytes, limits = DEFAULT_LIMITS, depth = 1, budget = { remaining: limits.maxArchiveBytes }) {
        if (depth > limits.maxNesting)
            throw new InputError(`archive nested deeper than ${limits.maxNesting} levels`);
        if (!looksLikeZip(bytes))
            throw new InputError(describeNonZip(bytes));
        const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        const eocd = findEndOfCentralDirectory(buf);
        const count = buf.readUInt16LE(eocd + 10);
        if (count !== 0xffff && count > limits.maxEntries)
            throw new InputError(`archive has ${count} entries; the limit is ${limits.maxEntries}`);
        const entries = readCentralDirectory(buf, eocd) ?? (await jszipEntries(bytes));
        if (entries.length > limits.maxEntries)
            throw new InputError(`archive has ${entries.length} entries; the limit is ${limits.maxEntries}`);
        return new ZipArchive(entries, limits, budget, depth);
    }
    has(name) {
        return this.byKey.has(lookupKey(name));
    }
    /** Declared uncompressed size of an entry (from the central directory). */
    size(name) {
        return this.byKey.get(lookupKey(name))?.uncompressedSize;
    }
    async read(name) {
        const entry = this.byKey.get(lookupKey(name));
        if (!entry)
            throw new InputError(`no entry '${name}'`);
        const cap = Math.min(this.limits.maxEntryBytes, this.budget.remaining);
        if (entry.uncompressedSize > cap) {
            throw new InputError(`entry '${name}' declares ${entry.uncompressedSize} bytes uncompressed; the limit is ${cap}`);
        }
        const out = await entry.inflate(cap);
        if (out.byteLength !== entry.uncompressedSize) {
            throw new InputError(`entry '${name}' inflates to ${out.byteLength} bytes but declares ${entry.uncompressedSize}`);
        }
        this.budget.remaining -= out.byteLength;
        return out;
    }
    /** Opens an archive stored inside this one, sharing this archive's inflate budget. */
    async openNested(name) {
        if (this.depth + 1 > this.limits.maxNesting) {
            throw new InputError(`archive '${name}' is nested deeper than ${this.limits.maxNesting} levels`);
        }
        return ZipArchive.open(await this.read(name), this.limits, this.depth + 1, this.budget);
    }
}
// ---- the central directory, read straight from the bytes (APPNOTE.TXT §4.3) ----
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
function findEndOfCentralDirectory(buf) {
    const stop = Math.max(0, buf.length - 22 - 0xffff);
    for (let i = buf.length - 22; i >= stop; i--) {
        if (buf.readUInt32LE(i) === EOCD)
            return i;
    }
    throw new InputError('corrupt zip archive (no end of central directory record)');
}
/** The entries of an ordinary archive, or undefined when it needs a general reader (ZIP64). */
function readCentralDirectory(buf, eocd) {
    const count = buf.readUInt16LE(eocd + 10);
    const size = buf.readUInt32LE(eocd + 12);
    const start = buf.readUInt32LE(eocd + 16);
    if (count === 0xffff || size === 0xffffffff || start === 0xffffffff)
        return undefined;
    if (start + size > eocd)
        throw new InputError('corrupt zip archive (central directory outside the file)');
    const entries = [];
    let p = start;
    for (let i = 0; i < count; i++) {
        if (p + 46 > eocd || buf.readUInt32LE(p) !== CENTRAL)
            throw new InputError('corrupt zip archive (bad central directory entry)');
        const flags = buf.readUInt16LE(p + 8);
        const method = buf.readUInt16LE(p + 10);
        const compressedSize = buf.readUInt32LE(p + 20);
        const uncompressedSize = buf.readUInt32LE(p + 24);
        const nameLength = buf.readUInt16LE(p + 28);
        const extraLength = buf.readUInt16LE(p + 30);
        const commentLength = buf.readUInt16LE(p + 32);
        const local = buf.readUInt32LE(p + 42);
        if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || local === 0xffffffff)
            return undefined;
        // Bit 11: the name is UTF-8; otherwise it is an 8-bit code page, read byte for byte.
        const name = buf.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLength);
        entries.push(storedEntry(buf, name, { flags, method, compressedSize, uncompressedSize, local }));
        p += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
}
function storedEntry(buf, name, h) {
    return {
        name,
        uncompressedSize: h.uncompressedSize,
        inflate: async (cap) => {
            if (h.flags & 0x1)
                throw new InputError(`entry '${name}' is encrypted`);
            if (h.local + 30 > buf.length || buf.readUInt32LE(h.local) !== LOCAL)
                throw new InputError(`entry '${name}' has no valid local header`);
            const start = h.local + 30 + buf.readUInt16LE(h.local + 26) + buf.readUInt16LE(h.local + 28);
            if (start + h.compressedSize > buf.length)
                throw new InputError(`entry '${name}' runs past the end of the archive`);
            const data = buf.subarray(start, start + h.compressedSize);
            if (h.method === STORED)
                return data;
            if (h.method === DEFLATED)
                return inflateCapped(data, h.uncompressedSize, cap, name);
            throw new InputError(`entry '${name}' uses compression method ${h.method}, which FlowGuard does not read`);
        },
    };
}
function inflateCapped(data, declared, cap, name) {
    try {
        // A hard output cap: a lying size header cannot make zlib allocate more. One chunk of the
        // declared size saves zlib from concatenating many small ones.
        const chunkSize = Math.min(Math.max(declared, 64), 64 * 1024 * 1024);
        return (0,external_node_zlib_namespaceObject.inflateRawSync)(data, { maxOutputLength: Math.max(cap, 1), chunkSize });
    }
    catch (err) {
        const code = err.code;
        if (code === 'ERR_BUFFER_TOO_LARGE')
            throw new InputError(`entry '${name}' inflates beyond ${cap} bytes`);
        throw new InputError(`entry '${name}' cannot be inflated (${err.message})`);
    }
}
// ---- jszip: the general reader for archives the direct reader leaves alone ----
async function jszipEntries(bytes) {
    let zip;
    try {
        // Loaded on first use, from a chunk of its own: most runs never need the general reader.
        const { default: jszip } = await __nccwpck_require__.e(/* import() */ 922).then(__nccwpck_require__.t.bind(__nccwpck_require__, 3922, 23));
        zip = await jszip.loadAsync(bytes, { createFolders: false });
    }
    catch (err) {
        throw new InputError(`corrupt zip archive (${err.message})`);
    }
    return Object.values(zip.files)
        .filter((f) => !f.dir)
        .map((f) => ({
        name: f.name,
        // jszip keeps the central-directory facts of a loaded entry in `_data`; it is not in its typings.
        uncompressedSize: f._data.uncompressedSize,
        inflate: (cap) => streamWithCap(f, cap, f.name),
    }));
}
function streamWithCap(entry, cap, name) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let total = 0;
        // jszip's internal stream lets us stop inflating at the cap; it is public API but missing from the typings.
        const stream = entry.internalStream('uint8array');
        stream
            .on('data', (chunk) => {
            total += chunk.byteLength;
            if (total > cap) {
                stream.pause();
                reject(new InputError(`entry '${name}' inflates beyond ${cap} bytes`));
                return;
            }
            chunks.push(chunk);
        })
            .on('error', (err) => reject(new InputError(`entry '${name}' cannot be read (${err.message})`)))
            .on('end', () => resolve(Buffer.concat(chunks)))
            .resume();
    });
}
function looksLikeZip(bytes) {
    return bytes.byteLength >= 22 && bytes[0] === 0x50 && bytes[1] === 0x4b;
}
function describeNonZip(bytes) {
    const head = Buffer.from(bytes.subarray(0, 64)).toString('utf8');
    if (head.startsWith('version https://git-lfs'))
        return 'a Git LFS pointer, not the file itself (fetch it with git lfs pull)';
    if (bytes.byteLength === 0)
        return 'an empty file, not a zip archive';
    return 'not a zip archive';
}

;// CONCATENATED MODULE: ./src/source/tree.ts



/** The files of a repository (working tree or a commit), as a {@link FileTree} keyed by repository path. */
class RepoTree {
    reader;
    limits;
    names;
    sizes = new Map();
    actual = new Map();
    constructor(files, reader, limits = DEFAULT_LIMITS) {
        this.reader = reader;
        this.limits = limits;
        this.names = files.map((f) => f.path).sort();
        for (const f of files) {
            this.sizes.set(lookupKey(f.path), f.size);
            this.actual.set(lookupKey(f.path), f.path);
        }
    }
    has(name) {
        return this.sizes.has(lookupKey(name));
    }
    size(name) {
        return this.sizes.get(lookupKey(name));
    }
    async read(name) {
        const key = lookupKey(name);
        const path = this.actual.get(key);
        if (path === undefined)
            throw new InputError(`no file '${name}'`);
        const size = this.sizes.get(key) ?? 0;
        if (size > this.limits.maxFileBytes) {
            throw new InputError(`${size} bytes; files over ${this.limits.maxFileBytes} bytes are not read`);
        }
        return this.reader(path);
    }
    async openArchive(name) {
        return ZipArchive.open(await this.read(name), this.limits);
    }
    /** The files below `prefix`, as a tree with names relative to it. */
    subtree(prefix) {
        return subtree(this, prefix);
    }
}
/** The files of `tree` below folder `dir`, with names relative to it. */
function subtree(tree, dir) {
    return new SubTree(tree, dir === '' ? '' : `${dir}/`);
}
/** The names that start with `prefix`, without it: a binary search of the sorted names, not a scan. */
function namesUnder(sorted, prefix) {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid] < prefix)
            lo = mid + 1;
        else
            hi = mid;
    }
    const out = [];
    for (let i = lo; i < sorted.length && sorted[i].startsWith(prefix); i++)
        out.push(sorted[i].slice(prefix.length));
    return out;
}
class SubTree {
    parent;
    prefix;
    names;
    constructor(parent, prefix) {
        this.parent = parent;
        this.prefix = prefix;
        this.names = namesUnder(parent.names, prefix);
    }
    has(name) {
        return this.parent.has(this.prefix + name);
    }
    size(name) {
        return this.parent.size(this.prefix + name);
    }
    read(name) {
        return this.parent.read(this.prefix + name);
    }
    openArchive(name) {
        return this.parent.openArchive(this.prefix + name);
    }
}
/** A zip's entries as a {@link FileTree}; nested archives share its inflate budget. */
class ArchiveTree {
    archive;
    constructor(archive) {
        this.archive = archive;
    }
    get names() {
        return this.archive.names;
    }
    has(name) {
        return this.archive.has(name);
    }
    size(name) {
        return this.archive.size(name);
    }
    read(name) {
        return this.archive.read(name);
    }
    openArchive(name) {
        return this.archive.openNested(name);
    }
}

;// CONCATENATED MODULE: ./src/formula/tokenizer.ts
/**
 * A Power Fx tokenizer for en-US (invariant) scripts. It never throws and never recurses:
 * interpolated strings nest through an explicit stack.
 */
const TWO_CHAR_OPERATORS = new Set(['<>', '<=', '>=', '&&', '||']);
function tokenize(script) {
    return new Lexer(script).run();
}
function isAsciiIdentStart(c) {
    return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
function isDigit(c) {
    return c >= 48 && c <= 57;
}
const UNICODE_START = /[\p{L}\p{Nl}]/u;
const UNICODE_PART = /[\p{L}\p{N}\p{M}\p{Pc}\p{Cf}]/u;
const UNICODE_SPACE = /\s/u;
function isIdentStart(ch) {
    const c = ch.charCodeAt(0);
    return c < 128 ? isAsciiIdentStart(c) : UNICODE_START.test(ch);
}
function isIdentPart(ch) {
    const c = ch.charCodeAt(0);
    return c < 128 ? isAsciiIdentStart(c) || isDigit(c) : UNICODE_PART.test(ch);
}
function isSpace(ch) {
    const c = ch.charCodeAt(0);
    return c === 32 || (c >= 9 && c <= 13) || (c >= 128 && UNICODE_SPACE.test(ch));
}
class Lexer {
    s;
    pos = 0;
    tokens = [];
    /** One entry per open interpolated string (innermost last): the `{` depth inside its current code part. */
    holes = [];
    inText = false;
    constructor(s) {
        this.s = s;
    }
    run() {
        while (this.pos < this.s.length) {
            if (this.inText)
                this.text();
            else
                this.code();
        }
        return this.tokens;
    }
    push(kind, value, start, extra) {
        const token = { kind, value, start, end: this.pos };
        this.tokens.push(extra === undefined ? token : Object.assign(token, extra));
    }
    code() {
        const s = this.s;
        const ch = s.charAt(this.pos);
        const next = s.charAt(this.pos + 1);
        if (isSpace(ch))
            this.pos++;
        else if (ch === '/' && next === '/')
            this.lineComment();
        else if (ch === '/' && next === '*')
            this.blockComment();
        else if (ch === '"')
            this.string();
        else if (ch === '$' && next === '"')
            this.interpolationStart();
        else if (ch === "'")
            this.quotedIdentifier();
        else if (ch === '[' && next === '@' && this.disambiguated())
            return;
        else if (isIdentStart(ch))
            this.identifier();
        else if (isDigit(ch.charCodeAt(0)) || (ch === '.' && isDigit(next.charCodeAt(0)) && !this.afterValue())) {
            this.number();
        }
        else if (ch === '{' || ch === '}')
            this.brace(ch);
        else
            this.operator(ch, next);
    }
    lineComment() {
        const s = this.s;
        let p = this.pos + 2;
        while (p < s.length && s[p] !== '\n' && s[p] !== '\r')
            p++;
        this.pos = p;
    }
    blockComment() {
        const close = this.s.indexOf('*/', this.pos + 2);
        this.pos = close < 0 ? this.s.length : close + 2;
    }
    /** Reads a `"…"` or `'…'` body where a doubled delimiter escapes it; `pos` is at the opening delimiter. */
    delimited(delimiter) {
        const s = this.s;
        const parts = [];
        let p = this.pos + 1;
        for (;;) {
            const close = s.indexOf(delimiter, p);
            if (close < 0) {
                parts.push(s.slice(p));
                this.pos = s.length;
                return { value: parts.join(''), unterminated: true };
            }
            parts.push(s.slice(p, close));
            if (s[close + 1] !== delimiter) {
                this.pos = close + 1;
                return { value: parts.join(''), unterminated: false };
            }
            parts.push(delimiter);
            p = close + 2;
        }
    }
    string() {
        const start = this.pos;
        const { value, unterminated } = this.delimited('"');
        this.push('string', value, start, unterminated ? { unterminated } : undefined);
    }
    quotedIdentifier() {
        const start = this.pos;
        const { value, unterminated } = this.delimited("'");
        this.push('identifier', value, start, unterminated ? { quoted: true, unterminated } : { quoted: true });
    }
    /** `[@Name]` or `[@'Quoted Name']`; returns false (consuming nothing) when it is not that form. */
    disambiguated() {
        const s = this.s;
        const start = this.pos;
        let name;
        if (s[start + 2] === "'") {
            this.pos = start + 2;
            const quoted = this.delimited("'");
            if (quoted.unterminated)
                return this.rewind(start);
            name = quoted.value;
        }
        else {
            let p = start + 2;
            while (p < s.length && isIdentPart(s.charAt(p)))
                p++;
            if (p === start + 2 || !isIdentStart(s.charAt(start + 2)))
                return false;
            name = s.slice(start + 2, p);
            this.pos = p;
        }
        if (s[this.pos] !== ']')
            return this.rewind(start);
        this.pos++;
        this.push('identifier', name, start, { quoted: true });
        return true;
    }
    rewind(to) {
        this.pos = to;
        return false;
    }
    identifier() {
        const s = this.s;
        const start = this.pos;
        let p = start + 1;
        while (p < s.length && isIdentPart(s.charAt(p)))
            p++;
        this.pos = p;
        this.push('identifier', s.slice(start, p), start);
    }
    number() {
        const s = this.s;
        const start = this.pos;
        let p = start;
        while (isDigit(s.charCodeAt(p)))
            p++;
        if (s[p] === '.' && isDigit(s.charCodeAt(p + 1))) {
            p++;
            while (isDigit(s.charCodeAt(p)))
                p++;
        }
        if (s[p] === 'e' || s[p] === 'E') {
            const sign = s[p + 1] === '+' || s[p + 1] === '-' ? 1 : 0;
            if (isDigit(s.charCodeAt(p + 1 + sign))) {
                p += 1 + sign;
                while (isDigit(s.charCodeAt(p)))
                    p++;
            }
        }
        this.pos = p;
        this.push('number', s.slice(start, p), start);
    }
    /** Whether the previous token ends a value, so that a following `.` is member access, not `.5`. */
    afterValue() {
        const last = this.tokens[this.tokens.length - 1];
        if (last === undefined)
            return false;
        if (last.kind === 'operator')
            return last.value === ')' || last.value === ']' || last.value === '}';
        return last.kind !== 'holeStart' && last.kind !== 'interpolationStart';
    }
    brace(ch) {
        const start = this.pos++;
        const depth = this.holes[this.holes.length - 1];
        if (depth === undefined)
            return this.push('operator', ch, start);
        if (ch === '}' && depth === 0) {
            this.inText = true;
            return this.push('holeEnd', '}', start);
        }
        this.holes[this.holes.length - 1] = depth + (ch === '{' ? 1 : -1);
        this.push('operator', ch, start);
    }
    operator(ch, next) {
        const start = this.pos;
        const two = ch + next;
        const value = TWO_CHAR_OPERATORS.has(two) ? two : ch;
        this.pos += value.length;
        this.push('operator', value, start);
    }
    interpolationStart() {
        const start = this.pos;
        this.pos += 2;
        this.holes.push(0);
        this.inText = true;
        this.push('interpolationStart', '$"', start);
    }
    /** The text part of an interpolated string, up to `{`, the closing `"` or the end of the script. */
    text() {
        const s = this.s;
        const start = this.pos;
        const parts = [];
        let p = start;
        let from = start;
        for (; p < s.length; p++) {
            const ch = s[p];
            const doubled = s[p + 1] === ch;
            if ((ch === '"' || ch === '{') && !doubled)
                break;
            if ((ch === '"' || ch === '{' || ch === '}') && doubled) {
                parts.push(s.slice(from, p + 1));
                from = p + 2;
                p++;
            }
        }
        parts.push(s.slice(from, Math.min(p, s.length)));
        this.pos = Math.min(p, s.length);
        const value = parts.join('');
        const ended = this.pos >= s.length;
        if (this.pos > start)
            this.push('string', value, start, ended ? { unterminated: true } : undefined);
        if (ended)
            return;
        const closer = s[this.pos];
        const at = this.pos++;
        if (closer === '{') {
            this.inText = false;
            this.push('holeStart', '{', at);
        }
        else {
            this.holes.pop();
            this.inText = false;
            this.push('interpolationEnd', '"', at);
        }
    }
}

;// CONCATENATED MODULE: ./src/formula/calls.ts
/**
 * Finds `<flow data source>.Run(…)` calls in one formula and classifies how the result is used.
 * Works on tokens and a bracket table, never on the raw text.
 */

function isOp(token, value) {
    return token !== undefined && token.kind === 'operator' && token.value === value;
}
function isIdent(token, value) {
    return token !== undefined && token.kind === 'identifier' && (value === undefined || token.value === value);
}
const OPENERS = { '(': ')', '[': ']', '{': '}' };
function isOpener(t) {
    return t.kind === 'holeStart' || t.kind === 'interpolationStart' || (t.kind === 'operator' && t.value in OPENERS);
}
function isCloser(t) {
    return (t.kind === 'holeEnd' ||
        t.kind === 'interpolationEnd' ||
        (t.kind === 'operator' && (t.value === ')' || t.value === ']' || t.value === '}')));
}
function closes(opener, closer) {
    if (closer.kind === 'holeEnd')
        return opener.kind === 'holeStart';
    if (closer.kind === 'interpolationEnd')
        return opener.kind === 'interpolationStart';
    return opener.kind === 'operator' && OPENERS[opener.value] === closer.value;
}
function bracketStructure(tokens) {
    const match = new Int32Array(tokens.length).fill(-1);
    const parent = new Int32Array(tokens.length).fill(-1);
    const stack = [];
    tokens.forEach((t, i) => {
        parent[i] = stack[stack.length - 1] ?? -1;
        if (isOpener(t))
            stack.push(i);
        else if (isCloser(t))
            closeGroup(tokens, stack, match, i);
        const opener = match[i] ?? -1;
        if (isCloser(t) && opener >= 0)
            parent[i] = parent[opener] ?? -1;
    });
    return { match, parent };
}
/** Tokenizer-made closers of interpolations are authoritative and pop unclosed brackets; others only match the top. */
function closeGroup(tokens, stack, match, i) {
    const closer = tokens[i];
    const authoritative = closer.kind !== 'operator';
    while (stack.length > 0) {
        const top = stack[stack.length - 1];
        if (closes(tokens[top], closer)) {
            stack.pop();
            match[top] = i;
            match[i] = top;
            return;
        }
        if (!authoritative)
            return;
        stack.pop();
    }
}
/** Index of the first token of each argument of the group opened at `open`, skipping nested groups. */
function argumentStarts(tokens, st, open) {
    const close = (st.match[open] ?? -1) < 0 ? tokens.length : st.match[open];
    if (close <= open + 1)
        return [];
    const starts = [open + 1];
    for (let k = open + 1; k < close; k++) {
        const t = tokens[k];
        if (isOpener(t)) {
            const m = st.match[k] ?? -1;
            if (m < 0)
                break;
            k = m;
        }
        else if (isOp(t, ','))
            starts.push(k + 1);
    }
    return starts;
}
function countArguments(tokens, st, open) {
    return argumentStarts(tokens, st, open).length;
}
/** Which argument of its group the token `at` is in: the last start at or before it. */
function argumentIndex(starts, at) {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= at)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}
function calleeOf(tokens, open) {
    const fn = tokens[open - 1];
    if (!isIdent(fn) || fn === undefined)
        return undefined;
    if (isOp(tokens[open - 2], '.') && isIdent(tokens[open - 3])) {
        const ns = tokens[open - 3];
        return { name: `${ns.value}.${fn.value}`, qualified: true, start: open - 3 };
    }
    return { name: fn.value, qualified: false, start: open - 1 };
}
const SLOT_STARTS = new Set([';', ',', '(', '[', '{', ':']);
const SLOT_ENDS = new Set([';', ',', ')', ']', '}']);
function startsSlot(t) {
    return t === undefined || t.kind === 'holeStart' || (t.kind === 'operator' && SLOT_STARTS.has(t.value));
}
function endsSlot(t) {
    return t === undefined || t.kind === 'holeEnd' || (t.kind === 'operator' && SLOT_ENDS.has(t.value));
}
const MAX_LEVELS = 64;
const untraced = (why) => ({ use: { kind: 'untraced', why } });
const discarded = () => ({ use: { kind: 'discarded' } });
function argumentsOf(ctx, open) {
    let starts = ctx.args.get(open);
    if (starts === undefined) {
        starts = argumentStarts(ctx.tokens, ctx.st, open);
        ctx.args.set(open, starts);
    }
    return starts;
}
function classify(ctx, first, close) {
    let span = [first, close];
    let wrappedBy;
    for (let level = 0; level < MAX_LEVELS; level++) {
        const step = classifySlot(ctx, span[0], span[1]);
        if (!('up' in step)) {
            if (wrappedBy === undefined || step.use.kind === 'discarded')
                return step;
            return untraced(`part of a ${wrappedBy} result that is used`);
        }
        span = step.up;
        wrappedBy ??= step.wraps;
    }
    return untraced('nested too deeply to follow');
}
function classifySlot(ctx, s, e) {
    const { tokens, st } = ctx;
    const prev = tokens[s - 1];
    const next = tokens[e + 1];
    if (!startsSlot(prev) || !endsSlot(next)) {
        const op = startsSlot(prev) ? next : prev;
        return untraced(`used in an expression ('${op?.value ?? ''}')`);
    }
    if (isOp(next, ';'))
        return discarded();
    const open = st.parent[s] ?? -1;
    const opener = tokens[open];
    if (opener === undefined)
        return discarded();
    if (opener.kind === 'holeStart')
        return untraced('used in a string');
    if (isOp(opener, '['))
        return untraced('used in a table');
    if (isOp(opener, '{'))
        return inRecord(ctx, open, s);
    if (isOp(prev, ':'))
        return untraced("used in an expression (':')");
    return inCall(ctx, open, s);
}
function inCall(ctx, open, s) {
    const close = ctx.st.match[open] ?? -1;
    const callee = calleeOf(ctx.tokens, open);
    if (callee === undefined)
        return close < 0 ? untraced('incomplete formula') : { up: [open, close] };
    const starts = argumentsOf(ctx, open);
    const k = argumentIndex(starts, s);
    const n = starts.length;
    const result = callee.qualified ? undefined : byFunction(ctx, callee.name, open, k, n);
    if (result === 'value' || result === 'wrapped') {
        if (close < 0)
            return untraced('incomplete formula');
        return result === 'wrapped' ? { up: [callee.start, close], wraps: callee.name } : { up: [callee.start, close] };
    }
    return result ?? untraced(`passed to ${callee.name}`);
}
/**
 * How a built-in function treats argument `k` of `n`: 'value' when it becomes the function's own value,
 * 'wrapped' when it becomes part of it (a ForAll table, Concurrent).
 */
function byFunction(ctx, name, open, k, n) {
    switch (name) {
        case 'Set':
            return k === 1 ? target(ctx, open, (v) => ({ kind: 'global', name: v })) : undefined;
        case 'Collect':
        case 'ClearCollect':
            return k >= 1 ? target(ctx, open, (v) => ({ kind: 'collection', name: v })) : undefined;
        case 'IfError':
            return 'value';
        case 'Concurrent':
            return 'wrapped';
        case 'ForAll':
            return k === 1 ? 'wrapped' : untraced('iterated by ForAll');
        case 'With':
            return k === 1 ? 'value' : undefined;
        case 'If':
            return k % 2 === 0 && k !== n - 1 ? untraced('used as a condition in If') : 'value';
        case 'Switch':
            return isSwitchResult(k, n) ? 'value' : untraced('used as a value to match in Switch');
        default:
            return undefined;
    }
}
function isSwitchResult(k, n) {
    return (k >= 2 && k % 2 === 0) || (k === n - 1 && n % 2 === 0 && k > 0);
}
/** The name in `F(name, …)`; it must be a single identifier. */
function target(ctx, open, use) {
    const name = ctx.tokens[open + 1];
    if (!isIdent(name) || !isOp(ctx.tokens[open + 2], ',') || name === undefined) {
        return untraced('assigned to something other than a name');
    }
    return { use: use(name.value) };
}
/** `{key: call}`: a context variable of UpdateContext, a With name, or a record going elsewhere. */
function inRecord(ctx, open, s) {
    const { tokens, st } = ctx;
    const key = tokens[s - 2];
    if (!isOp(tokens[s - 1], ':') || !isIdent(key) || key === undefined)
        return untraced('used in a record');
    const close = st.match[open] ?? -1;
    const callOpen = st.parent[open] ?? -1;
    const callee = isOp(tokens[callOpen], '(') ? calleeOf(tokens, callOpen) : undefined;
    const whole = close >= 0 && startsSlot(tokens[open - 1]) && endsSlot(tokens[close + 1]) && !isOp(tokens[close + 1], ';');
    if (callee === undefined || !whole)
        return untraced('stored in a record');
    const first = isOp(tokens[open - 1], '(') && !callee.qualified;
    if (first && callee.name === 'UpdateContext')
        return { use: { kind: 'context', name: key.value } };
    if (first && callee.name === 'With' && isOp(tokens[close + 1], ',')) {
        const end = st.match[callOpen] ?? -1;
        return { use: { kind: 'with', name: key.value }, withBody: { from: close + 2, to: end < 0 ? tokens.length : end } };
    }
    return untraced(`stored in a record passed to ${callee.name}`);
}
/** `.field` or `.'quoted field'` right after the call's `)`. */
function fieldAfter(tokens, close) {
    const field = tokens[close + 2];
    return isOp(tokens[close + 1], '.') && isIdent(field) ? field : undefined;
}
const TEXT_LIMIT = 200;
/** Only this much of a call is looked at, so that nested calls of a huge formula stay linear. */
const TEXT_WINDOW = 1024;
function callText(script, start, end) {
    const windowEnd = Math.min(end, start + TEXT_WINDOW);
    const text = script.slice(start, windowEnd).replace(/\s+/g, ' ').trim();
    if (text.length <= TEXT_LIMIT && windowEnd === end)
        return text;
    return `${text.slice(0, TEXT_LIMIT - 1)}…`;
}
function isCallAt(tokens, i, dataSources) {
    const t = tokens[i];
    return (t.kind === 'identifier' &&
        dataSources.has(t.value) &&
        !isOp(tokens[i - 1], '.') &&
        isOp(tokens[i + 1], '.') &&
        isIdent(tokens[i + 2], 'Run') &&
        isOp(tokens[i + 3], '('));
}
function callAt(script, ctx, i) {
    const { tokens, st } = ctx;
    const first = tokens[i];
    const open = i + 3;
    const close = st.match[open] ?? -1;
    const field = close < 0 ? undefined : fieldAfter(tokens, close);
    const last = field ?? tokens[close] ?? tokens[tokens.length - 1];
    let classified;
    if (field !== undefined)
        classified = { use: { kind: 'field', field: field.value } };
    else if (close < 0)
        classified = untraced('unterminated call');
    else
        classified = classify(ctx, i, close);
    return {
        dataSource: first.value,
        arguments: argumentsOf(ctx, open).length,
        text: callText(script, first.start, last.end),
        use: classified.use,
        start: first.start,
        end: last.end,
        ...(classified.withBody ? { withBody: classified.withBody } : {}),
    };
}
/**
 * The flow calls of one formula, in source order. Pass `tokens` (and `structure`) when they are already
 * at hand so that the formula is tokenized only once.
 */
function findCalls(script, flowDataSources, tokens = tokenize(script), structure = bracketStructure(tokens)) {
    const names = flowDataSources instanceof Set ? flowDataSources : new Set(flowDataSources);
    const ctx = { tokens, st: structure, args: new Map() };
    const calls = [];
    for (let i = 0; i < tokens.length; i++) {
        if (isCallAt(tokens, i, names))
            calls.push(callAt(script, ctx, i));
    }
    return calls;
}

;// CONCATENATED MODULE: ./src/formula/analyze.ts
/**
 * Across all formulas of one app: the flow call sites, and the outputs read from their results
 * directly or through a variable.
 */


const BLANK_CHECKS = new Set(['IsBlank', 'IsEmpty', 'IsError', 'IsBlankOrError']);
/** A bare name that is not a read of the value: a record key, a Set target, an `As` name, a blank check. */
function isIgnoredBareUse(tokens, i) {
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (isOp(next, ':') || (prev?.kind === 'identifier' && prev.value === 'As'))
        return true;
    if (!isOp(prev, '('))
        return false;
    const callee = calleeOf(tokens, i - 1);
    if (callee === undefined || callee.qualified)
        return false;
    return (callee.name === 'Set' && isOp(next, ',')) || (BLANK_CHECKS.has(callee.name) && isOp(next, ')'));
}
/** One pass over a formula: every access to one of `names`. */
function indexAccesses(tokens, names) {
    const index = new Map();
    tokens.forEach((t, i) => {
        if (t.kind !== 'identifier' || !names.has(t.value) || isOp(tokens[i - 1], '.'))
            return;
        const field = tokens[i + 2];
        let access;
        if (isOp(tokens[i + 1], '.') && field?.kind === 'identifier') {
            access = { name: t.value, field: field.value, index: i, start: t.start };
        }
        else if (!isIgnoredBareUse(tokens, i))
            access = { name: t.value, index: i, start: t.start };
        if (access !== undefined)
            pushTo(index, t.value, access);
    });
    return index;
}
const SIMPLE_NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u;
function fxName(name) {
    return SIMPLE_NAME.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
const where = (s) => `${s.control}.${s.property}`;
/** Collects reads and reasons; positions are kept for sorting only. */
class Collector {
    sources;
    reads = new Map();
    reasons = new Map();
    constructor(sources) {
        this.sources = sources;
    }
    call(dataSource) {
        if (!this.reasons.has(dataSource))
            this.reasons.set(dataSource, new Set());
    }
    reason(dataSource, why) {
        this.reasons.get(dataSource)?.add(why);
    }
    read(dataSource, output, src, start, via) {
        const s = this.sources[src];
        const read = {
            dataSource,
            output,
            screen: s.screen,
            control: s.control,
            property: s.property,
            inner: s.inner,
            via,
        };
        const key = `${src}\u0000${start}\u0000${dataSource}\u0000${output}\u0000${via}`;
        if (!this.reads.has(key))
            this.reads.set(key, { read, src, start });
    }
}
const VERB = { global: 'Set', context: 'UpdateContext', with: 'With' };
const NOUN = { global: 'variable', context: 'variable', with: 'With name' };
/** Records what one variable access means for the call that bound the variable. */
function applyAccess(c, sources, found, access, src) {
    const use = found.call.use;
    if (use.kind !== 'global' && use.kind !== 'context' && use.kind !== 'with')
        return;
    const setter = sources[found.src];
    const reader = sources[src];
    const ds = found.call.dataSource;
    if (access.field === undefined) {
        c.reason(ds, `${NOUN[use.kind]} ${use.name} used as a whole in ${where(reader)}`);
        return;
    }
    const via = `${fxName(use.name)}.${fxName(access.field)} (${VERB[use.kind]} in ${where(setter)})`;
    c.read(ds, access.field, src, access.start, via);
}
function recordCall(c, sources, found) {
    const { call, src } = found;
    const s = sources[src];
    c.call(call.dataSource);
    const use = call.use;
    if (use.kind === 'field') {
        c.read(call.dataSource, use.field, src, call.start, `${fxName(call.dataSource)}.Run(…).${fxName(use.field)}`);
    }
    else if (use.kind === 'untraced')
        c.reason(call.dataSource, `${use.why} in ${where(s)}`);
    else if (use.kind === 'collection')
        c.reason(call.dataSource, `result collected into ${use.name} in ${where(s)}`);
}
function pushTo(map, key, value) {
    const list = map.get(key);
    if (list)
        list.push(value);
    else
        map.set(key, [value]);
}
const INCLUDES_LIMIT = 32;
/** Quick reject before tokenizing; names with a `'` may be written with `''` in the text. */
function mentionsAny(script, names) {
    if (names.length > INCLUDES_LIMIT)
        return true;
    return names.some((n) => n.includes("'") || script.includes(n));
}
class Analysis {
    sources;
    flowDataSources;
    parsed = new Map();
    found = [];
    collector;
    constructor(sources, flowDataSources) {
        this.sources = sources;
        this.flowDataSources = flowDataSources;
        this.collector = new Collector(sources);
    }
    parse(src) {
        let p = this.parsed.get(src);
        if (p === undefined) {
            const tokens = tokenize(this.sources[src].script);
            p = { tokens, st: bracketStructure(tokens) };
            this.parsed.set(src, p);
        }
        return p;
    }
    findAllCalls() {
        if (this.flowDataSources.size === 0)
            return this.found;
        this.sources.forEach((s, src) => {
            if (!s.script.includes('Run'))
                return;
            const { tokens, st } = this.parse(src);
            for (const call of findCalls(s.script, this.flowDataSources, tokens, st))
                this.found.push({ src, call });
        });
        for (const f of this.found)
            recordCall(this.collector, this.sources, f);
        return this.found;
    }
    /** Reads through With names: only inside the With body, in the same formula. */
    followWithNames() {
        const bySource = new Map();
        for (const f of this.found) {
            if (f.call.use.kind === 'with')
                pushTo(bySource, f.src, { f, name: f.call.use.name });
        }
        for (const [src, list] of bySource) {
            const index = indexAccesses(this.parse(src).tokens, new Set(list.map((w) => w.name)));
            for (const { f, name } of list)
                this.applyInBody(f, index.get(name) ?? []);
        }
    }
    applyInBody(f, accesses) {
        const body = f.call.withBody;
        if (body === undefined)
            return;
        for (const a of accesses) {
            if (a.index >= body.from && a.index < body.to)
                applyAccess(this.collector, this.sources, f, a, f.src);
        }
    }
    /** Reads through global (app-wide) and context (same screen) variables. */
    followVariables() {
        const bound = new Map();
        for (const f of this.found) {
            const use = f.call.use;
            if (use.kind !== 'global' && use.kind !== 'context')
                continue;
            pushTo(bound, use.name, f);
        }
        if (bound.size === 0)
            return;
        const names = [...bound.keys()];
        const nameSet = new Set(names);
        this.sources.forEach((s, src) => {
            if (!mentionsAny(s.script, names))
                return;
            for (const [name, accesses] of indexAccesses(this.parse(src).tokens, nameSet)) {
                for (const f of bound.get(name) ?? [])
                    this.applyVariable(f, accesses, src);
            }
        });
    }
    applyVariable(f, accesses, src) {
        const sameScreen = this.sources[f.src].screen === this.sources[src].screen;
        if (f.call.use.kind === 'context' && !sameScreen)
            return;
        for (const a of accesses)
            applyAccess(this.collector, this.sources, f, a, src);
    }
}
function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
function placeOrder(sources) {
    return (a, b) => {
        const sa = sources[a.src];
        const sb = sources[b.src];
        return (compareText(sa.inner, sb.inner) ||
            compareText(sa.screen, sb.screen) ||
            compareText(sa.control, sb.control) ||
            compareText(sa.property, sb.property) ||
            a.src - b.src ||
            a.start - b.start);
    };
}
function callSites(sources, found) {
    const order = placeOrder(sources);
    return found
        .map((f) => ({ src: f.src, start: f.call.start, f }))
        .sort(order)
        .map(({ f }) => {
        const s = sources[f.src];
        const { dataSource, arguments: args, text, use } = f.call;
        return {
            dataSource,
            arguments: args,
            text,
            use,
            screen: s.screen,
            control: s.control,
            property: s.property,
            inner: s.inner,
        };
    });
}
function outputReads(sources, c) {
    const order = placeOrder(sources);
    return [...c.reads.values()]
        .sort((a, b) => order(a, b) ||
        compareText(a.read.dataSource, b.read.dataSource) ||
        compareText(a.read.output, b.read.output) ||
        compareText(a.read.via, b.read.via))
        .map((r) => r.read);
}
function analyzeFormulas(sources, flowDataSources) {
    const analysis = new Analysis(sources, new Set(flowDataSources));
    const found = analysis.findAllCalls();
    analysis.followWithNames();
    analysis.followVariables();
    const traced = new Map();
    const untraced = new Map();
    for (const [ds, reasons] of [...analysis.collector.reasons].sort((a, b) => compareText(a[0], b[0]))) {
        traced.set(ds, reasons.size === 0);
        untraced.set(ds, [...reasons].sort(compareText));
    }
    return { callSites: callSites(sources, found), outputReads: outputReads(sources, analysis.collector), traced, untraced };
}

;// CONCATENATED MODULE: ./src/formula/sources.ts
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



/** Aliases a pa.yaml file may use: real files use none; a small bound stops alias-expansion ("billion laughs") input. */
const MAX_YAML_ALIASES = 100;
function cleanInner(inner) {
    return inner.replace(/\\/g, '/');
}
function stripBom(text) {
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
function isBlank(script) {
    return script.trim() === '';
}
// ---------------------------------------------------------------------------------------------
// 1. Controls/<n>.json
// ---------------------------------------------------------------------------------------------
function ruleFormula(rule) {
    if (!isRecord(rule))
        return undefined;
    const property = str(prop(rule, 'Property'));
    const script = str(prop(rule, 'InvariantScript'));
    if (property === '' || isBlank(script))
        return undefined;
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
function controlsJsonFormulas(text, inner) {
    const where = cleanInner(inner);
    const doc = parseJsonText(text);
    if (!isRecord(doc))
        throw new InputError('control JSON is not an object (expected {"TopParent": {…}})');
    const top = prop(doc, 'TopParent');
    if (!isRecord(top))
        throw new InputError('control JSON has no "TopParent" object');
    const screen = str(prop(top, 'Name'));
    if (screen.trim() === '')
        throw new InputError('control JSON: "TopParent" has no "Name"');
    const out = [];
    // Depth-first, in document order, with an explicit stack: nesting depth is the input's to choose.
    const stack = [{ node: top, path: 'TopParent', parent: undefined }];
    while (stack.length > 0) {
        const { node, path, parent } = stack.pop();
        if (!isRecord(node))
            throw new InputError(`control JSON: ${path} is not an object`);
        const own = str(prop(node, 'Name'));
        if (own.trim() === '')
            throw new InputError(`control JSON: ${path} (in '${screen}') has no "Name"`);
        const isGalleryTemplate = parent !== undefined && str(prop(prop(node, 'Template'), 'Name')).toLowerCase() === GALLERY_TEMPLATE;
        const control = isGalleryTemplate ? parent : own;
        const rules = prop(node, 'Rules');
        if (rules !== undefined && rules !== null && !Array.isArray(rules))
            throw new InputError(`control JSON: "Rules" of '${own}' is not a list`);
        for (const rule of asArray(rules)) {
            const f = ruleFormula(rule);
            if (f)
                out.push({ screen, control, property: f.property, script: f.script, inner: where });
        }
        for (const dyn of asArray(prop(node, 'DynamicProperties'))) {
            const f = ruleFormula(prop(dyn, 'Rule'));
            if (f)
                out.push({ screen, control, property: f.property, script: f.script, inner: where });
        }
        const children = prop(node, 'Children');
        if (children === undefined || children === null)
            continue;
        if (!Array.isArray(children))
            throw new InputError(`control JSON: "Children" of '${own}' is not a list`);
        for (let i = children.length - 1; i >= 0; i--)
            stack.push({ node: children[i], path: `a child of '${own}'`, parent: control });
    }
    return out;
}
// ---------------------------------------------------------------------------------------------
// 2. Src/*.pa.yaml (Power Apps YAML v3; the 2023–24 preview shapes are read as well)
// ---------------------------------------------------------------------------------------------
/** A pa.yaml property value: a formula when it is a string starting with `=` (the `=` is not part of the formula). */
function yamlFormula(value) {
    if (typeof value !== 'string' || !value.startsWith('='))
        return undefined;
    const script = value.slice(1);
    return isBlank(script) ? undefined : script;
}
/** The items of a `Children` value: a list of one-key maps (`- Button1: {…}`) or, in v2.2's `App`, a name → control map. */
function yamlChildren(children, owner) {
    if (children === undefined || children === null)
        return [];
    if (Array.isArray(children)) {
        return children.map((item, i) => {
            const pairs = entries(item);
            const first = pairs[0];
            if (pairs.length !== 1 || first === undefined)
                throw new InputError(`pa.yaml: child ${i + 1} of '${owner}' is not a single 'Name: {control}' entry`);
            return { name: first[0], node: first[1] };
        });
    }
    if (isRecord(children))
        return entries(children).map(([name, node]) => ({ name, node }));
    throw new InputError(`pa.yaml: "Children" of '${owner}' is not a list`);
}
function yamlProperties(node, owner) {
    const props = prop(node, 'Properties');
    if (props === undefined || props === null)
        return [];
    if (!isRecord(props))
        throw new InputError(`pa.yaml: "Properties" of '${owner}' is not a map`);
    const out = [];
    for (const [name, value] of entries(props)) {
        const script = yamlFormula(value);
        if (script !== undefined)
            out.push([name, script]);
    }
    return out;
}
/**
 * A component definition's custom properties: v3 has a name → `{PropertyKind, Default: =…, Parameters}` map,
 * the 2023–24 preview a list of one-key maps. `Default` is the property's formula; a parameter's `Default` is
 * stored by the .msapp as the rule `<property>_<parameter>`.
 */
function customPropertyFormulas(def, component) {
    const raw = prop(def, 'CustomProperties');
    if (raw === undefined || raw === null)
        return [];
    let list;
    if (Array.isArray(raw))
        list = raw.flatMap((item) => entries(item));
    else if (isRecord(raw))
        list = entries(raw);
    else
        throw new InputError(`pa.yaml: "CustomProperties" of '${component}' is not a map`);
    const out = [];
    for (const [name, cp] of list) {
        const script = yamlFormula(prop(cp, 'Default'));
        if (script !== undefined)
            out.push([name, script]);
        for (const param of asArray(prop(cp, 'Parameters'))) {
            for (const [pname, pdef] of entries(param)) {
                const pscript = yamlFormula(prop(pdef, 'Default'));
                if (pscript !== undefined)
                    out.push([`${name}_${pname}`, pscript]);
            }
        }
    }
    return out;
}
/** Walks one top parent (the App, a screen, a component definition) and its control tree, in document order. */
function walkYamlTopParent(screen, top, where, out, extra = []) {
    if (top !== null && top !== undefined && !isRecord(top))
        throw new InputError(`pa.yaml: '${screen}' is not a map`);
    for (const [property, script] of extra)
        out.push({ screen, control: screen, property, script, inner: where });
    const stack = [{ name: screen, node: top }];
    while (stack.length > 0) {
        const { name, node } = stack.pop();
        if (node !== null && node !== undefined && !isRecord(node))
            throw new InputError(`pa.yaml: control '${name}' in '${screen}' is not a map`);
        for (const [property, script] of yamlProperties(node, name))
            out.push({ screen, control: name, property, script, inner: where });
        const kids = yamlChildren(prop(node, 'Children'), name);
        for (let i = kids.length - 1; i >= 0; i--)
            stack.push(kids[i]);
    }
}
const PA_YAML_TOP_KEYS = ['App', 'Screens', 'ComponentDefinitions', 'DataSources'];
/** True when the first key line of the text is a PASopa control definition (`Screen1 As screen:`), i.e. fx.yaml content. */
function looksLikeFxYaml(text) {
    for (const line of stripBom(text).split(/\r\n|\r|\n/)) {
        const t = line.trim();
        if (t === '' || t.startsWith('#'))
            continue;
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
function paYamlFormulas(text, inner) {
    const where = cleanInner(inner);
    const clean = stripBom(text);
    if (looksLikeFxYaml(clean))
        return fxYamlFormulas(clean, where);
    let doc;
    try {
        const parsed = (0,lazy/* yamlLib */.x)().parseDocument(clean, { customTags: [], schema: 'core', merge: false, uniqueKeys: true, strict: true, prettyErrors: false });
        const first = parsed.errors[0];
        if (first)
            throw new InputError(`invalid YAML (${first.message.split('\n')[0]})`);
        // No tag is part of pa.yaml; an unknown one would otherwise be dropped silently and its value kept.
        const tag = parsed.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
        if (tag)
            throw new InputError(`pa.yaml uses a YAML tag, which the format does not have (${tag.message.split('\n')[0]})`);
        doc = parsed.toJS({ maxAliasCount: MAX_YAML_ALIASES });
    }
    catch (err) {
        if (err instanceof InputError)
            throw err;
        // The parser reports alias bombs and nesting too deep for it as exceptions (RangeError for the stack).
        throw new InputError(`invalid YAML (${err.message.split('\n')[0]})`);
    }
    if (doc === null || doc === undefined)
        return [];
    if (!isRecord(doc))
        throw new InputError('pa.yaml is not a map (expected App, Screens or ComponentDefinitions at the top level)');
    const out = [];
    const keys = Object.keys(doc);
    if (keys.some((k) => PA_YAML_TOP_KEYS.includes(k))) {
        const unknown = keys.filter((k) => !PA_YAML_TOP_KEYS.includes(k));
        if (unknown.length > 0)
            throw new InputError(`pa.yaml: unexpected top-level key '${unknown.sort()[0]}' (expected App, Screens, ComponentDefinitions or DataSources)`);
        const app = prop(doc, 'App');
        if (app !== undefined && app !== null)
            walkYamlTopParent('App', app, where, out);
        const screens = prop(doc, 'Screens');
        if (screens !== undefined && screens !== null && !isRecord(screens))
            throw new InputError('pa.yaml: "Screens" is not a map of screen names');
        for (const [name, screen] of entries(screens))
            walkYamlTopParent(name, screen, where, out);
        const comps = prop(doc, 'ComponentDefinitions');
        if (comps !== undefined && comps !== null && !isRecord(comps))
            throw new InputError('pa.yaml: "ComponentDefinitions" is not a map of component names');
        for (const [name, def] of entries(comps))
            walkYamlTopParent(name, def, where, out, customPropertyFormulas(def, name));
        return out;
    }
    // The preview shape: each top-level key is a top parent that says what it is with `Control:`.
    const tops = entries(doc);
    if (tops.length === 0 || !tops.every(([, v]) => isRecord(v) && typeof prop(v, 'Control') === 'string')) {
        throw new InputError('pa.yaml: no App, Screens or ComponentDefinitions at the top level');
    }
    for (const [name, top] of tops)
        walkYamlTopParent(name, top, where, out, customPropertyFormulas(top, name));
    return out;
}
// ---------------------------------------------------------------------------------------------
// 3. Src/*.fx.yaml (PASopa, `pac canvas unpack`)
// ---------------------------------------------------------------------------------------------
const SIMPLE_IDENT = /^[\p{L}\p{Nd}\p{Mn}\p{Mc}\p{Pc}\p{Cf}]+/u;
/** A Power Fx identifier at the start of `s`: simple, or `'delimited'` with `''` for a quote. */
function parseIdent(s) {
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
function parseControlDef(key) {
    const id = parseIdent(key);
    if (!id)
        return undefined;
    let rest = key.slice(id.length);
    if (!/^\s+As\s+/.test(rest))
        return undefined;
    rest = rest.replace(/^\s+As\s+/, '');
    const tpl = parseIdent(rest);
    if (!tpl)
        return undefined;
    rest = rest.slice(tpl.length);
    if (rest !== '') {
        if (!rest.startsWith('.'))
            return undefined;
        const variant = parseIdent(rest.slice(1));
        if (!variant || variant.length !== rest.length - 1)
            return undefined;
    }
    return { name: id.name, template: tpl.name };
}
/** A property name as written in fx.yaml: plain, or a delimited identifier (`'My Property'`). */
function unescapeName(key) {
    if (key.startsWith("'")) {
        const id = parseIdent(key);
        if (id && id.length === key.length)
            return id.name;
    }
    return key;
}
/**
 * The key of a key line at `indent`: up to the first `:` outside single quotes, or a double-quoted key
 * (`"'Send Screen' As screen":`, where `\"` stands for `"`). `rest` is what follows the colon.
 */
function readKey(line, indent) {
    let i = indent;
    if (line[i] === '"') {
        i++;
        let key = '';
        while (i < line.length) {
            const ch = line[i];
            if (ch === '\\' && line[i + 1] === '"') {
                key += '"';
                i += 2;
                continue;
            }
            if (ch === '"')
                break;
            key += ch;
            i++;
        }
        if (i >= line.length)
            return undefined;
        i++; // closing quote
        while (line[i] === ' ')
            i++;
        if (line[i] !== ':')
            return undefined;
        return { key: key.trim(), rest: line.slice(i + 1) };
    }
    let quoted = false;
    for (; i < line.length; i++) {
        const ch = line[i];
        if (ch === "'")
            quoted = !quoted;
        else if (ch === ':' && !quoted)
            return { key: line.slice(indent, i).trim(), rest: line.slice(i + 1) };
    }
    return undefined;
}
function leadingSpaces(line) {
    let n = 0;
    while (line.charCodeAt(n) === 32)
        n++;
    return n;
}
/**
 * Reads a `|`, `|-` or `|+` block scalar that starts after line `start` (the key line, at indent `keyIndent`).
 * Follows YAML: the first non-blank line sets the content indent; blank and whitespace-only lines belong to the
 * block; a non-blank line indented at most `keyIndent` (or less than the content indent) ends it.
 */
function readBlock(lines, start, keyIndent, header, lineNo) {
    const m = /^\|([+-]?)([1-9]?)([+-]?)\s*(#.*)?$/.exec(header);
    if (!m)
        throw new InputError(`fx.yaml line ${lineNo}: content of a '|' block must start on the next line`);
    const chomp = m[1] || m[3] || '';
    const explicit = m[2] ? keyIndent + Number(m[2]) : undefined;
    let contentIndent = explicit;
    const body = [];
    let i = start + 1;
    for (; i < lines.length; i++) {
        const line = lines[i];
        const spaces = leadingSpaces(line);
        if (line.trim() === '') {
            body.push(contentIndent !== undefined && spaces > contentIndent ? line.slice(contentIndent) : '');
            continue;
        }
        if (contentIndent === undefined) {
            if (spaces <= keyIndent)
                break;
            contentIndent = spaces;
        }
        if (spaces < contentIndent)
            break;
        body.push(line.slice(contentIndent));
    }
    // Blank lines before the line that ended the block are trailing lines of the block (chomping applies).
    let end = body.length;
    while (end > 0 && body[end - 1] === '')
        end--;
    const content = body.slice(0, end).join('\n');
    const trailing = body.length - end;
    let value;
    if (content === '' && end === 0)
        value = chomp === '+' ? '\n'.repeat(trailing) : '';
    else if (chomp === '-')
        value = content;
    else if (chomp === '+')
        value = content + '\n' + '\n'.repeat(trailing);
    else
        value = content + '\n';
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
function fxYamlFormulas(text, inner) {
    const where = cleanInner(inner);
    const lines = stripBom(text).split(/\r\n|\r|\n/);
    const out = [];
    const stack = [];
    let i = 0;
    while (i < lines.length) {
        const line = lines[i];
        const lineNo = i + 1;
        const indent = leadingSpaces(line);
        const trimmed = line.trim();
        if (trimmed === '' || trimmed.startsWith('#')) {
            i++;
            continue;
        }
        if (line[indent] === '\t')
            throw new InputError(`fx.yaml line ${lineNo}: indentation uses a tab; the format indents with spaces`);
        if (trimmed === '---' || trimmed === '...')
            throw new InputError(`fx.yaml line ${lineNo}: YAML document markers are not part of the format`);
        while (stack.length > 0 && indent <= stack[stack.length - 1].indent)
            stack.pop();
        const parent = stack[stack.length - 1];
        const kv = readKey(line, indent);
        if (!kv || kv.key === '')
            throw new InputError(`fx.yaml line ${lineNo}: expected 'Name: value' or 'Name As template:'`);
        const value = kv.rest.replace(/^ +/, '');
        if (value === '' || value.startsWith('#')) {
            // The start of an object: a control, a component function, or a function's argument block.
            const def = parseControlDef(kv.key);
            if (def) {
                if (parent && parent.kind !== 'control')
                    throw new InputError(`fx.yaml line ${lineNo}: control '${def.name}' inside function '${parent.name}'`);
                const screen = parent ? parent.screen : def.name;
                // A test case's steps are written as `<rule> As TestStep:` children (PASopa's AppTestTransform); the .msapp keeps them as rules of the case.
                const testCase = parent && parent.template === 'TestCase' && /^TestStep\d*$/.test(def.template) ? parent.name : undefined;
                stack.push({ kind: 'control', indent, name: def.name, template: def.template, screen, testCase });
            }
            else if (parent?.kind === 'control' && /^[\p{L}\p{Nd}\p{Mn}\p{Mc}\p{Pc}\p{Cf}]+\(.*\)$/u.test(kv.key)) {
                const fn = kv.key.slice(0, kv.key.indexOf('('));
                stack.push({ kind: 'function', indent, name: fn, control: parent.name, screen: parent.screen });
            }
            else if (parent?.kind === 'function') {
                stack.push({ kind: 'argument', indent, name: unescapeName(kv.key), fn: parent.name, control: parent.control, screen: parent.screen });
            }
            else if (!parent) {
                throw new InputError(`fx.yaml line ${lineNo}: '${kv.key}' is not a control definition ('Name As template:')`);
            }
            else {
                throw new InputError(`fx.yaml line ${lineNo}: '${kv.key}' is neither a control ('Name As template:') nor a function ('Name(…):')`);
            }
            i++;
            continue;
        }
        // A property with a value.
        let script;
        if (value.startsWith('|')) {
            const block = readBlock(lines, i, indent, value, lineNo);
            i = block.next;
            script = block.value.startsWith('=') ? block.value.slice(1) : undefined;
        }
        else if (value.startsWith('>')) {
            throw new InputError(`fx.yaml line ${lineNo}: '>' folded values are not part of the format (use '|')`);
        }
        else {
            i++;
            script = value.startsWith('=') ? value.slice(1) : undefined;
        }
        if (!parent)
            throw new InputError(`fx.yaml line ${lineNo}: property '${kv.key}' outside any control definition`);
        if (script === undefined || isBlank(script))
            continue;
        if (parent.kind === 'control' && parent.testCase !== undefined) {
            if (kv.key === 'Value')
                out.push({ screen: parent.screen, control: parent.testCase, property: parent.name, script, inner: where });
        }
        else if (parent.kind === 'control') {
            out.push({ screen: parent.screen, control: parent.name, property: unescapeName(kv.key), script, inner: where });
        }
        else if (parent.kind === 'argument' && kv.key === 'Default') {
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
function baseName(name) {
    return name.slice(name.lastIndexOf('/') + 1);
}
function sorted(names) {
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
function formulaEntries(names) {
    const all = names.map(cleanInner);
    if (all.some((n) => CONTROLS_ONLY.test(n)))
        return { format: 'controls-json', names: sorted(all.filter((n) => CONTROLS_JSON.test(n))) };
    const notEditorState = (n) => baseName(n).toLowerCase() !== '_editorstate.pa.yaml';
    const pa = all.filter((n) => SRC_PA_YAML.test(n) && notEditorState(n));
    if (pa.length > 0)
        return { format: 'pa-yaml', names: sorted(pa) };
    const fx = all.filter((n) => SRC_FX_YAML.test(n));
    if (fx.length > 0)
        return { format: 'fx-yaml', names: sorted(fx) };
    const otherPa = all.filter((n) => OTHER_SRC_PA_YAML.test(n) && notEditorState(n));
    if (otherPa.length > 0)
        return { format: 'pa-yaml', names: sorted(otherPa) };
    return { format: 'controls-json', names: [] };
}
/** Reads one entry chosen by {@link formulaEntries}. */
function readFormulaSources(format, text, inner) {
    switch (format) {
        case 'controls-json':
            return controlsJsonFormulas(text, inner);
        case 'pa-yaml':
            return paYamlFormulas(text, inner);
        case 'fx-yaml':
            return fxYamlFormulas(text, inner);
    }
}

;// CONCATENATED MODULE: ./src/model/app-formulas.ts



/**
 * Reads an app's formulas (Controls JSON in an .msapp, or the unpacked `Src/*.fx.yaml` / `*.pa.yaml`;
 * one format per app, see `formulaEntries`) and what they do with each flow data source. Called only
 * for apps that have flow data sources: the formulas are the largest part of an app.
 */
async function readAppFormulas(tree, dataSources, origin) {
    const { format, names } = formulaEntries(tree.names);
    if (names.length === 0)
        return { byDataSource: undefined, problems: [] };
    const problems = [];
    const files = [];
    for (const name of names) {
        try {
            const b = await tree.read(name);
            files.push({ name, bytes: Buffer.from(b.buffer, b.byteOffset, b.byteLength) });
        }
        catch (err) {
            problems.push({ origin: origin(name), message: `formulas cannot be read (${errorText(err)}); flow calls in it are not known` });
        }
    }
    const parse = (f) => {
        try {
            return readFormulaSources(format, decodeText(f.bytes), f.name);
        }
        catch (err) {
            problems.push({ origin: origin(f.name), message: `formulas cannot be read (${errorText(err)}); flow calls in it are not known` });
            return [];
        }
    };
    // Only files that can hold a call are parsed first; then only those that name a variable the
    // results went into (the rest cannot read an output). Screens are the bulk of an app.
    const calling = files.filter((f) => f.bytes.includes('Run'));
    const sources = calling.flatMap(parse);
    const variables = resultNames(analyzeFormulas(sources, dataSources));
    // A name with a quote is written with it doubled ('it''s'): such names are looked for in every file.
    const mentions = (f) => variables.some((v) => v.includes("'") || f.bytes.includes(v));
    const rest = files.filter((f) => !calling.includes(f) && mentions(f));
    const facts = rest.length > 0 ? analyzeFormulas([...sources, ...rest.flatMap(parse)], dataSources) : analyzeFormulas(sources, dataSources);
    return { byDataSource: byDataSource(facts, dataSources, origin, problems.length > 0), problems };
}
/** The names a call's result was stored under: what the other files must mention to read an output. */
function resultNames(facts) {
    const out = new Set();
    for (const c of facts.callSites)
        if ('name' in c.use)
            out.add(c.use.name);
    return [...out];
}
function byDataSource(facts, dataSources, origin, incomplete) {
    const out = new Map();
    for (const ds of dataSources) {
        const untraced = [...(facts.untraced.get(ds) ?? [])];
        // A formula file that could not be read may hold calls and reads: nothing is certain then.
        if (incomplete)
            untraced.push('some formula files could not be read');
        out.set(ds, {
            callSites: facts.callSites
                .filter((c) => c.dataSource === ds)
                .map((c) => ({ screen: c.screen, control: c.control, property: c.property, arguments: c.arguments, formula: c.text, use: c.use.kind, location: origin(c.inner) })),
            outputReads: facts.outputReads.filter((r) => r.dataSource === ds).map((r) => ({ output: r.output, screen: r.screen, control: r.control, property: r.property, via: r.via })),
            traced: (facts.traced.get(ds) ?? true) && !incomplete,
            untraced,
        });
    }
    return out;
}
function errorText(err) {
    return err instanceof Error ? err.message : String(err);
}
/** Attaches the formula facts to the calls they describe. */
function withFormulas(calls, result) {
    if (!result.byDataSource)
        return calls;
    return calls.map((c) => ({ ...c, formulas: result.byDataSource?.get(c.dataSource) }));
}

;// CONCATENATED MODULE: ./src/model/data-sources.ts

// Exports write the ApiId in lower case and the ServiceKind as AddinWadl.
const FLOW_MARKERS = ['logicflows', 'AddinWadl'].map((m) => Buffer.from(m));
const NAME_KEY = Buffer.from('"Name"');
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
/**
 * The entries of `References/DataSources.json` that may be flows. The file also holds every table
 * and connector definition an app uses, often megabytes (tens, with the connectors' WADL inlined):
 * rather than parse it all, one scan finds the byte ranges of the `DataSources` array's elements and,
 * for each, whether one of its own string fields names a flow (`…/shared_logicflows`, `AddinWadl`)
 * or its `Name` key. Only those elements are parsed. Anything unexpected in the layout falls back to
 * parsing the whole file (which then reports invalid JSON properly).
 */
function flowDataSourceCandidates(bytes) {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // Native searches first: half the bytes of real apps' DataSources.json belong to apps that call no flow.
    if (!FLOW_MARKERS.some((m) => buf.includes(m)))
        return [];
    const elements = scanElements(buf);
    if (!elements)
        return asArray(prop(parseJson(bytes), 'DataSources'));
    // An element without a Name is no data source at all: parsed so that the reader can name it.
    return elements.filter((e) => e.flowMarker || !e.name).map((e) => parseJsonText(buf.toString('utf8', e.start, e.end)));
}
/**
 * Whether the string whose quotes are at `open` and `close` is a flow marker: an ApiId ending in
 * `logicflows` or the ServiceKind `AddinWadl` (letters compared without case). Byte compares only:
 * this runs for every field of every data source.
 */
function isFlowMarker(buf, open, close) {
    return endsWith(buf, open + 1, close, LOGICFLOWS) || (close - open - 1 === ADDIN_WADL.length && endsWith(buf, open + 1, close, ADDIN_WADL));
}
function endsWith(buf, start, end, suffix) {
    if (end - start < suffix.length)
        return false;
    const from = end - suffix.length;
    for (let k = 0; k < suffix.length; k++)
        if ((buf[from + k] | 0x20) !== suffix[k])
            return false;
    return true;
}
// Lower case: compared with each byte OR 0x20 (ASCII letters only in both).
const LOGICFLOWS = Buffer.from('logicflows');
const ADDIN_WADL = Buffer.from('addinwadl');
/** The index of the quote that closes the string opened at `open`: a quote preceded by an even number of backslashes. Found with native searches, not byte by byte. */
function stringEnd(buf, open) {
    let q = buf.indexOf(QUOTE, open + 1);
    while (q >= 0) {
        let slashes = 0;
        while (buf[q - 1 - slashes] === BACKSLASH)
            slashes++;
        if (slashes % 2 === 0)
            return q;
        q = buf.indexOf(QUOTE, q + 1);
    }
    return -1;
}
/** The objects two levels down (`{"DataSources": [ {…}, {…} ]}`), or undefined when the file does not have that shape. */
function scanElements(buf) {
    const out = [];
    let depth = 0;
    let current;
    for (let i = 0; i < buf.length; i++) {
        const c = buf[i];
        if (c === QUOTE) {
            const end = stringEnd(buf, i);
            if (end < 0)
                return undefined;
            if (depth === 3 && current) {
                if (!current.name && end - i === NAME_KEY.length - 1 && buf.compare(NAME_KEY, 0, NAME_KEY.length, i, end + 1) === 0)
                    current.name = true;
                if (!current.flowMarker && isFlowMarker(buf, i, end))
                    current.flowMarker = true;
            }
            i = end;
        }
        else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
            depth++;
            if (depth === 3) {
                if (c !== OPEN_OBJECT)
                    return undefined;
                current = { start: i, end: i, flowMarker: false, name: false };
            }
        }
        else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
            if (depth === 3 && current) {
                current.end = i + 1;
                out.push(current);
                current = undefined;
            }
            depth--;
            if (depth < 0)
                return undefined;
        }
    }
    return depth === 0 ? out : undefined;
}

;// CONCATENATED MODULE: ./src/model/types-normalize.ts
/**
 * Maps the type names of flow trigger schemas (JSON schema), WADL (`xs:` types) and jsonTypes
 * to one vocabulary, so that a stored signature and a flow can be compared:
 * string, number, boolean, object, array, any.
 * JSON `integer` and `number` both travel as numbers from Power Fx, so they compare equal.
 */
function normalizeType(type) {
    switch (type.toLowerCase()) {
        case 'string':
        case 'anyuri':
        case 'date':
        case 'datetime':
        case 'base64binary':
        case 'binary':
            return 'string';
        case 'number':
        case 'integer':
        case 'int':
        case 'long':
        case 'double':
        case 'float':
        case 'decimal':
            return 'number';
        case 'boolean':
            return 'boolean';
        case 'object':
            return 'object';
        case 'array':
            return 'array';
        default:
            return 'any';
    }
}
/** Whether a value of the stored type still fits the flow's type. `any` fits everything. */
function typesCompatible(stored, current) {
    return stored === current || stored === 'any' || current === 'any';
}

;// CONCATENATED MODULE: ./src/model/wadl.ts


/**
 * Reads a stored signature; throws an InputError for invalid XML. A document that is not an
 * `<application>` with a method to run the flow gives `problem` instead of an empty signature:
 * an unreadable copy must not look like a flow with no inputs.
 */
function parseWadl(xml) {
    const app = prop(parseXml(xml), 'application');
    const method = isRecord(app) ? runMethod(app) : undefined;
    if (method === undefined) {
        return { title: '', inputs: [], outputs: undefined, problem: isRecord(app) ? 'the stored signature (WADL) has no method to run the flow' : 'the stored signature (WADL) has no <application> element' };
    }
    const types = jsonTypes(app);
    const request = prop(method, 'request');
    const inputs = [];
    for (const rep of asArray(prop(request, 'representation'))) {
        for (const param of asArray(prop(rep, 'param'))) {
            if (attr(param, 'style') !== 'plain' && attr(param, 'style') !== '')
                continue;
            inputs.push({
                name: attr(param, 'name'),
                type: wadlType(attr(param, 'type'), types),
                required: attr(param, 'required') === 'true',
                title: attr(prop(param, 'doc'), 'title'),
            });
        }
    }
    const response = prop(method, 'response');
    let outputs;
    if (response !== undefined) {
        outputs = [];
        for (const rep of asArray(prop(response, 'representation'))) {
            const element = localName(attr(rep, 'element'));
            if (element)
                outputs.push(...typeOutputs(element, types));
        }
    }
    return { title: attr(prop(app, 'doc'), 'title'), inputs, outputs };
}
const TYPE_KINDS = ['object', 'array', 'string', 'number', 'integer', 'boolean'];
function jsonTypes(app) {
    const types = new Map();
    const grammars = prop(app, 'grammars');
    for (const jt of asArray(prop(grammars, 'jsonTypes'))) {
        for (const kind of TYPE_KINDS) {
            for (const node of asArray(prop(jt, kind))) {
                if (isRecord(node) || node === '') {
                    const rec = isRecord(node) ? node : {};
                    const name = attr(rec, 'name');
                    if (name)
                        types.set(name, { kind, node: rec });
                }
            }
        }
    }
    return types;
}
function runMethod(app) {
    const methods = [];
    for (const res of asArray(prop(prop(app, 'resources'), 'resource')))
        methods.push(...asArray(prop(res, 'method')));
    return methods.find((m) => isRecord(m) && attr(m, 'id') === 'Run') ?? methods.find(isRecord);
}
function localName(qname) {
    return qname.slice(qname.indexOf(':') + 1);
}
function wadlType(type, types) {
    if (type.startsWith('xs:'))
        return normalizeType(type.slice(3));
    const ref = types.get(localName(type));
    return ref ? normalizeType(ref.kind) : normalizeType(localName(type));
}
/** Output fields of the stored response type: object properties, or item properties (`[].name`) of an array. */
function typeOutputs(name, types) {
    const root = types.get(name);
    if (!root)
        return [];
    if (root.kind === 'array') {
        const item = types.get(attr(root.node, 'typeRef'));
        return item ? properties(item, types, '[].') : [];
    }
    return root.kind === 'object' ? properties(root, types, '') : [];
}
function properties(obj, types, prefix) {
    return asArray(prop(obj.node, 'property')).map((p) => {
        const ref = attr(p, 'typeRef');
        const type = attr(p, 'type') || (ref ? (types.get(ref)?.kind ?? 'object') : 'any');
        return { name: prefix + attr(p, 'name'), type: normalizeType(type), title: attr(p, 'title') };
    });
}

;// CONCATENATED MODULE: ./src/model/canvas-app.ts




const FLOW_API = '/shared_logicflows';
function isFlowDataSource(ds) {
    if (str(prop(ds, 'Type')) !== 'ServiceInfo')
        return false;
    return str(prop(ds, 'ApiId')).toLowerCase().endsWith(FLOW_API) || str(prop(ds, 'ServiceKind')) === 'AddinWadl';
}
function toFlowDataSource(ds, wadl, wadlWhere) {
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
function namedFlowSources(candidates, origin, problems) {
    const out = [];
    candidates.forEach((ds, i) => {
        if (!isRecord(ds) || typeof prop(ds, 'Name') !== 'string' || typeof prop(ds, 'Type') !== 'string') {
            problems.push({ origin, message: `data source entry ${i + 1} is not a data source record (no Name or Type); it is skipped` });
            return;
        }
        if (isFlowDataSource(ds) && str(prop(ds, 'Name')).trim() === '') {
            problems.push({ origin, message: `a flow data source has an empty Name; it is skipped` });
            return;
        }
        if (isFlowDataSource(ds))
            out.push(ds);
    });
    return out;
}
/** Reads an .msapp: only `References/DataSources.json` and `Properties.json` are inflated. */
async function readMsapp(msapp, origin) {
    const dsName = 'References/DataSources.json';
    const dsBytes = msapp.has(dsName) ? await msapp.read(dsName) : undefined;
    const problems = [];
    const sources = namedFlowSources(dsBytes ? flowDataSourceCandidates(dsBytes) : [], origin(dsName), problems);
    const flows = sources.map((ds) => toFlowDataSource(ds, prop(prop(ds, 'WadlMetadata'), 'WadlXml'), `WadlMetadata.WadlXml of '${str(prop(ds, 'Name'))}'`));
    const propsBytes = msapp.has('Properties.json') ? await msapp.read('Properties.json') : undefined;
    // An app with no flow data source left is done, unless its connections still name a flow (then an entry was lost).
    if (flows.length === 0 && !(propsBytes && Buffer.from(propsBytes.buffer, propsBytes.byteOffset, propsBytes.byteLength).includes('logicflows')))
        return { calls: [], secrets: [], problems };
    const raw = prop(propsBytes ? parseJson(propsBytes) : {}, 'LocalConnectionReferences');
    const lcr = typeof raw === 'string' && raw !== '' ? parseJsonText(raw) : isRecord(raw) ? raw : {};
    problems.push(...lostDataSources(lcr, flows, origin(dsName)));
    if (flows.length === 0)
        return { calls: [], secrets: [], problems };
    return withAppFormulas(msapp, buildDocument(flows, lcr, origin(dsName), origin('Properties.json'), problems), origin);
}
/** Flow data sources the app's connections name but DataSources.json does not hold (readably): their calls cannot be checked. */
function lostDataSources(lcr, flows, origin) {
    const known = new Set(flows.map((f) => f.name));
    const lost = new Set();
    for (const [, entry] of entries(lcr)) {
        const api = str(prop(prop(entry, 'connectionRef'), 'id')) || str(prop(entry, 'connectionInstanceId'));
        if (!api.toLowerCase().includes(FLOW_API))
            continue;
        for (const ds of asArray(prop(entry, 'dataSources')))
            if (typeof ds === 'string' && !known.has(ds))
                lost.add(ds);
    }
    return [...lost].sort().map((ds) => ({ origin, message: `the app's connections name the flow data source '${ds}', but DataSources.json holds no readable entry for it; its calls are not checked` }));
}
/** Reads the formulas of an app that calls flows, and attaches what they do with each flow to its call. */
async function withAppFormulas(tree, doc, origin) {
    const result = await readAppFormulas(tree, doc.calls.map((c) => c.dataSource), origin);
    return { ...doc, calls: withFormulas(doc.calls, result), problems: [...doc.problems, ...result.problems] };
}
/**
 * Reads unpacked canvas sources (`pac canvas unpack`, SolutionPackager `--processCanvasApps`):
 * `DataSources/<name>.json`, `pkgs/Wadl/<name>.xml`, `Connections/Connections.json`.
 */
async function readUnpackedApp(src, origin) {
    const flows = [];
    const problems = [];
    let firstDs = '';
    for (const name of src.names) {
        if (!/^DataSources\/[^/]+\.json$/i.test(name))
            continue;
        let parsed;
        try {
            parsed = parseJson(await src.read(name));
        }
        catch (err) {
            problems.push({ origin: origin(name), message: describeError(err) });
            continue;
        }
        for (const ds of namedFlowSources(asArray(parsed), origin(name), problems)) {
            const wadlName = `pkgs/Wadl/${str(prop(ds, 'Name'))}.xml`;
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
function describeError(err) {
    return err instanceof Error ? err.message : String(err);
}
function buildDocument(flows, lcr, dsOrigin, lcrOrigin, problems) {
    const calls = flows.map((ds) => toCall(ds, lcr, dsOrigin));
    flows.forEach((ds, i) => {
        const c = calls[i];
        if (c.signatureUnreadable)
            problems.push({ origin: (ds.wadl ? ds.wadlOrigin : undefined) ?? c.origin, message: `flow data source '${c.dataSource}': ${c.signatureUnreadable}; its inputs and outputs are not checked` });
    });
    return { calls, secrets: findCallbackSecrets(lcr, lcrOrigin), problems };
}
function storedSignature(ds) {
    if (!ds.wadl)
        return { title: '', inputs: [], outputs: undefined, problem: ds.wadlProblem ?? 'no stored signature' };
    try {
        return parseWadl(ds.wadl);
    }
    catch (err) {
        return { title: '', inputs: [], outputs: undefined, problem: `the stored signature (WADL) cannot be read: ${describeError(err)}` };
    }
}
function toCall(ds, lcr, origin) {
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
function flowsNamedByRecord(refs) {
    const all = entries(refs);
    if (all.length === 0)
        return undefined;
    const ids = [];
    for (const [, entry] of all) {
        const api = str(prop(prop(entry, 'connectionRef'), 'id')) || str(prop(entry, 'id')) || str(prop(entry, 'connectionInstanceId'));
        if (!api.toLowerCase().includes(FLOW_API))
            continue;
        const hints = propCI(entry, 'parameterHints') ?? propCI(propCI(entry, 'connectionRef'), 'parameterHints');
        const id = normalizeGuid(propCI(propCI(hints, 'workflowEntityId'), 'value'));
        if (!id)
            return undefined;
        ids.push(id);
    }
    return ids;
}
function connectionEntryFor(refs, dataSource) {
    for (const [, entry] of entries(refs)) {
        if (asArray(prop(entry, 'dataSources')).includes(dataSource))
            return entry;
    }
    return undefined;
}
/**
 * The flow connections an app recorded: `dependencies` maps each flow connection key to the
 * app's own connection entry (an object), or lists those entries (an array, with the key in
 * `parameterHints`). The entry's connector id gives the API.
 */
function storedConnections(entry, refs) {
    const deps = prop(entry, 'dependencies');
    const hints = prop(prop(entry, 'connectionRef'), 'parameterHints') ?? prop(entry, 'parameterHints');
    const pairs = Array.isArray(deps)
        ? deps.filter((d) => typeof d === 'string').map((id) => [str(prop(prop(hints, id), 'value')) || id, id])
        : entries(deps).map(([key, id]) => [key, str(id)]);
    const out = new Map();
    for (const [key, id] of pairs) {
        const target = prop(refs, id);
        const api = apiName(str(prop(prop(target, 'connectionRef'), 'id')) || str(prop(target, 'id')) || str(prop(target, 'connectionInstanceId')));
        out.set(key, { key, api: api || key.replace(/[-_]\d+$/, '') });
    }
    return [...out.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
/** `shared_sharepointonline` from `/providers/microsoft.powerapps/apis/shared_sharepointonline[/connections/…]`. */
function apiName(id) {
    const m = /\/apis\/([^/]+)/i.exec(id);
    return m ? m[1] : '';
}
/** Flow callback URLs with a SAS signature: anyone who has one can start the flow. */
function findCallbackSecrets(lcr, origin) {
    const found = [];
    for (const [, entry] of entries(lcr)) {
        const uri = str(prop(prop(entry, 'connectionParameters'), 'workFlowCallbackUri'));
        if (/[?&]sig=[^&\s]+/i.test(uri)) {
            for (const ds of asArray(prop(entry, 'dataSources')))
                found.push({ dataSource: str(ds), origin });
        }
    }
    return found;
}
function compact(o) {
    for (const k of Object.keys(o))
        if (o[k] === undefined)
            delete o[k];
    return o;
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/model/flow-shape.ts

/**
 * What makes a parsed `Workflows/*.json` (or legacy `definition.json`) unusable as a flow
 * definition, or undefined when it has the shape FlowGuard reads (solution-format §3). Only the
 * parts the rules depend on are checked: the trigger, its input schema, the action tree, the
 * response schemas and the connection references. Anything else may vary freely.
 */
function definitionProblem(json) {
    if (!isRecord(json))
        return `the file is ${kindOf(json)}, not a flow definition object`;
    const properties = prop(json, 'properties');
    if (!isRecord(properties))
        return properties === undefined ? "it has no 'properties'" : `'properties' is ${kindOf(properties)}, not an object`;
    const definition = prop(properties, 'definition');
    if (!isRecord(definition))
        return definition === undefined ? "it has no 'properties.definition'" : `'properties.definition' is ${kindOf(definition)}, not an object`;
    return triggerProblem(prop(definition, 'triggers')) ?? actionsProblem(prop(definition, 'actions')) ?? connectionsProblem(prop(properties, 'connectionReferences'));
}
function triggerProblem(triggers) {
    if (!isRecord(triggers))
        return triggers === undefined ? "it has no 'definition.triggers'" : `'definition.triggers' is ${kindOf(triggers)}, not an object`;
    const first = entries(triggers)[0];
    if (!first)
        return "'definition.triggers' is empty";
    const [name, node] = first;
    if (!isRecord(node))
        return `trigger '${name}' is ${kindOf(node)}, not an object`;
    if (typeof prop(node, 'type') !== 'string')
        return `trigger '${name}' has no 'type'`;
    return schemaProblem(prop(prop(node, 'inputs'), 'schema'), `trigger '${name}' inputs.schema`);
}
function schemaProblem(schema, where) {
    if (schema === undefined)
        return undefined;
    if (!isRecord(schema))
        return `${where} is ${kindOf(schema)}, not an object`;
    const props = prop(schema, 'properties');
    if (props !== undefined && !isRecord(props))
        return `${where}.properties is ${kindOf(props)}, not an object`;
    const required = prop(schema, 'required');
    if (required !== undefined && !(Array.isArray(required) && required.every((r) => typeof r === 'string')))
        return `${where}.required is not a list of names`;
    const items = prop(schema, 'items');
    return items === undefined ? undefined : schemaProblem(items, `${where}.items`);
}
/** Walks the action tree without recursion (hostile nesting cannot exhaust the stack). */
function actionsProblem(root) {
    const stack = [[root, 'definition.actions']];
    while (stack.length > 0) {
        const [node, where] = stack.pop();
        if (node === undefined)
            continue;
        if (!isRecord(node))
            return `'${where}' is ${kindOf(node)}, not an object`;
        for (const [name, action] of entries(node)) {
            if (!isRecord(action))
                return `action '${name}' is ${kindOf(action)}, not an object`;
            if (String(prop(action, 'type')).toLowerCase() === 'response') {
                const problem = schemaProblem(prop(prop(action, 'inputs'), 'schema'), `response '${name}' inputs.schema`);
                if (problem)
                    return problem;
            }
            stack.push([prop(action, 'actions'), `${name}.actions`], [prop(prop(action, 'else'), 'actions'), `${name}.else.actions`], [prop(prop(action, 'default'), 'actions'), `${name}.default.actions`]);
            const cases = prop(action, 'cases');
            if (cases !== undefined && !isRecord(cases))
                return `'${name}.cases' is ${kindOf(cases)}, not an object`;
            for (const [c, body] of entries(cases))
                stack.push([prop(body, 'actions'), `${name}.cases.${c}.actions`]);
        }
    }
    return undefined;
}
function connectionsProblem(refs) {
    if (refs === undefined)
        return undefined;
    if (!isRecord(refs))
        return `'properties.connectionReferences' is ${kindOf(refs)}, not an object`;
    for (const [key, ref] of entries(refs))
        if (!isRecord(ref))
            return `connection reference '${key}' is ${kindOf(ref)}, not an object`;
    return undefined;
}
function kindOf(v) {
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'a list';
    return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

;// CONCATENATED MODULE: ./src/model/flow-definition.ts




/**
 * Reads a flow definition. A file that parses but is not a usable definition (no
 * `properties.definition`, a trigger or actions of the wrong shape) gives an empty definition
 * with `unreadable` set: what FlowGuard cannot read must never look like a flow that drifted.
 */
function readFlowDefinition(json, rawText, hash = true) {
    const problem = definitionProblem(json);
    if (problem)
        return unreadableDefinition(problem);
    const properties = prop(json, 'properties');
    const definition = prop(properties, 'definition');
    const trigger = firstTrigger(definition);
    const actions = collectActions(prop(definition, 'actions'));
    const responseNodes = actions.filter((a) => str(prop(a.node, 'type')).toLowerCase() === 'response');
    const responses = responseNodes.map(readResponse);
    return {
        trigger: trigger?.info,
        inputs: trigger?.info.powerApps ? triggerInputs(trigger.node) : [],
        outputs: unionOutputs(responses.filter((r) => r.success)),
        responses,
        connections: readConnections(prop(properties, 'connectionReferences')),
        waits: findWaits(actions, responseNodes),
        childFlows: childFlowIds(actions),
        // Flows that take the run-only user's connections from the trigger header (2020–21 exports).
        usesInvokerTokens: rawText.includes('X-MS-APIM-Tokens'),
        definitionHash: hash ? hashDefinition(properties) : '',
        unreadable: undefined,
    };
}
function unreadableDefinition(problem) {
    return { trigger: undefined, inputs: [], outputs: [], responses: [], connections: [], waits: [], childFlows: [], usesInvokerTokens: false, definitionHash: '', unreadable: problem };
}
/**
 * Workflow Definition Language reads a string that starts with `@` as an expression, so a literal
 * leading `@` is written `@@` — in schema property names too (`@@odata.etag`), while the app's
 * stored copy says `@odata.etag` (solution-format §8b.1).
 */
function unescapeWdl(name) {
    return name.startsWith('@@') ? name.slice(1) : name;
}
// ---- trigger and inputs ----
function firstTrigger(definition) {
    const triggers = entries(prop(definition, 'triggers'));
    const first = triggers[0];
    if (!first)
        return undefined;
    const [name, node] = first;
    const type = str(prop(node, 'type'));
    const kind = str(prop(node, 'kind'));
    const isRequest = type.toLowerCase() === 'request';
    const powerApps = isRequest && kind === 'PowerAppV2' ? 'v2' : isRequest && kind === 'PowerApp' ? 'v1' : undefined;
    return { node, info: { name, type, kind, powerApps } };
}
function triggerInputs(trigger) {
    const schema = prop(prop(trigger, 'inputs'), 'schema');
    const required = requiredSet(schema);
    // Keep the schema's own key order: it is the order of the Run() arguments.
    const props = prop(schema, 'properties');
    if (!isRecord(props))
        return [];
    return Object.keys(props).map((key) => {
        const p = props[key];
        const name = unescapeWdl(key);
        return {
            name,
            type: normalizeType(str(prop(p, 'type')) || 'any'),
            required: required.has(name),
            title: unescapeWdl(str(prop(p, 'title'))),
        };
    });
}
function requiredSet(schema) {
    return new Set(asArray(prop(schema, 'required')).filter((r) => typeof r === 'string').map(unescapeWdl));
}
/** Every action of the definition, depth first, including those nested in Scope, If, Switch, Foreach and Until. */
function collectActions(root, path = [], out = []) {
    if (!isRecord(root))
        return out;
    for (const [name, node] of entries(root)) {
        out.push({ name, node, path, siblings: root });
        const inner = [...path, name];
        collectActions(prop(node, 'actions'), inner, out);
        collectActions(prop(prop(node, 'else'), 'actions'), inner, out);
        collectActions(prop(prop(node, 'default'), 'actions'), inner, out);
        for (const [, c] of entries(prop(node, 'cases')))
            collectActions(prop(c, 'actions'), inner, out);
    }
    return out;
}
function readResponse(r) {
    const inputs = prop(r.node, 'inputs');
    const statusCode = literalStatus(prop(inputs, 'statusCode'));
    return {
        action: r.name,
        kind: str(prop(r.node, 'kind')) || 'Http',
        asynchronous: /asynchronous/i.test(str(prop(r.node, 'operationOptions'))),
        statusCode,
        // An expression status (`@{…}`) may be anything; it counts as a success, so its outputs are judged.
        success: statusCode === undefined || statusCode < 400,
        outputs: schemaOutputs(prop(inputs, 'schema')),
    };
}
function literalStatus(v) {
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d{3}\s*$/.test(v) ? Number(v) : NaN;
    return Number.isInteger(n) ? n : undefined;
}
/** Output fields of a response schema: object properties, or item properties (`[].name`) of an array. */
function schemaOutputs(schema) {
    const arrayRoot = str(prop(schema, 'type')) === 'array';
    const props = arrayRoot ? prop(prop(schema, 'items'), 'properties') : prop(schema, 'properties');
    return entries(props).map(([key, p]) => ({
        name: (arrayRoot ? '[].' : '') + unescapeWdl(key),
        type: normalizeType(str(prop(p, 'type')) || 'any'),
        title: unescapeWdl(str(prop(p, 'title'))),
    }));
}
function unionOutputs(responses) {
    const byName = new Map();
    for (const r of responses)
        for (const o of r.outputs)
            if (!byName.has(o.name))
                byName.set(o.name, o);
    return [...byName.values()];
}
function readConnections(refs) {
    return entries(refs).map(([key, ref]) => {
        const api = str(prop(prop(ref, 'api'), 'name')) || lastSegment(str(prop(ref, 'id')));
        return {
            key,
            api: api || key.replace(/[-_]\d+$/, ''),
            runtimeSource: runtimeSource(ref),
            connectionReference: str(prop(prop(ref, 'connection'), 'connectionReferenceLogicalName')) || undefined,
        };
    });
}
/** `runtimeSource` (solutions) or `source` (legacy packages); a connection without either runs embedded. */
function runtimeSource(ref) {
    const v = (str(prop(ref, 'runtimeSource')) || str(prop(ref, 'source'))).toLowerCase();
    if (v === 'invoker')
        return 'invoker';
    if (v === 'embedded' || v === '')
        return 'embedded';
    return 'unknown';
}
function lastSegment(id) {
    return id.slice(id.lastIndexOf('/') + 1);
}
function childFlowIds(actions) {
    const ids = new Set();
    for (const a of actions) {
        if (str(prop(a.node, 'type')).toLowerCase() !== 'workflow')
            continue;
        const id = normalizeGuid(prop(prop(prop(a.node, 'inputs'), 'host'), 'workflowReferenceName'));
        if (id)
            ids.add(id);
    }
    return [...ids].sort();
}
// ---- actions that can wait ----
const APPROVAL_OPERATIONS = new Set(['startandwaitforanapproval', 'waitforanapproval', 'sendmailwithoptions', 'sendapprovalmail', 'postadaptivecardandwaitforresponse', 'postcardandwaitforresponse']);
const UNIT_SECONDS = { second: 1, minute: 60, hour: 3600, day: 86400, week: 604800, month: 2592000 };
function findWaits(actions, responses) {
    const before = actionsBeforeResponses(actions, responses);
    const waits = [];
    for (const a of actions) {
        const w = classifyWait(a);
        if (w)
            waits.push({ ...w, action: a.name, beforeResponse: before.has(a) });
    }
    return waits;
}
function classifyWait(a) {
    const type = str(prop(a.node, 'type')).toLowerCase();
    const inputs = prop(a.node, 'inputs');
    if (type === 'wait') {
        const interval = prop(inputs, 'interval');
        if (interval !== undefined) {
            const count = Number(prop(interval, 'count'));
            const unit = UNIT_SECONDS[str(prop(interval, 'unit')).toLowerCase()];
            const seconds = Number.isFinite(count) && unit !== undefined ? count * unit : undefined;
            return { kind: 'wait', minSeconds: seconds, detail: `Delay of ${String(prop(interval, 'count'))} ${str(prop(interval, 'unit')).toLowerCase()}(s)` };
        }
        return { kind: 'wait', minSeconds: undefined, detail: 'Delay until a point in time' };
    }
    if (type === 'until') {
        const limit = prop(a.node, 'limit');
        return { kind: 'until', minSeconds: undefined, detail: `Do-until loop (limit ${String(prop(limit, 'count') ?? 60)} iterations, timeout ${str(prop(limit, 'timeout')) || 'PT1H'})` };
    }
    if (type.endsWith('webhook')) {
        const op = str(prop(prop(inputs, 'host'), 'operationId'));
        const approval = APPROVAL_OPERATIONS.has(op.toLowerCase());
        return { kind: approval ? 'approval' : 'webhook', minSeconds: undefined, detail: `${approval ? 'Waits for a person to respond' : 'Waits for a callback'} (${op || type})` };
    }
    if (type === 'workflow')
        return { kind: 'child-flow', minSeconds: undefined, detail: 'Runs a child flow and waits for it' };
    const retry = prop(inputs, 'retryPolicy');
    const total = retryTotalSeconds(retry);
    if (total !== undefined && total > 120) {
        return { kind: 'retry', minSeconds: undefined, detail: `Retry policy can wait up to ${total} s in all (${str(prop(retry, 'type'))}, ${String(prop(retry, 'count'))} retries)` };
    }
    return undefined;
}
/** Worst-case total waiting of a fixed or exponential retry policy, in seconds. */
function retryTotalSeconds(policy) {
    const type = str(prop(policy, 'type')).toLowerCase();
    const count = Number(prop(policy, 'count'));
    const interval = isoSeconds(str(prop(policy, 'interval')));
    if (!Number.isFinite(count) || interval === undefined)
        return undefined;
    if (type === 'fixed')
        return count * interval;
    if (type === 'exponential') {
        const max = isoSeconds(str(prop(policy, 'maximumInterval'))) ?? 86400;
        let total = 0;
        for (let i = 0; i < Math.min(count, 90); i++)
            total += Math.min(interval * 2 ** i, max);
        return total;
    }
    return undefined;
}
function isoSeconds(duration) {
    const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(duration.trim());
    if (!m || duration.trim().toUpperCase() === 'P' || duration.trim().toUpperCase() === 'PT')
        return undefined;
    return Number(m[1] ?? 0) * 86400 + Number(m[2] ?? 0) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
}
/**
 * The actions that can run before a response is sent: for each Response action, walk up its
 * enclosing actions and collect every sibling it transitively runs after (with all it contains),
 * plus the loops that enclose it. A flow without a Response answers the app at once (202), so
 * nothing runs before its answer.
 */
function actionsBeforeResponses(actions, responses) {
    const before = new Set();
    const byPath = new Map();
    for (const a of actions)
        byPath.set(pathKey([...a.path, a.name]), a);
    for (const r of responses) {
        const chain = [...r.path, r.name];
        for (let level = chain.length - 1; level >= 0; level--) {
            const self = byPath.get(pathKey(chain.slice(0, level + 1)));
            if (!self)
                continue;
            if (level < chain.length - 1)
                before.add(self);
            for (const pred of predecessors(self)) {
                const predPath = pathKey([...self.path, pred]);
                for (const a of actions) {
                    const full = pathKey([...a.path, a.name]);
                    if (full === predPath || full.startsWith(predPath + '\u0000'))
                        before.add(a);
                }
            }
        }
    }
    return before;
}
function pathKey(parts) {
    return parts.join('\u0000');
}
function predecessors(a) {
    const seen = new Set();
    const stack = Object.keys(runAfter(a.siblings[a.name]));
    while (stack.length > 0) {
        const name = stack.pop();
        if (seen.has(name) || !Object.prototype.hasOwnProperty.call(a.siblings, name))
            continue;
        seen.add(name);
        stack.push(...Object.keys(runAfter(a.siblings[name])));
    }
    return seen;
}
function runAfter(node) {
    const r = prop(node, 'runAfter');
    return isRecord(r) ? r : {};
}
// ---- change detection ----
/** Keys that change on every export or only describe the designer, not what runs. */
const NOISE_KEYS = new Set(['metadata', 'operationMetadataId']);
function hashDefinition(properties) {
    const canonical = canonicalJson({ definition: prop(properties, 'definition'), connectionReferences: prop(properties, 'connectionReferences') });
    return (0,external_node_crypto_namespaceObject.createHash)('sha256').update(canonical).digest('hex').slice(0, 16);
}
function canonicalJson(v) {
    if (Array.isArray(v))
        return `[${v.map(canonicalJson).join(',')}]`;
    if (isRecord(v)) {
        const keys = Object.keys(v)
            .filter((k) => !NOISE_KEYS.has(k))
            .sort();
        return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k])}`).join(',')}}`;
    }
    return JSON.stringify(v) ?? 'null';
}

;// CONCATENATED MODULE: ./src/model/solution-xml.ts



/** `solution.xml` / `Other/Solution.xml`: `<ImportExportXml><SolutionManifest>`. */
function readSolutionManifest(xml) {
    return solutionManifestOf(parseXml(xml));
}
/** The manifest of a parsed `solution.xml`, or of a `solution.yml` in the same shape (yaml-layout.ts). */
function solutionManifestOf(doc) {
    const manifest = propCI(propCI(doc, 'ImportExportXml'), 'SolutionManifest');
    const localized = asArray(propCI(propCI(manifest, 'LocalizedNames'), 'LocalizedName'));
    const publisher = propCI(manifest, 'Publisher');
    const parent = propCI(manifest, 'ParentSolution');
    return {
        uniqueName: decode_text(propCI(manifest, 'UniqueName')),
        displayName: attr(localized.find((l) => attr(l, 'languagecode') === '1033') ?? localized[0], 'description'),
        version: decode_text(propCI(manifest, 'Version')),
        managed: managedState(decode_text(propCI(manifest, 'Managed'))),
        publisher: { uniqueName: decode_text(propCI(publisher, 'UniqueName')), prefix: decode_text(propCI(publisher, 'CustomizationPrefix')) },
        parentSolution: parent === undefined ? undefined : decode_text(propCI(parent, 'UniqueName')) || undefined,
        missingDependencies: asArray(propCI(propCI(manifest, 'MissingDependencies'), 'MissingDependency')).map(missingDependency),
    };
}
/** `<Managed>`: 0 unmanaged, 1 managed, 2 when SolutionPackager unpacked both ("Both"). */
function managedState(v) {
    return v === '0' ? 'unmanaged' : v === '1' ? 'managed' : v === '2' ? 'both' : 'unknown';
}
function missingDependency(node) {
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
function componentKey(node) {
    const plain = normalizeGuid(attr(node, 'id')) ?? (attr(node, 'schemaName') || attr(node, 'id'));
    if (plain)
        return plain;
    const dotted = isRecord(node) ? Object.keys(node).filter((k) => k.toLowerCase().startsWith('@_id.')).sort() : [];
    return dotted.map((k) => normalizeGuid(prop(node, k)) ?? String(prop(node, k))).join('/');
}
function numberAttr(node, name) {
    const v = Number(attr(node, name));
    return attr(node, name) !== '' && Number.isFinite(v) ? v : undefined;
}
const RECORD = { Workflows: 'Workflow', CanvasApps: 'CanvasApp', connectionreferences: 'connectionreference' };
/** A section holds its record elements and nothing else: text or other elements mean it is not what FlowGuard reads. */
function sectionProblems(tag, node) {
    if (node === undefined || node === '')
        return [];
    if (typeof node === 'string')
        return [`<${tag}> holds text, not <${RECORD[tag]}> elements`];
    if (!isRecord(node))
        return [];
    const out = [];
    const stray = Object.keys(node).filter((k) => !k.startsWith('@_') && k !== RECORD[tag] && k !== '#text');
    if (stray.length > 0)
        out.push(`<${tag}> holds ${stray.map((k) => `<${k}>`).join(', ')}, not <${RECORD[tag]}> elements`);
    if (typeof prop(node, '#text') === 'string' && String(prop(node, '#text')).trim() !== '')
        out.push(`<${tag}> holds text besides its <${RECORD[tag]}> elements`);
    for (const record of asArray(prop(node, RECORD[tag])))
        out.push(...recordProblems(tag, record));
    return out;
}
function recordProblems(tag, record) {
    if (!isRecord(record))
        return [`a <${RECORD[tag]}> element is empty`];
    if (tag === 'Workflows') {
        const id = attr(record, 'WorkflowId');
        return id !== '' && !normalizeGuid(id) ? [`<Workflow Name="${attr(record, 'Name')}"> has WorkflowId '${id}', which is not an id`] : [];
    }
    if (tag === 'CanvasApps')
        return typeof propCI(record, 'Name') === 'string' ? [] : ['a <CanvasApp> has no <Name> text'];
    const connector = decode_text(propCI(record, 'connectorid'));
    return connector !== '' && !/\/apis\//i.test(connector) ? [`connection reference '${attr(record, 'connectionreferencelogicalname')}' has connector id '${connector}', which is not a connector path`] : [];
}
const SECTIONS = ['Workflows', 'CanvasApps', 'connectionreferences'];
/**
 * Parses only the sections FlowGuard needs. customizations.xml can be tens of megabytes of
 * entity metadata; each wanted top-level section is cut out by its tags and parsed alone.
 */
function readCustomizations(xml) {
    const buf = typeof xml === 'string' ? Buffer.from(xml, 'utf8') : Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength);
    // Checked on the whole document: the sections cut out below would leave its DOCTYPE behind.
    if (DTD_MARKERS.some((m) => buf.includes(m)))
        throw new InputError('XML with a DOCTYPE or ENTITY declaration is not read');
    // Only the sections are decoded and parsed: the bytes between them (entity metadata, forms) never become text.
    const parts = [];
    for (const tag of SECTIONS) {
        const section = sliceElement(buf, tag);
        if (section)
            parts.push(section);
    }
    const root = parseXml(`<root>${parts.join('')}</root>`).root;
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
const solution_xml_isSpace = (c) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
/**
 * The first `<tag …>…</tag>` element, decoded, found with native byte searches; undefined when it is
 * missing, empty (`<tag/>`) or not closed. Tag names are matched exactly: `<connectionreferences>`
 * (the section) differs from `<ConnectionReferences>` (an app field) only by case.
 */
function sliceElement(buf, tag) {
    const open = Buffer.from(`<${tag}`);
    let start = buf.indexOf(open);
    while (start >= 0 && !(solution_xml_isSpace(buf[start + open.length]) || buf[start + open.length] === SLASH || buf[start + open.length] === GT))
        start = buf.indexOf(open, start + 1);
    if (start < 0)
        return undefined;
    const firstClose = buf.indexOf(GT, start);
    if (firstClose < 0 || buf[firstClose - 1] === SLASH)
        return undefined;
    const close = Buffer.from(`</${tag}`);
    for (let at = buf.indexOf(close, firstClose); at >= 0; at = buf.indexOf(close, at + 1)) {
        let k = at + close.length;
        while (solution_xml_isSpace(buf[k]))
            k++;
        if (buf[k] === GT)
            return buf.toString('utf8', start, k + 1);
    }
    return undefined;
}
function readConnectionReference(node, origin) {
    const connectorId = decode_text(propCI(node, 'connectorid'));
    return {
        logicalName: attr(node, 'connectionreferencelogicalname'),
        displayName: decode_text(propCI(node, 'connectionreferencedisplayname')),
        connectorId,
        api: apiName(connectorId),
        customizable: boolFlag(propCI(node, 'iscustomizable')),
        origin,
    };
}
function readWorkflowRecord(node) {
    const category = Number(decode_text(propCI(node, 'Category')));
    return {
        id: normalizeGuid(attr(node, 'WorkflowId')),
        name: attr(node, 'Name') || decode_text(prop(propCI(propCI(node, 'LocalizedNames'), 'LocalizedName'), '@_description')),
        jsonFile: decode_text(propCI(node, 'JsonFileName')).replace(/^\//, ''),
        category: Number.isFinite(category) && decode_text(propCI(node, 'Category')) !== '' ? category : undefined,
        stateCode: decode_text(propCI(node, 'StateCode')),
        customizable: boolFlag(propCI(node, 'IsCustomizable')),
    };
}
function readEnvironmentVariable(xml) {
    const def = propCI(parseXml(xml), 'environmentvariabledefinition');
    return {
        schemaName: attr(def, 'schemaname'),
        type: decode_text(propCI(def, 'type')),
        hasDefault: decode_text(propCI(def, 'defaultvalue')) !== '',
    };
}

;// CONCATENATED MODULE: ./src/model/read-solution.ts







/** Origins for a zip: the zip file plus the entry path (and `!/` plus the path inside a nested archive). */
function zipOrigins(zipPath) {
    return (name, inner) => ({ file: zipPath, inner: inner ? `${name}!/${inner}` : name });
}
/** Origins for a folder: the file itself (plus the path inside it for an archive such as an .msapp). */
function folderOrigins(root) {
    return (name, inner) => {
        const file = root === '' ? name : `${root}/${name}`;
        return inner ? { file, inner } : { file };
    };
}
const MODERN_FLOW = 5;
/** `apps: false` reads only the index (manifest, flows, connection references): canvas app documents are the costly part. */
async function readSolution(src, diagnostics, options = {}) {
    const report = (name, err, inner) => {
        const o = src.origin(name, inner);
        diagnostics.push({ file: o.file, ...(o.inner ? { inner: o.inner } : {}), severity: 'warning', message: describe(err) });
    };
    const solutionName = first(src.tree, ['solution.xml', 'Other/Solution.xml']);
    if (!solutionName)
        return undefined;
    let manifest;
    try {
        manifest = readSolutionManifest(decodeText(await src.tree.read(solutionName)));
    }
    catch (err) {
        report(solutionName, err);
        return undefined;
    }
    const customizationsName = first(src.tree, ['customizations.xml', 'Other/Customizations.xml']);
    let customizationsRead = customizationsName !== undefined;
    let customizations = { workflows: [], canvasApps: [], connectionReferences: [], problems: [] };
    if (customizationsName) {
        try {
            customizations = readCustomizations(await src.tree.read(customizationsName));
        }
        catch (err) {
            report(customizationsName, err);
            customizationsRead = false;
        }
        for (const problem of customizations.problems)
            report(customizationsName, new InputError(`${problem}; it is skipped`));
    }
    const custOrigin = src.origin(customizationsName ?? solutionName);
    const solution = {
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
    if (options.apps !== false)
        solution.apps = await readApps(src, customizations.canvasApps, customizationsRead ? customizationsName : undefined, report, diagnostics, typeof options.apps === 'function' ? options.apps : undefined);
    solution.environmentVariables = await readEnvironmentVariables(src, report);
    return solution;
}
// ---- flows ----
async function readFlows(src, records, custName, report, hashes, definitions) {
    const found = new Map();
    for (const node of records) {
        const record = readWorkflowRecord(node);
        if (record.jsonFile)
            found.set(lookupKey(record.jsonFile), { record, metaName: custName });
    }
    for (const name of src.tree.names) {
        if (!/^Workflows\/[^/]+\.json\.data\.xml$/i.test(name))
            continue;
        try {
            const xml = decodeText(await src.tree.read(name));
            const record = readWorkflowRecord(propCI(parseXml(xml), 'Workflow'));
            const jsonFile = record.jsonFile || name.slice(0, -'.data.xml'.length);
            found.set(lookupKey(jsonFile), { record: { ...record, jsonFile }, metaName: name });
        }
        catch (err) {
            report(name, err);
        }
    }
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
    const flows = [];
    for (const [, { record, metaName }] of [...found.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
        // Classic processes (Category ≠ 5, .xaml) share the Workflows folder; only cloud flows matter here.
        if (record.category !== undefined && record.category !== MODERN_FLOW)
            continue;
        if (!/\.json$/i.test(record.jsonFile))
            continue;
        if (!definitions && src.tree.has(record.jsonFile)) {
            flows.push(deferredFlow(src, record, metaName, () => readFlow(src, record, metaName, report, hashes)));
            continue;
        }
        const flow = await readFlow(src, record, metaName, report, hashes);
        if (flow)
            flows.push(flow);
    }
    return flows;
}
/** Flows made from their records, with the reading of their definitions put off (see {@link ReadOptions.definitions}). */
const deferred = new WeakMap();
function deferredFlow(src, record, metaName, read) {
    const flow = {
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
function definitionDeferred(flow) {
    return deferred.has(flow);
}
/** Reads the definitions put off for the flows that an app's call is bound to, in place. */
async function completeBoundFlows(solutions) {
    const byPath = new Map(solutions.map((s) => [s.path, s]));
    for (const s of solutions) {
        for (const app of s.apps) {
            for (const call of app.calls) {
                const target = call.binding.flowId && call.binding.solutionPath !== undefined ? byPath.get(call.binding.solutionPath) : undefined;
                const i = target ? target.flows.findIndex((f) => f.id === call.binding.flowId) : -1;
                const flow = target?.flows[i];
                const read = flow && deferred.get(flow);
                if (!target || !flow || !read)
                    continue;
                deferred.delete(flow);
                target.flows[i] = (await read()) ?? { ...flow, unreadable: 'its definition could not be read' };
            }
        }
    }
}
function flowState(record) {
    return record.stateCode === '1' ? 'on' : record.stateCode === '0' || record.stateCode === '2' ? 'off' : 'unknown';
}
async function readFlow(src, record, metaName, report, hashes) {
    const id = record.id ?? guidInFileName(record.jsonFile);
    if (!src.tree.has(record.jsonFile)) {
        report(metaName ?? record.jsonFile, new InputError(`flow '${record.name}' names '${record.jsonFile}', which is not in the solution`));
        return undefined;
    }
    try {
        const raw = decodeText(await src.tree.read(record.jsonFile));
        const def = readFlowDefinition(parseJsonText(raw), raw, hashes);
        if (def.unreadable)
            report(record.jsonFile, unreadableFlow(record.name, def.unreadable));
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
    }
    catch (err) {
        report(record.jsonFile, err);
        return undefined;
    }
}
/** The diagnostic for a flow file that parses but is no usable definition. */
function unreadableFlow(name, problem) {
    return new InputError(`flow '${name}' cannot be read as a flow definition (${problem}); it is not checked, and app calls bound to it are reported as flow unreadable`);
}
function guidInFileName(name) {
    const m = /([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})\.json$/.exec(name);
    return m ? normalizeGuid(m[1]) : undefined;
}
async function readApps(src, records, custName, report, diagnostics, wanted) {
    const byName = new Map();
    const add = (node, metaName) => {
        const name = decode_text(propCI(node, 'Name'));
        if (!name)
            return;
        let refs = {};
        const rawRefs = decode_text(propCI(node, 'ConnectionReferences'));
        try {
            refs = rawRefs ? parseJsonText(rawRefs) : {};
        }
        catch (err) {
            if (metaName)
                report(metaName, new InputError(`ConnectionReferences of app '${name}': ${describe(err)}`));
        }
        byName.set(lookupKey(name), {
            name,
            displayName: decode_text(propCI(node, 'DisplayName')) || name,
            customizable: decode_text(propCI(node, 'IsCustomizable')) === '' ? undefined : decode_text(propCI(node, 'IsCustomizable')) === '1',
            documentUri: decode_text(propCI(node, 'DocumentUri')).replace(/^\//, ''),
            connectionReferences: refs,
            metaName,
        });
    };
    for (const node of records)
        add(node, custName);
    for (const name of src.tree.names) {
        if (!/^CanvasApps\/[^/]+\.meta\.xml$/i.test(name))
            continue;
        try {
            add(propCI(parseXml(decodeText(await src.tree.read(name))), 'CanvasApp'), name);
        }
        catch (err) {
            report(name, err);
        }
    }
    for (const name of src.tree.names) {
        const m = /^CanvasApps\/([^/]+)_DocumentUri\.msapp$/i.exec(name);
        // Only when the records could be read: an unreadable customizations.xml is already named.
        if (m && custName && !byName.has(lookupKey(m[1])))
            report(custName, new InputError(`no <CanvasApp> record describes '${name}'; the app is not analysed`));
    }
    const apps = [];
    for (const [, record] of [...byName.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
        if (wanted && !wanted(record.connectionReferences))
            continue;
        apps.push(await readApp(src, record, diagnostics));
    }
    return apps;
}
async function readApp(src, record, diagnostics) {
    const msappName = record.documentUri || `CanvasApps/${record.name}_DocumentUri.msapp`;
    const app = {
        name: record.name,
        displayName: record.displayName,
        customizable: record.customizable,
        document: 'missing',
        calls: [],
        secrets: [],
        origin: src.origin(msappName),
        metaOrigin: record.metaName ? src.origin(record.metaName) : undefined,
    };
    await readAppDocument(src, app, msappName, unpackedSourceDir(src.tree, record.name), record.connectionReferences, diagnostics);
    return app;
}
/**
 * Fills in an app's document: its `.msapp` when there is one, else its unpacked sources in `srcDir`;
 * the calls get the app record's hints (`refs`). Problems become diagnostics naming the file.
 * Shared by every layout that has app records (classic trees, zips, the YAML layout).
 */
async function readAppDocument(src, app, msappName, srcDir, refs, diagnostics) {
    const problem = (err, name = msappName) => {
        const o = src.origin(name);
        diagnostics.push({ file: o.file, ...(o.inner ? { inner: o.inner } : {}), severity: 'warning', message: `canvas app '${app.name}': ${describe(err)}` });
    };
    let doc;
    if (src.tree.has(msappName)) {
        try {
            const archive = await src.tree.openArchive(msappName);
            doc = await readMsapp(new ArchiveTree(archive), (inner) => src.origin(msappName, inner));
            app.document = 'msapp';
        }
        catch (err) {
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
            }
            catch (err) {
                problem(err, srcDir);
            }
        }
        else if (app.document === 'missing') {
            problem(new InputError(`the app document '${basename(msappName)}' is missing (not committed, or stored elsewhere); its flow calls cannot be checked`));
        }
    }
    if (doc) {
        app.calls = doc.calls.map((call) => withAppRecordHints(call, refs));
        app.secrets = doc.secrets;
        for (const p of doc.problems)
            diagnostics.push({ file: p.origin.file, ...(p.origin.inner ? { inner: p.origin.inner } : {}), severity: 'warning', message: `canvas app '${app.name}': ${p.message}` });
    }
}
/** The app record (customizations.xml / .meta.xml) is the third place that knows which flow a data source is. */
function withAppRecordHints(call, refs) {
    const entry = connectionEntryFor(refs, call.dataSource);
    if (entry === undefined)
        return call;
    const hints = propCI(entry, 'parameterHints');
    const appRecord = normalizeGuid(propCI(propCI(hints, 'workflowEntityId'), 'value'));
    const next = { ...call, hints: { ...call.hints, ...(appRecord ? { appRecord } : {}) } };
    if (!call.connectionsRecorded) {
        next.storedConnections = storedConnections(entry, refs);
        next.connectionsRecorded = true;
    }
    return next;
}
/** `CanvasApps/src/<app>/` (newer) or `CanvasApps/<app>_DocumentUri_msapp_src/` (older) unpacked canvas sources. */
function unpackedSourceDir(tree, appName) {
    for (const dir of [`CanvasApps/src/${appName}`, `CanvasApps/${appName}_DocumentUri_msapp_src`]) {
        const prefix = lookupKey(dir) + '/';
        const hit = tree.names.find((n) => lookupKey(n).startsWith(prefix));
        if (hit)
            return hit.slice(0, dir.length);
    }
    return undefined;
}
// ---- environment variables ----
async function readEnvironmentVariables(src, report) {
    const out = [];
    for (const name of src.tree.names) {
        if (!/^environmentvariabledefinitions\/[^/]+\/environmentvariabledefinition\.xml$/i.test(name))
            continue;
        try {
            const def = readEnvironmentVariable(decodeText(await src.tree.read(name)));
            out.push({ ...def, schemaName: def.schemaName || basename(dirname(name)), origin: src.origin(name) });
        }
        catch (err) {
            report(name, err);
        }
    }
    return out;
}
function first(tree, names) {
    for (const n of names)
        if (tree.has(n))
            return tree.names.find((x) => lookupKey(x) === lookupKey(n)) ?? n;
    return undefined;
}
function describe(err) {
    if (err instanceof InputError)
        return err.message;
    if (err instanceof Error)
        return `${err.name}: ${err.message}`;
    return String(err);
}

;// CONCATENATED MODULE: ./src/model/legacy-package.ts






/**
 * The legacy "Export package (.zip)" (not a Dataverse solution): `manifest.json`,
 * `Microsoft.Flow/flows/<id>/definition.json`, `Microsoft.PowerApps/apps/<id>/*.msapp`.
 * Flows are identified by their environment name (the `name` of definition.json), which is
 * also what the app's legacy `AddinWadl` data sources record. There is no on/off state and no
 * managed flag in this format.
 */
async function readLegacyPackage(tree, path, diagnostics, options = {}) {
    const origin = zipOrigins(path);
    const report = (name, err, prefix = '') => {
        const o = origin(name);
        diagnostics.push({ file: o.file, inner: o.inner, severity: 'warning', message: prefix + describe(err) });
    };
    let manifest = {};
    try {
        manifest = parseJson(await tree.read('manifest.json'));
    }
    catch (err) {
        report('manifest.json', err);
    }
    const resources = entries(prop(manifest, 'resources'));
    const displayNames = new Map(resources.map(([id, r]) => [id.toLowerCase(), str(prop(prop(r, 'details'), 'displayName'))]));
    const flows = [];
    for (const name of tree.names.filter((n) => /^Microsoft\.Flow\/flows\/[^/]+\/definition\.json$/i.test(n))) {
        try {
            const raw = decodeText(await tree.read(name));
            const json = parseJsonText(raw);
            const def = readFlowDefinition(json, raw, options.hashes ?? false);
            const folderId = basename(dirname(name)).toLowerCase();
            const flowName = str(prop(prop(json, 'properties'), 'displayName')) || displayNames.get(folderId) || folderId;
            if (def.unreadable)
                report(name, unreadableFlow(flowName, def.unreadable));
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
        }
        catch (err) {
            report(name, err);
        }
    }
    const apps = [];
    for (const name of tree.names.filter((n) => /^Microsoft\.PowerApps\/apps\/[^/]+\/[^/]+\.msapp$/i.test(n))) {
        const appId = basename(dirname(name));
        const appResources = resources.filter(([, r]) => str(prop(r, 'type')) === 'Microsoft.PowerApps/apps');
        // The manifest's resource ids differ from the app folder ids; its name is only safe to use when the package holds one app.
        const onlyApp = appResources.length === 1 ? str(prop(prop(appResources[0]?.[1], 'details'), 'displayName')) : '';
        const displayName = (await legacyAppDisplayName(tree, dirname(name), appId)) || onlyApp || appId;
        const app = { name: appId, displayName, customizable: undefined, document: 'msapp', calls: [], secrets: [], origin: origin(name), metaOrigin: undefined };
        try {
            const doc = await readMsapp(new ArchiveTree(await tree.openArchive(name)), (inner) => origin(name, inner));
            app.calls = doc.calls;
            app.secrets = doc.secrets;
            for (const p of doc.problems)
                diagnostics.push({ file: p.origin.file, ...(p.origin.inner ? { inner: p.origin.inner } : {}), severity: 'warning', message: `canvas app '${appId}': ${p.message}` });
        }
        catch (err) {
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
async function legacyAppDisplayName(tree, dir, appId) {
    const file = `${dir}/${appId}.json`;
    if (!tree.has(file))
        return '';
    try {
        return str(prop(prop(prop(parseJson(await tree.read(file)), 'appDefinitionTemplate'), 'properties'), 'displayName'));
    }
    catch {
        return '';
    }
}

;// CONCATENATED MODULE: ./src/model/yaml-layout.ts
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







const SOLUTION_YML = /^(?:(.*)\/)?solutions\/([^/]+)\/solution\.yml$/i;
const yaml_layout_MODERN_FLOW = 5;
/** Real files use no aliases; a few are allowed, a bomb is refused. */
const yaml_layout_MAX_YAML_ALIASES = 10;
/** Records are a few levels deep; anything deeper is not a record FlowGuard reads. */
const MAX_DEPTH = 64;
/** `<root>/solutions/<name>` for a `solution.yml`, else undefined. */
function yamlCandidatePath(name) {
    const m = SOLUTION_YML.exec(name.replace(/\\/g, '/'));
    if (!m)
        return undefined;
    return m[1] ? `${m[1]}/solutions/${m[2]}` : `solutions/${m[2]}`;
}
/** The root folder (holding `solutions/`, `modernflows/`, …) of a YAML solution at `<root>/solutions/<name>`. */
function yamlRootOf(solutionPath) {
    return dirname(dirname(solutionPath));
}
// ---- parsing ----
/**
 * Parses untrusted YAML into plain values: failsafe schema (strings, maps, lists), no custom tags,
 * no merge keys, unique keys, at most {@link MAX_YAML_ALIASES} aliases. Errors become an {@link InputError}.
 */
function parseYamlText(source) {
    let doc;
    try {
        doc = (0,lazy/* yamlLib */.x)().parseDocument(source, { schema: 'failsafe', customTags: [], merge: false, uniqueKeys: true, strict: true, prettyErrors: false });
    }
    catch (err) {
        throw new InputError(`invalid YAML (${firstLine(err)})`);
    }
    const error = doc.errors[0];
    if (error)
        throw new InputError(`invalid YAML (${firstLine(error)})`);
    try {
        return doc.toJS({ maxAliasCount: yaml_layout_MAX_YAML_ALIASES });
    }
    catch (err) {
        throw new InputError(`invalid YAML (${firstLine(err)})`);
    }
}
function firstLine(err) {
    return (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
}
/**
 * A parsed YAML record in the shape of a parsed XML element (decode.ts): `'@name'` keys become `@_name`,
 * an empty value becomes '', keys are own properties (a `__proto__` key is data, never a prototype).
 */
function xmlShape(v, depth = 0) {
    if (depth > MAX_DEPTH)
        throw new InputError(`nested deeper than ${MAX_DEPTH} levels`);
    if (v === null || v === undefined)
        return '';
    if (Array.isArray(v))
        return v.map((x) => xmlShape(x, depth + 1));
    if (v instanceof Map)
        return xmlShape(Object.fromEntries(v), depth);
    if (isRecord(v)) {
        const out = {};
        for (const key of Object.keys(v)) {
            const name = key.startsWith('@') && !key.startsWith('@_') ? `@_${key.slice(1)}` : key;
            Object.defineProperty(out, name, { value: xmlShape(v[key], depth + 1), enumerable: true, writable: true, configurable: true });
        }
        return out;
    }
    return typeof v === 'string' ? v : String(v);
}
async function readYaml(tree, name) {
    return xmlShape(parseYamlText(decodeText(await tree.read(name))));
}
/** The record under `key` at the top of a YAML file; throws when the file is not of that shape. */
async function readRecord(tree, name, key) {
    const node = propCI(await readYaml(tree, name), key);
    if (!isRecord(node))
        throw new InputError(`not a ${key} record (expected a '${key}:' mapping at the top); it is skipped`);
    return node;
}
/** The component paths a `solutioncomponents.yml` lists, in either spelling (`- Path: x` or `SolutionComponents: Component: - '@path': /x`). */
function componentPaths(doc) {
    let list = doc;
    if (!Array.isArray(list)) {
        const section = propCI(list, 'SolutionComponents');
        list = Array.isArray(section) ? section : propCI(section, 'Component') ?? propCI(list, 'Component');
    }
    const items = Array.isArray(list) ? list : isRecord(list) ? [list] : [];
    const paths = [];
    const problems = [];
    if (items.length === 0 && doc !== '' && doc !== undefined)
        problems.push('it lists no components (expected a list of Path entries, or SolutionComponents: Component:)');
    items.forEach((item, i) => {
        const raw = typeof item === 'string' ? item : decode_text(propCI(item, 'Path')) || decode_text(propCI(item, '@_path'));
        const path = yaml_layout_componentKey(raw);
        if (path)
            paths.push(path);
        else
            problems.push(`component ${i + 1} has no path; it is skipped`);
    });
    return { paths, problems };
}
function yaml_layout_componentKey(raw) {
    return lookupKey(raw.trim()).replace(/^\.?\/+/, '').replace(/\/+$/, '');
}
/** Everything the tree holds at the component level, to tell a listed component that is absent on disk. */
function presentComponents(names) {
    const out = new Set();
    for (const name of names) {
        const key = lookupKey(name);
        const parts = key.split('/');
        for (let i = 1; i < parts.length; i++)
            out.add(parts.slice(0, i).join('/'));
        out.add(key);
        if (parts.length === 2 && parts[0] === 'canvasapps')
            out.add(`canvasapps/${schemaStem(parts[1])}`);
        if (parts.length === 2 && key.endsWith('.json'))
            out.add(key.slice(0, -'.json'.length));
    }
    return out;
}
/** `x.meta.yml`, `x_DocumentUri.msapp`, `x.msapp`, `x_BackgroundImageUri` → `x`. */
function schemaStem(file) {
    return file.replace(/(_DocumentUri_msapp_src|_DocumentUri\.msapp|_DocumentUri|_BackgroundImageUri|_AdditionalUris\d*.*|\.meta\.ya?ml|\.msapp)$/i, '');
}
// ---- the solution ----
/** Reads the YAML solution at `<root>/solutions/<name>` (a {@link yamlCandidatePath}). */
async function readYamlSolution(repo, solutionPath, diagnostics, options = {}) {
    const root = yamlRootOf(solutionPath);
    const src = { tree: subtree(repo, root), layout: 'yaml', path: solutionPath, origin: folderOrigins(root) };
    const tree = src.tree;
    const report = (name, err, inner) => {
        const o = src.origin(name, inner);
        diagnostics.push({ file: o.file, ...(o.inner ? { inner: o.inner } : {}), severity: 'warning', message: describe(err) });
    };
    const folder = `solutions/${basename(solutionPath)}`;
    const solutionName = actual(tree, `${folder}/solution.yml`);
    let doc;
    try {
        doc = await readYaml(tree, solutionName);
    }
    catch (err) {
        report(solutionName, err);
        return undefined;
    }
    // `ImportExportXml: SolutionManifest:` as Git integration writes it; a bare `SolutionManifest:` is read too.
    const manifestNode = propCI(propCI(doc, 'ImportExportXml') ?? doc, 'SolutionManifest');
    if (!isRecord(manifestNode)) {
        report(solutionName, new InputError('has no ImportExportXml: SolutionManifest: record; the solution is not read'));
        return undefined;
    }
    const manifestRecord = { ...manifestNode };
    const missingName = actual(tree, `${folder}/missingdependencies.yml`);
    if (tree.has(missingName)) {
        try {
            const missing = await readYaml(tree, missingName);
            const section = propCI(missing, 'MissingDependencies') ?? missing;
            manifestRecord['MissingDependencies'] = Array.isArray(section) ? { MissingDependency: section } : section;
        }
        catch (err) {
            report(missingName, err);
        }
    }
    const manifest = solutionManifestOf({ ImportExportXml: { SolutionManifest: manifestRecord } });
    if (manifest.publisher.prefix === '' && manifest.publisher.uniqueName !== '') {
        manifest.publisher = { ...manifest.publisher, prefix: await publisherPrefix(tree, manifest.publisher.uniqueName, report) };
    }
    const member = await membership(tree, folder, report);
    const solution = {
        path: solutionPath,
        layout: 'yaml',
        uniqueName: manifest.uniqueName || basename(solutionPath),
        displayName: manifest.displayName,
        version: manifest.version,
        managed: manifest.managed,
        publisher: manifest.publisher,
        parentSolution: manifest.parentSolution,
        connectionReferences: await readConnectionReferences(src, member, report),
        environmentVariables: await yaml_layout_readEnvironmentVariables(src, member, report),
        missingDependencies: manifest.missingDependencies,
        flows: [],
        apps: [],
        origin: src.origin(solutionName),
    };
    solution.flows = await yaml_layout_readFlows(src, member, report, options.hashes ?? false);
    if (options.apps !== false)
        solution.apps = await yaml_layout_readApps(src, member, report, diagnostics);
    return solution;
}
/** The stored name of a file (case as committed), or `name` when absent. */
function actual(tree, name) {
    const key = lookupKey(name);
    return tree.names.find((n) => lookupKey(n) === key) ?? name;
}
async function publisherPrefix(tree, uniqueName, report) {
    const name = actual(tree, `publishers/${uniqueName}/publisher.yml`);
    if (!tree.has(name))
        return '';
    try {
        const doc = await readYaml(tree, name);
        return decode_text(propCI(propCI(doc, 'Publisher') ?? doc, 'CustomizationPrefix'));
    }
    catch (err) {
        report(name, err);
        return '';
    }
}
async function membership(tree, folder, report) {
    const name = actual(tree, `${folder}/solutioncomponents.yml`);
    if (!tree.has(name)) {
        const others = tree.names.filter((n) => /^solutions\/[^/]+\/solution\.yml$/i.test(n)).length;
        if (others > 1)
            report(`${folder}/solution.yml`, new InputError(`no solutioncomponents.yml next to it, in a root that holds ${others} solutions: every component of the root is read as this solution's`));
        return undefined;
    }
    let listed;
    try {
        listed = componentPaths(await readYaml(tree, name));
    }
    catch (err) {
        report(name, new InputError(`${describe(err)}; every component of the root is read as this solution's`));
        return undefined;
    }
    for (const p of listed.problems)
        report(name, new InputError(p));
    const present = presentComponents(tree.names);
    for (const p of listed.paths) {
        if (!present.has(p))
            report(name, new InputError(`lists component '${p}', which is not in the tree: packing this solution would silently leave it out`));
    }
    const keys = new Set(listed.paths);
    return (kind, component) => keys.has(`${kind}/${lookupKey(component)}`);
}
function owns(member, kind, name) {
    return member === undefined || member(kind, name);
}
// ---- flows ----
async function yaml_layout_readFlows(src, member, report, hashes) {
    const tree = src.tree;
    const byFolder = new Map();
    for (const name of tree.names) {
        const m = /^modernflows\/([^/]+)\/([^/]+)$/i.exec(name);
        if (!m || !owns(member, 'modernflows', m[1]))
            continue;
        const key = lookupKey(m[1]);
        const entry = byFolder.get(key) ?? { folder: `modernflows/${m[1]}`, records: [], json: [] };
        byFolder.set(key, entry);
        if (/^workflow\.ya?ml$/i.test(m[2]))
            entry.records.push(name);
        else if (/\.json$/i.test(m[2]))
            entry.json.push(name);
    }
    const found = [];
    for (const [, entry] of byFolder) {
        const metaName = entry.records[0];
        let record;
        if (metaName) {
            try {
                record = readWorkflowRecord(await readRecord(tree, metaName, 'Workflow'));
            }
            catch (err) {
                report(metaName, err);
            }
        }
        if (record) {
            const jsonFile = record.jsonFile ? actual(tree, record.jsonFile) : entry.json.length === 1 ? entry.json[0] : '';
            if (jsonFile === '') {
                report(metaName, new InputError(`flow '${record.name}' names no JsonFileName, and its folder holds ${entry.json.length} flow files; it is skipped`));
                continue;
            }
            found.push({ record: { ...record, id: record.id ?? normalizeGuid(basename(entry.folder)), jsonFile }, metaName });
            continue;
        }
        // No readable workflow.yml: read the definition with its state unknown, as the classic layouts do.
        for (const json of entry.json) {
            if (!metaName)
                report(json, new InputError('no workflow.yml describes this flow; it is read with its state unknown'));
            const id = normalizeGuid(basename(entry.folder)) ?? yaml_layout_guidInFileName(json);
            found.push({ record: { id, name: basename(json).replace(/-[0-9A-Fa-f-]{36}\.json$/, ''), jsonFile: json, category: yaml_layout_MODERN_FLOW, stateCode: '', customizable: undefined }, metaName: undefined });
        }
    }
    // The order of the classic layouts: by flow file name.
    const sortKey = (r) => `${lookupKey(basename(r.jsonFile))}\u0000${lookupKey(r.jsonFile)}`;
    found.sort((a, b) => (sortKey(a.record) < sortKey(b.record) ? -1 : sortKey(a.record) > sortKey(b.record) ? 1 : 0));
    const flows = [];
    for (const { record, metaName } of found) {
        if (record.category !== undefined && record.category !== yaml_layout_MODERN_FLOW)
            continue;
        if (!/\.json$/i.test(record.jsonFile))
            continue;
        const flow = await readFlow(src, record, metaName, report, hashes);
        if (flow)
            flows.push(flow);
    }
    return flows;
}
function yaml_layout_guidInFileName(name) {
    const m = /([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})\.json$/.exec(name);
    return m ? normalizeGuid(m[1]) : undefined;
}
// ---- connection references and environment variables ----
async function readConnectionReferences(src, member, report) {
    const out = [];
    for (const name of src.tree.names) {
        const m = /^connectionreferences\/([^/]+)\/connectionreference\.ya?ml$/i.exec(name);
        if (!m || !owns(member, 'connectionreferences', m[1]))
            continue;
        try {
            const def = readConnectionReference(await readRecord(src.tree, name, 'connectionreference'), src.origin(name));
            out.push({ ...def, logicalName: def.logicalName || m[1] });
        }
        catch (err) {
            report(name, err);
        }
    }
    return out;
}
async function yaml_layout_readEnvironmentVariables(src, member, report) {
    const out = [];
    for (const name of src.tree.names) {
        const m = /^environmentvariabledefinitions\/([^/]+)\/environmentvariabledefinition\.(xml|ya?ml)$/i.exec(name);
        if (!m || !owns(member, 'environmentvariabledefinitions', m[1]))
            continue;
        try {
            let def;
            if (/xml/i.test(m[2]))
                def = readEnvironmentVariable(decodeText(await src.tree.read(name)));
            else {
                const node = await readRecord(src.tree, name, 'environmentvariabledefinition');
                def = { schemaName: decode_text(propCI(node, '@_schemaname')), type: decode_text(propCI(node, 'type')), hasDefault: decode_text(propCI(node, 'defaultvalue')) !== '' };
            }
            out.push({ ...def, schemaName: def.schemaName || m[1], origin: src.origin(name) });
        }
        catch (err) {
            report(name, err);
        }
    }
    return out;
}
/**
 * The schema name of the app a path under `canvasapps/` belongs to: `canvasapps/<schema>/…`,
 * `canvasapps/<schema>.meta.yml`, `canvasapps/<schema>_DocumentUri.msapp`, `canvasapps/src/<schema>/…`.
 */
function appSchemaOf(path) {
    const parts = path.split('/').slice(1);
    const head = parts[0];
    if (head === undefined || parts.length === 0)
        return undefined;
    if (parts.length === 1)
        return schemaStem(head);
    if (lookupKey(head) === 'src' && parts.length > 2)
        return parts[1];
    return schemaStem(head);
}
async function yaml_layout_readApps(src, member, report, diagnostics) {
    const tree = src.tree;
    const apps = new Map();
    const appFor = (schema) => {
        const key = lookupKey(schema);
        const app = apps.get(key) ?? { schema, record: undefined, metaName: undefined, msapp: undefined, sourceDir: undefined };
        apps.set(key, app);
        return app;
    };
    for (const name of tree.names) {
        if (!/^canvasapps\//i.test(name))
            continue;
        const schema = appSchemaOf(name);
        if (!schema || !owns(member, 'canvasapps', schema))
            continue;
        const depth = name.split('/').length;
        if (/\.msapp$/i.test(name)) {
            const app = appFor(schema);
            app.msapp ??= name;
        }
        else if (basename(lookupKey(name)) === 'canvasmanifest.json') {
            const app = appFor(schema);
            app.sourceDir ??= dirname(name);
        }
        else if (/\.ya?ml$/i.test(name) && (depth === 2 || (depth === 3 && lookupKey(name.split('/')[1]) !== 'src'))) {
            // `canvasapps/<schema>.meta.yml`, or a record file in the app's own folder.
            if (depth === 3 && !/\.meta\.ya?ml$/i.test(name) && !/^canvasapp\.ya?ml$/i.test(basename(name)))
                continue;
            try {
                const record = await readRecord(tree, name, 'CanvasApp');
                const app = appFor(schema);
                if (!app.record) {
                    app.record = record;
                    app.metaName = name;
                }
            }
            catch (err) {
                report(name, err);
            }
        }
    }
    const out = [];
    const list = [...apps.values()].map((a) => ({ a, name: decode_text(propCI(a.record, 'Name')) || a.schema }));
    list.sort((x, y) => (lookupKey(x.name) < lookupKey(y.name) ? -1 : lookupKey(x.name) > lookupKey(y.name) ? 1 : 0));
    for (const { a, name } of list)
        out.push(await yaml_layout_readApp(src, a, name, report, diagnostics));
    return out;
}
async function yaml_layout_readApp(src, a, name, report, diagnostics) {
    const node = a.record;
    let refs = {};
    const rawRefs = propCI(node, 'ConnectionReferences');
    if (isRecord(rawRefs))
        refs = rawRefs;
    else if (decode_text(rawRefs) !== '') {
        try {
            refs = parseJsonText(decode_text(rawRefs));
        }
        catch (err) {
            if (a.metaName)
                report(a.metaName, new InputError(`ConnectionReferences of app '${name}': ${describe(err)}`));
        }
    }
    const documentUri = decode_text(propCI(node, 'DocumentUri')).replace(/^\//, '');
    const msappName = documentUri && src.tree.has(documentUri) ? actual(src.tree, documentUri) : (a.msapp ?? (documentUri || `canvasapps/${a.schema}/${a.schema}.msapp`));
    const flag = decode_text(propCI(node, 'IsCustomizable'));
    const app = {
        name,
        displayName: decode_text(propCI(node, 'DisplayName')) || name,
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
async function widenYamlChanges(changed, trees) {
    const extra = new Map();
    for (const tree of trees) {
        const solutions = tree.names.map(yamlCandidatePath).filter((p) => p !== undefined);
        for (const solutionPath of solutions) {
            if (extra.has(solutionPath))
                continue;
            const root = yamlRootOf(solutionPath);
            const prefix = root === '' ? '' : `${root}/`;
            const files = changed.flatMap((c) => [c.path, c.previousPath ?? '']).filter((p) => p !== '' && p.startsWith(prefix) && !lookupKey(p.slice(prefix.length)).startsWith('solutions/'));
            if (files.length === 0)
                continue;
            const listed = await listedComponents(tree, solutionPath);
            const all = listed === undefined ? new Set() : await allListed(tree, root, solutions);
            const component = (p) => componentOfFile(p.slice(prefix.length));
            if (files.some((p) => listed === undefined || listed.has(component(p)) || !all.has(component(p)))) {
                extra.set(solutionPath, { status: 'modified', path: `${solutionPath}/solutioncomponents.yml` });
            }
        }
    }
    return [...changed, ...extra.values()];
}
/** `modernflows/<id>/x.json` → `modernflows/<id>`; `canvasapps/<schema>.meta.yml` → `canvasapps/<schema>`. */
function componentOfFile(rel) {
    const parts = lookupKey(rel).split('/');
    if (parts[0] === 'canvasapps')
        return `canvasapps/${lookupKey(appSchemaOf(rel) ?? '')}`;
    return parts.slice(0, 2).join('/');
}
async function listedComponents(tree, solutionPath) {
    const name = `${solutionPath}/solutioncomponents.yml`;
    if (!tree.has(name))
        return undefined;
    try {
        return new Set(componentPaths(await readYaml(tree, name)).paths);
    }
    catch {
        return undefined;
    }
}
async function allListed(tree, root, solutions) {
    const out = new Set();
    for (const s of solutions) {
        if (yamlRootOf(s) !== root)
            continue;
        for (const p of (await listedComponents(tree, s)) ?? [])
            out.add(p);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/model/discover.ts






/**
 * Finds solutions among the repository's files without reading them:
 * every `*.zip`, every folder holding `Other/Solution.xml` (SolutionPackager / `pac solution unpack`),
 * every folder holding `solution.xml` next to `customizations.xml` (a zip committed extracted),
 * and every `solutions/<name>/solution.yml` (the YAML source-control layout; one root can hold several).
 */
function findCandidates(tree) {
    const keys = new Set(tree.names.map(lookupKey));
    const out = [];
    for (const name of tree.names) {
        const key = lookupKey(name);
        if (key.endsWith('.zip'))
            out.push({ path: name, kind: 'zip' });
        else if (key.endsWith('/other/solution.xml') || key === 'other/solution.xml')
            out.push({ path: dirname(dirname(name)), kind: 'unpacked' });
        else if (yamlCandidatePath(name) !== undefined)
            out.push({ path: yamlCandidatePath(name), kind: 'yaml' });
        else if (basename(key) === 'solution.xml') {
            const dir = dirname(name);
            if (keys.has(lookupKey(dir ? `${dir}/customizations.xml` : 'customizations.xml')))
                out.push({ path: dir, kind: 'extracted-zip' });
        }
    }
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
/**
 * Exports FlowGuard finds but does not analyse, so that a report never claims a clean bill of
 * health for them: canvas apps outside any solution (a bare `.msapp` or `pac canvas unpack`
 * sources), whose flows cannot be resolved by solution ids.
 */
function unanalysedExports(tree, solutions) {
    const folderOf = (c) => (c.kind === 'yaml' ? yamlRootOf(c.path) : c.path);
    const inSolution = (path) => solutions.some((c) => c.kind !== 'zip' && (folderOf(c) === '' || path.startsWith(`${folderOf(c)}/`)));
    const out = [];
    for (const name of tree.names) {
        const key = lookupKey(name);
        if ((key.endsWith('.msapp') || basename(key) === 'canvasmanifest.json') && !inSolution(name)) {
            out.push({ file: name, severity: 'note', message: 'a canvas app outside any solution: its flow calls are not checked (add the app and its flows to a solution to check them)' });
        }
    }
    return out;
}
/** Reads one candidate. Zips that hold neither a solution nor a legacy package are skipped silently. */
async function readCandidate(tree, c, diagnostics, options = {}) {
    if (c.kind === 'yaml')
        return readYamlSolution(tree, c.path, diagnostics, options);
    if (c.kind !== 'zip') {
        const src = { tree: subtree(tree, c.path), layout: c.kind, path: c.path || '.', origin: folderOrigins(c.path) };
        return readSolution(src, diagnostics, options);
    }
    let archive;
    try {
        archive = await tree.openArchive(c.path);
    }
    catch (err) {
        diagnostics.push({ file: c.path, severity: 'warning', message: `cannot read zip: ${describe(err)}` });
        return undefined;
    }
    const files = new ArchiveTree(archive);
    if (files.has('solution.xml') && files.has('customizations.xml')) {
        return readSolution({ tree: files, layout: 'zip', path: c.path, origin: zipOrigins(c.path) }, diagnostics, options);
    }
    if (files.has('manifest.json') && files.names.some((n) => /^Microsoft\.(Flow|PowerApps)\//i.test(n))) {
        return readLegacyPackage(files, c.path, diagnostics, options);
    }
    // Some parts of a solution without the rest: say so rather than skip it as an unrelated zip.
    const parts = ['solution.xml', 'customizations.xml'].filter((n) => files.has(n));
    const folders = ['Workflows', 'CanvasApps'].filter((d) => files.names.some((n) => lookupKey(n).startsWith(`${d.toLowerCase()}/`)));
    if (parts.length > 0 || folders.length > 0) {
        const found = [...parts, ...folders.map((d) => `${d}/`)].join(', ');
        const missing = ['solution.xml', 'customizations.xml'].filter((n) => !files.has(n)).join(' and ');
        diagnostics.push({ file: c.path, severity: 'warning', message: describe(new InputError(`has ${found} but no ${missing}: not a complete solution export, so it was not analysed`)) });
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/model/workspace.ts





/** Reads every solution in the tree and binds app flow calls across all of them. */
async function loadWorkspace(tree, options = {}) {
    const all = findCandidates(tree);
    const diagnostics = unanalysedExports(tree, all);
    const candidates = all.filter((c) => !options.filter || options.filter(c));
    const read = async (c, apps, lazily = false) => readCandidate(tree, c, diagnostics, lazily ? { apps, hashes: false, definitions: false } : { apps, hashes: options.hashes ?? false });
    const lazy = options.appsCallingRead;
    const bySlot = new Map();
    for (const c of candidates)
        if (!lazy?.candidates(c))
            bySlot.set(c, await read(c, true));
    if (lazy) {
        const flowIds = new Set(lazy.flowIds);
        for (const s of bySlot.values())
            for (const f of s?.flows ?? [])
                flowIds.add(f.id);
        const wanted = (refs) => flowsNamedByRecord(refs)?.some((id) => flowIds.has(id)) ?? true;
        // No definition hashes: these solutions are the same files on both sides, never compared by definition;
        // and only the definitions of their flows that a read app calls (completeBoundFlows below).
        for (const c of candidates)
            if (lazy.candidates(c))
                bySlot.set(c, await read(c, wanted, true));
    }
    const solutions = [...candidates.map((c) => bySlot.get(c)).filter((s) => s !== undefined), ...(options.reuse ?? []).map(forBinding)];
    bindCalls(solutions);
    await completeBoundFlows(solutions);
    diagnostics.push(...uncheckedCalls(solutions));
    const deploymentSettings = [];
    const settingsPaths = new Set([...tree.names.filter((n) => SETTINGS_FILE.test(n)), ...(options.settingsFiles ?? [])]);
    for (const path of [...settingsPaths].sort()) {
        try {
            const file = readDeploymentSettings(path, await tree.read(path));
            if (file)
                deploymentSettings.push(file);
        }
        catch (err) {
            diagnostics.push({ file: path, severity: 'warning', message: `deployment settings: ${describe(err)}` });
        }
    }
    return { solutions, diagnostics: sortDiagnostics(diagnostics), deploymentSettings };
}
/** A copy whose calls can be bound anew without touching the solution it was read as. */
function forBinding(s) {
    return { ...s, apps: s.apps.map((a) => ({ ...a, calls: a.calls.map((c) => ({ ...c })) })) };
}
/** App calls bound to a flow FlowGuard could not read: named, so a clean report never hides them. */
function uncheckedCalls(solutions) {
    const flows = new Map();
    for (const s of solutions)
        for (const f of s.flows)
            flows.set(`${s.path}\u0000${f.id}`, f);
    const out = [];
    for (const s of solutions) {
        for (const app of s.apps) {
            for (const call of app.calls) {
                const flow = flows.get(`${call.binding.solutionPath}\u0000${call.binding.flowId}`);
                if (!flow?.unreadable)
                    continue;
                out.push({ ...originFields(call.origin), severity: 'warning', message: `canvas app '${app.name}' calls '${call.dataSource}': flow unreadable (${flow.origin.inner ?? flow.origin.file}); the call is not checked` });
            }
        }
    }
    return out;
}
function originFields(o) {
    return o.inner ? { file: o.file, inner: o.inner } : { file: o.file };
}
function sortDiagnostics(list) {
    const key = (d) => `${d.file}\u0000${d.inner ?? ''}\u0000${d.message}`;
    return list.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

;// CONCATENATED MODULE: ./src/report/severity.ts
/** Worst first. */
const SEVERITIES = ['error', 'warning', 'note'];
/** One table: how each severity looks in every output. */
const SEVERITY_STYLE = {
    error: { rank: 0, icon: '❌', singular: 'error', plural: 'errors', heading: 'Errors', sarif: 'error', annotation: 'error' },
    warning: { rank: 1, icon: '⚠️', singular: 'warning', plural: 'warnings', heading: 'Warnings', sarif: 'warning', annotation: 'warning' },
    note: { rank: 2, icon: 'ℹ️', singular: 'note', plural: 'notes', heading: 'Notes', sarif: 'note', annotation: 'notice' },
};
/** Rank of a severity, worst (0) first; unknown values sort last. */
function severityRank(severity) {
    return SEVERITY_STYLE[severity]?.rank ?? SEVERITIES.length;
}
/** `1 error`, `2 errors`. */
function plural(count, singular, pluralForm = `${singular}s`) {
    return `${count} ${count === 1 ? singular : pluralForm}`;
}
/** `2 errors, 1 warning` for the non-zero severities, or `''` when all are zero. */
function countPhrase(counts, prefix = '') {
    return SEVERITIES.filter((s) => counts[s] > 0)
        .map((s) => `${counts[s]} ${prefix}${counts[s] === 1 ? SEVERITY_STYLE[s].singular : SEVERITY_STYLE[s].plural}`)
        .join(', ');
}

;// CONCATENATED MODULE: ./src/report/sort.ts

/**
 * Locale-independent string order: case-insensitive first, then by code unit so that strings that
 * differ only in case still have a fixed order. (`localeCompare` depends on the ICU data of the Node build.)
 */
function sort_compareText(a, b) {
    const la = a.toLowerCase();
    const lb = b.toLowerCase();
    if (la !== lb)
        return la < lb ? -1 : 1;
    if (a !== b)
        return a < b ? -1 : 1;
    return 0;
}
function appKey(f) {
    return f.app ? [f.app.displayName, f.app.name] : [];
}
function flowKey(f) {
    return f.flow ? [f.flow.name, f.flow.id] : [];
}
/** Compares key lists; a shorter list (no app / no flow) sorts before a longer one. */
function compareKeys(a, b) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
        const c = sort_compareText(a[i] ?? '', b[i] ?? '');
        if (c !== 0)
            return c;
    }
    return a.length - b.length;
}
/**
 * The order every reporter prints findings in:
 * severity (error, warning, note), solution path, app (display name, then name; solution-level
 * findings without an app first), flow (name, then id; app-level findings without a flow first),
 * rule id, fingerprint; then message and location so that the order is total.
 */
function compareFindings(a, b) {
    return (severityRank(a.severity) - severityRank(b.severity) ||
        sort_compareText(a.solution.path, b.solution.path) ||
        sort_compareText(a.solution.uniqueName, b.solution.uniqueName) ||
        compareKeys(appKey(a), appKey(b)) ||
        compareKeys(flowKey(a), flowKey(b)) ||
        sort_compareText(a.ruleId, b.ruleId) ||
        sort_compareText(a.fingerprint, b.fingerprint) ||
        sort_compareText(a.message, b.message) ||
        sort_compareText(a.location.file, b.location.file) ||
        sort_compareText(a.location.inner ?? '', b.location.inner ?? ''));
}
/** A sorted copy (see {@link compareFindings}); the input is not changed. */
function sortFindings(findings) {
    return [...findings].sort(compareFindings);
}
/** Diagnostics by file, inner path, severity, message. */
function compareDiagnostics(a, b) {
    return (sort_compareText(a.file, b.file) ||
        sort_compareText(a.inner ?? '', b.inner ?? '') ||
        severityRank(a.severity) - severityRank(b.severity) ||
        sort_compareText(a.message, b.message));
}
function sort_sortDiagnostics(diagnostics) {
    return [...diagnostics].sort(compareDiagnostics);
}
/** Counts by severity of the given findings. */
function countBySeverity(findings) {
    const counts = { error: 0, warning: 0, note: 0 };
    for (const f of findings)
        if (f.severity in counts)
            counts[f.severity]++;
    return counts;
}
/** Whether a finding counts as new in a compared report: a missing status is treated as new (never hide a finding). */
function isNew(f) {
    return f.status !== 'existing';
}

;// CONCATENATED MODULE: ./src/version.ts
/** FlowGuard's version; a test keeps it equal to package.json's. */
const VERSION = '0.1.0';
const TOOL_NAME = 'FlowGuard';

;// CONCATENATED MODULE: ./src/report/build-report.ts


/** Builds the JSON report (schema version 1) from what was read and what was found. Pure. */
function buildReport(workspace, findings, extra = {}) {
    const counts = { error: 0, warning: 0, note: 0 };
    for (const f of findings)
        counts[f.severity]++;
    if (findings.some((f) => f.status !== undefined))
        counts.new = findings.filter((f) => f.status === 'new').length;
    return {
        schemaVersion: 1,
        tool: { name: TOOL_NAME, version: VERSION },
        solutions: workspace.solutions.map(solutionJson),
        findings: sortFindings(findings),
        ...(extra.fixed ? { fixed: sortFindings(extra.fixed) } : {}),
        ...(extra.changes ? { changes: extra.changes } : {}),
        ...(extra.suppressed && extra.suppressed.length > 0
            ? {
                suppressed: sortFindings(extra.suppressed.map((s) => s.finding)).map((f) => {
                    const reason = extra.suppressed?.find((s) => s.finding === f)?.reason ?? '';
                    return { ruleId: f.ruleId, rule: f.rule, fingerprint: f.fingerprint, message: f.message, reason };
                }),
            }
            : {}),
        diagnostics: workspace.diagnostics,
        counts,
    };
}
function solutionJson(s) {
    return {
        path: s.path,
        uniqueName: s.uniqueName,
        displayName: s.displayName,
        version: s.version,
        managed: s.managed,
        layout: s.layout,
        flows: s.flows.map((f) => ({
            id: f.id,
            name: f.name,
            state: f.state,
            trigger: f.trigger ? { type: f.trigger.type, kind: f.trigger.kind } : null,
            inputs: f.inputs.map(param),
            outputs: f.outputs.map(output),
            connections: f.connections.map((c) => ({ key: c.key, api: c.api, runtimeSource: c.runtimeSource, connectionReference: c.connectionReference ?? null })),
            file: f.origin.file,
            ...(f.origin.inner ? { inner: f.origin.inner } : {}),
        })),
        apps: s.apps.map((a) => ({
            name: a.name,
            displayName: a.displayName,
            document: a.document,
            calls: a.calls.map(callJson),
            file: a.origin.file,
            ...(a.origin.inner ? { inner: a.origin.inner } : {}),
        })),
    };
}
function callJson(c) {
    return {
        dataSource: c.dataSource,
        flowId: c.binding.flowId ?? null,
        resolved: c.binding.flowId !== undefined,
        resolvedBy: c.binding.resolvedBy ?? null,
        confidence: c.binding.confidence ?? null,
        flowSolution: c.binding.solutionPath ?? null,
        storedInputs: c.storedInputs.map(param),
        storedOutputs: c.storedOutputs ? c.storedOutputs.map(output) : null,
        storedConnections: c.storedConnections.map((s) => ({ key: s.key, api: s.api })),
        ...(c.formulas
            ? {
                callSites: c.formulas.callSites.map((s) => ({
                    screen: s.screen,
                    control: s.control,
                    property: s.property,
                    arguments: s.arguments,
                    formula: s.formula,
                    location: { file: s.location.file, ...(s.location.inner ? { inner: s.location.inner } : {}) },
                })),
                outputReads: c.formulas.outputReads.map((r) => ({ output: r.output, screen: r.screen, control: r.control, property: r.property, via: r.via })),
                traced: c.formulas.traced,
            }
            : {}),
    };
}
function param(p) {
    return { name: p.name, type: p.type, required: p.required, title: p.title };
}
function output(o) {
    return { name: o.name, type: o.type, title: o.title };
}

;// CONCATENATED MODULE: ./src/rules/kb.ts
/** Microsoft's troubleshooting article for Power Apps ↔ Power Automate flow integration (KB 4477072). */
const KB = 'https://learn.microsoft.com/troubleshoot/power-platform/power-apps/connections/best-practices-when-updating-a-flow';
const kb_anchor = (a) => `${KB}#${a}`;
const KB_LINKS = {
    flowUpdates: kb_anchor('failures-caused-by-power-automate-flow-updates'),
    liveApp: kb_anchor('changing-a-published-live-power-app'),
    devApp: kb_anchor('changing-a-development-version-power-app'),
    asyncPattern: 'https://learn.microsoft.com/power-automate/guidance/coding-guidelines/asychronous-flow-pattern',
    flowAccess: 'https://learn.microsoft.com/power-automate/guidance/coding-guidelines/understand-access-to-flows',
    solutionLayers: 'https://learn.microsoft.com/power-platform/alm/solution-layers-alm',
    managedProperties: 'https://learn.microsoft.com/power-platform/alm/managed-properties-alm',
    deploymentSettings: 'https://learn.microsoft.com/power-platform/alm/conn-ref-env-variables-build-tools',
    turnOnFlow: 'https://learn.microsoft.com/power-automate/disable-flow#turn-on-a-flow',
};
const code = (c, a) => ({ code: c, docs: kb_anchor(a) });
const ERRORS = {
    InvokerConnectionOverrideFailed: code('InvokerConnectionOverrideFailed', 'error-code-invokerconnectionoverridefailed-on-power-automate-flow-run'),
    ConnectionAuthorizationFailed: code('ConnectionAuthorizationFailed', 'error-code-connectionauthorizationfailed-on-power-automate-flow-run'),
    WorkflowTriggerIsNotEnabled: code('WorkflowTriggerIsNotEnabled', 'error-code-workflowtriggerisnotenabled-on-power-automate-flow-run'),
    ResponseTimeout: code('ResponseTimeout', 'inner-error-code-responsetimeout-on-power-automate-flow-run'),
    InstallFlowFailed0x80040265: code('0x80040265', 'error-code-0x80040265-or-0x80048d0b-on-power-automate-flow-run'),
    InstallFlowFailed0x80048d0b: code('0x80048d0b', 'error-code-0x80040265-or-0x80048d0b-on-power-automate-flow-run'),
    MissingConnectionReference: code('MissingConnectionReference', 'error-code-missingconnectionreference-on-power-automate-flow-run'),
    NotAllowedConnectionReference: code('NotAllowedConnectionReference', 'error-code-notallowedconnectionreference-on-power-automate-flow-run'),
    TemplateExpressionFailure: code('InvalidTemplate', 'symptom-1'),
    ChildFlowUnsupportedForInvokerConnections: { code: 'ChildFlowUnsupportedForInvokerConnections', docs: 'https://learn.microsoft.com/power-automate/create-child-flows' },
};

;// CONCATENATED MODULE: ./src/rules/mitigation.ts

/**
 * The fix for a stale app ↔ flow binding depends on whether users already run the app
 * (KB 4477072, "Resolution"): a live app must keep its old flow until everyone has the new
 * app version; an app still in development can simply be re-bound.
 */
function isLiveApp(ctx, solution) {
    return ctx.release || solution.managed === 'managed';
}
/** The fix step that names the formulas to edit after re-binding (FG101); a merged entry keeps it. */
const FORMULA_STEP_PREFIX = 'After re-binding, change every call';
/** Steps to re-bind an app to a changed flow, fitted to a live or a development app. */
function rebindSteps(ctx, solution, appName, flowName, change) {
    if (isLiveApp(ctx, solution)) {
        return [
            `This app is live (${ctx.release ? 'release branch' : 'managed export'}): do not change the flow it uses in place. In the development environment, open the original flow '${flowName}' and use Save As to make a copy.`,
            `Make the change (${change}) on the copy only; leave the original flow as it was in the last release.`,
            `Open '${appName}' in Power Apps Studio, remove '${flowName}' from the app's flows and add the copy instead; fix the formulas that call it, then save and publish.`,
            'Export the solution with both flows and the updated app, and import it into the target environments.',
            'Turn off or delete the original flow only after every user runs the new app version.',
            `Background: ${KB_LINKS.liveApp}`,
        ];
    }
    return [
        `Open '${appName}' in Power Apps Studio in the development environment (latest Studio version).`,
        `In the Power Automate pane, remove '${flowName}' from the app, then add it again so the app stores the flow's current signature (${change}).`,
        'Update the formulas that call the flow if its inputs or outputs changed, then save and publish the app.',
        'Export the solution again and commit the new export together with the flow change.',
        `Background: ${KB_LINKS.devApp}`,
    ];
}
/** Steps to clear unmanaged layers that hide a managed update in the target environment. */
function unmanagedLayerSteps(componentNames) {
    const what = componentNames.length > 0 ? componentNames.map((n) => `'${n}'`).join(', ') : "the solution's apps, flows and connection references";
    return [
        `In each target environment, open the solution layers of ${what} and remove the active (unmanaged) customizations.`,
        'Export the solution from the development environment as managed and import it again, so the managed layer is the one that runs.',
        `Background: ${KB_LINKS.solutionLayers}`,
    ];
}

;// CONCATENATED MODULE: ./src/rules/finding.ts


/** Builds a finding; the fingerprint comes from the rule and component identities, never from positions or file paths. */
function makeFinding(meta, input) {
    const parts = [meta.id, input.solution.uniqueName, input.app?.name ?? '', input.flow?.id ?? '', ...(input.identity ?? [])];
    return {
        ruleId: meta.id,
        rule: meta.name,
        severity: input.severity ?? meta.defaultSeverity,
        errorCodes: input.errorCodes ?? meta.errorCodes.map((e) => e.code),
        message: input.message,
        solution: { uniqueName: input.solution.uniqueName, path: input.solution.path },
        app: input.app ? { name: input.app.name, displayName: input.app.displayName } : undefined,
        flowId: input.flow?.id,
        flow: input.flow ? { id: input.flow.id, name: input.flow.name } : undefined,
        location: input.location,
        ...(input.call?.formulas ? { sites: input.call.formulas.callSites.map((c) => ({ screen: c.screen, control: c.control, property: c.property, location: c.location })) } : {}),
        mitigation: input.mitigation,
        fingerprint: fingerprint(parts),
    };
}
function fingerprint(parts) {
    return (0,external_node_crypto_namespaceObject.createHash)('sha256').update(parts.map((p) => p.toLowerCase()).join('\u0000')).digest('hex').slice(0, 20);
}
/** Every call that resolved to a readable flow, in model order. Flows are looked up through one index: no nested scans. */
function boundCalls(workspace) {
    const index = flowIndex(workspace);
    const out = [];
    for (const solution of workspace.solutions) {
        for (const app of solution.apps) {
            for (const call of app.calls) {
                const hit = call.binding.flowId ? index.get(`${call.binding.solutionPath}\u0000${call.binding.flowId}`) : undefined;
                // A flow that could not be read is a diagnostic (model/workspace.ts), never evidence of drift.
                if (hit && !hit.flow.unreadable)
                    out.push({ solution, app, call, flow: hit.flow, flowSolution: hit.solution });
            }
        }
    }
    return out;
}
/** Calls whose stored signature (the app's WADL) was read: the only ones input and output drift can be judged on. */
function signatureCalls(workspace) {
    return boundCalls(workspace).filter((bc) => !bc.call.signatureUnreadable);
}
function flowIndex(workspace) {
    const index = new Map();
    for (const solution of workspace.solutions)
        for (const flow of solution.flows)
            index.set(`${solution.path}\u0000${flow.id}`, { flow, solution });
    return index;
}
/**
 * A finding about a difference between an app's stored binding and its flow: the message is
 * `<where>: <what>[; <context>].` and the fix is to re-bind the app (live or development route).
 */
function driftFinding(meta, ctx, bc, where, context, d) {
    const f = makeFinding(meta, {
        severity: d.severity,
        ...(d.errorCodes ? { errorCodes: d.errorCodes } : {}),
        solution: bc.solution,
        app: bc.app,
        flow: bc.flow,
        location: bc.flow.origin,
        message: `${where}${calledFrom(bc.call)}: ${d.what}${context ? `; ${context}` : ''}.`,
        mitigation: rebindSteps(ctx, bc.solution, bc.app.displayName, bc.flow.name, d.change),
        identity: [d.identity],
        call: bc.call,
    });
    return { ...f, what: d.what };
}
/** `Screen › control.property`. */
function siteLabel(s) {
    return s.control === s.screen || s.control === '' ? `${s.screen}.${s.property}` : `${s.screen} › ${s.control}.${s.property}`;
}
const MAX_SITES = 5;
/** ` (called in Requests › btnSubmit.OnSelect with 2 arguments, …)`, or '' when the formulas were not read. */
function calledFrom(call) {
    const sites = call.formulas?.callSites;
    if (!sites)
        return '';
    if (sites.length === 0)
        return ' (no formula of the app calls it)';
    const shown = sites.slice(0, MAX_SITES).map((s) => `${siteLabel(s)} with ${s.arguments} argument${s.arguments === 1 ? '' : 's'}`);
    const more = sites.length > MAX_SITES ? ` and ${sites.length - MAX_SITES} more` : '';
    return ` (called in ${shown.join(', ')}${more})`;
}
/** `'Name' (id)` for messages. */
function flowLabel(flow) {
    return `'${flow.name}' (${flow.id})`;
}
function appLabel(app) {
    return app.displayName && app.displayName !== app.name ? `'${app.displayName}' (${app.name})` : `'${app.name}'`;
}
function list(items) {
    return items.length === 0 ? 'nothing' : items.join(', ');
}

;// CONCATENATED MODULE: ./src/rules/fg101-flow-input-drift.ts




const meta = {
    id: 'FG101',
    name: 'flow-input-drift',
    defaultSeverity: 'error',
    errorCodes: [ERRORS.TemplateExpressionFailure],
    summary: "The inputs a canvas app passes to a flow differ from the flow's current trigger inputs.",
    impact: "The app sends the arguments of the signature it stored when the flow was added. A new required input, a renamed or retyped input makes the run fail: the trigger rejects the request, or an expression such as triggerBody()['X'] cannot be evaluated because property 'X' cannot be selected.",
};
function describeParam(p) {
    return `'${p.name}' (${[p.title, p.type, p.required ? 'required' : 'optional'].filter(Boolean).join(', ')})`;
}
/** V1 ("Ask in PowerApps") inputs are named `<Action>_<Field>`: renaming the action renames the input. */
function fieldPart(name) {
    const i = name.lastIndexOf('_');
    return i < 0 ? name : name.slice(i + 1).toLowerCase();
}
function pairRenames(removed, added, v1) {
    const renames = [];
    for (const from of [...removed]) {
        const to = added.find((a) => (v1 ? fieldPart(a.name) === fieldPart(from.name) : a.title !== '' && a.title === from.title) && typesCompatible(from.type, a.type));
        if (!to)
            continue;
        renames.push({ from, to });
        removed.splice(removed.indexOf(from), 1);
        added.splice(added.indexOf(to), 1);
    }
    return renames;
}
function check(ctx) {
    const out = [];
    for (const bc of signatureCalls(ctx.workspace))
        out.push(...checkCall(ctx, bc));
    return out;
}
function checkCall(ctx, bc) {
    const { app, call, flow } = bc;
    const where = `App ${appLabel(app)} calls flow ${flowLabel(flow)} as '${call.dataSource}'`;
    const passes = `the app passes ${list(call.storedInputs.map((p) => p.name))}`;
    const finding = (severity, identity, what, change) => {
        const f = driftFinding(meta, ctx, bc, where, passes, { severity, identity, what, change });
        const fix = formulasToChange(bc);
        if (fix)
            f.mitigation.splice(f.mitigation.length - 1, 0, fix);
        return f;
    };
    if (!flow.trigger?.powerApps) {
        return [finding('error', 'trigger', `the flow's trigger is now '${flow.trigger ? `${flow.trigger.type}/${flow.trigger.kind}` : 'missing'}', not a Power Apps trigger, so the app cannot start it`, 'new trigger')];
    }
    const stored = new Map(call.storedInputs.map((p) => [p.name, p]));
    const current = new Map(flow.inputs.map((p) => [p.name, p]));
    const added = flow.inputs.filter((p) => !stored.has(p.name));
    const removed = call.storedInputs.filter((p) => !current.has(p.name));
    const out = [];
    for (const r of pairRenames(removed, added, flow.trigger.powerApps === 'v1')) {
        out.push(finding('error', `rename:${r.from.name}>${r.to.name}`, `input ${describeParam(r.from)} was renamed to ${describeParam(r.to)} in the flow`, `input renamed to '${r.to.name}'`));
    }
    for (const p of added) {
        out.push(finding(p.required ? 'error' : 'warning', `added:${p.name}`, `input ${describeParam(p)} added to the flow`, `new input '${p.name}'`));
    }
    for (const p of removed) {
        out.push(finding('warning', `removed:${p.name}`, `input ${describeParam(p)} is no longer declared by the flow, so the value the app sends for it is ignored`, `input '${p.name}' removed`));
    }
    for (const p of call.storedInputs) {
        const now = current.get(p.name);
        if (!now)
            continue;
        if (!typesCompatible(p.type, now.type)) {
            out.push(finding('error', `type:${p.name}`, `input '${p.name}' changed type from ${p.type} to ${now.type}`, `input '${p.name}' is now ${now.type}`));
        }
        if (p.required !== now.required) {
            const sev = now.required ? 'warning' : 'note';
            const what = now.required ? `input '${p.name}' became required, but the app's copy still treats it as optional` : `input '${p.name}' became optional; the app still treats it as required`;
            out.push(finding(sev, `required:${p.name}`, what, `input '${p.name}' ${now.required ? 'now required' : 'now optional'}`));
        }
    }
    return out;
}
/** The step that names the formulas to edit after re-binding: each call must pass what the flow takes now. */
function formulasToChange(bc) {
    const sites = bc.call.formulas?.callSites ?? [];
    if (sites.length === 0)
        return undefined;
    const required = bc.flow.inputs.filter((p) => p.required).length;
    const takes = `${required} required input${required === 1 ? '' : 's'}${bc.flow.inputs.length > required ? ` (and ${bc.flow.inputs.length - required} optional)` : ''}: ${list(bc.flow.inputs.map((p) => p.name))}`;
    const lines = sites.map((s) => `${siteLabel(s)} passes ${s.arguments} argument${s.arguments === 1 ? '' : 's'} (${s.formula})`);
    return `${FORMULA_STEP_PREFIX} so it passes what the flow now takes, ${takes}: ${lines.join('; ')}.`;
}
const flowInputDrift = { meta, check };

;// CONCATENATED MODULE: ./src/rules/fg102-flow-output-drift.ts


const fg102_flow_output_drift_meta = {
    id: 'FG102',
    name: 'flow-output-drift',
    defaultSeverity: 'error',
    // A missing output raises no error: the app reads it as blank (KB 4477072, symptom 3).
    errorCodes: [],
    summary: "The outputs a canvas app reads from a flow's response differ from what the flow returns now.",
    impact: 'The app reads the response through the schema it stored when the flow was added. An output that the flow no longer returns, or returns with another type, reads as blank in the app without any error; new outputs stay invisible until the app is re-bound.',
};
function fg102_flow_output_drift_check(ctx) {
    return signatureCalls(ctx.workspace).flatMap((bc) => fg102_flow_output_drift_checkCall(ctx, bc));
}
function fg102_flow_output_drift_checkCall(ctx, bc) {
    const { app, call, flow } = bc;
    const where = `App ${appLabel(app)} reads the response of flow ${flowLabel(flow)} ('${call.dataSource}')`;
    const finding = (severity, identity, what, change) => driftFinding(fg102_flow_output_drift_meta, ctx, bc, where, '', { severity, identity, what, change });
    const stored = call.storedOutputs ?? [];
    const current = new Map(flow.outputs.map((o) => [o.name, o]));
    const successes = flow.responses.filter((r) => r.success);
    const out = [];
    const sync = flow.responses.some((r) => !r.asynchronous) || flow.responses.length === 0;
    for (const o of stored) {
        const now = current.get(o.name);
        if (!now) {
            const why = successes.length === 0 ? (flow.responses.length === 0 ? 'the flow no longer has a response action' : 'the flow now answers only with failure responses') : `the flow's response now returns ${list(flow.outputs.map((x) => x.name))}`;
            const { severity, reading } = judgeReads(call, o.name);
            out.push(finding(severity, `removed:${o.name}`, `output '${o.name}' (${o.type}) is gone, so ${reading}; ${why}`, `output '${o.name}' removed`));
            continue;
        }
        if (!typesCompatible(o.type, now.type)) {
            out.push(finding('error', `type:${o.name}`, `output '${o.name}' changed type from ${o.type} to ${now.type}; the app reads it as blank`, `output '${o.name}' is now ${now.type}`));
        }
        // The app stores one response schema; a flow may answer from several success responses (§8b.3).
        const lacking = successes.filter((r) => !r.outputs.some((x) => x.name === o.name));
        // An output no formula reads (every use of the result followed) is blank harmlessly on any path.
        if (lacking.length > 0 && judgeReads(call, o.name).severity !== 'note') {
            const names = lacking.map((r) => `'${r.action}'${r.statusCode !== undefined ? ` (status ${r.statusCode})` : ''}`);
            const partial = finding('warning', `partial:${o.name}`, `output '${o.name}' is not returned by response ${names.join(', ')}, so when the flow answers from ${lacking.length === 1 ? 'it' : 'one of them'} the app reads '${o.name}' as blank`, '');
            partial.mitigation = [
                `In '${flow.name}', add the output '${o.name}' to ${names.join(', ')} (an empty value where that path has none), so every success response returns what the app reads.`,
                "Or make the app's formulas treat a blank '" + o.name + "' as that path's answer.",
                'Export the solution again and commit it; the app needs no re-binding when the outputs it stored stay the same.',
            ];
            out.push(partial);
        }
    }
    const known = new Set(stored.map((o) => o.name));
    const added = flow.outputs.filter((o) => !known.has(o.name));
    if (added.length > 0 && sync) {
        const what = call.storedOutputs === undefined ? 'the app stored no response when the flow was added' : `the app knows ${list(stored.map((o) => o.name))}`;
        out.push(finding('note', `added:${added.map((o) => o.name).join(',')}`, `the flow now also returns ${list(added.map((o) => `'${o.name}' (${o.type})`))}, which the app cannot read yet; ${what}`, 'new outputs'));
    }
    return out;
}
/**
 * How bad a missing output is depends on the app's formulas: read somewhere, it is blank there
 * (error); read nowhere, with every use of the result followed, nothing changes (note); where the
 * result goes somewhere FlowGuard does not follow, it may be read (warning). Without formulas the
 * stored signature is all there is, and the app reads what it stored.
 */
function judgeReads(call, output) {
    const f = call.formulas;
    if (!f)
        return { severity: 'error', reading: 'the app reads it as blank' };
    const field = output.startsWith('[].') ? output.slice(3) : output;
    const reads = f.outputReads.filter((r) => r.output.toLowerCase() === field.toLowerCase());
    if (reads.length > 0) {
        const where = reads.slice(0, 5).map((r) => `${siteLabel(r)} (${r.via})`);
        return { severity: 'error', reading: `it is blank where the app reads it: ${where.join(', ')}${reads.length > 5 ? ` and ${reads.length - 5} more` : ''}` };
    }
    if (f.traced)
        return { severity: 'note', reading: 'nothing breaks now: no formula reads it' };
    return { severity: 'warning', reading: `the app may read it as blank: no formula reads it directly, but the result is not fully traced (${f.untraced.join('; ')})` };
}
const flowOutputDrift = { meta: fg102_flow_output_drift_meta, check: fg102_flow_output_drift_check };

;// CONCATENATED MODULE: ./src/compare/ids.ts
/**
 * Platform identifiers — connector API names (`shared_x-5fy-2d…`, whose hex escapes vary in case
 * between a flow and the app that calls it), connection keys, logical names — are case-insensitive
 * (solution-format §8b.2). Compare them through these helpers, never with `===`.
 */
function ids_idKey(id) {
    return id.toLowerCase();
}
function sameId(a, b) {
    return a.toLowerCase() === b.toLowerCase();
}
/** Distinct ids in first-seen order, compared case-insensitively. */
function distinctIds(ids) {
    const seen = new Set();
    const out = [];
    for (const id of ids) {
        if (seen.has(ids_idKey(id)))
            continue;
        seen.add(ids_idKey(id));
        out.push(id);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/rules/fg103-flow-connection-drift.ts



const fg103_flow_connection_drift_meta = {
    id: 'FG103',
    name: 'flow-connection-drift',
    defaultSeverity: 'error',
    errorCodes: [ERRORS.MissingConnectionReference, ERRORS.InvokerConnectionOverrideFailed, ERRORS.NotAllowedConnectionReference],
    summary: "The connections a flow uses differ from the connections the calling app recorded for it.",
    impact: "When it calls a flow, the app hands over the connections it recorded when the flow was added. A connection added to the flow, renamed, or moved to another connector is not handed over, and the run fails (MissingConnectionReference, or InvokerConnectionOverrideFailed for a run-only user's connection); a connection the flow no longer declares can be refused (NotAllowedConnectionReference).",
};
const codesFor = (c) => c.runtimeSource === 'invoker'
    ? [ERRORS.InvokerConnectionOverrideFailed.code, ERRORS.MissingConnectionReference.code]
    : [ERRORS.MissingConnectionReference.code];
function fg103_flow_connection_drift_check(ctx) {
    // A call whose data source entry could not be read is not judged at all (one diagnostic, no drift).
    return signatureCalls(ctx.workspace)
        .filter((bc) => bc.call.connectionsRecorded)
        .flatMap((bc) => fg103_flow_connection_drift_checkCall(ctx, bc));
}
function fg103_flow_connection_drift_checkCall(ctx, bc) {
    const { app, call, flow } = bc;
    const recorded = `the app recorded ${list(call.storedConnections.map((s) => `${s.key} (${s.api})`))}`;
    const where = `App ${appLabel(app)} calls flow ${flowLabel(flow)} ('${call.dataSource}')`;
    const finding = (severity, codes, identity, what, change) => driftFinding(fg103_flow_connection_drift_meta, ctx, bc, where, recorded, { severity, errorCodes: codes, identity, what, change });
    // Keys and API names are compared case-insensitively: the app may spell hex escapes differently (§8b.2).
    const stored = new Map(call.storedConnections.map((s) => [ids_idKey(s.key), s]));
    const current = new Map(flow.connections.map((c) => [ids_idKey(c.key), c]));
    const added = flow.connections.filter((c) => !stored.has(ids_idKey(c.key)));
    const removed = call.storedConnections.filter((s) => !current.has(ids_idKey(s.key)));
    const out = [];
    for (const c of flow.connections) {
        const s = stored.get(ids_idKey(c.key));
        if (s && !sameId(s.api, c.api)) {
            out.push(finding('error', codesFor(c), `api:${c.key}`, `connection '${c.key}' now uses connector ${c.api} instead of ${s.api}`, `connection '${c.key}' now uses ${c.api}`));
        }
    }
    for (const c of added) {
        const renamedFrom = takeSameApi(removed, c.api);
        const mode = c.runtimeSource === 'invoker' ? "the run-only user's own connection" : "the flow's embedded connection";
        if (renamedFrom) {
            out.push(finding('error', codesFor(c), `renamed:${renamedFrom.key}>${c.key}`, `connection key '${renamedFrom.key}' (${c.api}) is now '${c.key}' in the flow (${mode})`, `connection key '${c.key}'`));
        }
        else {
            out.push(finding('error', codesFor(c), `added:${c.key}`, `connection '${c.key}' (${c.api}, ${mode}) was added to the flow after the app was bound`, `new connection '${c.key}'`));
        }
    }
    for (const s of removed) {
        out.push(finding('warning', [ERRORS.NotAllowedConnectionReference.code], `removed:${s.key}`, `connection '${s.key}' (${s.api}) is no longer used by the flow, but the app still provides it`, `connection '${s.key}' removed`));
    }
    return out;
}
function takeSameApi(removed, api) {
    const i = removed.findIndex((r) => sameId(r.api, api));
    return i < 0 ? undefined : removed.splice(i, 1)[0];
}
const flowConnectionDrift = { meta: fg103_flow_connection_drift_meta, check: fg103_flow_connection_drift_check };

;// CONCATENATED MODULE: ./src/rules/fg104-flow-not-found.ts


const fg104_flow_not_found_meta = {
    id: 'FG104',
    name: 'flow-not-found',
    defaultSeverity: 'error',
    errorCodes: [ERRORS.InstallFlowFailed0x80040265, ERRORS.InstallFlowFailed0x80048d0b],
    summary: 'A canvas app calls a flow that none of the analysed solutions contains.',
    impact: "After import the app's flow data source points at a flow the target environment may not have: the call cannot resolve, and installing the flow connection for the app fails. When the solution declares the flow as a missing dependency, it is expected to come from another solution, and this is only a reminder.",
};
const WORKFLOW = 29;
function declaredMissing(solution, call) {
    const ids = [call.hints.workflowEntityId, call.hints.localConnectionReference, call.hints.appRecord].filter((x) => x !== undefined);
    return solution.missingDependencies.some((d) => (d.requiredType === WORKFLOW || d.requiredTypeName === 'workflow') && (ids.includes(d.requiredKey) || d.requiredDisplayName.replace(/\s+/g, '').toLowerCase() === call.dataSource.toLowerCase()));
}
function fg104_flow_not_found_check(ctx) {
    const out = [];
    for (const solution of ctx.workspace.solutions) {
        for (const app of solution.apps) {
            for (const call of app.calls) {
                if (call.binding.flowId)
                    continue;
                const id = call.hints.workflowEntityId ?? call.hints.localConnectionReference ?? call.hints.appRecord;
                const declared = declaredMissing(solution, call);
                // A data source no formula calls cannot fail at run time: removing it is the clean fix.
                const uncalled = call.formulas !== undefined && call.formulas.callSites.length === 0;
                const idText = id ? `workflow id ${id}` : call.hints.workflowName ? `environment flow name ${call.hints.workflowName}, no solution workflow id` : 'no workflow id';
                const title = call.title ? ` ('${call.title}' when it was added)` : '';
                out.push(makeFinding(fg104_flow_not_found_meta, {
                    severity: declared || uncalled ? 'note' : fg104_flow_not_found_meta.defaultSeverity,
                    solution,
                    app,
                    flow: { id: id ?? call.hints.workflowName ?? '', name: call.title || call.dataSource },
                    location: call.origin,
                    call,
                    message: declared
                        ? `App ${appLabel(app)} calls flow '${call.dataSource}'${title}, ${idText}, which the solution declares as a missing dependency: it must be installed from its own solution before this one.`
                        : uncalled
                            ? `App ${appLabel(app)} has the flow data source '${call.dataSource}'${title}, ${idText}, which no analysed solution contains; no formula of the app calls it, so nothing fails at run time, but the import still needs the flow or the data source removed.`
                            : `App ${appLabel(app)} calls flow '${call.dataSource}'${title}${calledFrom(call)}, ${idText}, but no analysed solution contains that flow, so the call cannot resolve after import.`,
                    mitigation: declared
                        ? ['Make sure the solution that contains the flow is imported into every target environment before this solution.']
                        : uncalled
                            ? [`Open ${appLabel(app)} in Power Apps Studio, remove '${call.dataSource}' from the app's flows (no formula uses it), then save, publish and export.`]
                            : [
                                `Add the flow '${call.title || call.dataSource}' to this solution (Add existing > Automation > Cloud flow) and export again, or commit the solution that contains it to this repository.`,
                                `If the flow was deleted or replaced on purpose, open ${appLabel(app)} in Power Apps Studio, remove '${call.dataSource}' from the app's flows, add the replacement, fix the formulas that call it, then save, publish and export.`,
                                'A flow that lives outside any solution (a legacy, non-solution flow) cannot travel with the app: move it into a solution first.',
                            ],
                    identity: [call.dataSource.toLowerCase()],
                }));
            }
        }
    }
    return out;
}
const flowNotFound = { meta: fg104_flow_not_found_meta, check: fg104_flow_not_found_check };

;// CONCATENATED MODULE: ./src/rules/fg106-call-arguments-mismatch.ts



const fg106_call_arguments_mismatch_meta = {
    id: 'FG106',
    name: 'call-arguments-mismatch',
    defaultSeverity: 'error',
    errorCodes: [ERRORS.TemplateExpressionFailure],
    summary: "A formula calls a flow with a number of arguments that does not fit the signature the app stored for it.",
    impact: "The app's own formula and its copy of the flow's signature disagree (a hand edit or a broken export): Power Apps refuses the formula, or the flow receives the wrong inputs and an expression such as triggerBody()['X'] cannot select property 'X'.",
};
/**
 * The argument counts a stored signature accepts: every input positional, or the required ones
 * positional with the optional ones in one trailing record (the connector convention; §9 of the
 * format notes lists it as unseen for flows, so both are accepted).
 */
function acceptedArguments(call) {
    const required = call.storedInputs.filter((p) => p.required).length;
    const all = call.storedInputs.length;
    return new Set(all > required ? [required, required + 1, all] : [all]);
}
function fg106_call_arguments_mismatch_check(ctx) {
    const out = [];
    for (const bc of boundCalls(ctx.workspace)) {
        const { call } = bc;
        if (call.signatureUnreadable || !call.formulas)
            continue;
        const accepted = acceptedArguments(call);
        const wrong = call.formulas.callSites.filter((s) => !accepted.has(s.arguments));
        for (const site of wrong)
            out.push(finding(ctx, bc, site, accepted));
    }
    return out;
}
function finding(ctx, bc, site, accepted) {
    const { app, call, flow } = bc;
    const counts = [...accepted].sort((a, b) => a - b).join(' or ');
    const f = makeFinding(fg106_call_arguments_mismatch_meta, {
        solution: bc.solution,
        app,
        flow,
        location: site.location,
        call,
        message: `App ${appLabel(app)} calls flow ${flowLabel(flow)} in ${siteLabel(site)} with ${site.arguments} argument${site.arguments === 1 ? '' : 's'} (${site.formula}), but the signature the app stored for '${call.dataSource}' takes ${counts}: ${call.storedInputs.map((p) => `${p.name}${p.required ? '' : ' (optional)'}`).join(', ') || 'no inputs'}.`,
        mitigation: [
            `Open ${appLabel(app)} in Power Apps Studio and fix ${siteLabel(site)} so that it passes ${counts} argument(s), in the order of the flow's inputs.`,
            ...rebindSteps(ctx, bc.solution, app.displayName, flow.name, 'refresh the stored signature').slice(0, 2),
        ],
        identity: [site.screen, site.control, site.property, String(site.arguments)],
    });
    return { ...f, sites: [{ screen: site.screen, control: site.control, property: site.property, location: site.location }] };
}
const callArgumentsMismatch = { meta: fg106_call_arguments_mismatch_meta, check: fg106_call_arguments_mismatch_check };

;// CONCATENATED MODULE: ./src/rules/fg107-flow-data-source-unused.ts

const fg107_flow_data_source_unused_meta = {
    id: 'FG107',
    name: 'flow-data-source-unused',
    defaultSeverity: 'note',
    errorCodes: [],
    summary: "An app keeps a flow data source that none of its formulas calls.",
    impact: "A change to that flow cannot break the app, but the app still carries the flow's signature and connections: the import needs the flow, and reviewers see a dependency that does nothing. Removing the data source is the clean fix.",
};
function fg107_flow_data_source_unused_check(ctx) {
    const out = [];
    for (const solution of ctx.workspace.solutions) {
        for (const app of solution.apps) {
            for (const call of app.calls) {
                const f = call.formulas;
                // An unbound data source is FG104's (a note when nothing calls it): one cause, one entry.
                if (!f || f.callSites.length > 0 || f.untraced.length > 0 || !call.binding.flowId)
                    continue;
                out.push(makeFinding(fg107_flow_data_source_unused_meta, {
                    solution,
                    app,
                    flow: call.binding.flowId ? { id: call.binding.flowId, name: call.title || call.dataSource } : undefined,
                    location: call.origin,
                    call,
                    message: `App ${appLabel(app)} has the flow data source '${call.dataSource}'${call.title ? ` ('${call.title}')` : ''}, but none of its formulas calls it: changing that flow cannot break the app.`,
                    mitigation: [`Open ${appLabel(app)} in Power Apps Studio, remove '${call.dataSource}' from the app's flows (Power Automate pane), then save, publish and export.`],
                    identity: [call.dataSource.toLowerCase()],
                }));
            }
        }
    }
    return out;
}
const flowDataSourceUnused = { meta: fg107_flow_data_source_unused_meta, check: fg107_flow_data_source_unused_check };

;// CONCATENATED MODULE: ./src/rules/fg201-flow-disabled.ts


const fg201_flow_disabled_meta = {
    id: 'FG201',
    name: 'flow-disabled',
    defaultSeverity: 'error',
    errorCodes: [ERRORS.WorkflowTriggerIsNotEnabled, ERRORS.InstallFlowFailed0x80040265, ERRORS.InstallFlowFailed0x80048d0b],
    summary: 'A flow is exported turned off (StateCode 0) while an app calls it, or on a release branch.',
    impact: 'A flow imported in the off state stays off in the target environment: every call from an app fails with WorkflowTriggerIsNotEnabled, and adding the flow to an app fails to install it.',
};
const steps = (name) => [
    `In the development environment, turn on the flow '${name}' (My flows or the solution, then Turn on) and run it once to check it works.`,
    'Export the solution again so the flow is exported on, and commit the new export.',
    'After importing into a target environment, check that the flow is on there too; connection references must be bound before a flow can be turned on.',
    `Background: ${KB_LINKS.turnOnFlow}`,
];
function fg201_flow_disabled_check(ctx) {
    const out = [];
    const called = new Set();
    for (const { solution, app, flow, call } of boundCalls(ctx.workspace)) {
        if (flow.state !== 'off')
            continue;
        called.add(`${solution.path}\u0000${flow.id}`);
        out.push(makeFinding(fg201_flow_disabled_meta, {
            solution,
            app,
            flow,
            location: flow.metaOrigin ?? flow.origin,
            message: `Flow ${flowLabel(flow)} is exported turned off, and app ${appLabel(app)} calls it as '${call.dataSource}': every call will fail until the flow is turned on.`,
            mitigation: steps(flow.name),
        }));
    }
    for (const solution of ctx.workspace.solutions) {
        for (const flow of solution.flows) {
            if (flow.state !== 'off' || called.has(`${solution.path}\u0000${flow.id}`))
                continue;
            out.push(makeFinding(fg201_flow_disabled_meta, {
                severity: ctx.release ? 'error' : 'note',
                errorCodes: [ERRORS.WorkflowTriggerIsNotEnabled.code],
                solution,
                flow,
                location: flow.metaOrigin ?? flow.origin,
                message: `Flow ${flowLabel(flow)} is exported turned off${ctx.release ? ' on a release branch' : ''}: it will be imported off and will not run${ctx.release ? '' : ' (fine for a draft, not for a release)'}.`,
                mitigation: steps(flow.name),
            }));
        }
    }
    return out;
}
const flowDisabled = { meta: fg201_flow_disabled_meta, check: fg201_flow_disabled_check };

;// CONCATENATED MODULE: ./src/rules/fg202-sync-timeout-risk.ts


/** A flow answering an app (or a parent flow) must respond within 120 seconds. */
const SYNC_LIMIT_SECONDS = 120;
const fg202_sync_timeout_risk_meta = {
    id: 'FG202',
    name: 'sync-timeout-risk',
    defaultSeverity: 'warning',
    errorCodes: [ERRORS.ResponseTimeout],
    summary: 'A flow that an app calls can block for longer than 120 seconds before it responds.',
    impact: 'An app waits for the flow\'s response synchronously, for at most 120 seconds. Delays, do-until loops, approvals and other webhooks, child flows and long retry policies before the response make the call fail with ResponseTimeout (504) while the flow run itself goes on.',
};
function fg202_sync_timeout_risk_check(ctx) {
    const index = flowIndex(ctx.workspace);
    const byId = new Map();
    for (const { flow } of index.values())
        if (!byId.has(flow.id))
            byId.set(flow.id, flow);
    const out = [];
    for (const { solution, app, flow, call } of boundCalls(ctx.workspace)) {
        if (flow.responses.length === 0 || flow.responses.every((r) => r.asynchronous))
            continue;
        const waits = blockingWaits(flow, byId, new Set());
        if (waits.length === 0)
            continue;
        const known = waits.reduce((s, w) => s + (w.minSeconds ?? 0), 0);
        const certain = known > SYNC_LIMIT_SECONDS;
        out.push(makeFinding(fg202_sync_timeout_risk_meta, {
            severity: certain ? 'error' : fg202_sync_timeout_risk_meta.defaultSeverity,
            solution,
            app,
            flow,
            location: flow.origin,
            call,
            message: `App ${appLabel(app)} waits for flow ${flowLabel(flow)} ('${call.dataSource}'), which ${certain ? `blocks at least ${known} s` : 'can block'} before it responds: ${waits.map((w) => `${w.action}: ${w.detail}`).join('; ')}. Calls from an app time out after ${SYNC_LIMIT_SECONDS} s.`,
            mitigation: [
                `Move the response in '${flow.name}' before the actions that wait, so the app gets its answer at once and the rest runs afterwards; or turn on "Asynchronous response" in the response action's settings where the app does not need the result.`,
                'If the app needs the result of the slow part, split the work: respond with an id at once, let the flow write its result to Dataverse or SharePoint, and have the app read it later (a timer or a refresh).',
                'Shorten retry policies and loop timeouts that can run past two minutes.',
                `Background: ${KB_LINKS.asyncPattern}`,
            ],
            identity: [waits.map((w) => `${w.kind}:${w.action}`).join(',')],
        }));
    }
    return out;
}
/** Waits before the first response, following child flows (their own waits before they respond add up). */
function blockingWaits(flow, byId, seen) {
    seen.add(flow.id);
    const waits = [];
    for (const w of flow.waits) {
        if (!w.beforeResponse)
            continue;
        waits.push(w);
    }
    for (const childId of flow.childFlows) {
        const child = byId.get(childId);
        if (!child || seen.has(childId))
            continue;
        const before = flow.waits.some((w) => w.kind === 'child-flow' && w.beforeResponse);
        if (!before)
            continue;
        for (const w of blockingWaits(child, byId, seen))
            waits.push({ ...w, action: `${child.name} › ${w.action}` });
    }
    return waits;
}
const syncTimeoutRisk = { meta: fg202_sync_timeout_risk_meta, check: fg202_sync_timeout_risk_check };

;// CONCATENATED MODULE: ./src/rules/fg301-connection-mode.ts



const fg301_connection_mode_meta = {
    id: 'FG301',
    name: 'connection-mode',
    defaultSeverity: 'note',
    errorCodes: [ERRORS.ConnectionAuthorizationFailed, ERRORS.NotAllowedConnectionReference, ERRORS.ChildFlowUnsupportedForInvokerConnections],
    summary: 'How each connection of an app-called flow is supplied: the run-only user\'s own (invoker) or the flow\'s (embedded).',
    impact: "An invoker connection (\"Provided by run-only user\") runs with each app user's own connection, so every user needs access to that connector's data, or the call fails with ConnectionAuthorizationFailed. An embedded connection runs as the flow owner for everyone who can run the app. A child flow cannot use invoker connections at all (ChildFlowUnsupportedForInvokerConnections).",
};
const modeText = (m) => (m === 'invoker' ? 'invoker (each user\'s own connection)' : m === 'embedded' ? "embedded (the flow owner's connection)" : m);
function fg301_connection_mode_check(ctx) {
    const out = [];
    for (const { solution, app, flow, call } of boundCalls(ctx.workspace)) {
        if (flow.connections.length === 0)
            continue;
        const modes = connectorModes(flow);
        const invoker = flow.connections.filter((c) => c.runtimeSource === 'invoker');
        const invokerApis = distinctIds(invoker.map((c) => c.api));
        out.push(makeFinding(fg301_connection_mode_meta, {
            solution,
            app,
            flow,
            errorCodes: invoker.length > 0 ? [ERRORS.ConnectionAuthorizationFailed.code] : [],
            location: flow.origin,
            call,
            message: `App ${appLabel(app)} calls flow ${flowLabel(flow)} ('${call.dataSource}') with these connection modes: ${modes.join('; ')}.${invoker.length > 0 ? ` Every app user needs permission on ${invokerApis.join(', ')}.` : ' Every app user acts with the owner\'s permissions.'}`,
            mitigation: invoker.length > 0
                ? [
                    `Share the data behind ${invokerApis.join(', ')} with every user of the app (or a group they belong to), and make sure each user can create the connection.`,
                    "If users must not need their own access, open the flow's details page, edit Run only users, and set those connections to use the flow's own connection instead; then remove and re-add the flow in the app.",
                    `Background: ${KB_LINKS.flowAccess}`,
                ]
                : [
                    'Check that running as the flow owner is intended: every app user acts with the owner\'s permissions on these connectors.',
                    'If users should act as themselves, set the connections to "Provided by run-only user" under Run only users, then remove and re-add the flow in the app.',
                    `Background: ${KB_LINKS.flowAccess}`,
                ],
            // The invoker connections (what users must be granted) are the identity: an embedded connection added beside the same
            // invoker ones changes the message, not the action, so the finding stays "existing".
            identity: [invoker.length > 0 ? `invoker:${invoker.map((c) => ids_idKey(c.key)).sort().join(',')}` : 'embedded-only'],
        }));
    }
    out.push(...childFlowsWithInvoker(ctx));
    out.push(...callableFlowsWithInvoker(ctx));
    return out;
}
/** Each connector once, with its mode and, where a connector has several, its connection keys. */
function connectorModes(flow) {
    const groups = new Map();
    for (const c of flow.connections) {
        const k = `${ids_idKey(c.api)}\u0000${c.runtimeSource}`;
        const g = groups.get(k) ?? { api: c.api, mode: c.runtimeSource, keys: [] };
        g.keys.push(c.key);
        groups.set(k, g);
    }
    return [...groups.values()].map((g) => `${g.api}${g.keys.length > 1 || !sameId(g.keys[0] ?? '', g.api) ? ` (${g.keys.join(', ')})` : ''}: ${modeText(g.mode)}`);
}
/**
 * A manually triggered flow that answers with "Respond to a PowerApp or flow" is built to be run
 * by a parent flow; with invoker connections that call fails even when no parent is in the repository.
 */
function callableFlowsWithInvoker(ctx) {
    const parents = new Set();
    for (const s of ctx.workspace.solutions)
        for (const f of s.flows)
            for (const id of f.childFlows)
                parents.add(id);
    const out = [];
    for (const solution of ctx.workspace.solutions) {
        for (const flow of solution.flows) {
            const manual = flow.trigger?.type.toLowerCase() === 'request' && flow.trigger.kind === 'Button';
            const responds = flow.responses.some((r) => r.kind === 'PowerApp');
            const invoker = flow.connections.filter((c) => c.runtimeSource === 'invoker');
            if (!manual || !responds || invoker.length === 0 || parents.has(flow.id))
                continue;
            out.push(makeFinding(fg301_connection_mode_meta, {
                severity: 'warning',
                errorCodes: [ERRORS.ChildFlowUnsupportedForInvokerConnections.code],
                solution,
                flow,
                location: flow.origin,
                message: `Flow ${flowLabel(flow)} has a manual trigger and responds with "Respond to a PowerApp or flow", so it is meant to run as a child flow, but ${invoker.map((c) => `'${c.key}' (${c.api})`).join(', ')} ${invoker.length > 1 ? 'are' : 'is'} provided by the run-only user (invoker): a parent flow's call fails, since child flows only run with embedded connections.`,
                mitigation: [
                    `Open '${flow.name}', go to Run only users, and set ${invoker.map((c) => c.key).join(', ')} to use a connection of the flow (embedded) instead of "Provided by run-only user".`,
                    'If the flow is only started by hand, ignore this finding for it in .github/flowguard.yml with the reason.',
                    'Export the solution again and commit it.',
                ],
                identity: ['callable', invoker.map((c) => c.key).join(',')],
            }));
        }
    }
    return out;
}
/** A flow called as a child flow may only use embedded connections. */
function childFlowsWithInvoker(ctx) {
    const byId = new Map();
    for (const solution of ctx.workspace.solutions)
        for (const flow of solution.flows)
            if (!byId.has(flow.id))
                byId.set(flow.id, { flow, solution });
    const out = [];
    for (const solution of ctx.workspace.solutions) {
        for (const parent of solution.flows) {
            for (const childId of parent.childFlows) {
                const child = byId.get(childId);
                const invoker = child?.flow.connections.filter((c) => c.runtimeSource === 'invoker') ?? [];
                if (!child || invoker.length === 0)
                    continue;
                out.push(makeFinding(fg301_connection_mode_meta, {
                    severity: 'error',
                    errorCodes: [ERRORS.ChildFlowUnsupportedForInvokerConnections.code],
                    solution: child.solution,
                    flow: child.flow,
                    location: child.flow.origin,
                    message: `Flow ${flowLabel(child.flow)} is run as a child flow by ${flowLabel(parent)}, but uses invoker connections (${invoker.map((c) => c.key).join(', ')}); child flows can only use embedded connections, so the parent's call fails.`,
                    mitigation: [
                        `Open '${child.flow.name}', go to Run only users, and set ${invoker.map((c) => c.key).join(', ')} to use a connection of the flow instead of "Provided by run-only user".`,
                        'Export the solution again and commit it.',
                    ],
                    identity: ['child-of', parent.id],
                }));
            }
        }
    }
    return out;
}
const connectionMode = { meta: fg301_connection_mode_meta, check: fg301_connection_mode_check };

;// CONCATENATED MODULE: ./src/rules/fg302-missing-connection-reference.ts



const fg302_missing_connection_reference_meta = {
    id: 'FG302',
    name: 'missing-connection-reference',
    defaultSeverity: 'error',
    errorCodes: [ERRORS.MissingConnectionReference],
    summary: 'A flow uses a connection reference that no analysed solution defines, one the target must already hold, or a raw connection instead of a reference.',
    impact: 'On import the flow\'s connection cannot be bound: the flow stays off or fails with MissingConnectionReference, and an app calling it reports "Connection not configured for this service". A reference the solution lists as a missing dependency must already exist in the target environment.',
};
function fg302_missing_connection_reference_check(ctx) {
    const defined = new Set();
    for (const s of ctx.workspace.solutions)
        for (const cr of s.connectionReferences)
            defined.add(ids_idKey(cr.logicalName));
    const out = [];
    for (const solution of ctx.workspace.solutions) {
        if (solution.layout === 'legacy-package')
            continue;
        const declared = new Map(solution.missingDependencies.map((d) => [ids_idKey(d.requiredKey), d]));
        const byRef = new Map();
        const raw = new Map();
        for (const flow of solution.flows) {
            for (const c of flow.connections) {
                const ref = c.connectionReference;
                if (!ref)
                    add(raw, flow, c.api);
                else if (!defined.has(ids_idKey(ref))) {
                    const entry = byRef.get(ids_idKey(ref)) ?? { name: ref, users: new Map() };
                    add(entry.users, flow, c.key);
                    byRef.set(ids_idKey(ref), entry);
                }
            }
        }
        for (const [key, { name, users }] of [...byRef.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
            const dep = declared.get(key);
            out.push(dep ? expectedInTarget(solution, name, users, dep) : undefinedReference(solution, name, users));
        }
        if (raw.size > 0)
            out.push(rawConnections(solution, raw));
    }
    return out;
}
function add(users, flow, item) {
    const list = users.get(flow) ?? [];
    list.push(item);
    users.set(flow, list);
}
/** `Flow 'A' (id) (shared_x, shared_y)`, one flow after another. */
function describeUsers(users) {
    return [...users.entries()].map(([flow, items]) => `${flowLabel(flow)} (${distinctIds(items).join(', ')})`).join('; ');
}
/** The finding names its flow when there is one; a reference used by several names them in the message. */
function only(users) {
    return users.size === 1 ? [...users.keys()][0] : undefined;
}
function undefinedReference(solution, ref, users) {
    const flow = only(users);
    return makeFinding(fg302_missing_connection_reference_meta, {
        severity: 'error',
        solution,
        flow,
        location: [...users.keys()][0].origin,
        message: `Connection reference '${ref}' is used by ${users.size === 1 ? 'flow' : `${users.size} flows:`} ${describeUsers(users)}, but no analysed solution defines it and solution.xml does not list it as a missing dependency, so importing '${solution.uniqueName}' leaves ${users.size === 1 ? 'that connection' : 'those connections'} unbound.`,
        mitigation: [
            `Add the connection reference '${ref}' to the solution (Add existing > More > Connection reference), or create one and point the flows' actions at it.`,
            'Export the solution again and commit it; if the reference belongs to another solution, commit that solution too or import it first.',
            `Background: ${KB_LINKS.deploymentSettings}`,
        ],
        identity: ['undefined', ids_idKey(ref)],
    });
}
/** `solution="Active"` means the owner was an unmanaged customization in the source environment (solution-format §8b.7). */
function owner(dep) {
    const s = dep.requiredSolution;
    return s === '' ? 'another solution' : s.toLowerCase() === 'active' ? 'an unmanaged customization of the source environment (no solution owns it)' : `solution '${s}'`;
}
function expectedInTarget(solution, ref, users, dep) {
    const unmanagedOwner = dep.requiredSolution.toLowerCase() === 'active' || dep.requiredSolution === '';
    return makeFinding(fg302_missing_connection_reference_meta, {
        severity: 'warning',
        solution,
        flow: only(users),
        location: solution.origin,
        message: `Connection reference '${ref}' (used by ${describeUsers(users)}) is not part of '${solution.uniqueName}': solution.xml lists it as a missing dependency owned by ${owner(dep)}. The import fails unless the target environment already holds it.`,
        mitigation: [
            unmanagedOwner
                ? `Add '${ref}' to a solution of its own (or to this one) in the source environment, export that solution and import it into each target before '${solution.uniqueName}'.`
                : `Import ${owner(dep)} into each target environment before '${solution.uniqueName}'.`,
            `Background: ${KB_LINKS.deploymentSettings}`,
        ],
        identity: ['dependency', ids_idKey(ref)],
    });
}
function rawConnections(solution, raw) {
    const flow = only(raw);
    return makeFinding(fg302_missing_connection_reference_meta, {
        severity: 'warning',
        solution,
        flow,
        location: [...raw.keys()][0].origin,
        message: `${raw.size === 1 ? 'Flow' : `${raw.size} flows of '${solution.uniqueName}' use raw connections, not connection references:`} ${describeUsers(raw)}${raw.size === 1 ? ' uses raw connections, not connection references' : ''}. Those connections cannot be set when the solution is imported elsewhere; apps calling these flows report "Connection not configured for this service".`,
        mitigation: [
            `Open each flow inside the solution and re-select the connection in each action, so that it uses a connection reference (flows created inside a solution do this by default).`,
            'Export the solution again and commit it.',
        ],
        identity: ['raw'],
    });
}
const missingConnectionReference = { meta: fg302_missing_connection_reference_meta, check: fg302_missing_connection_reference_check };

;// CONCATENATED MODULE: ./src/rules/fg303-deployment-settings-gap.ts



const fg303_deployment_settings_gap_meta = {
    id: 'FG303',
    name: 'deployment-settings-gap',
    defaultSeverity: 'error',
    errorCodes: [ERRORS.MissingConnectionReference],
    summary: "A deployment settings file does not match its solution's connection references and environment variables.",
    impact: 'An import driven by a settings file (pac solution import --settings-file, pipelines) leaves a connection reference without a connection when its entry is missing or empty: its flows stay off and apps calling them fail. A ConnectorId that differs from the solution\'s makes the import fail; a missing environment variable keeps its default or none.',
};
const PLACEHOLDER = /^(#\{.*\}#|\$\{.*\}|\$\(.*\)|<.*>|__.*__|\{\{.*\}\})$/;
function fg303_deployment_settings_gap_check(ctx) {
    const out = [];
    for (const file of ctx.workspace.deploymentSettings) {
        const solutions = solutionsFor(file, ctx.workspace.solutions);
        for (const solution of solutions)
            out.push(...checkEntries(file, solution));
        if (solutions[0])
            out.push(...checkStale(file, solutions));
    }
    return out;
}
/**
 * A settings file belongs to the solutions whose connection references or environment
 * variables it names; a file naming none belongs to the solutions nearest to it in the
 * folder tree (`config/test/deploymentSettings.json` next to `src/`), or to the only one.
 */
function solutionsFor(file, solutions) {
    const names = new Set([...file.connectionReferences.map((c) => c.logicalName.toLowerCase()), ...file.environmentVariables.map((e) => e.schemaName.toLowerCase())]);
    const overlapping = solutions.filter((s) => s.connectionReferences.some((c) => names.has(c.logicalName.toLowerCase())) || s.environmentVariables.some((e) => names.has(e.schemaName.toLowerCase())));
    if (overlapping.length > 0)
        return overlapping;
    const eligible = solutions.filter((s) => s.layout !== 'legacy-package' && (s.connectionReferences.length > 0 || s.environmentVariables.length > 0));
    if (eligible.length === 1)
        return eligible;
    const dir = dirname(file.path).split('/');
    const shared = (s) => {
        const parts = s.path.split('/');
        let n = 0;
        while (n < dir.length && n < parts.length && dir[n] === parts[n])
            n++;
        return n;
    };
    const best = Math.max(0, ...eligible.map(shared));
    return best === 0 ? [] : eligible.filter((s) => shared(s) === best);
}
const CR = 'connection reference';
const EV = 'environment variable';
/** `what` and `fix` get the listed names with their noun: "connection references 'a' (…), 'b' (…)". */
const GAPS = {
    'cr-missing': { noun: CR, severity: 'error', what: (n) => `no entry for ${n}: imported without a connection.`, fix: (n) => `Add a ConnectionReferences entry {"LogicalName", "ConnectionId", "ConnectorId"} for ${n}.` },
    'cr-empty': { noun: CR, severity: 'error', what: (n) => `an empty ConnectionId for ${n}: imported without a connection.`, fix: (n) => `Set the ConnectionId for ${n} to the id of a connection in the target environment.` },
    'cr-placeholder': { noun: CR, severity: 'note', codes: [], what: (n) => `placeholder ConnectionIds for ${n}; the pipeline must replace them before import.`, fix: (n) => `Make sure the pipeline defines a value for each placeholder (${n}) in every target environment.` },
    'cr-connector': { noun: CR, severity: 'error', what: (n) => `a ConnectorId that differs from the solution's for ${n}.`, fix: (n) => `Set the ConnectorId for ${n} to the solution's connector id.` },
    'ev-missing': { noun: EV, severity: 'warning', codes: [], what: (n) => `no entry, and no default value, for ${n}.`, fix: (n) => `Add EnvironmentVariables entries {"SchemaName", "Value"} for ${n}.` },
    'ev-default': { noun: EV, severity: 'note', codes: [], what: (n) => `no entry for ${n}; the default values will be used.`, fix: (n) => `Add EnvironmentVariables entries for ${n} if the defaults do not fit the target.` },
    'cr-stale': { noun: CR, severity: 'warning', codes: [], what: (n) => `entries for ${n}, which the solution does not have (renamed or removed).`, fix: (n) => `Remove or rename the entries for ${n}.` },
    'ev-stale': { noun: EV, severity: 'warning', codes: [], what: (n) => `entries for ${n}, which the solution does not have.`, fix: (n) => `Remove or rename the entries for ${n}.` },
};
/** Collects the names per kind of gap and emits one finding per kind. */
function gaps(file, solution) {
    const found = new Map();
    return {
        add(kind, name, detail) {
            const list = found.get(kind) ?? [];
            list.push(`'${name}'${detail ? ` (${detail})` : ''}`);
            found.set(kind, list);
        },
        findings() {
            return [...found.entries()].map(([kind, names]) => {
                const gap = GAPS[kind];
                const listed = `${gap.noun}${names.length > 1 ? 's' : ''} ${names.join(', ')}`;
                return makeFinding(fg303_deployment_settings_gap_meta, {
                    severity: gap.severity,
                    ...(gap.codes ? { errorCodes: gap.codes } : {}),
                    solution,
                    location: { file: file.path },
                    message: `${file.path} (for '${solution.uniqueName}') has ${gap.what(listed)}`,
                    mitigation: [gap.fix(listed), `Regenerate a complete file with pac solution create-settings --solution-zip <export> --settings-file ${file.path} and fill in the values.`, `Background: ${KB_LINKS.deploymentSettings}`],
                    identity: [file.path, kind],
                });
            });
        },
    };
}
function checkEntries(file, solution) {
    const g = gaps(file, solution);
    const entries = new Map(file.connectionReferences.map((c) => [c.logicalName.toLowerCase(), c]));
    for (const cr of solution.connectionReferences) {
        const entry = entries.get(cr.logicalName.toLowerCase());
        if (!entry) {
            g.add('cr-missing', cr.logicalName, cr.api);
            continue;
        }
        if (entry.connectionId.trim() === '')
            g.add('cr-empty', cr.logicalName, cr.api);
        else if (PLACEHOLDER.test(entry.connectionId.trim()))
            g.add('cr-placeholder', cr.logicalName, entry.connectionId);
        if (entry.connectorId && entry.connectorId.toLowerCase() !== cr.connectorId.toLowerCase())
            g.add('cr-connector', cr.logicalName, `${entry.connectorId}, not ${cr.connectorId}`);
    }
    const vars = new Set(file.environmentVariables.map((e) => e.schemaName.toLowerCase()));
    for (const ev of solution.environmentVariables) {
        if (!vars.has(ev.schemaName.toLowerCase()))
            g.add(ev.hasDefault ? 'ev-default' : 'ev-missing', ev.schemaName);
    }
    return g.findings();
}
/** Entries no solution of the file has: checked once per file, against all the solutions it serves. */
function checkStale(file, solutions) {
    const g = gaps(file, solutions[0]);
    const crs = new Set(solutions.flatMap((s) => s.connectionReferences.map((c) => c.logicalName.toLowerCase())));
    for (const entry of file.connectionReferences)
        if (!crs.has(entry.logicalName.toLowerCase()))
            g.add('cr-stale', entry.logicalName);
    const evs = new Set(solutions.flatMap((s) => s.environmentVariables.map((e) => e.schemaName.toLowerCase())));
    for (const e of file.environmentVariables)
        if (!evs.has(e.schemaName.toLowerCase()))
            g.add('ev-stale', e.schemaName);
    return g.findings();
}
const deploymentSettingsGap = { meta: fg303_deployment_settings_gap_meta, check: fg303_deployment_settings_gap_check };

;// CONCATENATED MODULE: ./src/rules/fg401-unmanaged-solution.ts



const fg401_unmanaged_solution_meta = {
    id: 'FG401',
    name: 'unmanaged-solution',
    defaultSeverity: 'error',
    errorCodes: [],
    summary: 'An unmanaged solution export is headed for a release branch or a release artifact path.',
    impact: 'Importing an unmanaged solution into test or production makes every component an unmanaged customization there. Those layers sit on top of later managed updates, so a fixed flow or re-bound app in the next release does not take effect, and connection references can break (MissingConnectionReference).',
};
function fg401_unmanaged_solution_check(ctx) {
    const out = [];
    for (const solution of ctx.workspace.solutions) {
        if (solution.managed !== 'unmanaged')
            continue;
        const artifact = ctx.isReleaseArtifact?.(solution.path) ?? false;
        if (!ctx.release && !artifact)
            continue;
        out.push(makeFinding(fg401_unmanaged_solution_meta, {
            solution,
            location: solution.origin,
            message: `Solution '${solution.uniqueName}' ${solution.version} is an unmanaged export, and ${artifact ? 'its path is configured as a release artifact' : 'this is a release branch'}: importing it into a target environment creates unmanaged layers over every app and flow in it.`,
            mitigation: [
                `Export '${solution.uniqueName}' as managed (Export > Managed, or pac solution export --managed) and commit that file for release.`,
                'Keep the unmanaged export (or the unpacked source) on development branches only.',
                ...unmanagedLayerSteps([...solution.apps.map((a) => a.displayName), ...solution.flows.map((f) => f.name)].slice(0, 5)).slice(0, 1),
                `Background: ${KB_LINKS.solutionLayers}`,
            ],
        }));
    }
    return out;
}
const unmanagedSolution = { meta: fg401_unmanaged_solution_meta, check: fg401_unmanaged_solution_check };

;// CONCATENATED MODULE: ./src/rules/fg402-unmanaged-layer-risk.ts



const fg402_unmanaged_layer_risk_meta = {
    id: 'FG402',
    name: 'unmanaged-layer-risk',
    defaultSeverity: 'warning',
    errorCodes: [],
    summary: 'A managed export leaves its flows, apps or connection references customizable, or is a patch.',
    impact: 'Customizable managed components can be edited in the target environment. Each edit adds an unmanaged layer on top, which hides the changes of every later import: a re-bound app or a fixed flow seems not to deploy. The KB\'s fix for MissingConnectionReference and NotAllowedConnectionReference begins by removing such layers.',
};
function fg402_unmanaged_layer_risk_check(ctx) {
    const out = [];
    for (const solution of ctx.workspace.solutions) {
        if (solution.managed !== 'managed')
            continue;
        const open = [
            ...solution.flows.filter((f) => f.customizable === true).map((f) => f.name),
            ...solution.apps.filter((a) => a.customizable === true).map((a) => a.displayName),
            ...solution.connectionReferences.filter((c) => c.customizable === true).map((c) => c.logicalName),
        ];
        if (open.length > 0) {
            out.push(makeFinding(fg402_unmanaged_layer_risk_meta, {
                solution,
                location: solution.origin,
                message: `Managed solution '${solution.uniqueName}' ${solution.version} leaves ${open.length} component${open.length === 1 ? '' : 's'} customizable in the target environment (${open.join(', ')}): edits made there become unmanaged layers that hide later updates.`,
                mitigation: [
                    `In the development environment, set Managed properties > "Allow customizations" to off for the flows, apps and connection references of '${solution.uniqueName}' that must not be edited downstream, then export managed again.`,
                    ...unmanagedLayerSteps(open.slice(0, 5)),
                    `Managed properties: ${KB_LINKS.managedProperties}`,
                ],
                identity: ['customizable'],
            }));
        }
        if (solution.parentSolution) {
            out.push(makeFinding(fg402_unmanaged_layer_risk_meta, {
                severity: 'note',
                solution,
                location: solution.origin,
                message: `Solution '${solution.uniqueName}' is a patch of '${solution.parentSolution}': it layers on its parent, and the app and flow changes in it only take effect where that parent is installed; clone the patches into a new parent version before the next release.`,
                mitigation: [`Import '${solution.parentSolution}' first in every target environment.`, 'Before the next release, roll the patches up with Clone solution so the target gets one managed version.'],
                identity: ['patch'],
            }));
        }
    }
    return out;
}
const unmanagedLayerRisk = { meta: fg402_unmanaged_layer_risk_meta, check: fg402_unmanaged_layer_risk_check };

;// CONCATENATED MODULE: ./src/rules/fg501-secret-in-export.ts

const fg501_secret_in_export_meta = {
    id: 'FG501',
    name: 'secret-in-export',
    defaultSeverity: 'error',
    errorCodes: [],
    summary: 'A committed canvas app carries a flow callback URL with its SAS signature (sig=).',
    impact: 'Anyone who can read the repository can start the flow with that URL, without signing in, for as long as the signature is valid.',
};
function fg501_secret_in_export_check(ctx) {
    const out = [];
    for (const solution of ctx.workspace.solutions) {
        for (const app of solution.apps) {
            for (const secret of app.secrets) {
                out.push(makeFinding(fg501_secret_in_export_meta, {
                    solution,
                    app,
                    location: secret.origin,
                    message: `App ${appLabel(app)} stores the callback URL of flow '${secret.dataSource}' with its SAS signature (the sig parameter of workFlowCallbackUri, not printed here): anyone with read access to this repository can start that flow.`,
                    mitigation: [
                        `Regenerate the flow's access keys so the committed signature stops working (for a solution flow, re-save the trigger or recreate the flow; Logic Apps: Regenerate access keys).`,
                        `Remove '${secret.dataSource}' from the app and add it again in a current Power Apps Studio, which stores solution-aware references without the callback URL, then export again.`,
                        'Purge the old file from the repository history if the repository is public.',
                    ],
                    identity: [secret.dataSource],
                }));
            }
        }
    }
    return out;
}
const secretInExport = { meta: fg501_secret_in_export_meta, check: fg501_secret_in_export_check };

;// CONCATENATED MODULE: ./src/compare/signature.ts

/**
 * The part of a flow an app depends on: the trigger, inputs, outputs, connections with their
 * mode, and the on/off state. Export noise (timestamps, volatile ids, key order) is not part of it.
 */
function flowSignature(flow) {
    const lines = [`trigger ${flow.trigger ? `${flow.trigger.type}/${flow.trigger.kind}` : 'none'}`, `state ${flow.state}`];
    for (const p of flow.inputs)
        lines.push(`input ${p.name} ${p.type}${p.required ? ' required' : ''}`);
    for (const o of flow.outputs)
        lines.push(`output ${o.name} ${o.type}`);
    for (const c of flow.connections)
        lines.push(`connection ${idKey(c.key)} ${idKey(c.api)} ${c.runtimeSource}`);
    return lines;
}
const NO_BINDING = { inputs: [], outputs: [], connections: [], trigger: [] };
function diffFlow(base, head) {
    if (!base)
        return { change: 'added', details: [], binding: NO_BINDING };
    if (!head)
        return { change: 'removed', details: [], binding: NO_BINDING };
    const trig = (f) => (f.trigger ? `${f.trigger.type}/${f.trigger.kind}` : 'none');
    const binding = {
        trigger: trig(base) !== trig(head) ? [`trigger ${trig(base)} → ${trig(head)}`] : [],
        inputs: keyed('input', base.inputs, head.inputs, (p) => p.name, (p) => `${p.type}${p.required ? ', required' : ''}`),
        outputs: keyed('output', base.outputs, head.outputs, (o) => o.name, (o) => o.type),
        connections: keyed('connection', base.connections, head.connections, (c) => ids_idKey(c.key), (c) => `${ids_idKey(c.api)}, ${c.runtimeSource}`),
    };
    const state = base.state !== head.state ? [`state ${base.state} → ${head.state}`] : [];
    const details = [...binding.trigger, ...state, ...binding.inputs, ...binding.outputs, ...binding.connections];
    if (details.length > 0)
        return { change: 'signature-changed', details, binding };
    return { change: base.definitionHash === head.definitionHash ? 'unchanged' : 'definition-changed', details: [], binding };
}
function keyed(what, base, head, key, describe) {
    const out = [];
    const b = new Map(base.map((x) => [key(x), x]));
    const h = new Map(head.map((x) => [key(x), x]));
    for (const [k, x] of b) {
        const y = h.get(k);
        if (!y)
            out.push(`${what} '${k}' (${describe(x)}) removed`);
        else if (describe(x) !== describe(y))
            out.push(`${what} '${k}' ${describe(x)} → ${describe(y)}`);
    }
    for (const [k, y] of h)
        if (!b.has(k))
            out.push(`${what} '${k}' (${describe(y)}) added`);
    return out;
}
/** The app's stored copy of a flow's signature, for deciding whether the app was re-bound. */
function storedBinding(call) {
    return JSON.stringify([
        call.storedInputs.map((p) => [p.name, p.type, p.required]),
        call.storedOutputs?.map((o) => [o.name, o.type]) ?? null,
        call.connectionsRecorded ? call.storedConnections.map((c) => [ids_idKey(c.key), ids_idKey(c.api)]) : null,
    ]);
}
/** What an app knows about its flows: data sources, their flow ids and stored signatures. */
function appEssence(app) {
    return JSON.stringify(app.calls
        .map((c) => [c.dataSource, c.hints.workflowEntityId ?? c.hints.localConnectionReference ?? c.hints.appRecord ?? null, storedBinding(c)])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
}
/** Whether anything that an import deploys changed between two versions of a solution (noise excluded). */
function componentsChanged(base, head) {
    const out = [];
    const bf = new Map(base.flows.map((f) => [f.id, f]));
    const hf = new Map(head.flows.map((f) => [f.id, f]));
    for (const id of new Set([...bf.keys(), ...hf.keys()])) {
        const d = diffFlow(bf.get(id), hf.get(id));
        if (d.change !== 'unchanged')
            out.push(`flow '${(hf.get(id) ?? bf.get(id))?.name}' ${d.change}`);
    }
    const ba = new Map(base.apps.map((a) => [a.name.toLowerCase(), a]));
    const ha = new Map(head.apps.map((a) => [a.name.toLowerCase(), a]));
    for (const key of new Set([...ba.keys(), ...ha.keys()])) {
        const a = ba.get(key);
        const b = ha.get(key);
        if (!a || !b)
            out.push(`app '${(b ?? a)?.displayName}' ${b ? 'added' : 'removed'}`);
        else if (appEssence(a) !== appEssence(b))
            out.push(`app '${b.displayName}' changed`);
    }
    const crs = (s) => s.connectionReferences.map((c) => `${c.logicalName.toLowerCase()} ${c.connectorId.toLowerCase()}`).sort().join('|');
    if (crs(base) !== crs(head))
        out.push('connection references changed');
    const evs = (s) => s.environmentVariables.map((e) => `${e.schemaName.toLowerCase()} ${e.type}`).sort().join('|');
    if (evs(base) !== evs(head))
        out.push('environment variables changed');
    return out;
}
/** Whether an app's stored copy agrees with a flow's inputs, outputs and connection keys. */
function bindingMatches(call, flow) {
    const params = (list) => list.map((p) => `${p.name}:${p.type}:${p.required}`).sort().join('|');
    if (params(call.storedInputs) !== params(flow.inputs))
        return false;
    const outputs = new Set(flow.outputs.map((o) => `${o.name}:${o.type}`));
    if ((call.storedOutputs ?? []).some((o) => !outputs.has(`${o.name}:${o.type}`)))
        return false;
    if (!call.connectionsRecorded)
        return true;
    const keys = (list) => list.map((c) => ids_idKey(c.key)).sort().join('|');
    return keys(call.storedConnections) === keys(flow.connections);
}

;// CONCATENATED MODULE: ./src/rules/fg105-flow-changed-app-unchanged.ts




const fg105_flow_changed_app_unchanged_meta = {
    id: 'FG105',
    name: 'flow-changed-app-unchanged',
    defaultSeverity: 'error',
    errorCodes: [ERRORS.TemplateExpressionFailure, ERRORS.InvokerConnectionOverrideFailed, ERRORS.MissingConnectionReference, ERRORS.NotAllowedConnectionReference],
    summary: "This change alters a flow's signature (inputs, outputs, connections or their mode, state) but does not re-bind an app that calls it.",
    impact: "The app keeps calling the flow with the signature it stored before: after deployment its calls fail or read blanks. Every app version already in users' hands breaks too, unless the change goes to a copy of the flow.",
};
function checkChange(ctx) {
    const pairOf = new Map();
    for (const p of ctx.pairs)
        if (p.head)
            pairOf.set(p.head, p);
    const out = [];
    for (const bc of boundCalls(ctx.head)) {
        const flowPair = pairOf.get(bc.flowSolution);
        const baseFlow = flowPair?.base?.flows.find((f) => f.id === bc.flow.id);
        const diff = diffFlow(baseFlow, bc.flow);
        const b = diff.binding;
        const relevant = [...b.trigger, ...b.inputs, ...b.outputs, ...b.connections];
        if (diff.change !== 'signature-changed' || !baseFlow || relevant.length === 0)
            continue;
        // A change that brings the flow back in line with what the app stored needs no re-binding.
        if (bindingMatches(bc.call, bc.flow) && !bindingMatches(bc.call, baseFlow))
            continue;
        if (ctx.touched(bc.solution.path)) {
            const baseApp = findApp(pairOf.get(bc.solution)?.base, bc.app);
            const baseCall = baseApp?.calls.find((c) => c.dataSource === bc.call.dataSource);
            if (!baseCall || storedBinding(baseCall) !== storedBinding(bc.call))
                continue;
        }
        out.push(makeFinding(fg105_flow_changed_app_unchanged_meta, {
            solution: bc.solution,
            app: bc.app,
            flow: bc.flow,
            location: bc.flow.origin,
            call: bc.call,
            // New outputs alone break nothing: the app simply cannot read them yet.
            severity: additiveOnly(b) ? 'note' : 'error',
            errorCodes: fg105_flow_changed_app_unchanged_codesFor(b),
            message: `This change alters flow ${flowLabel(bc.flow)}: ${relevant.join('; ')}. App ${appLabel(bc.app)} calls it as '${bc.call.dataSource}' but was not re-bound in the same change, so it still uses the old signature.`,
            mitigation: rebindSteps({ release: ctx.release, workspace: ctx.head }, bc.solution, bc.app.displayName, bc.flow.name, relevant.join('; ')),
            identity: relevant,
        }));
    }
    return out;
}
function additiveOnly(b) {
    return b.trigger.length === 0 && b.inputs.length === 0 && b.connections.length === 0 && b.outputs.every((o) => o.endsWith(' added'));
}
/** The documented errors each kind of change leads to. */
function fg105_flow_changed_app_unchanged_codesFor(b) {
    const codes = [];
    if (b.trigger.length > 0 || b.inputs.length > 0)
        codes.push(ERRORS.TemplateExpressionFailure.code);
    // A removed output raises no error code: the app reads it as blank.
    if (b.connections.length > 0)
        codes.push(ERRORS.InvokerConnectionOverrideFailed.code, ERRORS.MissingConnectionReference.code, ERRORS.NotAllowedConnectionReference.code);
    return codes;
}
function findApp(solution, app) {
    return solution?.apps.find((a) => a.name.toLowerCase() === app.name.toLowerCase());
}
const flowChangedAppUnchanged = { meta: fg105_flow_changed_app_unchanged_meta, checkChange };

;// CONCATENATED MODULE: ./src/rules/fg403-version-not-bumped.ts


const fg403_version_not_bumped_meta = {
    id: 'FG403',
    name: 'version-not-bumped',
    defaultSeverity: 'warning',
    errorCodes: [],
    summary: "This change alters a solution's components but keeps its version number.",
    impact: 'An environment that already has this version may treat the import as nothing new: a managed upgrade of the same version can be skipped or refused, so the changed flows and apps never arrive, and nobody can tell the two builds apart afterwards.',
};
const UNVERSIONED = new Set(['', '0.0.0.0']);
function fg403_version_not_bumped_checkChange(ctx) {
    const out = [];
    for (const { base, head } of ctx.pairs) {
        if (!base || !head || base.version !== head.version || UNVERSIONED.has(head.version))
            continue;
        const changed = componentsChanged(base, head);
        if (changed.length === 0)
            continue;
        out.push(makeFinding(fg403_version_not_bumped_meta, {
            solution: head,
            location: head.origin,
            message: `Solution '${head.uniqueName}' still has version ${head.version}, but this change alters it: ${changed.join('; ')}.`,
            mitigation: [
                `Raise the version of '${head.uniqueName}' in the development environment (Solution > Settings, or pac solution version --strategy ...) before exporting, e.g. to ${bump(head.version)}.`,
                'Export again and commit the new export with its new version.',
            ],
            identity: [head.version],
        }));
    }
    return out;
}
function bump(version) {
    const parts = version.split('.');
    const last = Number(parts[parts.length - 1]);
    if (!Number.isFinite(last))
        return `${version}.1`;
    parts[parts.length - 1] = String(last + 1);
    return parts.join('.');
}
const versionNotBumped = { meta: fg403_version_not_bumped_meta, checkChange: fg403_version_not_bumped_checkChange };

;// CONCATENATED MODULE: ./src/rules/registry.ts
















/**
 * Every rule FlowGuard runs, in id order. Ids are banded by area:
 * FG1xx app ↔ flow signature, FG2xx flow state and run time, FG3xx connections,
 * FG4xx solution lifecycle, FG5xx security.
 */
const RULES = [
    flowInputDrift,
    flowOutputDrift,
    flowConnectionDrift,
    flowNotFound,
    callArgumentsMismatch,
    flowDataSourceUnused,
    flowDisabled,
    syncTimeoutRisk,
    connectionMode,
    missingConnectionReference,
    deploymentSettingsGap,
    unmanagedSolution,
    unmanagedLayerRisk,
    secretInExport,
];
/** Rules that compare a base with a head (pull-request mode). */
const CHANGE_RULES = [flowChangedAppUnchanged, versionNotBumped];
/** Metadata of every rule, snapshot and change rules, in id order: for docs, SARIF and configuration. */
const ALL_RULE_META = [...RULES.map((r) => r.meta), ...CHANGE_RULES.map((r) => r.meta)].sort((a, b) => (a.id < b.id ? -1 : 1));

;// CONCATENATED MODULE: ./src/change/compare.ts


/** Marks each head finding new or existing by fingerprint, and lists the base findings that are gone. */
function classifyFindings(base, head) {
    const before = new Set(base.map((f) => f.fingerprint));
    const after = new Set(head.map((f) => f.fingerprint));
    return {
        findings: head.map((f) => ({ ...f, status: before.has(f.fingerprint) ? 'existing' : 'new' })),
        fixed: base.filter((f) => !after.has(f.fingerprint)),
    };
}
const SEVERITY_RANK = { error: 0, warning: 1, note: 2 };
const DRIFT_RULES = new Set(['FG101', 'FG102', 'FG103']);
/**
 * One cause, one entry: where a change finding (FG105, "this change alters the flow but not the
 * app") and new drift findings describe the same app and flow, the change is the headline and the
 * drift its evidence. The merged entry keeps the worse severity and every predicted error code.
 */
function mergeCauses(findings) {
    const key = (f) => `${f.solution.path}\u0000${f.app?.name ?? ''}\u0000${f.flow?.id ?? ''}`;
    const drift = new Map();
    for (const f of findings) {
        if (!DRIFT_RULES.has(f.ruleId) || f.status !== 'new' || !f.app || !f.flow)
            continue;
        drift.set(key(f), [...(drift.get(key(f)) ?? []), f]);
    }
    const absorbed = new Set();
    const out = [];
    for (const f of findings) {
        const evidence = f.ruleId === 'FG105' && f.app && f.flow ? drift.get(key(f)) : undefined;
        if (!evidence || evidence.length === 0) {
            out.push(f);
            continue;
        }
        evidence.forEach((e) => absorbed.add(e));
        const worst = [f, ...evidence].reduce((a, b) => (SEVERITY_RANK[b.severity] < SEVERITY_RANK[a.severity] ? b : a)).severity;
        out.push({
            ...f,
            severity: worst,
            errorCodes: [...new Set([...f.errorCodes, ...evidence.flatMap((e) => e.errorCodes)])],
            sites: f.sites ?? evidence.find((e) => e.sites)?.sites,
            // The re-bind steps are the change's; the formulas to edit afterwards come from the drift.
            mitigation: insertBeforeBackground(f.mitigation, [...new Set(evidence.flatMap((e) => e.mitigation.filter((m) => m.startsWith(FORMULA_STEP_PREFIX))))]),
            evidence: evidence.map((e) => ({ ruleId: e.ruleId, rule: e.rule, severity: e.severity, message: e.message, fingerprint: e.fingerprint, mitigation: e.mitigation })),
        });
    }
    return out.filter((f) => !absorbed.has(f));
}
function insertBeforeBackground(steps, extra) {
    if (extra.length === 0)
        return steps;
    const at = steps.findIndex((s) => s.startsWith('Background:'));
    return at < 0 ? [...steps, ...extra] : [...steps.slice(0, at), ...extra, ...steps.slice(at)];
}
/** What changed between base and head, solution by solution: versions, flows, app bindings. Renderers name the apps that call each flow. */
function describeChanges(pairs) {
    const out = [];
    for (const { base, head: h } of pairs) {
        if (!base || !h) {
            const s = (h ?? base);
            out.push({ kind: 'solution', change: h ? 'added' : 'removed', solution: s.path, name: s.uniqueName, details: [] });
            continue;
        }
        if (base.version !== h.version)
            out.push({ kind: 'solution', change: 'version', solution: h.path, name: h.uniqueName, details: [`${base.version} → ${h.version}`] });
        if (base.managed !== h.managed)
            out.push({ kind: 'solution', change: 'managed', solution: h.path, name: h.uniqueName, details: [`${base.managed} → ${h.managed}`] });
        const bf = new Map(base.flows.map((f) => [f.id, f]));
        const hf = new Map(h.flows.map((f) => [f.id, f]));
        for (const id of [...new Set([...bf.keys(), ...hf.keys()])].sort()) {
            const d = diffFlow(bf.get(id), hf.get(id));
            if (d.change === 'unchanged')
                continue;
            const flow = hf.get(id) ?? bf.get(id);
            out.push({ kind: 'flow', change: d.change, solution: h.path, name: flow?.name ?? id, id, details: d.details });
        }
        for (const app of h.apps) {
            const old = base.apps.find((a) => a.name.toLowerCase() === app.name.toLowerCase());
            if (!old) {
                out.push({ kind: 'app', change: 'added', solution: h.path, name: app.displayName, details: app.calls.map((c) => `calls '${c.dataSource}'`) });
                continue;
            }
            const rebound = app.calls.filter((c) => {
                const prev = old.calls.find((x) => x.dataSource === c.dataSource);
                return !prev || storedBinding(prev) !== storedBinding(c);
            });
            if (rebound.length > 0)
                out.push({ kind: 'app', change: 're-bound', solution: h.path, name: app.displayName, details: rebound.map((c) => `stored signature of '${c.dataSource}' updated`) });
        }
        for (const app of base.apps) {
            if (!h.apps.some((a) => a.name.toLowerCase() === app.name.toLowerCase()))
                out.push({ kind: 'app', change: 'removed', solution: h.path, name: app.displayName, details: [] });
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/change/pairing.ts
/**
 * Pairs the base and head versions of each solution: by path, then by a rename the diff
 * reported, then by unique name and managed flag (file names that carry the version,
 * `Contoso_1_0_0_1_managed.zip` → `Contoso_1_0_0_3_managed.zip`, are one solution upgraded).
 * Without a rename, a managed and an unmanaged export of one solution are different artifacts.
 */
function pairSolutions(base, head, renames = new Map()) {
    const pairs = [];
    const freeBase = new Set(base);
    const byPath = new Map(base.map((s) => [s.path, s]));
    const unpairedHead = [];
    for (const h of head) {
        const previous = renames.get(h.path);
        const samePath = byPath.get(h.path);
        // A rename git detected counts only when it is the same solution (binary similarity can pair strangers).
        const candidate = previous !== undefined ? byPath.get(previous) : undefined;
        const renamed = candidate && candidate.uniqueName.toLowerCase() === h.uniqueName.toLowerCase() ? candidate : undefined;
        const b = samePath && freeBase.has(samePath) ? samePath : renamed && freeBase.has(renamed) ? renamed : undefined;
        if (b) {
            freeBase.delete(b);
            pairs.push({ base: b, head: h, pairedBy: b === samePath ? 'path' : 'rename' });
        }
        else
            unpairedHead.push(h);
    }
    const identity = (s) => `${s.uniqueName.toLowerCase()}\u0000${s.managed}`;
    for (const h of unpairedHead) {
        const b = [...freeBase].find((x) => identity(x) === identity(h) && x.uniqueName !== '');
        if (b) {
            freeBase.delete(b);
            pairs.push({ base: b, head: h, pairedBy: 'unique-name' });
        }
        else
            pairs.push({ base: undefined, head: h, pairedBy: undefined });
    }
    for (const b of freeBase)
        pairs.push({ base: b, head: undefined, pairedBy: undefined });
    return pairs;
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/source/folder.ts





const SKIPPED_DIRS = new Set(['.git', 'node_modules']);
/**
 * Lists the files under the given paths (files or folders) of the working tree, relative to `cwd`.
 * Symbolic links are not followed: a link in a pull request could point anywhere on the runner.
 * The file system is read synchronously: nothing else runs meanwhile, and thousands of small
 * stat calls go faster without the thread pool.
 */
async function listWorkingTree(cwd, paths) {
    const seen = new Map();
    for (const p of paths) {
        const abs = (0,external_node_path_namespaceObject.resolve)(cwd, p);
        const st = (0,external_node_fs_namespaceObject.statSync)(abs, { throwIfNoEntry: false });
        if (!st)
            throw new InputError(`path '${p}' does not exist`);
        if (st.isFile())
            addFile(seen, cwd, abs, st.size);
        else
            walk(cwd, abs, seen);
    }
    return [...seen.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
function walk(cwd, dir, out) {
    const entries = (0,external_node_fs_namespaceObject.readdirSync)(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
        const abs = (0,external_node_path_namespaceObject.join)(dir, e.name);
        if (e.isDirectory()) {
            if (!SKIPPED_DIRS.has(e.name))
                walk(cwd, abs, out);
        }
        else if (e.isFile()) {
            addFile(out, cwd, abs, (0,external_node_fs_namespaceObject.statSync)(abs).size);
        }
    }
}
function addFile(out, cwd, abs, size) {
    const path = toRepoPath((0,external_node_path_namespaceObject.relative)(cwd, abs));
    out.set(path, { path, size });
}
function toRepoPath(p) {
    return p.split(external_node_path_namespaceObject.sep).join('/');
}
async function workingTree(cwd, paths, limits = DEFAULT_LIMITS) {
    const files = await listWorkingTree(cwd, paths);
    return new RepoTree(files, async (path) => (0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.resolve)(cwd, path)), limits);
}

;// CONCATENATED MODULE: ./src/source/git.ts





/**
 * Reads commits of a git repository with git itself: no checkout, nothing written to the working tree.
 *
 * Every command runs through `execFile` (never a shell), pathspecs follow `--` and are literal
 * (`GIT_LITERAL_PATHSPECS=1`: `*`, `?` and `:(magic)` in a file name mean themselves), and revisions
 * coming from users are validated so that none can be read as an option.
 */
/** A git command failed; the message carries git's stderr. */
class GitError extends Error {
    args;
    stderr;
    exitCode;
    constructor(message, args = [], stderr = '', exitCode) {
        super(message);
        this.args = args;
        this.stderr = stderr;
        this.exitCode = exitCode;
        this.name = 'GitError';
    }
}
const git_SKIPPED_DIRS = new Set(['.git', 'node_modules']);
/** Listings (ls-tree, diff, ls-files) of a large repository exceed execFile's 1 MiB default. */
const LISTING_MAX_BUFFER = 512 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 10 * 60 * 1000;
const GIT_ENV = {
    // File names are file names, not patterns.
    GIT_LITERAL_PATHSPECS: '1',
    // Never wait for credentials on a runner.
    GIT_TERMINAL_PROMPT: '0',
    // `git diff` against the working tree refreshes the index; don't take its lock or rewrite it.
    GIT_OPTIONAL_LOCKS: '0',
};
function describeCommand(args) {
    return `git ${args.map((a) => (/^[\w./:=@^{}~-]+$/.test(a) ? a : JSON.stringify(a))).join(' ')}`;
}
/** Runs git; resolves with its output on exit code 0, rejects with a {@link GitError} otherwise. */
function run(cwd, args, options = {}) {
    return new Promise((resolve, reject) => {
        (0,external_node_child_process_namespaceObject.execFile)('git', args, {
            cwd,
            encoding: 'buffer',
            maxBuffer: options.maxBuffer ?? LISTING_MAX_BUFFER,
            timeout: options.timeout ?? 0,
            windowsHide: true,
            env: { ...process.env, ...GIT_ENV },
        }, (error, stdout, stderrBuf) => {
            const stderr = stderrBuf.toString('utf8').trim();
            if (error) {
                const code = error.code;
                const detail = stderr || error.message;
                reject(new GitError(`${describeCommand(args)} failed${code !== undefined ? ` (${code})` : ''}: ${detail}`, args, stderr, code ?? undefined));
                return;
            }
            resolve({ stdout, stderr });
        });
    });
}
/** Runs git; resolves with its exit code instead of rejecting on a non-zero exit (spawn failures still reject). */
async function runStatus(cwd, args, options = {}) {
    try {
        const { stdout } = await run(cwd, args, options);
        return { code: 0, stdout };
    }
    catch (err) {
        const e = err;
        if (typeof e.exitCode === 'number')
            return { code: e.exitCode, stdout: Buffer.alloc(0), error: e };
        throw err;
    }
}
/**
 * Rejects revisions and remote names that git could take for something else: an option
 * (a leading '-'), an empty string, or control characters.
 */
function validateRev(rev, what = 'revision') {
    if (typeof rev !== 'string' || rev === '')
        throw new GitError(`empty ${what}`);
    if (rev.startsWith('-'))
        throw new GitError(`invalid ${what} '${rev}': must not start with '-'`);
    // eslint-disable-next-line no-control-regex
    if (/[\x00-\x1f\x7f]/.test(rev))
        throw new GitError(`invalid ${what} ${JSON.stringify(rev)}: control characters`);
    return rev;
}
function git_firstLine(buf) {
    return buf.toString('utf8').split('\n')[0].trim();
}
/** The top folder of the repository holding `cwd`, or undefined when `cwd` is not in a work tree. */
async function repoRoot(cwd) {
    try {
        const { stdout } = await run(cwd, ['rev-parse', '--show-toplevel']);
        const root = git_firstLine(stdout);
        return root === '' ? undefined : root;
    }
    catch {
        return undefined;
    }
}
/** The commit a revision names (`HEAD`, a branch, a tag, a sha), or undefined when there is none. */
async function resolveCommit(cwd, rev) {
    validateRev(rev);
    const r = await runStatus(cwd, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
    if (r.code !== 0)
        return undefined;
    const sha = git_firstLine(r.stdout);
    return sha === '' ? undefined : sha;
}
/**
 * The best common ancestor of two commits; undefined when they share no history (or not in the
 * commits present: a shallow clone may need deepening). An unknown revision is a {@link GitError}.
 */
async function mergeBase(cwd, a, b) {
    validateRev(a);
    validateRev(b);
    const r = await runStatus(cwd, ['merge-base', a, b]);
    if (r.code === 1)
        return undefined;
    if (r.error)
        throw r.error;
    const sha = git_firstLine(r.stdout);
    return sha === '' ? undefined : sha;
}
/** Whether the object database holds commit `sha`. */
async function hasCommit(cwd, sha) {
    validateRev(sha);
    const r = await runStatus(cwd, ['cat-file', '-e', `${sha}^{commit}`]);
    return r.code === 0;
}
/**
 * Fetches one commit (by sha, or any ref the remote accepts) from `remote` (a remote name, URL or path),
 * optionally shallow. Resolves false on any failure; never throws.
 */
async function fetchCommit(cwd, sha, remote = 'origin', depth) {
    try {
        validateRev(sha);
        validateRev(remote, 'remote');
        const args = ['fetch', '--quiet', '--no-tags', '--no-recurse-submodules'];
        if (depth !== undefined) {
            if (!Number.isSafeInteger(depth) || depth < 1)
                return false;
            args.push(`--depth=${depth}`);
        }
        args.push(remote, sha);
        await run(cwd, args, { timeout: FETCH_TIMEOUT_MS });
        return true;
    }
    catch {
        return false;
    }
}
async function locate(cwd) {
    const { stdout } = await run(cwd, ['rev-parse', '--show-prefix', '--show-cdup']);
    const [prefix = '', cdup = ''] = stdout.toString('utf8').split('\n');
    return { prefix: prefix.replace(/\/+$/, ''), up: cdup.replace(/\/+$/, '') || '.' };
}
/** A repository-root-relative path (git's `--full-name` output) as a path relative to `cwd`. */
function fromRoot(loc, full) {
    return loc.prefix === '' ? full : external_node_path_namespaceObject.posix.relative(loc.prefix, full);
}
/** A user-given pathspec in the form git's output takes relative to `cwd`: forward slashes, normalized, '' for cwd itself. */
function normalizeSpec(p) {
    const n = external_node_path_namespaceObject.posix.normalize(toRepoPath(p)).replace(/\/+$/, '');
    return n === '.' ? '' : n;
}
/** Git rejects the empty pathspec; `workingTree` reads '' as `cwd` itself. */
function gitSpecs(paths) {
    return paths.map((p) => (p === '' ? '.' : p));
}
/**
 * Whether `path` is one `listWorkingTree(cwd, paths)` would list: it skips folders named `.git` and
 * `node_modules` below each given path (a given path itself may be inside one).
 */
function admitted(path, specs) {
    let matched = false;
    for (const s of specs) {
        let rest;
        if (s === '')
            rest = path;
        else if (path === s)
            return true;
        else if (path.startsWith(`${s}/`))
            rest = path.slice(s.length + 1);
        else
            continue;
        matched = true;
        if (!skippedDirIn(rest))
            return true;
    }
    return !matched && !skippedDirIn(path);
}
function skippedDirIn(rest) {
    const dirs = rest.split('/').slice(0, -1);
    return dirs.some((d) => git_SKIPPED_DIRS.has(d));
}
function byPath(a, b) {
    return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
const LS_TREE_LINE = /^(\d{6}) (\w+) ([0-9a-f]{40,64}) +(\d+|-)\t([\s\S]*)$/;
/**
 * The regular files of commit `rev` below `paths` (files or folders relative to `cwd`), with paths
 * relative to `cwd`, as `listWorkingTree` gives them for the same content checked out.
 * Symbolic links and submodules are left out; a path missing from the commit yields no files.
 */
async function listGitTree(cwd, rev, paths) {
    const commit = await resolveCommit(cwd, rev);
    if (commit === undefined)
        throw new GitError(`unknown commit '${rev}'`);
    if (paths.length === 0)
        return [];
    const loc = await locate(cwd);
    const { stdout } = await run(cwd, ['ls-tree', '-r', '-l', '-z', '--full-name', commit, '--', ...gitSpecs(paths)]);
    const specs = paths.map(normalizeSpec);
    const files = [];
    for (const record of stdout.toString('utf8').split('\0')) {
        if (record === '')
            continue;
        const m = LS_TREE_LINE.exec(record);
        if (!m)
            throw new GitError(`unexpected git ls-tree output: ${JSON.stringify(record.slice(0, 200))}`);
        const [, mode, type, sha, size, full] = m;
        // 120000: symbolic link; 160000 (type commit): submodule.
        if (type !== 'blob' || mode === '120000' || size === '-')
            continue;
        const path = fromRoot(loc, full);
        if (!admitted(path, specs))
            continue;
        files.push({ path, size: Number(size), sha });
    }
    return files.sort(byPath);
}
/** Reads one blob, refusing output beyond its known size. */
async function readBlob(cwd, sha, size) {
    if (!/^[0-9a-f]{40,64}$/.test(sha))
        throw new GitError(`invalid object id '${sha}'`);
    const { stdout } = await run(cwd, ['cat-file', 'blob', sha], { maxBuffer: size + 1 });
    if (stdout.byteLength !== size) {
        throw new GitError(`git cat-file blob ${sha} gave ${stdout.byteLength} bytes; expected ${size}`);
    }
    return stdout;
}
/**
 * The files of commit `rev` below `paths`, as a {@link RepoTree} read lazily with `git cat-file`.
 * Contents are the blobs as committed: no checkout filters (CRLF conversion, LFS) are applied.
 */
async function gitTree(cwd, rev, paths, limits = DEFAULT_LIMITS) {
    const files = await listGitTree(cwd, rev, paths);
    const byName = new Map(files.map((f) => [f.path, f]));
    return new RepoTree(files.map(({ path, size }) => ({ path, size })), async (path) => {
        const f = byName.get(path);
        if (!f)
            throw new GitError(`no file '${path}' in ${rev}`);
        return readBlob(cwd, f.sha, f.size);
    }, limits);
}
/**
 * The files that differ between commit `base` and `head` (a commit, or 'worktree' for the working
 * tree including untracked, not ignored files) below `paths` (default: the whole repository).
 * Renames are detected (`-M`). Paths are relative to `cwd`, like {@link gitTree}; files that
 * `gitTree` leaves out (below `.git` / `node_modules` folders) are left out here too.
 */
async function changedFiles(cwd, base, head, paths) {
    validateRev(base);
    if (head !== 'worktree')
        validateRev(head);
    if (paths !== undefined && paths.length === 0)
        return [];
    const loc = await locate(cwd);
    const given = paths ?? [loc.up];
    const pathspec = ['--', ...gitSpecs(given)];
    const specs = given.map(normalizeSpec);
    const diffArgs = ['diff', '--name-status', '-z', '-M', '--no-color', '--no-ext-diff', '--no-relative', base];
    if (head !== 'worktree')
        diffArgs.push(head);
    const { stdout } = await run(cwd, [...diffArgs, ...pathspec]);
    const out = [];
    const tokens = stdout.toString('utf8').split('\0');
    for (let i = 0; i < tokens.length;) {
        const status = tokens[i];
        if (status === '') {
            i++;
            continue;
        }
        const kind = status[0];
        if (kind === 'R' || kind === 'C') {
            const from = fromRoot(loc, tokens[i + 1] ?? '');
            const to = fromRoot(loc, tokens[i + 2] ?? '');
            i += 3;
            const keepFrom = admitted(from, specs);
            const keepTo = admitted(to, specs);
            if (kind === 'R' && keepFrom && keepTo)
                out.push({ status: 'renamed', path: to, previousPath: from });
            else {
                if (kind === 'R' && keepFrom)
                    out.push({ status: 'deleted', path: from });
                if (keepTo)
                    out.push({ status: 'added', path: to });
            }
            continue;
        }
        const path = fromRoot(loc, tokens[i + 1] ?? '');
        i += 2;
        if (!admitted(path, specs))
            continue;
        // A: added, D: deleted; M: modified, T: type changed, U: unmerged, X: unknown.
        out.push({ status: kind === 'A' ? 'added' : kind === 'D' ? 'deleted' : 'modified', path });
    }
    if (head === 'worktree') {
        const { stdout: others } = await run(cwd, ['ls-files', '--others', '--exclude-standard', '-z', '--full-name', ...pathspec]);
        for (const full of others.toString('utf8').split('\0')) {
            if (full === '')
                continue;
            const path = fromRoot(loc, full);
            if (!admitted(path, specs))
                continue;
            // Removed from the index but still on disk (`git rm --cached`): the file is there, changed or not.
            const deleted = out.find((c) => c.status === 'deleted' && c.path === path);
            if (deleted)
                deleted.status = 'modified';
            else
                out.push({ status: 'added', path });
        }
    }
    return out.sort(byPath);
}

;// CONCATENATED MODULE: ./src/engine.ts














const DEFAULT_CONFIG_FILE = '.github/flowguard.yml';
/** Loads the configuration file: the given one (must exist), else `.github/flowguard.yml` when present, else defaults. */
async function loadConfig(cwd, file) {
    const path = file ?? ((0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(cwd, DEFAULT_CONFIG_FILE)) ? DEFAULT_CONFIG_FILE : undefined);
    if (path && !(0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.resolve)(cwd, path)))
        throw new ConfigError(`configuration file '${path}' does not exist`);
    if (!path)
        return structuredClone(DEFAULT_CONFIG);
    return parseConfig(await (0,promises_namespaceObject.readFile)((0,external_node_path_namespaceObject.resolve)(cwd, path), 'utf8'), path, ALL_RULE_META);
}
/** Runs every rule over a workspace; a rule that throws becomes a diagnostic, never a crash. */
function runRules(workspace, ctx) {
    const findings = [];
    for (const rule of RULES) {
        try {
            findings.push(...rule.check({ ...ctx, workspace }));
        }
        catch (err) {
            workspace.diagnostics.push({ file: '.', severity: 'error', message: `rule ${rule.meta.id} ${rule.meta.name} failed: ${err.message}` });
        }
    }
    return findings;
}
/** Reads a tree and checks it: the whole pipeline for one snapshot. */
async function analyzeTree(tree, config, release, read = {}) {
    const selected = read.filter;
    const workspace = await loadWorkspace(tree, { ...read, settingsFiles: config.deploymentSettings, filter: (c) => pathSelected(c.path, config) && (selected?.(c) ?? true) });
    const raw = runRules(workspace, { release, isReleaseArtifact: (p) => matchesAny(p, config.release.artifacts) });
    const { kept, suppressed } = applyConfig(raw, config);
    return { workspace, findings: kept, suppressed };
}
/** Reads the solutions under `paths` of the working tree and runs the rules. */
async function analyze(options) {
    const config = options.config ?? structuredClone(DEFAULT_CONFIG);
    const tree = await workingTree(options.cwd, options.paths);
    const result = await analyzeTree(tree, config, options.release ?? false);
    return { ...result, report: buildReport(result.workspace, result.findings, { suppressed: result.suppressed }) };
}
class BaseError extends Error {
}
/**
 * Pull-request mode: analyses the head (working tree) against a base and reports what the change
 * introduces. With a git ref, the base is read with git itself (nothing is checked out) and only
 * the solutions the diff touches are analysed in depth; the rest of the base is indexed so that
 * bindings across solutions still resolve.
 */
async function analyzeChange(options) {
    let baseTree;
    let changed;
    let baseCommit;
    if (options.base.ref !== undefined) {
        const ref = await resolveCommit(options.cwd, options.base.ref);
        if (!ref)
            throw new BaseError(`base ref '${options.base.ref}' is not a commit in this repository (fetch it first, e.g. git fetch origin ${options.base.ref})`);
        baseCommit = (await mergeBase(options.cwd, ref, 'HEAD')) ?? ref;
        // Two git processes at once: the list of changed files and the base's file list do not depend on each other.
        [changed, baseTree] = await Promise.all([changedFiles(options.cwd, baseCommit, 'worktree', options.paths), gitTree(options.cwd, baseCommit, options.paths)]);
    }
    else if (options.base.path !== undefined) {
        baseTree = await workingTree(options.cwd, [options.base.path]);
    }
    else
        throw new BaseError('a base needs a ref or a path');
    const headTree = await workingTree(options.cwd, options.paths);
    const result = await compareTrees({ baseTree, headTree, ...(changed ? { changed } : {}) }, options.config ?? structuredClone(DEFAULT_CONFIG), options.release ?? false);
    return { ...result, baseCommit };
}
/** Compares two snapshots, wherever they were read from (working tree, git, the REST API). */
async function compareTrees(trees, config, release) {
    const changed = trees.changed && (await widenYamlChanges(trees.changed, [trees.baseTree, trees.headTree]));
    const headTouched = (p) => !changed || changed.some((c) => within(c.path, p));
    const baseTouched = (p) => !changed || changed.some((c) => within(c.previousPath ?? c.path, p) || within(c.path, p));
    const { head, base } = changed ? await readTouched(trees, config, release, headTouched, baseTouched) : { head: await analyzeTree(trees.headTree, config, release, { hashes: true }), base: await analyzeTree(trees.baseTree, config, release, { hashes: true }) };
    const renames = new Map((changed ?? []).filter((c) => c.previousPath).map((c) => [c.path, c.previousPath]));
    const pairs = pairSolutions(base.workspace.solutions, head.workspace.solutions, renames);
    const changeCtx = { base: base.workspace, head: head.workspace, pairs, release, touched: headTouched };
    const { kept, suppressed: changeSuppressed } = applyConfig(CHANGE_RULES.flatMap((r) => r.checkChange(changeCtx)), config);
    // A flow of a touched solution on either side: one the change removed counts too (its callers now fail).
    const touchedFlows = new Set([...flowIdsOf(head.workspace, headTouched), ...flowIdsOf(base.workspace, baseTouched)]);
    const inScope = scopeFilter(headTouched, touchedFlows);
    const { findings: classified, fixed } = classifyFindings(base.findings.filter(scopeFilter(baseTouched, touchedFlows)), [...head.findings, ...kept].filter(inScope));
    const findings = mergeCauses(classified);
    const changes = describeChanges(pairs.filter((p) => (p.head ? headTouched(p.head.path) : true)));
    const suppressed = [...head.suppressed, ...changeSuppressed].filter((s) => inScope(s.finding));
    const report = buildReport(changed ? affected(head.workspace, headTouched) : head.workspace, findings, { fixed, changes, suppressed });
    return { workspace: head.workspace, findings, suppressed, report, base, pairs };
}
/**
 * Both sides of a change whose touched files are known, reading what the change can affect:
 * the touched solutions of the base and the head in full; of the untouched head solutions their
 * index (manifest, records, flows) and only the apps that may call a touched flow (by their
 * records); and nothing more of the base, whose untouched solutions are the same files as the
 * head's and are taken from it. A pull request that touches one of a hundred solutions so costs
 * about one solution plus a hundred indexes.
 */
async function readTouched(trees, config, release, headTouched, baseTouched) {
    const baseRead = await loadWorkspace(trees.baseTree, { filter: (c) => pathSelected(c.path, config) && baseTouched(c.path), hashes: true });
    // A flow the change removed is named by the base only: apps that call it are read too.
    const flowIds = new Set(baseRead.solutions.flatMap((s) => s.flows.map((f) => f.id)));
    const head = await analyzeTree(trees.headTree, config, release, { hashes: true, appsCallingRead: { candidates: (c) => !headTouched(c.path), flowIds } });
    const untouched = head.workspace.solutions.filter((s) => !headTouched(s.path) && !baseTouched(s.path));
    const base = await analyzeTree(trees.baseTree, config, release, { filter: () => false, reuse: [...baseRead.solutions, ...untouched] });
    return { head, base };
}
/**
 * What a pull-request report lists: the touched solutions, and of the others what the change can
 * affect and FlowGuard read — the apps that may call a touched flow, and the flows that read apps call.
 * Flows known only by their record are left out, so the report never shows a signature it did not read.
 */
function affected(ws, touched) {
    const solutions = ws.solutions.flatMap((s) => {
        if (touched(s.path))
            return [s];
        const flows = s.flows.filter((f) => !definitionDeferred(f));
        return flows.length > 0 || s.apps.length > 0 ? [{ ...s, flows }] : [];
    });
    return { ...ws, solutions };
}
/** True when the changed file `file` lies in the solution at `solutionPath` (a zip or a folder). */
function within(file, solutionPath) {
    return solutionPath === '.' || file === solutionPath || file.startsWith(`${solutionPath}/`);
}
/** The ids of the flows in the touched solutions of a workspace. */
function flowIdsOf(ws, touched) {
    return ws.solutions.filter((s) => touched(s.path)).flatMap((s) => s.flows.map((f) => f.id));
}
/** Findings about touched solutions, or about flows in touched solutions (an untouched app calling a changed or removed flow). */
function scopeFilter(touched, touchedFlows) {
    return (f) => touched(f.solution.path) || (f.flow !== undefined && touchedFlows.has(f.flow.id));
}

;// CONCATENATED MODULE: ./src/report/escape.ts
/**
 * Escaping for text that comes from pull-request content (solution, app, flow and data-source names,
 * file paths, messages that quote them) before a reporter prints it.
 *
 * Every function here is pure and applies {@link redactSecrets} first, so a caller cannot forget it.
 */
/** Default cap for a name printed in Markdown (code points, before escaping). */
const DEFAULT_MAX_NAME_LENGTH = 200;
/** Cap for longer free text (finding messages, mitigation steps). */
const MAX_MESSAGE_LENGTH = 2000;
const ELLIPSIS = '…';
const ZWSP = '\u200b';
/**
 * `sig=<value>` as found in SAS-signed URLs such as a flow's `workFlowCallbackUri`
 * (also when percent-encoded as `sig%3D`, or JSON-escaped). The value runs to the next URL or text delimiter.
 */
const SIG_PARAM = /(^|[^A-Za-z0-9_]|\\u0026|%26)(sig(?:=|%3D))[^&\s#"'<>\\)\]]+/gi;
/** An Azure subscription segment, optionally followed by its resource group. */
const AZURE_RESOURCE_ID = /\/subscriptions\/[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}(\/resourceGroups\/[^/\s?#"'<>\\]+)?/gi;
/**
 * Replaces secrets that pull-request content may carry:
 * the `sig=` signature of SAS URLs (flow callback URLs work as bearer tokens) and the subscription id
 * and resource-group name of Azure resource ids.
 * Idempotent: redacting twice gives the same text.
 */
function redactSecrets(text) {
    return text
        .replace(SIG_PARAM, (_m, before, key) => `${before}${key}REDACTED`)
        .replace(AZURE_RESOURCE_ID, (_m, rg) => {
        if (rg === undefined)
            return '/subscriptions/REDACTED';
        const segment = rg.slice(1, rg.indexOf('/', 1));
        return `/subscriptions/REDACTED/${segment}/REDACTED`;
    });
}
/**
 * C0 and C1 controls, DEL, bidirectional overrides and isolates (they can make text read differently
 * from what it is), and the Unicode line and paragraph separators.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/g;
const CONTROL_EXCEPT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/g;
/** Turns line breaks and tabs into spaces, drops other control and bidi characters, and collapses runs of spaces. */
function stripControl(text) {
    return text
        .replace(/\r\n|[\r\n\t\u2028\u2029]/g, ' ')
        .replace(CONTROL, '')
        .replace(/ {2,}/g, ' ')
        .trim();
}
/** Like {@link stripControl} but keeps `\n` (normalising `\r\n`), for multi-line plain text such as annotation messages. */
function stripControlKeepNewlines(text) {
    return text
        .replace(/\r\n?/g, '\n')
        .replace(/\t/g, ' ')
        .replace(CONTROL_EXCEPT_NEWLINE, '')
        .replace(/ {2,}/g, ' ')
        .trim();
}
/** Cuts text to `max` code points (never splitting a surrogate pair), ending with an ellipsis when cut. */
function truncate(text, max) {
    const points = Array.from(text);
    if (points.length <= max)
        return text;
    if (max <= 0)
        return '';
    return points.slice(0, max - 1).join('') + ELLIPSIS;
}
/** Redacts, strips control characters and caps: the plain-text form of an untrusted string, on one line. */
function plainText(text, maxLength = MAX_MESSAGE_LENGTH) {
    return truncate(stripControl(redactSecrets(text)), maxLength);
}
/**
 * Breaks GitHub's autolinks in text: `@user` / `@org/team` mentions and `#123` / `GH-123` issue
 * references get a zero-width space so they neither notify anyone nor link to an issue.
 */
function neutralizeMentions(text) {
    return text
        .replace(/@(?=[A-Za-z0-9])/g, `@${ZWSP}`)
        .replace(/#(?=\d)/g, `#${ZWSP}`)
        .replace(/\b(GH)-(?=\d)/gi, `$1-${ZWSP}`);
}
const MARKDOWN_META = /[\\`*_{}[\]()#+\-.!|~]/g;
/**
 * Escapes untrusted text for Markdown (GitHub-flavoured, inline context): redacts secrets, strips
 * control characters and newlines, caps the length, neutralises mentions and issue references,
 * backslash-escapes Markdown punctuation (including `|`, so it is safe in a table cell) and encodes
 * `&`, `<` and `>` as HTML entities.
 *
 * Not for HTML blocks (backslash escapes are not processed there): use {@link escapeHtml}.
 */
function escapeMarkdown(text, maxLength = DEFAULT_MAX_NAME_LENGTH) {
    const clean = neutralizeMentions(plainText(text, maxLength));
    return clean
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(MARKDOWN_META, (c) => `\\${c}`);
}
/** Escapes untrusted text for HTML element content (no Markdown processing happens there). */
function escapeHtml(text, maxLength = DEFAULT_MAX_NAME_LENGTH) {
    return neutralizeMentions(plainText(text, maxLength))
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;');
}
/** Escapes untrusted text for a double- or single-quoted HTML attribute value. */
function escapeHtmlAttr(text, maxLength = DEFAULT_MAX_NAME_LENGTH) {
    return plainText(text, maxLength)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;')
        .replace(/`/g, '&#96;');
}
/**
 * A Markdown code span holding untrusted text verbatim: the fence is one backtick longer than the
 * longest backtick run inside, and the content is padded with spaces when it starts or ends with a
 * backtick (CommonMark strips one space on each side). Code spans are not linked by GitHub, so
 * mentions need no neutralising here.
 */
function inlineCode(text, options = {}) {
    let content = plainText(text, options.maxLength ?? DEFAULT_MAX_NAME_LENGTH);
    if (options.table)
        content = content.replace(/\|/g, '\\|');
    if (content === '')
        return '` `';
    const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longest + 1);
    const pad = content.startsWith('`') || content.endsWith('`') || (content.startsWith(' ') && content.endsWith(' '));
    return pad ? `${fence} ${content} ${fence}` : `${fence}${content}${fence}`;
}
/** Links FlowGuard itself cites (Microsoft Learn); only these are turned into links in Markdown. */
const TRUSTED_LINK = /https:\/\/learn\.microsoft\.com\/[A-Za-z0-9/#._~%-]+/g;
/** {@link escapeMarkdown}, except that Microsoft Learn URLs stay clickable autolinks. */
function escapeMarkdownWithLinks(text, maxLength = DEFAULT_MAX_NAME_LENGTH) {
    const clean = plainText(text, maxLength);
    let out = '';
    let last = 0;
    for (const m of clean.matchAll(TRUSTED_LINK)) {
        const url = m[0].replace(/[.]+$/, '');
        out += escapeSegment(clean.slice(last, m.index), maxLength) + `<${url}>`;
        last = (m.index ?? 0) + url.length;
    }
    return out + escapeSegment(clean.slice(last), maxLength);
}
/** escapeMarkdown for a piece of a line: the spaces at its ends are part of the line and stay. */
function escapeSegment(seg, maxLength) {
    const lead = /^\s*/.exec(seg)?.[0] ?? '';
    const trail = seg.length > lead.length ? (/\s*$/.exec(seg)?.[0] ?? '') : '';
    return lead + escapeMarkdown(seg, maxLength) + trail;
}

;// CONCATENATED MODULE: ./src/report/json.ts


const any = { kind: 'any' };
const arrayOf = (of) => ({ kind: 'array', of });
const obj = (...keys) => ({
    kind: 'object',
    keys: keys.map((k) => (typeof k === 'string' ? [k, any] : k)),
});
const PARAM = obj('name', 'type', 'required', 'title');
const OUTPUT = obj('name', 'type', 'title');
const FLOW = obj('id', 'name', 'state', ['trigger', obj('type', 'kind')], ['inputs', arrayOf(PARAM)], ['outputs', arrayOf(OUTPUT)], ['connections', arrayOf(obj('key', 'api', 'runtimeSource', 'connectionReference'))], 'file', 'inner');
const CALL = obj('dataSource', 'flowId', 'resolved', 'resolvedBy', 'confidence', 'flowSolution', ['storedInputs', arrayOf(PARAM)], ['storedOutputs', arrayOf(OUTPUT)], ['storedConnections', arrayOf(obj('key', 'api'))], ['callSites', arrayOf(obj('screen', 'control', 'property', 'arguments', 'formula', ['location', obj('file', 'inner')]))], ['outputReads', arrayOf(obj('output', 'screen', 'control', 'property', 'via'))], 'traced');
const APP = obj('name', 'displayName', 'document', ['calls', arrayOf(CALL)], 'file', 'inner');
const SOLUTION = obj('path', 'uniqueName', 'displayName', 'version', 'managed', 'layout', ['flows', arrayOf(FLOW)], ['apps', arrayOf(APP)]);
const FINDING = obj('ruleId', 'rule', 'severity', ['errorCodes', arrayOf(any)], 'message', ['solution', obj('uniqueName', 'path')], ['app', obj('name', 'displayName')], 'flowId', ['flow', obj('id', 'name')], ['location', obj('file', 'inner')], 'what', ['sites', arrayOf(obj('screen', 'control', 'property', ['location', obj('file', 'inner')]))], ['mitigation', arrayOf(any)], 'fingerprint', 'status', ['evidence', arrayOf(obj('ruleId', 'rule', 'severity', 'message', 'fingerprint', ['mitigation', arrayOf(any)]))]);
const CHANGE = obj('kind', 'change', 'solution', 'name', 'id', ['details', arrayOf(any)]);
const DIAGNOSTIC = obj('file', 'inner', 'severity', 'message');
/** The layout of {@link Report} (schema version 1). */
const REPORT_SHAPE = obj('schemaVersion', ['tool', obj('name', 'version')], ['solutions', arrayOf(SOLUTION)], ['findings', arrayOf(FINDING)], ['fixed', arrayOf(FINDING)], ['changes', arrayOf(CHANGE)], ['suppressed', arrayOf(obj('ruleId', 'rule', 'fingerprint', 'message', 'reason'))], ['diagnostics', arrayOf(DIAGNOSTIC)], ['counts', obj('error', 'warning', 'note', 'new')]);
/**
 * Deterministic JSON text: object keys in the shape's order where the type defines one, sorted
 * (locale-independent) where it does not. Formatting matches `JSON.stringify(value, null, indent)`:
 * `undefined` properties and functions are left out, `undefined` array items become `null`.
 */
function stableStringify(value, shape = any, options = {}) {
    const indent = ' '.repeat(options.indent ?? 2);
    const mapString = options.mapString ?? ((s) => s);
    const write = (v, sh, depth) => {
        if (v === undefined || typeof v === 'function' || typeof v === 'symbol')
            return undefined;
        if (v === null)
            return 'null';
        if (typeof v === 'string')
            return JSON.stringify(mapString(v));
        if (typeof v === 'number')
            return Number.isFinite(v) ? JSON.stringify(v) : 'null';
        if (typeof v === 'boolean')
            return v ? 'true' : 'false';
        if (typeof v === 'bigint')
            return JSON.stringify(v.toString());
        const pad = indent.repeat(depth + 1);
        const close = indent.repeat(depth);
        if (Array.isArray(v)) {
            if (v.length === 0)
                return '[]';
            const itemShape = sh.kind === 'array' ? sh.of : any;
            const items = v.map((item) => write(item, itemShape, depth + 1) ?? 'null');
            return indent === '' ? `[${items.join(',')}]` : `[\n${items.map((i) => pad + i).join(',\n')}\n${close}]`;
        }
        const record = v;
        /** [key, shape, whether the key is data (mapped) rather than a name from the type]. */
        const entries = [];
        if (sh.kind === 'object') {
            const listed = new Set();
            for (const [k, s] of sh.keys) {
                listed.add(k);
                if (Object.prototype.hasOwnProperty.call(record, k))
                    entries.push([k, s, false]);
            }
            const extra = Object.keys(record).filter((k) => !listed.has(k)).sort(sort_compareText);
            for (const k of extra)
                entries.push([k, any, true]);
        }
        else {
            const of = sh.kind === 'map' ? sh.of : any;
            for (const k of Object.keys(record).sort(sort_compareText))
                entries.push([k, of, true]);
        }
        const parts = [];
        for (const [k, s, isData] of entries) {
            const text = write(record[k], s, depth + 1);
            if (text === undefined)
                continue;
            const key = JSON.stringify(isData ? mapString(k) : k);
            parts.push(indent === '' ? `${key}:${text}` : `${key}: ${text}`);
        }
        if (parts.length === 0)
            return '{}';
        return indent === '' ? `{${parts.join(',')}}` : `{\n${parts.map((p) => pad + p).join(',\n')}\n${close}}`;
    };
    return write(value, shape, 0) ?? 'null';
}
/**
 * The JSON report: keys in the order of the {@link Report} type, findings and fixed findings in
 * {@link sortFindings} order, diagnostics sorted, every string redacted; 2-space indent, trailing newline.
 */
function renderJson(report) {
    const normalized = {
        ...report,
        findings: sortFindings(report.findings),
        diagnostics: sort_sortDiagnostics(report.diagnostics),
    };
    if (report.fixed)
        normalized.fixed = sortFindings(report.fixed);
    return `${stableStringify(normalized, REPORT_SHAPE, { indent: 2, mapString: redactSecrets })}\n`;
}

;// CONCATENATED MODULE: ./src/report/common.ts
/** Link to a rule's documentation page: `<docsBase><id>-<name>.md`, or undefined without a docs base. */
function ruleDocsUrl(docsBase, ruleId, ruleName) {
    if (docsBase === '')
        return undefined;
    const base = docsBase.endsWith('/') ? docsBase : `${docsBase}/`;
    return `${base}${encodeURIComponent(`${ruleId}-${ruleName}`)}.md`;
}
/** Rules by id. */
function rulesById(rules) {
    return new Map(rules.map((r) => [r.id, r]));
}
/** Docs URL of each error code the rules know, first rule wins. */
function errorCodeDocs(rules) {
    const docs = new Map();
    for (const rule of rules)
        for (const code of rule.errorCodes)
            if (!docs.has(code.code) && code.docs)
                docs.set(code.code, code.docs);
    return docs;
}
/** WorkflowIds compare case-insensitively and with or without braces. */
function normalizeFlowId(id) {
    return id.trim().replace(/^\{|\}$/g, '').toLowerCase();
}
/** Flows of all solutions by normalised id. */
function indexFlows(solutions) {
    const index = new Map();
    for (const solution of solutions) {
        for (const flow of solution.flows) {
            const key = normalizeFlowId(flow.id);
            const list = index.get(key) ?? [];
            list.push({ flow, solution });
            index.set(key, list);
        }
    }
    return index;
}
/** The flow a call is bound to: the one in the call's flow solution when known, else the first with that id. */
function lookupFlow(index, flowId, flowSolution) {
    if (!flowId)
        return undefined;
    const entries = index.get(normalizeFlowId(flowId));
    if (!entries || entries.length === 0)
        return undefined;
    if (flowSolution) {
        const inSolution = entries.find((e) => e.solution.path === flowSolution || e.solution.uniqueName === flowSolution);
        if (inSolution)
            return inSolution;
    }
    return entries[0];
}
/** Apps (of any solution) with a call bound to the given flow id. */
function callersOf(solutions, flowId) {
    const key = normalizeFlowId(flowId);
    const callers = [];
    for (const solution of solutions) {
        for (const app of solution.apps) {
            if (app.calls.some((c) => c.flowId !== null && normalizeFlowId(c.flowId) === key))
                callers.push({ app, solution });
        }
    }
    return callers;
}
/** How a flow's connection is supplied at run time, in words. */
function connectionModeLabel(runtimeSource) {
    switch (runtimeSource) {
        case 'invoker':
            return 'invoker (run-only user)';
        case 'embedded':
            return 'embedded';
        default:
            return runtimeSource === '' ? 'unknown' : runtimeSource;
    }
}
function analysisStats(report) {
    let apps = 0;
    let flows = 0;
    for (const s of report.solutions) {
        apps += s.apps.length;
        flows += s.flows.length;
    }
    return { solutions: report.solutions.length, apps, flows };
}
/**
 * A repository-relative path as a SARIF/URI reference: forward slashes, no leading `./` or `/`,
 * each segment percent-encoded.
 */
function repoRelativeUri(path) {
    const clean = path.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '').replace(/^\/+/, '');
    return clean
        .split('/')
        .filter((seg) => seg !== '' && seg !== '.')
        .map((seg) => encodeURIComponent(seg))
        .join('/');
}

;// CONCATENATED MODULE: ./src/report/markdown.ts




/** First line of every FlowGuard comment: the sink finds its own comment by it. */
const REPORT_MARKER = '<!-- flowguard:report -->';
/** GitHub rejects issue and pull-request comments over 65,536 characters; keep a margin. */
const MAX_COMMENT_LENGTH = 65_000;
/** Budget for `$GITHUB_STEP_SUMMARY` (1 MiB per step). */
const MAX_SUMMARY_LENGTH = 1_000_000;
const FULL = {
    existingBodies: true,
    dependencyMap: true,
    mitigations: true,
    changes: true,
    findingLimit: Number.POSITIVE_INFINITY,
    diagnosticsLimit: 50,
    shortened: false,
};
/**
 * The pull-request comment (and job summary) body.
 *
 * Findings are sorted by severity, solution path, app, flow, rule id and fingerprint
 * ({@link sortFindings}), then grouped: by status when `ctx.compared` (new, fixed, already present),
 * else by severity; inside a section by solution and app (groups in order of their worst finding), then by
 * flow (findings without a flow first, then flows in order of their worst finding).
 * When the text exceeds `options.maxLength`, it drops, in order, the bodies of already-present findings,
 * the dependency map, the how-to-fix steps and the change list, then prints fewer findings, and says so.
 */
function markdown_renderMarkdown(report, ctx, options = {}) {
    const max = options.maxLength ?? MAX_COMMENT_LENGTH;
    const hint = options.fullReportHint ?? 'the job summary and the SARIF and JSON reports';
    const marker = options.marker ?? REPORT_MARKER;
    const passes = [
        FULL,
        { ...FULL, existingBodies: false, shortened: true },
        { ...FULL, existingBodies: false, dependencyMap: false, shortened: true },
        { ...FULL, existingBodies: false, dependencyMap: false, mitigations: false, shortened: true },
        { ...FULL, existingBodies: false, dependencyMap: false, mitigations: false, changes: false, diagnosticsLimit: 10, shortened: true },
    ];
    let last = '';
    for (const detail of passes) {
        last = render(report, ctx, detail, hint, marker);
        if (last.length <= max)
            return last;
    }
    // Print fewer findings until it fits.
    const base = passes[passes.length - 1];
    let limit = report.findings.length;
    while (limit > 0) {
        limit = Math.floor(limit / 2);
        last = render(report, ctx, { ...base, findingLimit: limit, diagnosticsLimit: 0 }, hint, marker);
        if (last.length <= max)
            return last;
    }
    return last;
}
const BREAK_TABLE_ROWS = 10;
function render(report, ctx, detail, hint, marker) {
    const r = new Renderer(report, ctx, detail);
    const out = [marker, `## ${r.verdict()}`, ''];
    if (detail.shortened) {
        out.push(`> [!NOTE]`, `> This comment was shortened to fit GitHub's size limit. The full report is in ${hint}.`, '');
    }
    out.push(...r.breakTable());
    out.push(...r.findingSections());
    if (report.changes && report.changes.length > 0)
        out.push(...r.changes(report.changes));
    out.push(...r.dependencyMap());
    out.push(...r.diagnostics());
    out.push(...r.footer());
    // Every untrusted string was redacted when escaped; one more pass covers the rest (links, rule metadata).
    return redactSecrets(`${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`);
}
class Renderer {
    report;
    ctx;
    detail;
    sorted;
    codeDocs;
    printed = 0;
    constructor(report, ctx, detail) {
        this.report = report;
        this.ctx = ctx;
        this.detail = detail;
        this.sorted = sortFindings(report.findings);
        this.codeDocs = errorCodeDocs(ctx.rules);
    }
    /** `❌ FlowGuard: 2 errors, 1 warning — 2 apps will break at run time`. */
    verdict() {
        const { report, ctx } = this;
        const tool = escapeMarkdown(report.tool.name || 'FlowGuard');
        const considered = ctx.compared ? this.sorted.filter(isNew) : this.sorted;
        const counts = countBySeverity(considered);
        const unread = report.diagnostics.length > 0 ? ` · ${plural(report.diagnostics.length, 'file')} could not be read` : '';
        const context = [];
        if (ctx.compared) {
            const existing = this.sorted.length - considered.length;
            if (existing > 0)
                context.push(`${existing} already present`);
            const fixed = report.fixed?.length ?? 0;
            if (fixed > 0)
                context.push(`${fixed} fixed`);
        }
        const contextText = context.length > 0 ? ` (${context.join(', ')})` : '';
        if (considered.length === 0) {
            if (ctx.compared)
                return `✅ ${tool}: no new integration problems in this pull request${contextText}${unread}`;
            if (report.solutions.length === 0)
                return `ℹ️ ${tool}: no Power Platform solutions found${unread}`;
            return `✅ ${tool}: no integration problems found in ${plural(report.solutions.length, 'solution')}${unread}`;
        }
        const worst = SEVERITIES.find((s) => counts[s] > 0);
        const breaking = new Set(considered.filter((f) => f.severity === 'error' && f.app).map((f) => `${f.solution.path}\u0000${f.app?.name}`)).size;
        const apps = breaking > 0 ? ` — ${plural(breaking, 'app')} will break at run time` : '';
        return `${SEVERITY_STYLE[worst].icon} ${tool}: ${countPhrase(counts, ctx.compared ? 'new ' : '')}${contextText}${apps}${unread}`;
    }
    /** The ten-second table: app · screen › control · flow · what breaks · predicted error, errors and warnings first. */
    breakTable() {
        const considered = (this.ctx.compared ? this.sorted.filter(isNew) : this.sorted).filter((f) => f.app && f.severity !== 'note');
        if (considered.length === 0)
            return [];
        const rows = considered.slice(0, BREAK_TABLE_ROWS).map((f) => {
            const sites = (f.sites ?? []).map((s) => (s.control === s.screen ? `${s.screen}.${s.property}` : `${s.screen} › ${s.control}.${s.property}`));
            const where = sites.length === 0 ? '—' : escapeMarkdown(sites.slice(0, 3).join(', ') + (sites.length > 3 ? ` +${sites.length - 3}` : ''), 200);
            const codes = f.errorCodes.length > 0 ? f.errorCodes.map((c) => inlineCode(c, { table: true })).join(', ') : '—';
            return `| ${[
                `${SEVERITY_STYLE[f.severity].icon} ${escapeMarkdown(f.app?.displayName || f.app?.name || '')}`,
                where,
                escapeMarkdown(f.flow?.name ?? '—'),
                escapeMarkdown(f.what ?? f.rule, 200),
                codes,
            ].join(' | ')} |`;
        });
        const more = considered.length > BREAK_TABLE_ROWS ? [`…and ${considered.length - BREAK_TABLE_ROWS} more below.`, ''] : [];
        return ['| App | Where (screen › control) | Flow | What breaks | Predicted error |', '|---|---|---|---|---|', ...rows, '', ...more];
    }
    findingSections() {
        const { ctx, report } = this;
        const out = [];
        if (ctx.compared) {
            const added = this.sorted.filter(isNew);
            const existing = this.sorted.filter((f) => !isNew(f));
            out.push(`### New in this pull request (${added.length})`, '');
            out.push(...(added.length > 0 ? this.groups(added) : ['No new problems.', '']));
            const fixed = sortFindings(report.fixed ?? []);
            if (fixed.length > 0) {
                out.push(`### Fixed (${fixed.length})`, '');
                for (const f of fixed)
                    out.push(`- ✅ ${this.ruleLabel(f)} — ${this.componentLabel(f)}${escapeMarkdown(f.message, MAX_MESSAGE_LENGTH)}`);
                out.push('');
            }
            if (existing.length > 0) {
                if (this.detail.existingBodies) {
                    out.push(`<details><summary>Already present before this pull request (${existing.length})</summary>`, '');
                    out.push(...this.groups(existing));
                    out.push('</details>', '');
                }
                else {
                    out.push(`${plural(existing.length, 'finding')} already present before this pull request (not shown).`, '');
                }
            }
            return out;
        }
        if (this.sorted.length === 0)
            return out;
        for (const severity of SEVERITIES) {
            const group = this.sorted.filter((f) => f.severity === severity);
            if (group.length === 0)
                continue;
            out.push(`### ${SEVERITY_STYLE[severity].heading} (${group.length})`, '');
            out.push(...this.groups(group));
        }
        return out;
    }
    /** Findings (already sorted) by solution + app, then flow; groups in order of first appearance. */
    groups(findings) {
        const out = [];
        const byApp = groupBy(findings, (f) => [f.solution.path, f.solution.uniqueName, f.app?.name ?? '', f.app?.displayName ?? ''].join('\u0000'));
        let omitted = 0;
        for (const appGroup of byApp) {
            const first = appGroup[0];
            const remaining = this.detail.findingLimit - this.printed;
            if (remaining <= 0) {
                omitted += appGroup.length;
                continue;
            }
            // The path tells apart two exports of one solution (managed and unmanaged, zip and unpacked).
            const solution = `${inlineCode(first.solution.uniqueName || first.solution.path)} (${inlineCode(first.solution.path)})`;
            out.push(first.app
                ? `#### 📱 ${escapeMarkdown(first.app.displayName || first.app.name)} · solution ${solution}`
                : `#### 📦 Solution ${solution}`, '');
            // Findings about the app (or solution) as a whole come first, straight under its heading, so
            // they cannot be read as belonging to the flow above them.
            const byFlow = groupBy(appGroup, (f) => (f.flow ? `${f.flow.id}\u0000${f.flow.name}` : '')).sort((a, b) => Number(a[0].flow !== undefined) - Number(b[0].flow !== undefined));
            for (const flowGroup of byFlow) {
                const flow = flowGroup[0].flow;
                const shown = flowGroup.slice(0, Math.max(0, this.detail.findingLimit - this.printed));
                omitted += flowGroup.length - shown.length;
                if (shown.length === 0)
                    continue;
                if (flow)
                    out.push(`**⚡ Flow: ${escapeMarkdown(flow.name || flow.id)}** · ${inlineCode(flow.id)}`, '');
                for (const f of shown)
                    out.push(...this.finding(f));
                this.printed += shown.length;
            }
        }
        if (omitted > 0)
            out.push(`…and ${plural(omitted, 'more finding')} not shown here.`, '');
        return out;
    }
    finding(f) {
        const lines = [`${SEVERITY_STYLE[f.severity]?.icon ?? '•'} ${this.ruleLabel(f)}: ${escapeMarkdown(f.message, MAX_MESSAGE_LENGTH)}`];
        if (f.errorCodes.length > 0)
            lines.push(`Predicted errors: ${f.errorCodes.map((c) => this.errorCode(c)).join(', ')}`);
        lines.push(`Location: ${locationText(f.location.file, f.location.inner)}`);
        const out = [lines.join('\\\n'), ''];
        // The drift that makes this change break the app, as its evidence (one cause, one entry).
        for (const e of f.evidence ?? [])
            out.push(`- ${SEVERITY_STYLE[e.severity]?.icon ?? '•'} **${escapeMarkdown(e.ruleId)}** ${escapeMarkdown(e.message, MAX_MESSAGE_LENGTH)}`);
        if ((f.evidence ?? []).length > 0)
            out.push('');
        if (this.detail.mitigations && f.mitigation.length > 0) {
            out.push('<details><summary>How to fix</summary>', '');
            f.mitigation.forEach((step, i) => out.push(`${i + 1}. ${escapeMarkdownWithLinks(step, MAX_MESSAGE_LENGTH)}`));
            out.push('', '</details>', '');
        }
        return out;
    }
    /** `**FG101** [flow-input-added](docs)`. */
    ruleLabel(f) {
        const id = `**${escapeMarkdown(f.ruleId)}**`;
        const name = escapeMarkdown(f.rule);
        const url = ruleDocsUrl(this.ctx.docsBase, f.ruleId, f.rule);
        return url ? `${id} [${name}](${linkTarget(url)})` : `${id} ${name}`;
    }
    /** `App → Flow: ` prefix for one-line entries. */
    componentLabel(f) {
        const parts = [];
        if (f.app)
            parts.push(`📱 ${escapeMarkdown(f.app.displayName || f.app.name)}`);
        if (f.flow)
            parts.push(`⚡ ${escapeMarkdown(f.flow.name || f.flow.id)}`);
        if (parts.length === 0)
            parts.push(`📦 ${inlineCode(f.solution.uniqueName || f.solution.path)}`);
        return `${parts.join(' → ')}: `;
    }
    errorCode(code) {
        const docs = this.codeDocs.get(code);
        return docs ? `[${inlineCode(code)}](${linkTarget(docs)})` : inlineCode(code);
    }
    changes(changes) {
        if (!this.detail.changes)
            return [`### What changed`, '', `${plural(changes.length, 'change')} (not shown).`, ''];
        const kindOrder = { flow: 0, app: 1, solution: 2 };
        const sorted = [...changes].sort((a, b) => (kindOrder[a.kind] ?? 3) - (kindOrder[b.kind] ?? 3) ||
            sort_compareText(a.solution, b.solution) ||
            sort_compareText(a.name, b.name) ||
            sort_compareText(a.id ?? '', b.id ?? '') ||
            sort_compareText(a.change, b.change));
        const out = ['### What changed', ''];
        for (const c of sorted) {
            const where = `in ${inlineCode(c.solution)}`;
            const what = escapeMarkdown(c.change);
            if (c.kind === 'flow') {
                const id = c.id ? ` · ${inlineCode(c.id)}` : '';
                const callers = c.id ? callersOf(this.report.solutions, c.id) : [];
                callers.sort((a, b) => sort_compareText(a.app.displayName, b.app.displayName) || sort_compareText(a.solution.path, b.solution.path));
                const calledBy = callers.length > 0
                    ? `Called by ${callers
                        .map((x) => {
                        const other = x.solution.path !== c.solution && x.solution.uniqueName !== c.solution;
                        return `📱 **${escapeMarkdown(x.app.displayName || x.app.name)}**${other ? ` (${inlineCode(x.solution.uniqueName)})` : ''}`;
                    })
                        .join(', ')}.`
                    : 'Not called by any canvas app in these solutions.';
                out.push(`- ⚡ Flow **${escapeMarkdown(c.name)}**${id} ${where} — ${what}. ${calledBy}`);
            }
            else if (c.kind === 'app') {
                out.push(`- 📱 App **${escapeMarkdown(c.name)}** ${where} — ${what}.`);
            }
            else {
                out.push(`- 📦 Solution **${escapeMarkdown(c.name)}** · ${inlineCode(c.solution)} — ${what}.`);
            }
            for (const d of c.details)
                out.push(`  - ${escapeMarkdown(d, MAX_MESSAGE_LENGTH)}`);
        }
        out.push('');
        return out;
    }
    dependencyMap() {
        const solutions = [...this.report.solutions].sort((a, b) => sort_compareText(a.path, b.path) || sort_compareText(a.uniqueName, b.uniqueName));
        const withContent = solutions.filter((s) => s.apps.some((a) => a.calls.length > 0) || s.flows.length > 0);
        if (withContent.length === 0)
            return [];
        const out = ['### App → flow dependency map', ''];
        if (!this.detail.dependencyMap) {
            out.push('Not shown to save space.', '');
            return out;
        }
        const index = indexFlows(this.report.solutions);
        const called = new Set();
        const tables = withContent.map((s) => this.solutionTable(s, index, called));
        withContent.forEach((s, i) => {
            out.push(`**${escapeMarkdown(s.displayName || s.uniqueName)}** · ${inlineCode(s.uniqueName)} · ${inlineCode(s.path)}`, '');
            out.push(...tables[i]);
            const uncalled = [...s.flows]
                .filter((f) => !called.has(normalizeFlowId(f.id)))
                .sort((a, b) => sort_compareText(a.name, b.name) || sort_compareText(a.id, b.id));
            if (uncalled.length > 0) {
                out.push(`Flows no canvas app here calls: ${uncalled.map((f) => `⚡ ${escapeMarkdown(f.name || f.id)}`).join(', ')}.`, '');
            }
        });
        return out;
    }
    solutionTable(s, index, called) {
        const apps = [...s.apps].sort((a, b) => sort_compareText(a.displayName, b.displayName) || sort_compareText(a.name, b.name));
        const rows = [];
        for (const app of apps) {
            const calls = [...app.calls].sort((a, b) => sort_compareText(a.dataSource, b.dataSource) || sort_compareText(a.flowId ?? '', b.flowId ?? ''));
            for (const call of calls) {
                const entry = lookupFlow(index, call.flowId, call.flowSolution);
                if (call.flowId)
                    called.add(normalizeFlowId(call.flowId));
                rows.push(`| ${[
                    escapeMarkdown(app.displayName || app.name),
                    inlineCode(call.dataSource, { table: true }),
                    flowCell(call.flowId, entry, s),
                    bindingCell(call.resolved, call.confidence, call.resolvedBy),
                    connectionsCell(entry),
                    sitesCell(call.callSites),
                ].join(' | ')} |`);
            }
        }
        if (rows.length === 0)
            return ['No canvas app in this solution calls a flow.', ''];
        return ['| App | Data source | Flow | Binding | Flow connections | Called from |', '|---|---|---|---|---|---|', ...rows, ''];
    }
    diagnostics() {
        const diags = sort_sortDiagnostics(this.report.diagnostics);
        if (diags.length === 0)
            return [];
        const out = [`<details><summary>Files FlowGuard could not fully read (${diags.length})</summary>`, ''];
        const shown = diags.slice(0, this.detail.diagnosticsLimit);
        for (const d of shown) {
            out.push(`- ${SEVERITY_STYLE[d.severity]?.icon ?? '•'} ${locationText(d.file, d.inner)}: ${escapeMarkdown(d.message, MAX_MESSAGE_LENGTH)}`);
        }
        if (shown.length < diags.length)
            out.push(`- …and ${diags.length - shown.length} more.`);
        out.push('', '</details>', '');
        return out;
    }
    footer() {
        const counts = countBySeverity(this.sorted);
        const parts = SEVERITIES.map((s) => plural(counts[s], SEVERITY_STYLE[s].singular));
        if (this.ctx.compared) {
            parts.push(`${this.sorted.filter(isNew).length} new`);
            parts.push(`${this.report.fixed?.length ?? 0} fixed`);
        }
        const ignored = this.report.suppressed?.length ?? 0;
        if (ignored > 0)
            parts.push(`${ignored} ignored by configuration`);
        const stats = analysisStats(this.report);
        const analysed = `analysed ${plural(stats.solutions, 'solution')}, ${plural(stats.apps, 'canvas app')}, ${plural(stats.flows, 'flow')}`;
        const tool = `${escapeMarkdown(this.report.tool.name || 'FlowGuard')} ${escapeMarkdown(this.report.tool.version)}`;
        return ['---', '', `<sub>${parts.join(' · ')} — ${analysed} — ${tool}</sub>`];
    }
}
function flowCell(flowId, entry, here) {
    if (!entry)
        return flowId ? `not in these solutions<br>${inlineCode(flowId, { table: true })}` : '—';
    const parts = [`⚡ **${escapeMarkdown(entry.flow.name || entry.flow.id)}**`, inlineCode(entry.flow.id, { table: true })];
    if (entry.solution !== here)
        parts.push(`in ${inlineCode(entry.solution.uniqueName, { table: true })}`);
    if (entry.flow.state === 'off')
        parts.push('⚠️ turned off');
    return parts.join('<br>');
}
function bindingCell(resolved, confidence, resolvedBy) {
    const by = resolvedBy ? ` by ${inlineCode(resolvedBy, { table: true })}` : '';
    if (!resolved)
        return '❌ unresolved';
    if (confidence === 'low')
        return `⚠️ low confidence${by}`;
    return `✅ resolved${by}`;
}
function connectionsCell(entry) {
    if (!entry)
        return '—';
    const conns = [...entry.flow.connections].sort((a, b) => sort_compareText(a.key, b.key));
    if (conns.length === 0)
        return 'none';
    return conns.map((c) => inlineCode(`${c.key}: ${connectionModeLabel(c.runtimeSource)}`, { table: true })).join('<br>');
}
/** `` `file` › `inner` ``. */
function sitesCell(sites) {
    if (!sites)
        return '—';
    if (sites.length === 0)
        return 'no formula';
    const shown = sites.slice(0, 4).map((s) => `${s.control === s.screen ? s.screen : `${s.screen} › ${s.control}`}.${s.property} (${s.arguments})`);
    return escapeMarkdown(shown.join(', ') + (sites.length > 4 ? ` +${sites.length - 4}` : ''), 300);
}
function locationText(file, inner) {
    const f = inlineCode(file, { maxLength: 300 });
    return inner ? `${f} › ${inlineCode(inner, { maxLength: 300 })}` : f;
}
/** A link destination that cannot break out of `(...)`: angle-bracketed, with `<`, `>` and spaces encoded. */
function linkTarget(url) {
    return `<${url.replace(/[<>\s]/g, (c) => encodeURIComponent(c))}>`;
}
/** Groups consecutive-or-not items by key, keeping the order of first appearance. */
function groupBy(items, key) {
    const groups = new Map();
    for (const item of items) {
        const k = key(item);
        const g = groups.get(k);
        if (g)
            g.push(item);
        else
            groups.set(k, [item]);
    }
    return [...groups.values()];
}

;// CONCATENATED MODULE: ./src/report/sarif.ts




const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SARIF_VERSION = '2.1.0';
/** Key of our entry in `result.partialFingerprints`; bump the version if the fingerprint recipe changes. */
const FINGERPRINT_KEY = 'flowguard/v1';
/** Tags from the id band (see {@link RuleMeta.id}). */
const BAND_TAGS = {
    '1': 'signature-drift',
    '2': 'flow-runtime',
    '3': 'connections',
    '4': 'solution-lifecycle',
    '5': 'security',
};
function level(severity) {
    return SEVERITY_STYLE[severity]?.sarif ?? 'warning';
}
/** Plain text for SARIF `message.text`: redacted, control characters (except newlines) removed, capped. */
function sarifText(text, max = MAX_MESSAGE_LENGTH) {
    return truncate(stripControlKeepNewlines(redactSecrets(text)), max);
}
function isAbsoluteUrl(url) {
    return url !== undefined && /^https?:\/\/[^\s]+$/i.test(url);
}
/** `https://github.com/o/r` from a docs base inside that repository. */
function informationUri(docsBase) {
    const m = /^https:\/\/github\.com\/[^/\s]+\/[^/\s]+/i.exec(docsBase);
    return m ? m[0] : undefined;
}
function ruleTags(rule) {
    const band = /^FG(\d)\d\d$/i.exec(rule.id)?.[1];
    const tags = ['power-platform'];
    if (band && BAND_TAGS[band])
        tags.push(BAND_TAGS[band]);
    return tags;
}
function sarifRule(rule, docsBase) {
    const url = ruleDocsUrl(docsBase, rule.id, rule.name);
    const helpUri = isAbsoluteUrl(url) ? url : undefined;
    const codesText = rule.errorCodes.map((c) => (c.docs ? `${c.code} (${c.docs})` : c.code)).join(', ');
    const codesMd = rule.errorCodes
        .map((c) => (isAbsoluteUrl(c.docs) ? `[${inlineCode(c.code)}](${c.docs})` : inlineCode(c.code)))
        .join(', ');
    const text = [rule.summary, rule.impact];
    const markdown = [escapeMarkdown(rule.summary, MAX_MESSAGE_LENGTH), escapeMarkdown(rule.impact, MAX_MESSAGE_LENGTH)];
    if (rule.errorCodes.length > 0) {
        text.push(`Predicted errors: ${codesText}.`);
        markdown.push(`**Predicted errors:** ${codesMd}`);
    }
    if (url) {
        text.push(`How to fix it, and when it is safe to ignore: ${url}`);
        markdown.push(`How to fix it, and when it is safe to ignore: [${escapeMarkdown(`${rule.id} ${rule.name}`)}](${url})`);
    }
    return {
        id: rule.id,
        name: rule.name,
        shortDescription: { text: sarifText(rule.summary) },
        fullDescription: { text: sarifText(rule.impact) },
        help: { text: sarifText(text.join('\n\n'), 10_000), markdown: redactSecrets(markdown.join('\n\n')) },
        ...(helpUri ? { helpUri } : {}),
        defaultConfiguration: { level: level(rule.defaultSeverity) },
        properties: { tags: ruleTags(rule), errorCodes: rule.errorCodes.map((c) => c.code) },
    };
}
/** A rule a finding names but the catalogue lacks (should not happen): described from the finding. */
function placeholderRule(f) {
    return {
        id: f.ruleId,
        name: f.rule,
        defaultSeverity: f.severity,
        errorCodes: f.errorCodes.map((code) => ({ code, docs: '' })),
        summary: `${f.ruleId} ${f.rule}.`,
        impact: `${f.ruleId} ${f.rule}.`,
    };
}
function sarif_location(file, inner) {
    // GitHub code scanning needs a region to place an alert (sarif-sdk rule GH1003); findings are
    // about whole files, so they point at the first line.
    const loc = { physicalLocation: { artifactLocation: { uri: repoRelativeUri(file) }, region: { startLine: 1 } } };
    if (inner) {
        const clean = sarifText(inner, 1000);
        loc.logicalLocations = [{ name: clean.slice(clean.lastIndexOf('/') + 1), fullyQualifiedName: clean, kind: 'resource' }];
    }
    return loc;
}
/**
 * SARIF 2.1.0 for code scanning: one run; `tool.driver.rules` holds every rule of `ctx.rules` sorted
 * by id (plus any rule a finding names that the catalogue lacks); results in {@link sortFindings} order
 * with `partialFingerprints['flowguard/v1']`; diagnostics as tool execution notifications.
 * Fixed findings are not results (code scanning closes their alerts when they are absent).
 */
function renderSarif(report, ctx) {
    const findings = sortFindings(report.findings);
    const catalogue = [...ctx.rules];
    const known = new Set(catalogue.map((r) => r.id));
    for (const f of findings) {
        if (!known.has(f.ruleId)) {
            catalogue.push(placeholderRule(f));
            known.add(f.ruleId);
        }
    }
    catalogue.sort((a, b) => sort_compareText(a.id, b.id));
    const rules = catalogue.map((r) => sarifRule(r, ctx.docsBase));
    const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
    const results = findings.map((f) => {
        const result = {
            ruleId: f.ruleId,
            ruleIndex: ruleIndex.get(f.ruleId),
            level: level(f.severity),
            message: { text: sarifText(f.message) },
            locations: [sarif_location(f.location.file, f.location.inner)],
            partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
            properties: { errorCodes: [...f.errorCodes], solution: f.solution.uniqueName },
        };
        if (ctx.compared)
            result.baselineState = f.status === 'existing' ? 'unchanged' : 'new';
        if (f.app)
            result.properties.app = { name: f.app.name, displayName: f.app.displayName };
        if (f.flow)
            result.properties.flow = { id: f.flow.id, name: f.flow.name };
        if (f.status)
            result.properties.status = f.status;
        if (f.location.inner)
            result.properties.innerPath = f.location.inner;
        const sites = (f.sites ?? []).filter((s) => s.location);
        if (sites.length > 0) {
            result.relatedLocations = sites.map((s, i) => ({
                id: i,
                ...sarif_location(s.location?.file ?? f.location.file, s.location?.inner),
                message: { text: sarifText(`${s.screen} › ${s.control}.${s.property}`) },
            }));
        }
        return result;
    });
    const notifications = sort_sortDiagnostics(report.diagnostics).map((d) => {
        const n = {
            level: level(d.severity),
            message: { text: sarifText(d.message) },
            locations: [sarif_location(d.file, d.inner)],
        };
        if (d.inner)
            n.properties = { innerPath: d.inner };
        return n;
    });
    const semver = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.test(report.tool.version);
    const info = informationUri(ctx.docsBase);
    const driver = {
        name: 'FlowGuard',
        version: report.tool.version,
        ...(semver ? { semanticVersion: report.tool.version } : {}),
        ...(info ? { informationUri: info } : {}),
        rules,
    };
    const log = {
        $schema: SARIF_SCHEMA,
        version: SARIF_VERSION,
        runs: [
            {
                tool: { driver },
                invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
                results,
            },
        ],
    };
    return redactDeep(log);
}
/** {@link renderSarif} as 2-space JSON with a trailing newline. */
function renderSarifJson(report, ctx) {
    return `${JSON.stringify(renderSarif(report, ctx), null, 2)}\n`;
}
/** A copy with {@link redactSecrets} applied to every string value. */
function redactDeep(value) {
    if (typeof value === 'string')
        return redactSecrets(value);
    if (Array.isArray(value))
        return value.map((v) => redactDeep(v));
    if (value !== null && typeof value === 'object') {
        const out = {};
        for (const [k, v] of Object.entries(value))
            out[k] = redactDeep(v);
        return out;
    }
    return value;
}

;// CONCATENATED MODULE: ./src/report/text.ts




const INDENT = '    ';
const MAX_PATH_LENGTH = 500;
/** `file:inner` (the inner path only for archives). */
function text_where(file, inner) {
    const f = plainText(file, MAX_PATH_LENGTH);
    return inner ? `${f}:${plainText(inner, MAX_PATH_LENGTH)}` : f;
}
const ANSI = { error: '31', warning: '33', note: '36', bold: '1', dim: '2' };
const paintWith = (color) => (color ? (code, text) => `\u001b[${ANSI[code] ?? '0'}m${text}\u001b[0m` : (_code, text) => text);
function header(f, paint) {
    return `${text_where(f.location.file, f.location.inner)}: ${paint(f.severity, plainText(f.severity, 20))} ${plainText(f.ruleId, 50)} ${plainText(f.rule, 100)}: ${plainText(f.message, MAX_MESSAGE_LENGTH)}`;
}
/** Groups in order of first appearance: with findings sorted worst first, a group's place is its worst finding. */
function text_groupBy(items, key) {
    const groups = new Map();
    for (const t of items) {
        const k = key(t);
        let g = groups.get(k);
        if (!g)
            groups.set(k, (g = { key: k, items: [] }));
        g.items.push(t);
    }
    return [...groups.values()];
}
function solutionHeading(f) {
    return `${plainText(f.solution.uniqueName, 200)} · ${plainText(f.solution.path, MAX_PATH_LENGTH)}`;
}
function componentHeading(f) {
    const app = f.app ? `app '${plainText(f.app.displayName || f.app.name, 200)}'` : '';
    const flow = f.flow ? `flow '${plainText(f.flow.name, 200)}' (${plainText(f.flow.id, 100)})` : '';
    if (app && flow)
        return `${app} → ${flow}`;
    return app || flow || 'the solution itself';
}
function findingBlock(f, ctx, paint, indent) {
    const out = [`${indent}${header(f, paint)}`];
    const more = `${indent}${INDENT}`;
    if (f.errorCodes.length > 0)
        out.push(`${more}predicted errors: ${f.errorCodes.map((c) => plainText(c, 100)).join(', ')}`);
    if (ctx.compared)
        out.push(`${more}status: ${isNew(f) ? 'new in this change' : 'already present'}`);
    for (const e of f.evidence ?? [])
        out.push(`${more}evidence: ${paint(e.severity, e.severity)} ${plainText(e.ruleId, 20)}: ${plainText(e.message, MAX_MESSAGE_LENGTH)}`);
    if (f.mitigation.length > 0) {
        out.push(`${more}how to fix:`);
        f.mitigation.forEach((step, i) => out.push(`${more}  ${i + 1}. ${plainText(step, MAX_MESSAGE_LENGTH)}`));
    }
    return out;
}
/**
 * The terminal format: findings grouped by solution, then by app → flow (groups in the order of their
 * worst finding, findings in {@link sortFindings} order). Each finding is `path[:inner]: severity RULEID
 * rule-name: message`, then, indented, the predicted error codes, the status when compared, the evidence
 * and the numbered fix steps; then fixed findings, diagnostics and the one-line summary.
 * Untrusted text is redacted and stripped of control characters (no terminal escape sequences get
 * through); colours, when asked for, are added around text that was already cleaned.
 */
function renderText(report, ctx, options = {}) {
    const paint = paintWith(options.color === true);
    const out = [];
    const findings = sortFindings(report.findings);
    for (const solution of text_groupBy(findings, (f) => `${f.solution.path}\u0000${f.solution.uniqueName}`)) {
        out.push(paint('bold', solutionHeading(solution.items[0])));
        for (const component of text_groupBy(solution.items, (f) => [f.app?.name ?? '', f.flow?.id ?? ''].join('\u0000'))) {
            out.push(`  ${paint('bold', componentHeading(component.items[0]))}`);
            for (const f of component.items)
                out.push(...findingBlock(f, ctx, paint, '    '), '');
        }
    }
    const fixed = sortFindings(report.fixed ?? []);
    if (fixed.length > 0) {
        out.push(paint('bold', 'fixed:'));
        for (const f of fixed)
            out.push(`${INDENT}${header(f, paint)}`);
        out.push('');
    }
    const diagnostics = sort_sortDiagnostics(report.diagnostics);
    if (diagnostics.length > 0) {
        out.push(paint('bold', 'diagnostics:'));
        for (const d of diagnostics)
            out.push(`${INDENT}${text_where(d.file, d.inner)}: ${plainText(d.severity, 20)}: ${plainText(d.message, MAX_MESSAGE_LENGTH)}`);
        out.push('');
    }
    out.push(countLine(report, ctx, findings));
    return redactSecrets(`${out.join('\n')}\n`);
}
function countLine(report, ctx, findings) {
    const counts = countBySeverity(findings);
    const stats = analysisStats(report);
    const scope = `${plural(stats.solutions, 'solution')}, ${plural(stats.apps, 'canvas app')}, ${plural(stats.flows, 'flow')}`;
    const total = SEVERITIES.reduce((n, s) => n + counts[s], 0);
    const found = total === 0 ? 'no problems' : countPhrase(counts);
    const compared = ctx.compared ? ` (${findings.filter(isNew).length} new, ${report.fixed?.length ?? 0} fixed)` : '';
    const unread = report.diagnostics.length > 0 ? `; ${plural(report.diagnostics.length, 'diagnostic')}` : '';
    const tool = `${plainText(report.tool.name || 'FlowGuard', 50)} ${plainText(report.tool.version, 50)}`;
    return `${found}${compared} in ${scope}${unread} — ${tool}`;
}

;// CONCATENATED MODULE: ./src/report/context.ts

/** Where the rule pages live; findings link their rule there. */
const DOCS_BASE = 'https://github.com/flowguard/flowguard/blob/main/docs/rules/';
function renderContext(compared) {
    return { rules: ALL_RULE_META, compared, docsBase: DOCS_BASE };
}

;// CONCATENATED MODULE: ./src/cli/flags.ts
/** A command line that cannot be run as given: printed with the usage, exit code 2. */
class UsageError extends Error {
}
/**
 * Walks a command line: calls `on` with each argument's flag (`--x` of `--x=v` too), a function that
 * takes the flag's value (inline after `=`, else the next argument), and the argument as written.
 */
function eachFlag(argv, on) {
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
        const [flag, inline] = eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
        on(flag, () => {
            if (inline !== undefined)
                return inline;
            const next = argv[++i];
            if (next === undefined || next.startsWith('--'))
                throw new UsageError(`${flag} needs a value`);
            return next;
        }, arg);
    }
}
function oneOf(flag, v, allowed) {
    if (allowed.includes(v))
        return v;
    throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got '${v}')`);
}
/** An option given where paths go: refused rather than read as a path. */
function pathArgument(arg) {
    if (arg.startsWith('-') && arg !== '-')
        throw new UsageError(`unknown option ${arg}`);
    return arg;
}
const FAIL_ON = ['error', 'warning', 'note', 'never'];
/** Reads `flag` into `args` when it is one of the shared analysis options; false when it is not. */
function analysisFlag(flag, value, args) {
    switch (flag) {
        case '--config':
            args.config = value();
            return true;
        case '--fail-on':
            args.failOn = oneOf(flag, value(), FAIL_ON);
            return true;
        case '--fail-on-scope':
            args.failOnScope = oneOf(flag, value(), ['new', 'all']);
            return true;
        case '--base-ref':
            args.baseRef = value();
            return true;
        case '--release':
            args.release = true;
            return true;
        default:
            return false;
    }
}

;// CONCATENATED MODULE: ./src/cli/gate.ts
const RANK = { error: 3, warning: 2, note: 1 };
/** The findings that fail the run: at or above `failOn`, and only new ones when the scope is 'new'. */
function gatingFindings(findings, failOn, scope) {
    if (failOn === 'never')
        return [];
    return findings.filter((f) => RANK[f.severity] >= RANK[failOn] && (scope === 'all' || f.status !== 'existing'));
}
/** Whether the findings fail the run. */
function gate(findings, failOn, scope) {
    return gatingFindings(findings, failOn, scope).length > 0;
}
/** The worst severity among the findings, or 'none'. */
function worstSeverity(findings) {
    return findings.reduce((w, f) => (w === 'none' || RANK[f.severity] > RANK[w] ? f.severity : w), 'none');
}

;// CONCATENATED MODULE: ./src/github/permissions.ts
/**
 * Turning GitHub API failures into warnings that name the missing permission.
 * Reporting failures (a read-only fork token, a 403 on a comment) must degrade to the job summary and
 * annotations, never crash the run.
 */
const ENDPOINTS = {
    comment: { action: 'post the PR comment', permission: 'pull-requests: write', write: true },
    'issue-comment': { action: 'post the issue comment', permission: 'issues: write', write: true },
    review: { action: 'post the PR review', permission: 'pull-requests: write', write: true },
    'pull-files': { action: "list the pull request's changed files", permission: 'pull-requests: read', write: false },
    compare: { action: 'compare the base and head commits', permission: 'contents: read', write: false },
    tree: { action: 'list the repository tree', permission: 'contents: read', write: false },
    blob: { action: 'read a repository file', permission: 'contents: read', write: false },
    'check-run': { action: 'create the check run', permission: 'checks: write', write: true },
};
/** The permission an endpoint needs, as written in a workflow's `permissions:` block. */
function permissionFor(endpoint) {
    return ENDPOINTS[endpoint].permission;
}
/** True when GitHub's error text says the request hit a rate limit (which GitHub also reports as 403). */
function isRateLimitMessage(apiMessage) {
    return /rate limit/i.test(apiMessage ?? '');
}
const STILL_WRITTEN = 'The job summary, annotations and report files were still written.';
/**
 * A one-paragraph warning for a failed API call.
 * 403/404 name the missing permission; rate limits and other statuses say what happened instead.
 */
function describeFailure(status, endpoint, apiMessage) {
    const info = ENDPOINTS[endpoint];
    const head = `FlowGuard could not ${info.action}`;
    const tail = info.write ? ` ${STILL_WRITTEN}` : '';
    const detail = apiMessage ? ` (GitHub said: ${apiMessage})` : '';
    if (isRateLimitMessage(apiMessage) || status === 429) {
        return `${head}: GitHub's API rate limit was exceeded and the retries ran out (HTTP ${status})${detail}.${tail}`;
    }
    if (status === 401) {
        return `${head}: the token was rejected (HTTP 401); check the \`github-token\` input.${tail}`;
    }
    if (status === 403 || status === 404) {
        const fork = info.write ? ' (fork pull requests and Dependabot runs get a read-only token)' : '';
        const notFound = status === 404 ? ' or the pull request does not exist (HTTP 404)' : '';
        return `${head}: the token lacks \`${info.permission}\`${fork}${notFound}.${tail}`;
    }
    if (status === 422) {
        return `${head}: GitHub rejected the request (HTTP 422)${detail}.${tail}`;
    }
    return `${head}: HTTP ${status}${detail}.${tail}`;
}
/** The HTTP status and GitHub message of an Octokit RequestError; undefined for anything else. */
function httpErrorInfo(error) {
    if (typeof error !== 'object' || error === null)
        return undefined;
    const status = error.status;
    if (typeof status !== 'number')
        return undefined;
    const data = error.response?.data;
    let apiMessage;
    if (typeof data === 'object' && data !== null && typeof data.message === 'string') {
        apiMessage = data.message;
    }
    else if (typeof data === 'string' && data.trim() !== '') {
        apiMessage = data.trim().slice(0, 200);
    }
    return apiMessage === undefined ? { status } : { status, apiMessage };
}
/** Converts an HTTP error to a {@link Failure}; rethrows anything that is not one (programming errors). */
function permissions_toFailure(error, endpoint) {
    const info = httpErrorInfo(error);
    if (!info)
        throw error;
    const { status, apiMessage } = info;
    const failure = { action: 'failed', status, message: describeFailure(status, endpoint, apiMessage) };
    if ((status === 403 || status === 404) && !isRateLimitMessage(apiMessage)) {
        failure.missingPermission = permissionFor(endpoint);
    }
    if (apiMessage !== undefined)
        failure.apiMessage = apiMessage;
    return failure;
}

;// CONCATENATED MODULE: ./src/github/truncate.ts
/**
 * Section-aware truncation of Markdown for GitHub's size limits:
 * a comment or review body holds at most 65,536 characters (UTF-16 code units, as GitHub counts),
 * a step's job summary at most 1 MiB (UTF-8 bytes).
 *
 * A section starts at a heading line (`#` … `######`) that is outside any code fence and `<details>` block.
 * Whole sections are kept from the top while they fit, then a notice says how many were left out.
 * Only when not even the first section fits is it cut, at a line boundary (at a character boundary for a
 * single oversized line, never inside a surrogate pair). Any code fence or `<details>` left open by a cut
 * is closed, and the result never exceeds the limit.
 */
const truncate_COMMENT_BODY_LIMIT = 65_536;
const SUMMARY_BYTE_LIMIT = 1024 * 1024;
const truncate_plural = (n, one, many) => (n === 1 ? one : many);
const defaultCommentNotice = (n, cut) => cut
    ? `_… this report was cut to fit GitHub's comment limit; the full report (${n} ${truncate_plural(n, 'section', 'sections')}) is in the job summary._`
    : `_… ${n} more ${truncate_plural(n, 'section is', 'sections are')} in the job summary._`;
const defaultSummaryNotice = (n, cut) => cut
    ? `_… this summary was cut to fit the 1 MiB job summary limit; the full report is in the report file._`
    : `_… ${n} more ${truncate_plural(n, 'section was', 'sections were')} left out to fit the 1 MiB job summary limit; the full report is in the report file._`;
const utf16Length = (s) => s.length;
/** UTF-8 byte length of a string (lone surrogates count as the 3-byte replacement character, as Buffer does). */
const utf8Length = (s) => Buffer.byteLength(s, 'utf8');
/** Markdown body fitted to `limit` UTF-16 code units (GitHub's comment and review body limit). */
function truncate_fitMarkdown(body, limit = truncate_COMMENT_BODY_LIMIT, notice = defaultCommentNotice) {
    return fit(body, limit, notice, utf16Length).text;
}
function fitMarkdownDetailed(body, limit = truncate_COMMENT_BODY_LIMIT, notice = defaultCommentNotice) {
    return fit(body, limit, notice, utf16Length);
}
/** Markdown fitted to `maxBytes` UTF-8 bytes (the job summary's 1 MiB per step). */
function fitBytes(body, maxBytes = SUMMARY_BYTE_LIMIT, notice = defaultSummaryNotice) {
    return fit(body, maxBytes, notice, utf8Length).text;
}
function fitBytesDetailed(body, maxBytes = SUMMARY_BYTE_LIMIT, notice = defaultSummaryNotice) {
    return fit(body, maxBytes, notice, utf8Length);
}
const CLEAN = { fence: null, details: 0 };
const FENCE_OPEN = /^[ \t]*(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^[ \t]*(`{3,}|~{3,})[ \t]*$/;
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
function stripEol(line) {
    return line.replace(/\r?\n$/, '');
}
/** The state after one line (with or without its line ending). */
function step(state, line) {
    const content = stripEol(line);
    if (state.fence) {
        const m = FENCE_CLOSE.exec(content);
        if (m && m[1][0] === state.fence.ch && m[1].length >= state.fence.len)
            return { fence: null, details: state.details };
        return state;
    }
    const open = FENCE_OPEN.exec(content);
    if (open) {
        const marker = open[1];
        const ch = marker[0];
        // A backtick fence's info string may not contain backticks (CommonMark); otherwise it is inline code.
        if (ch === '~' || !open[2].includes('`'))
            return { fence: { ch, len: marker.length }, details: state.details };
    }
    const text = content.replace(/(`+)[\s\S]*?\1/g, '');
    const opens = (text.match(/<details\b/gi) ?? []).length;
    const closes = (text.match(/<\/details\s*>/gi) ?? []).length;
    if (opens === 0 && closes === 0)
        return state;
    return { fence: null, details: Math.max(0, state.details + opens - closes) };
}
/** The state after a whole text (exported for tests and callers that build Markdown piecewise). */
function scanMarkdown(text) {
    let s = CLEAN;
    for (const line of splitLines(text))
        s = step(s, line);
    return { openFence: s.fence ? s.fence.ch.repeat(s.fence.len) : null, openDetails: s.details };
}
/** Lines with their line endings; the last may lack one. */
function splitLines(text) {
    return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}
function closers(state) {
    let out = '';
    if (state.fence)
        out += `${state.fence.ch.repeat(state.fence.len)}\n`;
    for (let i = 0; i < state.details; i++)
        out += '</details>\n';
    return out;
}
function noticeText(notice, omitted, cut) {
    return typeof notice === 'function' ? notice(omitted, cut) : notice.replace(/\{n\}/g, String(omitted));
}
/** What follows the kept text: a line break if needed, closers, a blank line and the notice. */
function tail(keptEndsWithNewline, keptEmpty, state, notice) {
    let t = keptEmpty || keptEndsWithNewline ? '' : '\n';
    t += closers(state);
    if (notice)
        t += keptEmpty && t === '' ? notice : `\n${notice}`;
    return t;
}
function sections(body) {
    const out = [];
    let state = CLEAN;
    let current = [];
    for (const line of splitLines(body)) {
        if (current.length > 0 && state.fence === null && state.details === 0 && HEADING.test(stripEol(line))) {
            out.push({ text: current.join(''), lines: current });
            current = [];
        }
        current.push(line);
        state = step(state, line);
    }
    if (current.length > 0)
        out.push({ text: current.join(''), lines: current });
    return out;
}
function fit(body, limit, notice, measure) {
    const limitN = Math.max(0, Math.floor(limit));
    const secs = sections(body);
    const total = secs.length;
    if (measure(body) <= limitN) {
        return { text: body, truncated: false, totalSections: total, keptSections: total, omittedSections: 0, cutInsideSection: false };
    }
    // 1. Whole sections from the top.
    let best = 0;
    let bestText = '';
    let used = 0;
    let state = CLEAN;
    let kept = '';
    for (let k = 1; k < total; k++) {
        const sec = secs[k - 1];
        used += measure(sec.text);
        for (const line of sec.lines)
            state = step(state, line);
        kept += sec.text;
        const t = tail(kept.endsWith('\n'), kept === '', state, noticeText(notice, total - k, false));
        if (used + measure(t) > limitN)
            break;
        best = k;
        bestText = kept + t;
    }
    if (best > 0) {
        return { text: bestText, truncated: true, totalSections: total, keptSections: best, omittedSections: total - best, cutInsideSection: false };
    }
    // 2. Not even the first section fits: cut it at a line boundary, closing what is open.
    const first = secs[0]?.lines ?? [];
    const note = noticeText(notice, total, true);
    let text = '';
    used = 0;
    state = CLEAN;
    kept = '';
    let candidate = tail(false, true, CLEAN, note);
    if (measure(candidate) <= limitN)
        text = candidate;
    let lineCount = 0;
    for (const line of first) {
        const nextState = step(state, line);
        const nextUsed = used + measure(line);
        const t = tail(line.endsWith('\n'), false, nextState, note);
        if (nextUsed + measure(t) > limitN)
            break;
        used = nextUsed;
        state = nextState;
        kept += line;
        text = kept + t;
        lineCount++;
    }
    // 3. Not even the first line fits: cut it at a character boundary.
    if (lineCount === 0 && first.length > 0) {
        const line = stripEol(first[0]);
        const fits = (c) => {
            const part = line.slice(0, c);
            const out = part + tail(false, part === '', step(CLEAN, part), note);
            return measure(out) <= limitN ? out : undefined;
        };
        let lo = 0;
        let hi = line.length;
        while (lo < hi) {
            const mid = Math.ceil((lo + hi) / 2);
            if (fits(mid) !== undefined)
                lo = mid;
            else
                hi = mid - 1;
        }
        let c = lo;
        const code = line.charCodeAt(c - 1);
        if (c > 0 && code >= 0xd800 && code <= 0xdbff)
            c--;
        if (c > 0)
            text = fits(c) ?? text;
    }
    if (measure(text) > limitN)
        text = '';
    return { text, truncated: true, totalSections: total, keptSections: 0, omittedSections: total, cutInsideSection: true };
}

;// CONCATENATED MODULE: ./src/github/comment.ts
/**
 * The sticky PR comment: one comment per PR (per marker key), found by a hidden marker and its author,
 * updated in place, never duplicated. HTTP failures come back as a typed {@link Failure}, never thrown.
 */



const MARKER = '<!-- flowguard:report -->';
/** The body of the sticky comment the Action posts (the README shows the one for the bundled example). */
function renderCommentBody(report, rctx) {
    return renderMarkdown(report, rctx, { fullReportHint: 'the job summary of this run', marker: MARKER });
}
/** The login `GITHUB_TOKEN` comments as. */
const ACTIONS_BOT_LOGIN = 'github-actions[bot]';
/** Pages of 100 comments read at most while looking for the sticky comment (30,000 comments). */
const MAX_COMMENT_PAGES = 300;
/**
 * The marker for a keyed sticky comment, so two workflows (or two jobs) can each keep their own:
 * `<!-- flowguard:report key=release -->`. Without a key (or an empty one) it is {@link MARKER}.
 * The key is reduced to `[A-Za-z0-9._/-]` without `--`, at most 100 characters, so it can never end the HTML comment.
 */
function markerFor(key) {
    const clean = (key ?? '')
        .trim()
        .replace(/[^A-Za-z0-9._/-]+/g, '-')
        .replace(/-{2,}/g, '-')
        .slice(0, 100);
    return clean === '' ? MARKER : `<!-- flowguard:report key=${clean} -->`;
}
function authorMatches(user, author) {
    if (!user)
        return false;
    if (author !== undefined)
        return user.login.toLowerCase() === author.toLowerCase();
    return user.login === ACTIONS_BOT_LOGIN || user.type === 'Bot';
}
/**
 * The newest comment on the issue or PR that contains the marker and is by the expected author.
 * Reads every page (100 per page, bounded by {@link MAX_COMMENT_PAGES}). Throws the Octokit error on HTTP failure.
 */
async function findStickyComment(octokit, options) {
    const marker = options.marker ?? MARKER;
    let found;
    let pages = 0;
    for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, {
        owner: options.owner,
        repo: options.repo,
        issue_number: options.issueNumber,
        per_page: 100,
    })) {
        for (const c of page.data) {
            const body = c.body ?? '';
            if (!body.includes(marker) || !authorMatches(c.user, options.author))
                continue;
            if (found === undefined || c.id > found.id) {
                found = {
                    id: c.id,
                    body,
                    url: c.html_url,
                    user: c.user ? { login: c.user.login, type: c.user.type } : null,
                };
            }
        }
        if (++pages >= MAX_COMMENT_PAGES)
            break;
    }
    return found;
}
const normalize = (s) => s.replace(/\r\n/g, '\n').trimEnd();
/** The body with the marker on its first line (if it had none) and within GitHub's limit. */
function prepareCommentBody(body, marker = MARKER) {
    let out = body.includes(marker) ? body : `${marker}\n${body}`;
    if (out.length > COMMENT_BODY_LIMIT) {
        const rest = out.split(marker).join('').replace(/^\r?\n/, '');
        out = `${marker}\n${fitMarkdown(rest, COMMENT_BODY_LIMIT - marker.length - 1)}`;
    }
    return out;
}
/**
 * Creates, updates or leaves the sticky comment.
 * - `never`: no API call (`skipped`).
 * - `on-findings` without findings and without an existing comment: nothing is posted (`skipped`);
 *   with an existing comment it is updated with `body` (the caller words it as "findings resolved").
 * - An existing comment whose body is already identical is not re-sent (`unchanged`).
 * 403/404 and other HTTP errors come back as `{action: 'failed', ...}`.
 */
async function upsertStickyComment(octokit, options) {
    if (options.mode === 'never')
        return { action: 'skipped', reason: 'comment-mode is never' };
    const endpoint = options.target === 'issue' ? 'issue-comment' : 'comment';
    const marker = options.marker ?? MARKER;
    const body = prepareCommentBody(options.body, marker);
    try {
        const existing = await findStickyComment(octokit, { ...options, marker });
        if (!existing) {
            if (options.mode === 'on-findings' && !options.hasFindings) {
                return { action: 'skipped', reason: 'no findings and no earlier comment' };
            }
            const res = await octokit.rest.issues.createComment({
                owner: options.owner,
                repo: options.repo,
                issue_number: options.issueNumber,
                body,
            });
            return { action: 'created', id: res.data.id, url: res.data.html_url };
        }
        const previousBody = existing.body;
        const quietResolved = options.mode === 'on-findings' && !options.hasFindings && options.previouslyHadFindings === false;
        if (quietResolved || normalize(previousBody) === normalize(body)) {
            return { action: 'unchanged', id: existing.id, url: existing.url, previousBody };
        }
        const res = await octokit.rest.issues.updateComment({
            owner: options.owner,
            repo: options.repo,
            comment_id: existing.id,
            body,
        });
        return { action: 'updated', id: res.data.id, url: res.data.html_url, previousBody };
    }
    catch (error) {
        return toFailure(error, endpoint);
    }
}

;// CONCATENATED MODULE: ./src/azure/args.ts

const CI_USAGE = `Usage: flowguard ci [paths...] [options]

Runs FlowGuard as a step of an Azure Pipelines job (detected from TF_BUILD and the build's variables).
On a pull-request build it compares the merge commit with the merge base of the target branch
(fetching what a shallow checkout lacks), keeps one FlowGuard thread on the pull request up to date
and posts a pull-request status. Findings become build issues, the Markdown report the build summary,
and the step fails by the --fail-on policy.

Options:
  --fail-on error|warning|note|never  fail the step when a finding at or above this severity exists (default: error)
  --fail-on-scope new|all             count only findings the pull request introduces, or all
                                      (default: new on pull requests and with --base-ref, else all)
  --config FILE                       configuration file (default: .github/flowguard.yml when present)
  --base-ref REF                      on other builds: compare with the merge base of REF and HEAD
  --release                           apply the release-branch policy (default: by the branch and the config)
  --comment always|on-findings|never  the pull-request thread (default: on-findings)
  --comment-key KEY                   keep a separate thread per key (two pipelines on one pull request)
  --status-name NAME                  pull-request status name (default: flowguard)
  --status-genre GENRE                pull-request status genre (default: flowguard)
  --no-status                         post no pull-request status
  --max-issues N                      findings logged as build issues, worst first (default: 10)
  --report-file FILE                  JSON report (default: $(Agent.TempDirectory)/flowguard-report.json)
  --sarif-file FILE                   SARIF 2.1.0 (default: $(Agent.TempDirectory)/flowguard.sarif)
  --summary-file FILE                 Markdown build summary (default: $(Agent.TempDirectory)/FlowGuard.md)
  -h, --help                          show this help

The pull-request thread and status need the build's token in the step's environment
(env: SYSTEM_ACCESSTOKEN: $(System.AccessToken)) and 'Contribute to pull requests' for the build
service on the repository; without them FlowGuard warns and still writes the summary and the result.

Exit codes: 0 ran (and no finding reached --fail-on), 1 findings at or above --fail-on, 2 usage or fatal error.`;
const COMMENT = ['always', 'on-findings', 'never'];
function parseCiArgs(argv) {
    const args = {
        paths: [],
        config: undefined,
        failOn: 'error',
        failOnScope: undefined,
        baseRef: undefined,
        release: undefined,
        comment: 'on-findings',
        commentKey: undefined,
        status: true,
        statusName: 'flowguard',
        statusGenre: 'flowguard',
        maxIssues: 10,
        reportFile: undefined,
        sarifFile: undefined,
        summaryFile: undefined,
        help: false,
    };
    eachFlag(argv, (flag, value, arg) => {
        if (analysisFlag(flag, value, args))
            return;
        switch (flag) {
            case '--comment':
                args.comment = oneOf(flag, value(), COMMENT);
                break;
            case '--comment-key':
                args.commentKey = value();
                break;
            case '--status-name':
                args.statusName = nonEmpty(flag, value());
                break;
            case '--status-genre':
                args.statusGenre = nonEmpty(flag, value());
                break;
            case '--no-status':
                args.status = false;
                break;
            case '--max-issues': {
                const v = value();
                if (!/^\d+$/.test(v))
                    throw new UsageError(`${flag} must be a whole number (got '${v}')`);
                args.maxIssues = Number(v);
                break;
            }
            case '--report-file':
                args.reportFile = value();
                break;
            case '--sarif-file':
                args.sarifFile = value();
                break;
            case '--summary-file':
                args.summaryFile = value();
                break;
            case '-h':
            case '--help':
                args.help = true;
                break;
            default:
                args.paths.push(pathArgument(arg));
        }
    });
    if (args.paths.length === 0)
        args.paths.push('.');
    return args;
}
function nonEmpty(flag, v) {
    if (v.trim() === '')
        throw new UsageError(`${flag} must not be empty`);
    return v.trim().slice(0, 200);
}

;// CONCATENATED MODULE: ./src/azure/base.ts
/**
 * The base of an Azure Repos pull-request build: the merge base of the target branch and the checked-out
 * commit (the PR's merge commit). Azure Pipelines checks out shallow (`fetchDepth: 1`) by default, with
 * only the merge commit: the target branch is fetched, and the history deepened in bounded steps until the
 * two meet. Reuses src/source/git.ts for everything but `fetch --deepen`.
 */


const base_FETCH_TIMEOUT_MS = 10 * 60 * 1000;
/** Deepening steps (commits each) tried before fetching the whole history. */
const DEEPEN_STEPS = [50, 200, 1000];
/**
 * The build token as an HTTP header for git, through `GIT_CONFIG_*` variables (never the command line):
 * the checkout step does not keep its credentials unless `persistCredentials: true`.
 */
function gitEnv(token) {
    const env = { ...process.env, GIT_TERMINAL_PROMPT: '0' };
    if (token) {
        const n = Number.parseInt(env.GIT_CONFIG_COUNT ?? '0', 10) || 0;
        env.GIT_CONFIG_COUNT = String(n + 1);
        env[`GIT_CONFIG_KEY_${n}`] = 'http.extraheader';
        env[`GIT_CONFIG_VALUE_${n}`] = `AUTHORIZATION: bearer ${token}`;
    }
    return env;
}
function git(cwd, args, token) {
    return new Promise((resolve) => {
        (0,external_node_child_process_namespaceObject.execFile)('git', args, { cwd, env: gitEnv(token), timeout: base_FETCH_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024, windowsHide: true }, (err, stdout, stderr) => resolve({ ok: !err, stdout: String(stdout), stderr: String(stderr).trim() }));
    });
}
async function isShallow(cwd) {
    const r = await git(cwd, ['rev-parse', '--is-shallow-repository'], undefined);
    return r.ok && r.stdout.trim() === 'true';
}
/**
 * Finds (fetching as needed) the merge base of `origin/<targetBranch>` and HEAD.
 * Undefined when the target branch cannot be found at all.
 */
async function pullRequestBase(cwd, targetBranch, token, log) {
    validateRev(targetBranch, 'target branch');
    const remoteRef = `refs/remotes/origin/${targetBranch}`;
    const refspec = `+refs/heads/${targetBranch}:${remoteRef}`;
    const shallow = await isShallow(cwd);
    log(`FlowGuard: fetching the target branch '${targetBranch}'${shallow ? ' (shallow checkout)' : ''}`);
    const fetched = token ? await fetchWithToken(cwd, refspec, shallow ? 50 : undefined, token) : await fetchCommit(cwd, refspec, 'origin', shallow ? 50 : undefined);
    if (!fetched)
        log(`FlowGuard: could not fetch '${targetBranch}' from origin; using what the checkout has`);
    const target = (await resolveCommit(cwd, remoteRef).catch(() => undefined)) ?? (await resolveCommit(cwd, targetBranch).catch(() => undefined));
    if (!target)
        return undefined;
    let base = await mergeBase(cwd, target, 'HEAD').catch(() => undefined);
    if (!base && (await isShallow(cwd))) {
        for (const depth of DEEPEN_STEPS) {
            log(`FlowGuard: no merge base in the fetched history yet; deepening by ${depth} commits`);
            const r = await git(cwd, ['fetch', '--quiet', '--no-tags', '--no-recurse-submodules', `--deepen=${depth}`, 'origin', refspec], token);
            if (!r.ok)
                break;
            base = await mergeBase(cwd, target, 'HEAD').catch(() => undefined);
            if (base || !(await isShallow(cwd)))
                break;
        }
        if (!base && (await isShallow(cwd))) {
            log('FlowGuard: fetching the whole history to find the merge base');
            await git(cwd, ['fetch', '--quiet', '--no-tags', '--no-recurse-submodules', '--unshallow', 'origin', refspec], token);
            base = await mergeBase(cwd, target, 'HEAD').catch(() => undefined);
        }
    }
    if (!base)
        log(`FlowGuard: '${targetBranch}' and the checked-out commit share no history; comparing with the tip of '${targetBranch}'`);
    return { commit: base ?? target, target, isMergeBase: base !== undefined };
}
async function fetchWithToken(cwd, refspec, depth, token) {
    const args = ['fetch', '--quiet', '--no-tags', '--no-recurse-submodules', ...(depth ? [`--depth=${depth}`] : []), 'origin', refspec];
    return (await git(cwd, args, token)).ok;
}

;// CONCATENATED MODULE: ./src/azure/client.ts
/**
 * A small client for the Azure DevOps REST API: bearer token, JSON in and out, bounded retries of
 * server errors and throttling (5xx, 429, network failures) with exponential backoff that honours
 * `Retry-After`, and list calls that follow `x-ms-continuationtoken` for a bounded number of pages.
 */
class AzureHttpError extends Error {
    status;
    apiMessage;
    typeKey;
    constructor(status, message, 
    /** Azure DevOps' own message (`TF401027: You need the Git 'PullRequestContribute' permission …`). */
    apiMessage, 
    /** Azure DevOps' exception type (`GitNeedsPermissionException`). */
    typeKey) {
        super(message);
        this.status = status;
        this.apiMessage = apiMessage;
        this.typeKey = typeKey;
        this.name = 'AzureHttpError';
    }
}
/** List pages read at most while following continuation tokens. */
const MAX_PAGES = 100;
const USER_AGENT = 'flowguard-azure-pipelines';
class AzureDevOpsClient {
    o;
    /** Requests sent, retries included (for the log and tests). */
    requestCount = 0;
    constructor(options) {
        this.o = {
            maxRetries: 3,
            baseDelayMs: 500,
            maxDelayMs: 10_000,
            timeoutMs: 30_000,
            log: () => undefined,
            fetch: globalThis.fetch.bind(globalThis),
            sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
            ...options,
        };
    }
    async request(method, url, options = {}) {
        const retryServer = options.retryServerErrors ?? true;
        for (let attempt = 0;; attempt++) {
            let res;
            try {
                this.requestCount++;
                res = await this.o.fetch(url, {
                    method,
                    headers: {
                        authorization: `Bearer ${this.o.token}`,
                        accept: 'application/json',
                        'user-agent': USER_AGENT,
                        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
                    },
                    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
                    redirect: 'manual',
                    signal: AbortSignal.timeout(this.o.timeoutMs),
                });
            }
            catch (err) {
                if (retryServer && attempt < this.o.maxRetries) {
                    await this.wait(attempt, undefined, `${method} ${redact(url)} failed (${err.message})`);
                    continue;
                }
                throw new AzureHttpError(0, `${method} ${redact(url)} failed: ${err.message}`);
            }
            const retryable = res.status === 429 || (retryServer && res.status >= 500);
            if (retryable && attempt < this.o.maxRetries) {
                await res.arrayBuffer().catch(() => undefined);
                await this.wait(attempt, res.headers.get('retry-after'), `${method} ${redact(url)} answered HTTP ${res.status}`);
                continue;
            }
            return this.parse(method, url, res);
        }
    }
    /**
     * Every item of a list endpoint (`{ value: [...] }`), following `x-ms-continuationtoken` as the
     * `continuationToken` query parameter, at most `maxPages` pages. `truncated` says the cap was hit.
     */
    async list(url, maxPages = MAX_PAGES) {
        const items = [];
        let token = null;
        const seen = new Set();
        for (let page = 0; page < maxPages; page++) {
            const pageUrl = token === null ? url : withQuery(url, 'continuationToken', token);
            const res = await this.request('GET', pageUrl);
            if (Array.isArray(res.data?.value))
                items.push(...res.data.value);
            token = res.headers.get('x-ms-continuationtoken');
            if (!token)
                return { items, truncated: false };
            // A server that hands out the same token twice would loop forever.
            if (seen.has(token))
                return { items, truncated: true };
            seen.add(token);
        }
        return { items, truncated: true };
    }
    async wait(attempt, retryAfter, why) {
        const asked = retryAfter !== null && retryAfter !== undefined && /^\d+(\.\d+)?$/.test(retryAfter.trim()) ? Number(retryAfter) * 1000 : undefined;
        const ms = Math.min(this.o.maxDelayMs, asked ?? this.o.baseDelayMs * 2 ** attempt);
        this.o.log(`FlowGuard: ${why}; retrying in ${Math.round(ms)} ms (attempt ${attempt + 2} of ${this.o.maxRetries + 1})`);
        await this.o.sleep(ms);
    }
    async parse(method, url, res) {
        const text = await res.text();
        const type = res.headers.get('content-type') ?? '';
        // An unknown or expired token gets 203 and a sign-in page rather than 401.
        if (res.status === 203 || (res.ok && /text\/html/i.test(type))) {
            throw new AzureHttpError(401, `${method} ${redact(url)}: the access token was not accepted (HTTP ${res.status}, a sign-in page)`);
        }
        let data;
        try {
            data = text === '' ? undefined : JSON.parse(text);
        }
        catch {
            data = undefined;
        }
        if (!res.ok) {
            const body = (typeof data === 'object' && data !== null ? data : {});
            const apiMessage = typeof body.message === 'string' ? body.message.slice(0, 500) : text.trim().slice(0, 200) || undefined;
            const typeKey = typeof body.typeKey === 'string' ? body.typeKey : undefined;
            throw new AzureHttpError(res.status, `${method} ${redact(url)}: HTTP ${res.status}${apiMessage ? ` (${apiMessage})` : ''}`, apiMessage, typeKey);
        }
        return { status: res.status, data: data, headers: res.headers };
    }
}
/** Adds (or replaces) one query parameter. */
function withQuery(url, name, value) {
    const u = new URL(url);
    u.searchParams.set(name, value);
    return u.toString();
}
/** The URL without its query (continuation tokens are opaque and long). */
function redact(url) {
    return url.replace(/\?.*$/, '');
}

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/azure/env.ts
/**
 * What an Azure Pipelines build tells a step through its environment (predefined variables, upper-cased,
 * dots as underscores). Only read here; nothing else in src/azure looks at `process.env`.
 */

/** True when the variables say this is an Azure Pipelines job (`TF_BUILD=True`). */
function isAzurePipelines(env) {
    return (env.TF_BUILD ?? '').toLowerCase() === 'true';
}
/** A value the pipeline left as an unexpanded macro (`$(System.AccessToken)`) counts as unset. */
function value(env, name) {
    const v = env[name]?.trim();
    if (v === undefined || v === '' || /^\$\([^)]*\)$/.test(v))
        return undefined;
    return v;
}
function branchName(ref) {
    if (ref === undefined)
        return undefined;
    return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : ref;
}
/** The Azure Pipelines context, or undefined outside Azure Pipelines. */
function readAzureEnv(env) {
    if (!isAzurePipelines(env))
        return undefined;
    const prId = value(env, 'SYSTEM_PULLREQUEST_PULLREQUESTID');
    const prNumber = prId !== undefined && /^\d+$/.test(prId) ? Number(prId) : undefined;
    const collection = value(env, 'SYSTEM_COLLECTIONURI');
    return {
        buildReason: value(env, 'BUILD_REASON') ?? '',
        pullRequestId: prNumber,
        targetBranch: branchName(value(env, 'SYSTEM_PULLREQUEST_TARGETBRANCH')),
        sourceBranch: branchName(value(env, 'BUILD_SOURCEBRANCH')),
        collectionUri: collection === undefined ? undefined : collection.replace(/\/*$/, '/'),
        project: value(env, 'SYSTEM_TEAMPROJECT'),
        repositoryId: value(env, 'BUILD_REPOSITORY_ID'),
        repositoryName: value(env, 'BUILD_REPOSITORY_NAME'),
        repositoryProvider: value(env, 'BUILD_REPOSITORY_PROVIDER'),
        token: value(env, 'SYSTEM_ACCESSTOKEN'),
        buildId: value(env, 'BUILD_BUILDID'),
        tempDir: value(env, 'AGENT_TEMPDIRECTORY') ?? (0,external_node_os_namespaceObject.tmpdir)(),
    };
}
/** A pull-request build: `Build.Reason` is `PullRequest` and the pull request and its target are known. */
function isPullRequestBuild(e) {
    return e.buildReason === 'PullRequest' && e.pullRequestId !== undefined && e.targetBranch !== undefined;
}
/** Whether the pull request lives in Azure Repos, where the threads and statuses API applies. */
function isAzureRepos(e) {
    return e.repositoryProvider === undefined || e.repositoryProvider === 'TfsGit';
}
/** The pull request's API root: `{collection}{project}/_apis/git/repositories/{repo}/pullRequests/{id}`. */
function pullRequestApi(e) {
    if (!e.collectionUri || !e.project || !e.repositoryId || e.pullRequestId === undefined)
        return undefined;
    return `${e.collectionUri}${encodeURIComponent(e.project)}/_apis/git/repositories/${encodeURIComponent(e.repositoryId)}/pullRequests/${e.pullRequestId}`;
}
/** The build's results page (the summary tab the Markdown report is uploaded to). */
function buildUrl(e) {
    if (!e.collectionUri || !e.project || !e.buildId)
        return undefined;
    return `${e.collectionUri}${encodeURIComponent(e.project)}/_build/results?buildId=${encodeURIComponent(e.buildId)}`;
}

;// CONCATENATED MODULE: ./src/report/annotations.ts


/** GitHub shows at most 10 annotations of each level per step (and 50 per job). */
const MAX_ANNOTATIONS = 10;
/** GitHub truncates long annotation messages; keep them readable. */
const MAX_ANNOTATION_MESSAGE = 4000;
/**
 * Workflow annotations for findings: at most `max`, worst first (errors, then warnings, then notes),
 * otherwise in input order. Messages are plain text (redacted, control characters removed, newlines
 * kept — the sink's annotation command escapes them) and name the path inside an archive, which
 * GitHub cannot show. There are no line numbers, so `startLine` is left out (a file-level annotation).
 */
function toAnnotations(findings, max = MAX_ANNOTATIONS) {
    const limit = Math.max(0, Math.floor(max));
    const ordered = findings
        .map((f, i) => ({ f, i }))
        .sort((a, b) => severityRank(a.f.severity) - severityRank(b.f.severity) || a.i - b.i)
        .map((x) => x.f);
    const annotations = ordered.slice(0, limit).map(toAnnotation);
    return { annotations, overflow: ordered.length - annotations.length };
}
function toAnnotation(f) {
    const lines = [stripControlKeepNewlines(redactSecrets(f.message))];
    if (f.location.inner)
        lines.push(`In ${plainText(f.location.inner, 500)}.`);
    if (f.errorCodes.length > 0)
        lines.push(`Predicted errors: ${f.errorCodes.map((c) => plainText(c, 100)).join(', ')}.`);
    const firstStep = f.mitigation[0];
    if (firstStep !== undefined) {
        const more = f.mitigation.length > 1 ? ` (${plural(f.mitigation.length - 1, 'more step')} in the report)` : '';
        lines.push(`Fix: ${plainText(firstStep)}${more}`);
    }
    return {
        level: SEVERITY_STYLE[f.severity]?.annotation ?? 'warning',
        message: truncate(lines.join('\n'), MAX_ANNOTATION_MESSAGE),
        title: plainText(`${f.ruleId} ${f.rule}`, 200),
        file: plainText(f.location.file, 1000),
    };
}

;// CONCATENATED MODULE: ./src/azure/logging.ts

const ESCAPES = [
    [/%/g, '%AZP25'],
    [/;/g, '%3B'],
    [/\r/g, '%0D'],
    [/\n/g, '%0A'],
    [/]/g, '%5D'],
];
/** Escapes a property value or message of a logging command. */
function escapeCommand(text) {
    let out = text;
    for (const [re, to] of ESCAPES)
        out = out.replace(re, to);
    return out;
}
/** Undoes {@link escapeCommand} (for tests and for reading logs). */
function unescapeCommand(text) {
    return text.replace(/%3B/g, ';').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%5D/g, ']').replace(/%AZP25/g, '%');
}
/** One logging command line, without the line ending. Property names are trusted; empty values are left out. */
function command(name, properties, message = '') {
    const props = Object.entries(properties)
        .filter((e) => e[1] !== undefined && e[1] !== '')
        .map(([k, v]) => `${k}=${escapeCommand(String(v))}`)
        .join(';');
    return `##vso[${name}${props ? ` ${props}` : ''}]${escapeCommand(message)}`;
}
/**
 * A line for the log that the agent will not read as a command: the agent looks for `##vso[` (and `##[`)
 * anywhere in a line, so untrusted text must not carry one; line breaks become spaces.
 */
function plainLine(text) {
    return text.replace(/\r?\n|\r/g, ' ').replace(/##(vso)?\[/gi, (m) => `# ${m.slice(1)}`);
}
function logIssue(type, message, o = {}) {
    return command('task.logissue', { type, sourcepath: o.sourcepath, linenumber: o.linenumber, code: o.code }, message);
}
function uploadSummary(file) {
    return command('task.uploadsummary', {}, file);
}
function complete(result, message) {
    // `result=Failed;` with the trailing `;`, as the documentation writes it.
    return `##vso[task.complete result=${result};]${escapeCommand(message)}`;
}
function setVariable(name, value) {
    return command('task.setvariable', { variable: name }, String(value));
}
/**
 * The findings as issues of the build, worst first and capped like GitHub annotations, each on its file
 * (`linenumber=1`: FlowGuard reports files, not lines). Message texts come from {@link toAnnotations}:
 * plain, redacted, with the path inside an archive and the first fix step.
 */
function findingIssues(findings, max = MAX_ANNOTATIONS) {
    const { annotations, overflow } = toAnnotations(findings, max);
    const lines = annotations.map((a) => {
        const text = `${a.title}: ${a.message}`;
        if (a.level === 'notice')
            return plainLine(`FlowGuard note: ${a.file}: ${text}`);
        const ruleId = /^(FG\d{3})\b/.exec(a.title)?.[1];
        return logIssue(a.level, text, { sourcepath: a.file, linenumber: 1, ...(ruleId ? { code: ruleId } : {}) });
    });
    if (overflow > 0)
        lines.push(`FlowGuard: ${overflow} more finding(s) are not listed as issues; see the FlowGuard build summary.`);
    return { lines, overflow };
}

;// CONCATENATED MODULE: ./src/azure/thread.ts
/**
 * The pull request's FlowGuard thread and status in Azure Repos.
 *
 * One thread per pull request (per marker): found by the hidden marker that starts its first comment,
 * its comment updated in place, its status `active` while the change has findings and `fixed` when they
 * are gone. A status (`…/pullRequests/{id}/statuses`) says failed or succeeded under a configurable
 * context, so a branch policy can require it. HTTP failures come back as a typed result, never thrown.
 */

const API_VERSION = '7.1';
/** What to grant when the token may not write to the pull request. */
const PERMISSION = 'Contribute to pull requests';
const thread_STILL_WRITTEN = 'The build summary, the issues and the result of this step were still written.';
function api(base, path) {
    return `${base}${path}${path.includes('?') ? '&' : '?'}api-version=${API_VERSION}`;
}
/** A warning for a failed call that names what to grant (401/403/404) or says what happened. */
function thread_describeFailure(err, doing, repository) {
    const status = err instanceof AzureHttpError ? err.status : 0;
    const said = err instanceof AzureHttpError && err.apiMessage ? ` (Azure DevOps said: ${err.apiMessage})` : '';
    const repo = repository ? ` on the repository '${repository}'` : ' on the repository';
    const grant = `grant the build service identity ('<project> Build Service (<organization>)') '${PERMISSION}'${repo} (Project settings → Repositories → Security)`;
    let message;
    if (status === 401) {
        message = `FlowGuard could not ${doing}: the access token was rejected (HTTP 401). Map it into the step (env: SYSTEM_ACCESSTOKEN: $(System.AccessToken)) and ${grant}.`;
    }
    else if (status === 403) {
        message = `FlowGuard could not ${doing}: the build's access token may not write to the pull request (HTTP 403)${said}. To let FlowGuard comment, ${grant}.`;
    }
    else if (status === 404) {
        message = `FlowGuard could not ${doing}: the pull request or repository was not found (HTTP 404)${said}. Check that the token may read it ('Limit job authorization scope' settings) and ${grant}.`;
    }
    else if (status === 0) {
        message = `FlowGuard could not ${doing}: ${err.message}.`;
    }
    else {
        message = `FlowGuard could not ${doing}: HTTP ${status}${said}.`;
    }
    return { action: 'failed', status, message: `${message} ${thread_STILL_WRITTEN}` };
}
/** The warning when the pipeline did not map the token into the step. */
function missingTokenMessage(repository) {
    const repo = repository ? ` on the repository '${repository}'` : '';
    return `FlowGuard could not update the pull request: SYSTEM_ACCESSTOKEN is not set. Map it into the step (env: SYSTEM_ACCESSTOKEN: $(System.AccessToken)) and grant the build service identity '${PERMISSION}'${repo}. ${thread_STILL_WRITTEN}`;
}
function firstComment(t) {
    return (t.comments ?? []).filter((c) => !c.isDeleted).sort((a, b) => a.id - b.id)[0];
}
function isOurs(t, marker) {
    if (t.isDeleted)
        return false;
    const c = firstComment(t);
    return c !== undefined && c.commentType !== 'system' && (c.content ?? '').trimStart().startsWith(marker);
}
/** The newest live thread whose first comment starts with the marker. */
async function findThread(client, prApi, marker) {
    const { items } = await client.list(api(prApi, '/threads'));
    const ours = items.filter((t) => isOurs(t, marker)).sort((a, b) => b.id - a.id)[0];
    if (!ours)
        return undefined;
    return { thread: ours, comment: firstComment(ours) };
}
const thread_normalize = (s) => s.replace(/\r\n/g, '\n').trimEnd();
const statusName = (s) => (typeof s === 'number' ? ['unknown', 'active', 'fixed', 'wontFix', 'closed', 'byDesign', 'pending'][s] : s);
/** Attempts at creating the thread; between them the threads are listed again, so a 5xx that did create one is not repeated. */
const CREATE_ATTEMPTS = 3;
/**
 * Creates, updates or leaves the FlowGuard thread.
 * - `never`: no request.
 * - no thread yet: created `active` (or `fixed`), unless `on-findings` and nothing is worth posting.
 * - a thread: its comment is updated when the content differs; its status set to `active` when there are
 *   findings and the content changed (or it was fixed), to `fixed` when there are none. A thread a person
 *   closed or marked won't-fix stays so while the report is the same.
 */
async function upsertThread(client, o) {
    if (o.mode === 'never')
        return { action: 'skipped', reason: 'comment mode is never' };
    const content = o.content.trimStart().startsWith(o.marker) ? o.content : `${o.marker}\n${o.content}`;
    const want = o.hasFindings ? 'active' : 'fixed';
    let step = 'read the pull request threads';
    try {
        let found = await findThread(client, o.prApi, o.marker);
        if (!found) {
            if (o.mode === 'on-findings' && !o.worthPosting)
                return { action: 'skipped', reason: 'no findings and no earlier FlowGuard thread' };
            step = 'create the pull request thread';
            for (let attempt = 1;; attempt++) {
                try {
                    const res = await client.request('POST', api(o.prApi, '/threads'), {
                        body: { comments: [{ parentCommentId: 0, content, commentType: 'text' }], status: want },
                        retryServerErrors: false,
                    });
                    const comment = firstComment(res.data) ?? { id: 1 };
                    return { action: 'created', threadId: res.data.id, commentId: comment.id, status: want };
                }
                catch (err) {
                    const retry = err instanceof AzureHttpError && (err.status === 0 || err.status >= 500) && attempt < CREATE_ATTEMPTS;
                    if (!retry)
                        throw err;
                    o.log?.(`FlowGuard: creating the thread failed (${err.message}); checking whether it was created before trying again`);
                    await new Promise((r) => setTimeout(r, 500 * attempt));
                    found = await findThread(client, o.prApi, o.marker);
                    if (found)
                        break;
                }
            }
        }
        const { thread, comment } = found;
        const changed = thread_normalize(comment.content ?? '') !== thread_normalize(content);
        if (changed) {
            step = 'update the pull request thread';
            await client.request('PATCH', api(o.prApi, `/threads/${thread.id}/comments/${comment.id}`), { body: { content } });
        }
        const current = statusName(thread.status);
        const setStatus = o.hasFindings ? current !== 'active' && (changed || current === 'fixed' || current === undefined) : current !== 'fixed';
        if (setStatus) {
            step = 'set the status of the pull request thread';
            await client.request('PATCH', api(o.prApi, `/threads/${thread.id}`), { body: { status: want } });
        }
        const status = (setStatus ? want : current ?? want);
        return { action: changed || setStatus ? 'updated' : 'unchanged', threadId: thread.id, commentId: comment.id, status };
    }
    catch (err) {
        if (!(err instanceof AzureHttpError))
            throw err;
        return thread_describeFailure(err, step, o.repository);
    }
}
/** Posts the pull-request status (the newest status of a context is the one a branch policy reads). */
async function postStatus(client, o) {
    try {
        const res = await client.request('POST', api(o.prApi, '/statuses'), {
            body: {
                state: o.state,
                description: o.description.slice(0, 500),
                context: { name: o.name, genre: o.genre },
                ...(o.targetUrl ? { targetUrl: o.targetUrl } : {}),
            },
        });
        return { action: 'posted', id: res.data?.id };
    }
    catch (err) {
        if (!(err instanceof AzureHttpError))
            throw err;
        return thread_describeFailure(err, 'post the pull request status', o.repository);
    }
}

;// CONCATENATED MODULE: ./src/azure/run.ts
/**
 * `flowguard ci`: FlowGuard as a step of an Azure Pipelines job. Analyses (a pull request against the
 * merge base of its target branch, else the checked-out tree or `--base-ref`), writes the JSON and SARIF
 * reports and the Markdown build summary, logs findings as build issues, keeps the pull request's
 * FlowGuard thread and status up to date, and fails the step by the `--fail-on` policy.
 * Reporting to the pull request is best effort: its failures are warnings, never the step's result.
 */


















/** Runs `flowguard ci`; returns the exit code (0 ran, 1 findings at or above --fail-on, 2 usage or fatal error). */
async function runCi(argv, io) {
    let args;
    try {
        args = parseCiArgs(argv);
    }
    catch (err) {
        if (err instanceof UsageError) {
            io.stderr(`flowguard ci: ${err.message}\n\n${CI_USAGE}\n`);
            return 2;
        }
        throw err;
    }
    if (args.help) {
        io.stdout(`${CI_USAGE}\n`);
        return 0;
    }
    const az = readAzureEnv(io.env ?? process.env);
    if (!az) {
        io.stderr('flowguard ci: no Azure Pipelines job found (TF_BUILD is not True). Outside a pipeline, run flowguard without "ci"; on GitHub, use the FlowGuard action.\n');
        return 2;
    }
    const line = (text) => io.stdout(`${text}\n`);
    const log = (text) => line(plainLine(text));
    try {
        return await ci(args, az, io.cwd, line, log);
    }
    catch (err) {
        const message = err instanceof ConfigError || err instanceof BaseError ? err.message : err.message;
        line(logIssue('error', `FlowGuard could not run: ${message}`));
        line(complete('Failed', 'FlowGuard could not run'));
        return 2;
    }
}
async function ci(args, az, cwd, line, log) {
    const config = await loadConfig(cwd, args.config);
    const pr = isPullRequestBuild(az);
    const branch = pr ? az.targetBranch : az.sourceBranch;
    const release = args.release ?? isReleaseBranch(branch, config);
    log(`FlowGuard: Azure Pipelines ${az.buildReason || 'build'}${pr ? ` of pull request ${az.pullRequestId} into '${az.targetBranch}'` : branch ? ` of '${branch}'` : ''}${release ? ' (release policy)' : ''}`);
    const { analysis, compared } = await analyse(args, az, cwd, config, release, log);
    const report = analysis.report;
    const rctx = renderContext(compared);
    const scope = args.failOnScope ?? (compared ? 'new' : 'all');
    const visible = compared ? report.findings.filter((f) => f.status !== 'existing') : report.findings;
    // Files first: everything after this may fail without losing the report.
    const reportFile = resolvePath(cwd, args.reportFile ?? (0,external_node_path_namespaceObject.join)(az.tempDir, 'flowguard-report.json'));
    const sarifFile = resolvePath(cwd, args.sarifFile ?? (0,external_node_path_namespaceObject.join)(az.tempDir, 'flowguard.sarif'));
    const summaryFile = resolvePath(cwd, args.summaryFile ?? (0,external_node_path_namespaceObject.join)(az.tempDir, 'FlowGuard.md'));
    await write(reportFile, renderJson(report));
    await write(sarifFile, renderSarifJson(report, rctx));
    await write(summaryFile, fitBytes(markdown_renderMarkdown(report, rctx, { maxLength: 1_000_000, fullReportHint: `the JSON report (${reportFile})` })));
    line(uploadSummary(summaryFile));
    for (const l of findingIssues(visible, args.maxIssues).lines)
        line(l);
    variables(line, report, reportFile, sarifFile);
    const counted = gatingFindings(report.findings, args.failOn, scope);
    const failing = counted.length > 0;
    if (pr)
        await reportToPullRequest(args, az, report, rctx, visible, failing, counted, compared, line, log);
    if (failing) {
        const what = `FlowGuard: ${counted.length} ${scope === 'new' && compared ? 'new ' : ''}finding(s) at or above '${args.failOn}'. See the FlowGuard build summary for what breaks and how to fix it.`;
        line(logIssue('error', what));
        line(complete('Failed', what));
        return 1;
    }
    log(`FlowGuard: ${visible.length === 0 ? 'no' : visible.length} ${compared ? 'new ' : ''}finding(s)${args.failOn === 'never' ? '' : `; none at or above '${args.failOn}'`}.`);
    return 0;
}
async function analyse(args, az, cwd, config, release, log) {
    const options = { cwd, paths: args.paths, config, release };
    if (args.baseRef !== undefined) {
        return { analysis: await analyzeChange({ ...options, base: { ref: args.baseRef } }), compared: true };
    }
    if (isPullRequestBuild(az)) {
        // The build's token is for Azure Repos: never sent to a GitHub or Bitbucket remote.
        const base = await pullRequestBase(cwd, az.targetBranch, isAzureRepos(az) ? az.token : undefined, log);
        if (!base)
            throw new BaseError(`the target branch '${az.targetBranch}' is not in the checkout and cannot be fetched from origin (check out with fetchDepth: 0, or persistCredentials: true)`);
        log(`FlowGuard: comparing the checked-out tree with ${base.commit.slice(0, 12)} (${base.isMergeBase ? 'the merge base' : 'the tip'} of '${az.targetBranch}')`);
        return { analysis: await analyzeChange({ ...options, base: { ref: base.commit } }), compared: true };
    }
    return { analysis: await analyze(options), compared: false };
}
async function reportToPullRequest(args, az, report, rctx, visible, failing, counted, compared, line, log) {
    if (args.comment === 'never' && !args.status)
        return;
    if (!isAzureRepos(az)) {
        log(`FlowGuard: the repository is on ${az.repositoryProvider}, not Azure Repos; no pull-request thread or status (see the build summary).`);
        return;
    }
    const prApi = pullRequestApi(az);
    if (!prApi) {
        line(logIssue('warning', 'FlowGuard could not update the pull request: SYSTEM_COLLECTIONURI, SYSTEM_TEAMPROJECT or BUILD_REPOSITORY_ID is not set. The build summary and the result of this step were still written.'));
        return;
    }
    if (!az.token) {
        line(logIssue('warning', missingTokenMessage(az.repositoryName)));
        return;
    }
    const client = new AzureDevOpsClient({ token: az.token, log });
    const marker = markerFor(args.commentKey);
    const fixed = report.fixed?.length ?? 0;
    const thread = await upsertThread(client, {
        prApi,
        marker,
        content: markdown_renderMarkdown(report, rctx, { marker, fullReportHint: 'the FlowGuard summary of the build' }),
        mode: args.comment,
        hasFindings: visible.length > 0,
        worthPosting: visible.length > 0 || fixed > 0,
        ...(az.repositoryName ? { repository: az.repositoryName } : {}),
        log,
    });
    if (thread.action === 'failed')
        line(logIssue('warning', thread.message));
    else if (thread.action === 'skipped')
        log(`FlowGuard: no pull-request thread (${thread.reason}).`);
    else
        log(`FlowGuard: pull-request thread ${thread.threadId} ${thread.action} (${thread.status}).`);
    // A token that may not write threads may not write statuses either: one warning is enough.
    if (!args.status || (thread.action === 'failed' && [401, 403].includes(thread.status)))
        return;
    const url = buildUrl(az);
    const status = await postStatus(client, {
        prApi,
        state: failing ? 'failed' : 'succeeded',
        description: failing
            ? `${counted.length} ${compared ? 'new ' : ''}finding(s) at or above ${args.failOn}`
            : visible.length > 0
                ? `${visible.length} ${compared ? 'new ' : ''}finding(s), none at or above ${args.failOn}`
                : `No ${compared ? 'new ' : ''}integration problems`,
        name: args.statusName,
        genre: args.statusGenre,
        ...(url ? { targetUrl: url } : {}),
        ...(az.repositoryName ? { repository: az.repositoryName } : {}),
    });
    if (status.action === 'failed')
        line(logIssue('warning', status.message));
    else
        log(`FlowGuard: pull-request status ${args.statusGenre}/${args.statusName}: ${failing ? 'failed' : 'succeeded'}.`);
}
function variables(line, report, reportFile, sarifFile) {
    line(setVariable('FLOWGUARD_ERROR_COUNT', report.counts.error));
    line(setVariable('FLOWGUARD_WARNING_COUNT', report.counts.warning));
    line(setVariable('FLOWGUARD_NOTE_COUNT', report.counts.note));
    line(setVariable('FLOWGUARD_NEW_COUNT', report.counts.new ?? report.findings.length));
    line(setVariable('FLOWGUARD_MAX_SEVERITY', worstSeverity(report.findings)));
    line(setVariable('FLOWGUARD_REPORT_FILE', reportFile));
    line(setVariable('FLOWGUARD_SARIF_FILE', sarifFile));
}
function resolvePath(cwd, p) {
    return (0,external_node_path_namespaceObject.isAbsolute)(p) ? p : (0,external_node_path_namespaceObject.join)(cwd, p);
}
async function write(path, text) {
    await (0,promises_namespaceObject.mkdir)((0,external_node_path_namespaceObject.dirname)(path), { recursive: true });
    await (0,promises_namespaceObject.writeFile)(path, text);
}

;// CONCATENATED MODULE: ./src/cli/args.ts


const FORMATS = ['json', 'text', 'markdown', 'sarif'];
const USAGE = `Usage: flowguard [paths...] [options]
       flowguard ci [paths...] [options]   (in an Azure Pipelines job; flowguard ci --help)

Analyses Power Platform solution exports (zips, unpacked folders) under the given paths
(default: .) and predicts canvas app <-> cloud flow integration failures.

Options:
  --format json|text|markdown|sarif   output format (default: text)
  --output FILE                       write the report to FILE instead of standard output
  --config FILE                       configuration file (default: .github/flowguard.yml when present)
  --fail-on error|warning|note|never  exit 1 when a finding at or above this severity exists (default: never)
  --fail-on-scope new|all             with a base: count only new findings, or all (default: new)
  --base-ref REF                      compare with the merge base of REF and HEAD (git)
  --base-path PATH                    compare with an explicit base export (file or folder)
  --release                           apply the release-branch policy (live-app mitigations)
  -h, --help                          show this help
  --version                           show the version

Examples:
  flowguard solutions                                  check every export under solutions/
  flowguard solutions --base-ref origin/main           only what this branch changes
  flowguard new.zip --base-path old.zip --fail-on error
  flowguard solutions --format markdown --output flowguard.md

Exit codes: 0 ran (and no finding reached --fail-on), 1 findings at or above --fail-on, 2 usage or fatal error.`;
function parseArgs(argv) {
    const args = {
        paths: [],
        format: 'text',
        output: undefined,
        config: undefined,
        failOn: undefined,
        failOnScope: undefined,
        baseRef: undefined,
        basePath: undefined,
        release: false,
        help: false,
        version: false,
    };
    eachFlag(argv, (flag, value, arg) => {
        if (analysisFlag(flag, value, args))
            return;
        switch (flag) {
            case '--format':
                args.format = oneOf(flag, value(), FORMATS);
                break;
            case '--output':
            case '-o':
                args.output = value();
                break;
            case '--base-path':
                args.basePath = value();
                break;
            case '-h':
            case '--help':
                args.help = true;
                break;
            case '--version':
                args.version = true;
                break;
            default:
                args.paths.push(pathArgument(arg));
        }
    });
    if (args.baseRef !== undefined && args.basePath !== undefined)
        throw new UsageError('give --base-ref or --base-path, not both');
    if (args.paths.length === 0)
        args.paths.push('.');
    return args;
}

;// CONCATENATED MODULE: ./src/cli/main.ts













/**
 * Colours for the text format: never into a file, off when NO_COLOR is set to anything (https://no-color.org),
 * on when FORCE_COLOR is set (and not 0 or false), else only on a terminal that is not `dumb`.
 */
function useColor(io, toFile) {
    const env = io.env ?? {};
    if (toFile)
        return false;
    if (env.NO_COLOR !== undefined && env.NO_COLOR !== '')
        return false;
    if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '')
        return !/^(0|false)$/i.test(env.FORCE_COLOR);
    return io.isTTY === true && env.TERM !== 'dumb';
}
function main_render(report, format, ctx, color = false) {
    switch (format) {
        case 'json':
            return renderJson(report);
        case 'sarif':
            return renderSarifJson(report, ctx);
        case 'markdown':
            // A file or terminal has no comment size limit: the whole report, fix steps included.
            return markdown_renderMarkdown(report, ctx, { maxLength: 10_000_000 });
        case 'text':
            return renderText(report, ctx, { color });
    }
}
/** Runs the CLI; returns the exit code (0 ran, 1 findings at or above --fail-on, 2 usage or fatal error). */
async function runCli(argv, io) {
    if (argv[0] === 'ci')
        return runCi(argv.slice(1), io);
    let args;
    try {
        args = parseArgs(argv);
    }
    catch (err) {
        if (err instanceof UsageError) {
            io.stderr(`flowguard: ${err.message}\n\n${USAGE}\n`);
            return 2;
        }
        throw err;
    }
    if (args.help) {
        io.stdout(`${USAGE}\n`);
        return 0;
    }
    if (args.version) {
        io.stdout(`${VERSION}\n`);
        return 0;
    }
    try {
        const config = await loadConfig(io.cwd, args.config);
        const compared = args.baseRef !== undefined || args.basePath !== undefined;
        const options = { cwd: io.cwd, paths: args.paths, config, release: args.release };
        const analysis = compared
            ? await analyzeChange({ ...options, base: { ...(args.baseRef !== undefined ? { ref: args.baseRef } : {}), ...(args.basePath !== undefined ? { path: args.basePath } : {}) } })
            : await analyze(options);
        const report = analysis.report;
        const out = main_render(report, args.format, renderContext(compared), useColor(io, args.output !== undefined));
        if (args.output)
            await (0,promises_namespaceObject.writeFile)((0,external_node_path_namespaceObject.resolve)(io.cwd, args.output), out);
        else
            io.stdout(out);
        const failOn = args.failOn ?? 'never';
        return gate(report.findings, failOn, args.failOnScope ?? (compared ? 'new' : 'all')) ? 1 : 0;
    }
    catch (err) {
        const message = err instanceof ConfigError || err instanceof BaseError ? err.message : err.message;
        io.stderr(`flowguard: ${message}\n`);
        return 2;
    }
}


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 7349:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveBlockMap = __nccwpck_require__(7103);
var resolveBlockSeq = __nccwpck_require__(334);
var resolveFlowCollection = __nccwpck_require__(3142);

function resolveCollection(CN, ctx, token, onError, tagName, tag) {
    const coll = token.type === 'block-map'
        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
        : token.type === 'block-seq'
            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
    const Coll = coll.constructor;
    // If we got a tagName matching the class, or the tag name is '!',
    // then use the tagName from the node class used to create it.
    if (tagName === '!' || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
    }
    if (tagName)
        coll.tag = tagName;
    return coll;
}
function composeCollection(CN, ctx, token, props, onError) {
    const tagToken = props.tag;
    const tagName = !tagToken
        ? null
        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
    if (token.type === 'block-seq') {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken
            ? anchor.offset > tagToken.offset
                ? anchor
                : tagToken
            : (anchor ?? tagToken);
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
            const message = 'Missing newline after block sequence props';
            onError(lastProp, 'MISSING_CHAR', message);
        }
    }
    const expType = token.type === 'block-map'
        ? 'map'
        : token.type === 'block-seq'
            ? 'seq'
            : token.start.source === '{'
                ? 'map'
                : 'seq';
    // shortcut: check if it's a generic YAMLMap or YAMLSeq
    // before jumping into the custom tag logic.
    if (!tagToken ||
        !tagName ||
        tagName === '!' ||
        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
        return resolveCollection(CN, ctx, token, onError, tagName);
    }
    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
    if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
            tag = kt;
        }
        else {
            if (kt) {
                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
            }
            else {
                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
            }
            return resolveCollection(CN, ctx, token, onError, tagName);
        }
    }
    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
    const node = identity.isNode(res)
        ? res
        : new Scalar.Scalar(res);
    node.range = coll.range;
    node.tag = tagName;
    if (tag?.format)
        node.format = tag.format;
    return node;
}

exports.composeCollection = composeCollection;


/***/ }),

/***/ 3683:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Document = __nccwpck_require__(3021);
var composeNode = __nccwpck_require__(5937);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);

function composeDoc(options, directives, { offset, start, value, end }, onError) {
    const opts = Object.assign({ _directives: directives }, options);
    const doc = new Document.Document(undefined, opts);
    const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
    };
    const props = resolveProps.resolveProps(start, {
        indicator: 'doc-start',
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
    });
    if (props.found) {
        doc.directives.docStart = true;
        if (value &&
            (value.type === 'block-map' || value.type === 'block-seq') &&
            !props.hasNewline)
            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
    }
    // @ts-expect-error If Contents is set, let's trust the user
    doc.contents = value
        ? composeNode.composeNode(ctx, value, props, onError)
        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
    const contentEnd = doc.contents.range[2];
    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
    if (re.comment)
        doc.comment = re.comment;
    doc.range = [offset, contentEnd, re.offset];
    return doc;
}

exports.composeDoc = composeDoc;


/***/ }),

/***/ 5937:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var composeCollection = __nccwpck_require__(7349);
var composeScalar = __nccwpck_require__(5413);
var resolveEnd = __nccwpck_require__(7788);
var utilEmptyScalarPosition = __nccwpck_require__(2599);

const CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
    const atKey = ctx.atKey;
    const { spaceBefore, comment, anchor, tag } = props;
    let node;
    let isSrcToken = true;
    switch (token.type) {
        case 'alias':
            node = composeAlias(ctx, token, onError);
            if (anchor || tag)
                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
            break;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'block-scalar':
            node = composeScalar.composeScalar(ctx, token, tag, onError);
            if (anchor)
                node.anchor = anchor.source.substring(1);
            break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
            try {
                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
                if (anchor)
                    node.anchor = anchor.source.substring(1);
            }
            catch (error) {
                // Almost certainly here due to a stack overflow
                const message = error instanceof Error ? error.message : String(error);
                onError(token, 'RESOURCE_EXHAUSTION', message);
            }
            break;
        default: {
            const message = token.type === 'error'
                ? token.message
                : `Unsupported token (type: ${token.type})`;
            onError(token, 'UNEXPECTED_TOKEN', message);
            isSrcToken = false;
        }
    }
    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
    if (anchor && node.anchor === '')
        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    if (atKey &&
        ctx.options.stringKeys &&
        (!identity.isScalar(node) ||
            typeof node.value !== 'string' ||
            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
        const msg = 'With stringKeys, all keys must be strings';
        onError(tag ?? token, 'NON_STRING_KEY', msg);
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        if (token.type === 'scalar' && token.source === '')
            node.comment = comment;
        else
            node.commentBefore = comment;
    }
    // @ts-expect-error Type checking misses meaning of isSrcToken
    if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
    return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
    const token = {
        type: 'scalar',
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ''
    };
    const node = composeScalar.composeScalar(ctx, token, tag, onError);
    if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === '')
            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        node.comment = comment;
        node.range[2] = end;
    }
    return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
    const alias = new Alias.Alias(source.substring(1));
    if (alias.source === '')
        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
    if (alias.source.endsWith(':'))
        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
    alias.range = [offset, valueEnd, re.offset];
    if (re.comment)
        alias.comment = re.comment;
    return alias;
}

exports.composeEmptyNode = composeEmptyNode;
exports.composeNode = composeNode;


/***/ }),

/***/ 5413:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);

function composeScalar(ctx, token, tagToken, onError) {
    const { value, type, comment, range } = token.type === 'block-scalar'
        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
    const tagName = tagToken
        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
        : null;
    let tag;
    if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
    }
    else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
    else if (token.type === 'scalar')
        tag = findScalarTagByTest(ctx, value, token, onError);
    else
        tag = ctx.schema[identity.SCALAR];
    let scalar;
    try {
        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
    }
    catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
        scalar = new Scalar.Scalar(value);
    }
    scalar.range = range;
    scalar.source = value;
    if (type)
        scalar.type = type;
    if (tagName)
        scalar.tag = tagName;
    if (tag.format)
        scalar.format = tag.format;
    if (comment)
        scalar.comment = comment;
    return scalar;
}
function findScalarTagByName(schema, value, tagName, tagToken, onError) {
    if (tagName === '!')
        return schema[identity.SCALAR]; // non-specific tag
    const matchWithTest = [];
    for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
            if (tag.default && tag.test)
                matchWithTest.push(tag);
            else
                return tag;
        }
    }
    for (const tag of matchWithTest)
        if (tag.test?.test(value))
            return tag;
    const kt = schema.knownTags[tagName];
    if (kt && !kt.collection) {
        // Ensure that the known tag is available for stringifying,
        // but does not get used by default.
        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
        return kt;
    }
    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
    return schema[identity.SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
        tag.test?.test(value)) || schema[identity.SCALAR];
    if (schema.compat) {
        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
            schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
            const ts = directives.tagString(tag.tag);
            const cs = directives.tagString(compat.tag);
            const msg = `Value may be parsed as either ${ts} or ${cs}`;
            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
        }
    }
    return tag;
}

exports.composeScalar = composeScalar;


/***/ }),

/***/ 9984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var directives = __nccwpck_require__(1342);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var identity = __nccwpck_require__(1127);
var composeDoc = __nccwpck_require__(3683);
var resolveEnd = __nccwpck_require__(7788);

function getErrorPos(src) {
    if (typeof src === 'number')
        return [src, src + 1];
    if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
    const { offset, source } = src;
    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
}
function parsePrelude(prelude) {
    let comment = '';
    let atComment = false;
    let afterEmptyLine = false;
    for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
            case '#':
                comment +=
                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
                        (source.substring(1) || ' ');
                atComment = true;
                afterEmptyLine = false;
                break;
            case '%':
                if (prelude[i + 1]?.[0] !== '#')
                    i += 1;
                atComment = false;
                break;
            default:
                // This may be wrong after doc-end, but in that case it doesn't matter
                if (!atComment)
                    afterEmptyLine = true;
                atComment = false;
        }
    }
    return { comment, afterEmptyLine };
}
/**
 * Compose a stream of CST nodes into a stream of YAML Documents.
 *
 * ```ts
 * import { Composer, Parser } from 'yaml'
 *
 * const src: string = ...
 * const tokens = new Parser().parse(src)
 * const docs = new Composer().compose(tokens)
 * ```
 */
class Composer {
    constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
            const pos = getErrorPos(source);
            if (warning)
                this.warnings.push(new errors.YAMLWarning(pos, code, message));
            else
                this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        this.directives = new directives.Directives({ version: options.version || '1.2' });
        this.options = options;
    }
    decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        //console.log({ dc: doc.comment, prelude, comment })
        if (comment) {
            const dc = doc.contents;
            if (afterDoc) {
                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
            }
            else if (afterEmptyLine || doc.directives.docStart || !dc) {
                doc.commentBefore = comment;
            }
            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
                let it = dc.items[0];
                if (identity.isPair(it))
                    it = it.key;
                const cb = it.commentBefore;
                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
            else {
                const cb = dc.commentBefore;
                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
        }
        if (afterDoc) {
            for (let i = 0; i < this.errors.length; ++i)
                doc.errors.push(this.errors[i]);
            for (let i = 0; i < this.warnings.length; ++i)
                doc.warnings.push(this.warnings[i]);
        }
        else {
            doc.errors = this.errors;
            doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
    }
    /**
     * Current stream status information.
     *
     * Mostly useful at the end of input for an empty stream.
     */
    streamInfo() {
        return {
            comment: parsePrelude(this.prelude).comment,
            directives: this.directives,
            errors: this.errors,
            warnings: this.warnings
        };
    }
    /**
     * Compose tokens into documents.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
            yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
    }
    /** Advance the composer by one CST token. */
    *next(token) {
        if (node_process.env.LOG_STREAM)
            console.dir(token, { depth: null });
        switch (token.type) {
            case 'directive':
                this.directives.add(token.source, (offset, message, warning) => {
                    const pos = getErrorPos(token);
                    pos[0] += offset;
                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
                });
                this.prelude.push(token.source);
                this.atDirectives = true;
                break;
            case 'document': {
                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
                if (this.atDirectives && !doc.directives.docStart)
                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
                this.decorate(doc, false);
                if (this.doc)
                    yield this.doc;
                this.doc = doc;
                this.atDirectives = false;
                break;
            }
            case 'byte-order-mark':
            case 'space':
                break;
            case 'comment':
            case 'newline':
                this.prelude.push(token.source);
                break;
            case 'error': {
                const msg = token.source
                    ? `${token.message}: ${JSON.stringify(token.source)}`
                    : token.message;
                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
                if (this.atDirectives || !this.doc)
                    this.errors.push(error);
                else
                    this.doc.errors.push(error);
                break;
            }
            case 'doc-end': {
                if (!this.doc) {
                    const msg = 'Unexpected doc-end without preceding document';
                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
                    break;
                }
                this.doc.directives.docEnd = true;
                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
                this.decorate(this.doc, true);
                if (end.comment) {
                    const dc = this.doc.comment;
                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
                }
                this.doc.range[2] = end.offset;
                break;
            }
            default:
                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
        }
    }
    /**
     * Call at end of input to yield any remaining document.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
            this.decorate(this.doc, true);
            yield this.doc;
            this.doc = null;
        }
        else if (forceDoc) {
            const opts = Object.assign({ _directives: this.directives }, this.options);
            const doc = new Document.Document(undefined, opts);
            if (this.atDirectives)
                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
            doc.range = [0, endOffset, endOffset];
            this.decorate(doc, false);
            yield doc;
        }
    }
}

exports.Composer = Composer;


/***/ }),

/***/ 7103:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilFlowIndentCheck = __nccwpck_require__(4051);
var utilMapIncludes = __nccwpck_require__(1187);

const startColMsg = 'All mapping items must start at the same column';
function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
    const map = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    let offset = bm.offset;
    let commentEnd = null;
    for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        // key properties
        const keyProps = resolveProps.resolveProps(start, {
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: bm.indent,
            startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
            if (key) {
                if (key.type === 'block-seq')
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
                else if ('indent' in key && key.indent !== bm.indent)
                    onError(offset, 'BAD_INDENT', startColMsg);
            }
            if (!keyProps.anchor && !keyProps.tag && !sep) {
                commentEnd = keyProps.end;
                if (keyProps.comment) {
                    if (map.comment)
                        map.comment += '\n' + keyProps.comment;
                    else
                        map.comment = keyProps.comment;
                }
                continue;
            }
            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
            }
        }
        else if (keyProps.found?.indent !== bm.indent) {
            onError(offset, 'BAD_INDENT', startColMsg);
        }
        // key value
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key
            ? composeNode(ctx, key, keyProps, onError)
            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
        // value properties
        const valueProps = resolveProps.resolveProps(sep ?? [], {
            indicator: 'map-value-ind',
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: bm.indent,
            startOnNewline: !key || key.type === 'block-scalar'
        });
        offset = valueProps.end;
        if (valueProps.found) {
            if (implicitKey) {
                if (value?.type === 'block-map' && !valueProps.hasNewline)
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
                if (ctx.options.strict &&
                    keyProps.start < valueProps.found.offset - 1024)
                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
            if (ctx.schema.compat)
                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
            offset = valueNode.range[2];
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
        else {
            // key with no value
            if (implicitKey)
                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
            if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
    }
    if (commentEnd && commentEnd < offset)
        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
}

exports.resolveBlockMap = resolveBlockMap;


/***/ }),

/***/ 8913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function resolveBlockScalar(ctx, scalar, onError) {
    const start = scalar.offset;
    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
    if (!header)
        return { value: '', type: null, comment: '', range: [start, start, start] };
    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
    const lines = scalar.source ? splitLines(scalar.source) : [];
    // determine the end of content & start of chomping
    let chompStart = lines.length;
    for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === '' || content === '\r')
            chompStart = i;
        else
            break;
    }
    // shortcut for empty contents
    if (chompStart === 0) {
        const value = header.chomp === '+' && lines.length > 0
            ? '\n'.repeat(Math.max(1, lines.length - 1))
            : '';
        let end = start + header.length;
        if (scalar.source)
            end += scalar.source.length;
        return { value, type, comment: header.comment, range: [start, end, end] };
    }
    // find the indentation level to trim from start
    let trimIndent = scalar.indent + header.indent;
    let offset = scalar.offset + header.length;
    let contentStart = 0;
    for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === '' || content === '\r') {
            if (header.indent === 0 && indent.length > trimIndent)
                trimIndent = indent.length;
        }
        else {
            if (indent.length < trimIndent) {
                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
                onError(offset + indent.length, 'MISSING_CHAR', message);
            }
            if (header.indent === 0)
                trimIndent = indent.length;
            contentStart = i;
            if (trimIndent === 0 && !ctx.atRoot) {
                const message = 'Block scalar values in collections must be indented';
                onError(offset, 'BAD_INDENT', message);
            }
            break;
        }
        offset += indent.length + content.length + 1;
    }
    // include trailing more-indented empty lines in content
    for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
            chompStart = i + 1;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    // leading whitespace is kept intact
    for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + '\n';
    for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === '\r';
        if (crlf)
            content = content.slice(0, -1);
        /* istanbul ignore if already caught in lexer */
        if (content && indent.length < trimIndent) {
            const src = header.indent
                ? 'explicit indentation indicator'
                : 'first line';
            const message = `Block scalar lines must not be less indented than their ${src}`;
            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
            indent = '';
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
        }
        else if (indent.length > trimIndent || content[0] === '\t') {
            // more-indented content within a folded block
            if (sep === ' ')
                sep = '\n';
            else if (!prevMoreIndented && sep === '\n')
                sep = '\n\n';
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
            prevMoreIndented = true;
        }
        else if (content === '') {
            // empty line
            if (sep === '\n')
                value += '\n';
            else
                sep = '\n';
        }
        else {
            value += sep + content;
            sep = ' ';
            prevMoreIndented = false;
        }
    }
    switch (header.chomp) {
        case '-':
            break;
        case '+':
            for (let i = chompStart; i < lines.length; ++i)
                value += '\n' + lines[i][0].slice(trimIndent);
            if (value[value.length - 1] !== '\n')
                value += '\n';
            break;
        default:
            value += '\n';
    }
    const end = start + header.length + scalar.source.length;
    return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
    /* istanbul ignore if should not happen */
    if (props[0].type !== 'block-scalar-header') {
        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
        return null;
    }
    const { source } = props[0];
    const mode = source[0];
    let indent = 0;
    let chomp = '';
    let error = -1;
    for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === '-' || ch === '+'))
            chomp = ch;
        else {
            const n = Number(ch);
            if (!indent && n)
                indent = n;
            else if (error === -1)
                error = offset + i;
        }
    }
    if (error !== -1)
        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
    let hasSpace = false;
    let comment = '';
    let length = source.length;
    for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
            case 'space':
                hasSpace = true;
            // fallthrough
            case 'newline':
                length += token.source.length;
                break;
            case 'comment':
                if (strict && !hasSpace) {
                    const message = 'Comments must be separated from other tokens by white space characters';
                    onError(token, 'MISSING_CHAR', message);
                }
                length += token.source.length;
                comment = token.source.substring(1);
                break;
            case 'error':
                onError(token, 'UNEXPECTED_TOKEN', token.message);
                length += token.source.length;
                break;
            /* istanbul ignore next should not happen */
            default: {
                const message = `Unexpected token in block scalar header: ${token.type}`;
                onError(token, 'UNEXPECTED_TOKEN', message);
                const ts = token.source;
                if (ts && typeof ts === 'string')
                    length += ts.length;
            }
        }
    }
    return { mode, indent, chomp, comment, length };
}
/** @returns Array of lines split up as `[indent, content]` */
function splitLines(source) {
    const split = source.split(/\n( *)/);
    const first = split[0];
    const m = first.match(/^( *)/);
    const line0 = m?.[1]
        ? [m[1], first.slice(m[1].length)]
        : ['', first];
    const lines = [line0];
    for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
    return lines;
}

exports.resolveBlockScalar = resolveBlockScalar;


/***/ }),

/***/ 334:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var YAMLSeq = __nccwpck_require__(2223);
var resolveProps = __nccwpck_require__(4631);
var utilFlowIndentCheck = __nccwpck_require__(4051);

function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
    const seq = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = bs.offset;
    let commentEnd = null;
    for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
            indicator: 'seq-item-ind',
            next: value,
            offset,
            onError,
            parentIndent: bs.indent,
            startOnNewline: true
        });
        if (!props.found) {
            if (props.anchor || props.tag || value) {
                if (value?.type === 'block-seq')
                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
                else
                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
            }
            else {
                commentEnd = props.end;
                if (props.comment)
                    seq.comment = props.comment;
                continue;
            }
        }
        const node = value
            ? composeNode(ctx, value, props, onError)
            : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
}

exports.resolveBlockSeq = resolveBlockSeq;


/***/ }),

/***/ 7788:
/***/ ((__unused_webpack_module, exports) => {



function resolveEnd(end, offset, reqSpace, onError) {
    let comment = '';
    if (end) {
        let hasSpace = false;
        let sep = '';
        for (const token of end) {
            const { source, type } = token;
            switch (type) {
                case 'space':
                    hasSpace = true;
                    break;
                case 'comment': {
                    if (reqSpace && !hasSpace)
                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                    const cb = source.substring(1) || ' ';
                    if (!comment)
                        comment = cb;
                    else
                        comment += sep + cb;
                    sep = '';
                    break;
                }
                case 'newline':
                    if (comment)
                        sep += source;
                    hasSpace = true;
                    break;
                default:
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
            }
            offset += source.length;
        }
    }
    return { comment, offset };
}

exports.resolveEnd = resolveEnd;


/***/ }),

/***/ 3142:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilMapIncludes = __nccwpck_require__(1187);

const blockMsg = 'Block collections are not allowed within flow collections';
const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
    const isMap = fc.start.source === '{';
    const fcName = isMap ? 'flow map' : 'flow sequence';
    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
    const coll = new NodeClass(ctx.schema);
    coll.flow = true;
    const atRoot = ctx.atRoot;
    if (atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
            flow: fcName,
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
        });
        if (!props.found) {
            if (!props.anchor && !props.tag && !sep && !value) {
                if (i === 0 && props.comma)
                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
                else if (i < fc.items.length - 1)
                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
                if (props.comment) {
                    if (coll.comment)
                        coll.comment += '\n' + props.comment;
                    else
                        coll.comment = props.comment;
                }
                offset = props.end;
                continue;
            }
            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
                onError(key, // checked by containsNewline()
                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
        }
        if (i === 0) {
            if (props.comma)
                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
        }
        else {
            if (!props.comma)
                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
            if (props.comment) {
                let prevItemComment = '';
                loop: for (const st of start) {
                    switch (st.type) {
                        case 'comma':
                        case 'space':
                            break;
                        case 'comment':
                            prevItemComment = st.source.substring(1);
                            break loop;
                        default:
                            break loop;
                    }
                }
                if (prevItemComment) {
                    let prev = coll.items[coll.items.length - 1];
                    if (identity.isPair(prev))
                        prev = prev.value ?? prev.key;
                    if (prev.comment)
                        prev.comment += '\n' + prevItemComment;
                    else
                        prev.comment = prevItemComment;
                    props.comment = props.comment.substring(prevItemComment.length + 1);
                }
            }
        }
        if (!isMap && !sep && !props.found) {
            // item is a value in a seq
            // → key & sep are empty, start does not include ? or :
            const valueNode = value
                ? composeNode(ctx, value, props, onError)
                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
            coll.items.push(valueNode);
            offset = valueNode.range[2];
            if (isBlock(value))
                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
        }
        else {
            // item is a key+value pair
            // key value
            ctx.atKey = true;
            const keyStart = props.end;
            const keyNode = key
                ? composeNode(ctx, key, props, onError)
                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
            if (isBlock(key))
                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
            ctx.atKey = false;
            // value properties
            const valueProps = resolveProps.resolveProps(sep ?? [], {
                flow: fcName,
                indicator: 'map-value-ind',
                next: value,
                offset: keyNode.range[2],
                onError,
                parentIndent: fc.indent,
                startOnNewline: false
            });
            if (valueProps.found) {
                if (!isMap && !props.found && ctx.options.strict) {
                    if (sep)
                        for (const st of sep) {
                            if (st === valueProps.found)
                                break;
                            if (st.type === 'newline') {
                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
                                break;
                            }
                        }
                    if (props.start < valueProps.found.offset - 1024)
                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
                }
            }
            else if (value) {
                if ('source' in value && value.source?.[0] === ':')
                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
                else
                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : valueProps.found
                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
                    : null;
            if (valueNode) {
                if (isBlock(value))
                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
            }
            else if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            if (isMap) {
                const map = coll;
                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
                map.items.push(pair);
            }
            else {
                const map = new YAMLMap.YAMLMap(ctx.schema);
                map.flow = true;
                map.items.push(pair);
                const endRange = (valueNode ?? keyNode).range;
                map.range = [keyNode.range[0], endRange[1], endRange[2]];
                coll.items.push(map);
            }
            offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
    }
    const expectedEnd = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
    else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot
            ? `${name} must end with a ${expectedEnd}`
            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
        if (ce && ce.source.length !== 1)
            ee.unshift(ce);
    }
    if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
            if (coll.comment)
                coll.comment += '\n' + end.comment;
            else
                coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
    }
    else {
        coll.range = [fc.offset, cePos, cePos];
    }
    return coll;
}

exports.resolveFlowCollection = resolveFlowCollection;


/***/ }),

/***/ 6842:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var resolveEnd = __nccwpck_require__(7788);

function resolveFlowScalar(scalar, strict, onError) {
    const { offset, type, source, end } = scalar;
    let _type;
    let value;
    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
    switch (type) {
        case 'scalar':
            _type = Scalar.Scalar.PLAIN;
            value = plainValue(source, _onError);
            break;
        case 'single-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_SINGLE;
            value = singleQuotedValue(source, _onError);
            break;
        case 'double-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_DOUBLE;
            value = doubleQuotedValue(source, _onError);
            break;
        /* istanbul ignore next should not happen */
        default:
            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
            return {
                value: '',
                type: null,
                comment: '',
                range: [offset, offset + source.length, offset + source.length]
            };
    }
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
    return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
    };
}
function plainValue(source, onError) {
    let badChar = '';
    switch (source[0]) {
        /* istanbul ignore next should not happen */
        case '\t':
            badChar = 'a tab character';
            break;
        case ',':
            badChar = 'flow indicator character ,';
            break;
        case '%':
            badChar = 'directive indicator character %';
            break;
        case '|':
        case '>': {
            badChar = `block scalar indicator ${source[0]}`;
            break;
        }
        case '@':
        case '`': {
            badChar = `reserved character ${source[0]}`;
            break;
        }
    }
    if (badChar)
        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
    return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
    if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
    const line = /(.*?)\r?\n/sy;
    let match = line.exec(source);
    if (!match)
        return source;
    /**
     * The negative lookbehinds in these RegExps are to
     * prevent causing a polynomial search time in certain cases.
     *
     * The try-catch is for Safari < 16.4 and other old browsers:
     * https://caniuse.com/js-regexp-lookbehind
     */
    let trimEnd, trimBoth;
    try {
        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
    }
    catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
    }
    let res = match[1].replace(trimEnd, '');
    let sep = ' ';
    let pos = line.lastIndex;
    while ((match = line.exec(source))) {
        const lm = match[1].replace(trimBoth, '');
        if (lm === '') {
            if (sep === '\n')
                res += sep;
            else
                sep = '\n';
        }
        else {
            res += sep + lm;
            sep = ' ';
        }
        pos = line.lastIndex;
    }
    const last = /[ \t]*(.*)/sy;
    last.lastIndex = pos;
    match = last.exec(source);
    return res + sep + (match?.[1] ?? '');
}
function doubleQuotedValue(source, onError) {
    let res = '';
    for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === '\r' && source[i + 1] === '\n')
            continue;
        if (ch === '\n') {
            const { fold, offset } = foldNewline(source, i);
            res += fold;
            i = offset;
        }
        else if (ch === '\\') {
            let next = source[++i];
            const cc = escapeCodes[next];
            if (cc)
                res += cc;
            else if (next === '\n') {
                // skip escaped newlines, but still trim the following line
                next = source[i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === '\r' && source[i + 1] === '\n') {
                // skip escaped CRLF newlines, but still trim the following line
                next = source[++i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === 'x' || next === 'u' || next === 'U') {
                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                res += parseCharCode(source, i + 1, length, onError);
                i += length;
            }
            else {
                const raw = source.substr(i - 1, 2);
                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
                res += raw;
            }
        }
        else if (ch === ' ' || ch === '\t') {
            // trim trailing whitespace
            const wsStart = i;
            let next = source[i + 1];
            while (next === ' ' || next === '\t')
                next = source[++i + 1];
            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        }
        else {
            res += ch;
        }
    }
    if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
    return res;
}
/**
 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
 * Presumes `source[offset] === '\n'`
 */
function foldNewline(source, offset) {
    let fold = '';
    let ch = source[offset + 1];
    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (ch === '\r' && source[offset + 2] !== '\n')
            break;
        if (ch === '\n')
            fold += '\n';
        offset += 1;
        ch = source[offset + 1];
    }
    if (!fold)
        fold = ' ';
    return { fold, offset };
}
const escapeCodes = {
    '0': '\0', // null character
    a: '\x07', // bell character
    b: '\b', // backspace
    e: '\x1b', // escape character
    f: '\f', // form feed
    n: '\n', // line feed
    r: '\r', // carriage return
    t: '\t', // horizontal tab
    v: '\v', // vertical tab
    N: '\u0085', // Unicode next line
    _: '\u00a0', // Unicode non-breaking space
    L: '\u2028', // Unicode line separator
    P: '\u2029', // Unicode paragraph separator
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t'
};
function parseCharCode(source, offset, length, onError) {
    const cc = source.substr(offset, length);
    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
    const code = ok ? parseInt(cc, 16) : NaN;
    try {
        return String.fromCodePoint(code);
    }
    catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
        return raw;
    }
}

exports.resolveFlowScalar = resolveFlowScalar;


/***/ }),

/***/ 4631:
/***/ ((__unused_webpack_module, exports) => {



function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
    let spaceBefore = false;
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = '';
    let commentSep = '';
    let hasNewline = false;
    let reqSpace = false;
    let tab = null;
    let anchor = null;
    let tag = null;
    let newlineAfterProp = null;
    let comma = null;
    let found = null;
    let start = null;
    for (const token of tokens) {
        if (reqSpace) {
            if (token.type !== 'space' &&
                token.type !== 'newline' &&
                token.type !== 'comma')
                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
            reqSpace = false;
        }
        if (tab) {
            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
            }
            tab = null;
        }
        switch (token.type) {
            case 'space':
                // At the doc level, tabs at line start may be parsed
                // as leading white space rather than indentation.
                // In a flow collection, only the parser handles indent.
                if (!flow &&
                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
                    token.source.includes('\t')) {
                    tab = token;
                }
                hasSpace = true;
                break;
            case 'comment': {
                if (!hasSpace)
                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                const cb = token.source.substring(1) || ' ';
                if (!comment)
                    comment = cb;
                else
                    comment += commentSep + cb;
                commentSep = '';
                atNewline = false;
                break;
            }
            case 'newline':
                if (atNewline) {
                    if (comment)
                        comment += token.source;
                    else if (!found || indicator !== 'seq-item-ind')
                        spaceBefore = true;
                }
                else
                    commentSep += token.source;
                atNewline = true;
                hasNewline = true;
                if (anchor || tag)
                    newlineAfterProp = token;
                hasSpace = true;
                break;
            case 'anchor':
                if (anchor)
                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
                if (token.source.endsWith(':'))
                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
                anchor = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            case 'tag': {
                if (tag)
                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
                tag = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            }
            case indicator:
                // Could here handle preceding comments differently
                if (anchor || tag)
                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
                if (found)
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
                found = token;
                atNewline =
                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
                hasSpace = false;
                break;
            case 'comma':
                if (flow) {
                    if (comma)
                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
                    comma = token;
                    atNewline = false;
                    hasSpace = false;
                    break;
                }
            // else fallthrough
            default:
                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
                atNewline = false;
                hasSpace = false;
        }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace &&
        next &&
        next.type !== 'space' &&
        next.type !== 'newline' &&
        next.type !== 'comma' &&
        (next.type !== 'scalar' || next.source !== '')) {
        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab &&
        ((atNewline && tab.indent <= parentIndent) ||
            next?.type === 'block-map' ||
            next?.type === 'block-seq'))
        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
    return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
    };
}

exports.resolveProps = resolveProps;


/***/ }),

/***/ 9499:
/***/ ((__unused_webpack_module, exports) => {



function containsNewline(key) {
    if (!key)
        return null;
    switch (key.type) {
        case 'alias':
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            if (key.source.includes('\n'))
                return true;
            if (key.end)
                for (const st of key.end)
                    if (st.type === 'newline')
                        return true;
            return false;
        case 'flow-collection':
            for (const it of key.items) {
                for (const st of it.start)
                    if (st.type === 'newline')
                        return true;
                if (it.sep)
                    for (const st of it.sep)
                        if (st.type === 'newline')
                            return true;
                if (containsNewline(it.key) || containsNewline(it.value))
                    return true;
            }
            return false;
        default:
            return true;
    }
}

exports.containsNewline = containsNewline;


/***/ }),

/***/ 2599:
/***/ ((__unused_webpack_module, exports) => {



function emptyScalarPosition(offset, before, pos) {
    if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
            let st = before[i];
            switch (st.type) {
                case 'space':
                case 'comment':
                case 'newline':
                    offset -= st.source.length;
                    continue;
            }
            // Technically, an empty scalar is immediately after the last non-empty
            // node, but it's more useful to place it after any whitespace.
            st = before[++i];
            while (st?.type === 'space') {
                offset += st.source.length;
                st = before[++i];
            }
            break;
        }
    }
    return offset;
}

exports.emptyScalarPosition = emptyScalarPosition;


/***/ }),

/***/ 4051:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var utilContainsNewline = __nccwpck_require__(9499);

function flowIndentCheck(indent, fc, onError) {
    if (fc?.type === 'flow-collection') {
        const end = fc.end[0];
        if (end.indent === indent &&
            (end.source === ']' || end.source === '}') &&
            utilContainsNewline.containsNewline(fc)) {
            const msg = 'Flow end indicator should be more indented than parent';
            onError(end, 'BAD_INDENT', msg, true);
        }
    }
}

exports.flowIndentCheck = flowIndentCheck;


/***/ }),

/***/ 1187:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

function mapIncludes(ctx, items, search) {
    const { uniqueKeys } = ctx.options;
    if (uniqueKeys === false)
        return false;
    const isEqual = typeof uniqueKeys === 'function'
        ? uniqueKeys
        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
    return items.some(pair => isEqual(pair.key, search));
}

exports.mapIncludes = mapIncludes;


/***/ }),

/***/ 3021:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var toJS = __nccwpck_require__(4043);
var Schema = __nccwpck_require__(5840);
var stringifyDocument = __nccwpck_require__(6829);
var anchors = __nccwpck_require__(1596);
var applyReviver = __nccwpck_require__(3661);
var createNode = __nccwpck_require__(2404);
var directives = __nccwpck_require__(1342);

class Document {
    constructor(value, replacer, options) {
        /** A comment before this Document */
        this.commentBefore = null;
        /** A comment immediately after this Document */
        this.comment = null;
        /** Errors encountered during parsing. */
        this.errors = [];
        /** Warnings encountered during parsing. */
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === 'function' || Array.isArray(replacer)) {
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const opt = Object.assign({
            intAsBigInt: false,
            keepSourceTokens: false,
            logLevel: 'warn',
            prettyErrors: true,
            strict: true,
            stringKeys: false,
            uniqueKeys: true,
            version: '1.2'
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
            this.directives = options._directives.atDocument();
            if (this.directives.yaml.explicit)
                version = this.directives.yaml.version;
        }
        else
            this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        // @ts-expect-error We can't really know that this matches Contents.
        this.contents =
            value === undefined ? null : this.createNode(value, _replacer, options);
    }
    /**
     * Create a deep copy of this Document and its contents.
     *
     * Custom Node values that inherit from `Object` still refer to their original instances.
     */
    clone() {
        const copy = Object.create(Document.prototype, {
            [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
            copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        // @ts-expect-error We can't really know that this matches Contents.
        copy.contents = identity.isNode(this.contents)
            ? this.contents.clone(copy.schema)
            : this.contents;
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** Adds a value to the document. */
    add(value) {
        if (assertCollection(this.contents))
            this.contents.add(value);
    }
    /** Adds a value to the document. */
    addIn(path, value) {
        if (assertCollection(this.contents))
            this.contents.addIn(path, value);
    }
    /**
     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
     *
     * If `node` already has an anchor, `name` is ignored.
     * Otherwise, the `node.anchor` value will be set to `name`,
     * or if an anchor with that name is already present in the document,
     * `name` will be used as a prefix for a new unique anchor.
     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
     */
    createAlias(node, name) {
        if (!node.anchor) {
            const prev = anchors.anchorNames(this);
            node.anchor =
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
        }
        return new Alias.Alias(node.anchor);
    }
    createNode(value, replacer, options) {
        let _replacer = undefined;
        if (typeof replacer === 'function') {
            value = replacer.call({ '': value }, '', value);
            _replacer = replacer;
        }
        else if (Array.isArray(replacer)) {
            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
            const asStr = replacer.filter(keyToStr).map(String);
            if (asStr.length > 0)
                replacer = replacer.concat(asStr);
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        anchorPrefix || 'a');
        const ctx = {
            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
            keepUndefined: keepUndefined ?? false,
            onAnchor,
            onTagObj,
            replacer: _replacer,
            schema: this.schema,
            sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
            node.flow = true;
        setAnchors();
        return node;
    }
    /**
     * Convert a key and a value into a `Pair` using the current schema,
     * recursively wrapping all values as `Scalar` or `Collection` nodes.
     */
    createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
            if (this.contents == null)
                return false;
            // @ts-expect-error Presumed impossible if Strict extends false
            this.contents = null;
            return true;
        }
        return assertCollection(this.contents)
            ? this.contents.deleteIn(path)
            : false;
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    get(key, keepScalar) {
        return identity.isCollection(this.contents)
            ? this.contents.get(key, keepScalar)
            : undefined;
    }
    /**
     * Returns item at `path`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
            return !keepScalar && identity.isScalar(this.contents)
                ? this.contents.value
                : this.contents;
        return identity.isCollection(this.contents)
            ? this.contents.getIn(path, keepScalar)
            : undefined;
    }
    /**
     * Checks if the document includes a value with the key `key`.
     */
    has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
    }
    /**
     * Checks if the document includes a value at `path`.
     */
    hasIn(path) {
        if (Collection.isEmptyPath(path))
            return this.contents !== undefined;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    set(key, value) {
        if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, [key], value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.set(key, value);
        }
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = value;
        }
        else if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.setIn(path, value);
        }
    }
    /**
     * Change the YAML version and schema used by the document.
     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
     * It also requires the `schema` option to be given as a `Schema` instance value.
     *
     * Overrides all previously set schema options.
     */
    setSchema(version, options = {}) {
        if (typeof version === 'number')
            version = String(version);
        let opt;
        switch (version) {
            case '1.1':
                if (this.directives)
                    this.directives.yaml.version = '1.1';
                else
                    this.directives = new directives.Directives({ version: '1.1' });
                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
                break;
            case '1.2':
            case 'next':
                if (this.directives)
                    this.directives.yaml.version = version;
                else
                    this.directives = new directives.Directives({ version });
                opt = { resolveKnownTags: true, schema: 'core' };
                break;
            case null:
                if (this.directives)
                    delete this.directives;
                opt = null;
                break;
            default: {
                const sv = JSON.stringify(version);
                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
            }
        }
        // Not using `instanceof Schema` to allow for duck typing
        if (options.schema instanceof Object)
            this.schema = options.schema;
        else if (opt)
            this.schema = new Schema.Schema(Object.assign(opt, options));
        else
            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
    }
    // json & jsonArg are only used from toJSON()
    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
            anchors: new Map(),
            doc: this,
            keep: !json,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
    /**
     * A JSON representation of the document `contents`.
     *
     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
     *   property name.
     */
    toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
    }
    /** A YAML representation of the document. */
    toString(options = {}) {
        if (this.errors.length > 0)
            throw new Error('Document with errors cannot be stringified');
        if ('indent' in options &&
            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
            const s = JSON.stringify(options.indent);
            throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
    }
}
function assertCollection(contents) {
    if (identity.isCollection(contents))
        return true;
    throw new Error('Expected a YAML collection as document contents');
}

exports.Document = Document;


/***/ }),

/***/ 1596:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

/**
 * Verify that the input string is a valid anchor.
 *
 * Will throw on errors.
 */
function anchorIsValid(anchor) {
    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
    }
    return true;
}
function anchorNames(root) {
    const anchors = new Set();
    visit.visit(root, {
        Value(_key, node) {
            if (node.anchor)
                anchors.add(node.anchor);
        }
    });
    return anchors;
}
/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
function findNewAnchor(prefix, exclude) {
    for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
            return name;
    }
}
function createNodeAnchors(doc, prefix) {
    const aliasObjects = [];
    const sourceObjects = new Map();
    let prevAnchors = null;
    return {
        onAnchor: (source) => {
            aliasObjects.push(source);
            prevAnchors ?? (prevAnchors = anchorNames(doc));
            const anchor = findNewAnchor(prefix, prevAnchors);
            prevAnchors.add(anchor);
            return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
            for (const source of aliasObjects) {
                const ref = sourceObjects.get(source);
                if (typeof ref === 'object' &&
                    ref.anchor &&
                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
                    ref.node.anchor = ref.anchor;
                }
                else {
                    const error = new Error('Failed to resolve repeated object (this should not happen)');
                    error.source = source;
                    throw error;
                }
            }
        },
        sourceObjects
    };
}

exports.anchorIsValid = anchorIsValid;
exports.anchorNames = anchorNames;
exports.createNodeAnchors = createNodeAnchors;
exports.findNewAnchor = findNewAnchor;


/***/ }),

/***/ 3661:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
 *
 * Includes extensions for handling Map and Set objects.
 */
function applyReviver(reviver, obj, key, val) {
    if (val && typeof val === 'object') {
        if (Array.isArray(val)) {
            for (let i = 0, len = val.length; i < len; ++i) {
                const v0 = val[i];
                const v1 = applyReviver(reviver, val, String(i), v0);
                // eslint-disable-next-line @typescript-eslint/no-array-delete
                if (v1 === undefined)
                    delete val[i];
                else if (v1 !== v0)
                    val[i] = v1;
            }
        }
        else if (val instanceof Map) {
            for (const k of Array.from(val.keys())) {
                const v0 = val.get(k);
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    val.delete(k);
                else if (v1 !== v0)
                    val.set(k, v1);
            }
        }
        else if (val instanceof Set) {
            for (const v0 of Array.from(val)) {
                const v1 = applyReviver(reviver, val, v0, v0);
                if (v1 === undefined)
                    val.delete(v0);
                else if (v1 !== v0) {
                    val.delete(v0);
                    val.add(v1);
                }
            }
        }
        else {
            for (const [k, v0] of Object.entries(val)) {
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    delete val[k];
                else if (v1 !== v0)
                    val[k] = v1;
            }
        }
    }
    return reviver.call(obj, key, val);
}

exports.applyReviver = applyReviver;


/***/ }),

/***/ 2404:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

const defaultTagPrefix = 'tag:yaml.org,2002:';
function findTagObject(value, tagName, tags) {
    if (tagName) {
        const match = tags.filter(t => t.tag === tagName);
        const tagObj = match.find(t => !t.format) ?? match[0];
        if (!tagObj)
            throw new Error(`Tag ${tagName} not found`);
        return tagObj;
    }
    return tags.find(t => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
    if (identity.isDocument(value))
        value = value.contents;
    if (identity.isNode(value))
        return value;
    if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
    }
    if (value instanceof String ||
        value instanceof Number ||
        value instanceof Boolean ||
        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
    ) {
        // https://tc39.es/ecma262/#sec-serializejsonproperty
        value = value.valueOf();
    }
    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
    // Detect duplicate references to the same object & use Alias nodes for all
    // after first. The `ref` wrapper allows for circular references to resolve.
    let ref = undefined;
    if (aliasDuplicateObjects && value && typeof value === 'object') {
        ref = sourceObjects.get(value);
        if (ref) {
            ref.anchor ?? (ref.anchor = onAnchor(value));
            return new Alias.Alias(ref.anchor);
        }
        else {
            ref = { anchor: null, node: null };
            sourceObjects.set(value, ref);
        }
    }
    if (tagName?.startsWith('!!'))
        tagName = defaultTagPrefix + tagName.slice(2);
    let tagObj = findTagObject(value, tagName, schema.tags);
    if (!tagObj) {
        if (value && typeof value.toJSON === 'function') {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            value = value.toJSON();
        }
        if (!value || typeof value !== 'object') {
            const node = new Scalar.Scalar(value);
            if (ref)
                ref.node = node;
            return node;
        }
        tagObj =
            value instanceof Map
                ? schema[identity.MAP]
                : Symbol.iterator in Object(value)
                    ? schema[identity.SEQ]
                    : schema[identity.MAP];
    }
    if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
    }
    const node = tagObj?.createNode
        ? tagObj.createNode(ctx.schema, value, ctx)
        : typeof tagObj?.nodeClass?.from === 'function'
            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
            : new Scalar.Scalar(value);
    if (tagName)
        node.tag = tagName;
    else if (!tagObj.default)
        node.tag = tagObj.tag;
    if (ref)
        ref.node = node;
    return node;
}

exports.createNode = createNode;


/***/ }),

/***/ 1342:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

const escapeChars = {
    '!': '%21',
    ',': '%2C',
    '[': '%5B',
    ']': '%5D',
    '{': '%7B',
    '}': '%7D'
};
const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
class Directives {
    constructor(yaml, tags) {
        /**
         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
         * included in the document's stringified representation.
         */
        this.docStart = null;
        /** The doc-end marker `...`.  */
        this.docEnd = false;
        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, Directives.defaultTags, tags);
    }
    clone() {
        const copy = new Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
    }
    /**
     * During parsing, get a Directives instance for the current document and
     * update the stream state according to the current version's spec.
     */
    atDocument() {
        const res = new Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
            case '1.1':
                this.atNextDocument = true;
                break;
            case '1.2':
                this.atNextDocument = false;
                this.yaml = {
                    explicit: Directives.defaultYaml.explicit,
                    version: '1.2'
                };
                this.tags = Object.assign({}, Directives.defaultTags);
                break;
        }
        return res;
    }
    /**
     * @param onError - May be called even if the action was successful
     * @returns `true` on success
     */
    add(line, onError) {
        if (this.atNextDocument) {
            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
            this.tags = Object.assign({}, Directives.defaultTags);
            this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
            case '%TAG': {
                if (parts.length !== 2) {
                    onError(0, '%TAG directive should contain exactly two parts');
                    if (parts.length < 2)
                        return false;
                }
                const [handle, prefix] = parts;
                this.tags[handle] = prefix;
                return true;
            }
            case '%YAML': {
                this.yaml.explicit = true;
                if (parts.length !== 1) {
                    onError(0, '%YAML directive should contain exactly one part');
                    return false;
                }
                const [version] = parts;
                if (version === '1.1' || version === '1.2') {
                    this.yaml.version = version;
                    return true;
                }
                else {
                    const isValid = /^\d+\.\d+$/.test(version);
                    onError(6, `Unsupported YAML version ${version}`, isValid);
                    return false;
                }
            }
            default:
                onError(0, `Unknown directive ${name}`, true);
                return false;
        }
    }
    /**
     * Resolves a tag, matching handles to those defined in %TAG directives.
     *
     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
     *   `'!local'` tag, or `null` if unresolvable.
     */
    tagName(source, onError) {
        if (source === '!')
            return '!'; // non-specific tag
        if (source[0] !== '!') {
            onError(`Not a valid tag: ${source}`);
            return null;
        }
        if (source[1] === '<') {
            const verbatim = source.slice(2, -1);
            if (verbatim === '!' || verbatim === '!!') {
                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
                return null;
            }
            if (source[source.length - 1] !== '>')
                onError('Verbatim tags must end with a >');
            return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
            onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
            try {
                return prefix + decodeURIComponent(suffix);
            }
            catch (error) {
                onError(String(error));
                return null;
            }
        }
        if (handle === '!')
            return source; // local tag
        onError(`Could not resolve tag: ${source}`);
        return null;
    }
    /**
     * Given a fully resolved tag, returns its printable string form,
     * taking into account current tag prefixes and defaults.
     */
    tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
            if (tag.startsWith(prefix))
                return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === '!' ? tag : `!<${tag}>`;
    }
    toString(doc) {
        const lines = this.yaml.explicit
            ? [`%YAML ${this.yaml.version || '1.2'}`]
            : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
            const tags = {};
            visit.visit(doc.contents, (_key, node) => {
                if (identity.isNode(node) && node.tag)
                    tags[node.tag] = true;
            });
            tagNames = Object.keys(tags);
        }
        else
            tagNames = [];
        for (const [handle, prefix] of tagEntries) {
            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
                continue;
            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
                lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join('\n');
    }
}
Directives.defaultYaml = { explicit: false, version: '1.2' };
Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

exports.Directives = Directives;


/***/ }),

/***/ 1464:
/***/ ((__unused_webpack_module, exports) => {



class YAMLError extends Error {
    constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
    }
}
class YAMLParseError extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLParseError', pos, code, message);
    }
}
class YAMLWarning extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLWarning', pos, code, message);
    }
}
const prettifyError = (src, lc) => (error) => {
    if (error.pos[0] === -1)
        return;
    error.linePos = error.pos.map(pos => lc.linePos(pos));
    const { line, col } = error.linePos[0];
    error.message += ` at line ${line}, column ${col}`;
    let ci = col - 1;
    let lineStr = src
        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
        .replace(/[\n\r]+$/, '');
    // Trim to max 80 chars, keeping col position near the middle
    if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = '…' + lineStr.substring(trimStart);
        ci -= trimStart - 1;
    }
    if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + '…';
    // Include previous line in context if pointing at line start
    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        // Regexp won't match if start is trimmed
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
            prev = prev.substring(0, 79) + '…\n';
        lineStr = prev + lineStr;
    }
    if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
            count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = ' '.repeat(ci) + '^'.repeat(count);
        error.message += `:\n\n${lineStr}\n${pointer}\n`;
    }
};

exports.YAMLError = YAMLError;
exports.YAMLParseError = YAMLParseError;
exports.YAMLWarning = YAMLWarning;
exports.prettifyError = prettifyError;


/***/ }),

/***/ 8815:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var Schema = __nccwpck_require__(5840);
var errors = __nccwpck_require__(1464);
var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);
var publicApi = __nccwpck_require__(4047);
var visit = __nccwpck_require__(204);



exports.Composer = composer.Composer;
exports.Document = Document.Document;
exports.Schema = Schema.Schema;
exports.YAMLError = errors.YAMLError;
exports.YAMLParseError = errors.YAMLParseError;
exports.YAMLWarning = errors.YAMLWarning;
exports.Alias = Alias.Alias;
exports.isAlias = identity.isAlias;
exports.isCollection = identity.isCollection;
exports.isDocument = identity.isDocument;
exports.isMap = identity.isMap;
exports.isNode = identity.isNode;
exports.isPair = identity.isPair;
exports.isScalar = identity.isScalar;
exports.isSeq = identity.isSeq;
exports.Pair = Pair.Pair;
exports.Scalar = Scalar.Scalar;
exports.YAMLMap = YAMLMap.YAMLMap;
exports.YAMLSeq = YAMLSeq.YAMLSeq;
exports.CST = cst;
exports.Lexer = lexer.Lexer;
exports.LineCounter = lineCounter.LineCounter;
exports.Parser = parser.Parser;
exports.parse = publicApi.parse;
exports.parseAllDocuments = publicApi.parseAllDocuments;
exports.parseDocument = publicApi.parseDocument;
exports.stringify = publicApi.stringify;
exports.visit = visit.visit;
exports.visitAsync = visit.visitAsync;


/***/ }),

/***/ 7249:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);

function debug(logLevel, ...messages) {
    if (logLevel === 'debug')
        console.log(...messages);
}
function warn(logLevel, warning) {
    if (logLevel === 'debug' || logLevel === 'warn') {
        if (typeof node_process.emitWarning === 'function')
            node_process.emitWarning(warning);
        else
            console.warn(warning);
    }
}

exports.debug = debug;
exports.warn = warn;


/***/ }),

/***/ 4065:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var visit = __nccwpck_require__(204);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

class Alias extends Node.NodeBase {
    constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, 'tag', {
            set() {
                throw new Error('Alias nodes cannot have tags');
            }
        });
    }
    /**
     * Resolve the value of this alias within `doc`, finding the last
     * instance of the `source` anchor before this node.
     */
    resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
            throw new ReferenceError('Alias resolution is disabled');
        let nodes;
        if (ctx?.aliasResolveCache) {
            nodes = ctx.aliasResolveCache;
        }
        else {
            nodes = [];
            visit.visit(doc, {
                Node: (_key, node) => {
                    if (identity.isAlias(node) || identity.hasAnchor(node))
                        nodes.push(node);
                }
            });
            if (ctx)
                ctx.aliasResolveCache = nodes;
        }
        let found = undefined;
        for (const node of nodes) {
            if (node === this)
                break;
            if (node.anchor === this.source)
                found = node;
        }
        if (found && ctx) {
            const { anchors, doc, maxAliasCount } = ctx;
            let data = anchors.get(found);
            if (!data) {
                // Resolve anchors for Node.prototype.toJS()
                toJS.toJS(found, null, ctx);
                data = anchors.get(found);
            }
            /* istanbul ignore if */
            if (data?.res === undefined) {
                const msg = 'This should not happen: Alias anchor was not resolved?';
                throw new ReferenceError(msg);
            }
            if (maxAliasCount >= 0) {
                data.count += 1;
                if (data.aliasCount === 0)
                    data.aliasCount = getAliasCount(doc, found, anchors);
                if (data.count * data.aliasCount > maxAliasCount) {
                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
                    throw new ReferenceError(msg);
                }
            }
        }
        return found;
    }
    toJSON(_arg, ctx) {
        if (!ctx)
            return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
    }
    toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
            anchors.anchorIsValid(this.source);
            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
                throw new Error(msg);
            }
            if (ctx.implicitKey)
                return `${src} `;
        }
        return src;
    }
}
function getAliasCount(doc, node, anchors) {
    if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors && source && anchors.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
            const c = getAliasCount(doc, item, anchors);
            if (c > count)
                count = c;
        }
        return count;
    }
    else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors);
        const vc = getAliasCount(doc, node.value, anchors);
        return Math.max(kc, vc);
    }
    return 1;
}

exports.Alias = Alias;


/***/ }),

/***/ 101:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);

function collectionFromPath(schema, path, value) {
    let v = value;
    for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
            const a = [];
            a[k] = v;
            v = a;
        }
        else {
            v = new Map([[k, v]]);
        }
    }
    return createNode.createNode(v, undefined, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
            throw new Error('This should not happen, please report a bug.');
        },
        schema,
        sourceObjects: new Map()
    });
}
// Type guard is intentionally a little wrong so as to be more useful,
// as it does not cover untypable empty non-string iterables (e.g. []).
const isEmptyPath = (path) => path == null ||
    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
class Collection extends Node.NodeBase {
    constructor(type, schema) {
        super(type);
        Object.defineProperty(this, 'schema', {
            value: schema,
            configurable: true,
            enumerable: false,
            writable: true
        });
    }
    /**
     * Create a copy of this collection.
     *
     * @param schema - If defined, overwrites the original's schema
     */
    clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
            copy.schema = schema;
        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /**
     * Adds a value to the collection. For `!!map` and `!!omap` the value must
     * be a Pair instance or a `{ key, value }` object, which may not have a key
     * that already exists in the map.
     */
    addIn(path, value) {
        if (isEmptyPath(path))
            this.add(value);
        else {
            const [key, ...rest] = path;
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.addIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
    /**
     * Removes a value from the collection.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
            return node.deleteIn(rest);
        else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
            return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
    }
    hasAllNullValues(allowScalar) {
        return this.items.every(node => {
            if (!identity.isPair(node))
                return false;
            const n = node.value;
            return (n == null ||
                (allowScalar &&
                    identity.isScalar(n) &&
                    n.value == null &&
                    !n.commentBefore &&
                    !n.comment &&
                    !n.tag));
        });
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     */
    hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
            this.set(key, value);
        }
        else {
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.setIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
}

exports.Collection = Collection;
exports.collectionFromPath = collectionFromPath;
exports.isEmptyPath = isEmptyPath;


/***/ }),

/***/ 6673:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var applyReviver = __nccwpck_require__(3661);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

class NodeBase {
    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }
    /** Create a copy of this node.  */
    clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** A plain JavaScript representation of this node. */
    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
            throw new TypeError('A document argument is required');
        const ctx = {
            anchors: new Map(),
            doc,
            keep: true,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
}

exports.NodeBase = NodeBase;


/***/ }),

/***/ 7165:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyPair = __nccwpck_require__(9748);
var addPairToJSMap = __nccwpck_require__(7104);
var identity = __nccwpck_require__(1127);

function createPair(key, value, ctx) {
    const k = createNode.createNode(key, undefined, ctx);
    const v = createNode.createNode(value, undefined, ctx);
    return new Pair(k, v);
}
class Pair {
    constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
    }
    clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
            key = key.clone(schema);
        if (identity.isNode(value))
            value = value.clone(schema);
        return new Pair(key, value);
    }
    toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
    }
    toString(ctx, onComment, onChompKeep) {
        return ctx?.doc
            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
            : JSON.stringify(this);
    }
}

exports.Pair = Pair;
exports.createPair = createPair;


/***/ }),

/***/ 3301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
class Scalar extends Node.NodeBase {
    constructor(value) {
        super(identity.SCALAR);
        this.value = value;
    }
    toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
    }
    toString() {
        return String(this.value);
    }
}
Scalar.BLOCK_FOLDED = 'BLOCK_FOLDED';
Scalar.BLOCK_LITERAL = 'BLOCK_LITERAL';
Scalar.PLAIN = 'PLAIN';
Scalar.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
Scalar.QUOTE_SINGLE = 'QUOTE_SINGLE';

exports.Scalar = Scalar;
exports.isScalarValue = isScalarValue;


/***/ }),

/***/ 4454:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyCollection = __nccwpck_require__(1212);
var addPairToJSMap = __nccwpck_require__(7104);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);

function findPair(items, key) {
    const k = identity.isScalar(key) ? key.value : key;
    for (const it of items) {
        if (identity.isPair(it)) {
            if (it.key === key || it.key === k)
                return it;
            if (identity.isScalar(it.key) && it.key.value === k)
                return it;
        }
    }
    return undefined;
}
class YAMLMap extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:map';
    }
    constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
    }
    /**
     * A generic collection parsing method that can be extended
     * to other node classes that inherit from YAMLMap
     */
    static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
            if (typeof replacer === 'function')
                value = replacer.call(obj, key, value);
            else if (Array.isArray(replacer) && !replacer.includes(key))
                return;
            if (value !== undefined || keepUndefined)
                map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
            for (const [key, value] of obj)
                add(key, value);
        }
        else if (obj && typeof obj === 'object') {
            for (const key of Object.keys(obj))
                add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === 'function') {
            map.items.sort(schema.sortMapEntries);
        }
        return map;
    }
    /**
     * Adds a value to the collection.
     *
     * @param overwrite - If not set `true`, using a key that is already in the
     *   collection will throw. Otherwise, overwrites the previous value.
     */
    add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
            _pair = pair;
        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
            // In TypeScript, this never happens.
            _pair = new Pair.Pair(pair, pair?.value);
        }
        else
            _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
            if (!overwrite)
                throw new Error(`Key ${_pair.key} already set`);
            // For scalars, keep the old node & its comments and anchors
            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
                prev.value.value = _pair.value;
            else
                prev.value = _pair.value;
        }
        else if (sortEntries) {
            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
            if (i === -1)
                this.items.push(_pair);
            else
                this.items.splice(i, 0, _pair);
        }
        else {
            this.items.push(_pair);
        }
    }
    delete(key) {
        const it = findPair(this.items, key);
        if (!it)
            return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
    }
    has(key) {
        return !!findPair(this.items, key);
    }
    set(key, value) {
        this.add(new Pair.Pair(key, value), true);
    }
    /**
     * @param ctx - Conversion context, originally set in Document#toJS()
     * @param {Class} Type - If set, forces the returned collection type
     * @returns Instance of Type, Map, or Object
     */
    toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const item of this.items)
            addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        for (const item of this.items) {
            if (!identity.isPair(item))
                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
            ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '',
            flowChars: { start: '{', end: '}' },
            itemIndent: ctx.indent || '',
            onChompKeep,
            onComment
        });
    }
}

exports.YAMLMap = YAMLMap;
exports.findPair = findPair;


/***/ }),

/***/ 2223:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyCollection = __nccwpck_require__(1212);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var toJS = __nccwpck_require__(4043);

class YAMLSeq extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:seq';
    }
    constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
    }
    add(value) {
        this.items.push(value);
    }
    /**
     * Removes a value from the collection.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     *
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return undefined;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     */
    has(key) {
        const idx = asItemIndex(key);
        return typeof idx === 'number' && idx < this.items.length;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     *
     * If `key` does not contain a representation of an integer, this will throw.
     * It may be wrapped in a `Scalar`.
     */
    set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
            prev.value = value;
        else
            this.items[idx] = value;
    }
    toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
            ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
            seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '- ',
            flowChars: { start: '[', end: ']' },
            itemIndent: (ctx.indent || '') + '  ',
            onChompKeep,
            onComment
        });
    }
    static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
            let i = 0;
            for (let it of obj) {
                if (typeof replacer === 'function') {
                    const key = obj instanceof Set ? it : String(i++);
                    it = replacer.call(obj, key, it);
                }
                seq.items.push(createNode.createNode(it, undefined, ctx));
            }
        }
        return seq;
    }
}
function asItemIndex(key) {
    let idx = identity.isScalar(key) ? key.value : key;
    if (idx && typeof idx === 'string')
        idx = Number(idx);
    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
        ? idx
        : null;
}

exports.YAMLSeq = YAMLSeq;


/***/ }),

/***/ 7104:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var log = __nccwpck_require__(7249);
var merge = __nccwpck_require__(452);
var stringify = __nccwpck_require__(2148);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

function addPairToJSMap(ctx, map, { key, value }) {
    if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
    // TODO: Should drop this special case for bare << handling
    else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
    else {
        const jsKey = toJS.toJS(key, '', ctx);
        if (map instanceof Map) {
            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        }
        else if (map instanceof Set) {
            map.add(jsKey);
        }
        else {
            const stringKey = stringifyKey(key, jsKey, ctx);
            const jsValue = toJS.toJS(value, stringKey, ctx);
            if (stringKey in map)
                Object.defineProperty(map, stringKey, {
                    value: jsValue,
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            else
                map[stringKey] = jsValue;
        }
    }
    return map;
}
function stringifyKey(key, jsKey, ctx) {
    if (jsKey === null)
        return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    if (typeof jsKey !== 'object')
        return String(jsKey);
    if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = new Set();
        for (const node of ctx.anchors.keys())
            strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
            let jsonStr = JSON.stringify(strKey);
            if (jsonStr.length > 40)
                jsonStr = jsonStr.substring(0, 36) + '..."';
            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
            ctx.mapKeyWarned = true;
        }
        return strKey;
    }
    return JSON.stringify(jsKey);
}

exports.addPairToJSMap = addPairToJSMap;


/***/ }),

/***/ 1127:
/***/ ((__unused_webpack_module, exports) => {



const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const NODE_TYPE = Symbol.for('yaml.node.type');
const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
function isCollection(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case MAP:
            case SEQ:
                return true;
        }
    return false;
}
function isNode(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case ALIAS:
            case MAP:
            case SCALAR:
            case SEQ:
                return true;
        }
    return false;
}
const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

exports.ALIAS = ALIAS;
exports.DOC = DOC;
exports.MAP = MAP;
exports.NODE_TYPE = NODE_TYPE;
exports.PAIR = PAIR;
exports.SCALAR = SCALAR;
exports.SEQ = SEQ;
exports.hasAnchor = hasAnchor;
exports.isAlias = isAlias;
exports.isCollection = isCollection;
exports.isDocument = isDocument;
exports.isMap = isMap;
exports.isNode = isNode;
exports.isPair = isPair;
exports.isScalar = isScalar;
exports.isSeq = isSeq;


/***/ }),

/***/ 4043:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

/**
 * Recursively convert any node or its contents to native JavaScript
 *
 * @param value - The input value
 * @param arg - If `value` defines a `toJSON()` method, use this
 *   as its first argument
 * @param ctx - Conversion context, originally set in Document#toJS(). If
 *   `{ keep: true }` is not set, output should be suitable for JSON
 *   stringification.
 */
function toJS(value, arg, ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
    if (value && typeof value.toJSON === 'function') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
        if (!ctx || !identity.hasAnchor(value))
            return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: undefined };
        ctx.anchors.set(value, data);
        ctx.onCreate = res => {
            data.res = res;
            delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
            ctx.onCreate(res);
        return res;
    }
    if (typeof value === 'bigint' && !ctx?.keep)
        return Number(value);
    return value;
}

exports.toJS = toJS;


/***/ }),

/***/ 110:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);
var errors = __nccwpck_require__(1464);
var stringifyString = __nccwpck_require__(3069);

function resolveAsScalar(token, strict = true, onError) {
    if (token) {
        const _onError = (pos, code, message) => {
            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
            if (onError)
                onError(offset, code, message);
            else
                throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
            case 'block-scalar':
                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
    }
    return null;
}
/**
 * Create a new scalar token with `value`
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.indent The indent level of the token.
 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
 * @param context.offset The offset position of the token.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function createScalarToken(value, context) {
    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    const end = context.end ?? [
        { type: 'newline', offset: -1, indent, source: '\n' }
    ];
    switch (source[0]) {
        case '|':
        case '>': {
            const he = source.indexOf('\n');
            const head = source.substring(0, he);
            const body = source.substring(he + 1) + '\n';
            const props = [
                { type: 'block-scalar-header', offset, indent, source: head }
            ];
            if (!addEndtoBlockProps(props, end))
                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
            return { type: 'block-scalar', offset, indent, props, source: body };
        }
        case '"':
            return { type: 'double-quoted-scalar', offset, indent, source, end };
        case "'":
            return { type: 'single-quoted-scalar', offset, indent, source, end };
        default:
            return { type: 'scalar', offset, indent, source, end };
    }
}
/**
 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
 *
 * Best efforts are made to retain any comments previously associated with the `token`,
 * though all contents within a collection's `items` will be overwritten.
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function setScalarValue(token, value, context = {}) {
    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
    let indent = 'indent' in token ? token.indent : null;
    if (afterKey && typeof indent === 'number')
        indent += 2;
    if (!type)
        switch (token.type) {
            case 'single-quoted-scalar':
                type = 'QUOTE_SINGLE';
                break;
            case 'double-quoted-scalar':
                type = 'QUOTE_DOUBLE';
                break;
            case 'block-scalar': {
                const header = token.props[0];
                if (header.type !== 'block-scalar-header')
                    throw new Error('Invalid block scalar header');
                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
                break;
            }
            default:
                type = 'PLAIN';
        }
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    switch (source[0]) {
        case '|':
        case '>':
            setBlockScalarValue(token, source);
            break;
        case '"':
            setFlowScalarValue(token, source, 'double-quoted-scalar');
            break;
        case "'":
            setFlowScalarValue(token, source, 'single-quoted-scalar');
            break;
        default:
            setFlowScalarValue(token, source, 'scalar');
    }
}
function setBlockScalarValue(token, source) {
    const he = source.indexOf('\n');
    const head = source.substring(0, he);
    const body = source.substring(he + 1) + '\n';
    if (token.type === 'block-scalar') {
        const header = token.props[0];
        if (header.type !== 'block-scalar-header')
            throw new Error('Invalid block scalar header');
        header.source = head;
        token.source = body;
    }
    else {
        const { offset } = token;
        const indent = 'indent' in token ? token.indent : -1;
        const props = [
            { type: 'block-scalar-header', offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
        for (const key of Object.keys(token))
            if (key !== 'type' && key !== 'offset')
                delete token[key];
        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
    }
}
/** @returns `true` if last token is a newline */
function addEndtoBlockProps(props, end) {
    if (end)
        for (const st of end)
            switch (st.type) {
                case 'space':
                case 'comment':
                    props.push(st);
                    break;
                case 'newline':
                    props.push(st);
                    return true;
            }
    return false;
}
function setFlowScalarValue(token, source, type) {
    switch (token.type) {
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            token.type = type;
            token.source = source;
            break;
        case 'block-scalar': {
            const end = token.props.slice(1);
            let oa = source.length;
            if (token.props[0].type === 'block-scalar-header')
                oa -= token.props[0].source.length;
            for (const tok of end)
                tok.offset += oa;
            delete token.props;
            Object.assign(token, { type, source, end });
            break;
        }
        case 'block-map':
        case 'block-seq': {
            const offset = token.offset + source.length;
            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
            delete token.items;
            Object.assign(token, { type, source, end: [nl] });
            break;
        }
        default: {
            const indent = 'indent' in token ? token.indent : -1;
            const end = 'end' in token && Array.isArray(token.end)
                ? token.end.filter(st => st.type === 'space' ||
                    st.type === 'comment' ||
                    st.type === 'newline')
                : [];
            for (const key of Object.keys(token))
                if (key !== 'type' && key !== 'offset')
                    delete token[key];
            Object.assign(token, { type, indent, source, end });
        }
    }
}

exports.createScalarToken = createScalarToken;
exports.resolveAsScalar = resolveAsScalar;
exports.setScalarValue = setScalarValue;


/***/ }),

/***/ 1733:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringify a CST document, token, or collection item
 *
 * Fair warning: This applies no validation whatsoever, and
 * simply concatenates the sources in their logical order.
 */
const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
    switch (token.type) {
        case 'block-scalar': {
            let res = '';
            for (const tok of token.props)
                res += stringifyToken(tok);
            return res + token.source;
        }
        case 'block-map':
        case 'block-seq': {
            let res = '';
            for (const item of token.items)
                res += stringifyItem(item);
            return res;
        }
        case 'flow-collection': {
            let res = token.start.source;
            for (const item of token.items)
                res += stringifyItem(item);
            for (const st of token.end)
                res += st.source;
            return res;
        }
        case 'document': {
            let res = stringifyItem(token);
            if (token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
        default: {
            let res = token.source;
            if ('end' in token && token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
    }
}
function stringifyItem({ start, key, sep, value }) {
    let res = '';
    for (const st of start)
        res += st.source;
    if (key)
        res += stringifyToken(key);
    if (sep)
        for (const st of sep)
            res += st.source;
    if (value)
        res += stringifyToken(value);
    return res;
}

exports.stringify = stringify;


/***/ }),

/***/ 7715:
/***/ ((__unused_webpack_module, exports) => {



const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove item');
/**
 * Apply a visitor to a CST document or item.
 *
 * Walks through the tree (depth-first) starting from the root, calling a
 * `visitor` function with two arguments when entering each item:
 *   - `item`: The current item, which included the following members:
 *     - `start: SourceToken[]` – Source tokens before the key or value,
 *       possibly including its anchor or tag.
 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
 *       the key before the `:` separator is empty.
 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
 *       which should include the `:` map value indicator if `value` is set.
 *     - `value?: Token` – The value of a sequence item, or of a map pair.
 *   - `path`: The steps from the root to the current node, as an array of
 *     `['key' | 'value', number]` tuples.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this token, continue with
 *      next sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
 *   - `number`: Set the index of the next step. This is useful especially if
 *     the index of the current token has changed.
 *   - `function`: Define the next visitor for this item. After the original
 *     visitor is called on item entry, next visitors are called after handling
 *     a non-empty `key` and when exiting the item.
 */
function visit(cst, visitor) {
    if ('type' in cst && cst.type === 'document')
        cst = { start: cst.start, value: cst.value };
    _visit(Object.freeze([]), cst, visitor);
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current item */
visit.SKIP = SKIP;
/** Remove the current item */
visit.REMOVE = REMOVE;
/** Find the item at `path` from `cst` as the root */
visit.itemAtPath = (cst, path) => {
    let item = cst;
    for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && 'items' in tok) {
            item = tok.items[index];
        }
        else
            return undefined;
    }
    return item;
};
/**
 * Get the immediate parent collection of the item at `path` from `cst` as the root.
 *
 * Throws an error if the collection is not found, which should never happen if the item itself exists.
 */
visit.parentCollection = (cst, path) => {
    const parent = visit.itemAtPath(cst, path.slice(0, -1));
    const field = path[path.length - 1][0];
    const coll = parent?.[field];
    if (coll && 'items' in coll)
        return coll;
    throw new Error('Parent collection not found');
};
function _visit(path, item, visitor) {
    let ctrl = visitor(item, path);
    if (typeof ctrl === 'symbol')
        return ctrl;
    for (const field of ['key', 'value']) {
        const token = item[field];
        if (token && 'items' in token) {
            for (let i = 0; i < token.items.length; ++i) {
                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    token.items.splice(i, 1);
                    i -= 1;
                }
            }
            if (typeof ctrl === 'function' && field === 'key')
                ctrl = ctrl(item, path);
        }
    }
    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
}

exports.visit = visit;


/***/ }),

/***/ 3461:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cstScalar = __nccwpck_require__(110);
var cstStringify = __nccwpck_require__(1733);
var cstVisit = __nccwpck_require__(7715);

/** The byte order mark */
const BOM = '\u{FEFF}';
/** Start of doc-mode */
const DOCUMENT = '\x02'; // C0: Start of Text
/** Unexpected end of flow-mode */
const FLOW_END = '\x18'; // C0: Cancel
/** Next token is a scalar value */
const SCALAR = '\x1f'; // C0: Unit Separator
/** @returns `true` if `token` is a flow or block collection */
const isCollection = (token) => !!token && 'items' in token;
/** @returns `true` if `token` is a flow or block scalar; not an alias */
const isScalar = (token) => !!token &&
    (token.type === 'scalar' ||
        token.type === 'single-quoted-scalar' ||
        token.type === 'double-quoted-scalar' ||
        token.type === 'block-scalar');
/* istanbul ignore next */
/** Get a printable representation of a lexer token */
function prettyToken(token) {
    switch (token) {
        case BOM:
            return '<BOM>';
        case DOCUMENT:
            return '<DOC>';
        case FLOW_END:
            return '<FLOW_END>';
        case SCALAR:
            return '<SCALAR>';
        default:
            return JSON.stringify(token);
    }
}
/** Identify the type of a lexer token. May return `null` for unknown tokens. */
function tokenType(source) {
    switch (source) {
        case BOM:
            return 'byte-order-mark';
        case DOCUMENT:
            return 'doc-mode';
        case FLOW_END:
            return 'flow-error-end';
        case SCALAR:
            return 'scalar';
        case '---':
            return 'doc-start';
        case '...':
            return 'doc-end';
        case '':
        case '\n':
        case '\r\n':
            return 'newline';
        case '-':
            return 'seq-item-ind';
        case '?':
            return 'explicit-key-ind';
        case ':':
            return 'map-value-ind';
        case '{':
            return 'flow-map-start';
        case '}':
            return 'flow-map-end';
        case '[':
            return 'flow-seq-start';
        case ']':
            return 'flow-seq-end';
        case ',':
            return 'comma';
    }
    switch (source[0]) {
        case ' ':
        case '\t':
            return 'space';
        case '#':
            return 'comment';
        case '%':
            return 'directive-line';
        case '*':
            return 'alias';
        case '&':
            return 'anchor';
        case '!':
            return 'tag';
        case "'":
            return 'single-quoted-scalar';
        case '"':
            return 'double-quoted-scalar';
        case '|':
        case '>':
            return 'block-scalar-header';
    }
    return null;
}

exports.createScalarToken = cstScalar.createScalarToken;
exports.resolveAsScalar = cstScalar.resolveAsScalar;
exports.setScalarValue = cstScalar.setScalarValue;
exports.stringify = cstStringify.stringify;
exports.visit = cstVisit.visit;
exports.BOM = BOM;
exports.DOCUMENT = DOCUMENT;
exports.FLOW_END = FLOW_END;
exports.SCALAR = SCALAR;
exports.isCollection = isCollection;
exports.isScalar = isScalar;
exports.prettyToken = prettyToken;
exports.tokenType = tokenType;


/***/ }),

/***/ 361:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cst = __nccwpck_require__(3461);

/*
START -> stream

stream
  directive -> line-end -> stream
  indent + line-end -> stream
  [else] -> line-start

line-end
  comment -> line-end
  newline -> .
  input-end -> END

line-start
  doc-start -> doc
  doc-end -> stream
  [else] -> indent -> block-start

block-start
  seq-item-start -> block-start
  explicit-key-start -> block-start
  map-value-start -> block-start
  [else] -> doc

doc
  line-end -> line-start
  spaces -> doc
  anchor -> doc
  tag -> doc
  flow-start -> flow -> doc
  flow-end -> error -> doc
  seq-item-start -> error -> doc
  explicit-key-start -> error -> doc
  map-value-start -> doc
  alias -> doc
  quote-start -> quoted-scalar -> doc
  block-scalar-header -> line-end -> block-scalar(min) -> line-start
  [else] -> plain-scalar(false, min) -> doc

flow
  line-end -> flow
  spaces -> flow
  anchor -> flow
  tag -> flow
  flow-start -> flow -> flow
  flow-end -> .
  seq-item-start -> error -> flow
  explicit-key-start -> flow
  map-value-start -> flow
  alias -> flow
  quote-start -> quoted-scalar -> flow
  comma -> flow
  [else] -> plain-scalar(true, 0) -> flow

quoted-scalar
  quote-end -> .
  [else] -> quoted-scalar

block-scalar(min)
  newline + peek(indent < min) -> .
  [else] -> block-scalar(min)

plain-scalar(is-flow, min)
  scalar-end(is-flow) -> .
  peek(newline + (indent < min)) -> .
  [else] -> plain-scalar(min)
*/
function isEmpty(ch) {
    switch (ch) {
        case undefined:
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            return true;
        default:
            return false;
    }
}
const hexDigits = new Set('0123456789ABCDEFabcdef');
const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const flowIndicatorChars = new Set(',[]{}');
const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
/**
 * Splits an input string into lexical tokens, i.e. smaller strings that are
 * easily identifiable by `tokens.tokenType()`.
 *
 * Lexing starts always in a "stream" context. Incomplete input may be buffered
 * until a complete token can be emitted.
 *
 * In addition to slices of the original input, the following control characters
 * may also be emitted:
 *
 * - `\x02` (Start of Text): A document starts with the next token
 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
 * - `\x1f` (Unit Separator): Next token is a scalar value
 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
 */
class Lexer {
    constructor() {
        /**
         * Flag indicating whether the end of the current buffer marks the end of
         * all input
         */
        this.atEnd = false;
        /**
         * Explicit indent set in block scalar header, as an offset from the current
         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
         * explicitly set.
         */
        this.blockScalarIndent = -1;
        /**
         * Block scalars that include a + (keep) chomping indicator in their header
         * include trailing empty lines, which are otherwise excluded from the
         * scalar's contents.
         */
        this.blockScalarKeep = false;
        /** Current input */
        this.buffer = '';
        /**
         * Flag noting whether the map value indicator : can immediately follow this
         * node within a flow context.
         */
        this.flowKey = false;
        /** Count of surrounding flow collection levels. */
        this.flowLevel = 0;
        /**
         * Minimum level of indentation required for next lines to be parsed as a
         * part of the current scalar value.
         */
        this.indentNext = 0;
        /** Indentation level of the current line. */
        this.indentValue = 0;
        /** Position of the next \n character. */
        this.lineEndPos = null;
        /** Stores the state of the lexer if reaching the end of incpomplete input */
        this.next = null;
        /** A pointer to `buffer`; the current position of the lexer. */
        this.pos = 0;
    }
    /**
     * Generate YAML tokens from the `source` string. If `incomplete`,
     * a part of the last line may be left as a buffer for the next call.
     *
     * @returns A generator of lexical tokens
     */
    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }
    atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === ' ' || ch === '\t')
            ch = this.buffer[++i];
        if (!ch || ch === '#' || ch === '\n')
            return true;
        if (ch === '\r')
            return this.buffer[i + 1] === '\n';
        return false;
    }
    charAt(n) {
        return this.buffer[this.pos + n];
    }
    continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
            let indent = 0;
            while (ch === ' ')
                ch = this.buffer[++indent + offset];
            if (ch === '\r') {
                const next = this.buffer[indent + offset + 1];
                if (next === '\n' || (!next && !this.atEnd))
                    return offset + indent + 1;
            }
            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
                ? offset + indent
                : -1;
        }
        if (ch === '-' || ch === '.') {
            const dt = this.buffer.substr(offset, 3);
            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
                return -1;
        }
        return offset;
    }
    getLine() {
        let end = this.lineEndPos;
        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
            end = this.buffer.indexOf('\n', this.pos);
            this.lineEndPos = end;
        }
        if (end === -1)
            return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === '\r')
            end -= 1;
        return this.buffer.substring(this.pos, end);
    }
    hasChars(n) {
        return this.pos + n <= this.buffer.length;
    }
    setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
    }
    peek(n) {
        return this.buffer.substr(this.pos, n);
    }
    *parseNext(next) {
        switch (next) {
            case 'stream':
                return yield* this.parseStream();
            case 'line-start':
                return yield* this.parseLineStart();
            case 'block-start':
                return yield* this.parseBlockStart();
            case 'doc':
                return yield* this.parseDocument();
            case 'flow':
                return yield* this.parseFlowCollection();
            case 'quoted-scalar':
                return yield* this.parseQuotedScalar();
            case 'block-scalar':
                return yield* this.parseBlockScalar();
            case 'plain-scalar':
                return yield* this.parsePlainScalar();
        }
    }
    *parseStream() {
        let line = this.getLine();
        if (line === null)
            return this.setNext('stream');
        if (line[0] === cst.BOM) {
            yield* this.pushCount(1);
            line = line.substring(1);
        }
        if (line[0] === '%') {
            let dirEnd = line.length;
            let cs = line.indexOf('#');
            while (cs !== -1) {
                const ch = line[cs - 1];
                if (ch === ' ' || ch === '\t') {
                    dirEnd = cs - 1;
                    break;
                }
                else {
                    cs = line.indexOf('#', cs + 1);
                }
            }
            while (true) {
                const ch = line[dirEnd - 1];
                if (ch === ' ' || ch === '\t')
                    dirEnd -= 1;
                else
                    break;
            }
            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
            yield* this.pushCount(line.length - n); // possible comment
            this.pushNewline();
            return 'stream';
        }
        if (this.atLineEnd()) {
            const sp = yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - sp);
            yield* this.pushNewline();
            return 'stream';
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
    }
    *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
            return this.setNext('line-start');
        if (ch === '-' || ch === '.') {
            if (!this.atEnd && !this.hasChars(4))
                return this.setNext('line-start');
            const s = this.peek(3);
            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
                yield* this.pushCount(3);
                this.indentValue = 0;
                this.indentNext = 0;
                return s === '---' ? 'doc' : 'stream';
            }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
            this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
    }
    *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
            return this.setNext('block-start');
        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
            this.indentNext = this.indentValue + 1;
            this.indentValue += n;
            return 'block-start';
        }
        return 'doc';
    }
    *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
            return this.setNext('doc');
        let n = yield* this.pushIndicators();
        switch (line[n]) {
            case '#':
                yield* this.pushCount(line.length - n);
            // fallthrough
            case undefined:
                yield* this.pushNewline();
                return yield* this.parseLineStart();
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel = 1;
                return 'flow';
            case '}':
            case ']':
                // this is an error
                yield* this.pushCount(1);
                return 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'doc';
            case '"':
            case "'":
                return yield* this.parseQuotedScalar();
            case '|':
            case '>':
                n += yield* this.parseBlockScalarHeader();
                n += yield* this.pushSpaces(true);
                yield* this.pushCount(line.length - n);
                yield* this.pushNewline();
                return yield* this.parseBlockScalar();
            default:
                return yield* this.parsePlainScalar();
        }
    }
    *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
            nl = yield* this.pushNewline();
            if (nl > 0) {
                sp = yield* this.pushSpaces(false);
                this.indentValue = indent = sp;
            }
            else {
                sp = 0;
            }
            sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
            return this.setNext('flow');
        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
            (indent === 0 &&
                (line.startsWith('---') || line.startsWith('...')) &&
                isEmpty(line[3]))) {
            // Allowing for the terminal ] or } at the same (rather than greater)
            // indent level as the initial [ or { is technically invalid, but
            // failing here would be surprising to users.
            const atFlowEndMarker = indent === this.indentNext - 1 &&
                this.flowLevel === 1 &&
                (line[0] === ']' || line[0] === '}');
            if (!atFlowEndMarker) {
                // this is an error
                this.flowLevel = 0;
                yield cst.FLOW_END;
                return yield* this.parseLineStart();
            }
        }
        let n = 0;
        while (line[n] === ',') {
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
            case undefined:
                return 'flow';
            case '#':
                yield* this.pushCount(line.length - n);
                return 'flow';
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel += 1;
                return 'flow';
            case '}':
            case ']':
                yield* this.pushCount(1);
                this.flowKey = true;
                this.flowLevel -= 1;
                return this.flowLevel ? 'flow' : 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'flow';
            case '"':
            case "'":
                this.flowKey = true;
                return yield* this.parseQuotedScalar();
            case ':': {
                const next = this.charAt(1);
                if (this.flowKey || isEmpty(next) || next === ',') {
                    this.flowKey = false;
                    yield* this.pushCount(1);
                    yield* this.pushSpaces(true);
                    return 'flow';
                }
            }
            // fallthrough
            default:
                this.flowKey = false;
                return yield* this.parsePlainScalar();
        }
    }
    *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
            while (end !== -1 && this.buffer[end + 1] === "'")
                end = this.buffer.indexOf("'", end + 2);
        }
        else {
            // double-quote
            while (end !== -1) {
                let n = 0;
                while (this.buffer[end - 1 - n] === '\\')
                    n += 1;
                if (n % 2 === 0)
                    break;
                end = this.buffer.indexOf('"', end + 1);
            }
        }
        // Only looking for newlines within the quotes
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf('\n', this.pos);
        if (nl !== -1) {
            while (nl !== -1) {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = qb.indexOf('\n', cs);
            }
            if (nl !== -1) {
                // this is an error caused by an unexpected unindent
                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
            }
        }
        if (end === -1) {
            if (!this.atEnd)
                return this.setNext('quoted-scalar');
            end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? 'flow' : 'doc';
    }
    *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
            const ch = this.buffer[++i];
            if (ch === '+')
                this.blockScalarKeep = true;
            else if (ch > '0' && ch <= '9')
                this.blockScalarIndent = Number(ch) - 1;
            else if (ch !== '-')
                break;
        }
        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
    }
    *parseBlockScalar() {
        let nl = this.pos - 1; // may be -1 if this.pos === 0
        let indent = 0;
        let ch;
        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
            switch (ch) {
                case ' ':
                    indent += 1;
                    break;
                case '\n':
                    nl = i;
                    indent = 0;
                    break;
                case '\r': {
                    const next = this.buffer[i + 1];
                    if (!next && !this.atEnd)
                        return this.setNext('block-scalar');
                    if (next === '\n')
                        break;
                } // fallthrough
                default:
                    break loop;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('block-scalar');
        if (indent >= this.indentNext) {
            if (this.blockScalarIndent === -1)
                this.indentNext = indent;
            else {
                this.indentNext =
                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
            }
            do {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = this.buffer.indexOf('\n', cs);
            } while (nl !== -1);
            if (nl === -1) {
                if (!this.atEnd)
                    return this.setNext('block-scalar');
                nl = this.buffer.length;
            }
        }
        // Trailing insufficiently indented tabs are invalid.
        // To catch that during parsing, we include them in the block scalar value.
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === ' ')
            ch = this.buffer[++i];
        if (ch === '\t') {
            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
                ch = this.buffer[++i];
            nl = i - 1;
        }
        else if (!this.blockScalarKeep) {
            do {
                let i = nl - 1;
                let ch = this.buffer[i];
                if (ch === '\r')
                    ch = this.buffer[--i];
                const lastChar = i; // Drop the line if last char not more indented
                while (ch === ' ')
                    ch = this.buffer[--i];
                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
                    nl = i;
                else
                    break;
            } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
    }
    *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while ((ch = this.buffer[++i])) {
            if (ch === ':') {
                const next = this.buffer[i + 1];
                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
                    break;
                end = i;
            }
            else if (isEmpty(ch)) {
                let next = this.buffer[i + 1];
                if (ch === '\r') {
                    if (next === '\n') {
                        i += 1;
                        ch = '\n';
                        next = this.buffer[i + 1];
                    }
                    else
                        end = i;
                }
                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
                    break;
                if (ch === '\n') {
                    const cs = this.continueScalar(i + 1);
                    if (cs === -1)
                        break;
                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
                }
            }
            else {
                if (inFlow && flowIndicatorChars.has(ch))
                    break;
                end = i;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('plain-scalar');
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? 'flow' : 'doc';
    }
    *pushCount(n) {
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos += n;
            return n;
        }
        return 0;
    }
    *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
            yield s;
            this.pos += s.length;
            return s.length;
        }
        else if (allowEmpty)
            yield '';
        return 0;
    }
    *pushIndicators() {
        let n = 0;
        loop: while (true) {
            switch (this.charAt(0)) {
                case '!':
                    n += yield* this.pushTag();
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '&':
                    n += yield* this.pushUntil(isNotAnchorChar);
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '-': // this is an error
                case '?': // this is an error outside flow collections
                case ':': {
                    const inFlow = this.flowLevel > 0;
                    const ch1 = this.charAt(1);
                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
                        if (!inFlow)
                            this.indentNext = this.indentValue + 1;
                        else if (this.flowKey)
                            this.flowKey = false;
                        n += yield* this.pushCount(1);
                        n += yield* this.pushSpaces(true);
                        continue loop;
                    }
                }
            }
            break loop;
        }
        return n;
    }
    *pushTag() {
        if (this.charAt(1) === '<') {
            let i = this.pos + 2;
            let ch = this.buffer[i];
            while (!isEmpty(ch) && ch !== '>')
                ch = this.buffer[++i];
            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
        }
        else {
            let i = this.pos + 1;
            let ch = this.buffer[i];
            while (ch) {
                if (tagChars.has(ch))
                    ch = this.buffer[++i];
                else if (ch === '%' &&
                    hexDigits.has(this.buffer[i + 1]) &&
                    hexDigits.has(this.buffer[i + 2])) {
                    ch = this.buffer[(i += 3)];
                }
                else
                    break;
            }
            return yield* this.pushToIndex(i, false);
        }
    }
    *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === '\n')
            return yield* this.pushCount(1);
        else if (ch === '\r' && this.charAt(1) === '\n')
            return yield* this.pushCount(2);
        else
            return 0;
    }
    *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
            ch = this.buffer[++i];
        } while (ch === ' ' || (allowTabs && ch === '\t'));
        const n = i - this.pos;
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos = i;
        }
        return n;
    }
    *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
            ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
    }
}

exports.Lexer = Lexer;


/***/ }),

/***/ 6628:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Tracks newlines during parsing in order to provide an efficient API for
 * determining the one-indexed `{ line, col }` position for any offset
 * within the input.
 */
class LineCounter {
    constructor() {
        this.lineStarts = [];
        /**
         * Should be called in ascending order. Otherwise, call
         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
         */
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        /**
         * Performs a binary search and returns the 1-indexed { line, col }
         * position of `offset`. If `line === 0`, `addNewLine` has never been
         * called or `offset` is before the first known newline.
         */
        this.linePos = (offset) => {
            let low = 0;
            let high = this.lineStarts.length;
            while (low < high) {
                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
                if (this.lineStarts[mid] < offset)
                    low = mid + 1;
                else
                    high = mid;
            }
            if (this.lineStarts[low] === offset)
                return { line: low + 1, col: 1 };
            if (low === 0)
                return { line: 0, col: offset };
            const start = this.lineStarts[low - 1];
            return { line: low, col: offset - start + 1 };
        };
    }
}

exports.LineCounter = LineCounter;


/***/ }),

/***/ 3456:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);

function includesToken(list, type) {
    for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
            return true;
    return false;
}
function findNonEmptyIndex(list) {
    for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
            case 'space':
            case 'comment':
            case 'newline':
                break;
            default:
                return i;
        }
    }
    return -1;
}
function isFlowToken(token) {
    switch (token?.type) {
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'flow-collection':
            return true;
        default:
            return false;
    }
}
function getPrevProps(parent) {
    switch (parent.type) {
        case 'document':
            return parent.start;
        case 'block-map': {
            const it = parent.items[parent.items.length - 1];
            return it.sep ?? it.start;
        }
        case 'block-seq':
            return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
            return [];
    }
}
/** Note: May modify input array */
function getFirstKeyStartProps(prev) {
    if (prev.length === 0)
        return [];
    let i = prev.length;
    loop: while (--i >= 0) {
        switch (prev[i].type) {
            case 'doc-start':
            case 'explicit-key-ind':
            case 'map-value-ind':
            case 'seq-item-ind':
            case 'newline':
                break loop;
        }
    }
    while (prev[++i]?.type === 'space') {
        /* loop */
    }
    return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
    // May exhaust call stack with large `source` array
    if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
    else
        for (let i = 0; i < source.length; ++i)
            target.push(source[i]);
}
function fixFlowSeqItems(fc) {
    if (fc.start.type === 'flow-seq-start') {
        for (const it of fc.items) {
            if (it.sep &&
                !it.value &&
                !includesToken(it.start, 'explicit-key-ind') &&
                !includesToken(it.sep, 'map-value-ind')) {
                if (it.key)
                    it.value = it.key;
                delete it.key;
                if (isFlowToken(it.value)) {
                    if (it.value.end)
                        arrayPushArray(it.value.end, it.sep);
                    else
                        it.value.end = it.sep;
                }
                else
                    arrayPushArray(it.start, it.sep);
                delete it.sep;
            }
        }
    }
}
/**
 * A YAML concrete syntax tree (CST) parser
 *
 * ```ts
 * const src: string = ...
 * for (const token of new Parser().parse(src)) {
 *   // token: Token
 * }
 * ```
 *
 * To use the parser with a user-provided lexer:
 *
 * ```ts
 * function* parse(source: string, lexer: Lexer) {
 *   const parser = new Parser()
 *   for (const lexeme of lexer.lex(source))
 *     yield* parser.next(lexeme)
 *   yield* parser.end()
 * }
 *
 * const src: string = ...
 * const lexer = new Lexer()
 * for (const token of parse(src, lexer)) {
 *   // token: Token
 * }
 * ```
 */
class Parser {
    /**
     * @param onNewLine - If defined, called separately with the start position of
     *   each new line (in `parse()`, including the start of input).
     */
    constructor(onNewLine) {
        /** If true, space and sequence indicators count as indentation */
        this.atNewLine = true;
        /** If true, next token is a scalar value */
        this.atScalar = false;
        /** Current indentation level */
        this.indent = 0;
        /** Current offset since the start of parsing */
        this.offset = 0;
        /** On the same line with a block map key */
        this.onKeyLine = false;
        /** Top indicates the node that's currently being built */
        this.stack = [];
        /** The source of the current token, set in parse() */
        this.source = '';
        /** The type of the current token, set in parse() */
        this.type = '';
        // Must be defined after `next()`
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
    }
    /**
     * Parse `source` as a YAML stream.
     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
     *
     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
     *
     * @returns A generator of tokens representing each directive, document, and other structure.
     */
    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }
    /**
     * Advance the parser by the `source` of one lexical token.
     */
    *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
            console.log('|', cst.prettyToken(source));
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = cst.tokenType(source);
        if (!type) {
            const message = `Not a YAML token: ${source}`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }
    /** Call at end of input to push out any remaining constructions */
    *end() {
        while (this.stack.length > 0)
            yield* this.pop();
    }
    get sourceToken() {
        const st = {
            type: this.type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
        return st;
    }
    *step() {
        const top = this.peek(1);
        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
            while (this.stack.length > 0)
                yield* this.pop();
            this.stack.push({
                type: 'doc-end',
                offset: this.offset,
                source: this.source
            });
            return;
        }
        if (!top)
            return yield* this.stream();
        switch (top.type) {
            case 'document':
                return yield* this.document(top);
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return yield* this.scalar(top);
            case 'block-scalar':
                return yield* this.blockScalar(top);
            case 'block-map':
                return yield* this.blockMap(top);
            case 'block-seq':
                return yield* this.blockSequence(top);
            case 'flow-collection':
                return yield* this.flowCollection(top);
            case 'doc-end':
                return yield* this.documentEnd(top);
        }
        /* istanbul ignore next should not happen */
        yield* this.pop();
    }
    peek(n) {
        return this.stack[this.stack.length - n];
    }
    *pop(error) {
        const token = error ?? this.stack.pop();
        /* istanbul ignore if should not happen */
        if (!token) {
            const message = 'Tried to pop an empty stack';
            yield { type: 'error', offset: this.offset, source: '', message };
        }
        else if (this.stack.length === 0) {
            yield token;
        }
        else {
            const top = this.peek(1);
            if (token.type === 'block-scalar') {
                // Block scalars use their parent rather than header indent
                token.indent = 'indent' in top ? top.indent : 0;
            }
            else if (token.type === 'flow-collection' && top.type === 'document') {
                // Ignore all indent for top-level flow collections
                token.indent = 0;
            }
            if (token.type === 'flow-collection')
                fixFlowSeqItems(token);
            switch (top.type) {
                case 'document':
                    top.value = token;
                    break;
                case 'block-scalar':
                    top.props.push(token); // error
                    break;
                case 'block-map': {
                    const it = top.items[top.items.length - 1];
                    if (it.value) {
                        top.items.push({ start: [], key: token, sep: [] });
                        this.onKeyLine = true;
                        return;
                    }
                    else if (it.sep) {
                        it.value = token;
                    }
                    else {
                        Object.assign(it, { key: token, sep: [] });
                        this.onKeyLine = !it.explicitKey;
                        return;
                    }
                    break;
                }
                case 'block-seq': {
                    const it = top.items[top.items.length - 1];
                    if (it.value)
                        top.items.push({ start: [], value: token });
                    else
                        it.value = token;
                    break;
                }
                case 'flow-collection': {
                    const it = top.items[top.items.length - 1];
                    if (!it || it.value)
                        top.items.push({ start: [], key: token, sep: [] });
                    else if (it.sep)
                        it.value = token;
                    else
                        Object.assign(it, { key: token, sep: [] });
                    return;
                }
                /* istanbul ignore next should not happen */
                default:
                    yield* this.pop();
                    yield* this.pop(token);
            }
            if ((top.type === 'document' ||
                top.type === 'block-map' ||
                top.type === 'block-seq') &&
                (token.type === 'block-map' || token.type === 'block-seq')) {
                const last = token.items[token.items.length - 1];
                if (last &&
                    !last.sep &&
                    !last.value &&
                    last.start.length > 0 &&
                    findNonEmptyIndex(last.start) === -1 &&
                    (token.indent === 0 ||
                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
                    if (top.type === 'document')
                        top.end = last.start;
                    else
                        top.items.push({ start: last.start });
                    token.items.splice(-1, 1);
                }
            }
        }
    }
    *stream() {
        switch (this.type) {
            case 'directive-line':
                yield { type: 'directive', offset: this.offset, source: this.source };
                return;
            case 'byte-order-mark':
            case 'space':
            case 'comment':
            case 'newline':
                yield this.sourceToken;
                return;
            case 'doc-mode':
            case 'doc-start': {
                const doc = {
                    type: 'document',
                    offset: this.offset,
                    start: []
                };
                if (this.type === 'doc-start')
                    doc.start.push(this.sourceToken);
                this.stack.push(doc);
                return;
            }
        }
        yield {
            type: 'error',
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML stream`,
            source: this.source
        };
    }
    *document(doc) {
        if (doc.value)
            return yield* this.lineEnd(doc);
        switch (this.type) {
            case 'doc-start': {
                if (findNonEmptyIndex(doc.start) !== -1) {
                    yield* this.pop();
                    yield* this.step();
                }
                else
                    doc.start.push(this.sourceToken);
                return;
            }
            case 'anchor':
            case 'tag':
            case 'space':
            case 'comment':
            case 'newline':
                doc.start.push(this.sourceToken);
                return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
            this.stack.push(bv);
        else {
            yield {
                type: 'error',
                offset: this.offset,
                message: `Unexpected ${this.type} token in YAML document`,
                source: this.source
            };
        }
    }
    *scalar(scalar) {
        if (this.type === 'map-value-ind') {
            const prev = getPrevProps(this.peek(2));
            const start = getFirstKeyStartProps(prev);
            let sep;
            if (scalar.end) {
                sep = scalar.end;
                sep.push(this.sourceToken);
                delete scalar.end;
            }
            else
                sep = [this.sourceToken];
            const map = {
                type: 'block-map',
                offset: scalar.offset,
                indent: scalar.indent,
                items: [{ start, key: scalar, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
        }
        else
            yield* this.lineEnd(scalar);
    }
    *blockScalar(scalar) {
        switch (this.type) {
            case 'space':
            case 'comment':
            case 'newline':
                scalar.props.push(this.sourceToken);
                return;
            case 'scalar':
                scalar.source = this.source;
                // block-scalar source includes trailing newline
                this.atNewLine = true;
                this.indent = 0;
                if (this.onNewLine) {
                    let nl = this.source.indexOf('\n') + 1;
                    while (nl !== 0) {
                        this.onNewLine(this.offset + nl);
                        nl = this.source.indexOf('\n', nl) + 1;
                    }
                }
                yield* this.pop();
                break;
            /* istanbul ignore next should not happen */
            default:
                yield* this.pop();
                yield* this.step();
        }
    }
    *blockMap(map) {
        const it = map.items[map.items.length - 1];
        // it.sep is true-ish if pair already has key or : separator
        switch (this.type) {
            case 'newline':
                this.onKeyLine = false;
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    it.start.push(this.sourceToken);
                }
                return;
            case 'space':
            case 'comment':
                if (it.value) {
                    map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    if (this.atIndentedComment(it.start, map.indent)) {
                        const prev = map.items[map.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            map.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
        }
        if (this.indent >= map.indent) {
            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
            const atNextItem = atMapIndent &&
                (it.sep || it.explicitKey) &&
                this.type !== 'seq-item-ind';
            // For empty nodes, assign newline-separated not indented empty tokens to following node
            let start = [];
            if (atNextItem && it.sep && !it.value) {
                const nl = [];
                for (let i = 0; i < it.sep.length; ++i) {
                    const st = it.sep[i];
                    switch (st.type) {
                        case 'newline':
                            nl.push(i);
                            break;
                        case 'space':
                            break;
                        case 'comment':
                            if (st.indent > map.indent)
                                nl.length = 0;
                            break;
                        default:
                            nl.length = 0;
                    }
                }
                if (nl.length >= 2)
                    start = it.sep.splice(nl[1]);
            }
            switch (this.type) {
                case 'anchor':
                case 'tag':
                    if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        it.sep.push(this.sourceToken);
                    }
                    else {
                        it.start.push(this.sourceToken);
                    }
                    return;
                case 'explicit-key-ind':
                    if (!it.sep && !it.explicitKey) {
                        it.start.push(this.sourceToken);
                        it.explicitKey = true;
                    }
                    else if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start, explicitKey: true });
                    }
                    else {
                        this.stack.push({
                            type: 'block-map',
                            offset: this.offset,
                            indent: this.indent,
                            items: [{ start: [this.sourceToken], explicitKey: true }]
                        });
                    }
                    this.onKeyLine = true;
                    return;
                case 'map-value-ind':
                    if (it.explicitKey) {
                        if (!it.sep) {
                            if (includesToken(it.start, 'newline')) {
                                Object.assign(it, { key: null, sep: [this.sourceToken] });
                            }
                            else {
                                const start = getFirstKeyStartProps(it.start);
                                this.stack.push({
                                    type: 'block-map',
                                    offset: this.offset,
                                    indent: this.indent,
                                    items: [{ start, key: null, sep: [this.sourceToken] }]
                                });
                            }
                        }
                        else if (it.value) {
                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else if (isFlowToken(it.key) &&
                            !includesToken(it.sep, 'newline')) {
                            const start = getFirstKeyStartProps(it.start);
                            const key = it.key;
                            const sep = it.sep;
                            sep.push(this.sourceToken);
                            // @ts-expect-error type guard is wrong here
                            delete it.key;
                            // @ts-expect-error type guard is wrong here
                            delete it.sep;
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key, sep }]
                            });
                        }
                        else if (start.length > 0) {
                            // Not actually at next item
                            it.sep = it.sep.concat(start, this.sourceToken);
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    else {
                        if (!it.sep) {
                            Object.assign(it, { key: null, sep: [this.sourceToken] });
                        }
                        else if (it.value || atNextItem) {
                            map.items.push({ start, key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    this.onKeyLine = true;
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (atNextItem || it.value) {
                        map.items.push({ start, key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        this.stack.push(fs);
                    }
                    else {
                        Object.assign(it, { key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    return;
                }
                default: {
                    const bv = this.startBlockValue(map);
                    if (bv) {
                        if (bv.type === 'block-seq') {
                            if (!it.explicitKey &&
                                it.sep &&
                                !includesToken(it.sep, 'newline')) {
                                yield* this.pop({
                                    type: 'error',
                                    offset: this.offset,
                                    message: 'Unexpected block-seq-ind on same line with key',
                                    source: this.source
                                });
                                return;
                            }
                        }
                        else if (atMapIndent) {
                            map.items.push({ start });
                        }
                        this.stack.push(bv);
                        return;
                    }
                }
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
            case 'newline':
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        seq.items.push({ start: [this.sourceToken] });
                }
                else
                    it.start.push(this.sourceToken);
                return;
            case 'space':
            case 'comment':
                if (it.value)
                    seq.items.push({ start: [this.sourceToken] });
                else {
                    if (this.atIndentedComment(it.start, seq.indent)) {
                        const prev = seq.items[seq.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            seq.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
            case 'anchor':
            case 'tag':
                if (it.value || this.indent <= seq.indent)
                    break;
                it.start.push(this.sourceToken);
                return;
            case 'seq-item-ind':
                if (this.indent !== seq.indent)
                    break;
                if (it.value || includesToken(it.start, 'seq-item-ind'))
                    seq.items.push({ start: [this.sourceToken] });
                else
                    it.start.push(this.sourceToken);
                return;
        }
        if (this.indent > seq.indent) {
            const bv = this.startBlockValue(seq);
            if (bv) {
                this.stack.push(bv);
                return;
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === 'flow-error-end') {
            let top;
            do {
                yield* this.pop();
                top = this.peek(1);
            } while (top?.type === 'flow-collection');
        }
        else if (fc.end.length === 0) {
            switch (this.type) {
                case 'comma':
                case 'explicit-key-ind':
                    if (!it || it.sep)
                        fc.items.push({ start: [this.sourceToken] });
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'map-value-ind':
                    if (!it || it.value)
                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        Object.assign(it, { key: null, sep: [this.sourceToken] });
                    return;
                case 'space':
                case 'comment':
                case 'newline':
                case 'anchor':
                case 'tag':
                    if (!it || it.value)
                        fc.items.push({ start: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (!it || it.value)
                        fc.items.push({ start: [], key: fs, sep: [] });
                    else if (it.sep)
                        this.stack.push(fs);
                    else
                        Object.assign(it, { key: fs, sep: [] });
                    return;
                }
                case 'flow-map-end':
                case 'flow-seq-end':
                    fc.end.push(this.sourceToken);
                    return;
            }
            const bv = this.startBlockValue(fc);
            /* istanbul ignore else should not happen */
            if (bv)
                this.stack.push(bv);
            else {
                yield* this.pop();
                yield* this.step();
            }
        }
        else {
            const parent = this.peek(2);
            if (parent.type === 'block-map' &&
                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
                    (this.type === 'newline' &&
                        !parent.items[parent.items.length - 1].sep))) {
                yield* this.pop();
                yield* this.step();
            }
            else if (this.type === 'map-value-ind' &&
                parent.type !== 'flow-collection') {
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                fixFlowSeqItems(fc);
                const sep = fc.end.splice(1, fc.end.length);
                sep.push(this.sourceToken);
                const map = {
                    type: 'block-map',
                    offset: fc.offset,
                    indent: fc.indent,
                    items: [{ start, key: fc, sep }]
                };
                this.onKeyLine = true;
                this.stack[this.stack.length - 1] = map;
            }
            else {
                yield* this.lineEnd(fc);
            }
        }
    }
    flowScalar(type) {
        if (this.onNewLine) {
            let nl = this.source.indexOf('\n') + 1;
            while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf('\n', nl) + 1;
            }
        }
        return {
            type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
    }
    startBlockValue(parent) {
        switch (this.type) {
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return this.flowScalar(this.type);
            case 'block-scalar-header':
                return {
                    type: 'block-scalar',
                    offset: this.offset,
                    indent: this.indent,
                    props: [this.sourceToken],
                    source: ''
                };
            case 'flow-map-start':
            case 'flow-seq-start':
                return {
                    type: 'flow-collection',
                    offset: this.offset,
                    indent: this.indent,
                    start: this.sourceToken,
                    items: [],
                    end: []
                };
            case 'seq-item-ind':
                return {
                    type: 'block-seq',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [this.sourceToken] }]
                };
            case 'explicit-key-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                start.push(this.sourceToken);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, explicitKey: true }]
                };
            }
            case 'map-value-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                };
            }
        }
        return null;
    }
    atIndentedComment(start, indent) {
        if (this.type !== 'comment')
            return false;
        if (this.indent <= indent)
            return false;
        return start.every(st => st.type === 'newline' || st.type === 'space');
    }
    *documentEnd(docEnd) {
        if (this.type !== 'doc-mode') {
            if (docEnd.end)
                docEnd.end.push(this.sourceToken);
            else
                docEnd.end = [this.sourceToken];
            if (this.type === 'newline')
                yield* this.pop();
        }
    }
    *lineEnd(token) {
        switch (this.type) {
            case 'comma':
            case 'doc-start':
            case 'doc-end':
            case 'flow-seq-end':
            case 'flow-map-end':
            case 'map-value-ind':
                yield* this.pop();
                yield* this.step();
                break;
            case 'newline':
                this.onKeyLine = false;
            // fallthrough
            case 'space':
            case 'comment':
            default:
                // all other values are errors
                if (token.end)
                    token.end.push(this.sourceToken);
                else
                    token.end = [this.sourceToken];
                if (this.type === 'newline')
                    yield* this.pop();
        }
    }
}

exports.Parser = Parser;


/***/ }),

/***/ 4047:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var log = __nccwpck_require__(7249);
var identity = __nccwpck_require__(1127);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);

function parseOptions(options) {
    const prettyErrors = options.prettyErrors !== false;
    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
    return { lineCounter: lineCounter$1, prettyErrors };
}
/**
 * Parse the input as a stream of YAML documents.
 *
 * Documents should be separated from each other by `...` or `---` marker lines.
 *
 * @returns If an empty `docs` array is returned, it will be of type
 *   EmptyStream and contain additional stream information. In
 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
 */
function parseAllDocuments(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
    if (prettyErrors && lineCounter)
        for (const doc of docs) {
            doc.errors.forEach(errors.prettifyError(source, lineCounter));
            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
        }
    if (docs.length > 0)
        return docs;
    return Object.assign([], { empty: true }, composer$1.streamInfo());
}
/** Parse an input string into a single YAML.Document */
function parseDocument(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    // `doc` is always set by compose.end(true) at the very latest
    let doc = null;
    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
            doc = _doc;
        else if (doc.options.logLevel !== 'silent') {
            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    if (prettyErrors && lineCounter) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
    }
    return doc;
}
function parse(src, reviver, options) {
    let _reviver = undefined;
    if (typeof reviver === 'function') {
        _reviver = reviver;
    }
    else if (options === undefined && reviver && typeof reviver === 'object') {
        options = reviver;
    }
    const doc = parseDocument(src, options);
    if (!doc)
        return null;
    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
    if (doc.errors.length > 0) {
        if (doc.options.logLevel !== 'silent')
            throw doc.errors[0];
        else
            doc.errors = [];
    }
    return doc.toJS(Object.assign({ reviver: _reviver }, options));
}
function stringify(value, replacer, options) {
    let _replacer = null;
    if (typeof replacer === 'function' || Array.isArray(replacer)) {
        _replacer = replacer;
    }
    else if (options === undefined && replacer) {
        options = replacer;
    }
    if (typeof options === 'string')
        options = options.length;
    if (typeof options === 'number') {
        const indent = Math.round(options);
        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
    }
    if (value === undefined) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
            return undefined;
    }
    if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
    return new Document.Document(value, _replacer, options).toString(options);
}

exports.parse = parse;
exports.parseAllDocuments = parseAllDocuments;
exports.parseDocument = parseDocument;
exports.stringify = stringify;


/***/ }),

/***/ 5840:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var tags = __nccwpck_require__(18);

const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
class Schema {
    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat)
            ? tags.getTags(compat, 'compat')
            : compat
                ? tags.getTags(null, compat)
                : null;
        this.name = (typeof schema === 'string' && schema) || 'core';
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        // Used by createMap()
        this.sortMapEntries =
            typeof sortMapEntries === 'function'
                ? sortMapEntries
                : sortMapEntries === true
                    ? sortMapEntriesByKey
                    : null;
    }
    clone() {
        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
    }
}

exports.Schema = Schema;


/***/ }),

/***/ 7451:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLMap = __nccwpck_require__(4454);

const map = {
    collection: 'map',
    default: true,
    nodeClass: YAMLMap.YAMLMap,
    tag: 'tag:yaml.org,2002:map',
    resolve(map, onError) {
        if (!identity.isMap(map))
            onError('Expected a mapping for this tag');
        return map;
    },
    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
};

exports.map = map;


/***/ }),

/***/ 3632:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const nullTag = {
    identify: value => value == null,
    createNode: () => new Scalar.Scalar(null),
    default: true,
    tag: 'tag:yaml.org,2002:null',
    test: /^(?:~|[Nn]ull|NULL)?$/,
    resolve: () => new Scalar.Scalar(null),
    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
        ? source
        : ctx.options.nullStr
};

exports.nullTag = nullTag;


/***/ }),

/***/ 1706:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLSeq = __nccwpck_require__(2223);

const seq = {
    collection: 'seq',
    default: true,
    nodeClass: YAMLSeq.YAMLSeq,
    tag: 'tag:yaml.org,2002:seq',
    resolve(seq, onError) {
        if (!identity.isSeq(seq))
            onError('Expected a sequence for this tag');
        return seq;
    },
    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
};

exports.seq = seq;


/***/ }),

/***/ 6464:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyString = __nccwpck_require__(3069);

const string = {
    identify: value => typeof value === 'string',
    default: true,
    tag: 'tag:yaml.org,2002:str',
    resolve: str => str,
    stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
    }
};

exports.string = string;


/***/ }),

/***/ 3959:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const boolTag = {
    identify: value => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
    stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
            const sv = source[0] === 't' || source[0] === 'T';
            if (value === sv)
                return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
};

exports.boolTag = boolTag;


/***/ }),

/***/ 8405:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: str => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    resolve: str => parseFloat(str),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf('.');
        if (dot !== -1 && str[str.length - 1] === '0')
            node.minFractionDigits = str.length - dot - 1;
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 9874:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
    return stringifyNumber.stringifyNumber(node);
}
const intOct = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^0o[0-7]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
    stringify: node => intStringify(node, 8, '0o')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^0x[0-9a-fA-F]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 896:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.boolTag,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float
];

exports.schema = schema;


/***/ }),

/***/ 3559:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);

function intIdentify(value) {
    return typeof value === 'bigint' || Number.isInteger(value);
}
const stringifyJSON = ({ value }) => JSON.stringify(value);
const jsonScalars = [
    {
        identify: value => typeof value === 'string',
        default: true,
        tag: 'tag:yaml.org,2002:str',
        resolve: str => str,
        stringify: stringifyJSON
    },
    {
        identify: value => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: 'tag:yaml.org,2002:null',
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
    },
    {
        identify: value => typeof value === 'boolean',
        default: true,
        tag: 'tag:yaml.org,2002:bool',
        test: /^true$|^false$/,
        resolve: str => str === 'true',
        stringify: stringifyJSON
    },
    {
        identify: intIdentify,
        default: true,
        tag: 'tag:yaml.org,2002:int',
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
    },
    {
        identify: value => typeof value === 'number',
        default: true,
        tag: 'tag:yaml.org,2002:float',
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: str => parseFloat(str),
        stringify: stringifyJSON
    }
];
const jsonError = {
    default: true,
    tag: '',
    test: /^/,
    resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
    }
};
const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

exports.schema = schema;


/***/ }),

/***/ 18:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);
var schema = __nccwpck_require__(896);
var schema$1 = __nccwpck_require__(3559);
var binary = __nccwpck_require__(6083);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var schema$2 = __nccwpck_require__(5913);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schemas = new Map([
    ['core', schema.schema],
    ['failsafe', [map.map, seq.seq, string.string]],
    ['json', schema$1.schema],
    ['yaml11', schema$2.schema],
    ['yaml-1.1', schema$2.schema]
]);
const tagsByName = {
    binary: binary.binary,
    bool: bool.boolTag,
    float: float.float,
    floatExp: float.floatExp,
    floatNaN: float.floatNaN,
    floatTime: timestamp.floatTime,
    int: int.int,
    intHex: int.intHex,
    intOct: int.intOct,
    intTime: timestamp.intTime,
    map: map.map,
    merge: merge.merge,
    null: _null.nullTag,
    omap: omap.omap,
    pairs: pairs.pairs,
    seq: seq.seq,
    set: set.set,
    timestamp: timestamp.timestamp
};
const coreKnownTags = {
    'tag:yaml.org,2002:binary': binary.binary,
    'tag:yaml.org,2002:merge': merge.merge,
    'tag:yaml.org,2002:omap': omap.omap,
    'tag:yaml.org,2002:pairs': pairs.pairs,
    'tag:yaml.org,2002:set': set.set,
    'tag:yaml.org,2002:timestamp': timestamp.timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
    const schemaTags = schemas.get(schemaName);
    if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge)
            ? schemaTags.concat(merge.merge)
            : schemaTags.slice();
    }
    let tags = schemaTags;
    if (!tags) {
        if (Array.isArray(customTags))
            tags = [];
        else {
            const keys = Array.from(schemas.keys())
                .filter(key => key !== 'yaml11')
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
    }
    if (Array.isArray(customTags)) {
        for (const tag of customTags)
            tags = tags.concat(tag);
    }
    else if (typeof customTags === 'function') {
        tags = customTags(tags.slice());
    }
    if (addMergeTag)
        tags = tags.concat(merge.merge);
    return tags.reduce((tags, tag) => {
        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
        if (!tagObj) {
            const tagName = JSON.stringify(tag);
            const keys = Object.keys(tagsByName)
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags.includes(tagObj))
            tags.push(tagObj);
        return tags;
    }, []);
}

exports.coreKnownTags = coreKnownTags;
exports.getTags = getTags;


/***/ }),

/***/ 6083:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_buffer = __nccwpck_require__(181);
var Scalar = __nccwpck_require__(3301);
var stringifyString = __nccwpck_require__(3069);

const binary = {
    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
    default: false,
    tag: 'tag:yaml.org,2002:binary',
    /**
     * Returns a Buffer in node and an Uint8Array in browsers
     *
     * To use the resulting buffer as an image, you'll want to do something like:
     *
     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
     */
    resolve(src, onError) {
        if (typeof node_buffer.Buffer === 'function') {
            return node_buffer.Buffer.from(src, 'base64');
        }
        else if (typeof atob === 'function') {
            // On IE 11, atob() can't handle newlines
            const str = atob(src.replace(/[\n\r]/g, ''));
            const buffer = new Uint8Array(str.length);
            for (let i = 0; i < str.length; ++i)
                buffer[i] = str.charCodeAt(i);
            return buffer;
        }
        else {
            onError('This environment does not support reading binary tags; either Buffer or atob is required');
            return src;
        }
    },
    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
            return '';
        const buf = value; // checked earlier by binary.identify()
        let str;
        if (typeof node_buffer.Buffer === 'function') {
            str =
                buf instanceof node_buffer.Buffer
                    ? buf.toString('base64')
                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
        }
        else if (typeof btoa === 'function') {
            let s = '';
            for (let i = 0; i < buf.length; ++i)
                s += String.fromCharCode(buf[i]);
            str = btoa(s);
        }
        else {
            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
            const n = Math.ceil(str.length / lineWidth);
            const lines = new Array(n);
            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
                lines[i] = str.substr(o, lineWidth);
            }
            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
    }
};

exports.binary = binary;


/***/ }),

/***/ 8398:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function boolStringify({ value, source }, ctx) {
    const boolObj = value ? trueTag : falseTag;
    if (source && boolObj.test.test(source))
        return source;
    return value ? ctx.options.trueStr : ctx.options.falseStr;
}
const trueTag = {
    identify: value => value === true,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => new Scalar.Scalar(true),
    stringify: boolStringify
};
const falseTag = {
    identify: value => value === false,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => new Scalar.Scalar(false),
    stringify: boolStringify
};

exports.falseTag = falseTag;
exports.trueTag = trueTag;


/***/ }),

/***/ 5782:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    resolve: (str) => parseFloat(str.replace(/_/g, '')),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
        const dot = str.indexOf('.');
        if (dot !== -1) {
            const f = str.substring(dot + 1).replace(/_/g, '');
            if (f[f.length - 1] === '0')
                node.minFractionDigits = f.length;
        }
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 873:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
function intResolve(str, offset, radix, { intAsBigInt }) {
    const sign = str[0];
    if (sign === '-' || sign === '+')
        offset += 1;
    str = str.substring(offset).replace(/_/g, '');
    if (intAsBigInt) {
        switch (radix) {
            case 2:
                str = `0b${str}`;
                break;
            case 8:
                str = `0o${str}`;
                break;
            case 16:
                str = `0x${str}`;
                break;
        }
        const n = BigInt(str);
        return sign === '-' ? BigInt(-1) * n : n;
    }
    const n = parseInt(str, radix);
    return sign === '-' ? -1 * n : n;
}
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
    }
    return stringifyNumber.stringifyNumber(node);
}
const intBin = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'BIN',
    test: /^[-+]?0b[0-1_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
    stringify: node => intStringify(node, 2, '0b')
};
const intOct = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0[0-7_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
    stringify: node => intStringify(node, 8, '0')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9][0-9_]*$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^[-+]?0x[0-9a-fA-F_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intBin = intBin;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 452:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

// If the value associated with a merge key is a single mapping node, each of
// its key/value pairs is inserted into the current mapping, unless the key
// already exists in it. If the value associated with the merge key is a
// sequence, then this sequence is expected to contain mapping nodes and each
// of these nodes is merged in turn according to its order in the sequence.
// Keys in mapping nodes earlier in the sequence override keys specified in
// later mapping nodes. -- http://yaml.org/type/merge.html
const MERGE_KEY = '<<';
const merge = {
    identify: value => value === MERGE_KEY ||
        (typeof value === 'symbol' && value.description === MERGE_KEY),
    default: 'key',
    tag: 'tag:yaml.org,2002:merge',
    test: /^<<$/,
    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
    }),
    stringify: () => MERGE_KEY
};
const isMergeKey = (ctx, key) => (merge.identify(key) ||
    (identity.isScalar(key) &&
        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
        merge.identify(key.value))) &&
    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (identity.isSeq(source))
        for (const it of source.items)
            mergeValue(ctx, map, it);
    else if (Array.isArray(source))
        for (const it of source)
            mergeValue(ctx, map, it);
    else
        mergeValue(ctx, map, source);
}
function mergeValue(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (!identity.isMap(source))
        throw new Error('Merge sources must be maps or map aliases');
    const srcMap = source.toJSON(null, ctx, Map);
    for (const [key, value] of srcMap) {
        if (map instanceof Map) {
            if (!map.has(key))
                map.set(key, value);
        }
        else if (map instanceof Set) {
            map.add(key);
        }
        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
            Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
            });
        }
    }
    return map;
}
function resolveAliasValue(ctx, value) {
    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

exports.addMergeToJSMap = addMergeToJSMap;
exports.isMergeKey = isMergeKey;
exports.merge = merge;


/***/ }),

/***/ 303:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var pairs = __nccwpck_require__(8385);

class YAMLOMap extends YAMLSeq.YAMLSeq {
    constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = YAMLOMap.tag;
    }
    /**
     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
     * but TypeScript won't allow widening the signature of a child method.
     */
    toJSON(_, ctx) {
        if (!ctx)
            return super.toJSON(_);
        const map = new Map();
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const pair of this.items) {
            let key, value;
            if (identity.isPair(pair)) {
                key = toJS.toJS(pair.key, '', ctx);
                value = toJS.toJS(pair.value, key, ctx);
            }
            else {
                key = toJS.toJS(pair, '', ctx);
            }
            if (map.has(key))
                throw new Error('Ordered maps must not include duplicate keys');
            map.set(key, value);
        }
        return map;
    }
    static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap = new this();
        omap.items = pairs$1.items;
        return omap;
    }
}
YAMLOMap.tag = 'tag:yaml.org,2002:omap';
const omap = {
    collection: 'seq',
    identify: value => value instanceof Map,
    nodeClass: YAMLOMap,
    default: false,
    tag: 'tag:yaml.org,2002:omap',
    resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
            if (identity.isScalar(key)) {
                if (seenKeys.includes(key.value)) {
                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
                }
                else {
                    seenKeys.push(key.value);
                }
            }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
    },
    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
};

exports.YAMLOMap = YAMLOMap;
exports.omap = omap;


/***/ }),

/***/ 8385:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLSeq = __nccwpck_require__(2223);

function resolvePairs(seq, onError) {
    if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
            let item = seq.items[i];
            if (identity.isPair(item))
                continue;
            else if (identity.isMap(item)) {
                if (item.items.length > 1)
                    onError('Each pair must have its own sequence indicator');
                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
                if (item.commentBefore)
                    pair.key.commentBefore = pair.key.commentBefore
                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
                        : item.commentBefore;
                if (item.comment) {
                    const cn = pair.value ?? pair.key;
                    cn.comment = cn.comment
                        ? `${item.comment}\n${cn.comment}`
                        : item.comment;
                }
                item = pair;
            }
            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
    }
    else
        onError('Expected a sequence for this tag');
    return seq;
}
function createPairs(schema, iterable, ctx) {
    const { replacer } = ctx;
    const pairs = new YAMLSeq.YAMLSeq(schema);
    pairs.tag = 'tag:yaml.org,2002:pairs';
    let i = 0;
    if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
            if (typeof replacer === 'function')
                it = replacer.call(iterable, String(i++), it);
            let key, value;
            if (Array.isArray(it)) {
                if (it.length === 2) {
                    key = it[0];
                    value = it[1];
                }
                else
                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
            }
            else if (it && it instanceof Object) {
                const keys = Object.keys(it);
                if (keys.length === 1) {
                    key = keys[0];
                    value = it[key];
                }
                else {
                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
                }
            }
            else {
                key = it;
            }
            pairs.items.push(Pair.createPair(key, value, ctx));
        }
    return pairs;
}
const pairs = {
    collection: 'seq',
    default: false,
    tag: 'tag:yaml.org,2002:pairs',
    resolve: resolvePairs,
    createNode: createPairs
};

exports.createPairs = createPairs;
exports.pairs = pairs;
exports.resolvePairs = resolvePairs;


/***/ }),

/***/ 5913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var binary = __nccwpck_require__(6083);
var bool = __nccwpck_require__(8398);
var float = __nccwpck_require__(5782);
var int = __nccwpck_require__(873);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.trueTag,
    bool.falseTag,
    int.intBin,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float,
    binary.binary,
    merge.merge,
    omap.omap,
    pairs.pairs,
    set.set,
    timestamp.intTime,
    timestamp.floatTime,
    timestamp.timestamp
];

exports.schema = schema;


/***/ }),

/***/ 1528:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);

class YAMLSet extends YAMLMap.YAMLMap {
    constructor(schema) {
        super(schema);
        this.tag = YAMLSet.tag;
    }
    add(key) {
        let pair;
        if (identity.isPair(key))
            pair = key;
        else if (key &&
            typeof key === 'object' &&
            'key' in key &&
            'value' in key &&
            key.value === null)
            pair = new Pair.Pair(key.key, null);
        else
            pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
            this.items.push(pair);
    }
    /**
     * If `keepPair` is `true`, returns the Pair matching `key`.
     * Otherwise, returns the value of that Pair's key.
     */
    get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair)
            ? identity.isScalar(pair.key)
                ? pair.key.value
                : pair.key
            : pair;
    }
    set(key, value) {
        if (typeof value !== 'boolean')
            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
            this.items.splice(this.items.indexOf(prev), 1);
        }
        else if (!prev && value) {
            this.items.push(new Pair.Pair(key));
        }
    }
    toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        if (this.hasAllNullValues(true))
            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
            throw new Error('Set items must all have null values');
    }
    static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
            for (let value of iterable) {
                if (typeof replacer === 'function')
                    value = replacer.call(iterable, value, value);
                set.items.push(Pair.createPair(value, null, ctx));
            }
        return set;
    }
}
YAMLSet.tag = 'tag:yaml.org,2002:set';
const set = {
    collection: 'map',
    identify: value => value instanceof Set,
    nodeClass: YAMLSet,
    default: false,
    tag: 'tag:yaml.org,2002:set',
    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
    resolve(map, onError) {
        if (identity.isMap(map)) {
            if (map.hasAllNullValues(true))
                return Object.assign(new YAMLSet(), map);
            else
                onError('Set items must all have null values');
        }
        else
            onError('Expected a mapping for this tag');
        return map;
    }
};

exports.YAMLSet = YAMLSet;
exports.set = set;


/***/ }),

/***/ 6752:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

/** Internal types handle bigint as number, because TS can't figure it out. */
function parseSexagesimal(str, asBigInt) {
    const sign = str[0];
    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
    const num = (n) => asBigInt ? BigInt(n) : Number(n);
    const res = parts
        .replace(/_/g, '')
        .split(':')
        .reduce((res, p) => res * num(60) + num(p), num(0));
    return (sign === '-' ? num(-1) * res : res);
}
/**
 * hhhh:mm:ss.sss
 *
 * Internal types handle bigint as number, because TS can't figure it out.
 */
function stringifySexagesimal(node) {
    let { value } = node;
    let num = (n) => n;
    if (typeof value === 'bigint')
        num = n => BigInt(n);
    else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
    let sign = '';
    if (value < 0) {
        sign = '-';
        value *= num(-1);
    }
    const _60 = num(60);
    const parts = [value % _60]; // seconds, including ms
    if (value < 60) {
        parts.unshift(0); // at least one : is required
    }
    else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60); // minutes
        if (value >= 60) {
            value = (value - parts[0]) / _60;
            parts.unshift(value); // hours
        }
    }
    return (sign +
        parts
            .map(n => String(n).padStart(2, '0'))
            .join(':')
            .replace(/000000\d*$/, '') // % 60 may introduce error
    );
}
const intTime = {
    identify: value => typeof value === 'bigint' || Number.isInteger(value),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
    stringify: stringifySexagesimal
};
const floatTime = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    resolve: str => parseSexagesimal(str, false),
    stringify: stringifySexagesimal
};
const timestamp = {
    identify: value => value instanceof Date,
    default: true,
    tag: 'tag:yaml.org,2002:timestamp',
    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
    // may be omitted altogether, resulting in a date format. In such a case, the time part is
    // assumed to be 00:00:00Z (start of day, UTC).
    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
        '(?:' + // time is optional
        '(?:t|T|[ \\t]+)' + // t | T | whitespace
        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
        ')?$'),
    resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== 'Z') {
            let d = parseSexagesimal(tz, false);
            if (Math.abs(d) < 30)
                d *= 60;
            date -= 60000 * d;
        }
        return new Date(date);
    },
    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
};

exports.floatTime = floatTime;
exports.intTime = intTime;
exports.timestamp = timestamp;


/***/ }),

/***/ 4475:
/***/ ((__unused_webpack_module, exports) => {



const FOLD_FLOW = 'flow';
const FOLD_BLOCK = 'block';
const FOLD_QUOTED = 'quoted';
/**
 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
 * terminated with `\n` and started with `indent`.
 */
function foldFlowLines(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
    if (!lineWidth || lineWidth < 0)
        return text;
    if (lineWidth < minContentWidth)
        minContentWidth = 0;
    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
    if (text.length <= endStep)
        return text;
    const folds = [];
    const escapedFolds = {};
    let end = lineWidth - indent.length;
    if (typeof indentAtStart === 'number') {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
            folds.push(0);
        else
            end = lineWidth - indentAtStart;
    }
    let split = undefined;
    let prev = undefined;
    let overflow = false;
    let i = -1;
    let escStart = -1;
    let escEnd = -1;
    if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
            end = i + endStep;
    }
    for (let ch; (ch = text[(i += 1)]);) {
        if (mode === FOLD_QUOTED && ch === '\\') {
            escStart = i;
            switch (text[i + 1]) {
                case 'x':
                    i += 3;
                    break;
                case 'u':
                    i += 5;
                    break;
                case 'U':
                    i += 9;
                    break;
                default:
                    i += 1;
            }
            escEnd = i;
        }
        if (ch === '\n') {
            if (mode === FOLD_BLOCK)
                i = consumeMoreIndentedLines(text, i, indent.length);
            end = i + indent.length + endStep;
            split = undefined;
        }
        else {
            if (ch === ' ' &&
                prev &&
                prev !== ' ' &&
                prev !== '\n' &&
                prev !== '\t') {
                // space surrounded by non-space can be replaced with newline + indent
                const next = text[i + 1];
                if (next && next !== ' ' && next !== '\n' && next !== '\t')
                    split = i;
            }
            if (i >= end) {
                if (split) {
                    folds.push(split);
                    end = split + endStep;
                    split = undefined;
                }
                else if (mode === FOLD_QUOTED) {
                    // white-space collected at end may stretch past lineWidth
                    while (prev === ' ' || prev === '\t') {
                        prev = ch;
                        ch = text[(i += 1)];
                        overflow = true;
                    }
                    // Account for newline escape, but don't break preceding escape
                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
                    if (escapedFolds[j])
                        return text;
                    folds.push(j);
                    escapedFolds[j] = true;
                    end = j + endStep;
                    split = undefined;
                }
                else {
                    overflow = true;
                }
            }
        }
        prev = ch;
    }
    if (overflow && onOverflow)
        onOverflow();
    if (folds.length === 0)
        return text;
    if (onFold)
        onFold();
    let res = text.slice(0, folds[0]);
    for (let i = 0; i < folds.length; ++i) {
        const fold = folds[i];
        const end = folds[i + 1] || text.length;
        if (fold === 0)
            res = `\n${indent}${text.slice(0, end)}`;
        else {
            if (mode === FOLD_QUOTED && escapedFolds[fold])
                res += `${text[fold]}\\`;
            res += `\n${indent}${text.slice(fold + 1, end)}`;
        }
    }
    return res;
}
/**
 * Presumes `i + 1` is at the start of a line
 * @returns index of last newline in more-indented block
 */
function consumeMoreIndentedLines(text, i, indent) {
    let end = i;
    let start = i + 1;
    let ch = text[start];
    while (ch === ' ' || ch === '\t') {
        if (i < start + indent) {
            ch = text[++i];
        }
        else {
            do {
                ch = text[++i];
            } while (ch && ch !== '\n');
            end = i;
            start = i + 1;
            ch = text[start];
        }
    }
    return end;
}

exports.FOLD_BLOCK = FOLD_BLOCK;
exports.FOLD_FLOW = FOLD_FLOW;
exports.FOLD_QUOTED = FOLD_QUOTED;
exports.foldFlowLines = foldFlowLines;


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var identity = __nccwpck_require__(1127);
var stringifyComment = __nccwpck_require__(9799);
var stringifyString = __nccwpck_require__(3069);

function createStringifyContext(doc, options) {
    const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true
    }, doc.schema.toStringOptions, options);
    let inFlow;
    switch (opt.collectionStyle) {
        case 'block':
            inFlow = false;
            break;
        case 'flow':
            inFlow = true;
            break;
        default:
            inFlow = null;
    }
    return {
        anchors: new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
        indent: '',
        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
        inFlow,
        options: opt
    };
}
function getTagObject(tags, item) {
    if (item.tag) {
        const match = tags.filter(t => t.tag === item.tag);
        if (match.length > 0)
            return match.find(t => t.format === item.format) ?? match[0];
    }
    let tagObj = undefined;
    let obj;
    if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter(t => t.identify?.(obj));
        if (match.length > 1) {
            const testMatch = match.filter(t => t.test);
            if (testMatch.length > 0)
                match = testMatch;
        }
        tagObj =
            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
    }
    else {
        obj = item;
        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
    }
    if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
    }
    return tagObj;
}
// needs to be called before value stringifier to allow for circular anchor refs
function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
    if (!doc.directives)
        return '';
    const props = [];
    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
    if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
    }
    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
    if (tag)
        props.push(doc.directives.tagString(tag));
    return props.join(' ');
}
function stringify(item, ctx, onComment, onChompKeep) {
    if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
    if (identity.isAlias(item)) {
        if (ctx.doc.directives)
            return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        }
        else {
            if (ctx.resolvedAliases)
                ctx.resolvedAliases.add(item);
            else
                ctx.resolvedAliases = new Set([item]);
            item = item.resolve(ctx.doc);
        }
    }
    let tagObj = undefined;
    const node = identity.isNode(item)
        ? item
        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
    const props = stringifyProps(node, tagObj, ctx);
    if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
    const str = typeof tagObj.stringify === 'function'
        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
        : identity.isScalar(node)
            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
            : node.toString(ctx, onComment, onChompKeep);
    if (!props)
        return str;
    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
        ? `${props} ${str}`
        : `${props}\n${ctx.indent}${str}`;
}

exports.createStringifyContext = createStringifyContext;
exports.stringify = stringify;


/***/ }),

/***/ 1212:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyCollection(collection, ctx, options) {
    const flow = ctx.inFlow ?? collection.flow;
    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
    return stringify(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
    const { indent, options: { commentString } } = ctx;
    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
    let chompKeep = false; // flag for the preceding node's status
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (!chompKeep && item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (!chompKeep && ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
            }
        }
        chompKeep = false;
        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        if (chompKeep && comment)
            chompKeep = false;
        lines.push(blockItemPrefix + str);
    }
    let str;
    if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
    }
    else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
            const line = lines[i];
            str += line ? `\n${indent}${line}` : '\n';
        }
    }
    if (comment) {
        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
            onComment();
    }
    else if (chompKeep && onChompKeep)
        onChompKeep();
    return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
    itemIndent += indentStep;
    const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
    });
    let reqNewline = false;
    let linesAtValue = 0;
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, false);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, false);
                if (ik.comment)
                    reqNewline = true;
            }
            const iv = identity.isNode(item.value) ? item.value : null;
            if (iv) {
                if (iv.comment)
                    comment = iv.comment;
                if (iv.commentBefore)
                    reqNewline = true;
            }
            else if (item.value == null && ik?.comment) {
                comment = ik.comment;
            }
        }
        if (comment)
            reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => (comment = null));
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
        if (i < items.length - 1) {
            str += ',';
        }
        else if (ctx.options.trailingComma) {
            if (ctx.options.lineWidth > 0) {
                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
                    (str.length + 2) >
                    ctx.options.lineWidth);
            }
            if (reqNewline) {
                str += ',';
            }
        }
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
    }
    const { start, end } = flowChars;
    if (lines.length === 0) {
        return start + end;
    }
    else {
        if (!reqNewline) {
            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
            let str = start;
            for (const line of lines)
                str += line ? `\n${indentStep}${indent}${line}` : '\n';
            return `${str}\n${indent}${end}`;
        }
        else {
            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
        }
    }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
    if (comment && chompKeep)
        comment = comment.replace(/^\n+/, '');
    if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart()); // Avoid double indent on first line
    }
}

exports.stringifyCollection = stringifyCollection;


/***/ }),

/***/ 9799:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringifies a comment.
 *
 * Empty comment lines are left empty,
 * lines consisting of a single space are replaced by `#`,
 * and all other lines are prefixed with a `#`.
 */
const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
function indentComment(comment, indent) {
    if (/^\n+$/.test(comment))
        return comment.substring(1);
    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
const lineComment = (str, indent, comment) => str.endsWith('\n')
    ? indentComment(comment, indent)
    : comment.includes('\n')
        ? '\n' + indentComment(comment, indent)
        : (str.endsWith(' ') ? '' : ' ') + comment;

exports.indentComment = indentComment;
exports.lineComment = lineComment;
exports.stringifyComment = stringifyComment;


/***/ }),

/***/ 6829:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyDocument(doc, options) {
    const lines = [];
    let hasDirectives = options.directives === true;
    if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
            lines.push(dir);
            hasDirectives = true;
        }
        else if (doc.directives.docStart)
            hasDirectives = true;
    }
    if (hasDirectives)
        lines.push('---');
    const ctx = stringify.createStringifyContext(doc, options);
    const { commentString } = ctx.options;
    if (doc.commentBefore) {
        if (lines.length !== 1)
            lines.unshift('');
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ''));
    }
    let chompKeep = false;
    let contentComment = null;
    if (doc.contents) {
        if (identity.isNode(doc.contents)) {
            if (doc.contents.spaceBefore && hasDirectives)
                lines.push('');
            if (doc.contents.commentBefore) {
                const cs = commentString(doc.contents.commentBefore);
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            // top-level block scalars need to be indented if followed by a comment
            ctx.forceBlockIndent = !!doc.comment;
            contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
        if (contentComment)
            body += stringifyComment.lineComment(body, '', commentString(contentComment));
        if ((body[0] === '|' || body[0] === '>') &&
            lines[lines.length - 1] === '---') {
            // Top-level block scalars with a preceding doc marker ought to use the
            // same line for their header.
            lines[lines.length - 1] = `--- ${body}`;
        }
        else
            lines.push(body);
    }
    else {
        lines.push(stringify.stringify(doc.contents, ctx));
    }
    if (doc.directives?.docEnd) {
        if (doc.comment) {
            const cs = commentString(doc.comment);
            if (cs.includes('\n')) {
                lines.push('...');
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            else {
                lines.push(`... ${cs}`);
            }
        }
        else {
            lines.push('...');
        }
    }
    else {
        let dc = doc.comment;
        if (dc && chompKeep)
            dc = dc.replace(/^\n+/, '');
        if (dc) {
            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
                lines.push('');
            lines.push(stringifyComment.indentComment(commentString(dc), ''));
        }
    }
    return lines.join('\n') + '\n';
}

exports.stringifyDocument = stringifyDocument;


/***/ }),

/***/ 8689:
/***/ ((__unused_webpack_module, exports) => {



function stringifyNumber({ format, minFractionDigits, tag, value }) {
    if (typeof value === 'bigint')
        return String(value);
    const num = typeof value === 'number' ? value : Number(value);
    if (!isFinite(num))
        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
    if (!format &&
        minFractionDigits &&
        (!tag || tag === 'tag:yaml.org,2002:float') &&
        /^-?\d/.test(n) &&
        !n.includes('e')) {
        let i = n.indexOf('.');
        if (i < 0) {
            i = n.length;
            n += '.';
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
            n += '0';
    }
    return n;
}

exports.stringifyNumber = stringifyNumber;


/***/ }),

/***/ 9748:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
    let keyComment = (identity.isNode(key) && key.comment) || null;
    if (simpleKeys) {
        if (keyComment) {
            throw new Error('With simple keys, key nodes cannot have comments');
        }
        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
            const msg = 'With simple keys, collection cannot be used as a key value';
            throw new Error(msg);
        }
    }
    let explicitKey = !simpleKeys &&
        (!key ||
            (keyComment && value == null && !ctx.inFlow) ||
            identity.isCollection(key) ||
            (identity.isScalar(key)
                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
                : typeof key === 'object'));
    ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
    });
    let keyCommentDone = false;
    let chompKeep = false;
    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
        explicitKey = true;
    }
    if (ctx.inFlow) {
        if (allNullValues || value == null) {
            if (keyCommentDone && onComment)
                onComment();
            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
        }
    }
    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        }
        else if (chompKeep && onChompKeep)
            onChompKeep();
        return str;
    }
    if (keyCommentDone)
        keyComment = null;
    if (explicitKey) {
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}\n${indent}:`;
    }
    else {
        str = `${str}:`;
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
    }
    let vsb, vcb, valueComment;
    if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
    }
    else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === 'object')
            value = doc.createNode(value);
    }
    ctx.implicitKey = false;
    if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
    chompKeep = false;
    if (!indentSeq &&
        indentStep.length >= 2 &&
        !ctx.inFlow &&
        !explicitKey &&
        identity.isSeq(value) &&
        !value.flow &&
        !value.tag &&
        !value.anchor) {
        // If indentSeq === false, consider '- ' as part of indentation where possible
        ctx.indent = ctx.indent.substring(2);
    }
    let valueCommentDone = false;
    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
    let ws = ' ';
    if (keyComment || vsb || vcb) {
        ws = vsb ? '\n' : '';
        if (vcb) {
            const cs = commentString(vcb);
            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === '' && !ctx.inFlow) {
            if (ws === '\n' && valueComment)
                ws = '\n\n';
        }
        else {
            ws += `\n${ctx.indent}`;
        }
    }
    else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf('\n');
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
            let hasPropsLine = false;
            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
                let sp0 = valueStr.indexOf(' ');
                if (vs0 === '&' &&
                    sp0 !== -1 &&
                    sp0 < nl0 &&
                    valueStr[sp0 + 1] === '!') {
                    sp0 = valueStr.indexOf(' ', sp0 + 1);
                }
                if (sp0 === -1 || nl0 < sp0)
                    hasPropsLine = true;
            }
            if (!hasPropsLine)
                ws = `\n${ctx.indent}`;
        }
    }
    else if (valueStr === '' || valueStr[0] === '\n') {
        ws = '';
    }
    str += ws + valueStr;
    if (ctx.inFlow) {
        if (valueCommentDone && onComment)
            onComment();
    }
    else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
    }
    else if (chompKeep && onChompKeep) {
        onChompKeep();
    }
    return str;
}

exports.stringifyPair = stringifyPair;


/***/ }),

/***/ 3069:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var foldFlowLines = __nccwpck_require__(4475);

const getFoldOptions = (ctx, isBlock) => ({
    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
    lineWidth: ctx.options.lineWidth,
    minContentWidth: ctx.options.minContentWidth
});
// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
// presume that's starting a new document.
const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
    if (!lineWidth || lineWidth < 0)
        return false;
    const limit = lineWidth - indentLength;
    const strLen = str.length;
    if (strLen <= limit)
        return false;
    for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === '\n') {
            if (i - start > limit)
                return true;
            start = i + 1;
            if (strLen - start <= limit)
                return false;
        }
    }
    return true;
}
function doubleQuotedString(value, ctx) {
    const json = JSON.stringify(value);
    if (ctx.options.doubleQuotedAsJSON)
        return json;
    const { implicitKey } = ctx;
    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    let str = '';
    let start = 0;
    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
            // space before newline needs to be escaped to not be folded
            str += json.slice(start, i) + '\\ ';
            i += 1;
            start = i;
            ch = '\\';
        }
        if (ch === '\\')
            switch (json[i + 1]) {
                case 'u':
                    {
                        str += json.slice(start, i);
                        const code = json.substr(i + 2, 4);
                        switch (code) {
                            case '0000':
                                str += '\\0';
                                break;
                            case '0007':
                                str += '\\a';
                                break;
                            case '000b':
                                str += '\\v';
                                break;
                            case '001b':
                                str += '\\e';
                                break;
                            case '0085':
                                str += '\\N';
                                break;
                            case '00a0':
                                str += '\\_';
                                break;
                            case '2028':
                                str += '\\L';
                                break;
                            case '2029':
                                str += '\\P';
                                break;
                            default:
                                if (code.substr(0, 2) === '00')
                                    str += '\\x' + code.substr(2);
                                else
                                    str += json.substr(i, 6);
                        }
                        i += 5;
                        start = i + 1;
                    }
                    break;
                case 'n':
                    if (implicitKey ||
                        json[i + 2] === '"' ||
                        json.length < minMultiLineLength) {
                        i += 1;
                    }
                    else {
                        // folding will eat first newline
                        str += json.slice(start, i) + '\n\n';
                        while (json[i + 2] === '\\' &&
                            json[i + 3] === 'n' &&
                            json[i + 4] !== '"') {
                            str += '\n';
                            i += 2;
                        }
                        str += indent;
                        // space after newline needs to be escaped to not be folded
                        if (json[i + 2] === ' ')
                            str += '\\';
                        i += 1;
                        start = i + 1;
                    }
                    break;
                default:
                    i += 1;
            }
    }
    str = start ? str + json.slice(start) : json;
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
    if (ctx.options.singleQuote === false ||
        (ctx.implicitKey && value.includes('\n')) ||
        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
    )
        return doubleQuotedString(value, ctx);
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
    return ctx.implicitKey
        ? res
        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
    const { singleQuote } = ctx.options;
    let qs;
    if (singleQuote === false)
        qs = doubleQuotedString;
    else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
            qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
            qs = doubleQuotedString;
        else
            qs = singleQuote ? singleQuotedString : doubleQuotedString;
    }
    return qs(value, ctx);
}
// The negative lookbehind avoids a polynomial search,
// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
let blockEndNewlines;
try {
    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
}
catch {
    blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
    const { blockQuote, commentString, lineWidth } = ctx.options;
    // 1. Block can't end in whitespace unless the last line is non-empty.
    // 2. Strings consisting of only whitespace are best rendered explicitly.
    if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
    }
    const indent = ctx.indent ||
        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
    const literal = blockQuote === 'literal'
        ? true
        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
            ? false
            : type === Scalar.Scalar.BLOCK_LITERAL
                ? true
                : !lineLengthOverLimit(value, lineWidth, indent.length);
    if (!value)
        return literal ? '|\n' : '>\n';
    // determine chomping from whitespace at value end
    let chomp;
    let endStart;
    for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
            break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) {
        chomp = '-'; // strip
    }
    else if (value === end || endNlPos !== end.length - 1) {
        chomp = '+'; // keep
        if (onChompKeep)
            onChompKeep();
    }
    else {
        chomp = ''; // clip
    }
    if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === '\n')
            end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
    }
    // determine indent indicator from whitespace at value start
    let startWithSpace = false;
    let startEnd;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === ' ')
            startWithSpace = true;
        else if (ch === '\n')
            startNlPos = startEnd;
        else
            break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
    }
    const indentSize = indent ? '2' : '1'; // root is at -1
    // Leading | or > is added later
    let header = (startWithSpace ? indentSize : '') + chomp;
    if (comment) {
        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
        if (onComment)
            onComment();
    }
    if (!literal) {
        const foldedValue = value
            .replace(/\n+/g, '\n$&')
            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
            .replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
            foldOptions.onOverflow = () => {
                literalFallback = true;
            };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
            return `>${header}\n${indent}${body}`;
    }
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
    const { type, value } = item;
    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
    if ((implicitKey && value.includes('\n')) ||
        (inFlow && /[[\]{},]/.test(value))) {
        return quotedString(value, ctx);
    }
    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        // not allowed:
        // - '-' or '?'
        // - start with an indicator character (except [?:-]) or /[?-] /
        // - '\n ', ': ' or ' \n' anywhere
        // - '#' not preceded by a non-space char
        // - end with ' ' or ':'
        return implicitKey || inFlow || !value.includes('\n')
            ? quotedString(value, ctx)
            : blockString(item, ctx, onComment, onChompKeep);
    }
    if (!implicitKey &&
        !inFlow &&
        type !== Scalar.Scalar.PLAIN &&
        value.includes('\n')) {
        // Where allowed & type not set explicitly, prefer block style for multiline strings
        return blockString(item, ctx, onComment, onChompKeep);
    }
    if (containsDocumentMarker(value)) {
        if (indent === '') {
            ctx.forceBlockIndent = true;
            return blockString(item, ctx, onComment, onChompKeep);
        }
        else if (implicitKey && indent === indentStep) {
            return quotedString(value, ctx);
        }
    }
    const str = value.replace(/\n+/g, `$&\n${indent}`);
    // Verify that output will be parsed as a string, as e.g. plain numbers and
    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
    // and others in v1.1.
    if (actualString) {
        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
            return quotedString(value, ctx);
    }
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
    const { implicitKey, inFlow } = ctx;
    const ss = typeof item.value === 'string'
        ? item
        : Object.assign({}, item, { value: String(item.value) });
    let { type } = item;
    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        // force double quotes on control characters & unpaired surrogates
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
            type = Scalar.Scalar.QUOTE_DOUBLE;
    }
    const _stringify = (_type) => {
        switch (_type) {
            case Scalar.Scalar.BLOCK_FOLDED:
            case Scalar.Scalar.BLOCK_LITERAL:
                return implicitKey || inFlow
                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
                    : blockString(ss, ctx, onComment, onChompKeep);
            case Scalar.Scalar.QUOTE_DOUBLE:
                return doubleQuotedString(ss.value, ctx);
            case Scalar.Scalar.QUOTE_SINGLE:
                return singleQuotedString(ss.value, ctx);
            case Scalar.Scalar.PLAIN:
                return plainString(ss, ctx, onComment, onChompKeep);
            default:
                return null;
        }
    };
    let res = _stringify(type);
    if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = (implicitKey && defaultKeyType) || defaultStringType;
        res = _stringify(t);
        if (res === null)
            throw new Error(`Unsupported default string type ${t}`);
    }
    return res;
}

exports.stringifyString = stringifyString;


/***/ }),

/***/ 204:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove node');
/**
 * Apply a visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
function visit(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        visit_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current node */
visit.SKIP = SKIP;
/** Remove the current node */
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
    const ctrl = callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = visit_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = visit_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = visit_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
/**
 * Apply an async visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `Promise`: Must resolve to one of the following values
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
async function visitAsync(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visitAsync.BREAK = BREAK;
/** Do not visit the children of the current node */
visitAsync.SKIP = SKIP;
/** Remove the current node */
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
    const ctrl = await callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = await visitAsync_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = await visitAsync_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = await visitAsync_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
function initVisitor(visitor) {
    if (typeof visitor === 'object' &&
        (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
            Alias: visitor.Node,
            Map: visitor.Node,
            Scalar: visitor.Node,
            Seq: visitor.Node
        }, visitor.Value && {
            Map: visitor.Value,
            Scalar: visitor.Value,
            Seq: visitor.Value
        }, visitor.Collection && {
            Map: visitor.Collection,
            Seq: visitor.Collection
        }, visitor);
    }
    return visitor;
}
function callVisitor(key, node, visitor, path) {
    if (typeof visitor === 'function')
        return visitor(key, node, path);
    if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
    if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
    if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
    if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
    if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    return undefined;
}
function replaceNode(key, path, node) {
    const parent = path[path.length - 1];
    if (identity.isCollection(parent)) {
        parent.items[key] = node;
    }
    else if (identity.isPair(parent)) {
        if (key === 'key')
            parent.key = node;
        else
            parent.value = node;
    }
    else if (identity.isDocument(parent)) {
        parent.contents = node;
    }
    else {
        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
        throw new Error(`Cannot replace node with ${pt} parent`);
    }
}

exports.visit = visit;
exports.visitAsync = visitAsync;


/***/ }),

/***/ 591:
/***/ ((module) => {

(()=>{"use strict";var t={d:(e,n)=>{for(var i in n)t.o(n,i)&&!t.o(e,i)&&Object.defineProperty(e,i,{enumerable:!0,get:n[i]})},o:(t,e)=>Object.prototype.hasOwnProperty.call(t,e),r:t=>{"undefined"!=typeof Symbol&&Symbol.toStringTag&&Object.defineProperty(t,Symbol.toStringTag,{value:"Module"}),Object.defineProperty(t,"__esModule",{value:!0})}},e={};t.r(e),t.d(e,{XMLBuilder:()=>$e,XMLParser:()=>ce,XMLValidator:()=>Oe});const n=":A-Za-z_\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD",i=new RegExp("^["+n+"]["+n+"\\-.\\d\\u00B7\\u0300-\\u036F\\u203F-\\u2040]*$"),r=function(t){return!(null==i.exec(t))},s=["hasOwnProperty","toString","valueOf","__defineGetter__","__defineSetter__","__lookupGetter__","__lookupSetter__"],o=["__proto__","constructor","prototype"],a={allowBooleanAttributes:!1,unpairedTags:[]};function l(t,e){e=Object.assign({},a,e);const n=[];let i=!1,r=!1;"\ufeff"===t[0]&&(t=t.substr(1));for(let s=0;s<t.length;s++)if("<"===t[s]&&"?"===t[s+1]){if(s+=2,s=p(t,s),s.err)return s}else{if("<"!==t[s]){if(c(t[s]))continue;return x("InvalidChar","char '"+t[s]+"' is not expected.",N(t,s))}{let o=s;if(s++,"!"===t[s]){s=h(t,s);continue}{let a=!1;"/"===t[s]&&(a=!0,s++);let l="";for(;s<t.length&&">"!==t[s]&&" "!==t[s]&&"\t"!==t[s]&&"\n"!==t[s]&&"\r"!==t[s];s++)l+=t[s];if(l=l.trim(),"/"===l[l.length-1]&&(l=l.substring(0,l.length-1),s--),!y(l)){let e;return e=0===l.trim().length?"Invalid space after '<'.":"Tag '"+l+"' is an invalid name.",x("InvalidTag",e,N(t,s))}const d=f(t,s);if(!1===d)return x("InvalidAttr","Attributes for '"+l+"' have open quote.",N(t,s));let u=d.value;if(s=d.index,"/"===u[u.length-1]){const n=s-u.length;u=u.substring(0,u.length-1);const r=g(u,e);if(!0!==r)return x(r.err.code,r.err.msg,N(t,n+r.err.line));i=!0}else if(a){if(!d.tagClosed)return x("InvalidTag","Closing tag '"+l+"' doesn't have proper closing.",N(t,s));if(u.trim().length>0)return x("InvalidTag","Closing tag '"+l+"' can't have attributes or invalid starting.",N(t,o));if(0===n.length)return x("InvalidTag","Closing tag '"+l+"' has not been opened.",N(t,o));{const e=n.pop();if(l!==e.tagName){let n=N(t,e.tagStartPos);return x("InvalidTag","Expected closing tag '"+e.tagName+"' (opened in line "+n.line+", col "+n.col+") instead of closing tag '"+l+"'.",N(t,o))}0==n.length&&(r=!0)}}else{const a=g(u,e);if(!0!==a)return x(a.err.code,a.err.msg,N(t,s-u.length+a.err.line));if(!0===r)return x("InvalidXml","Multiple possible root nodes found.",N(t,s));-1!==e.unpairedTags.indexOf(l)||n.push({tagName:l,tagStartPos:o}),i=!0}for(s++;s<t.length;s++)if("<"===t[s]){if("!"===t[s+1]){s++,s=h(t,s);continue}if("?"!==t[s+1])break;if(s=p(t,++s),s.err)return s}else if("&"===t[s]){const e=m(t,s);if(-1==e)return x("InvalidChar","char '&' is not expected.",N(t,s));s=e}else if(!0===r&&!c(t[s]))return x("InvalidXml","Extra text at the end",N(t,s));"<"===t[s]&&s--}}}return i?1==n.length?x("InvalidTag","Unclosed tag '"+n[0].tagName+"'.",N(t,n[0].tagStartPos)):!(n.length>0)||x("InvalidXml","Invalid '"+JSON.stringify(n.map(t=>t.tagName),null,4).replace(/\r?\n/g,"")+"' found.",{line:1,col:1}):x("InvalidXml","Start tag expected.",1)}function c(t){return" "===t||"\t"===t||"\n"===t||"\r"===t}function p(t,e){const n=e;for(;e<t.length;e++)if("?"==t[e]||" "==t[e]){const i=t.substr(n,e-n);if(e>5&&"xml"===i)return x("InvalidXml","XML declaration allowed only at the start of the document.",N(t,e));if("?"==t[e]&&">"==t[e+1]){e++;break}continue}return e}function h(t,e){if(t.length>e+5&&"-"===t[e+1]&&"-"===t[e+2]){for(e+=3;e<t.length;e++)if("-"===t[e]&&"-"===t[e+1]&&">"===t[e+2]){e+=2;break}}else if(t.length>e+8&&"D"===t[e+1]&&"O"===t[e+2]&&"C"===t[e+3]&&"T"===t[e+4]&&"Y"===t[e+5]&&"P"===t[e+6]&&"E"===t[e+7]){let n=1;for(e+=8;e<t.length;e++)if("<"===t[e])n++;else if(">"===t[e]&&(n--,0===n))break}else if(t.length>e+9&&"["===t[e+1]&&"C"===t[e+2]&&"D"===t[e+3]&&"A"===t[e+4]&&"T"===t[e+5]&&"A"===t[e+6]&&"["===t[e+7])for(e+=8;e<t.length;e++)if("]"===t[e]&&"]"===t[e+1]&&">"===t[e+2]){e+=2;break}return e}const d='"',u="'";function f(t,e){let n="",i="",r=!1;for(;e<t.length;e++){if(t[e]===d||t[e]===u)""===i?i=t[e]:i!==t[e]||(i="");else if(">"===t[e]&&""===i){r=!0;break}n+=t[e]}return""===i&&{value:n,index:e,tagClosed:r}}function g(t,e){const n=function(t){const e=[],n=t.length;let i=0;for(;i<n;){const r=i;for(;i<n&&c(t[i]);)i++;if(i>=n)break;if("="===t[i]){i++;continue}const s=t.slice(r,i),o=i;for(;i<n&&!c(t[i])&&"="!==t[i];)i++;const a=t.slice(o,i);let l,p,h,d=i;for(;d<n&&c(t[d]);)d++;d<n&&"="===t[d]&&(l=t.slice(i,d+1),i=d+1);let u=i;for(;u<n&&c(t[u]);)u++;if(u<n&&('"'===t[u]||"'"===t[u])){const e=u+1,n=t.indexOf(t[u],e);-1!==n&&(p=t[u],h=t.slice(e,n),i=n+1)}const f={startIndex:r};f[1]=s,f[2]=a,f[3]=l,f[4]=void 0!==p||void 0,f[5]=p,f[6]=h,e.push(f)}return e}(t),i={};for(let t=0;t<n.length;t++){if(0===n[t][1].length)return x("InvalidAttr","Attribute '"+n[t][2]+"' has no space in starting.",E(n[t]));if(void 0!==n[t][3]&&void 0===n[t][4])return x("InvalidAttr","Attribute '"+n[t][2]+"' is without value.",E(n[t]));if(void 0===n[t][3]&&!e.allowBooleanAttributes)return x("InvalidAttr","boolean attribute '"+n[t][2]+"' is not allowed.",E(n[t]));const r=n[t][2];if(!b(r))return x("InvalidAttr","Attribute '"+r+"' is an invalid name.",E(n[t]));if(Object.prototype.hasOwnProperty.call(i,r))return x("InvalidAttr","Attribute '"+r+"' is repeated.",E(n[t]));i[r]=1}return!0}function m(t,e){if(";"===t[++e])return-1;if("#"===t[e])return function(t,e){let n=/\d/;for("x"===t[e]&&(e++,n=/[\da-fA-F]/);e<t.length;e++){if(";"===t[e])return e;if(!t[e].match(n))break}return-1}(t,++e);let n=0;for(;e<t.length;e++,n++)if(!(t[e].match(/\w/)&&n<20)){if(";"===t[e])break;return-1}return e}function x(t,e,n){return{err:{code:t,msg:e,line:n.line||n,col:n.col}}}function b(t){return r(t)}function y(t){return r(t)}function N(t,e){const n=t.substring(0,e).split(/\r?\n/);return{line:n.length,col:n[n.length-1].length+1}}function E(t){return t.startIndex+t[1].length}const w=t=>s.includes(t)?"__"+t:t,v={preserveOrder:!1,attributeNamePrefix:"@_",attributesGroupName:!1,textNodeName:"#text",ignoreAttributes:!0,removeNSPrefix:!1,allowBooleanAttributes:!1,parseTagValue:!0,parseAttributeValue:!1,trimValues:!0,cdataPropName:!1,numberParseOptions:{hex:!0,leadingZeros:!0,eNotation:!0,unicode:!1},tagValueProcessor:function(t,e){return e},attributeValueProcessor:function(t,e){return e},stopNodes:[],alwaysCreateTextNode:!1,isArray:()=>!1,commentPropName:!1,unpairedTags:[],processEntities:!0,htmlEntities:!1,entityDecoder:null,ignoreDeclaration:!1,ignorePiTags:!1,transformTagName:!1,transformAttributeName:!1,updateTag:function(t,e,n){return t},captureMetaData:!1,maxNestedTags:100,strictReservedNames:!0,jPath:!0,onDangerousProperty:w};function S(t,e){if("string"!=typeof t)return;const n=t.toLowerCase();if(s.some(t=>n===t.toLowerCase()))throw new Error(`[SECURITY] Invalid ${e}: "${t}" is a reserved JavaScript keyword that could cause prototype pollution`);if(o.some(t=>n===t.toLowerCase()))throw new Error(`[SECURITY] Invalid ${e}: "${t}" is a reserved JavaScript keyword that could cause prototype pollution`)}function A(t,e){return"boolean"==typeof t?{enabled:t,maxEntitySize:1e4,maxExpansionDepth:1e4,maxTotalExpansions:1/0,maxExpandedLength:1e5,maxEntityCount:1e3,allowedTags:null,tagFilter:null,appliesTo:"all"}:"object"==typeof t&&null!==t?{enabled:!1!==t.enabled,maxEntitySize:Math.max(1,t.maxEntitySize??1e4),maxExpansionDepth:Math.max(1,t.maxExpansionDepth??1e4),maxTotalExpansions:Math.max(1,t.maxTotalExpansions??1/0),maxExpandedLength:Math.max(1,t.maxExpandedLength??1e5),maxEntityCount:Math.max(1,t.maxEntityCount??1e3),allowedTags:t.allowedTags??null,tagFilter:t.tagFilter??null,appliesTo:t.appliesTo??"all"}:A(!0)}const T=function(t){const e=Object.assign({},v,t),n=[{value:e.attributeNamePrefix,name:"attributeNamePrefix"},{value:e.attributesGroupName,name:"attributesGroupName"},{value:e.textNodeName,name:"textNodeName"},{value:e.cdataPropName,name:"cdataPropName"},{value:e.commentPropName,name:"commentPropName"}];for(const{value:t,name:e}of n)t&&S(t,e);return null===e.onDangerousProperty&&(e.onDangerousProperty=w),e.processEntities=A(e.processEntities,e.htmlEntities),e.unpairedTagsSet=new Set(e.unpairedTags),e.stopNodes&&Array.isArray(e.stopNodes)&&(e.stopNodes=e.stopNodes.map(t=>"string"==typeof t&&t.startsWith("*.")?".."+t.substring(2):t)),e};let _;_="function"!=typeof Symbol?"@@xmlMetadata":Symbol("XML Node Metadata");class C{constructor(t){this.tagname=t,this.child=[],this[":@"]=Object.create(null)}add(t,e){"__proto__"===t&&(t="#__proto__"),this.child.push({[t]:e})}addChild(t,e){"__proto__"===t.tagname&&(t.tagname="#__proto__"),t[":@"]&&Object.keys(t[":@"]).length>0?this.child.push({[t.tagname]:t.child,":@":t[":@"]}):this.child.push({[t.tagname]:t.child}),this.addStartIndex(e)}addStartIndex(t){void 0!==t&&(this.child[this.child.length-1][_]={startIndex:t})}addEndIndex(t){const e=this.child[this.child.length-1];void 0!==e&&void 0!==e[_]&&void 0===e[_].endIndex&&(e[_].endIndex=t)}static getMetaDataSymbol(){return _}}const $=":A-Za-z_À-ÖØ-öø-˿Ͱ-ͽͿ-҆҈-῿‌-‍⁰-↏Ⰰ-⿯、-퟿豈-﷏ﷰ-�",O=":A-Za-z_À-˿Ͱ-ͽͿ-҆҈-῿‌-‍⁰-↏Ⰰ-⿯、-퟿豈-﷏ﷰ-�𐀀-󯿿",P=O+"\\-\\.\\d·̀-ͯ҇‿-⁀",j=(t,e,n="")=>{const i=`[${t.replace(":","")}][${e.replace(":","")}]*`;return{name:new RegExp(`^[${t}][${e}]*$`,n),ncName:new RegExp(`^${i}$`,n),qName:new RegExp(`^${i}(?::${i})?$`,n),nmToken:new RegExp(`^[${e}]+$`,n),nmTokens:new RegExp(`^[${e}]+(?:\\s+[${e}]+)*$`,n)}},I=j($,$+"\\-\\.\\d·̀-ͯ‿-⁀"),k=j(O,P,"u"),L=":A-Za-z_",D=j(L,L+"\\-\\.\\d"),M=(t="1.0",e=!1)=>e?D:"1.1"===t?k:I,R=(t,{xmlVersion:e="1.0",asciiOnly:n=!1}={})=>M(e,n).qName.test(t),V=["name","ncName","qName","nmToken","nmTokens"],q=(t,{xmlVersion:e="1.0",asciiOnly:n=!1,maxCacheSize:i=2048}={})=>{if(!V.includes(t))throw new TypeError(`Unknown production "${t}". Must be one of: ${V.join(", ")}`);const r=M(e,n)[t];let s=new Map;const o=t=>{const e=s.get(t);if(void 0!==e)return e;const n=r.test(t);return s.size<i&&s.set(t,n),n};return o.reset=()=>{s=new Map},o};class F{constructor(t,e){this.suppressValidationErr=!t,this.options=t,this.xmlVersion=e||1}setXmlVersion(t=1){this.xmlVersion=t}readDocType(t,e){const n=Object.create(null);let i=0;if("O"!==t[e+3]||"C"!==t[e+4]||"T"!==t[e+5]||"Y"!==t[e+6]||"P"!==t[e+7]||"E"!==t[e+8])throw new Error("Invalid Tag instead of DOCTYPE");{e+=9;let r=1,s=!1,o=!1,a=null,l="";for(;e<t.length;e++)if(null===a)if(s||o||'"'!==t[e]&&"'"!==t[e])if("<"!==t[e]||o)if(">"===t[e]){if(o?"-"===t[e-1]&&"-"===t[e-2]&&(o=!1,r--):r--,0===r)break}else"["===t[e]?s=!0:l+=t[e];else{if(s&&B(t,"!ENTITY",e)){let r,s;if(e+=7,[r,s,e]=this.readEntityExp(t,e+1,this.suppressValidationErr),-1===s.indexOf("&")){if(!1!==this.options.enabled&&null!=this.options.maxEntityCount&&i>=this.options.maxEntityCount)throw new Error(`Entity count (${i+1}) exceeds maximum allowed (${this.options.maxEntityCount})`);n[r]=s,i++}}else if(s&&B(t,"!ELEMENT",e)){e+=8;const{index:n}=this.readElementExp(t,e+1);e=n}else if(s&&B(t,"!ATTLIST",e))e+=8;else if(s&&B(t,"!NOTATION",e)){e+=9;const{index:n}=this.readNotationExp(t,e+1,this.suppressValidationErr);e=n}else{if(!B(t,"!--",e))throw new Error("Invalid DOCTYPE");o=!0}r++,l=""}else a=t[e],l+=t[e];else t[e]===a&&(a=null),l+=t[e];if(null!==a||0!==r)throw new Error("Unclosed DOCTYPE")}return{entities:n,i:e}}readEntityExp(t,e){const n=e=U(t,e);for(;e<t.length&&!/\s/.test(t[e])&&'"'!==t[e]&&"'"!==t[e];)e++;let i=t.substring(n,e);if(G(i,{xmlVersion:this.xmlVersion}),e=U(t,e),!this.suppressValidationErr){if("SYSTEM"===t.substring(e,e+6).toUpperCase())throw new Error("External entities are not supported");if("%"===t[e])throw new Error("Parameter entities are not supported")}let r="";if([e,r]=this.readIdentifierVal(t,e,"entity"),!1!==this.options.enabled&&null!=this.options.maxEntitySize&&r.length>this.options.maxEntitySize)throw new Error(`Entity "${i}" size (${r.length}) exceeds maximum allowed size (${this.options.maxEntitySize})`);return[i,r,--e]}readNotationExp(t,e){const n=e=U(t,e);for(;e<t.length&&!/\s/.test(t[e]);)e++;let i=t.substring(n,e);!this.suppressValidationErr&&G(i,{xmlVersion:this.xmlVersion}),e=U(t,e);const r=t.substring(e,e+6).toUpperCase();if(!this.suppressValidationErr&&"SYSTEM"!==r&&"PUBLIC"!==r)throw new Error(`Expected SYSTEM or PUBLIC, found "${r}"`);e+=r.length,e=U(t,e);let s=null,o=null;if("PUBLIC"===r)[e,s]=this.readIdentifierVal(t,e,"publicIdentifier"),'"'!==t[e=U(t,e)]&&"'"!==t[e]||([e,o]=this.readIdentifierVal(t,e,"systemIdentifier"));else if("SYSTEM"===r&&([e,o]=this.readIdentifierVal(t,e,"systemIdentifier"),!this.suppressValidationErr&&!o))throw new Error("Missing mandatory system identifier for SYSTEM notation");return{notationName:i,publicIdentifier:s,systemIdentifier:o,index:--e}}readIdentifierVal(t,e,n){let i="";const r=t[e];if('"'!==r&&"'"!==r)throw new Error(`Expected quoted string, found "${r}"`);const s=++e;for(;e<t.length&&t[e]!==r;)e++;if(i=t.substring(s,e),t[e]!==r)throw new Error(`Unterminated ${n} value`);return[++e,i]}readElementExp(t,e){const n=e=U(t,e);for(;e<t.length&&!/\s/.test(t[e]);)e++;let i=t.substring(n,e);if(!this.suppressValidationErr&&!R(i,{xmlVersion:this.xmlVersion}))throw new Error(`Invalid element name: "${i}"`);let r="";if("E"===t[e=U(t,e)]&&B(t,"MPTY",e))e+=4;else if("A"===t[e]&&B(t,"NY",e))e+=2;else if("("===t[e]){const n=++e;for(;e<t.length&&")"!==t[e];)e++;if(r=t.substring(n,e),")"!==t[e])throw new Error("Unterminated content model")}else if(!this.suppressValidationErr)throw new Error(`Invalid Element Expression, found "${t[e]}"`);return{elementName:i,contentModel:r.trim(),index:e}}readAttlistExp(t,e){let n=e=U(t,e);for(;e<t.length&&!/\s/.test(t[e]);)e++;let i=t.substring(n,e);for(G(i,{xmlVersion:this.xmlVersion}),n=e=U(t,e);e<t.length&&!/\s/.test(t[e]);)e++;let r=t.substring(n,e);if(!G(r,{xmlVersion:this.xmlVersion}))throw new Error(`Invalid attribute name: "${r}"`);e=U(t,e);let s="";if("NOTATION"===t.substring(e,e+8).toUpperCase()){if(s="NOTATION","("!==t[e=U(t,e+=8)])throw new Error(`Expected '(', found "${t[e]}"`);e++;let n=[];for(;e<t.length&&")"!==t[e];){const i=e;for(;e<t.length&&"|"!==t[e]&&")"!==t[e];)e++;let r=t.substring(i,e);if(r=r.trim(),!G(r,{xmlVersion:this.xmlVersion}))throw new Error(`Invalid notation name: "${r}"`);n.push(r),"|"===t[e]&&(e++,e=U(t,e))}if(")"!==t[e])throw new Error("Unterminated list of notations");e++,s+=" ("+n.join("|")+")"}else{const n=e;for(;e<t.length&&!/\s/.test(t[e]);)e++;s+=t.substring(n,e);const i=["CDATA","ID","IDREF","IDREFS","ENTITY","ENTITIES","NMTOKEN","NMTOKENS"];if(!this.suppressValidationErr&&!i.includes(s.toUpperCase()))throw new Error(`Invalid attribute type: "${s}"`)}e=U(t,e);let o="";return"#REQUIRED"===t.substring(e,e+8).toUpperCase()?(o="#REQUIRED",e+=8):"#IMPLIED"===t.substring(e,e+7).toUpperCase()?(o="#IMPLIED",e+=7):[e,o]=this.readIdentifierVal(t,e,"ATTLIST"),{elementName:i,attributeName:r,attributeType:s,defaultValue:o,index:e}}}const U=(t,e)=>{for(;e<t.length&&/\s/.test(t[e]);)e++;return e};function B(t,e,n){for(let i=0;i<e.length;i++)if(e[i]!==t[n+i+1])return!1;return!0}function G(t,e){if(R(t,{xmlVersion:e}))return t;throw new Error(`Invalid entity name ${t}`)}const X=[48,1632,1776,2406,2534,2662,2790,2918,3046,3174,3302,3430,3558,3664,3792,3872,4160,4240,6112,6160,6470,6608,6784,6800,6992,7088,7232,7248,65296,120782,120792,120802,120812,120822,66720,68912,69734,69872,69942,70096,70384,70736,70864,71248,71360,71472,71904,72016,72688,72784,73040,73120,73552,92768,92864,93008,123200,123632,124144,125264,130032],W=new Map,z=1632,Y=new Uint8Array(63904).fill(255);for(const t of X)for(let e=0;e<10;e++){const n=t+e;n<=65535?Y[n-z]=e:W.set(n,e)}const H=new Set([8722,65293,65123]),Q=/^[-+]?0x[a-fA-F0-9]+$/,J=/^0b[01]+$/,Z=/^0o[0-7]+$/,K=/^([\-\+])?(0*)([0-9]*(\.[0-9]*)?)$/,tt={hex:!0,binary:!1,octal:!1,leadingZeros:!0,decimalPoint:".",eNotation:!0,infinity:"original",unicode:!1};function et(t,e={}){if(e=Object.assign({},tt,e),!t||"string"!=typeof t)return t;let n=t.trim();if(0===n.length)return t;if(void 0!==e.skipLike&&e.skipLike.test(n))return t;if("0"===n)return 0;if(e.unicode&&(n=function(t){if("string"!=typeof t)return t;const e=t.length;if(0===e)return t;let n=-1;for(let i=0;i<e;i++){const r=t.charCodeAt(i);if(!(r>=48&&r<=57||45===r))if(r<z){if(H.has(r)){n=i;break}}else if(r>=55296&&r<=56319){if(i+1<e){const e=t.charCodeAt(i+1);if(e>=56320&&e<=57343){const t=65536+(r-55296<<10)+(e-56320);if(W.has(t)){n=i;break}}}}else if(255!==Y[r-z]||H.has(r)){n=i;break}}if(-1===n)return t;const i=[];n>0&&i.push(t.slice(0,n));for(let r=n;r<e;r++){const n=t.charCodeAt(r);if(n>=48&&n<=57||45===n){i.push(t[r]);continue}if(n<z){i.push(H.has(n)?"-":t[r]);continue}if(n>=55296&&n<=56319){if(r+1<e){const e=t.charCodeAt(r+1);if(e>=56320&&e<=57343){const t=65536+(n-55296<<10)+(e-56320),s=W.get(t);if(void 0!==s){i.push(String.fromCharCode(s+48)),r++;continue}}}i.push(t[r]);continue}if(H.has(n)){i.push("-");continue}const s=Y[n-z];i.push(255!==s?String.fromCharCode(s+48):t[r])}return i.join("")}(n),"0"===n))return 0;if(e.hex&&Q.test(n))return it(n,16);if(e.binary&&J.test(n))return it(n,2);if(e.octal&&Z.test(n))return it(n,8);if(isFinite(n)){if(n.includes("e")||n.includes("E"))return function(t,e,n){if(!n.eNotation)return t;const i=e.match(nt);if(i){let r=i[1]||"";const s=-1===i[3].indexOf("e")?"E":"e",o=i[2],a=r?e[o.length+1]===s:e[o.length]===s;return o.length>1&&a?t:(1!==o.length||!i[3].startsWith(`.${s}`)&&i[3][0]!==s)&&o.length>0?n.leadingZeros&&!a?Number(e):t:Number(e)}return t}(t,n,e);{const i=K.exec(n);if(i){const r=i[1]||"",s=i[2];let o=function(t){if(t&&-1!==t.indexOf(".")){let e=t.length;for(;e>0&&48===t.charCodeAt(e-1);)e--;return"."===(t=t.slice(0,e))?t="0":"."===t[0]?t="0"+t:"."===t[t.length-1]&&(t=t.substring(0,t.length-1)),t}return t}(i[3]);const a=r?"."===n[s.length+1]:"."===n[s.length];if(!e.leadingZeros&&(s.length>1||1===s.length&&!a))return t;{const i=Number(n),a=String(i);if(0===i)return i;if(-1!==a.search(/[eE]/))return e.eNotation?i:t;if(-1!==n.indexOf("."))return"0"===a||a===o||a===`${r}${o}`?i:t;let l=s?o:n;return s?l===a||r+l===a?i:t:l===a||l===r+a?i:t}}return t}}{const i=Number(n);return Number.isNaN(i)?t:function(t,e,n){const i=e===1/0;switch(n.infinity.toLowerCase()){case"null":return null;case"infinity":return e;case"string":return i?"Infinity":"-Infinity";default:return t}}(t,i,e)}}const nt=/^([-+])?(0*)(\d*(\.\d*)?[eE][-\+]?\d+)$/;function it(t,e){const n=t.trim();if(2!==e&&8!==e||(t=n.substring(2)),parseInt)return parseInt(t,e);if(Number.parseInt)return Number.parseInt(t,e);if(window&&window.parseInt)return window.parseInt(t,e);throw new Error("parseInt, Number.parseInt, window.parseInt are not supported")}class rt{constructor(t){this._matcher=t}get separator(){return this._matcher.separator}getCurrentTag(){const t=this._matcher.path;return t.length>0?t[t.length-1].tag:void 0}getCurrentNamespace(){const t=this._matcher.path;return t.length>0?t[t.length-1].namespace:void 0}getAttrValue(t){const e=this._matcher.path;if(0!==e.length)return e[e.length-1].values?.[t]}hasAttr(t){const e=this._matcher.path;if(0===e.length)return!1;const n=e[e.length-1];return void 0!==n.values&&t in n.values}getAnyParentAttr(t){return this._matcher.getAnyParentAttr(t)}hasAnyParentAttr(t){return this._matcher.hasAnyParentAttr(t)}getPosition(){const t=this._matcher.path;return 0===t.length?-1:t[t.length-1].position??0}getCounter(){const t=this._matcher.path;return 0===t.length?-1:t[t.length-1].counter??0}getIndex(){return this.getPosition()}getDepth(){return this._matcher.path.length}toString(t,e=!0){return this._matcher.toString(t,e)}toArray(){return this._matcher.path.map(t=>t.tag)}matches(t){return this._matcher.matches(t)}matchesAny(t){return t.matchesAny(this._matcher)}}class st{constructor(t={}){this.separator=t.separator||".",this.path=[],this.siblingStacks=[],this._pathStringCache=null,this._view=new rt(this),this._keptAttrs=[]}push(t,e=null,n=null,i=null){this._pathStringCache=null,this.path.length>0&&(this.path[this.path.length-1].values=void 0);const r=this.path.length;let s=this.siblingStacks[r];s||(s={counts:new Map,total:0},this.siblingStacks[r]=s);const o=n?`${n}:${t}`:t,a=s.counts.get(o)||0,l=s.total;s.counts.set(o,a+1),s.total++;const c={tag:t,position:l,counter:a};null!=n&&(c.namespace=n),null!=e&&(c.values=e),this.path.push(c);const p=this.path.length,h=null!==i?i.keep:null;if(null!=h&&h.length>0&&e)for(let t=0;t<h.length;t++){const n=h[t];void 0!==e[n]&&this._keptAttrs.push({depth:p,name:n,value:e[n]})}}pop(){if(0===this.path.length)return;this._pathStringCache=null;const t=this.path.pop();this.siblingStacks.length>this.path.length+1&&(this.siblingStacks.length=this.path.length+1);const e=this.path.length+1;for(;this._keptAttrs.length>0&&this._keptAttrs[this._keptAttrs.length-1].depth>=e;)this._keptAttrs.pop();return t}updateCurrent(t){if(this.path.length>0){const e=this.path[this.path.length-1];null!=t&&(e.values=t)}}getCurrentTag(){return this.path.length>0?this.path[this.path.length-1].tag:void 0}getCurrentNamespace(){return this.path.length>0?this.path[this.path.length-1].namespace:void 0}getAttrValue(t){if(0!==this.path.length)return this.path[this.path.length-1].values?.[t]}hasAttr(t){if(0===this.path.length)return!1;const e=this.path[this.path.length-1];return void 0!==e.values&&t in e.values}getAnyParentAttr(t){const e=this._keptAttrs;for(let n=e.length-1;n>=0;n--)if(e[n].name===t)return e[n].value}hasAnyParentAttr(t){const e=this._keptAttrs;for(let n=e.length-1;n>=0;n--)if(e[n].name===t)return!0;return!1}getPosition(){return 0===this.path.length?-1:this.path[this.path.length-1].position??0}getCounter(){return 0===this.path.length?-1:this.path[this.path.length-1].counter??0}getIndex(){return this.getPosition()}getDepth(){return this.path.length}toString(t,e=!0){const n=t||this.separator;if(n===this.separator&&!0===e){if(null!==this._pathStringCache)return this._pathStringCache;const t=this.path.map(t=>t.namespace?`${t.namespace}:${t.tag}`:t.tag).join(n);return this._pathStringCache=t,t}return this.path.map(t=>e&&t.namespace?`${t.namespace}:${t.tag}`:t.tag).join(n)}toArray(){return this.path.map(t=>t.tag)}reset(){this._pathStringCache=null,this.path=[],this.siblingStacks=[],this._keptAttrs=[]}matches(t){const e=t.segments;return 0!==e.length&&(t.hasDeepWildcard()?this._matchWithDeepWildcard(e):this._matchSimple(e))}_matchSimple(t){if(this.path.length!==t.length)return!1;for(let e=0;e<t.length;e++)if(!this._matchSegment(t[e],this.path[e],e===this.path.length-1))return!1;return!0}_matchWithDeepWildcard(t){let e=this.path.length-1,n=t.length-1;for(;n>=0&&e>=0;){const i=t[n];if("deep-wildcard"===i.type){if(n--,n<0)return!0;const i=t[n];let r=!1;for(let t=e;t>=0;t--)if(this._matchSegment(i,this.path[t],t===this.path.length-1)){e=t-1,n--,r=!0;break}if(!r)return!1}else{if(!this._matchSegment(i,this.path[e],e===this.path.length-1))return!1;e--,n--}}return n<0}_matchSegment(t,e,n){if("*"!==t.tag&&t.tag!==e.tag)return!1;if(void 0!==t.namespace&&"*"!==t.namespace&&t.namespace!==e.namespace)return!1;if(void 0!==t.attrName){if(!n)return!1;if(!e.values||!(t.attrName in e.values))return!1;if(void 0!==t.attrValue&&String(e.values[t.attrName])!==String(t.attrValue))return!1}if(void 0!==t.position){if(!n)return!1;const i=e.counter??0;if("first"===t.position&&0!==i)return!1;if("odd"===t.position&&i%2!=1)return!1;if("even"===t.position&&i%2!=0)return!1;if("nth"===t.position&&i!==t.positionValue)return!1}return!0}matchesAny(t){return t.matchesAny(this)}snapshot(){return{path:this.path.map(t=>({...t})),siblingStacks:this.siblingStacks.map(t=>t?{counts:new Map(t.counts),total:t.total}:t),keptAttrs:this._keptAttrs.map(t=>({...t}))}}restore(t){this._pathStringCache=null,this.path=t.path.map(t=>({...t})),this.siblingStacks=t.siblingStacks.map(t=>t?{counts:new Map(t.counts),total:t.total}:t),this._keptAttrs=(t.keptAttrs||[]).map(t=>({...t}))}readOnly(){return this._view}}class ot{constructor(t,e={},n){this.pattern=t,this.separator=e.separator||".",this.segments=this._parse(t),this.data=n,this._hasDeepWildcard=this.segments.some(t=>"deep-wildcard"===t.type),this._hasAttributeCondition=this.segments.some(t=>void 0!==t.attrName),this._hasPositionSelector=this.segments.some(t=>void 0!==t.position)}_parse(t){const e=[];let n=0,i="";for(;n<t.length;)t[n]===this.separator?n+1<t.length&&t[n+1]===this.separator?(i.trim()&&(e.push(this._parseSegment(i.trim())),i=""),e.push({type:"deep-wildcard"}),n+=2):(i.trim()&&e.push(this._parseSegment(i.trim())),i="",n++):(i+=t[n],n++);return i.trim()&&e.push(this._parseSegment(i.trim())),e}_parseSegment(t){const e={type:"tag"};let n=null,i=t;const r=t.match(/^([^\[]+)(\[[^\]]*\])(.*)$/);if(r&&(i=r[1]+r[3],r[2])){const t=r[2].slice(1,-1);t&&(n=t)}let s,o,a=i;if(i.includes("::")){const e=i.indexOf("::");if(s=i.substring(0,e).trim(),a=i.substring(e+2).trim(),!s)throw new Error(`Invalid namespace in pattern: ${t}`)}let l=null;if(a.includes(":")){const t=a.lastIndexOf(":"),e=a.substring(0,t).trim(),n=a.substring(t+1).trim();["first","last","odd","even"].includes(n)||/^nth\(\d+\)$/.test(n)?(o=e,l=n):o=a}else o=a;if(!o)throw new Error(`Invalid segment pattern: ${t}`);if(e.tag=o,s&&(e.namespace=s),n)if(n.includes("=")){const t=n.indexOf("=");e.attrName=n.substring(0,t).trim(),e.attrValue=n.substring(t+1).trim()}else e.attrName=n.trim();if(l){const t=l.match(/^nth\((\d+)\)$/);t?(e.position="nth",e.positionValue=parseInt(t[1],10)):e.position=l}return e}get length(){return this.segments.length}hasDeepWildcard(){return this._hasDeepWildcard}hasAttributeCondition(){return this._hasAttributeCondition}hasPositionSelector(){return this._hasPositionSelector}toString(){return this.pattern}}class at{constructor(){this._byDepthAndTag=new Map,this._wildcardByDepth=new Map,this._deepWildcards=[],this._deepByTerminalTag=new Map,this._patterns=new Set,this._sealed=!1}add(t){if(this._sealed)throw new TypeError("ExpressionSet is sealed. Create a new ExpressionSet to add more expressions.");if(this._patterns.has(t.pattern))return this;if(this._patterns.add(t.pattern),t.hasDeepWildcard()){const e=t.segments[t.segments.length-1];if(e&&"deep-wildcard"!==e.type&&"*"!==e.tag){const n=e.tag;this._deepByTerminalTag.has(n)||this._deepByTerminalTag.set(n,[]),this._deepByTerminalTag.get(n).push(t)}else this._deepWildcards.push(t);return this}const e=t.length,n=t.segments[t.segments.length-1],i=n?.tag;if(i&&"*"!==i){const n=`${e}:${i}`;this._byDepthAndTag.has(n)||this._byDepthAndTag.set(n,[]),this._byDepthAndTag.get(n).push(t)}else this._wildcardByDepth.has(e)||this._wildcardByDepth.set(e,[]),this._wildcardByDepth.get(e).push(t);return this}addAll(t){for(const e of t)this.add(e);return this}has(t){return this._patterns.has(t.pattern)}get size(){return this._patterns.size}seal(){return this._sealed=!0,this}get isSealed(){return this._sealed}matchesAny(t){return null!==this.findMatch(t)}findMatch(t){const e=t.getDepth(),n=t.getCurrentTag(),i=`${e}:${n}`,r=this._byDepthAndTag.get(i);if(r)for(let e=0;e<r.length;e++)if(t.matches(r[e]))return r[e];const s=this._wildcardByDepth.get(e);if(s)for(let e=0;e<s.length;e++)if(t.matches(s[e]))return s[e];const o=this._deepByTerminalTag.get(n);if(o)for(let e=0;e<o.length;e++)if(t.matches(o[e]))return o[e];for(let e=0;e<this._deepWildcards.length;e++)if(t.matches(this._deepWildcards[e]))return this._deepWildcards[e];return null}}const lt={cent:"¢",pound:"£",curren:"¤",yen:"¥",euro:"€",dollar:"$",fnof:"ƒ",inr:"₹",af:"؋",birr:"ብር",peso:"₱",rub:"₽",won:"₩",yuan:"¥",cedil:"¸"},ct={amp:"&",apos:"'",gt:">",lt:"<",quot:'"'},pt={nbsp:" ",copy:"©",reg:"®",trade:"™",mdash:"—",ndash:"–",hellip:"…",laquo:"«",raquo:"»",lsquo:"‘",rsquo:"’",ldquo:"“",rdquo:"”",bull:"•",para:"¶",sect:"§",deg:"°",frac12:"½",frac14:"¼",frac34:"¾"},ht=Object.freeze({ALLOW:"allow",BLOCK:"block",THROW:"throw"}),dt=new Set("!?\\\\/[]$%{}^&*()<>|+");function ut(t){if("#"===t[0])throw new Error(`[EntityReplacer] Invalid character '#' in entity name: "${t}"`);for(const e of t)if(dt.has(e))throw new Error(`[EntityReplacer] Invalid character '${e}' in entity name: "${t}"`);return t}function ft(...t){const e=Object.create(null);for(const n of t)if(n)for(const t of Object.keys(n)){const i=n[t];if("string"==typeof i)e[t]=i;else if(i&&"object"==typeof i&&void 0!==i.val){const n=i.val;"string"==typeof n&&(e[t]=n)}}return e}const gt="external",mt="base",xt="all",bt=Object.freeze({allow:0,leave:1,remove:2,throw:3}),yt=new Set([9,10,13]);class Nt{constructor(t={}){var e;this._limit=t.limit||{},this._maxTotalExpansions=this._limit.maxTotalExpansions||0,this._maxExpandedLength=this._limit.maxExpandedLength||0,this._postCheck="function"==typeof t.postCheck?t.postCheck:t=>t,this._limitTiers=(e=this._limit.applyLimitsTo??gt)&&e!==gt?e===xt?new Set([xt]):e===mt?new Set([mt]):Array.isArray(e)?new Set(e):new Set([gt]):new Set([gt]),this._numericAllowed=t.numericAllowed??!0,this._baseMap=ft(ct,t.namedEntities||null),this._externalMap=Object.create(null),this._inputMap=Object.create(null),this._totalExpansions=0,this._expandedLength=0,this._removeSet=new Set(t.remove&&Array.isArray(t.remove)?t.remove:[]),this._leaveSet=new Set(t.leave&&Array.isArray(t.leave)?t.leave:[]);const n=function(t){if(!t)return{xmlVersion:1,onLevel:bt.allow,nullLevel:bt.remove};const e=1.1===t.xmlVersion?1.1:1,n=bt[t.onNCR]??bt.allow,i=bt[t.nullNCR]??bt.remove;return{xmlVersion:e,onLevel:n,nullLevel:Math.max(i,bt.remove)}}(t.ncr);this._ncrXmlVersion=n.xmlVersion,this._ncrOnLevel=n.onLevel,this._ncrNullLevel=n.nullLevel,this._onExternalEntity="function"==typeof t.onExternalEntity?t.onExternalEntity:null,this._onInputEntity="function"==typeof t.onInputEntity?t.onInputEntity:null}_applyRegistrationHook(t,e,n,i){if(!t)return!0;const r=t(e,n);if(r===ht.BLOCK)return!1;if(r===ht.THROW)throw new Error(`[EntityDecoder] Registration of ${i} entity "&${e};" was rejected by hook`);return!0}setExternalEntities(t){if(t)for(const e of Object.keys(t))ut(e);if(!this._onExternalEntity)return void(this._externalMap=ft(t));const e=ft(t),n=Object.create(null);for(const[t,i]of Object.entries(e))this._applyRegistrationHook(this._onExternalEntity,t,i,"external")&&(n[t]=i);this._externalMap=n}addExternalEntity(t,e){ut(t),"string"==typeof e&&-1===e.indexOf("&")&&this._applyRegistrationHook(this._onExternalEntity,t,e,"external")&&(this._externalMap[t]=e)}addInputEntities(t){if(this._totalExpansions=0,this._expandedLength=0,!this._onInputEntity)return void(this._inputMap=ft(t));const e=ft(t),n=Object.create(null);for(const[t,i]of Object.entries(e))this._applyRegistrationHook(this._onInputEntity,t,i,"input")&&(n[t]=i);this._inputMap=n}reset(){return this._inputMap=Object.create(null),this._totalExpansions=0,this._expandedLength=0,this}setXmlVersion(t){this._ncrXmlVersion=1.1===t?1.1:1}decode(t){if("string"!=typeof t||0===t.length)return t;if(-1===t.indexOf("&"))return t;const e=t,n=[],i=t.length;let r=0,s=0;const o=this._maxTotalExpansions>0,a=this._maxExpandedLength>0,l=o||a;for(;s<i;){if(38!==t.charCodeAt(s)){s++;continue}let e=s+1;for(;e<i&&59!==t.charCodeAt(e)&&e-s<=32;)e++;if(e>=i||59!==t.charCodeAt(e)){s++;continue}const c=t.slice(s+1,e);if(0===c.length){s++;continue}let p,h;if(this._removeSet.has(c))p="",void 0===h&&(h=gt);else{if(this._leaveSet.has(c)){s++;continue}if(35===c.charCodeAt(0)){const t=this._resolveNCR(c);if(void 0===t){s++;continue}p=t,h=mt}else{const t=this._resolveName(c);p=t?.value,h=t?.tier}}if(void 0!==p){if(s>r&&n.push(t.slice(r,s)),n.push(p),r=e+1,s=r,l&&this._tierCounts(h)){if(o&&(this._totalExpansions++,this._totalExpansions>this._maxTotalExpansions))throw new Error(`[EntityReplacer] Entity expansion count limit exceeded: ${this._totalExpansions} > ${this._maxTotalExpansions}`);if(a){const t=p.length-(c.length+2);if(t>0&&(this._expandedLength+=t,this._expandedLength>this._maxExpandedLength))throw new Error(`[EntityReplacer] Expanded content length limit exceeded: ${this._expandedLength} > ${this._maxExpandedLength}`)}}}else s++}r<i&&n.push(t.slice(r));const c=0===n.length?t:n.join("");return this._postCheck(c,e)}_tierCounts(t){return!!this._limitTiers.has(xt)||this._limitTiers.has(t)}_resolveName(t){return t in this._inputMap?{value:this._inputMap[t],tier:gt}:t in this._externalMap?{value:this._externalMap[t],tier:gt}:t in this._baseMap?{value:this._baseMap[t],tier:mt}:void 0}_classifyNCR(t){return 0===t?this._ncrNullLevel:t>=55296&&t<=57343||1===this._ncrXmlVersion&&t>=1&&t<=31&&!yt.has(t)?bt.remove:-1}_applyNCRAction(t,e,n){switch(t){case bt.allow:return String.fromCodePoint(n);case bt.remove:return"";case bt.leave:return;case bt.throw:throw new Error(`[EntityDecoder] Prohibited numeric character reference &${e}; (U+${n.toString(16).toUpperCase().padStart(4,"0")})`);default:return String.fromCodePoint(n)}}_resolveNCR(t){const e=t.charCodeAt(1);let n;if(n=120===e||88===e?parseInt(t.slice(2),16):parseInt(t.slice(1),10),Number.isNaN(n)||n<0||n>1114111)return;const i=this._classifyNCR(n);if(!this._numericAllowed&&i<bt.remove)return;const r=-1===i?this._ncrOnLevel:Math.max(this._ncrOnLevel,i);return this._applyNCRAction(r,t,n)}}const Et=[{id:"sql-block-comment-open",description:"SQL block comment open: /* ... */ — unusual in legitimate user text",pattern:/\/\*/},{id:"sql-union-select",description:"UNION SELECT — most common SQL injection aggregation attack",pattern:/\bUNION\s{1,20}(?:ALL\s{1,20})?SELECT\b/i},{id:"sql-drop-table",description:"DROP TABLE — destructive DDL injection",pattern:/\bDROP\s{1,20}TABLE\b/i},{id:"sql-drop-database",description:"DROP DATABASE — destructive DDL injection",pattern:/\bDROP\s{1,20}DATABASE\b/i},{id:"sql-insert-into",description:"INSERT INTO — data injection",pattern:/\bINSERT\s{1,20}INTO\b/i},{id:"sql-delete-from",description:"DELETE FROM — data deletion injection",pattern:/\bDELETE\s{1,20}FROM\b/i},{id:"sql-update-set",description:"UPDATE ... SET — data modification injection",pattern:/\bUPDATE\b[\s\S]{1,60}\bSET\b/i},{id:"sql-exec-xp",description:"EXEC xp_ — MSSQL extended stored procedure execution",pattern:/\bEXEC(?:UTE)?\s{1,20}xp_/i},{id:"sql-tautology-string",description:'Classic string tautology: \' OR \'1\'=\'1 or " OR "1"="1"',pattern:/'\s{0,10}OR\s{0,10}'[^']{0,20}'\s*=\s*'[^']{0,20}/i},{id:"sql-tautology-numeric",description:"Numeric tautology: OR 1=1",pattern:/\bOR\s{1,10}1\s*=\s*1\b/i},{id:"sql-always-true-zero",description:"Numeric tautology: OR 0=0",pattern:/\bOR\s{1,10}0\s*=\s*0\b/i},{id:"sql-sleep-benchmark",description:"Time-based blind injection: SLEEP() or BENCHMARK()",pattern:/\b(?:SLEEP|BENCHMARK)\s*\(/i},{id:"sql-waitfor-delay",description:"MSSQL time-based blind injection: WAITFOR DELAY",pattern:/\bWAITFOR\s{1,20}DELAY\b/i},{id:"sql-char-function",description:"CHAR() function — used to obfuscate injected strings",pattern:/\bCHAR\s*\(\s*\d{1,3}/i},{id:"sql-information-schema",description:"INFORMATION_SCHEMA — reconnaissance query for table/column enumeration",pattern:/\bINFORMATION_SCHEMA\b/i}],wt=[...Et,{id:"sql-line-comment",description:"SQL line comment: -- followed by whitespace or end of string",pattern:/--(?:\s|$)/},{id:"sql-stacked-query",description:"Stacked queries: semicolon immediately followed by a SQL keyword",pattern:/;\s{0,10}(?:SELECT|INSERT|UPDATE|DELETE|DROP|CREATE|ALTER|EXEC)\b/i},{id:"sql-hex-encoding",description:"Hex-encoded string injection: 0x41414141 style (MySQL)",pattern:/\b0x[0-9a-f]{4,}/i}],vt=Object.freeze({colon:":",Tab:"\t",NewLine:"\n"}),St=/&(?:#[xX]0*([0-9a-fA-F]{1,6});?|#0*([0-9]{1,7});?|([a-zA-Z][a-zA-Z0-9]{1,15});)/g,At=[{id:"html-script-open",description:"<script opening tag",pattern:/<script[\s>/]/i},{id:"html-script-close",description:"<\/script closing tag",pattern:/<\/script[\s>]/i},{id:"html-javascript-protocol",description:"javascript: URI scheme (with optional whitespace/encoding)",pattern:/j[\t\n\r ]*a[\t\n\r ]*v[\t\n\r ]*a[\t\n\r ]*s[\t\n\r ]*c[\t\n\r ]*r[\t\n\r ]*i[\t\n\r ]*p[\t\n\r ]*t[\t\n\r ]*:/i},{id:"html-vbscript-protocol",description:"vbscript: URI scheme",pattern:/vbscript[\t\n\r ]*:/i},{id:"html-data-html",description:"data:text/html URI — can execute scripts in browsers",pattern:/data[\t\n\r ]*:[\t\n\r ]*text\/html/i},{id:"html-data-xhtml",description:"data:application/xhtml+xml URI",pattern:/data[\t\n\r ]*:[\t\n\r ]*application\/xhtml/i},{id:"html-data-svg",description:"data:image/svg+xml URI — can execute scripts",pattern:/data[\t\n\r ]*:[\t\n\r ]*image\/svg\+xml/i},{id:"html-inline-event-handler",description:"Inline event handler attributes: onclick=, onerror=, onload=, etc.",pattern:/\bon\w{1,30}\s*=/i},{id:"html-entity-obfuscated-script",description:"HTML-entity-encoded <script (e.g. &#x3C;script or &lt;script)",pattern:/(?:&#x0*3[Cc];?|&#0*60;?|&lt;)\s*script/i},{id:"html-entity-obfuscated-javascript",description:'HTML-entity-encoded javascript: (partial — catches common &#106; or &#x6a; for "j")',pattern:/(?:&#x0*6[Aa];?|&#0*106;?)\s*(?:&#x0*61;?|a)[\s\S]{0,80}script\s*:/i},{id:"html-style-expression",description:"CSS expression() — IE-era code execution in style attributes",pattern:/style[\s\S]{0,20}expression\s*\(/i},{id:"html-object-embed",description:"<object or <embed tags that can load active content",pattern:/<(?:object|embed)[\s>/]/i},{id:"html-base-tag",description:"<base href= — can hijack all relative URLs on a page",pattern:/<base[\s>]/i},{id:"html-meta-refresh",description:'<meta http-equiv="refresh" — can redirect users',pattern:/<meta[\s\S]{0,40}http-equiv[\s\S]{0,20}refresh/i},{id:"html-srcdoc",description:"srcdoc= attribute on iframes — embeds HTML that can run scripts",pattern:/srcdoc\s*=/i},{id:"html-iframe",description:"<iframe tag",pattern:/<iframe[\s>/]/i},{id:"html-form",description:"<form tag — can be used for phishing / credential harvesting injection",pattern:/<form[\s>/]/i}],Tt=[{id:"xml-cdata-injection",description:"CDATA section injection: <![CDATA[ breaks out of text node context",pattern:/<!\[CDATA\[/i},{id:"xml-cdata-close",description:"CDATA close sequence: ]]> can terminate an enclosing CDATA section",pattern:/\]\]>/},{id:"xml-processing-instruction",description:"XML processing instruction: <?xml-stylesheet or <?php etc.",pattern:/<\?(?:xml[\- ]|php|asp)/i},{id:"xml-doctype-injection",description:"DOCTYPE declaration embedded in content — can define entities",pattern:/<!DOCTYPE(?:[\s[]|$)/i},{id:"xml-entity-system",description:"SYSTEM keyword — used in external entity declarations (XXE)",pattern:/\bSYSTEM\s+["']/i},{id:"xml-entity-public",description:"PUBLIC keyword — used in external entity declarations (XXE)",pattern:/\bPUBLIC\s+["']/i},{id:"xml-entity-declaration",description:"<!ENTITY declaration — defines entities, potential XXE or entity expansion",pattern:/<!ENTITY[\s%]/i},{id:"xml-billion-laughs",description:"Entity reference chaining / billion laughs: repeated &eX; style references",pattern:/(?:&\w{1,20};){3,}/},{id:"xml-namespace-confusion",description:"xmlns: attribute injection — can redefine namespaces to confuse parsers",pattern:/\bxmlns(?::\w{1,40})?\s*=/i},{id:"xml-comment-injection",description:"\x3c!-- comment injection — can hide content from some parsers",pattern:/<!--/},{id:"xml-comment-close",description:"--\x3e closes an enclosing XML comment",pattern:/-->/},{id:"xml-pi-close",description:"?> closes an enclosing processing instruction",pattern:/\?>/}],_t=[{id:"svg-script-element",description:"<script element inside SVG executes JavaScript",pattern:/<script[\s>/]/i},{id:"svg-xlink-href-javascript",description:"xlink:href with javascript: — classic SVG XSS via <a> or <use>",pattern:/xlink\s*:\s*href\s*=\s*["']?\s*javascript\s*:/i},{id:"svg-href-javascript",description:"href= with javascript: in SVG context (<a>, <animate>, etc.)",pattern:/href\s*=\s*["']?\s*javascript\s*:/i},{id:"svg-foreignobject",description:"<foreignObject embeds HTML inside SVG — can execute scripts",pattern:/<foreignObject[\s>/]/i},{id:"svg-use-external",description:"<use xlink:href or href pointing to external resource (non-fragment URL)",pattern:/<use[\s\S]{0,60}(?:xlink\s*:\s*)?href\s*=\s*(?:["'][^#]|[^"'#\s>])/i},{id:"svg-animate-href",description:'<animate attributeName="href" — can dynamically change href to javascript:',pattern:/<animate[\s\S]{0,80}attributeName\s*=\s*["'][\s]*href["']/i},{id:"svg-animate-xlinkhref",description:'<animate attributeName="xlink:href"',pattern:/<animate[\s\S]{0,80}attributeName\s*=\s*["'][\s]*xlink\s*:\s*href["']/i},{id:"svg-set-javascript",description:'<set to="javascript:..." — sets an attribute to a javascript: URI',pattern:/<set[\s\S]{0,80}to\s*=\s*["']?\s*javascript\s*:/i},{id:"svg-event-handler",description:"SVG-specific event handler attributes: onload=, onerror=, onactivate=, etc.",pattern:/\bon(?:load|error|activate|begin|end|repeat|focus|blur|click|mouse\w{1,20}|key\w{1,20})\s*=/i},{id:"svg-handler-generic",description:"Generic on* handler catch-all for SVG attributes",pattern:/\bon\w{1,30}\s*=/i},{id:"svg-filter-feimage",description:"<feImage href= — filter primitive that can load external resources",pattern:/<feImage[\s\S]{0,80}(?:xlink\s*:\s*)?href\s*=/i},{id:"svg-image-external",description:"<image xlink:href with http/https or javascript protocol",pattern:/<image[\s\S]{0,80}(?:xlink\s*:\s*)?href\s*=\s*["']?\s*(?:https?|javascript)\s*:/i},{id:"svg-style-javascript",description:"style= attribute containing javascript: (e.g. background:url(javascript:...))",pattern:/style\s*=[\s\S]{0,60}javascript\s*:/i}],Ct=[{id:"shell-path-traversal-unix",description:"Unix path traversal: ../  — climbing the directory tree",pattern:/\.\.\//},{id:"shell-path-traversal-windows",description:"Windows path traversal: ..\\ — climbing the directory tree",pattern:/\.\.\\/},{id:"shell-path-traversal-encoded",description:"URL-encoded path traversal: %2e%2e or %2f variants",pattern:/%2e%2e|%2f\.\.|\.\.%2f/i},{id:"shell-null-byte",description:"Null byte injection: \\x00 or %00 — truncates strings in C-backed functions",pattern:/\x00|%00/},{id:"shell-semicolon",description:"Semicolon command separator: cmd1; cmd2",pattern:/;/},{id:"shell-pipe",description:"Pipe operator: cmd1 | cmd2",pattern:/\|/},{id:"shell-and-operator",description:"AND operator: cmd1 && cmd2",pattern:/&&/},{id:"shell-or-operator",description:"OR operator: cmd1 || cmd2",pattern:/\|\|/},{id:"shell-backtick",description:"Backtick command substitution: `cmd`",pattern:/`/},{id:"shell-dollar-paren",description:"Dollar-paren command substitution: $(cmd)",pattern:/\$\(/},{id:"shell-dollar-brace",description:"Dollar-brace variable expansion: ${var} — can be abused for injection",pattern:/\$\{/},{id:"shell-redirect-out",description:"Output redirection: cmd > file or cmd >> file",pattern:/>{1,2}/},{id:"shell-redirect-in",description:"Input redirection: cmd < file",pattern:/</},{id:"shell-newline-injection",description:"Newline injection: \\n or \\r — can inject new shell commands",pattern:/[\n\r]/},{id:"shell-glob-star",description:"Glob expansion: * or ? — can expand to unintended files",pattern:/[/\\][*?]/},{id:"shell-absolute-root",description:"Absolute root path injection: string starting with / or \\ (Windows UNC)",pattern:/^(?:\/|\\\\)/},{id:"shell-windows-drive",description:"Windows drive letter path injection: C:\\ or D:/",pattern:/^[a-zA-Z]:[/\\]/},{id:"shell-curl-wget",description:"curl/wget with URL or flags — can exfiltrate data or download payloads",pattern:/\b(?:curl|wget)\s+(?:https?:\/\/|ftp:\/\/|-)/i}],$t=[{id:"redos-nested-quantifier-plus",description:"Nested + quantifier inside a group with outer quantifier: (a+)+, (.+b)*, etc.",pattern:/\([^)]*\+[^)]*\)[+*]/},{id:"redos-nested-quantifier-star",description:"Nested * quantifier: (a*)* or (a*)+ — catastrophic backtracking",pattern:/\([^)]*\*[^)]*\)[*+]/},{id:"redos-nested-groups",description:"Doubly nested quantified groups: ((a+)+) — guaranteed catastrophic",pattern:/\(\([^)]{0,40}\)[+*]\)[+*]/},{id:"redos-alternation-overlap",description:"Overlapping alternation under quantifier: (a|a)+ — ambiguous NFA paths",pattern:/\(([^|()]{1,20})\|(?:\1)(?:\|[^|()]{1,20}){0,5}\)[+*?]{1,2}/},{id:"redos-star-plus-concat",description:"(x*x)+ pattern — triggers super-linear backtracking",pattern:/\([^)]{0,10}\*[^)]{0,10}\)[+*]/},{id:"redos-dot-star-greedy",description:"(.*){n,} or (.+){n,} — repeated greedy dot quantifiers",pattern:/\(\.[*+]\)\{?\d/},{id:"redos-large-repetition",description:"Very large fixed or range repetition count {1000,} or {1000,n} — denial of service via backtracking",pattern:/\{\d{4,}(?:,\d*)?\}/},{id:"redos-catastrophic-alternation",description:"Long alternation with many similar branches — polynomial backtracking risk",pattern:/\([^)]{0,200}(?:\|[^|)]{0,50}){9,}\)/}],Ot="[\"'\\s]*:",Pt=[{id:"nosql-where-operator",description:"$where — executes arbitrary JavaScript server-side in MongoDB",pattern:new RegExp(`\\$where${Ot}`,"i")},{id:"nosql-ne-operator",description:'$ne — "not equal" operator used to bypass equality checks',pattern:new RegExp(`\\$ne${Ot}`,"i")},{id:"nosql-gt-operator",description:'$gt — "greater than" used to bypass password/value checks',pattern:new RegExp(`\\$gte?${Ot}`,"i")},{id:"nosql-lt-operator",description:'$lt / $lte — "less than" bypass variants',pattern:new RegExp(`\\$lte?${Ot}`,"i")},{id:"nosql-regex-operator",description:"$regex — can be used to extract data character by character (blind injection)",pattern:new RegExp(`\\$regex${Ot}`,"i")},{id:"nosql-or-operator",description:"$or — logical OR; used to create always-true conditions",pattern:new RegExp(`\\$or${Ot}\\s*\\[`,"i")},{id:"nosql-and-operator",description:"$and — logical AND operator injection",pattern:new RegExp(`\\$and${Ot}\\s*\\[`,"i")},{id:"nosql-nor-operator",description:"$nor — logical NOR operator injection",pattern:new RegExp(`\\$nor${Ot}\\s*\\[`,"i")},{id:"nosql-exists-operator",description:"$exists — can enumerate fields to determine schema",pattern:new RegExp(`\\$exists${Ot}`,"i")},{id:"nosql-in-operator",description:"$in — matches any value in a list; can enumerate values",pattern:new RegExp(`\\$in${Ot}\\s*\\[`,"i")},{id:"nosql-expr-operator",description:"$expr — allows aggregation expressions in queries (MongoDB 3.6+)",pattern:new RegExp(`\\$expr${Ot}`,"i")},{id:"nosql-function-operator",description:"$function — executes arbitrary JavaScript in MongoDB 4.4+",pattern:new RegExp(`\\$function${Ot}`,"i")},{id:"nosql-accumulator-operator",description:"$accumulator — custom aggregation with arbitrary JS execution",pattern:new RegExp(`\\$accumulator${Ot}`,"i")},{id:"nosql-proto-pollution",description:"__proto__ — prototype pollution via object key injection",pattern:/__proto__/},{id:"nosql-constructor-prototype",description:"constructor.prototype — alternative prototype pollution vector (dot notation or JSON key)",pattern:/constructor[\s"':.,{\[]*prototype/i},{id:"nosql-proto-bracket",description:'["__proto__"] — bracket-notation prototype pollution',pattern:/\[["']__proto__["']\]/}],jt=[{id:"log-crlf-injection",description:"CRLF injection: literal \\r or \\n embeds fake log lines",pattern:/[\r\n]/},{id:"log-url-encoded-crlf",description:"URL-encoded CRLF: %0d, %0a, %0D, %0A — decoded by some log parsers",pattern:/%0[dDaA]/},{id:"log-unicode-newline",description:"Unicode newline variants: U+2028 (line separator), U+2029 (paragraph separator)",pattern:/[\u2028\u2029]/},{id:"log-log4shell-jndi",description:"Log4Shell: ${jndi:...} triggers remote code execution in Apache Log4j",pattern:/\$\{jndi\s*:/i},{id:"log-log4shell-obfuscated",description:"Obfuscated Log4Shell: ${::-j}... lookup-bypass prefix used to evade WAF detection",pattern:/\$\{::-/},{id:"log-log4j-lookup",description:"Log4j lookup syntax: ${env:...}, ${sys:...}, ${ctx:...} — data exfiltration",pattern:/\$\{(?:env|sys|ctx|main|map|sd|web|docker|k8s|spring)\s*:/i},{id:"log-ssti-double-brace",description:"SSTI double-brace: {{expression}} — Jinja2, Twig, Handlebars, etc.",pattern:/\{\{[\s\S]{0,80}\}\}/},{id:"log-ssti-hash-brace",description:"SSTI hash-brace: #{expression} — Thymeleaf, Velocity, Ruby ERB",pattern:/#\{[\s\S]{0,80}\}/},{id:"log-ssti-dollar-brace",description:"SSTI/EL injection: ${expression with operators or method calls} — JSP EL, Freemarker, SpEL",pattern:/\$\{[^}]*(?:\.|\(|\*|\+|\bclass\b|\bruntime\b|\bprocess\b|\bexec\b)[^}]{0,80}\}/i},{id:"log-ssti-percent-tag",description:"SSTI ERB/ASP tag: <%= expression %> — Ruby ERB, ASP",pattern:/<%=[\s\S]{0,80}%>/},{id:"log-null-byte",description:"Null byte: \\x00 or %00 — can truncate log entries in C-backed loggers",pattern:/\x00|%00/},{id:"log-ansi-escape",description:"ANSI escape sequence: ESC[ — can manipulate terminal output when logs are tailed",pattern:/\x1b\[/}];function It(t,e){const n=e.label??"CUSTOM",i=function(t,e){if(!e.decodeEntities)return null;const n=-1===(i=t).indexOf("&")?i:i.replace(St,(t,e,n,i)=>{if(void 0!==i)return Object.prototype.hasOwnProperty.call(vt,i)?vt[i]:t;const r=void 0!==e?parseInt(e,16):parseInt(n,10);return!Number.isFinite(r)||r>1114111?t:String.fromCodePoint(r)});var i;return n===t?null:n}(t,e);for(const r of e)if(r.pattern.test(t)||null!==i&&r.pattern.test(i))return{context:n,id:r.id,description:r.description,pattern:r.pattern};return null}function kt(t,e){(function(t){if("string"!=typeof t)throw new TypeError("is-unsafe: first argument must be a string, got "+typeof t)})(t),function(t){if(!(t instanceof RegExp)){if(!Array.isArray(t))throw new TypeError("is-unsafe: second argument must be a PatternList (e.g. HTML), an array of PatternLists (e.g. [HTML, XML]), or a RegExp. Got: "+typeof t);if(0===t.length)throw new TypeError("is-unsafe: context must not be an empty array");if(Array.isArray(t[0]))for(const e of t)if(!Array.isArray(e)||0===e.length)throw new TypeError("is-unsafe: each context in the array must be a non-empty pattern array (PatternList)")}}(e);const{lists:n,regex:i}=function(t){return t instanceof RegExp?{lists:null,regex:t}:Array.isArray(t[0])?{lists:t,regex:null}:{lists:[t],regex:null}}(e);if(i)return i.test(t);for(const e of n)if(null!==It(t,e))return!0;return!1}function Lt(t,e){if(!t)return{};const n=e.attributesGroupName?t[e.attributesGroupName]:t;if(!n)return{};const i={};for(const t in n)t.startsWith(e.attributeNamePrefix)?i[t.substring(e.attributeNamePrefix.length)]=n[t]:i[t]=n[t];return i}function Dt(t){if(!t||"string"!=typeof t)return;const e=t.indexOf(":");if(-1!==e&&e>0){const n=t.substring(0,e);if("xmlns"!==n)return n}}At.label="HTML",Tt.label="XML",_t.label="SVG",At.decodeEntities=!0,Tt.decodeEntities=!0,_t.decodeEntities=!0,Et.label="SQL",wt.label="SQL-STRICT",Ct.label="SHELL",$t.label="REDOS",Pt.label="NOSQL",jt.label="LOG",Object.freeze({HTML:At,XML:Tt,SVG:_t,SQL:Et,"SQL-STRICT":wt,SHELL:Ct,REDOS:$t,NOSQL:Pt,LOG:jt});class Mt{constructor(t,e){var n;this.options=t,this.currentNode=null,this.tagsNodeStack=[],this.parseXml=Bt,this.parseTextData=Rt,this.resolveNameSpace=Vt,this.buildAttributesMap=Ut,this.isItStopNode=Yt,this.replaceEntitiesValue=Wt,this.readStopNodeData=Zt,this.saveTextToParentTag=zt,this.addChild=Xt,this.ignoreAttributesFn="function"==typeof(n=this.options.ignoreAttributes)?n:Array.isArray(n)?t=>{for(const e of n){if("string"==typeof e&&t===e)return!0;if(e instanceof RegExp&&e.test(t))return!0}}:()=>!1,this.entityExpansionCount=0,this.currentExpandedLength=0,this.doctypefound=!1;let i={...ct};this.options.entityDecoder?this.entityDecoder=this.options.entityDecoder:("object"==typeof this.options.htmlEntities?i=this.options.htmlEntities:!0===this.options.htmlEntities&&(i={...pt,...lt}),this.entityDecoder=new Nt({namedEntities:{...i,...e},numericAllowed:this.options.htmlEntities,limit:{maxTotalExpansions:this.options.processEntities.maxTotalExpansions,maxExpandedLength:this.options.processEntities.maxExpandedLength,applyLimitsTo:this.options.processEntities.appliesTo},onInputEntity:(t,e)=>kt(e,[At,Tt])?ht.BLOCK:ht.ALLOW})),this.matcher=new st,this.readonlyMatcher=this.matcher.readOnly(),this.isCurrentNodeStopNode=!1,this.stopNodeExpressionsSet=new at;const r=this.options.stopNodes;if(r&&r.length>0){for(let t=0;t<r.length;t++){const e=r[t];"string"==typeof e?this.stopNodeExpressionsSet.add(new ot(e)):e instanceof ot&&this.stopNodeExpressionsSet.add(e)}this.stopNodeExpressionsSet.seal()}}}function Rt(t,e,n,i,r,s,o){const a=this.options;if(void 0!==t&&(a.trimValues&&!i&&(t=t.trim()),t.length>0)){o||(t=this.replaceEntitiesValue(t,e,n));const i=a.jPath?n.toString():n,l=a.tagValueProcessor(e,t,i,r,s);return null==l?t:typeof l!=typeof t||l!==t?l:a.trimValues||t.trim()===t?Kt(t,a.parseTagValue,a.numberParseOptions):t}}function Vt(t){if(this.options.removeNSPrefix){const e=t.split(":"),n="/"===t.charAt(0)?"/":"";if("xmlns"===e[0])return"";2===e.length&&(t=n+e[1])}return t}const qt=/([^\s=]+)\s*(=\s*(?:"([^"]*)"|'([^']*)'))?/gm;function Ft(t){return void 0!==t[3]?t[3]:t[4]}function Ut(t,e,n,i=!1){const r=this.options;if(!0===i||!0!==r.ignoreAttributes&&"string"==typeof t){const i=function(t,e){const n=[];let i=e.exec(t);for(;i;){const r=[];r.startIndex=e.lastIndex-i[0].length;const s=i.length;for(let t=0;t<s;t++)r.push(i[t]);n.push(r),i=e.exec(t)}return n}(t,qt),s=i.length,o={},a=new Array(s);let l=!1;const c={};for(let t=0;t<s;t++){const e=this.resolveNameSpace(i[t][1]),s=Ft(i[t]);if(e.length&&void 0!==s){let i=s;r.trimValues&&(i=i.trim()),i=this.replaceEntitiesValue(i,n,this.readonlyMatcher),a[t]=i,c[e]=i,l=!0}}l&&"object"==typeof e&&e.updateCurrent&&e.updateCurrent(c);const p=r.jPath?e.toString():this.readonlyMatcher;let h=!1;for(let t=0;t<s;t++){const e=this.resolveNameSpace(i[t][1]);if(this.ignoreAttributesFn(e,p))continue;let n=r.attributeNamePrefix+e;if(e.length)if(r.transformAttributeName&&(n=r.transformAttributeName(n)),n=ee(n,r),void 0!==Ft(i[t])){const i=a[t],s=r.attributeValueProcessor(e,i,p);o[n]=null==s?i:typeof s!=typeof i||s!==i?s:Kt(i,r.parseAttributeValue,r.numberParseOptions),h=!0}else r.allowBooleanAttributes&&(o[n]=!0,h=!0)}if(!h)return;if(r.attributesGroupName&&!r.preserveOrder){const t={};return t[r.attributesGroupName]=o,t}return o}}const Bt=function(t){const e=this.options,n=e.captureMetaData?[]:void 0;t=t.replace(/\r\n?/g,e.captureMetaData?(t,e)=>(2===t.length&&n.push(e-n.length),"\n"):"\n");const i=new C("!xml");let r=i,s="";this.matcher.reset(),this.entityDecoder.reset(),this.entityExpansionCount=0,this.currentExpandedLength=0,this.doctypefound=!1;const o=new F(e.processEntities),a=t.length;for(let l=0;l<a;l++)if("<"===t[l]){const c=t.charCodeAt(l+1);if(47===c){const o=Ht(t,">",l,"Closing Tag is not closed.");let a=t.substring(l+2,o).trim();if(e.removeNSPrefix){const t=a.indexOf(":");-1!==t&&(a=a.substr(t+1))}a=te(e.transformTagName,a,"",e).tagName,r&&(s=this.saveTextToParentTag(s,r,this.readonlyMatcher));const c=this.matcher.getCurrentTag();if(a&&e.unpairedTagsSet.has(a))throw new Error(`Unpaired tag can not be used as closing tag: </${a}>`);c&&e.unpairedTagsSet.has(c)&&(this.matcher.pop(),this.tagsNodeStack.pop()),this.matcher.pop(),this.isCurrentNodeStopNode=!1,r=this.tagsNodeStack.pop()||i,e.captureMetaData&&r&&r.addEndIndex(Gt(o+1,n)),s="",l=o}else if(63===c){let i=Jt(t,l,!1,"?>");if(!i)throw new Error("Pi Tag is not closed.");s=this.saveTextToParentTag(s,r,this.readonlyMatcher);const a=this.buildAttributesMap(i.tagExp,this.matcher,i.tagName,!0);if(a){const t=a[this.options.attributeNamePrefix+"version"];this.entityDecoder.setXmlVersion(Number(t)||1),o.setXmlVersion(Number(t)||1)}if(e.ignoreDeclaration&&"?xml"===i.tagName||e.ignorePiTags);else{const t=new C(i.tagName);t.add(e.textNodeName,""),i.tagName!==i.tagExp&&i.attrExpPresent&&!0!==e.ignoreAttributes&&(t[":@"]=a);const s=e.captureMetaData?Gt(l,n):l;this.addChild(r,t,this.readonlyMatcher,s),e.captureMetaData&&r.addEndIndex(Gt(i.closeIndex+2,n))}l=i.closeIndex+1}else if(33===c&&45===t.charCodeAt(l+2)&&45===t.charCodeAt(l+3)){const n=Ht(t,"--\x3e",l+4,"Comment is not closed.");if(e.commentPropName){const i=t.substring(l+4,n-2);s=this.saveTextToParentTag(s,r,this.readonlyMatcher),r.add(e.commentPropName,[{[e.textNodeName]:i}])}l=n}else if(33===c&&68===t.charCodeAt(l+2)){if(this.doctypefound)throw new Error("Multiple DOCTYPE declarations found.");this.doctypefound=!0;const e=o.readDocType(t,l);this.entityDecoder.addInputEntities(e.entities),l=e.i}else if(33===c&&91===t.charCodeAt(l+2)){const n=Ht(t,"]]>",l,"CDATA is not closed.")-2,i=t.substring(l+9,n);s=this.saveTextToParentTag(s,r,this.readonlyMatcher);let o=this.parseTextData(i,r.tagname,this.readonlyMatcher,!0,!1,!0,!0);null==o&&(o=""),e.cdataPropName?r.add(e.cdataPropName,[{[e.textNodeName]:i}]):r.add(e.textNodeName,o),l=n+2}else{let o=Jt(t,l,e.removeNSPrefix);if(!o){const e=t.substring(Math.max(0,l-50),Math.min(a,l+50));throw new Error(`readTagExp returned undefined at position ${l}. Context: "${e}"`)}let c=o.tagName;const p=o.rawTagName;let h=o.tagExp,d=o.attrExpPresent,u=o.closeIndex;if(({tagName:c,tagExp:h}=te(e.transformTagName,c,h,e)),e.strictReservedNames&&(c===e.commentPropName||c===e.cdataPropName||c===e.textNodeName||c===e.attributesGroupName))throw new Error(`Invalid tag name: ${c}`);r&&s&&"!xml"!==r.tagname&&(s=this.saveTextToParentTag(s,r,this.readonlyMatcher,!1));const f=r;f&&e.unpairedTagsSet.has(f.tagname)&&(r=this.tagsNodeStack.pop(),this.matcher.pop());let g=!1;h.length>0&&h.lastIndexOf("/")===h.length-1&&(g=!0,"/"===c[c.length-1]?(c=c.substr(0,c.length-1),h=c):h=h.substr(0,h.length-1),d=c!==h);let m,x=null,b={};m=Dt(p),c!==i.tagname&&this.matcher.push(c,{},m),c!==h&&d&&(x=this.buildAttributesMap(h,this.matcher,c),x&&(b=Lt(x,e))),c!==i.tagname&&(this.isCurrentNodeStopNode=this.isItStopNode());const y=e.captureMetaData?Gt(l,n):l;if(this.isCurrentNodeStopNode){let i="";if(g)l=o.closeIndex;else if(e.unpairedTagsSet.has(c))l=o.closeIndex;else{const e=this.readStopNodeData(t,p,u+1);if(!e)throw new Error(`Unexpected end of ${p}`);l=e.i,i=e.tagContent}const s=new C(c);x&&(s[":@"]=x),s.add(e.textNodeName,i),this.matcher.pop(),this.isCurrentNodeStopNode=!1,this.addChild(r,s,this.readonlyMatcher,y),e.captureMetaData&&r.addEndIndex(Gt(l+1,n))}else{if(g){({tagName:c,tagExp:h}=te(e.transformTagName,c,h,e));const t=new C(c);x&&(t[":@"]=x),this.addChild(r,t,this.readonlyMatcher,y),e.captureMetaData&&r.addEndIndex(Gt(u+1,n)),this.matcher.pop(),this.isCurrentNodeStopNode=!1}else{if(e.unpairedTagsSet.has(c)){const t=new C(c);x&&(t[":@"]=x),this.addChild(r,t,this.readonlyMatcher,y),e.captureMetaData&&r.addEndIndex(Gt(o.closeIndex+1,n)),this.matcher.pop(),this.isCurrentNodeStopNode=!1,l=o.closeIndex;continue}{const t=new C(c);if(this.tagsNodeStack.length>e.maxNestedTags)throw new Error("Maximum nested tags exceeded");this.tagsNodeStack.push(r),x&&(t[":@"]=x),this.addChild(r,t,this.readonlyMatcher,y),r=t}}s="",l=u}}}else s+=t[l];return i.child};function Gt(t,e){let n=0,i=e.length;for(;n<i;){const r=Math.floor((n+i)/2);e[r]<t?n=r+1:i=r}return t+n}function Xt(t,e,n,i){this.options.captureMetaData||(i=void 0);const r=this.options.jPath?n.toString():n,s=this.options.updateTag(e.tagname,r,e[":@"]);!1===s||("string"==typeof s?(e.tagname=s,t.addChild(e,i)):t.addChild(e,i))}function Wt(t,e,n){const i=this.options.processEntities;if(!i||!i.enabled)return t;if(i.allowedTags){const r=this.options.jPath?n.toString():n;if(!(Array.isArray(i.allowedTags)?i.allowedTags.includes(e):i.allowedTags(e,r)))return t}if(i.tagFilter){const r=this.options.jPath?n.toString():n;if(!i.tagFilter(e,r))return t}return this.entityDecoder.decode(t)}function zt(t,e,n,i){return t&&(void 0===i&&(i=0===e.child.length),void 0!==(t=this.parseTextData(t,e.tagname,n,!1,!!e[":@"]&&0!==Object.keys(e[":@"]).length,i))&&""!==t&&e.add(this.options.textNodeName,t),t=""),t}function Yt(){return 0!==this.stopNodeExpressionsSet.size&&this.matcher.matchesAny(this.stopNodeExpressionsSet)}function Ht(t,e,n,i){const r=t.indexOf(e,n);if(-1===r)throw new Error(i);return r+e.length-1}function Qt(t,e,n,i){const r=t.indexOf(e,n);if(-1===r)throw new Error(i);return r}function Jt(t,e,n,i=">"){const r=function(t,e,n=">"){const i=t.length,r=n.charCodeAt(0),s=n.length>1?n.charCodeAt(1):-1;let o="",a=e;for(let n=e;n<i;n++){const e=t.charCodeAt(n);if(34===e||39===e){if(n=t.indexOf(t[n],n+1),-1===n)return}else if(e===r){if(-1===s)return o+=t.substring(a,n),{data:o,index:n};if(t.charCodeAt(n+1)===s)return o+=t.substring(a,n),{data:o,index:n}}else 9===e&&(o+=t.substring(a,n)+" ",a=n+1)}}(t,e+1,i);if(!r)return;let s=r.data;const o=r.index,a=s.search(/\s/);let l=s,c=!0;-1!==a&&(l=s.substring(0,a),s=s.substring(a+1).trimStart());const p=l;if(n){const t=l.indexOf(":");-1!==t&&(l=l.substr(t+1),c=l!==r.data.substr(t+1))}return{tagName:l,tagExp:s,closeIndex:o,attrExpPresent:c,rawTagName:p}}function Zt(t,e,n){const i=n;let r=1,s=!1,o=-1;const a=t.length;for(;n<a;n++)if("<"===t[n]){const a=t.charCodeAt(n+1);if(47===a){const s=Qt(t,">",n,`${e} is not closed`);if(t.substring(n+2,s).trim()===e&&(r--,0===r))return{tagContent:t.substring(i,n),i:s};n=s}else if(63===a)n=Ht(t,"?>",n+1,"StopNode is not closed.");else if(33===a&&45===t.charCodeAt(n+2)&&45===t.charCodeAt(n+3))n=Ht(t,"--\x3e",n+3,"StopNode is not closed.");else if(33===a&&91===t.charCodeAt(n+2))n=Ht(t,"]]>",n,"StopNode is not closed.")-2;else{const i=s?void 0:Jt(t,n,!1);if(i)i.tagName===e&&"/"!==i.tagExp[i.tagExp.length-1]&&r++,n=i.closeIndex;else{if(s=!0,o<n&&(o=t.indexOf(">",n),-1===o))return;const i=t.indexOf("<",n+1);if(-1===i||i>o){const i=t.substring(n+1,o),s=i.search(/\s/);(-1===s?i:i.substring(0,s))===e&&"/"!==i[i.length-1]&&r++,n=o}}}}}function Kt(t,e,n){if(e&&"string"==typeof t){const e=t.trim();return"true"===e||"false"!==e&&et(t,n)}return void 0!==t?t:""}function te(t,e,n,i){if(t){const i=t(e);n===e&&(n=i),e=i}return{tagName:e=ee(e,i),tagExp:n}}function ee(t,e){if(o.includes(t))throw new Error(`[SECURITY] Invalid name: "${t}" is a reserved JavaScript keyword that could cause prototype pollution`);return s.includes(t)?e.onDangerousProperty(t):t}const ne=C.getMetaDataSymbol();function ie(t,e){if(!t||"object"!=typeof t)return{};if(!e)return t;const n={};for(const i in t)i.startsWith(e)?n[i.substring(e.length)]=t[i]:n[i]=t[i];return n}function re(t,e,n,i){return se(t,e,n,i)}function se(t,e,n,i){let r;const s={};for(let o=0;o<t.length;o++){const a=t[o],l=oe(a);if(void 0!==l&&l!==e.textNodeName){const t=ie(a[":@"]||{},e.attributeNamePrefix);n.push(l,t)}if(l===e.textNodeName)void 0===r?r=a[l]:r+=""+a[l];else{if(void 0===l)continue;if(a[l]){let t=se(a[l],e,n,i);const r=le(t,e);if(0===Object.keys(t).length&&e.alwaysCreateTextNode&&(t[e.textNodeName]=""),a[":@"]?ae(t,a[":@"],i,e):1!==Object.keys(t).length||void 0===t[e.textNodeName]||e.alwaysCreateTextNode?0===Object.keys(t).length&&(e.alwaysCreateTextNode?t[e.textNodeName]="":t=""):t=t[e.textNodeName],void 0!==a[ne]&&"object"==typeof t&&null!==t&&(t[ne]=a[ne]),void 0!==s[l]&&Object.prototype.hasOwnProperty.call(s,l))Array.isArray(s[l])||(s[l]=[s[l]]),s[l].push(t);else{const n=e.jPath?i.toString():i;e.isArray(l,n,r)?s[l]=[t]:s[l]=t}void 0!==l&&l!==e.textNodeName&&n.pop()}}}return"string"==typeof r?r.length>0&&(s[e.textNodeName]=r):void 0!==r&&(s[e.textNodeName]=r),s}function oe(t){const e=Object.keys(t);for(let t=0;t<e.length;t++){const n=e[t];if(":@"!==n)return n}}function ae(t,e,n,i){if(e){const r=Object.keys(e),s=r.length;for(let o=0;o<s;o++){const s=r[o],a=s.startsWith(i.attributeNamePrefix)?s.substring(i.attributeNamePrefix.length):s,l=i.jPath?n.toString()+"."+a:n;i.isArray(s,l,!0,!0)?t[s]=[e[s]]:t[s]=e[s]}}}function le(t,e){const{textNodeName:n}=e,i=Object.keys(t).length;return 0===i||!(1!==i||!t[n]&&"boolean"!=typeof t[n]&&0!==t[n])}class ce{constructor(t){this.externalEntities={},this.options=T(t)}parse(t,e){if("string"!=typeof t&&t.toString)t=t instanceof Uint8Array&&("undefined"==typeof Buffer||!Buffer.isBuffer(t))?new TextDecoder("utf-8",{ignoreBOM:!0}).decode(t):t.toString();else if("string"!=typeof t)throw new Error("XML data is accepted in String or Bytes[] form.");if(e){!0===e&&(e={});const n=l(t,e);if(!0!==n)throw Error(`${n.err.msg}:${n.err.line}:${n.err.col}`)}const n=new Mt(this.options,this.externalEntities),i=n.parseXml(t);return this.options.preserveOrder||void 0===i?i:re(i,this.options,n.matcher,n.readonlyMatcher)}addEntity(t,e){if(-1!==e.indexOf("&"))throw new Error("Entity value can't have '&'");if(-1!==t.indexOf("&")||-1!==t.indexOf(";"))throw new Error("An entity must be set without '&' and ';'. Eg. use '#xD' for '&#xD;'");if("&"===e)throw new Error("An entity with value '&' is not permitted");this.externalEntities[t]=e}static getMetaDataSymbol(){return C.getMetaDataSymbol()}}function pe(t){return"number"==typeof t&&Object.is(t,-0)?"-0":String(t)}function he(t){return pe(t).replace(/--/g,"- -").replace(/--/g,"- -").replace(/-$/,"- ")}function de(t){return pe(t).replace(/\]\]>/g,"]]]]><![CDATA[>")}function ue(t){return pe(t).replace(/"/g,"&quot;").replace(/'/g,"&apos;")}function fe(t,e,n,i,r){if(!n.sanitizeName)return t;const s=!e&&"?"===t[0],o=s?t.slice(1):t;if(r(o))return t;const a=n.sanitizeName(o,{isAttribute:e,matcher:i.readOnly()});if("string"!=typeof a||!r(a))throw new Error(`sanitizeName returned an invalid XML name for "${o}"`);return s?"?"+a:a}function ge(t,e){let n="";e.format&&(n="\n");const i=[];if(e.stopNodes&&Array.isArray(e.stopNodes))for(let t=0;t<e.stopNodes.length;t++){const n=e.stopNodes[t];"string"==typeof n?i.push(new ot(n)):n instanceof ot&&i.push(n)}const r=function(t,e){if(!Array.isArray(t)||0===t.length)return"1.0";const n=t[0];if("?xml"===Ne(n)){const t=n[":@"];if(t){const n=e.attributeNamePrefix+"version";if(t[n])return t[n]}}return"1.0"}(t,e),s=q("qName",{xmlVersion:r});return me(t,e,n,new st,i,s)}function me(t,e,n,i,r,s){let o="",a=!1;if(e.maxNestedTags&&i.getDepth()>e.maxNestedTags)throw new Error("Maximum nested tags exceeded");if(!Array.isArray(t)){if(null!=t){let n=pe(t);return n=ve(n,e),n}return""}for(let l=0;l<t.length;l++){const c=t[l],p=Ne(c);if(void 0===p)continue;const h=p===e.textNodeName||p===e.cdataPropName||p===e.commentPropName?p:fe(p,!1,e,i,s),d=xe(c[":@"],e);i.push(h,d);const u=we(i,r);if(h===e.textNodeName){let t=c[p];u||(t=e.tagValueProcessor(h,t),t=ve(t,e)),t=pe(t),a&&(o+=n),o+=t,a=!1,i.pop();continue}if(h===e.cdataPropName){a&&(o+=n),o+=`<![CDATA[${de(c[p][0][e.textNodeName])}]]>`,a=!1,i.pop();continue}if(h===e.commentPropName){o+=n+`\x3c!--${he(c[p][0][e.textNodeName])}--\x3e`,a=!0,i.pop();continue}if("?"===h[0]){o+=("?xml"===h?"":n)+`<${h}${Ee(c[":@"],e,u,i,s)}?>`,a=!0,i.pop();continue}let f=n;""!==f&&(f+=e.indentBy);const g=n+`<${h}${Ee(c[":@"],e,u,i,s)}`;let m;m=u?be(c[p],e,i.getDepth()):me(c[p],e,f,i,r,s),-1!==e.unpairedTags.indexOf(h)?e.suppressUnpairedNode?o+=g+">":o+=g+"/>":m&&0!==m.length||!e.suppressEmptyNode?m&&m.endsWith(">")?o+=g+`>${m}${n}</${h}>`:(o+=g+">",m&&""!==n&&(m.includes("/>")||m.includes("</"))?o+=n+e.indentBy+m+n:o+=m,o+=`</${h}>`):o+=g+"/>",a=!0,i.pop()}return o}function xe(t,e){if(!t||e.ignoreAttributes)return null;const n={};let i=!1;for(let r in t)Object.prototype.hasOwnProperty.call(t,r)&&(n[r.startsWith(e.attributeNamePrefix)?r.substr(e.attributeNamePrefix.length):r]=ue(t[r]),i=!0);return i?n:null}function be(t,e,n=0){if(e.maxNestedTags&&n>e.maxNestedTags)throw new Error("Maximum nested tags exceeded");if(!Array.isArray(t))return null!=t?pe(t):"";let i="";for(let r=0;r<t.length;r++){const s=t[r],o=Ne(s);if(o===e.textNodeName)i+=pe(s[o]);else if(o===e.cdataPropName)i+=s[o][0][e.textNodeName];else if(o===e.commentPropName)i+=s[o][0][e.textNodeName];else{if(o&&"?"===o[0])continue;if(o){const t=ye(s[":@"],e),r=be(s[o],e,n+1);r&&0!==r.length?i+=`<${o}${t}>${r}</${o}>`:i+=`<${o}${t}/>`}}}return i}function ye(t,e){let n="";if(t&&!e.ignoreAttributes)for(let i in t){if(!Object.prototype.hasOwnProperty.call(t,i))continue;let r=t[i];!0===r&&e.suppressBooleanAttributes?n+=` ${i.substr(e.attributeNamePrefix.length)}`:n+=` ${i.substr(e.attributeNamePrefix.length)}="${ue(r)}"`}return n}function Ne(t){const e=Object.keys(t);for(let n=0;n<e.length;n++){const i=e[n];if(Object.prototype.hasOwnProperty.call(t,i)&&":@"!==i)return i}}function Ee(t,e,n,i,r){let s="";if(t&&!e.ignoreAttributes)for(let o in t){if(!Object.prototype.hasOwnProperty.call(t,o))continue;const a=o.substr(e.attributeNamePrefix.length),l=n?a:fe(a,!0,e,i,r);let c;n?c=t[o]:(c=e.attributeValueProcessor(o,t[o]),c=ve(c,e)),!0===c&&e.suppressBooleanAttributes?s+=` ${l}`:s+=` ${l}="${ue(c)}"`}return s}function we(t,e){if(!e||0===e.length)return!1;for(let n=0;n<e.length;n++)if(t.matches(e[n]))return!0;return!1}function ve(t,e){if(t&&t.length>0&&e.processEntities)for(let n=0;n<e.entities.length;n++){const i=e.entities[n];t=t.replace(i.regex,i.val)}return t}const Se={attributeNamePrefix:"@_",attributesGroupName:!1,textNodeName:"#text",ignoreAttributes:!0,cdataPropName:!1,format:!1,indentBy:"  ",suppressEmptyNode:!1,suppressUnpairedNode:!0,suppressBooleanAttributes:!0,tagValueProcessor:function(t,e){return e},attributeValueProcessor:function(t,e){return e},preserveOrder:!1,commentPropName:!1,unpairedTags:[],entities:[{regex:new RegExp("&","g"),val:"&amp;"},{regex:new RegExp(">","g"),val:"&gt;"},{regex:new RegExp("<","g"),val:"&lt;"},{regex:new RegExp("'","g"),val:"&apos;"},{regex:new RegExp('"',"g"),val:"&quot;"}],processEntities:!0,stopNodes:[],oneListGroup:!1,maxNestedTags:100,jPath:!0,sanitizeName:!1};function Ae(t){if(this.options=Object.assign({},Se,t),this.options.stopNodes&&Array.isArray(this.options.stopNodes)&&(this.options.stopNodes=this.options.stopNodes.map(t=>"string"==typeof t&&t.startsWith("*.")?".."+t.substring(2):t)),this.stopNodeExpressions=[],this.options.stopNodes&&Array.isArray(this.options.stopNodes))for(let t=0;t<this.options.stopNodes.length;t++){const e=this.options.stopNodes[t];"string"==typeof e?this.stopNodeExpressions.push(new ot(e)):e instanceof ot&&this.stopNodeExpressions.push(e)}var e;!0===this.options.ignoreAttributes||this.options.attributesGroupName?this.isAttribute=function(){return!1}:(this.ignoreAttributesFn="function"==typeof(e=this.options.ignoreAttributes)?e:Array.isArray(e)?t=>{for(const n of e){if("string"==typeof n&&t===n)return!0;if(n instanceof RegExp&&n.test(t))return!0}}:()=>!1,this.attrPrefixLen=this.options.attributeNamePrefix.length,this.isAttribute=Ce),this.processTextOrObjNode=Te,this.options.format?(this.indentate=_e,this.tagEndChar=">\n",this.newLine="\n"):(this.indentate=function(){return""},this.tagEndChar=">",this.newLine="")}function Te(t,e,n,i,r){const s=this.extractAttributes(t);if(i.push(e,s),this.checkStopNode(i)){const r=this.buildRawContent(t,i.getDepth()),s=this.buildAttributesForStopNode(t);return i.pop(),this.buildObjectNode(r,e,s,n)}const o=this.j2x(t,n+1,i,r);return i.pop(),"?"===e[0]?this.buildTextValNode("",e,o.attrStr,n,i):void 0!==t[this.options.textNodeName]&&1===Object.keys(t).length?this.buildTextValNode(t[this.options.textNodeName],e,o.attrStr,n,i):this.buildObjectNode(o.val,e,o.attrStr,n)}function _e(t){return this.options.indentBy.repeat(t)}function Ce(t){return!(!t.startsWith(this.options.attributeNamePrefix)||t===this.options.textNodeName)&&t.substr(this.attrPrefixLen)}Ae.prototype.build=function(t){if(this.options.preserveOrder)return ge(t,this.options);{Array.isArray(t)&&this.options.arrayNodeName&&this.options.arrayNodeName.length>1&&(t={[this.options.arrayNodeName]:t});const e=new st,n=function(t,e){const n=t["?xml"];if(n&&"object"==typeof n){if(e.attributesGroupName&&n[e.attributesGroupName]){const t=n[e.attributesGroupName][e.attributeNamePrefix+"version"];if(t)return t}const t=n[e.attributeNamePrefix+"version"];if(t)return t}return"1.0"}(t,this.options),i=q("qName",{xmlVersion:n});return this.j2x(t,0,e,i).val}},Ae.prototype.j2x=function(t,e,n,i){let r="",s="";if(this.options.maxNestedTags&&n.getDepth()>=this.options.maxNestedTags)throw new Error("Maximum nested tags exceeded");const o=this.options.jPath?n.toString():n,a=this.checkStopNode(n);for(let l in t){if(!Object.prototype.hasOwnProperty.call(t,l))continue;const c=l===this.options.textNodeName||l===this.options.cdataPropName||l===this.options.commentPropName||this.options.attributesGroupName&&l===this.options.attributesGroupName||this.isAttribute(l)?l:fe(l,!1,this.options,n,i);if(void 0===t[l])this.isAttribute(l)&&(s+="");else if(null===t[l])this.isAttribute(l)||c===this.options.cdataPropName||c===this.options.commentPropName?s+="":"?"===c[0]?s+=this.indentate(e)+"<"+c+"?"+this.tagEndChar:s+=this.indentate(e)+"<"+c+"/"+this.tagEndChar;else if(t[l]instanceof Date)s+=this.buildTextValNode(t[l],c,"",e,n);else if("object"!=typeof t[l]){const p=this.isAttribute(l);if(p&&!this.ignoreAttributesFn(p,o)){const e=fe(p,!0,this.options,n,i);r+=this.buildAttrPairStr(e,pe(t[l]),a)}else if(!p)if(l===this.options.textNodeName){let e=this.options.tagValueProcessor(l,pe(t[l]));s+=this.replaceEntitiesValue(e)}else{n.push(c);const i=this.checkStopNode(n);if(n.pop(),i){const n=pe(t[l]);s+=""===n?this.indentate(e)+"<"+c+this.closeTag(c)+this.tagEndChar:this.indentate(e)+"<"+c+">"+n+"</"+c+this.tagEndChar}else s+=this.buildTextValNode(t[l],c,"",e,n)}}else if(Array.isArray(t[l])){const r=t[l].length;let o="",a="";for(let p=0;p<r;p++){const r=t[l][p];if(void 0===r);else if(null===r)"?"===c[0]?s+=this.indentate(e)+"<"+c+"?"+this.tagEndChar:s+=this.indentate(e)+"<"+c+"/"+this.tagEndChar;else if("object"==typeof r)if(this.options.oneListGroup){n.push(c);const t=this.j2x(r,e+1,n,i);n.pop(),o+=t.val,this.options.attributesGroupName&&r.hasOwnProperty(this.options.attributesGroupName)&&(a+=t.attrStr)}else o+=this.processTextOrObjNode(r,c,e,n,i);else if(this.options.oneListGroup){let t=this.options.tagValueProcessor(c,r);t=this.replaceEntitiesValue(t),t=pe(t),o+=t}else{n.push(c);const t=this.checkStopNode(n);if(n.pop(),t){const t=pe(r);o+=""===t?this.indentate(e)+"<"+c+this.closeTag(c)+this.tagEndChar:this.indentate(e)+"<"+c+">"+t+"</"+c+this.tagEndChar}else o+=this.buildTextValNode(r,c,"",e,n)}}this.options.oneListGroup&&(o=this.buildObjectNode(o,c,a,e)),s+=o}else if(this.options.attributesGroupName&&l===this.options.attributesGroupName){const e=Object.keys(t[l]),s=e.length;for(let o=0;o<s;o++){const s=fe(e[o],!0,this.options,n,i);r+=this.buildAttrPairStr(s,pe(t[l][e[o]]),a)}}else s+=this.processTextOrObjNode(t[l],c,e,n,i)}return{attrStr:r,val:s}},Ae.prototype.buildAttrPairStr=function(t,e,n){return n||(e=this.options.attributeValueProcessor(t,pe(e)),e=this.replaceEntitiesValue(e)),this.options.suppressBooleanAttributes&&"true"===e?" "+t:" "+t+'="'+ue(e)+'"'},Ae.prototype.extractAttributes=function(t){if(!t||"object"!=typeof t)return null;const e={};let n=!1;if(this.options.attributesGroupName&&t[this.options.attributesGroupName]){const i=t[this.options.attributesGroupName];for(let t in i)Object.prototype.hasOwnProperty.call(i,t)&&(e[t.startsWith(this.options.attributeNamePrefix)?t.substring(this.options.attributeNamePrefix.length):t]=ue(i[t]),n=!0)}else for(let i in t){if(!Object.prototype.hasOwnProperty.call(t,i))continue;const r=this.isAttribute(i);r&&(e[r]=ue(t[i]),n=!0)}return n?e:null},Ae.prototype.buildRawContent=function(t,e=0){if(this.options.maxNestedTags&&e>=this.options.maxNestedTags)throw new Error("Maximum nested tags exceeded");if("string"==typeof t)return t;if("object"!=typeof t||null===t)return String(t);if(void 0!==t[this.options.textNodeName])return t[this.options.textNodeName];let n="";for(let i in t){if(!Object.prototype.hasOwnProperty.call(t,i))continue;if(this.isAttribute(i))continue;if(this.options.attributesGroupName&&i===this.options.attributesGroupName)continue;const r=t[i];if(i===this.options.textNodeName)n+=r;else if(Array.isArray(r)){for(let t of r)if("string"==typeof t||"number"==typeof t)n+=`<${i}>${t}</${i}>`;else if("object"==typeof t&&null!==t){const r=this.buildRawContent(t,e+1),s=this.buildAttributesForStopNode(t);n+=""===r?`<${i}${s}/>`:`<${i}${s}>${r}</${i}>`}}else if("object"==typeof r&&null!==r){const t=this.buildRawContent(r,e+1),s=this.buildAttributesForStopNode(r);n+=""===t?`<${i}${s}/>`:`<${i}${s}>${t}</${i}>`}else n+=`<${i}>${r}</${i}>`}return n},Ae.prototype.buildAttributesForStopNode=function(t){if(!t||"object"!=typeof t)return"";let e="";if(this.options.attributesGroupName&&t[this.options.attributesGroupName]){const n=t[this.options.attributesGroupName];for(let t in n){if(!Object.prototype.hasOwnProperty.call(n,t))continue;const i=t.startsWith(this.options.attributeNamePrefix)?t.substring(this.options.attributeNamePrefix.length):t,r=n[t];!0===r&&this.options.suppressBooleanAttributes?e+=" "+i:e+=" "+i+'="'+ue(r)+'"'}}else for(let n in t){if(!Object.prototype.hasOwnProperty.call(t,n))continue;const i=this.isAttribute(n);if(i){const r=t[n];!0===r&&this.options.suppressBooleanAttributes?e+=" "+i:e+=" "+i+'="'+ue(r)+'"'}}return e},Ae.prototype.buildObjectNode=function(t,e,n,i){if(""===t)return"?"===e[0]?this.indentate(i)+"<"+e+n+"?"+this.tagEndChar:this.indentate(i)+"<"+e+n+this.closeTag(e)+this.tagEndChar;if("?"===e[0])return this.indentate(i)+"<"+e+n+"?"+this.tagEndChar;{let r="</"+e+this.tagEndChar,s="";return"?"===e[0]&&(s="?",r=""),!n&&""!==n||-1!==t.indexOf("<")?!1!==this.options.commentPropName&&e===this.options.commentPropName&&0===s.length?this.indentate(i)+`\x3c!--${he(t)}--\x3e`+this.newLine:this.indentate(i)+"<"+e+n+s+this.tagEndChar+t+this.indentate(i)+r:this.indentate(i)+"<"+e+n+s+">"+t+r}},Ae.prototype.closeTag=function(t){let e="";return-1!==this.options.unpairedTags.indexOf(t)?this.options.suppressUnpairedNode||(e="/"):e=this.options.suppressEmptyNode?"/":`></${t}`,e},Ae.prototype.checkStopNode=function(t){if(!this.stopNodeExpressions||0===this.stopNodeExpressions.length)return!1;for(let e=0;e<this.stopNodeExpressions.length;e++)if(t.matches(this.stopNodeExpressions[e]))return!0;return!1},Ae.prototype.buildTextValNode=function(t,e,n,i,r){if(!1!==this.options.cdataPropName&&e===this.options.cdataPropName){const e=de(t);return this.indentate(i)+`<![CDATA[${e}]]>`+this.newLine}if(!1!==this.options.commentPropName&&e===this.options.commentPropName){const e=he(t);return this.indentate(i)+`\x3c!--${e}--\x3e`+this.newLine}if("?"===e[0])return this.indentate(i)+"<"+e+n+"?"+this.tagEndChar;{let r=this.options.tagValueProcessor(e,t);return r=this.replaceEntitiesValue(r),r=pe(r),""===r?this.indentate(i)+"<"+e+n+this.closeTag(e)+this.tagEndChar:this.indentate(i)+"<"+e+n+">"+r+"</"+e+this.tagEndChar}},Ae.prototype.replaceEntitiesValue=function(t){if(t&&t.length>0&&this.options.processEntities)for(let e=0;e<this.options.entities.length;e++){const n=this.options.entities[e];t=t.replace(n.regex,n.val)}return t};const $e=Ae,Oe={validate:l};module.exports=e})();

/***/ }),

/***/ 4044:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

// Libraries loaded on first use rather than at start-up: most runs read no YAML and open no archive
// that needs the general zip reader, and evaluating them is a fair share of the CLI's start-up time
// (docs/performance.md). A CommonJS module, so that the bundler bundles these `require` calls and
// still evaluates each library only when it is first asked for.

let yaml;
let xmlParser;
exports.x = () => (yaml ??= __nccwpck_require__(8815));
// fast-xml-parser reads only the XML documents our own reader leaves to it (src/source/xml-check.ts).
exports.c = () => (xmlParser ??= __nccwpck_require__(591));


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(486);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 

import { redactSecrets } from './escape.js';
import { compareText, sortDiagnostics, sortFindings } from './sort.js';
import type { Report } from './types.js';

/**
 * How a value is laid out in stable JSON.
 * - `object`: keys in the listed order (the order of the TypeScript type); keys the shape does not
 *   list follow, sorted.
 * - `map`: keys sorted (a record whose keys are data).
 * - `array`: items in their order, each with the item shape.
 * - `any`: unknown structure: objects get sorted keys throughout.
 */
export type JsonShape =
  | { readonly kind: 'any' }
  | { readonly kind: 'array'; readonly of: JsonShape }
  | { readonly kind: 'map'; readonly of: JsonShape }
  | { readonly kind: 'object'; readonly keys: readonly (readonly [string, JsonShape])[] };

const any: JsonShape = { kind: 'any' };
const arrayOf = (of: JsonShape): JsonShape => ({ kind: 'array', of });
const obj = (...keys: (string | readonly [string, JsonShape])[]): JsonShape => ({
  kind: 'object',
  keys: keys.map((k) => (typeof k === 'string' ? ([k, any] as const) : k)),
});

const PARAM = obj('name', 'type', 'required', 'title');
const OUTPUT = obj('name', 'type', 'title');
const FLOW = obj(
  'id',
  'name',
  'state',
  ['trigger', obj('type', 'kind')],
  ['inputs', arrayOf(PARAM)],
  ['outputs', arrayOf(OUTPUT)],
  ['connections', arrayOf(obj('key', 'api', 'runtimeSource', 'connectionReference'))],
  'file',
  'inner',
);
const CALL = obj(
  'dataSource',
  'flowId',
  'resolved',
  'resolvedBy',
  'confidence',
  'flowSolution',
  ['storedInputs', arrayOf(PARAM)],
  ['storedOutputs', arrayOf(OUTPUT)],
  ['storedConnections', arrayOf(obj('key', 'api'))],
  ['callSites', arrayOf(obj('screen', 'control', 'property', 'arguments', 'formula', ['location', obj('file', 'inner')]))],
  ['outputReads', arrayOf(obj('output', 'screen', 'control', 'property', 'via'))],
  'traced',
);
const APP = obj('name', 'displayName', 'document', ['calls', arrayOf(CALL)], 'file', 'inner');
const SOLUTION = obj(
  'path',
  'uniqueName',
  'displayName',
  'version',
  'managed',
  'layout',
  ['flows', arrayOf(FLOW)],
  ['apps', arrayOf(APP)],
);
const FINDING = obj(
  'ruleId',
  'rule',
  'severity',
  ['errorCodes', arrayOf(any)],
  'message',
  ['solution', obj('uniqueName', 'path')],
  ['app', obj('name', 'displayName')],
  'flowId',
  ['flow', obj('id', 'name')],
  ['location', obj('file', 'inner')],
  'what',
  'brief',
  ['sites', arrayOf(obj('screen', 'control', 'property', ['location', obj('file', 'inner')]))],
  ['mitigation', arrayOf(any)],
  'fingerprint',
  'status',
  ['previous', obj('message', 'severity', 'fingerprint')],
  ['evidence', arrayOf(obj('ruleId', 'rule', 'severity', 'message', 'fingerprint', ['mitigation', arrayOf(any)], 'brief'))],
);
const CHANGE = obj('kind', 'change', 'solution', 'name', 'id', 'previousName', ['details', arrayOf(any)], ['targetNeeds', arrayOf(any)]);
const DIAGNOSTIC = obj('file', 'inner', 'severity', 'message');

/** The layout of {@link Report} (schema version 1). */
export const REPORT_SHAPE: JsonShape = obj(
  'schemaVersion',
  ['tool', obj('name', 'version')],
  ['solutions', arrayOf(SOLUTION)],
  ['findings', arrayOf(FINDING)],
  ['fixed', arrayOf(FINDING)],
  ['changes', arrayOf(CHANGE)],
  ['suppressed', arrayOf(obj('ruleId', 'rule', 'fingerprint', 'message', 'reason'))],
  ['diagnostics', arrayOf(DIAGNOSTIC)],
  ['counts', obj('error', 'warning', 'note', 'new', 'changed')],
  [
    'target',
    obj(
      'url',
      'host',
      'credential',
      'status',
      'reason',
      ['solutions', arrayOf(obj('uniqueName', 'installed', 'version', 'managed', 'exportedVersion', 'exportedManaged'))],
      ['checked', obj('flows', 'apps', 'connectionReferences', 'layerQueries', 'requests')],
      ['coverage', obj('solutions', 'flows', 'apps', 'connectionReferences', 'layers')],
    ),
  ],
);

export interface StableStringifyOptions {
  indent?: number;
  /** Applied to every string value and map key (e.g. {@link redactSecrets}). */
  mapString?: (s: string) => string;
}

/**
 * Deterministic JSON text: object keys in the shape's order where the type defines one, sorted
 * (locale-independent) where it does not. Formatting matches `JSON.stringify(value, null, indent)`:
 * `undefined` properties and functions are left out, `undefined` array items become `null`.
 */
export function stableStringify(value: unknown, shape: JsonShape = any, options: StableStringifyOptions = {}): string {
  const indent = ' '.repeat(options.indent ?? 2);
  const mapString = options.mapString ?? ((s: string) => s);

  const write = (v: unknown, sh: JsonShape, depth: number): string | undefined => {
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return undefined;
    if (v === null) return 'null';
    if (typeof v === 'string') return JSON.stringify(mapString(v));
    if (typeof v === 'number') return Number.isFinite(v) ? JSON.stringify(v) : 'null';
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (typeof v === 'bigint') return JSON.stringify(v.toString());
    const pad = indent.repeat(depth + 1);
    const close = indent.repeat(depth);
    if (Array.isArray(v)) {
      if (v.length === 0) return '[]';
      const itemShape = sh.kind === 'array' ? sh.of : any;
      const items = v.map((item) => write(item, itemShape, depth + 1) ?? 'null');
      return indent === '' ? `[${items.join(',')}]` : `[\n${items.map((i) => pad + i).join(',\n')}\n${close}]`;
    }
    const record = v as Record<string, unknown>;
    /** [key, shape, whether the key is data (mapped) rather than a name from the type]. */
    const entries: [string, JsonShape, boolean][] = [];
    if (sh.kind === 'object') {
      const listed = new Set<string>();
      for (const [k, s] of sh.keys) {
        listed.add(k);
        if (Object.prototype.hasOwnProperty.call(record, k)) entries.push([k, s, false]);
      }
      const extra = Object.keys(record).filter((k) => !listed.has(k)).sort(compareText);
      for (const k of extra) entries.push([k, any, true]);
    } else {
      const of = sh.kind === 'map' ? sh.of : any;
      for (const k of Object.keys(record).sort(compareText)) entries.push([k, of, true]);
    }
    const parts: string[] = [];
    for (const [k, s, isData] of entries) {
      const text = write(record[k], s, depth + 1);
      if (text === undefined) continue;
      const key = JSON.stringify(isData ? mapString(k) : k);
      parts.push(indent === '' ? `${key}:${text}` : `${key}: ${text}`);
    }
    if (parts.length === 0) return '{}';
    return indent === '' ? `{${parts.join(',')}}` : `{\n${parts.map((p) => pad + p).join(',\n')}\n${close}}`;
  };

  return write(value, shape, 0) ?? 'null';
}

/**
 * The JSON report: keys in the order of the {@link Report} type, findings and fixed findings in
 * {@link sortFindings} order, diagnostics sorted, every string redacted; 2-space indent, trailing newline.
 */
export function renderJson(report: Report): string {
  const normalized: Report = {
    ...report,
    findings: sortFindings(report.findings),
    diagnostics: sortDiagnostics(report.diagnostics),
  };
  if (report.fixed) normalized.fixed = sortFindings(report.fixed);
  return `${stableStringify(normalized, REPORT_SHAPE, { indent: 2, mapString: redactSecrets })}\n`;
}

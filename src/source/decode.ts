import type { XMLParser } from 'fast-xml-parser';
import { xmlParserLib } from './lazy.cjs';
import { InputError } from './limits.js';
import { readXmlFast, xmlProblem } from './xml-check.js';

/** Decodes UTF-8 text, dropping the byte-order mark that Power Platform tools write at the start of many files. */
export function decodeText(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function parseJsonText(text: string): unknown {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(clean);
  } catch (err) {
    throw new InputError(`invalid JSON (${(err as Error).message})`);
  }
}

export function parseJson(bytes: Uint8Array): unknown {
  return parseJsonText(decodeText(bytes));
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const REFERENCE = /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([A-Za-z]+));/g;

/**
 * The five XML entities and numeric character references, decoded from fixed tables; anything else is
 * left as written. One stateless decoder for every document: fast-xml-parser's own builds its tables
 * anew for each parse, which costs more than parsing a small document (see docs/performance.md).
 * Documents with a DTD are refused (refuseDtd) before they get here, so no declared entity can expand.
 */
const entityDecoder = {
  reset(): void {},
  setXmlVersion(): void {},
  setExternalEntities(): void {},
  addInputEntities(): void {
    throw new InputError('XML with entity declarations is not read');
  },
  decode(value: string): string {
    if (value.indexOf('&') < 0) return value;
    return value.replace(REFERENCE, (ref, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
      if (name !== undefined) return Object.prototype.hasOwnProperty.call(XML_ENTITIES, name) ? (XML_ENTITIES[name] as string) : ref;
      const cp = hex !== undefined ? parseInt(hex, 16) : Number(dec);
      return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : ref;
    });
  },
};

let parser: XMLParser | undefined;

/** fast-xml-parser, made on first use: most runs never need it (see {@link parseXml}). */
const xmlParser = (): XMLParser =>
  (parser ??= new (xmlParserLib().XMLParser)({
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

export type XmlNode = Record<string, unknown>;

/** Refuses XML text with a DTD: exports never carry one, and it is how entity expansion attacks start. */
export function refuseDtd(text: string): void {
  if (/<!DOCTYPE/i.test(text.slice(0, 4096)) || /<!ENTITY/i.test(text)) {
    throw new InputError('XML with a DOCTYPE or ENTITY declaration is not read');
  }
}

/** Parses untrusted XML. A DOCTYPE is refused (see {@link refuseDtd}). */
export function parseXml(text: string): XmlNode {
  refuseDtd(text);
  // Most documents are read and checked in one pass of our own; the rest are checked, then parsed by
  // fast-xml-parser without its slower validating pass (docs/performance.md).
  const fast = readXmlFast(text, entityDecoder.decode);
  if (fast && 'node' in fast) return fast.node;
  const problem = fast?.problem ?? xmlProblem(text);
  if (problem) throw new InputError(`invalid XML (${problem})`);
  try {
    return xmlParser().parse(text) as XmlNode;
  } catch (err) {
    throw new InputError(`invalid XML (${(err as Error).message.split('\n')[0]})`);
  }
}

export function parseXmlBytes(bytes: Uint8Array): XmlNode {
  return parseXml(decodeText(bytes));
}

// ---- accessors over parsed, untrusted values: never trust a shape ----

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Own property of a record, or undefined (never an inherited one such as `__proto__` or `constructor`). */
export function prop(v: unknown, key: string): unknown {
  return isRecord(v) && Object.prototype.hasOwnProperty.call(v, key) ? v[key] : undefined;
}

/** Case-insensitive own property lookup: element names vary in case between exports. */
export function propCI(v: unknown, key: string): unknown {
  if (!isRecord(v)) return undefined;
  const direct = prop(v, key);
  if (direct !== undefined) return direct;
  const lower = key.toLowerCase();
  for (const k of Object.keys(v)) if (k.toLowerCase() === lower) return v[k];
  return undefined;
}

export function asArray(v: unknown): unknown[] {
  if (v === undefined || v === null || v === '') return [];
  return Array.isArray(v) ? v : [v];
}

/** Text content of an XML element (a plain string, or `#text` of an element with attributes). */
export function text(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const t = prop(v, '#text');
  return typeof t === 'string' ? t : typeof t === 'number' ? String(t) : '';
}

export function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

export function attr(node: unknown, name: string): string {
  const v = prop(node, `@_${name}`);
  return typeof v === 'string' ? v : '';
}

/** Entries of an untrusted record, sorted by key so iteration order never depends on the input's key order. */
export function entries(v: unknown): [string, unknown][] {
  if (!isRecord(v)) return [];
  return Object.keys(v)
    .sort()
    .map((k) => [k, v[k]] as [string, unknown]);
}

/** Normalises a GUID: lower case, no braces. */
export function normalizeGuid(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const g = v.trim().replace(/^\{|\}$/g, '').toLowerCase();
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(g) ? g : undefined;
}

export function boolFlag(v: unknown): boolean | undefined {
  const t = text(v).trim();
  if (t === '1' || t.toLowerCase() === 'true') return true;
  if (t === '0' || t.toLowerCase() === 'false') return false;
  return undefined;
}

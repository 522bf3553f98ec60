import { asArray, attr, isRecord, parseXml, prop, type XmlNode } from '../source/decode.js';
import type { SignatureOutput, SignatureParam } from './types.js';
import { normalizeType } from './types-normalize.js';

/** The flow signature a canvas app stored when the flow was added: `WadlMetadata.WadlXml` (or `pkgs/Wadl/<name>.xml`). */
export interface StoredSignature {
  title: string;
  inputs: SignatureParam[];
  /** Undefined when the WADL has no `<response>`: the flow had no response action when it was added. */
  outputs: SignatureOutput[] | undefined;
  /** Set when the text is no usable signature. */
  problem?: string;
}

/**
 * Reads a stored signature; throws an InputError for invalid XML. A document that is not an
 * `<application>` with a method to run the flow gives `problem` instead of an empty signature:
 * an unreadable copy must not look like a flow with no inputs.
 */
export function parseWadl(xml: string): StoredSignature {
  const app = prop(parseXml(xml), 'application');
  const method = isRecord(app) ? runMethod(app) : undefined;
  if (method === undefined) {
    return { title: '', inputs: [], outputs: undefined, problem: isRecord(app) ? 'the stored signature (WADL) has no method to run the flow' : 'the stored signature (WADL) has no <application> element' };
  }
  const types = jsonTypes(app);
  const request = prop(method, 'request');
  const inputs: SignatureParam[] = [];
  for (const rep of asArray(prop(request, 'representation'))) {
    for (const param of asArray(prop(rep, 'param'))) {
      if (attr(param, 'style') !== 'plain' && attr(param, 'style') !== '') continue;
      inputs.push({
        name: attr(param, 'name'),
        type: wadlType(attr(param, 'type'), types),
        required: attr(param, 'required') === 'true',
        title: attr(prop(param, 'doc'), 'title'),
      });
    }
  }
  const response = prop(method, 'response');
  let outputs: SignatureOutput[] | undefined;
  if (response !== undefined) {
    outputs = [];
    for (const rep of asArray(prop(response, 'representation'))) {
      const element = localName(attr(rep, 'element'));
      if (element) outputs.push(...typeOutputs(element, types));
    }
  }
  return { title: attr(prop(app, 'doc'), 'title'), inputs, outputs };
}

interface JsonType {
  kind: string;
  node: XmlNode;
}

const TYPE_KINDS = ['object', 'array', 'string', 'number', 'integer', 'boolean'];

function jsonTypes(app: unknown): Map<string, JsonType> {
  const types = new Map<string, JsonType>();
  const grammars = prop(app, 'grammars');
  for (const jt of asArray(prop(grammars, 'jsonTypes'))) {
    for (const kind of TYPE_KINDS) {
      for (const node of asArray(prop(jt, kind))) {
        if (isRecord(node) || node === '') {
          const rec = isRecord(node) ? node : {};
          const name = attr(rec, 'name');
          if (name) types.set(name, { kind, node: rec });
        }
      }
    }
  }
  return types;
}

function runMethod(app: unknown): unknown {
  const methods: unknown[] = [];
  for (const res of asArray(prop(prop(app, 'resources'), 'resource'))) methods.push(...asArray(prop(res, 'method')));
  return methods.find((m) => isRecord(m) && attr(m, 'id') === 'Run') ?? methods.find(isRecord);
}

function localName(qname: string): string {
  return qname.slice(qname.indexOf(':') + 1);
}

function wadlType(type: string, types: Map<string, JsonType>): string {
  if (type.startsWith('xs:')) return normalizeType(type.slice(3));
  const ref = types.get(localName(type));
  return ref ? normalizeType(ref.kind) : normalizeType(localName(type));
}

/** Output fields of the stored response type: object properties, or item properties (`[].name`) of an array. */
function typeOutputs(name: string, types: Map<string, JsonType>): SignatureOutput[] {
  const root = types.get(name);
  if (!root) return [];
  if (root.kind === 'array') {
    const item = types.get(attr(root.node, 'typeRef'));
    return item ? properties(item, types, '[].') : [];
  }
  return root.kind === 'object' ? properties(root, types, '') : [];
}

function properties(obj: JsonType, types: Map<string, JsonType>, prefix: string): SignatureOutput[] {
  return asArray(prop(obj.node, 'property')).map((p) => {
    const ref = attr(p, 'typeRef');
    const type = attr(p, 'type') || (ref ? (types.get(ref)?.kind ?? 'object') : 'any');
    return { name: prefix + attr(p, 'name'), type: normalizeType(type), title: attr(p, 'title') };
  });
}

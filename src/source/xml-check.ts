/**
 * Well-formedness of untrusted XML in one pass driven by native searches and one sticky regular
 * expression per markup construct: every element closed in order, attribute values quoted, one root
 * element, no stray markup, no text before the root. It stands in for fast-xml-parser's validator,
 * which walks the text character by character before the parser walks it again (see
 * docs/performance.md); its parser alone accepts truncated and unbalanced documents silently.
 * Returns what is wrong, with the line, or undefined for a well-formed document.
 */
export function xmlProblem(text: string): string | undefined {
  const stack: string[] = [];
  let roots = 0;
  let pos = 0;
  for (;;) {
    const lt = text.indexOf('<', pos);
    // Text before the root is an error; after it, tolerated as the validator tolerates it (no new alarm on old exports).
    if (roots === 0 && hasText(text, pos, lt < 0 ? text.length : lt)) return at(text, pos, 'text before the root element');
    if (lt < 0) break;
    MARKUP.lastIndex = lt;
    const m = MARKUP.exec(text);
    if (!m) return at(text, lt, 'malformed markup');
    pos = MARKUP.lastIndex;
    const [, closing, name, attributes, selfClosing] = m;
    if (name === undefined) continue; // comment, CDATA, processing instruction
    if (closing) {
      if (attributes || selfClosing) return at(text, lt, `malformed closing tag </${name}>`);
      const open = stack.pop();
      if (open !== name) return at(text, lt, open === undefined ? `</${name}> closes nothing` : `</${name}> closes <${open}>`);
      continue;
    }
    if (stack.length === 0 && ++roots > 1) return at(text, lt, 'more than one root element');
    const repeated = attributes ? repeatedAttribute(attributes) : undefined;
    if (repeated) return at(text, lt, `attribute '${repeated}' is repeated`);
    if (!selfClosing) stack.push(name);
  }
  if (stack.length > 0) return `<${stack[stack.length - 1]}> is not closed (the document ends first)`;
  if (roots === 0) return 'no root element';
  return undefined;
}

// Comments, CDATA sections, processing instructions (the XML declaration included), or a tag:
// `</name>`, `<name a="v" b='v'>`, `<name/>`. Attribute values may not hold `<` (XML 1.0 §3.1).
const MARKUP = /<(?:!--[\s\S]*?-->|!\[CDATA\[[\s\S]*?\]\]>|\?[\s\S]*?\?>|(\/)?([^\s/>!?<="']+)((?:\s+[^\s=/>"'<]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/)?>)/y;

const NON_SPACE = /\S/g;

function repeatedAttribute(attributes: string): string | undefined {
  const seen = new Set<string>();
  ATTRIBUTE.lastIndex = 0;
  for (let a = ATTRIBUTE.exec(attributes); a; a = ATTRIBUTE.exec(attributes)) {
    if (seen.has(a[1] as string)) return a[1];
    seen.add(a[1] as string);
  }
  return undefined;
}

function hasText(text: string, from: number, to: number): boolean {
  NON_SPACE.lastIndex = from;
  const m = NON_SPACE.exec(text);
  return m !== null && m.index < to;
}

function at(text: string, offset: number, message: string): string {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return `${message} (line ${line})`;
}

/** An element being read: its children in document order, its text, its attributes. */
interface Frame {
  name: string;
  attributes: [string, string][];
  children: [string, unknown][];
  text: string;
}

/** Element and attribute names the fast reader takes as they are; anything else goes to fast-xml-parser. */
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_.:-]*$/;
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);
const ATTRIBUTE = /\s+([^\s=/>"'<]+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/g;
const CDATA_START = '<![CDATA[';

export type FastXml = { node: Record<string, unknown> } | { problem: string } | undefined;

/**
 * Reads a document into the shape fast-xml-parser gives with FlowGuard's options (attributes as
 * `@_name`, text as a string or `#text`, repeated children as arrays, values trimmed, CDATA kept as
 * written, comments and processing instructions dropped), checking it in the same pass: one walk
 * instead of the parser's two (build an ordered tree, then fold it) plus the validator's. Returns
 * undefined for what it does not take on (names outside {@link PLAIN_NAME}, text after the root):
 * fast-xml-parser reads those. `decode` resolves entity and character references.
 */
export function readXmlFast(source: string, decode: (value: string) => string): FastXml {
  // Line ends are normalised to \n (XML 1.0 §2.11), as fast-xml-parser does.
  const text = source.indexOf('\r') < 0 ? source : source.replace(/\r\n?/g, '\n');
  const stack: Frame[] = [];
  let root: Record<string, unknown> | undefined;
  let roots = 0;
  let pos = 0;
  for (;;) {
    const lt = text.indexOf('<', pos);
    const end = lt < 0 ? text.length : lt;
    const top = stack[stack.length - 1];
    if (top) {
      if (end > pos) {
        const segment = text.slice(pos, end).trim();
        if (segment !== '') top.text += decode(segment);
      }
    } else if (hasText(text, pos, end)) return roots === 0 ? { problem: at(text, pos, 'text before the root element') } : undefined;
    if (lt < 0) break;
    MARKUP.lastIndex = lt;
    const m = MARKUP.exec(text);
    if (!m) return { problem: at(text, lt, 'malformed markup') };
    pos = MARKUP.lastIndex;
    const [whole, closing, name, attributes, selfClosing] = m;
    if (name === undefined) {
      if (top && whole.startsWith(CDATA_START)) top.text += whole.slice(CDATA_START.length, -3);
      continue;
    }
    if (!PLAIN_NAME.test(name) || RESERVED.has(name)) return undefined;
    if (closing) {
      if (attributes || selfClosing) return { problem: at(text, lt, `malformed closing tag </${name}>`) };
      const frame = stack.pop();
      if (frame?.name !== name) return { problem: at(text, lt, frame === undefined ? `</${name}> closes nothing` : `</${name}> closes <${frame.name}>`) };
      const value = fold(frame);
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push([name, value]);
      else root = { [name]: value };
      continue;
    }
    if (stack.length === 0 && ++roots > 1) return { problem: at(text, lt, 'more than one root element') };
    const frame: Frame = { name, attributes: [], children: [], text: '' };
    if (attributes) {
      ATTRIBUTE.lastIndex = 0;
      for (let a = ATTRIBUTE.exec(attributes); a; a = ATTRIBUTE.exec(attributes)) {
        const attrName = a[1] as string;
        if (!PLAIN_NAME.test(attrName)) return undefined;
        if (frame.attributes.some(([n]) => n === attrName)) return { problem: at(text, lt, `attribute '${attrName}' is repeated`) };
        frame.attributes.push([attrName, decode((a[2] ?? a[3] ?? '').trim())]);
      }
    }
    if (!selfClosing) stack.push(frame);
    else {
      const value = fold(frame);
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push([name, value]);
      else root = { [name]: value };
    }
  }
  if (stack.length > 0) return { problem: `<${stack[stack.length - 1]?.name}> is not closed (the document ends first)` };
  if (!root) return { problem: 'no root element' };
  return { node: root };
}

/** An element's value as fast-xml-parser folds it: text alone as a string, else children, `#text`, then attributes. */
function fold(frame: Frame): unknown {
  if (frame.children.length === 0 && frame.attributes.length === 0) return frame.text;
  const groups = new Map<string, unknown[]>();
  for (const [name, value] of frame.children) {
    const group = groups.get(name);
    if (group) group.push(value);
    else groups.set(name, [value]);
  }
  const out: Record<string, unknown> = {};
  for (const [name, values] of groups) out[name] = values.length === 1 ? values[0] : values;
  if (frame.text !== '') out['#text'] = frame.text;
  for (const [name, value] of frame.attributes) out[`@_${name}`] = value;
  return out;
}

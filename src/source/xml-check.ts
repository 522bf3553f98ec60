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

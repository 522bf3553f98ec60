/**
 * A Power Fx tokenizer for en-US (invariant) scripts. It never throws and never recurses:
 * interpolated strings nest through an explicit stack.
 */

export type TokenKind =
  | 'identifier'
  | 'number'
  | 'string'
  | 'operator'
  /** `$"` */
  | 'interpolationStart'
  /** the closing `"` of an interpolated string */
  | 'interpolationEnd'
  /** `{` opening a code part of an interpolated string */
  | 'holeStart'
  /** `}` closing a code part of an interpolated string */
  | 'holeEnd';

export interface Token {
  kind: TokenKind;
  /** Identifiers: the unquoted name. Strings: the text with escapes resolved. Otherwise the source text. */
  value: string;
  /** Offset of the first character in the script. */
  start: number;
  /** Offset after the last character. */
  end: number;
  /** An identifier written `'quoted'` or `[@disambiguated]`. */
  quoted?: true;
  /** A string or quoted identifier that runs to the end of the script. */
  unterminated?: true;
}

const TWO_CHAR_OPERATORS = new Set(['<>', '<=', '>=', '&&', '||']);

export function tokenize(script: string): Token[] {
  return new Lexer(script).run();
}

function isAsciiIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const UNICODE_START = /[\p{L}\p{Nl}]/u;
const UNICODE_PART = /[\p{L}\p{N}\p{M}\p{Pc}\p{Cf}]/u;
const UNICODE_SPACE = /\s/u;

function isIdentStart(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c < 128 ? isAsciiIdentStart(c) : UNICODE_START.test(ch);
}

function isIdentPart(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c < 128 ? isAsciiIdentStart(c) || isDigit(c) : UNICODE_PART.test(ch);
}

function isSpace(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c === 32 || (c >= 9 && c <= 13) || (c >= 128 && UNICODE_SPACE.test(ch));
}

class Lexer {
  private pos = 0;
  private readonly tokens: Token[] = [];
  /** One entry per open interpolated string (innermost last): the `{` depth inside its current code part. */
  private readonly holes: number[] = [];
  private inText = false;

  constructor(private readonly s: string) {}

  run(): Token[] {
    while (this.pos < this.s.length) {
      if (this.inText) this.text();
      else this.code();
    }
    return this.tokens;
  }

  private push(kind: TokenKind, value: string, start: number, extra?: Partial<Token>): void {
    const token: Token = { kind, value, start, end: this.pos };
    this.tokens.push(extra === undefined ? token : Object.assign(token, extra));
  }

  private code(): void {
    const s = this.s;
    const ch = s.charAt(this.pos);
    const next = s.charAt(this.pos + 1);
    if (isSpace(ch)) this.pos++;
    else if (ch === '/' && next === '/') this.lineComment();
    else if (ch === '/' && next === '*') this.blockComment();
    else if (ch === '"') this.string();
    else if (ch === '$' && next === '"') this.interpolationStart();
    else if (ch === "'") this.quotedIdentifier();
    else if (ch === '[' && next === '@' && this.disambiguated()) return;
    else if (isIdentStart(ch)) this.identifier();
    else if (isDigit(ch.charCodeAt(0)) || (ch === '.' && isDigit(next.charCodeAt(0)) && !this.afterValue())) {
      this.number();
    } else if (ch === '{' || ch === '}') this.brace(ch);
    else this.operator(ch, next);
  }

  private lineComment(): void {
    const s = this.s;
    let p = this.pos + 2;
    while (p < s.length && s[p] !== '\n' && s[p] !== '\r') p++;
    this.pos = p;
  }

  private blockComment(): void {
    const close = this.s.indexOf('*/', this.pos + 2);
    this.pos = close < 0 ? this.s.length : close + 2;
  }

  /** Reads a `"…"` or `'…'` body where a doubled delimiter escapes it; `pos` is at the opening delimiter. */
  private delimited(delimiter: string): { value: string; unterminated: boolean } {
    const s = this.s;
    const parts: string[] = [];
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

  private string(): void {
    const start = this.pos;
    const { value, unterminated } = this.delimited('"');
    this.push('string', value, start, unterminated ? { unterminated } : undefined);
  }

  private quotedIdentifier(): void {
    const start = this.pos;
    const { value, unterminated } = this.delimited("'");
    this.push('identifier', value, start, unterminated ? { quoted: true, unterminated } : { quoted: true });
  }

  /** `[@Name]` or `[@'Quoted Name']`; returns false (consuming nothing) when it is not that form. */
  private disambiguated(): boolean {
    const s = this.s;
    const start = this.pos;
    let name: string;
    if (s[start + 2] === "'") {
      this.pos = start + 2;
      const quoted = this.delimited("'");
      if (quoted.unterminated) return this.rewind(start);
      name = quoted.value;
    } else {
      let p = start + 2;
      while (p < s.length && isIdentPart(s.charAt(p))) p++;
      if (p === start + 2 || !isIdentStart(s.charAt(start + 2))) return false;
      name = s.slice(start + 2, p);
      this.pos = p;
    }
    if (s[this.pos] !== ']') return this.rewind(start);
    this.pos++;
    this.push('identifier', name, start, { quoted: true });
    return true;
  }

  private rewind(to: number): false {
    this.pos = to;
    return false;
  }

  private identifier(): void {
    const s = this.s;
    const start = this.pos;
    let p = start + 1;
    while (p < s.length && isIdentPart(s.charAt(p))) p++;
    this.pos = p;
    this.push('identifier', s.slice(start, p), start);
  }

  private number(): void {
    const s = this.s;
    const start = this.pos;
    let p = start;
    while (isDigit(s.charCodeAt(p))) p++;
    if (s[p] === '.' && isDigit(s.charCodeAt(p + 1))) {
      p++;
      while (isDigit(s.charCodeAt(p))) p++;
    }
    if (s[p] === 'e' || s[p] === 'E') {
      const sign = s[p + 1] === '+' || s[p + 1] === '-' ? 1 : 0;
      if (isDigit(s.charCodeAt(p + 1 + sign))) {
        p += 1 + sign;
        while (isDigit(s.charCodeAt(p))) p++;
      }
    }
    this.pos = p;
    this.push('number', s.slice(start, p), start);
  }

  /** Whether the previous token ends a value, so that a following `.` is member access, not `.5`. */
  private afterValue(): boolean {
    const last = this.tokens[this.tokens.length - 1];
    if (last === undefined) return false;
    if (last.kind === 'operator') return last.value === ')' || last.value === ']' || last.value === '}';
    return last.kind !== 'holeStart' && last.kind !== 'interpolationStart';
  }

  private brace(ch: '{' | '}'): void {
    const start = this.pos++;
    const depth = this.holes[this.holes.length - 1];
    if (depth === undefined) return this.push('operator', ch, start);
    if (ch === '}' && depth === 0) {
      this.inText = true;
      return this.push('holeEnd', '}', start);
    }
    this.holes[this.holes.length - 1] = depth + (ch === '{' ? 1 : -1);
    this.push('operator', ch, start);
  }

  private operator(ch: string, next: string): void {
    const start = this.pos;
    const two = ch + next;
    const value = TWO_CHAR_OPERATORS.has(two) ? two : ch;
    this.pos += value.length;
    this.push('operator', value, start);
  }

  private interpolationStart(): void {
    const start = this.pos;
    this.pos += 2;
    this.holes.push(0);
    this.inText = true;
    this.push('interpolationStart', '$"', start);
  }

  /** The text part of an interpolated string, up to `{`, the closing `"` or the end of the script. */
  private text(): void {
    const s = this.s;
    const start = this.pos;
    const parts: string[] = [];
    let p = start;
    let from = start;
    for (; p < s.length; p++) {
      const ch = s[p];
      const doubled = s[p + 1] === ch;
      if ((ch === '"' || ch === '{') && !doubled) break;
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
    if (this.pos > start) this.push('string', value, start, ended ? { unterminated: true } : undefined);
    if (ended) return;
    const closer = s[this.pos];
    const at = this.pos++;
    if (closer === '{') {
      this.inText = false;
      this.push('holeStart', '{', at);
    } else {
      this.holes.pop();
      this.inText = false;
      this.push('interpolationEnd', '"', at);
    }
  }
}

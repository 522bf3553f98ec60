/**
 * A scan of one `Controls/<n>.json` (or `Components/<n>.json`) straight from its bytes: the controls and their
 * rules are located without building the object tree or decoding the text, and a rule's strings are decoded
 * only when it is asked for. The scan checks the whole document against the JSON grammar as it goes, so it
 * agrees with `JSON.parse` on what is valid.
 *
 * It reads the documented shape only (`TopParent` → `Name`, `Template.Name`, `Rules[]`, `DynamicProperties[].Rule`,
 * `Children[]`). Anything else that would change what the tree walk of `controlsJsonFormulas` gives — invalid JSON,
 * a wrong type, a blank name, a key given twice — makes the scan give up
 * (`undefined`), and the caller parses the document in full, which also names the problem.
 *
 * Linear in the bytes, no recursion (nesting is kept on an explicit stack), and a rule's location is a few
 * integers: a hostile document costs at most what `JSON.parse` would.
 */
import { BACKSLASH, CLOSE_ARRAY, CLOSE_OBJECT, COLON, COMMA, OPEN_ARRAY, OPEN_OBJECT, QUOTE } from '../source/json-bytes.js';
import type { FormulaSource } from './types.js';


/** What a value means at its place in the document. */
const enum Role {
  Other,
  Root,
  TopParent,
  Control,
  ControlName,
  Template,
  TemplateName,
  Rules,
  Rule,
  Property,
  Script,
  DynamicProperties,
  DynamicProperty,
  Children,
}

/** The keys read, per role of the object that holds them, with the role of their value. */
const KEYS: Partial<Record<Role, Record<string, Role>>> = {
  [Role.Root]: { TopParent: Role.TopParent },
  [Role.TopParent]: { Name: Role.ControlName, Template: Role.Template, Rules: Role.Rules, DynamicProperties: Role.DynamicProperties, Children: Role.Children },
  [Role.Control]: { Name: Role.ControlName, Template: Role.Template, Rules: Role.Rules, DynamicProperties: Role.DynamicProperties, Children: Role.Children },
  [Role.Template]: { Name: Role.TemplateName },
  [Role.Rule]: { Property: Role.Property, InvariantScript: Role.Script },
  [Role.DynamicProperty]: { Rule: Role.Rule },
};

/** A key of interest, as bytes, for a compare without decoding: its role, and a bit for "seen twice". */
interface KeyBytes {
  bytes: Buffer;
  role: Role;
  bit: number;
}

/** Indexed by the role of the object that holds the keys. */
const KEY_BYTES: (KeyBytes[] | undefined)[] = [];
for (const [holder, keys] of Object.entries(KEYS)) {
  KEY_BYTES[Number(holder)] = Object.entries(keys as Record<string, Role>).map(([k, role], i) => ({ bytes: Buffer.from(k), role, bit: 1 << i }));
}

/** A string value: the byte offsets of its quotes, and whether it holds an escape. */
interface StringAt {
  open: number;
  close: number;
  escaped: boolean;
}

interface ScannedControl {
  name: string;
  parent: number;
  template: StringAt | undefined;
  rules: number[];
  dynamic: number[];
  children: number[];
}

interface ScannedRule {
  property: StringAt | undefined;
  script: StringAt | undefined;
}

class GiveUp extends Error {}

const giveUp = (): never => {
  throw new GiveUp();
};

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isHex = (c: number): boolean => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

/** The located controls and rules of one document; {@link ControlsScan.formulas} decodes what is asked for. */
export class ControlsScan {
  private constructor(
    private readonly buf: Buffer,
    private readonly controls: ScannedControl[],
    private readonly rules: ScannedRule[],
  ) {}

  /**
   * Scans the bytes of a Controls JSON document (up to two byte-order marks skipped, as the full reading does);
   * undefined when the document is not plainly in the documented shape (see the module comment).
   */
  static of(bytes: Uint8Array): ControlsScan | undefined {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    try {
      const scanner = new Scanner(buf);
      scanner.run();
      return new ControlsScan(buf, scanner.controls, scanner.rules);
    } catch (err) {
      if (err instanceof GiveUp) return undefined;
      throw err;
    }
  }

  /**
   * The formulas `controlsJsonFormulas` gives for the document, in its order, keeping only those whose script
   * contains one of `needles` (every formula when `needles` is undefined).
   */
  formulas(inner: string, needles?: readonly string[]): FormulaSource[] {
    const wanted = needles === undefined ? undefined : this.hits(needles);
    const screen = (this.controls[0] as ScannedControl).name;
    const effective: string[] = [];
    const out: FormulaSource[] = [];
    // Depth-first in document order, as the tree walk: parents are always listed before their children.
    const stack = [0];
    while (stack.length > 0) {
      const c = stack.pop() as number;
      const control = this.controls[c] as ScannedControl;
      const parent = control.parent;
      const name = parent >= 0 && this.isGalleryTemplate(control) ? (effective[parent] as string) : control.name;
      effective[c] = name;
      for (const r of control.rules) this.emit(r, wanted, needles, screen, name, inner, out);
      for (const r of control.dynamic) this.emit(r, wanted, needles, screen, name, inner, out);
      for (let i = control.children.length - 1; i >= 0; i--) stack.push(control.children[i] as number);
    }
    return out;
  }

  private isGalleryTemplate(control: ScannedControl): boolean {
    return control.template !== undefined && this.text(control.template).toLowerCase() === 'gallerytemplate';
  }

  private emit(r: number, wanted: Hits | undefined, needles: readonly string[] | undefined, screen: string, control: string, inner: string, out: FormulaSource[]): void {
    const rule = this.rules[r] as ScannedRule;
    if (rule.property === undefined || rule.script === undefined) return;
    if (wanted !== undefined && !wanted.within(rule.script)) {
      if (!rule.script.escaped) return;
      const decoded = this.text(rule.script);
      if (!(needles as readonly string[]).some((n) => decoded.includes(n))) return;
    }
    const property = this.text(rule.property);
    const script = this.text(rule.script);
    if (property === '' || script.trim() === '') return;
    out.push({ screen, control, property, script, inner });
  }

  private text(s: StringAt): string {
    return s.escaped ? (JSON.parse(this.buf.toString('utf8', s.open, s.close + 1)) as string) : this.buf.toString('utf8', s.open + 1, s.close);
  }

  /** Where the needles occur in the raw bytes (native searches): a script without escapes holds a needle only there. */
  private hits(needles: readonly string[]): Hits {
    const ranges: [number, number][] = [];
    for (const n of needles) {
      const bytes = Buffer.from(n);
      if (bytes.length === 0) continue;
      for (let at = this.buf.indexOf(bytes); at >= 0; at = this.buf.indexOf(bytes, at + 1)) ranges.push([at, at + bytes.length]);
    }
    return new Hits(ranges.sort((a, b) => a[0] - b[0]));
  }
}

/** Needle occurrences sorted by start, asked whether one lies inside a string. */
class Hits {
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;

  constructor(ranges: readonly [number, number][]) {
    this.starts = Int32Array.from(ranges, (r) => r[0]);
    this.ends = Int32Array.from(ranges, (r) => r[1]);
  }

  within(s: StringAt): boolean {
    // The first occurrence starting after the opening quote; any one starting before the closing quote is inside.
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.starts[mid] as number) <= s.open) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < this.starts.length && (this.starts[k] as number) < s.close; k++) if ((this.ends[k] as number) <= s.close) return true;
    return false;
  }
}

// What the walk expects next.
const VALUE = 0;
const AFTER_VALUE = 1;
const FIRST_KEY = 2;
const KEY = 3;
const FIRST_ITEM = 4;

/** The grammar walk: one loop over the bytes, nesting on typed-array stacks; any deviation gives up. */
class Scanner {
  readonly controls: ScannedControl[] = [];
  readonly rules: ScannedRule[] = [];
  /** Per open container (by depth): object or array, its role, the control or rule it belongs to, keys seen. */
  private isObject = new Uint8Array(64);
  private roles = new Uint8Array(64);
  private owners = new Int32Array(64);
  private seen = new Int32Array(64);
  /** Whether the string {@link stringEnd} just read holds an escape; whether the scalar just read is `null`. */
  private escaped = false;
  private isNull = false;

  /** The bytes as a plain Uint8Array: indexing it is faster than indexing the Buffer. */
  private readonly buf: Uint8Array;

  constructor(private readonly text: Buffer) {
    this.buf = new Uint8Array(text.buffer, text.byteOffset, text.byteLength);
  }

  run(): void {
    const b = this.buf;
    let start = 0;
    for (let boms = 0; boms < 2 && b[start] === 0xef && b[start + 1] === 0xbb && b[start + 2] === 0xbf; boms++) start += 3;
    if (this.walk(start) !== b.length || this.controls.length === 0) giveUp();
    // A control without a Name: the full reading names it.
    if (this.controls.some((ctl) => ctl.name === '')) giveUp();
  }

  /** The walk from `i` to the end of the root value (and the whitespace after it); returns where it stopped. */
  private walk(start: number): number {
    const b = this.buf;
    const n = b.length;
    let i = start;
    let state = VALUE;
    let role: Role = Role.Root;
    let owner = -1;
    let depth = 0;
    for (;;) {
      // Never read past the end (-1 there): an out-of-bounds read would cost the compiled loop.
      let c = i < n ? (b[i] as number) : -1;
      while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = ++i < n ? (b[i] as number) : -1;
      if (state === AFTER_VALUE) {
        if (depth === 0) break;
        const top = depth - 1;
        const object = this.isObject[top] === 1;
        if (c === COMMA) {
          i++;
          if (object) state = KEY;
          else {
            state = VALUE;
            role = itemRole(this.roles[top] as Role);
            owner = this.owners[top] as number;
          }
        } else if (c === (object ? CLOSE_OBJECT : CLOSE_ARRAY)) {
          i++;
          depth--;
        } else giveUp();
        continue;
      }
      if (state === FIRST_KEY || state === KEY) {
        if (c === CLOSE_OBJECT && state === FIRST_KEY) {
          i++;
          depth--;
          state = AFTER_VALUE;
          continue;
        }
        if (c !== QUOTE) giveUp();
        const open = i;
        const close = this.stringEnd(i);
        i = close + 1;
        const top = depth - 1;
        const keys = KEY_BYTES[this.roles[top] as Role];
        role = keys === undefined ? Role.Other : this.keyRole(top, keys, open, close);
        owner = this.owners[top] as number;
        c = i < n ? (b[i] as number) : -1;
        while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = ++i < n ? (b[i] as number) : -1;
        if (c !== COLON) giveUp();
        i++;
        state = VALUE;
        continue;
      }
      if (state === FIRST_ITEM) {
        if (c === CLOSE_ARRAY) {
          i++;
          depth--;
          state = AFTER_VALUE;
          continue;
        }
        state = VALUE;
      }
      // A value, with `role` and `owner` set for it.
      state = AFTER_VALUE;
      if (c === QUOTE) {
        const close = this.stringEnd(i);
        if (role !== Role.Other) this.stringValue(role, owner, i, close);
        i = close + 1;
      } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
        i++;
        const object = c === OPEN_OBJECT;
        const actual = role === Role.Other ? Role.Other : this.containerRole(object, role, owner);
        const frameOwner = actual === Role.Other ? -1 : this.ownerOf(actual, owner, depth === 0 ? Role.Other : (this.roles[depth - 1] as Role));
        // The members are read by this loop, one at a time: nesting never recurses.
        if (depth === this.roles.length) this.grow();
        this.isObject[depth] = object ? 1 : 0;
        this.roles[depth] = actual;
        this.owners[depth] = frameOwner;
        this.seen[depth] = 0;
        depth++;
        if (object) state = FIRST_KEY;
        else {
          state = FIRST_ITEM;
          role = itemRole(actual);
          owner = frameOwner;
        }
      } else {
        i = this.scalarEnd(i);
        if (role !== Role.Other) this.notString(role, owner, this.isNull);
      }
    }
    return i;
  }

  private grow(): void {
    const size = this.roles.length * 2;
    const copy = <T extends Uint8Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(a);
      return next;
    };
    this.isObject = copy(this.isObject, (n) => new Uint8Array(n));
    this.roles = copy(this.roles, (n) => new Uint8Array(n));
    this.owners = copy(this.owners, (n) => new Int32Array(n));
    this.seen = copy(this.seen, (n) => new Int32Array(n));
  }

  private keyRole(top: number, keys: readonly KeyBytes[], open: number, close: number): Role {
    const b = this.buf;
    // A key written with escapes may still spell one of ours.
    const decoded = this.escaped ? Buffer.from(JSON.parse(this.text.toString('utf8', open, close + 1)) as string) : undefined;
    const from = decoded ? 0 : open + 1;
    const src = decoded ?? b;
    const length = decoded ? decoded.length : close - open - 1;
    for (const k of keys) {
      const kb = k.bytes;
      if (kb.length !== length) continue;
      let j = 0;
      while (j < length && src[from + j] === kb[j]) j++;
      if (j !== length) continue;
      if ((this.seen[top] as number) & k.bit) giveUp();
      this.seen[top] = (this.seen[top] as number) | k.bit;
      return k.role;
    }
    return Role.Other;
  }

  /** The role a container keeps in the walk: its own when it has the type the shape wants, else none. */
  private containerRole(object: boolean, role: Role, owner: number): Role {
    const expected = object ? OBJECT_ROLES.has(role) : ARRAY_ROLES.has(role);
    if (!expected && !IGNORED_IF_MISTYPED.has(role)) giveUp();
    if (role === Role.Property || role === Role.Script) this.markNotString(role, owner);
    return expected ? role : Role.Other;
  }

  /** A new control or rule gets its index here; the containers inside it carry that index. */
  private ownerOf(role: Role, owner: number, parentRole: Role): number {
    if (role === Role.TopParent || role === Role.Control) {
      this.controls.push({ name: '', parent: role === Role.Control ? owner : -1, template: undefined, rules: [], dynamic: [], children: [] });
      const index = this.controls.length - 1;
      if (role === Role.Control) (this.controls[owner] as ScannedControl).children.push(index);
      return index;
    }
    if (role === Role.Rule) {
      this.rules.push({ property: undefined, script: undefined });
      const index = this.rules.length - 1;
      const control = this.controls[owner] as ScannedControl;
      if (parentRole === Role.Rules) control.rules.push(index);
      else control.dynamic.push(index);
      return index;
    }
    if (role === Role.Root) return -1;
    return owner;
  }

  private stringValue(role: Role, owner: number, open: number, close: number): void {
    switch (role) {
      case Role.ControlName: {
        const name = this.escaped ? (JSON.parse(this.text.toString('utf8', open, close + 1)) as string) : this.text.toString('utf8', open + 1, close);
        if (name.trim() === '') giveUp();
        (this.controls[owner] as ScannedControl).name = name;
        return;
      }
      case Role.TemplateName:
        (this.controls[owner] as ScannedControl).template = { open, close, escaped: this.escaped };
        return;
      case Role.Property:
        (this.rules[owner] as ScannedRule).property = { open, close, escaped: this.escaped };
        return;
      case Role.Script:
        (this.rules[owner] as ScannedRule).script = { open, close, escaped: this.escaped };
        return;
      default:
        if (!IGNORED_IF_MISTYPED.has(role)) giveUp();
    }
  }

  /** A number, `true`, `false` or `null` where the shape expects something else. */
  private notString(role: Role, owner: number, isNull: boolean): void {
    if (role === Role.Property || role === Role.Script) return this.markNotString(role, owner);
    // null stands for an absent list.
    if (isNull && ARRAY_ROLES.has(role)) return;
    if (!IGNORED_IF_MISTYPED.has(role)) giveUp();
  }

  private markNotString(role: Role, owner: number): void {
    const rule = this.rules[owner] as ScannedRule;
    // Such a rule has no formula; a later string under the same key cannot occur (keys are unique here).
    if (role === Role.Property) rule.property = undefined;
    else rule.script = undefined;
  }

  /**
   * The index of the closing quote of the string opened at `open`: checks its escapes and that it holds no raw
   * control character, and sets {@link escaped}.
   */
  private stringEnd(open: number): number {
    const b = this.buf;
    const n = b.length;
    let j = open + 1;
    let escaped = false;
    while (j < n) {
      const c = b[j] as number;
      if (c === QUOTE) {
        this.escaped = escaped;
        return j;
      }
      if (c === BACKSLASH) {
        escaped = true;
        j = this.escapeEnd(j);
      } else if (c < 0x20) giveUp(); // a raw control character
      else j++;
    }
    return giveUp(); // the bytes end inside the string
  }

  /** The end of the escape at `j` (a backslash), checked: `\uXXXX` or one of `"\/bfnrt`. */
  private escapeEnd(j: number): number {
    const b = this.buf;
    const e = b[j + 1];
    if (e === 0x75) {
      if (!(isHex(b[j + 2] as number) && isHex(b[j + 3] as number) && isHex(b[j + 4] as number) && isHex(b[j + 5] as number))) giveUp();
      return j + 6;
    }
    if (e === QUOTE || e === BACKSLASH || e === 0x2f || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) return j + 2;
    return giveUp();
  }

  /** The end of the number or literal at `i`, checked against the grammar; sets {@link isNull}. */
  private scalarEnd(i: number): number {
    const b = this.buf;
    const c = b[i];
    this.isNull = c === 0x6e;
    if (c === 0x74) return this.literalEnd(i, TRUE);
    if (c === 0x66) return this.literalEnd(i, FALSE);
    if (c === 0x6e) return this.literalEnd(i, NULL);
    let j = i;
    if (b[j] === 0x2d) j++;
    if (b[j] === 0x30) j++;
    else if (isDigit(b[j] as number)) while (isDigit(b[j] as number)) j++;
    else giveUp();
    if (b[j] === 0x2e) {
      j++;
      if (!isDigit(b[j] as number)) giveUp();
      while (isDigit(b[j] as number)) j++;
    }
    if (b[j] === 0x65 || b[j] === 0x45) {
      j++;
      if (b[j] === 0x2b || b[j] === 0x2d) j++;
      if (!isDigit(b[j] as number)) giveUp();
      while (isDigit(b[j] as number)) j++;
    }
    return j;
  }

  private literalEnd(i: number, word: Uint8Array): number {
    const b = this.buf;
    for (let k = 0; k < word.length; k++) if (b[i + k] !== word[k]) giveUp();
    return i + word.length;
  }
}

function itemRole(role: Role): Role {
  switch (role) {
    case Role.Rules:
      return Role.Rule;
    case Role.DynamicProperties:
      return Role.DynamicProperty;
    case Role.Children:
      return Role.Control;
    default:
      return Role.Other;
  }
}

const TRUE = Buffer.from('true');
const FALSE = Buffer.from('false');
const NULL = Buffer.from('null');

/** Roles whose value must be (or, when another type is harmless, is read only as) an object or an array. */
const OBJECT_ROLES = new Set([Role.Root, Role.TopParent, Role.Control, Role.Template, Role.Rule, Role.DynamicProperty]);
const ARRAY_ROLES = new Set([Role.Rules, Role.DynamicProperties, Role.Children]);
/**
 * Places where a value of another type is ignored by the tree walk (a rule that is no object has no formula, a
 * Template that is no object names no template); anywhere else of ours, another type makes it throw.
 */
const IGNORED_IF_MISTYPED = new Set([Role.Other, Role.Rule, Role.DynamicProperty, Role.Property, Role.Script, Role.Template, Role.TemplateName]);

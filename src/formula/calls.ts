/**
 * Finds `<flow data source>.Run(…)` calls in one formula and classifies how the result is used.
 * Works on tokens and a bracket table, never on the raw text.
 */
import { tokenize, type Token } from './tokenizer.js';
import type { CallInFormula, ResultUse } from './types.js';

/** A call plus where it is in its formula. */
export interface LocatedCall extends CallInFormula {
  /** Offsets of the call site text in the script. */
  start: number;
  end: number;
  /** For `With({r: Flow.Run(…)}, body)`: the token index range `[from, to)` of `body`. */
  withBody?: { from: number; to: number };
}

/** Matching brackets of a token list; `(`, `[`, `{`, interpolated strings and their `{…}` parts. */
export interface Structure {
  /** Index of the matching closer (for openers) or opener (for closers); -1 when none. */
  match: Int32Array;
  /** Index of the innermost opener enclosing each token; -1 at the top level. */
  parent: Int32Array;
}

export function isOp(token: Token | undefined, value: string): boolean {
  return token !== undefined && token.kind === 'operator' && token.value === value;
}

function isIdent(token: Token | undefined, value?: string): boolean {
  return token !== undefined && token.kind === 'identifier' && (value === undefined || token.value === value);
}

const OPENERS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };

function isOpener(t: Token): boolean {
  return t.kind === 'holeStart' || t.kind === 'interpolationStart' || (t.kind === 'operator' && t.value in OPENERS);
}

function isCloser(t: Token): boolean {
  return (
    t.kind === 'holeEnd' ||
    t.kind === 'interpolationEnd' ||
    (t.kind === 'operator' && (t.value === ')' || t.value === ']' || t.value === '}'))
  );
}

function closes(opener: Token, closer: Token): boolean {
  if (closer.kind === 'holeEnd') return opener.kind === 'holeStart';
  if (closer.kind === 'interpolationEnd') return opener.kind === 'interpolationStart';
  return opener.kind === 'operator' && OPENERS[opener.value] === closer.value;
}

export function bracketStructure(tokens: readonly Token[]): Structure {
  const match = new Int32Array(tokens.length).fill(-1);
  const parent = new Int32Array(tokens.length).fill(-1);
  const stack: number[] = [];
  tokens.forEach((t, i) => {
    parent[i] = stack[stack.length - 1] ?? -1;
    if (isOpener(t)) stack.push(i);
    else if (isCloser(t)) closeGroup(tokens, stack, match, i);
    const opener = match[i] ?? -1;
    if (isCloser(t) && opener >= 0) parent[i] = parent[opener] ?? -1;
  });
  return { match, parent };
}

/** Tokenizer-made closers of interpolations are authoritative and pop unclosed brackets; others only match the top. */
function closeGroup(tokens: readonly Token[], stack: number[], match: Int32Array, i: number): void {
  const closer = tokens[i] as Token;
  const authoritative = closer.kind !== 'operator';
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as number;
    if (closes(tokens[top] as Token, closer)) {
      stack.pop();
      match[top] = i;
      match[i] = top;
      return;
    }
    if (!authoritative) return;
    stack.pop();
  }
}

/** Index of the first token of each argument of the group opened at `open`, skipping nested groups. */
function argumentStarts(tokens: readonly Token[], st: Structure, open: number): number[] {
  const close = (st.match[open] ?? -1) < 0 ? tokens.length : (st.match[open] as number);
  if (close <= open + 1) return [];
  const starts = [open + 1];
  for (let k = open + 1; k < close; k++) {
    const t = tokens[k] as Token;
    if (isOpener(t)) {
      const m = st.match[k] ?? -1;
      if (m < 0) break;
      k = m;
    } else if (isOp(t, ',')) starts.push(k + 1);
  }
  return starts;
}

export function countArguments(tokens: readonly Token[], st: Structure, open: number): number {
  return argumentStarts(tokens, st, open).length;
}

/** Which argument of its group the token `at` is in: the last start at or before it. */
function argumentIndex(starts: readonly number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The function called by the `(` at `open`: `F(` or `Ns.F(`. */
export interface Callee {
  name: string;
  qualified: boolean;
  /** Index of the first token of the callee. */
  start: number;
}

export function calleeOf(tokens: readonly Token[], open: number): Callee | undefined {
  const fn = tokens[open - 1];
  if (!isIdent(fn) || fn === undefined) return undefined;
  if (isOp(tokens[open - 2], '.') && isIdent(tokens[open - 3])) {
    const ns = tokens[open - 3] as Token;
    return { name: `${ns.value}.${fn.value}`, qualified: true, start: open - 3 };
  }
  return { name: fn.value, qualified: false, start: open - 1 };
}

const SLOT_STARTS = new Set([';', ',', '(', '[', '{', ':']);
const SLOT_ENDS = new Set([';', ',', ')', ']', '}']);

function startsSlot(t: Token | undefined): boolean {
  return t === undefined || t.kind === 'holeStart' || (t.kind === 'operator' && SLOT_STARTS.has(t.value));
}

function endsSlot(t: Token | undefined): boolean {
  return t === undefined || t.kind === 'holeEnd' || (t.kind === 'operator' && SLOT_ENDS.has(t.value));
}

interface Classified {
  use: ResultUse;
  withBody?: { from: number; to: number };
}

/** The value of a span flows into the enclosing span `[start, end]`. */
interface Up {
  up: [number, number];
  /** Set when the enclosing value is not the call's result but holds it (a ForAll table). */
  wraps?: string;
}

const MAX_LEVELS = 64;

const untraced = (why: string): Classified => ({ use: { kind: 'untraced', why } });
const discarded = (): Classified => ({ use: { kind: 'discarded' } });

interface Ctx {
  tokens: readonly Token[];
  st: Structure;
  /** Argument starts per opener, computed once each: sibling calls in a long argument list stay linear. */
  args: Map<number, number[]>;
}

function argumentsOf(ctx: Ctx, open: number): number[] {
  let starts = ctx.args.get(open);
  if (starts === undefined) {
    starts = argumentStarts(ctx.tokens, ctx.st, open);
    ctx.args.set(open, starts);
  }
  return starts;
}

function classify(ctx: Ctx, first: number, close: number): Classified {
  let span: [number, number] = [first, close];
  let wrappedBy: string | undefined;
  for (let level = 0; level < MAX_LEVELS; level++) {
    const step = classifySlot(ctx, span[0], span[1]);
    if (!('up' in step)) {
      if (wrappedBy === undefined || step.use.kind === 'discarded') return step;
      return untraced(`part of a ${wrappedBy} result that is used`);
    }
    span = step.up;
    wrappedBy ??= step.wraps;
  }
  return untraced('nested too deeply to follow');
}

function classifySlot(ctx: Ctx, s: number, e: number): Classified | Up {
  const { tokens, st } = ctx;
  const prev = tokens[s - 1];
  const next = tokens[e + 1];
  if (!startsSlot(prev) || !endsSlot(next)) {
    const op = startsSlot(prev) ? next : prev;
    return untraced(`used in an expression ('${op?.value ?? ''}')`);
  }
  if (isOp(next, ';')) return discarded();
  const open = st.parent[s] ?? -1;
  const opener = tokens[open];
  if (opener === undefined) return discarded();
  if (opener.kind === 'holeStart') return untraced('used in a string');
  if (isOp(opener, '[')) return untraced('used in a table');
  if (isOp(opener, '{')) return inRecord(ctx, open, s);
  if (isOp(prev, ':')) return untraced("used in an expression (':')");
  return inCall(ctx, open, s);
}

function inCall(ctx: Ctx, open: number, s: number): Classified | Up {
  const close = ctx.st.match[open] ?? -1;
  const callee = calleeOf(ctx.tokens, open);
  if (callee === undefined) return close < 0 ? untraced('incomplete formula') : { up: [open, close] };
  const starts = argumentsOf(ctx, open);
  const k = argumentIndex(starts, s);
  const n = starts.length;
  const result = callee.qualified ? undefined : byFunction(ctx, callee.name, open, k, n);
  if (result === 'value' || result === 'wrapped') {
    if (close < 0) return untraced('incomplete formula');
    return result === 'wrapped' ? { up: [callee.start, close], wraps: callee.name } : { up: [callee.start, close] };
  }
  return result ?? untraced(`passed to ${callee.name}`);
}

/**
 * How a built-in function treats argument `k` of `n`: 'value' when it becomes the function's own value,
 * 'wrapped' when it becomes part of it (a ForAll table, Concurrent).
 */
function byFunction(
  ctx: Ctx,
  name: string,
  open: number,
  k: number,
  n: number,
): Classified | 'value' | 'wrapped' | undefined {
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

function isSwitchResult(k: number, n: number): boolean {
  return (k >= 2 && k % 2 === 0) || (k === n - 1 && n % 2 === 0 && k > 0);
}

/** The name in `F(name, …)`; it must be a single identifier. */
function target(ctx: Ctx, open: number, use: (name: string) => ResultUse): Classified {
  const name = ctx.tokens[open + 1];
  if (!isIdent(name) || !isOp(ctx.tokens[open + 2], ',') || name === undefined) {
    return untraced('assigned to something other than a name');
  }
  return { use: use(name.value) };
}

/** `{key: call}`: a context variable of UpdateContext, a With name, or a record going elsewhere. */
function inRecord(ctx: Ctx, open: number, s: number): Classified {
  const { tokens, st } = ctx;
  const key = tokens[s - 2];
  if (!isOp(tokens[s - 1], ':') || !isIdent(key) || key === undefined) return untraced('used in a record');
  const close = st.match[open] ?? -1;
  const callOpen = st.parent[open] ?? -1;
  const callee = isOp(tokens[callOpen], '(') ? calleeOf(tokens, callOpen) : undefined;
  const whole = close >= 0 && startsSlot(tokens[open - 1]) && endsSlot(tokens[close + 1]) && !isOp(tokens[close + 1], ';');
  if (callee === undefined || !whole) return untraced('stored in a record');
  const first = isOp(tokens[open - 1], '(') && !callee.qualified;
  if (first && callee.name === 'UpdateContext') return { use: { kind: 'context', name: key.value } };
  if (first && callee.name === 'With' && isOp(tokens[close + 1], ',')) {
    const end = st.match[callOpen] ?? -1;
    return { use: { kind: 'with', name: key.value }, withBody: { from: close + 2, to: end < 0 ? tokens.length : end } };
  }
  return untraced(`stored in a record passed to ${callee.name}`);
}

/** `.field` or `.'quoted field'` right after the call's `)`. */
function fieldAfter(tokens: readonly Token[], close: number): Token | undefined {
  const field = tokens[close + 2];
  return isOp(tokens[close + 1], '.') && isIdent(field) ? field : undefined;
}

const TEXT_LIMIT = 200;

/** Only this much of a call is looked at, so that nested calls of a huge formula stay linear. */
const TEXT_WINDOW = 1024;

export function callText(script: string, start: number, end: number): string {
  const windowEnd = Math.min(end, start + TEXT_WINDOW);
  const text = script.slice(start, windowEnd).replace(/\s+/g, ' ').trim();
  if (text.length <= TEXT_LIMIT && windowEnd === end) return text;
  return `${text.slice(0, TEXT_LIMIT - 1)}…`;
}

function isCallAt(tokens: readonly Token[], i: number, dataSources: ReadonlySet<string>): boolean {
  const t = tokens[i] as Token;
  return (
    t.kind === 'identifier' &&
    dataSources.has(t.value) &&
    !isOp(tokens[i - 1], '.') &&
    isOp(tokens[i + 1], '.') &&
    isIdent(tokens[i + 2], 'Run') &&
    isOp(tokens[i + 3], '(')
  );
}

function callAt(script: string, ctx: Ctx, i: number): LocatedCall {
  const { tokens, st } = ctx;
  const first = tokens[i] as Token;
  const open = i + 3;
  const close = st.match[open] ?? -1;
  const field = close < 0 ? undefined : fieldAfter(tokens, close);
  const last = field ?? tokens[close] ?? (tokens[tokens.length - 1] as Token);
  let classified: Classified;
  if (field !== undefined) classified = { use: { kind: 'field', field: field.value } };
  else if (close < 0) classified = untraced('unterminated call');
  else classified = classify(ctx, i, close);
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
export function findCalls(
  script: string,
  flowDataSources: ReadonlySet<string> | readonly string[],
  tokens: readonly Token[] = tokenize(script),
  structure: Structure = bracketStructure(tokens),
): LocatedCall[] {
  const names = flowDataSources instanceof Set ? flowDataSources : new Set(flowDataSources);
  const ctx: Ctx = { tokens, st: structure, args: new Map() };
  const calls: LocatedCall[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (isCallAt(tokens, i, names)) calls.push(callAt(script, ctx, i));
  }
  return calls;
}

/**
 * Across all formulas of one app: the flow call sites, and the outputs read from their results
 * directly or through a variable.
 */
import { bracketStructure, calleeOf, findCalls, isOp, type LocatedCall, type Structure } from './calls.js';
import { tokenize, type Token } from './tokenizer.js';
import type { CallSite, FormulaFacts, FormulaSource, OutputRead } from './types.js';

interface Parsed {
  tokens: Token[];
  st: Structure;
}

/** A call found in source number `src`. */
interface Found {
  src: number;
  call: LocatedCall;
}

/** `name.field` (field set) or a use of `name` as a whole (field undefined). */
interface Access {
  name: string;
  field?: string;
  index: number;
  start: number;
}

const BLANK_CHECKS = new Set(['IsBlank', 'IsEmpty', 'IsError', 'IsBlankOrError']);

/** A bare name that is not a read of the value: a record key, a Set target, an `As` name, a blank check. */
function isIgnoredBareUse(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (isOp(next, ':') || (prev?.kind === 'identifier' && prev.value === 'As')) return true;
  if (!isOp(prev, '(')) return false;
  const callee = calleeOf(tokens, i - 1);
  if (callee === undefined || callee.qualified) return false;
  return (callee.name === 'Set' && isOp(next, ',')) || (BLANK_CHECKS.has(callee.name) && isOp(next, ')'));
}

/** One pass over a formula: every access to one of `names`. */
function indexAccesses(tokens: readonly Token[], names: ReadonlySet<string>): Map<string, Access[]> {
  const index = new Map<string, Access[]>();
  tokens.forEach((t, i) => {
    if (t.kind !== 'identifier' || !names.has(t.value) || isOp(tokens[i - 1], '.')) return;
    const field = tokens[i + 2];
    let access: Access | undefined;
    if (isOp(tokens[i + 1], '.') && field?.kind === 'identifier') {
      access = { name: t.value, field: field.value, index: i, start: t.start };
    } else if (!isIgnoredBareUse(tokens, i)) access = { name: t.value, index: i, start: t.start };
    if (access !== undefined) pushTo(index, t.value, access);
  });
  return index;
}

const SIMPLE_NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u;

function fxName(name: string): string {
  return SIMPLE_NAME.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

const where = (s: FormulaSource): string => `${s.control}.${s.property}`;

/** Collects reads and reasons; positions are kept for sorting only. */
class Collector {
  readonly reads = new Map<string, { read: OutputRead; src: number; start: number }>();
  readonly reasons = new Map<string, Set<string>>();

  constructor(private readonly sources: readonly FormulaSource[]) {}

  call(dataSource: string): void {
    if (!this.reasons.has(dataSource)) this.reasons.set(dataSource, new Set());
  }

  reason(dataSource: string, why: string): void {
    this.reasons.get(dataSource)?.add(why);
  }

  read(dataSource: string, output: string, src: number, start: number, via: string): void {
    const s = this.sources[src] as FormulaSource;
    const read: OutputRead = {
      dataSource,
      output,
      screen: s.screen,
      control: s.control,
      property: s.property,
      inner: s.inner,
      via,
    };
    const key = `${src}\u0000${start}\u0000${dataSource}\u0000${output}\u0000${via}`;
    if (!this.reads.has(key)) this.reads.set(key, { read, src, start });
  }
}

const VERB = { global: 'Set', context: 'UpdateContext', with: 'With' } as const;
const NOUN = { global: 'variable', context: 'variable', with: 'With name' } as const;

/** Records what one variable access means for the call that bound the variable. */
function applyAccess(c: Collector, sources: readonly FormulaSource[], found: Found, access: Access, src: number): void {
  const use = found.call.use;
  if (use.kind !== 'global' && use.kind !== 'context' && use.kind !== 'with') return;
  const setter = sources[found.src] as FormulaSource;
  const reader = sources[src] as FormulaSource;
  const ds = found.call.dataSource;
  if (access.field === undefined) {
    c.reason(ds, `${NOUN[use.kind]} ${use.name} used as a whole in ${where(reader)}`);
    return;
  }
  const via = `${fxName(use.name)}.${fxName(access.field)} (${VERB[use.kind]} in ${where(setter)})`;
  c.read(ds, access.field, src, access.start, via);
}

function recordCall(c: Collector, sources: readonly FormulaSource[], found: Found): void {
  const { call, src } = found;
  const s = sources[src] as FormulaSource;
  c.call(call.dataSource);
  const use = call.use;
  if (use.kind === 'field') {
    c.read(call.dataSource, use.field, src, call.start, `${fxName(call.dataSource)}.Run(…).${fxName(use.field)}`);
  } else if (use.kind === 'untraced') c.reason(call.dataSource, `${use.why} in ${where(s)}`);
  else if (use.kind === 'collection') c.reason(call.dataSource, `result collected into ${use.name} in ${where(s)}`);
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const INCLUDES_LIMIT = 32;

/** Quick reject before tokenizing; names with a `'` may be written with `''` in the text. */
function mentionsAny(script: string, names: readonly string[]): boolean {
  if (names.length > INCLUDES_LIMIT) return true;
  return names.some((n) => n.includes("'") || script.includes(n));
}

class Analysis {
  private readonly parsed = new Map<number, Parsed>();
  private readonly found: Found[] = [];
  readonly collector: Collector;

  constructor(
    private readonly sources: readonly FormulaSource[],
    private readonly flowDataSources: ReadonlySet<string>,
  ) {
    this.collector = new Collector(sources);
  }

  private parse(src: number): Parsed {
    let p = this.parsed.get(src);
    if (p === undefined) {
      const tokens = tokenize((this.sources[src] as FormulaSource).script);
      p = { tokens, st: bracketStructure(tokens) };
      this.parsed.set(src, p);
    }
    return p;
  }

  findAllCalls(): Found[] {
    if (this.flowDataSources.size === 0) return this.found;
    this.sources.forEach((s, src) => {
      if (!s.script.includes('Run')) return;
      const { tokens, st } = this.parse(src);
      for (const call of findCalls(s.script, this.flowDataSources, tokens, st)) this.found.push({ src, call });
    });
    for (const f of this.found) recordCall(this.collector, this.sources, f);
    return this.found;
  }

  /** Reads through With names: only inside the With body, in the same formula. */
  followWithNames(): void {
    const bySource = new Map<number, { f: Found; name: string }[]>();
    for (const f of this.found) {
      if (f.call.use.kind === 'with') pushTo(bySource, f.src, { f, name: f.call.use.name });
    }
    for (const [src, list] of bySource) {
      const index = indexAccesses(this.parse(src).tokens, new Set(list.map((w) => w.name)));
      for (const { f, name } of list) this.applyInBody(f, index.get(name) ?? []);
    }
  }

  private applyInBody(f: Found, accesses: readonly Access[]): void {
    const body = f.call.withBody;
    if (body === undefined) return;
    for (const a of accesses) {
      if (a.index >= body.from && a.index < body.to) applyAccess(this.collector, this.sources, f, a, f.src);
    }
  }

  /** Reads through global (app-wide) and context (same screen) variables. */
  followVariables(): void {
    const bound = new Map<string, Found[]>();
    for (const f of this.found) {
      const use = f.call.use;
      if (use.kind !== 'global' && use.kind !== 'context') continue;
      pushTo(bound, use.name, f);
    }
    if (bound.size === 0) return;
    const names = [...bound.keys()];
    const nameSet = new Set(names);
    this.sources.forEach((s, src) => {
      if (!mentionsAny(s.script, names)) return;
      for (const [name, accesses] of indexAccesses(this.parse(src).tokens, nameSet)) {
        for (const f of bound.get(name) ?? []) this.applyVariable(f, accesses, src);
      }
    });
  }

  private applyVariable(f: Found, accesses: readonly Access[], src: number): void {
    const sameScreen = (this.sources[f.src] as FormulaSource).screen === (this.sources[src] as FormulaSource).screen;
    if (f.call.use.kind === 'context' && !sameScreen) return;
    for (const a of accesses) applyAccess(this.collector, this.sources, f, a, src);
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Placed {
  src: number;
  start: number;
}

function placeOrder(sources: readonly FormulaSource[]): (a: Placed, b: Placed) => number {
  return (a, b) => {
    const sa = sources[a.src] as FormulaSource;
    const sb = sources[b.src] as FormulaSource;
    return (
      compareText(sa.inner, sb.inner) ||
      compareText(sa.screen, sb.screen) ||
      compareText(sa.control, sb.control) ||
      compareText(sa.property, sb.property) ||
      a.src - b.src ||
      a.start - b.start
    );
  };
}

function callSites(sources: readonly FormulaSource[], found: readonly Found[]): CallSite[] {
  const order = placeOrder(sources);
  return found
    .map((f) => ({ src: f.src, start: f.call.start, f }))
    .sort(order)
    .map(({ f }) => {
      const s = sources[f.src] as FormulaSource;
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

function outputReads(sources: readonly FormulaSource[], c: Collector): OutputRead[] {
  const order = placeOrder(sources);
  return [...c.reads.values()]
    .sort(
      (a, b) =>
        order(a, b) ||
        compareText(a.read.dataSource, b.read.dataSource) ||
        compareText(a.read.output, b.read.output) ||
        compareText(a.read.via, b.read.via),
    )
    .map((r) => r.read);
}

export function analyzeFormulas(sources: readonly FormulaSource[], flowDataSources: readonly string[]): FormulaFacts {
  const analysis = new Analysis(sources, new Set(flowDataSources));
  const found = analysis.findAllCalls();
  analysis.followWithNames();
  analysis.followVariables();
  const traced = new Map<string, boolean>();
  const untraced = new Map<string, string[]>();
  for (const [ds, reasons] of [...analysis.collector.reasons].sort((a, b) => compareText(a[0], b[0]))) {
    traced.set(ds, reasons.size === 0);
    untraced.set(ds, [...reasons].sort(compareText));
  }
  return { callSites: callSites(sources, found), outputReads: outputReads(sources, analysis.collector), traced, untraced };
}

import { analyzeFormulas } from '../formula/analyze.js';
import { formulaEntries, readFormulaSources } from '../formula/sources.js';
import type { FormulaFacts, FormulaSource } from '../formula/types.js';
import { decodeText } from '../source/decode.js';
import type { FileTree } from '../source/tree.js';
import type { CallFormulas, FlowCall, Origin } from './types.js';

export interface FormulaReadResult {
  /** Per flow data source; absent when the app holds no formulas at all. */
  byDataSource: Map<string, CallFormulas> | undefined;
  problems: { origin: Origin; message: string }[];
}

/**
 * Reads an app's formulas (Controls JSON in an .msapp, or the unpacked `Src/*.fx.yaml` / `*.pa.yaml`;
 * one format per app, see `formulaEntries`) and what they do with each flow data source. Called only
 * for apps that have flow data sources: the formulas are the largest part of an app.
 */
export async function readAppFormulas(tree: FileTree, dataSources: readonly string[], origin: (inner: string) => Origin): Promise<FormulaReadResult> {
  const { format, names } = formulaEntries(tree.names);
  if (names.length === 0) return { byDataSource: undefined, problems: [] };
  const problems: FormulaReadResult['problems'] = [];
  const files: { name: string; bytes: Buffer }[] = [];
  for (const name of names) {
    try {
      const b = await tree.read(name);
      files.push({ name, bytes: Buffer.from(b.buffer, b.byteOffset, b.byteLength) });
    } catch (err) {
      problems.push({ origin: origin(name), message: `formulas cannot be read (${errorText(err)}); flow calls in it are not known` });
    }
  }
  const parse = (f: { name: string; bytes: Buffer }): FormulaSource[] => {
    try {
      return readFormulaSources(format, decodeText(f.bytes), f.name);
    } catch (err) {
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
  const mentions = (f: { bytes: Buffer }): boolean => variables.some((v) => v.includes("'") || f.bytes.includes(v));
  const rest = files.filter((f) => !calling.includes(f) && mentions(f));
  const facts = rest.length > 0 ? analyzeFormulas([...sources, ...rest.flatMap(parse)], dataSources) : analyzeFormulas(sources, dataSources);
  return { byDataSource: byDataSource(facts, dataSources, origin, problems.length > 0), problems };
}

/** The names a call's result was stored under: what the other files must mention to read an output. */
function resultNames(facts: FormulaFacts): string[] {
  const out = new Set<string>();
  for (const c of facts.callSites) if ('name' in c.use) out.add(c.use.name);
  return [...out];
}

function byDataSource(facts: FormulaFacts, dataSources: readonly string[], origin: (inner: string) => Origin, incomplete: boolean): Map<string, CallFormulas> {
  const out = new Map<string, CallFormulas>();
  for (const ds of dataSources) {
    const untraced = [...(facts.untraced.get(ds) ?? [])];
    // A formula file that could not be read may hold calls and reads: nothing is certain then.
    if (incomplete) untraced.push('some formula files could not be read');
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

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Attaches the formula facts to the calls they describe. */
export function withFormulas(calls: FlowCall[], result: FormulaReadResult): FlowCall[] {
  if (!result.byDataSource) return calls;
  return calls.map((c) => ({ ...c, formulas: result.byDataSource?.get(c.dataSource) }));
}

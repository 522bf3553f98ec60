import { analyzeFormulas } from '../formula/analyze.js';
import { formulaEntries, readFormulaSources } from '../formula/sources.js';
import type { FormulaSource } from '../formula/types.js';
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
  const sources: FormulaSource[] = [];
  const problems: FormulaReadResult['problems'] = [];
  for (const name of names) {
    try {
      sources.push(...readFormulaSources(format, decodeText(await tree.read(name)), name));
    } catch (err) {
      problems.push({ origin: origin(name), message: `formulas cannot be read (${err instanceof Error ? err.message : String(err)}); flow calls in it are not known` });
    }
  }
  const facts = analyzeFormulas(sources, dataSources);
  const byDataSource = new Map<string, CallFormulas>();
  for (const ds of dataSources) {
    const untraced = facts.untraced.get(ds) ?? [];
    // A formula file that could not be read may hold calls and reads: nothing is certain then.
    if (problems.length > 0) untraced.push('some formula files could not be read');
    byDataSource.set(ds, {
      callSites: facts.callSites
        .filter((c) => c.dataSource === ds)
        .map((c) => ({ screen: c.screen, control: c.control, property: c.property, arguments: c.arguments, formula: c.text, use: c.use.kind, location: origin(c.inner) })),
      outputReads: facts.outputReads.filter((r) => r.dataSource === ds).map((r) => ({ output: r.output, screen: r.screen, control: r.control, property: r.property, via: r.via })),
      traced: (facts.traced.get(ds) ?? true) && problems.length === 0,
      untraced,
    });
  }
  return { byDataSource, problems };
}

/** Attaches the formula facts to the calls they describe. */
export function withFormulas(calls: FlowCall[], result: FormulaReadResult): FlowCall[] {
  if (!result.byDataSource) return calls;
  return calls.map((c) => ({ ...c, formulas: result.byDataSource?.get(c.dataSource) }));
}

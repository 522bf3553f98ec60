import { analyzeFormulas } from '../formula/analyze.js';
import { ControlsScan } from '../formula/controls-scan.js';
import { formulaEntries, readFormulaSources, type FormulaFormat } from '../formula/sources.js';
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
  const cannotRead = (name: string, err: unknown): void => {
    problems.push({ origin: origin(name), message: `formulas cannot be read (${errorText(err)}); flow calls in it are not known` });
  };
  const files: FormulaFile[] = [];
  for (const name of names) {
    try {
      const b = await tree.read(name);
      files.push({ name, bytes: Buffer.from(b.buffer, b.byteOffset, b.byteLength) });
    } catch (err) {
      cannotRead(name, err);
    }
  }
  const read = (f: FormulaFile): FormulaFile => {
    try {
      f.formulas = formulaReader(format, f.bytes, f.name);
    } catch (err) {
      cannotRead(f.name, err);
      f.formulas = () => [];
    }
    return f;
  };
  // Only files that can hold a call are read first, and of them only the formulas that can: the calls
  // say which variables the results went into. Then only the formulas (in any file) that name one of
  // them: no other formula can read an output. Screens are the bulk of an app.
  const calling = files.filter((f) => mayHold(format, f.bytes, [RUN])).map(read);
  const sources = calling.flatMap((f) => selected(f, [RUN]));
  const first = analyzeFormulas(sources, dataSources);
  const variables = resultNames(first);
  if (variables.length === 0) return { byDataSource: byDataSource(first, dataSources, origin, problems.length > 0), problems };
  // A name with a quote is written with it doubled ('it''s'): such names are looked for in every formula.
  const needles = variables.some((v) => v.includes("'")) ? undefined : [RUN, ...variables];
  const rest = files.filter((f) => !calling.includes(f) && mayHold(format, f.bytes, needles)).map(read);
  const facts = analyzeFormulas([...calling, ...rest].flatMap((f) => selected(f, needles)), dataSources);
  return { byDataSource: byDataSource(facts, dataSources, origin, problems.length > 0), problems };
}

const RUN = 'Run';

interface FormulaFile {
  name: string;
  bytes: Buffer;
  /** The file's formulas whose script holds one of the needles (all when undefined); set once the file is read. */
  formulas?: (needles: readonly string[] | undefined) => FormulaSource[];
}

function selected(f: FormulaFile, needles: readonly string[] | undefined): FormulaSource[] {
  return f.formulas ? f.formulas(needles) : [];
}

/**
 * Whether a file's bytes may hold a formula naming one of the needles (every file may, with no needles).
 * An escape could spell a name in other bytes: a Controls JSON file with a `\u` escape, or a YAML file with
 * any backslash (double-quoted scalars), may hold anything.
 */
function mayHold(format: FormulaFormat, bytes: Buffer, needles: readonly string[] | undefined): boolean {
  if (needles === undefined || needles.some((n) => bytes.includes(n))) return true;
  return format === 'controls-json' ? bytes.includes('\\u') : bytes.includes('\\');
}

/**
 * Reads one formula file. Controls JSON is scanned from its bytes (`ControlsScan`), which decodes only the
 * formulas asked for; a document the scan does not take on, and the YAML formats, are read in full.
 */
function formulaReader(format: FormulaFormat, bytes: Buffer, name: string): (needles: readonly string[] | undefined) => FormulaSource[] {
  const scan = format === 'controls-json' ? ControlsScan.of(bytes) : undefined;
  if (scan) return (needles) => scan.formulas(name.replace(/\\/g, '/'), plainNeedles(needles));
  const all = readFormulaSources(format, decodeText(bytes), name);
  return (needles) => (needles === undefined ? all : all.filter((s) => needles.some((n) => s.script.includes(n))));
}

/** Needles a byte search finds exactly: not those with U+FFFD or surrogates, which undecodable bytes or escapes may stand for. */
function plainNeedles(needles: readonly string[] | undefined): readonly string[] | undefined {
  return needles?.some((n) => /[\ufffd\ud800-\udfff]/.test(n)) ? undefined : needles;
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

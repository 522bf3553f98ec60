/**
 * The formula layer: what a canvas app's Power Fx formulas say about the flows it calls.
 * Formulas are read from `Controls/*.json` (in an .msapp), `Src/*.pa.yaml` (current source format)
 * or `Src/*.fx.yaml` (older unpacked sources); see solution-format §4.5–4.6 and §8b.4.
 */

/** One formula of an app: a rule (property) of a control, the App object or a component. */
export interface FormulaSource {
  /** The screen (or `App`, or the component's name) that holds the control. */
  screen: string;
  /** The control's name; for the App object `App`, for a screen the screen's own name. */
  control: string;
  /** The property, e.g. `OnSelect`, `OnStart`, `Formulas`, `Text`. */
  property: string;
  /** The Power Fx text without the leading `=` of YAML sources. */
  script: string;
  /** Where it was read: the file inside the app (`Controls/4.json`, `Src/Home.pa.yaml`). */
  inner: string;
}

/** How the app uses the result of one `.Run(…)` call. */
export type ResultUse =
  /** `Flow.Run(…).field` */
  | { kind: 'field'; field: string }
  /** `Set(name, Flow.Run(…))` — a global variable */
  | { kind: 'global'; name: string }
  /** `UpdateContext({name: Flow.Run(…)})` — a screen (context) variable */
  | { kind: 'context'; name: string }
  /** `With({name: Flow.Run(…)}, …)` — a name visible inside the With */
  | { kind: 'with'; name: string }
  /** `ClearCollect(name, Flow.Run(…))` / `Collect(name, Flow.Run(…))` */
  | { kind: 'collection'; name: string }
  /** The result is not used (`Flow.Run(…);` as a statement, or the last call of a behaviour formula). */
  | { kind: 'discarded' }
  /** The result goes somewhere FlowGuard does not follow; `why` says where. */
  | { kind: 'untraced'; why: string };

/** A `<data source>.Run(…)` call found in a formula. */
export interface CallInFormula {
  /** The flow data source name as the app's DataSources know it (unquoted). */
  dataSource: string;
  /** Number of arguments passed. */
  arguments: number;
  /** The formula text of the call site: trimmed, at most 200 characters. */
  text: string;
  use: ResultUse;
}

/** A call site: a call plus where it is. */
export interface CallSite extends CallInFormula {
  screen: string;
  control: string;
  property: string;
  inner: string;
}

/** A read of one output of a flow's result. */
export interface OutputRead {
  dataSource: string;
  /** The output (response property) name read, e.g. `status`. */
  output: string;
  screen: string;
  control: string;
  property: string;
  inner: string;
  /** How it was reached, e.g. `SubmitRequest.Run(…).status` or `varResult.status (Set in btnSubmit.OnSelect)`. */
  via: string;
}

/** What the formulas of one app say about each of its flow data sources. */
export interface FormulaFacts {
  callSites: CallSite[];
  outputReads: OutputRead[];
  /** Per data source name: true when every call's result use was followed to its reads (or discarded). */
  traced: Map<string, boolean>;
  /** Per data source name: why its result could not be followed (empty or absent when traced). */
  untraced: Map<string, string[]>;
}

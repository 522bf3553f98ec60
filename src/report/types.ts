import type { Diagnostic, Severity } from '../model/types.js';
import type { Finding, RuleMeta } from '../rules/types.js';

export interface SignatureParamJson {
  name: string;
  type: string;
  required: boolean;
  title: string;
}

export interface FlowJson {
  id: string;
  name: string;
  state: 'on' | 'off' | 'unknown';
  trigger: { type: string; kind: string } | null;
  inputs: SignatureParamJson[];
  outputs: { name: string; type: string; title: string }[];
  connections: { key: string; api: string; runtimeSource: string; connectionReference: string | null }[];
  file: string;
  inner?: string;
}

export interface CallJson {
  dataSource: string;
  flowId: string | null;
  resolved: boolean;
  resolvedBy: string | null;
  confidence: 'high' | 'low' | null;
  flowSolution: string | null;
  storedInputs: SignatureParamJson[];
  storedOutputs: { name: string; type: string; title: string }[] | null;
  storedConnections: { key: string; api: string }[];
  /** Where the app's formulas call the flow (absent when the app's formulas were not read). */
  callSites?: { screen: string; control: string; property: string; arguments: number; formula: string; location: { file: string; inner?: string } }[];
  /** The outputs of the flow the formulas read, and how they reach them. */
  outputReads?: { output: string; screen: string; control: string; property: string; via: string }[];
  /** True when every use of the call's result was followed. */
  traced?: boolean;
}

export interface AppJson {
  name: string;
  displayName: string;
  document: string;
  calls: CallJson[];
  file: string;
  inner?: string;
}

export interface SolutionJson {
  path: string;
  uniqueName: string;
  displayName: string;
  version: string;
  managed: 'managed' | 'unmanaged' | 'both' | 'unknown';
  layout: string;
  flows: FlowJson[];
  apps: AppJson[];
}

/** A change between base and head (pull-request mode). */
export interface ChangeJson {
  kind: 'solution' | 'flow' | 'app' | 'connectionReference';
  change: string;
  solution: string;
  name: string;
  id?: string;
  /** A renamed connection reference: its logical name in the base. */
  previousName?: string;
  details: string[];
  /** What every target environment needs because of this change (connection references). */
  targetNeeds?: string[];
}

export interface SuppressedJson {
  ruleId: string;
  rule: string;
  fingerprint: string;
  message: string;
  reason: string;
}

/** What the opt-in target-environment check saw (docs/target-check.md); absent when it was not asked for. */
export interface TargetJson {
  url: string;
  host: string;
  /** How the token was obtained (`token`, `client-secret`, `github-oidc`, `azure-pipelines`, `azure-cli`), null when none was. */
  credential: string | null;
  /** `checked`: every read succeeded; `partial`: some reads failed (see the diagnostics); `not-run`: nothing was read. */
  status: 'checked' | 'partial' | 'not-run';
  /** Why the check did not run, when it did not. */
  reason?: string;
  solutions: { uniqueName: string; /** null when the solutions could not be read. */ installed: boolean | null; version: string | null; managed: boolean | null; exportedVersion: string; exportedManaged: string }[];
  checked: { flows: number; apps: number; connectionReferences: number; layerQueries: number; requests: number };
  coverage: { solutions: boolean; flows: boolean; apps: boolean; connectionReferences: boolean; layers: boolean };
}

/** The JSON report, schema version 1 (docs/report-format.md). */
export interface Report {
  schemaVersion: 1;
  tool: { name: string; version: string };
  solutions: SolutionJson[];
  findings: Finding[];
  /** Findings of the base that the head no longer has (pull-request mode). */
  fixed?: Finding[];
  changes?: ChangeJson[];
  /** Findings the configuration ignores, with the reason it gives (present when any). */
  suppressed?: SuppressedJson[];
  diagnostics: Diagnostic[];
  /** `new` and `changed` (findings by status) only with a base. */
  counts: Record<Severity, number> & { new?: number; changed?: number };
  /** The target environment, when the check was asked for. */
  target?: TargetJson;
}

/** What renderers need besides the report. */
export interface RenderContext {
  rules: readonly RuleMeta[];
  /** Whether findings were compared with a base. */
  compared: boolean;
  /** Link base for rule docs, e.g. `https://github.com/o/r/blob/main/docs/rules/`. */
  docsBase: string;
}

/**
 * The analysis model: what FlowGuard knows about the solutions in a repository.
 * Every value that a finding may point at carries an {@link Origin}.
 * See docs/solution-format.md in the shared docs for the file formats behind each field.
 */

/** Where a value was read: a repository file and, for archives, the path inside it. */
export interface Origin {
  /** Repository-relative path with forward slashes (a zip, a folder file). */
  file: string;
  /** Path inside the archive; nested archives are joined with `!/` (e.g. `CanvasApps/a.msapp!/References/DataSources.json`). */
  inner?: string;
}

export type Severity = 'error' | 'warning' | 'note';

export interface Diagnostic {
  file: string;
  inner?: string;
  severity: Severity;
  message: string;
}

export type Layout = 'zip' | 'unpacked' | 'extracted-zip' | 'yaml' | 'legacy-package';
export type ManagedState = 'managed' | 'unmanaged' | 'both' | 'unknown';
export type FlowState = 'on' | 'off' | 'unknown';
/** How a connection is supplied when the flow runs: the flow's own ("embedded") or the caller's ("invoker", "Provided by run-only user"). */
export type RuntimeSource = 'embedded' | 'invoker' | 'unknown';

export interface ConnectionReferenceDef {
  logicalName: string;
  displayName: string;
  connectorId: string;
  /** Connector API name, e.g. `shared_sharepointonline`. */
  api: string;
  customizable: boolean | undefined;
  origin: Origin;
}

export interface EnvironmentVariableDef {
  schemaName: string;
  type: string;
  hasDefault: boolean;
  origin: Origin;
}

export interface MissingDependency {
  /** Numeric component type of older entries (29 = workflow); undefined for newer ones, which name their type. */
  requiredType: number | undefined;
  /** Logical type name of newer entries (`connectionreference`, `SettingDefinition`, …), lower case; '' for numeric types. */
  requiredTypeName: string;
  /** Schema name or id of the required component (lower case id for workflows). */
  requiredKey: string;
  requiredDisplayName: string;
  requiredSolution: string;
  dependentType: number | undefined;
  dependentKey: string;
}

export interface PublisherInfo {
  uniqueName: string;
  prefix: string;
}

export type TriggerKind = 'PowerApp' | 'PowerAppV2' | string;

export interface FlowTrigger {
  name: string;
  type: string;
  kind: string;
  /** 'v1' for "Ask in PowerApps" (kind PowerApp), 'v2' for kind PowerAppV2, undefined otherwise. */
  powerApps: 'v1' | 'v2' | undefined;
}

export interface SignatureParam {
  name: string;
  /** Normalised type: string, number, boolean, object, array, file, any. */
  type: string;
  required: boolean;
  title: string;
}

export interface SignatureOutput {
  /** Property key; for an array response the item properties are named `[].key`. */
  name: string;
  type: string;
  title: string;
}

export interface FlowResponse {
  action: string;
  /** `PowerApp` ("Respond to a PowerApp or flow") or `Http` (HTTP Response). */
  kind: string;
  asynchronous: boolean;
  /** The status code when it is a literal; undefined for an expression. */
  statusCode: number | undefined;
  /** False for a 4xx/5xx response: the app's call fails, it reads no outputs. */
  success: boolean;
  /** What this response returns (schema property keys, `@@` unescaped). */
  outputs: SignatureOutput[];
}

export interface FlowConnection {
  key: string;
  api: string;
  runtimeSource: RuntimeSource;
  connectionReference: string | undefined;
}

export type WaitKind = 'wait' | 'until' | 'webhook' | 'approval' | 'child-flow' | 'retry' | 'loop' | 'http';

/** An action that can hold the run before it responds to a caller. */
export interface WaitPoint {
  action: string;
  kind: WaitKind;
  /** Lower bound of the time it blocks, in seconds, when it is known (a fixed delay). */
  minSeconds: number | undefined;
  /** True when the action can run before a Response action of the flow; false for every action of a flow with no Response (it answers the app at once). */
  beforeResponse: boolean;
  detail: string;
}

export interface Flow {
  /** Dataverse WorkflowId: lower case, no braces. For legacy packages, the flow's name GUID. */
  id: string;
  name: string;
  state: FlowState;
  category: number | undefined;
  customizable: boolean | undefined;
  trigger: FlowTrigger | undefined;
  inputs: SignatureParam[];
  /** What the flow returns to a caller: the union of its success (2xx) responses. */
  outputs: SignatureOutput[];
  responses: FlowResponse[];
  connections: FlowConnection[];
  waits: WaitPoint[];
  /** WorkflowIds of the child flows this flow calls. */
  childFlows: string[];
  /** True when actions authenticate from the trigger's `X-MS-APIM-Tokens` header (older invoker flows). */
  usesInvokerTokens: boolean;
  /** A hash of the normalised definition (export noise removed), for change detection; '' when not computed. */
  definitionHash: string;
  /** Set when the file parses but is not a usable flow definition: what is missing. Such a flow is never judged for drift. */
  unreadable?: string | undefined;
  origin: Origin;
  metaOrigin: Origin | undefined;
}

export interface StoredConnection {
  /** The flow connection key the app recorded, e.g. `shared_sharepointonline_1`. */
  key: string;
  /** Connector API name, when the app recorded it. */
  api: string;
}

export type ResolvedBy = 'workflowEntityId' | 'connectionReference' | 'appRecord' | 'flowName' | 'name';

/** One flow data source of a canvas app: the app's stored copy of the flow's signature. */
export interface FlowCall {
  dataSource: string;
  serviceKind: string;
  /** WADL `doc/@title`: the flow's display name when it was added. */
  title: string;
  /** The WorkflowId candidates the app carries, by the place they were read. */
  hints: {
    workflowEntityId?: string;
    localConnectionReference?: string;
    appRecord?: string;
    /** Environment-specific flow name (legacy packages only bind on it). */
    workflowName?: string;
  };
  storedInputs: SignatureParam[];
  /** Undefined when the app stored no response (the flow had none when it was added). */
  storedOutputs: SignatureOutput[] | undefined;
  storedConnections: StoredConnection[];
  /** Whether the app recorded its connection dependencies at all (older apps may not). */
  connectionsRecorded: boolean;
  /** Set when the app's stored signature (WADL) could not be read: why. Inputs and outputs are then unknown, not empty. */
  signatureUnreadable?: string | undefined;
  /** What the app's formulas do with this flow; undefined when the app's formulas were not read (none in the export, or unreadable). */
  formulas?: CallFormulas | undefined;
  origin: Origin;
  binding: Binding;
}

/** A call of the flow in one of the app's formulas, located in the repository. */
export interface FormulaCallSite {
  screen: string;
  control: string;
  property: string;
  arguments: number;
  /** The call's text: trimmed, capped, with secrets redacted by the renderers. */
  formula: string;
  /** How the result is used: `discarded`, `field`, `global`, `context`, `with`, `collection`, `untraced`. */
  use: string;
  location: Origin;
}

export interface FormulaOutputRead {
  output: string;
  screen: string;
  control: string;
  property: string;
  via: string;
}

export interface CallFormulas {
  callSites: FormulaCallSite[];
  outputReads: FormulaOutputRead[];
  /** True when every call's result was followed to its reads (or is not used). */
  traced: boolean;
  /** Why the result could not be followed, where it could not. */
  untraced: string[];
}

export interface Binding {
  flowId: string | undefined;
  resolvedBy: ResolvedBy | undefined;
  confidence: 'high' | 'low' | undefined;
  /** Path of the solution that holds the bound flow. */
  solutionPath: string | undefined;
}

export interface CallbackSecret {
  dataSource: string;
  origin: Origin;
}

export interface CanvasApp {
  name: string;
  displayName: string;
  customizable: boolean | undefined;
  /** How the app's document was read. */
  document: 'msapp' | 'unpacked' | 'missing' | 'lfs-pointer' | 'unreadable';
  calls: FlowCall[];
  secrets: CallbackSecret[];
  origin: Origin;
  metaOrigin: Origin | undefined;
}

export interface Solution {
  path: string;
  layout: Layout;
  uniqueName: string;
  displayName: string;
  version: string;
  managed: ManagedState;
  publisher: PublisherInfo;
  /** Unique name of the parent when this is a patch solution. */
  parentSolution: string | undefined;
  connectionReferences: ConnectionReferenceDef[];
  environmentVariables: EnvironmentVariableDef[];
  missingDependencies: MissingDependency[];
  flows: Flow[];
  apps: CanvasApp[];
  origin: Origin;
}

/** Everything read from one set of inputs. */
export interface Workspace {
  solutions: Solution[];
  diagnostics: Diagnostic[];
  deploymentSettings: DeploymentSettingsFile[];
}

export interface DeploymentSettingsFile {
  path: string;
  connectionReferences: { logicalName: string; connectionId: string; connectorId: string }[];
  environmentVariables: { schemaName: string; value: string }[];
}

/**
 * What FlowGuard read from the target environment (opt-in, read-only, Dataverse Web API): the facts
 * the target rules judge. No export shows them. Read by `src/target/read.ts`; see docs/target-check.md.
 * A field that is `undefined` was not read (its query failed or was not run): never evidence of anything.
 */
import type { Diagnostic } from './types.js';
import type { FlowDefinition } from './flow-definition.js';

/** One row of `msdyn_componentlayers`: a solution layer of a component, `order` ascending from the base (1). */
export interface TargetLayer {
  /** The layer's solution unique name; `Active` is the unmanaged layer. */
  solution: string;
  order: number;
  publisher: string;
  /** When the layer last changed the component (ISO date), '' when the service gave none. */
  overwriteTime: string;
}

export interface TargetSolution {
  uniqueName: string;
  id: string;
  version: string;
  managed: boolean;
  installedOn: string;
}

export type TargetFlowState = 'on' | 'off' | 'suspended';

export interface TargetFlow {
  id: string;
  name: string;
  state: TargetFlowState;
  managed: boolean;
  modifiedOn: string;
  /** The flow as the target runs it, read from `clientdata`; undefined when it could not be read (`definitionProblem` says why). */
  definition: FlowDefinition | undefined;
  definitionProblem?: string;
  layers?: TargetLayer[] | undefined;
}

export interface TargetApp {
  name: string;
  id: string;
  displayName: string;
  managed: boolean;
  layers?: TargetLayer[] | undefined;
}

export interface TargetConnectionReference {
  logicalName: string;
  id: string;
  connectorId: string;
  /** The bound connection; undefined when none is bound (the column is null). */
  connectionId: string | undefined;
  layers?: TargetLayer[] | undefined;
}

/** Which reads succeeded: a rule judges only what was read. */
export interface TargetCoverage {
  solutions: boolean;
  flows: boolean;
  apps: boolean;
  connectionReferences: boolean;
  /** Layers were read for every component looked up (a failed layer query leaves that component's `layers` undefined). */
  layers: boolean;
}

export interface TargetSnapshot {
  /** The environment's origin, e.g. `https://contoso.crm.dynamics.com`. */
  url: string;
  host: string;
  /** By lower-case unique name; a solution of the export that is absent here is not installed there. */
  solutions: Map<string, TargetSolution>;
  /** By lower-case workflow id. */
  flows: Map<string, TargetFlow>;
  /** By lower-case logical name. */
  apps: Map<string, TargetApp>;
  /** By lower-case logical name. */
  connectionReferences: Map<string, TargetConnectionReference>;
  coverage: TargetCoverage;
  /** How many requests the check sent (for the report), and layer queries among them. */
  requests: number;
  layerQueries: number;
  diagnostics: Diagnostic[];
}

/** The layers above the base that are unmanaged: an `Active` layer sitting on at least one managed layer. */
export function activeOverManaged(layers: readonly TargetLayer[] | undefined): TargetLayer | undefined {
  if (!layers || layers.length < 2) return undefined;
  const active = layers.find((l) => l.solution.toLowerCase() === 'active');
  if (!active) return undefined;
  return layers.some((l) => l !== active && l.order < active.order) ? active : undefined;
}

/** A snapshot of an environment before anything was read (every coverage false). */
export function emptyTargetSnapshot(url: string, host: string): TargetSnapshot {
  return {
    url,
    host,
    solutions: new Map(),
    flows: new Map(),
    apps: new Map(),
    connectionReferences: new Map(),
    coverage: { solutions: false, flows: false, apps: false, connectionReferences: false, layers: false },
    requests: 0,
    layerQueries: 0,
    diagnostics: [],
  };
}

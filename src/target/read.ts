/**
 * Reads what the target environment holds of the export's solutions: the solutions, then their flows,
 * canvas apps and connection references (looked up in batches), then each component's solution layers
 * (one query per component: the virtual table allows no other). Each read that fails is a diagnostic
 * naming the check and the cause; the others go on.
 * Tables and columns: ../shared/docs/dataverse-target.md; layers:
 * https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/msdyn_componentlayer
 */
import { parseJsonText, prop, str } from '../source/decode.js';
import { readFlowDefinition } from '../model/flow-definition.js';
import type { Diagnostic } from '../model/types.js';
import { emptyTargetSnapshot, type TargetApp, type TargetConnectionReference, type TargetFlow, type TargetFlowState, type TargetLayer, type TargetSnapshot, type TargetSolution } from '../model/target.js';
import { TargetRequestError, type DataverseClient } from './client.js';
import type { EnvironmentUrl } from './environment.js';

/** What to look up: the export's solutions and their components. */
export interface TargetPlan {
  solutions: { uniqueName: string; flows: string[]; apps: string[]; connectionReferences: string[] }[];
}

/** Ids or names per query: the URL stays far below the service's length limit. */
const BATCH = 20;

/** The privilege a read needs, by entity set, for the 403 diagnostic (Security role → Customization / Core Records tabs). */
const PRIVILEGE: Record<string, string> = {
  solutions: 'Read on Solution (prvReadSolution)',
  workflows: 'Read on Process (prvReadWorkflow)',
  canvasapps: 'Read on Canvas App (prvReadCanvasApp)',
  connectionreferences: 'Read on Connection Reference (prvReadconnectionreference)',
  msdyn_componentlayers: 'Read on Solution Component Layer and on Solution (prvReadSolution)',
};

export async function readTarget(client: DataverseClient, env: EnvironmentUrl, plan: TargetPlan): Promise<TargetSnapshot> {
  const snapshot: TargetSnapshot = emptyTargetSnapshot(env.origin, env.host);
  const fail = (check: string, set: string | undefined, err: unknown): void => {
    snapshot.diagnostics.push(diagnostic(env, check, set, err, client));
  };
  const done = (): TargetSnapshot => {
    snapshot.requests = client.requests;
    return snapshot;
  };

  // The cheapest request that proves the token works: a rejected token is one diagnostic, not one per check.
  try {
    await client.get('WhoAmI');
  } catch (err) {
    fail('sign-in', undefined, err);
    return done();
  }

  const names = plan.solutions.map((s) => s.uniqueName);
  try {
    for (const s of await lookUp(client, 'solutions', 'uniquename', names, 'solutionid,uniquename,friendlyname,version,ismanaged,installedon')) {
      const sol = solutionRow(s);
      if (sol) snapshot.solutions.set(sol.uniqueName.toLowerCase(), sol);
    }
    snapshot.coverage.solutions = true;
  } catch (err) {
    fail('solutions', 'solutions', err);
    return done();
  }

  const installed = plan.solutions.filter((s) => snapshot.solutions.has(s.uniqueName.toLowerCase()));
  const unique = (pick: (s: TargetPlan['solutions'][number]) => string[]): string[] => [...new Set(installed.flatMap(pick).map((x) => x.toLowerCase()))].sort();
  const [flowIds, appNames, refNames] = [unique((s) => s.flows), unique((s) => s.apps), unique((s) => s.connectionReferences)];

  await Promise.all([
    lookUp(client, 'workflows', 'workflowid', flowIds, 'workflowid,name,category,statecode,statuscode,clientdata,ismanaged,modifiedon')
      .then((rows) => {
        for (const r of rows) {
          const f = flowRow(r);
          if (f) snapshot.flows.set(f.id, f);
        }
        snapshot.coverage.flows = true;
      })
      .catch((err) => fail('flows', 'workflows', err)),
    lookUp(client, 'canvasapps', 'name', appNames, 'canvasappid,name,displayname,ismanaged')
      .then((rows) => {
        for (const r of rows) {
          const a = appRow(r);
          if (a) snapshot.apps.set(a.name.toLowerCase(), a);
        }
        snapshot.coverage.apps = true;
      })
      .catch((err) => fail('canvas apps', 'canvasapps', err)),
    lookUp(client, 'connectionreferences', 'connectionreferencelogicalname', refNames, 'connectionreferenceid,connectionreferencelogicalname,connectorid,connectionid')
      .then((rows) => {
        for (const r of rows) {
          const c = referenceRow(r);
          if (c) snapshot.connectionReferences.set(c.logicalName.toLowerCase(), c);
        }
        snapshot.coverage.connectionReferences = true;
      })
      .catch((err) => fail('connection references', 'connectionreferences', err)),
  ]);

  await readLayers(client, snapshot, fail);
  return done();
}

/** One layer query per component found; a failed query leaves that component's layers unknown. */
async function readLayers(client: DataverseClient, snapshot: TargetSnapshot, fail: (check: string, set: string, err: unknown) => void): Promise<void> {
  const components: { type: string; id: string; holder: { layers?: TargetLayer[] | undefined } }[] = [
    ...[...snapshot.flows.values()].map((f) => ({ type: 'Workflow', id: f.id, holder: f })),
    ...[...snapshot.apps.values()].map((a) => ({ type: 'CanvasApp', id: a.id, holder: a })),
    ...[...snapshot.connectionReferences.values()].map((c) => ({ type: 'connectionreference', id: c.id, holder: c })),
  ];
  const failures: unknown[] = [];
  await Promise.all(
    components.map(async (c) => {
      // msdyn_componentid is an Edm.String column: the GUID is quoted.
      const filter = `msdyn_componentid eq '${c.id}' and msdyn_solutioncomponentname eq '${c.type}'`;
      try {
        const rows = await client.getAll(`msdyn_componentlayers?$select=msdyn_solutionname,msdyn_order,msdyn_publishername,msdyn_overwritetime&$filter=${encodeURIComponent(filter)}`, 50);
        c.holder.layers = rows.map(layerRow).sort((a, b) => a.order - b.order);
      } catch (err) {
        failures.push(err);
      }
    }),
  );
  snapshot.layerQueries = components.length;
  snapshot.coverage.layers = failures.length === 0;
  if (failures.length > 0) {
    const first = failures[0];
    const lead = failures.length === components.length ? 'every layer query failed' : `${failures.length} of ${components.length} layer queries failed`;
    fail('solution layers', 'msdyn_componentlayers', first instanceof TargetRequestError ? new TargetRequestError(first.kind, `${lead}; the first: ${first.message}`, first.status, first.code) : first);
  }
}

/** Rows whose `column` is one of `values`, in batches (Microsoft.Dynamics.CRM.In), every page. */
async function lookUp(client: DataverseClient, set: string, column: string, values: readonly string[], select: string): Promise<unknown[]> {
  const batches: string[][] = [];
  for (let i = 0; i < values.length; i += BATCH) batches.push(values.slice(i, i + BATCH) as string[]);
  const pages = await Promise.all(
    batches.map((batch) => {
      const list = batch.map((v) => `'${v.replace(/'/g, "''")}'`).join(',');
      const filter = `Microsoft.Dynamics.CRM.In(PropertyName='${column}',PropertyValues=[${list}])`;
      return client.getAll(`${set}?$select=${select}&$filter=${encodeURIComponent(filter)}`);
    }),
  );
  return pages.flat();
}

function solutionRow(r: unknown): TargetSolution | undefined {
  const uniqueName = str(prop(r, 'uniquename'));
  if (!uniqueName) return undefined;
  return { uniqueName, id: str(prop(r, 'solutionid')).toLowerCase(), version: str(prop(r, 'version')), managed: prop(r, 'ismanaged') === true, installedOn: str(prop(r, 'installedon')) };
}

const FLOW_STATE: Record<number, TargetFlowState> = { 0: 'off', 1: 'on', 2: 'suspended' };

function flowRow(r: unknown): TargetFlow | undefined {
  const id = str(prop(r, 'workflowid')).toLowerCase();
  if (!id) return undefined;
  const flow: TargetFlow = {
    id,
    name: str(prop(r, 'name')),
    state: FLOW_STATE[Number(prop(r, 'statecode'))] ?? 'off',
    managed: prop(r, 'ismanaged') === true,
    modifiedOn: str(prop(r, 'modifiedon')),
    definition: undefined,
  };
  const clientdata = prop(r, 'clientdata');
  if (typeof clientdata !== 'string' || clientdata === '') {
    flow.definitionProblem = 'the target holds no definition (clientdata is empty)';
    return flow;
  }
  try {
    const definition = readFlowDefinition(parseJsonText(clientdata), clientdata, false);
    if (definition.unreadable) flow.definitionProblem = `the target's definition is not usable: ${definition.unreadable}`;
    else flow.definition = definition;
  } catch (err) {
    flow.definitionProblem = `the target's definition is not JSON (${(err as Error).message})`;
  }
  return flow;
}

function appRow(r: unknown): TargetApp | undefined {
  const name = str(prop(r, 'name'));
  const id = str(prop(r, 'canvasappid')).toLowerCase();
  if (!name || !id) return undefined;
  return { name, id, displayName: str(prop(r, 'displayname')), managed: prop(r, 'ismanaged') === true };
}

function referenceRow(r: unknown): TargetConnectionReference | undefined {
  const logicalName = str(prop(r, 'connectionreferencelogicalname'));
  const id = str(prop(r, 'connectionreferenceid')).toLowerCase();
  if (!logicalName || !id) return undefined;
  const connection = prop(r, 'connectionid');
  return { logicalName, id, connectorId: str(prop(r, 'connectorid')), connectionId: typeof connection === 'string' && connection.trim() !== '' ? connection : undefined };
}

function layerRow(r: unknown): TargetLayer {
  return {
    solution: str(prop(r, 'msdyn_solutionname')),
    order: Number(prop(r, 'msdyn_order')) || 0,
    publisher: str(prop(r, 'msdyn_publishername')),
    overwriteTime: str(prop(r, 'msdyn_overwritetime')),
  };
}

/** `target check 'flows' could not run on contoso.crm.dynamics.com: …`, with what to grant for a 403. */
function diagnostic(env: EnvironmentUrl, check: string, set: string | undefined, err: unknown, client: DataverseClient): Diagnostic {
  const cause = client.redact(err instanceof Error ? err.message : String(err));
  let hint = '';
  if (err instanceof TargetRequestError) {
    if (err.kind === 'unauthorized') hint = ' The token was rejected: check that the app registration is an application user of this environment and that the token was issued for this environment URL.';
    if (err.kind === 'forbidden' && set) hint = ` Grant the application user's security role ${PRIVILEGE[set] ?? `Read on ${set}`} (docs/target-check.md).`;
  }
  return { file: env.origin, severity: 'warning', message: `target check '${check}' could not run on ${env.host}: ${cause}.${hint}`.replace(/\.\./g, '.') };
}

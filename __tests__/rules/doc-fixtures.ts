/**
 * The rule documentation generator: one small in-memory fixture per rule (built with the solution
 * builder), the text report each one produces, and the generated parts of `docs/rules/`
 * (each page's title, summary and table, each page's example, and the README index).
 *
 * `__tests__/rules/docs.test.ts` compares the pages with what this module generates, and rewrites the
 * generated parts with `UPDATE_DOCS=1`. Every fixture must make its rule fire; the rules it sets off
 * besides (`alsoFires`) are checked too, so a fixture cannot drift into showing something else.
 */
import { classifyFindings, describeChanges } from '../../src/change/compare.js';
import { pairSolutions } from '../../src/compare/pairing.js';
import { matchesAny } from '../../src/config/glob.js';
import { runRules } from '../../src/engine.js';
import type { Workspace } from '../../src/model/types.js';
import { loadWorkspace } from '../../src/model/workspace.js';
import { buildReport } from '../../src/report/build-report.js';
import { renderText } from '../../src/report/text.js';
import { ALL_RULE_META, CHANGE_RULES, TARGET_RULES } from '../../src/rules/registry.js';
import type { Finding, RuleMeta } from '../../src/rules/types.js';
import { modifiedComponents } from '../../src/compare/modified.js';
import { emptyTargetSnapshot, type TargetSnapshot } from '../../src/model/target.js';
import { withTarget } from '../../src/report/build-report.js';
import { targetJson } from '../../src/target/check.js';
import { parseEnvironmentUrl } from '../../src/target/environment.js';
import {
  appRecordConnectorEntry,
  appRecordFlowEntry,
  connectorConnectionEntry,
  connectorAction,
  flowConnectionEntry,
  flowJson,
  memoryTree,
  msapp,
  runAfter,
  solutionZip,
  wadlXml,
  type AppSpec,
  type Content,
  type ConnectionReferenceSpec,
  type FlowConnectionSpec,
  type FlowFileSpec,
  type FlowSpec,
  type OutputSpec,
  type SolutionSpec,
  type WadlInputSpec,
} from '../helpers/solution-builder.js';

// ---------------------------------------------------------------------------------------------
// building blocks: one solution "Contoso" with a canvas app "Requests App" and its flows
// ---------------------------------------------------------------------------------------------

/** Where every fixture puts its solution export. */
export const SOLUTION_PATH = 'solutions/Contoso.zip';

const APP_NAME = 'cts_requests_8f2a1';
const SUBMIT = 'a3c1e0f2-5b7d-4e8a-9c10-2f4b6d8e0a11';
const ARCHIVE = '6d0b9c4e-2a1f-4c3b-8e7d-5f1a2b3c4d22';

const SP_REF = 'cts_sharedsharepointonline_8f2a1';
const O365_REF = 'cts_sharedoffice365_8f2a1';
const SHAREPOINT: ConnectionReferenceSpec = { logicalName: SP_REF, displayName: 'SharePoint Requests', api: 'shared_sharepointonline' };
const OFFICE365: ConnectionReferenceSpec = { logicalName: O365_REF, displayName: 'Office 365 Outlook', api: 'shared_office365' };

const TITLE_INPUT = { name: 'text', type: 'string', title: 'Title' } as const;
const DETAILS_INPUT = { name: 'text_1', type: 'string', title: 'Details' } as const;
const REQUEST_ID: OutputSpec = { name: 'requestid', type: 'string', title: 'RequestId' };
const STATUS: OutputSpec = { name: 'status', type: 'string', title: 'Status' };

/** "Submit Request": a Power Apps (V2) trigger, one input, and "Respond to a PowerApp or flow". */
function submitFlow(o: { inputs?: FlowSpec['inputs']; outputs?: OutputSpec[]; connections?: FlowConnectionSpec[]; actions?: Record<string, unknown>; runAfter?: string[] } = {}): FlowSpec {
  return {
    trigger: 'PowerAppV2',
    inputs: o.inputs ?? [TITLE_INPUT],
    responses: [{ kind: 'PowerApp', outputs: o.outputs ?? [REQUEST_ID], ...(o.runAfter ? { runAfter: o.runAfter } : {}) }],
    connections: o.connections ?? [],
    actions: o.actions ?? {},
  };
}

function flowFile(id: string, name: string, spec: FlowSpec, extra: Partial<FlowFileSpec> = {}): FlowFileSpec {
  return { id, name, json: flowJson(spec), ...extra };
}

/** What the app stored when the flow was added. */
interface StoredCall {
  dataSource: string;
  flowId: string;
  title: string;
  inputs: WadlInputSpec[];
  outputs: OutputSpec[] | undefined;
  /** Flow connection keys and their connectors, as the app recorded them. */
  connections?: { key: string; api: string }[];
  /** An older app's `workFlowCallbackUri` (with its SAS signature). */
  callbackUri?: string;
  /** The app's formula that calls the flow (default: `<DataSource>.Run("x", …)` with one argument per stored input). */
  formula?: string;
}

const storedSubmit = (o: Partial<StoredCall> = {}): StoredCall => ({
  dataSource: 'SubmitRequest',
  flowId: SUBMIT,
  title: 'Submit Request',
  inputs: [{ name: 'text', type: 'string', required: true, title: 'Title' }],
  outputs: [REQUEST_ID],
  ...o,
});

/** "Requests App", calling the given flows (`<DataSource>.Run(...)` in OnStart). */
async function requestsApp(calls: StoredCall[], extra: Partial<AppSpec> = {}): Promise<AppSpec> {
  const local: Record<string, unknown> = {};
  const record: Record<string, unknown> = {};
  calls.forEach((c, i) => {
    const flowConn = `c8fc610e-0000-4000-8000-0000000000${(0xa0 + i).toString(16)}`;
    const deps: Record<string, string> = {};
    (c.connections ?? []).forEach((conn, j) => {
      const id = `91c5bd96-0000-4000-8000-0000000000${(0xb0 + i * 16 + j).toString(16)}`;
      deps[conn.key] = id;
      local[id] = connectorConnectionEntry({ id, api: conn.api, dependents: [flowConn] });
      record[id] = appRecordConnectorEntry({ api: conn.api, dependents: [flowConn] });
    });
    local[flowConn] = flowConnectionEntry({
      id: flowConn,
      dataSources: [c.dataSource],
      workflowEntityId: c.flowId,
      workflowName: `2e4efea9-2784-4d4f-9e0c-8f2a3b1c0d${(0x10 + i).toString(16)}`,
      dependencies: deps,
      ...(c.callbackUri !== undefined ? { callbackUri: c.callbackUri } : {}),
    });
    record[flowConn] = appRecordFlowEntry({ dataSources: [c.dataSource], workflowEntityId: c.flowId, dependencies: deps });
  });
  return {
    name: APP_NAME,
    displayName: 'Requests App',
    msapp: await msapp({
      dataSources: calls.map((c) => ({ name: c.dataSource, workflowEntityId: c.flowId, wadl: wadlXml({ title: c.title, inputs: c.inputs, outputs: c.outputs }) })),
      localConnectionReferences: local,
      onStart: calls.map((c) => c.formula ?? `${c.dataSource}.Run(${c.inputs.map(() => '"x"').join(', ')})`).filter((f) => f !== '').join('; '),
    }),
    connectionReferences: record,
    ...extra,
  };
}

async function contoso(spec: Omit<SolutionSpec, 'solution'> & { solution?: Partial<SolutionSpec['solution']> }): Promise<Record<string, Content>> {
  return { [SOLUTION_PATH]: await solutionZip({ ...spec, solution: { uniqueName: 'Contoso', displayName: 'Contoso Requests', version: '1.0.0.0', managed: false, ...spec.solution } }) };
}

// ---------------------------------------------------------------------------------------------
// one fixture per rule
// ---------------------------------------------------------------------------------------------

export interface DocFixture {
  /** The other rules this fixture sets off (not shown in the example); checked by the test. */
  alsoFires?: string[];
  /** Analyse as a release branch. */
  release?: boolean;
  /** `release.artifacts` globs. */
  artifacts?: string[];
  /** The repository before the change (change rules only). */
  base?: () => Promise<Record<string, Content>>;
  /** The repository (after the change, for change rules). */
  head: () => Promise<Record<string, Content>>;
  /** What the target environment holds (target rules only): built from the head, then changed to show the rule. */
  target?: (head: Workspace, base: Workspace | undefined) => TargetSnapshot;
}

const TARGET_URL = 'https://contoso-prod.crm4.dynamics.com';

/**
 * The target as a managed import of `head` leaves it: the solutions installed managed at the exported
 * version, every flow on with the export's definition, apps and bound connection references, one managed
 * layer each. `change` then alters one fact.
 */
function cleanTarget(head: Workspace, change: (t: TargetSnapshot) => void, base?: Workspace): TargetSnapshot {
  const released = new Map((base?.solutions ?? []).flatMap((s) => s.flows.map((f) => [f.id, f] as const)));
  const env = parseEnvironmentUrl(TARGET_URL);
  const layer = (solution: string) => [{ solution, order: 1, publisher: 'Contoso', overwriteTime: '2026-11-30T10:00:00Z' }];
  const t: TargetSnapshot = { ...emptyTargetSnapshot(env.origin, env.host), coverage: { solutions: true, flows: true, apps: true, connectionReferences: true, layers: true } };
  for (const s of head.solutions) {
    t.solutions.set(s.uniqueName.toLowerCase(), { uniqueName: s.uniqueName, id: '11111111-2222-4333-8444-555555555555', version: '0.9.0.0', managed: true, installedOn: '2026-11-30T10:00:00Z' });
    for (const f of s.flows) t.flows.set(f.id, { id: f.id, name: f.name, state: 'on', managed: true, modifiedOn: '2026-11-30T10:00:00Z', definition: { ...(released.get(f.id) ?? f) }, layers: layer(s.uniqueName) });
    for (const a of s.apps) t.apps.set(a.name.toLowerCase(), { name: a.name, id: '22222222-3333-4444-8555-666666666666', displayName: a.displayName, managed: true, layers: layer(s.uniqueName) });
    for (const f of s.flows) {
      for (const c of f.connections) {
        if (!c.connectionReference) continue;
        t.connectionReferences.set(c.connectionReference.toLowerCase(), { logicalName: c.connectionReference, id: '33333333-4444-4555-8666-777777777777', connectorId: `/providers/Microsoft.PowerApps/apis/${c.api}`, connectionId: 'shared-sharepointonline-0a1b2c', layers: layer(s.uniqueName) });
      }
    }
  }
  t.layerQueries = t.flows.size + t.apps.size + t.connectionReferences.size;
  change(t);
  return t;
}

const ACTIVE = { solution: 'Active', order: 2, publisher: 'Default Publisher', overwriteTime: '2026-12-01T08:30:00Z' };

const SIG_URL = 'https://prod-12.westeurope.logic.azure.com:443/workflows/4f7c2a9e0b1d4c3e8a5f6b7c8d9e0f1a/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=Zm9yLWRvY3Mtb25seS1ub3QtYS1yZWFsLWtleQ';

export const DOC_FIXTURES: Record<string, DocFixture> = {
  // The flow gained a required input (Details) after the app stored its signature.
  FG101: {
    head: async () =>
      contoso({ flows: [flowFile(SUBMIT, 'Submit Request', submitFlow({ inputs: [TITLE_INPUT, DETAILS_INPUT] }))], apps: [await requestsApp([storedSubmit()])] }),
  },
  // The flow no longer returns 'status', which the app reads (App.OnStart sets varResult from the call and reads varResult.status).
  FG102: {
    head: async () =>
      contoso({
        flows: [flowFile(SUBMIT, 'Submit Request', submitFlow())],
        apps: [await requestsApp([storedSubmit({ outputs: [REQUEST_ID, STATUS], formula: 'Set(varResult, SubmitRequest.Run("x")); Notify(varResult.status)' })])],
      }),
  },
  // The flow gained a SharePoint connection after the app recorded only the Outlook one.
  FG103: {
    alsoFires: ['FG301'],
    head: async () =>
      contoso({
        flows: [
          flowFile(
            SUBMIT,
            'Submit Request',
            submitFlow({
              connections: [
                { key: 'shared_office365', api: 'shared_office365', connectionReference: O365_REF },
                { key: 'shared_sharepointonline', api: 'shared_sharepointonline', connectionReference: SP_REF },
              ],
            }),
          ),
        ],
        apps: [await requestsApp([storedSubmit({ connections: [{ key: 'shared_office365', api: 'shared_office365' }] })])],
        connectionReferences: [OFFICE365, SHAREPOINT],
      }),
  },
  // The app also calls "Archive Request", which is in no analysed solution.
  FG104: {
    head: async () =>
      contoso({
        flows: [flowFile(SUBMIT, 'Submit Request', submitFlow())],
        apps: [await requestsApp([storedSubmit(), { dataSource: 'ArchiveRequest', flowId: ARCHIVE, title: 'Archive Request', inputs: [], outputs: undefined }])],
      }),
  },
  // App.OnStart calls the flow with two arguments; the signature the app stored takes one (a hand edit of the formula).
  FG106: {
    head: async () =>
      contoso({ flows: [flowFile(SUBMIT, 'Submit Request', submitFlow())], apps: [await requestsApp([storedSubmit({ formula: 'SubmitRequest.Run("x", "extra")' })])] }),
  },
  // The app keeps "Archive Request" as a data source, but no formula calls it.
  FG107: {
    head: async () =>
      contoso({
        flows: [flowFile(SUBMIT, 'Submit Request', submitFlow()), flowFile(ARCHIVE, 'Archive Request', submitFlow({ inputs: [] }))],
        apps: [await requestsApp([storedSubmit(), { dataSource: 'ArchiveRequest', flowId: ARCHIVE, title: 'Archive Request', inputs: [], outputs: [REQUEST_ID], formula: '' }])],
      }),
  },
  // Base: the app and the flow agree. Head: the flow gains a required input; the app is not touched.
  FG105: {
    alsoFires: ['FG101'],
    base: async () => contoso({ flows: [flowFile(SUBMIT, 'Submit Request', submitFlow())], apps: [await requestsApp([storedSubmit()])] }),
    head: async () =>
      contoso({
        solution: { version: '1.0.0.1' },
        flows: [flowFile(SUBMIT, 'Submit Request', submitFlow({ inputs: [TITLE_INPUT, DETAILS_INPUT] }))],
        apps: [await requestsApp([storedSubmit()])],
      }),
  },
  // The flow the app calls was exported turned off.
  FG201: {
    head: async () => contoso({ flows: [flowFile(SUBMIT, 'Submit Request', submitFlow(), { stateCode: 0 })], apps: [await requestsApp([storedSubmit()])] }),
  },
  // The flow polls in a do-until loop before it responds to the app.
  FG202: {
    head: async () =>
      contoso({
        flows: [
          flowFile(
            SUBMIT,
            'Submit Request',
            submitFlow({
              runAfter: ['Until_request_processed'],
              actions: {
                Until_request_processed: {
                  runAfter: {},
                  type: 'Until',
                  expression: "@equals(variables('status'), 'done')",
                  limit: { count: 60, timeout: 'PT1H' },
                  actions: { Compose: { runAfter: {}, type: 'Compose', inputs: 'poll' } },
                },
              },
            }),
          ),
        ],
        apps: [await requestsApp([storedSubmit()])],
      }),
  },
  // The flow reads SharePoint with each app user's own connection.
  FG301: {
    head: async () =>
      contoso({
        flows: [
          flowFile(
            SUBMIT,
            'Submit Request',
            submitFlow({
              connections: [{ key: 'shared_sharepointonline', api: 'shared_sharepointonline', runtimeSource: 'invoker', connectionReference: SP_REF }],
              actions: { Create_item: connectorAction('shared_sharepointonline', 'shared_sharepointonline', 'PostItem') },
              runAfter: ['Create_item'],
            }),
          ),
        ],
        apps: [await requestsApp([storedSubmit({ connections: [{ key: 'shared_sharepointonline', api: 'shared_sharepointonline' }] })])],
        connectionReferences: [SHAREPOINT],
      }),
  },
  // A scheduled flow uses a connection reference the solution does not contain.
  FG302: {
    head: async () =>
      contoso({
        flows: [
          flowFile('0f3e9d2c-7b6a-4958-a1b2-c3d4e5f60733', 'Nightly Cleanup', {
            trigger: 'Recurrence',
            connections: [{ key: 'shared_sharepointonline', api: 'shared_sharepointonline', connectionReference: SP_REF }],
            actions: { Get_items: connectorAction('shared_sharepointonline', 'shared_sharepointonline', 'GetItems') },
          }),
        ],
      }),
  },
  // The test environment's settings file leaves the SharePoint reference's ConnectionId empty.
  FG303: {
    head: async () => ({
      ...(await contoso({
        flows: [
          flowFile('0f3e9d2c-7b6a-4958-a1b2-c3d4e5f60733', 'Nightly Cleanup', {
            trigger: 'Recurrence',
            connections: [{ key: 'shared_sharepointonline', api: 'shared_sharepointonline', connectionReference: SP_REF }],
            actions: { Get_items: connectorAction('shared_sharepointonline', 'shared_sharepointonline', 'GetItems') },
          }),
        ],
        connectionReferences: [SHAREPOINT],
      })),
      'config/test/deploymentSettings.json': JSON.stringify(
        { EnvironmentVariables: [], ConnectionReferences: [{ LogicalName: SP_REF, ConnectionId: '', ConnectorId: '/providers/Microsoft.PowerApps/apis/shared_sharepointonline' }] },
        null,
        2,
      ),
    }),
  },
  // An unmanaged export analysed on a release branch.
  FG401: {
    release: true,
    head: async () => contoso({ flows: [flowFile(SUBMIT, 'Submit Request', submitFlow())], apps: [await requestsApp([storedSubmit()])] }),
  },
  // A managed export whose flow and app keep "Allow customizations" on (the default).
  FG402: {
    head: async () =>
      contoso({ solution: { managed: true }, flows: [flowFile(SUBMIT, 'Submit Request', submitFlow())], apps: [await requestsApp([storedSubmit()])] }),
  },
  // Base and head both say 1.0.0.0, but the head's flow gained an action.
  FG403: {
    base: async () =>
      contoso({
        flows: [flowFile('0f3e9d2c-7b6a-4958-a1b2-c3d4e5f60733', 'Nightly Cleanup', { trigger: 'Recurrence', actions: { Compose: { runAfter: {}, type: 'Compose', inputs: 'start' } } })],
      }),
    head: async () =>
      contoso({
        flows: [
          flowFile('0f3e9d2c-7b6a-4958-a1b2-c3d4e5f60733', 'Nightly Cleanup', {
            trigger: 'Recurrence',
            actions: { Compose: { runAfter: {}, type: 'Compose', inputs: 'start' }, Compose_2: { runAfter: runAfter('Compose'), type: 'Compose', inputs: 'done' } },
          }),
        ],
      }),
  },
  // This change adds an output to the flow, and someone edited the flow in production: an Active layer sits above the managed one.
  FG601: {
    base: async () => contoso({ flows: [flowFile(SUBMIT, 'Submit Request', submitFlow())], apps: [await requestsApp([storedSubmit()])] }),
    head: async () => contoso({ flows: [flowFile(SUBMIT, 'Submit Request', submitFlow({ outputs: [REQUEST_ID, STATUS] }))], apps: [await requestsApp([storedSubmit({ outputs: [REQUEST_ID, STATUS] })])] }),
    target: (head, base) => cleanTarget(head, (t) => t.flows.get(SUBMIT)?.layers?.push(ACTIVE), base),
  },
  // In production the flow has a second required input that the export does not have.
  FG602: {
    head: async () => contoso({ flows: [flowFile(SUBMIT, 'Submit Request', submitFlow())], apps: [await requestsApp([storedSubmit()])] }),
    target: (head) =>
      cleanTarget(head, (t) => {
        const f = t.flows.get(SUBMIT);
        if (f?.definition) f.definition = { ...f.definition, inputs: [...f.definition.inputs, { name: 'text_1', type: 'string', required: true, title: 'Details' }] };
      }),
  },
  // The app calls a flow that is turned off in production.
  FG603: {
    head: async () => contoso({ flows: [flowFile(SUBMIT, 'Submit Request', submitFlow())], apps: [await requestsApp([storedSubmit()])] }),
    target: (head) =>
      cleanTarget(head, (t) => {
        const f = t.flows.get(SUBMIT);
        if (f) f.state = 'off';
      }),
  },
  // Production has the SharePoint connection reference, but no connection is bound to it.
  FG604: {
    head: async () =>
      contoso({
        flows: [
          flowFile('0f3e9d2c-7b6a-4958-a1b2-c3d4e5f60733', 'Nightly Cleanup', {
            trigger: 'Recurrence',
            connections: [{ key: 'shared_sharepointonline', api: 'shared_sharepointonline', connectionReference: SP_REF }],
            actions: { Get_items: connectorAction('shared_sharepointonline', 'shared_sharepointonline', 'GetItems') },
          }),
        ],
        connectionReferences: [SHAREPOINT],
      }),
    target: (head) =>
      cleanTarget(head, (t) => {
        const c = t.connectionReferences.get(SP_REF);
        if (c) c.connectionId = undefined;
      }),
  },
  // A managed export for an environment where someone imported the solution unmanaged.
  FG605: {
    alsoFires: ['FG402'],
    head: async () => contoso({ solution: { managed: true }, flows: [flowFile(SUBMIT, 'Submit Request', submitFlow())] }),
    target: (head) =>
      cleanTarget(head, (t) => {
        const s = t.solutions.get('contoso');
        if (s) s.managed = false;
      }),
  },
  // Production already runs 1.0.0.0, the version this export carries.
  FG606: {
    head: async () => contoso({ flows: [flowFile(SUBMIT, 'Submit Request', submitFlow())] }),
    target: (head) =>
      cleanTarget(head, (t) => {
        const s = t.solutions.get('contoso');
        if (s) s.version = '1.0.0.0';
      }),
  },
  // An older app kept the flow's signed callback URL.
  FG501: {
    head: async () => contoso({ flows: [flowFile(SUBMIT, 'Submit Request', submitFlow())], apps: [await requestsApp([storedSubmit({ callbackUri: SIG_URL })])] }),
  },
};

// ---------------------------------------------------------------------------------------------
// running a fixture
// ---------------------------------------------------------------------------------------------

/** A target rule's example: the target rules over the fixture's target, as the CLI runs them after the offline analysis. */
async function runTargetExample(fixture: DocFixture, head: Workspace, headFindings: Finding[], release: boolean, only: (l: readonly Finding[]) => Finding[]): Promise<ExampleRun> {
  const base = fixture.base ? await load(await fixture.base()) : undefined;
  const target = (fixture.target as NonNullable<DocFixture['target']>)(head, base);
  const modified = base ? modifiedComponents(pairSolutions(base.solutions, head.solutions), () => true, undefined) : undefined;
  const targetFindings = TARGET_RULES.flatMap((r) => r.checkTarget({ workspace: head, base, target, modified, settings: undefined, release }));
  const env = parseEnvironmentUrl(target.url);
  const report = withTarget(buildReport(head, only(headFindings)), { json: targetJson(env, head, target, 'token', 'checked'), findings: only(targetFindings), diagnostics: [] });
  return { all: [...headFindings, ...targetFindings], diagnostics: [...head.diagnostics, ...(base?.diagnostics ?? [])], text: renderText(report, { rules: ALL_RULE_META, compared: false, docsBase: '' }) };
}

export interface ExampleRun {
  /** Every finding of the fixture, of every rule. */
  all: Finding[];
  /** The text report holding only the findings of the documented rule. */
  text: string;
  /** Diagnostics of reading the fixture (expected to be none). */
  diagnostics: Workspace['diagnostics'];
}

async function load(files: Record<string, Content>): Promise<Workspace> {
  return loadWorkspace(memoryTree(files), { hashes: true });
}

/** Runs the fixture of `ruleId` the way the CLI does, and renders the rule's findings as text. */
export async function runExample(ruleId: string): Promise<ExampleRun> {
  const fixture = DOC_FIXTURES[ruleId];
  if (!fixture) throw new Error(`no doc fixture for ${ruleId}`);
  const artifacts = fixture.artifacts ?? [];
  const ctx = { release: fixture.release ?? false, isReleaseArtifact: (p: string) => matchesAny(p, artifacts) };
  const head = await load(await fixture.head());
  const headFindings = runRules(head, ctx);
  const only = (list: readonly Finding[]): Finding[] => list.filter((f) => f.ruleId === ruleId);
  if (fixture.target) return runTargetExample(fixture, head, headFindings, ctx.release, only);
  if (!fixture.base) {
    const report = buildReport(head, only(headFindings));
    return { all: headFindings, diagnostics: head.diagnostics, text: renderText(report, { rules: ALL_RULE_META, compared: false, docsBase: '' }) };
  }
  // Pull-request mode, as analyzeChange does it for a base given as a folder: every solution counts as touched.
  const base = await load(await fixture.base());
  const baseFindings = runRules(base, ctx);
  const pairs = pairSolutions(base.solutions, head.solutions);
  const changeFindings = CHANGE_RULES.flatMap((r) => r.checkChange({ base, head, pairs, release: ctx.release, touched: () => true }));
  const { findings, fixed } = classifyFindings(baseFindings, [...headFindings, ...changeFindings]);
  const report = buildReport(head, only(findings), { fixed: only(fixed), changes: describeChanges(pairs) });
  return {
    all: findings,
    diagnostics: [...base.diagnostics, ...head.diagnostics],
    text: renderText(report, { rules: ALL_RULE_META, compared: true, docsBase: '' }),
  };
}

// ---------------------------------------------------------------------------------------------
// generated parts of the pages and the index
// ---------------------------------------------------------------------------------------------

export const EXAMPLE_START = '<!-- example:start -->';
export const EXAMPLE_END = '<!-- example:end -->';
export const INDEX_START = '<!-- index:start -->';
export const INDEX_END = '<!-- index:end -->';

/** The headings every rule page has, in this order (the first is `# <id> <name>`). */
export const SECTION_HEADINGS = ['## What it detects', '## Why it matters', '## How to fix', '## When to ignore it', '## Example output'] as const;

const AREAS: Record<string, string> = {
  '1': 'FG1xx: app ↔ flow signature drift',
  '2': 'FG2xx: flow state and run time',
  '3': 'FG3xx: connections',
  '4': 'FG4xx: solution lifecycle',
  '5': 'FG5xx: security',
  '6': 'FG6xx: target environment',
};

export function areaOf(id: string): string {
  return AREAS[id.charAt(2)] ?? 'unknown';
}

export function pageFile(meta: RuleMeta): string {
  return `${meta.id}-${meta.name}.md`;
}

const isChangeRule = (meta: RuleMeta): boolean => CHANGE_RULES.some((r) => r.meta.id === meta.id);

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function codeLinks(meta: RuleMeta): string {
  return meta.errorCodes.length === 0 ? '—' : meta.errorCodes.map((e) => `[${e.code}](${e.docs})`).join(', ');
}

/** The generated top of a rule page: title, summary, and the facts table. */
export function renderPreamble(meta: RuleMeta): string {
  const isTarget = TARGET_RULES.some((r) => r.meta.id === meta.id);
  const runs = isTarget ? 'with --environment-url (reads the target environment)' : isChangeRule(meta) ? 'pull requests (compares base and head)' : 'every analysis';
  return [
    `# ${meta.id} ${meta.name}`,
    '',
    meta.summary,
    '',
    '| Default severity | Predicted error codes | Area | Runs on |',
    '| --- | --- | --- | --- |',
    `| ${meta.defaultSeverity} | ${cell(codeLinks(meta))} | ${areaOf(meta.id)} | ${runs} |`,
    '',
    '',
  ].join('\n');
}

/** The generated example block of a rule page (between the example markers). */
export function renderExampleBlock(text: string): string {
  return `${EXAMPLE_START}\n\`\`\`text\n${text.replace(/\n$/, '')}\n\`\`\`\n${EXAMPLE_END}`;
}

/** The generated rule index of docs/rules/README.md (between the index markers). */
export function renderIndex(metas: readonly RuleMeta[]): string {
  const rows = [...metas]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((m) => `| [${m.id}](${pageFile(m)}) | ${m.name} | ${m.defaultSeverity} | ${cell(codeLinks(m))} | ${cell(m.summary)} |`);
  return [INDEX_START, '| Rule | Name | Default severity | Predicted error codes | Summary |', '| --- | --- | --- | --- | --- |', ...rows, INDEX_END].join('\n');
}

/** The text between two markers (markers included), or undefined when they are missing. */
export function markedBlock(doc: string, start: string, end: string): string | undefined {
  const i = doc.indexOf(start);
  const j = doc.indexOf(end, i + start.length);
  return i < 0 || j < 0 ? undefined : doc.slice(i, j + end.length);
}

/** Replaces the marked block (markers included) with `block`. */
export function replaceBlock(doc: string, start: string, end: string, block: string): string {
  const old = markedBlock(doc, start, end);
  if (old === undefined) throw new Error(`markers ${start} … ${end} not found`);
  return doc.replace(old, () => block);
}

/** The page's generated top: everything before the first `## ` heading. */
export function pagePreamble(doc: string): string {
  const i = doc.indexOf('\n## ');
  return i < 0 ? doc : doc.slice(0, i + 1);
}

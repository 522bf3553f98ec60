/**
 * Hand-built reports for the reporter tests. Names are deliberately hostile: they come from
 * pull-request content, and every reporter must print them safely.
 */
import type { Finding, RuleMeta } from '../../src/rules/types.js';
import type { AppJson, FlowJson, Report, RenderContext, SolutionJson } from '../../src/report/types.js';

export const KB = 'https://learn.microsoft.com/troubleshoot/power-platform/power-apps/connections/best-practices-when-updating-a-flow';
export const DOCS_BASE = 'https://github.com/example/flowguard/blob/v0.1.0/docs/rules/';

/** A secret that must never be printed. */
export const SECRET_SIG = 'abc123';
export const CALLBACK_URL = `https://prod-00.westus.logic.azure.com:443/workflows/0f1e2d/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${SECRET_SIG}`;
export const SUBSCRIPTION_ID = '12345678-1234-4234-9234-123456789abc';
export const RESOURCE_ID = `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/rg-contoso-prod/providers/Microsoft.Logic/workflows/wf1`;

export const HOSTILE_APP = '<img src=x onerror=alert(1)> @octocat **bold** `tick` | pipe\nsecond line #12';
export const HOSTILE_FLOW = 'Pay ``now`` | @octocat/team\r\n<script>alert(1)</script> [x](javascript:alert(1))';

export const RULES: RuleMeta[] = [
  {
    id: 'FG101',
    name: 'flow-input-added',
    defaultSeverity: 'error',
    errorCodes: [
      { code: 'InvokerConnectionOverrideFailed', docs: `${KB}#error-code-invokerconnectionoverridefailed-on-power-automate-flow-run` },
      { code: 'MissingConnectionReference', docs: `${KB}#error-code-missingconnectionreference-on-power-automate-flow-run` },
    ],
    summary: 'A flow called by a canvas app gained a required input that the app does not send.',
    impact: 'Calls from the app fail until the flow is removed from the app and added again.',
  },
  {
    id: 'FG102',
    name: 'flow-output-removed',
    defaultSeverity: 'warning',
    errorCodes: [],
    summary: 'A flow called by a canvas app no longer returns an output the app reads.',
    impact: 'The app reads a blank value where it expects the output.',
  },
  {
    id: 'FG201',
    name: 'disabled-flow',
    defaultSeverity: 'error',
    errorCodes: [{ code: 'WorkflowTriggerIsNotEnabled', docs: `${KB}#error-code-workflowtriggerisnotenabled-on-power-automate-flow-run` }],
    summary: 'A flow called by a canvas app is exported turned off.',
    impact: 'Every call from the app fails until someone turns the flow on.',
  },
  {
    id: 'FG301',
    name: 'embedded-connection',
    defaultSeverity: 'warning',
    errorCodes: [{ code: 'NotAllowedConnectionReference', docs: `${KB}#error-code-notallowedconnectionreference-on-power-automate-flow-run` }],
    summary: 'A flow called by a canvas app uses an embedded connection.',
    impact: 'Callers run the flow with the maker’s connection, or the call is refused.',
  },
  {
    id: 'FG402',
    name: 'unmanaged-release',
    defaultSeverity: 'note',
    errorCodes: [],
    summary: 'An unmanaged solution is exported for release.',
    impact: 'Importing it creates unmanaged layers that hide later updates.',
  },
  {
    id: 'FG501',
    name: 'callback-url-in-source',
    defaultSeverity: 'warning',
    errorCodes: [],
    summary: 'A canvas app stores a signed flow callback URL.',
    impact: 'Anyone with the URL can run the flow.',
  },
];

export const ctx = (compared = false): RenderContext => ({ rules: RULES, compared, docsBase: DOCS_BASE });

const ZIP = 'solutions/ContosoExpenses_1_0_0_3.zip';
const APP_INNER = 'CanvasApps/contoso_expensetracker_a1b2c_DocumentUri.msapp';
const HOSTILE_DIR = 'solutions/Hostile Solution';

export const FLOW_SUBMIT_ID = '6f1c9d2a-0b3e-4c5d-8e7f-0123456789ab';
export const FLOW_APPROVALS_ID = '7a2b3c4d-5e6f-4a1b-9c8d-abcdefabcdef';
export const FLOW_HOSTILE_ID = '8b9c0d1e-2f3a-4b5c-8d6e-fedcba987654';
export const FLOW_UNUSED_ID = '9c0d1e2f-3a4b-4c5d-9e6f-111122223333';

function flow(partial: Partial<FlowJson> & Pick<FlowJson, 'id' | 'name' | 'file'>): FlowJson {
  return {
    state: 'on',
    trigger: { type: 'Request', kind: 'PowerAppV2' },
    inputs: [],
    outputs: [],
    connections: [],
    ...partial,
  };
}

function app(partial: Partial<AppJson> & Pick<AppJson, 'name' | 'displayName' | 'file'>): AppJson {
  return { document: 'msapp', calls: [], ...partial };
}

export function solutions(): SolutionJson[] {
  return [
    {
      path: ZIP,
      uniqueName: 'ContosoExpenses',
      displayName: 'Contoso Expenses',
      version: '1.0.0.3',
      managed: 'unmanaged',
      layout: 'zip',
      flows: [
        flow({
          id: FLOW_SUBMIT_ID,
          name: 'Submit expense',
          file: ZIP,
          inner: `Workflows/Submitexpense-${FLOW_SUBMIT_ID.toUpperCase()}.json`,
          inputs: [{ name: 'text', type: 'string', required: true, title: 'Amount' }],
          outputs: [{ name: 'expenseid', type: 'string', title: 'ExpenseId' }],
          connections: [
            { key: 'shared_sharepointonline', api: 'shared_sharepointonline', runtimeSource: 'invoker', connectionReference: 'contoso_sp' },
            { key: 'shared_office365', api: 'shared_office365', runtimeSource: 'embedded', connectionReference: 'contoso_o365' },
          ],
        }),
        flow({
          id: FLOW_APPROVALS_ID,
          name: 'Get approvals',
          state: 'off',
          file: ZIP,
          inner: `Workflows/Getapprovals-${FLOW_APPROVALS_ID.toUpperCase()}.json`,
          connections: [{ key: 'shared_approvals', api: 'shared_approvals', runtimeSource: 'embedded', connectionReference: null }],
        }),
        flow({ id: FLOW_UNUSED_ID, name: 'Nightly cleanup', trigger: { type: 'Recurrence', kind: '' }, file: ZIP, inner: 'Workflows/Nightlycleanup.json' }),
      ],
      apps: [
        app({
          name: 'contoso_expensetracker_a1b2c',
          displayName: 'Expense Tracker',
          file: ZIP,
          inner: APP_INNER,
          calls: [
            {
              dataSource: 'Submitexpense',
              // The app stores the id in upper case with braces: lookups must normalise it.
              flowId: `{${FLOW_SUBMIT_ID.toUpperCase()}}`,
              resolved: true,
              resolvedBy: 'workflowEntityId',
              confidence: 'high',
              flowSolution: ZIP,
              storedInputs: [],
              storedOutputs: null,
              storedConnections: [{ key: 'shared_sharepointonline', api: 'shared_sharepointonline' }],
            },
            {
              dataSource: 'Getapprovals',
              flowId: FLOW_APPROVALS_ID,
              resolved: true,
              resolvedBy: 'name',
              confidence: 'low',
              flowSolution: ZIP,
              storedInputs: [],
              storedOutputs: [],
              storedConnections: [],
            },
          ],
        }),
      ],
    },
    {
      path: HOSTILE_DIR,
      uniqueName: 'evil_sol|x',
      displayName: '@octocat #7 **Solution**',
      version: '2.0.0.0',
      managed: 'managed',
      layout: 'unpacked',
      flows: [
        flow({
          id: FLOW_HOSTILE_ID,
          name: HOSTILE_FLOW,
          file: `${HOSTILE_DIR}/Workflows/Pay-${FLOW_HOSTILE_ID}.json`,
          connections: [{ key: 'shared_commondataserviceforapps', api: 'shared_commondataserviceforapps', runtimeSource: 'embedded', connectionReference: null }],
        }),
      ],
      apps: [
        app({
          name: 'evil_app',
          displayName: HOSTILE_APP,
          file: `${HOSTILE_DIR}/CanvasApps/evil_app.meta.xml`,
          calls: [
            {
              dataSource: 'Pay|now`',
              flowId: FLOW_HOSTILE_ID,
              resolved: true,
              resolvedBy: 'workflowEntityId',
              confidence: 'high',
              flowSolution: HOSTILE_DIR,
              storedInputs: [],
              storedOutputs: null,
              storedConnections: [],
            },
            {
              // Calls the Contoso flow across solutions.
              dataSource: 'Submitexpense',
              flowId: FLOW_SUBMIT_ID,
              resolved: true,
              resolvedBy: 'workflowEntityId',
              confidence: 'high',
              flowSolution: ZIP,
              storedInputs: [],
              storedOutputs: null,
              storedConnections: [],
            },
            {
              dataSource: 'Ghost flow',
              flowId: null,
              resolved: false,
              resolvedBy: null,
              confidence: null,
              flowSolution: null,
              storedInputs: [],
              storedOutputs: null,
              storedConnections: [],
            },
          ],
        }),
      ],
    },
    {
      path: 'solutions/Empty',
      uniqueName: 'EmptySolution',
      displayName: 'Empty',
      version: '1.0.0.0',
      managed: 'unmanaged',
      layout: 'unpacked',
      flows: [],
      apps: [],
    },
  ];
}

const contoso = { uniqueName: 'ContosoExpenses', path: ZIP };
const hostile = { uniqueName: 'evil_sol|x', path: HOSTILE_DIR };
const tracker = { name: 'contoso_expensetracker_a1b2c', displayName: 'Expense Tracker' };
const evilApp = { name: 'evil_app', displayName: HOSTILE_APP };

/** Findings of all severities, across two solutions, one app calling two flows. Unsorted on purpose. */
export function findings(): Finding[] {
  return [
    {
      ruleId: 'FG402',
      rule: 'unmanaged-release',
      severity: 'note',
      errorCodes: [],
      message: "Solution 'ContosoExpenses' is exported unmanaged for a release branch.",
      solution: contoso,
      app: undefined,
      flow: undefined,
      location: { file: ZIP, inner: 'solution.xml' },
      mitigation: ['Export the solution as managed for release.'],
      fingerprint: 'fp-402-contoso',
    },
    {
      ruleId: 'FG301',
      rule: 'embedded-connection',
      severity: 'warning',
      errorCodes: ['NotAllowedConnectionReference'],
      message: `Canvas app '${HOSTILE_APP}' calls flow '${HOSTILE_FLOW}', whose connection 'shared_commondataserviceforapps' is embedded.`,
      solution: hostile,
      app: evilApp,
      flow: { id: FLOW_HOSTILE_ID, name: HOSTILE_FLOW },
      location: { file: `${HOSTILE_DIR}/Workflows/Pay-${FLOW_HOSTILE_ID}.json` },
      mitigation: [
        `Open flow '${HOSTILE_FLOW}' and set the connection to "Provided by run-only user".`,
        `Remove the flow from app '${HOSTILE_APP}' and add it again, then publish.`,
      ],
      fingerprint: 'fp-301-evil',
    },
    {
      ruleId: 'FG201',
      rule: 'disabled-flow',
      severity: 'error',
      errorCodes: ['WorkflowTriggerIsNotEnabled'],
      message: "Flow 'Get approvals', called by canvas app 'Expense Tracker', is exported turned off.",
      solution: contoso,
      app: tracker,
      flow: { id: FLOW_APPROVALS_ID, name: 'Get approvals' },
      location: { file: ZIP, inner: `Workflows/Getapprovals-${FLOW_APPROVALS_ID.toUpperCase()}.json` },
      mitigation: ['Turn the flow on in the source environment.', 'Export the solution again.'],
      fingerprint: 'fp-201-approvals',
    },
    {
      ruleId: 'FG501',
      rule: 'callback-url-in-source',
      severity: 'warning',
      errorCodes: [],
      message: `Canvas app 'Expense Tracker' stores the flow callback URL ${CALLBACK_URL} (workFlowCallbackUri).`,
      solution: contoso,
      app: tracker,
      flow: undefined,
      location: { file: ZIP, inner: `${APP_INNER}!/References/DataSources.json` },
      mitigation: [`Regenerate the callback URL of ${RESOURCE_ID} and remove it from the app.`],
      fingerprint: 'fp-501-tracker',
    },
    {
      ruleId: 'FG101',
      rule: 'flow-input-added',
      severity: 'error',
      errorCodes: ['InvokerConnectionOverrideFailed', 'MissingConnectionReference'],
      message: "Flow 'Submit expense' now requires input 'Amount', which canvas app 'Expense Tracker' does not send.",
      solution: contoso,
      app: tracker,
      flow: { id: FLOW_SUBMIT_ID, name: 'Submit expense' },
      location: { file: ZIP, inner: `${APP_INNER}!/References/DataSources.json` },
      mitigation: [
        'Open the app in Power Apps Studio in the development environment.',
        "Remove flow 'Submit expense' from the app and add it again.",
        'Save, publish and export the solution again.',
      ],
      fingerprint: 'fp-101-submit',
    },
    {
      ruleId: 'FG101',
      rule: 'flow-input-added',
      severity: 'error',
      errorCodes: ['InvokerConnectionOverrideFailed'],
      message: `Flow 'Submit expense' now requires input 'Amount', which canvas app '${HOSTILE_APP}' does not send.`,
      solution: hostile,
      app: evilApp,
      flow: { id: FLOW_SUBMIT_ID, name: 'Submit expense' },
      location: { file: `${HOSTILE_DIR}/CanvasApps/evil_app.meta.xml` },
      mitigation: ["Remove flow 'Submit expense' from the app and add it again."],
      fingerprint: 'fp-101-evil',
    },
  ];
}

function base(): Report {
  const f = findings();
  return {
    schemaVersion: 1,
    tool: { name: 'FlowGuard', version: '0.1.0' },
    solutions: solutions(),
    findings: f,
    diagnostics: [
      { file: 'solutions/Broken.zip', severity: 'warning', message: 'The archive is not a valid zip file.' },
      {
        file: ZIP,
        inner: 'CanvasApps/contoso_other_DocumentUri.msapp',
        severity: 'note',
        message: `The app is a Git LFS pointer; see ${RESOURCE_ID}.`,
      },
    ],
    counts: { error: 3, warning: 2, note: 1 },
  };
}

/** A full audit: no base compared. */
export function auditReport(): Report {
  return base();
}

/** A pull-request report: some findings are new, some were already there, one was fixed. */
export function comparedReport(): Report {
  const r = base();
  const status: Record<string, 'new' | 'existing'> = {
    'fp-101-submit': 'new',
    'fp-101-evil': 'new',
    'fp-301-evil': 'new',
    'fp-201-approvals': 'existing',
    'fp-501-tracker': 'existing',
    'fp-402-contoso': 'existing',
  };
  r.findings = r.findings.map((f) => ({ ...f, status: status[f.fingerprint] }));
  r.fixed = [
    {
      ruleId: 'FG102',
      rule: 'flow-output-removed',
      severity: 'warning',
      errorCodes: [],
      message: "Flow 'Submit expense' no longer returns output 'ExpenseId', which canvas app 'Expense Tracker' reads.",
      solution: contoso,
      app: tracker,
      flow: { id: FLOW_SUBMIT_ID, name: 'Submit expense' },
      location: { file: ZIP, inner: `${APP_INNER}!/References/DataSources.json` },
      mitigation: ['Add the output back.'],
      fingerprint: 'fp-102-submit',
      status: 'existing',
    },
  ];
  r.changes = [
    { kind: 'app', change: 'modified', solution: 'ContosoExpenses', name: 'Expense Tracker', details: [] },
    {
      kind: 'flow',
      change: 'modified',
      solution: 'ContosoExpenses',
      name: 'Submit expense',
      id: FLOW_SUBMIT_ID.toUpperCase(),
      details: ["Input 'Amount' added (required).", `Callback ${CALLBACK_URL} rotated.`],
    },
    { kind: 'flow', change: 'added', solution: 'ContosoExpenses', name: 'Nightly cleanup', id: FLOW_UNUSED_ID, details: [] },
    { kind: 'solution', change: 'version 1.0.0.2 → 1.0.0.3', solution: 'ContosoExpenses', name: 'Contoso Expenses', details: [] },
    {
      kind: 'connectionReference',
      change: 'renamed',
      solution: 'ContosoExpenses',
      name: 'contoso_sharepoint_2',
      previousName: 'contoso_<b>sp</b> @octocat',
      details: ["'contoso_<b>sp</b> @octocat' → 'contoso_sharepoint_2' (shared_sharepointonline)", "flow 'Submit expense': connection 'shared_sharepointonline' → 'shared_sharepointonline_1'"],
      targetNeeds: ["a shared_sharepointonline connection for 'contoso_sharepoint_2'", "a deployment-settings entry for 'contoso_sharepoint_2'"],
    },
  ];
  r.counts = { error: 3, warning: 2, note: 1, new: 3 };
  return r;
}

/** Three solutions, nothing wrong. */
export function cleanReport(): Report {
  return {
    schemaVersion: 1,
    tool: { name: 'FlowGuard', version: '0.1.0' },
    solutions: solutions(),
    findings: [],
    diagnostics: [],
    counts: { error: 0, warning: 0, note: 0 },
  };
}

/** Fisher–Yates with a seeded PRNG (mulberry32), so failures reproduce. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  let a = seed >>> 0;
  const rand = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

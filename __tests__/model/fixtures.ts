/**
 * Shared inline solutions for the reader tests (built with the solution builder; nothing from the corpus).
 */
import type { Solution, Workspace } from '../../src/model/types.js';
import { loadWorkspace } from '../../src/model/workspace.js';
import {
  appRecordConnectorEntry,
  appRecordFlowEntry,
  connectorConnectionEntry,
  flowConnectionEntry,
  flowJson,
  memoryTree,
  msapp,
  unpackedTree,
  wadlXml,
  type Content,
  type FlowSpec,
  type SolutionSpec,
} from '../helpers/solution-builder.js';

export const GET_ORDERS = 'b8e08097-2001-ee11-8f6e-000d3a475ad5';
export const SUBMIT_ORDER = '5abbafc2-37cf-ec11-a7b5-0022486dabee';
export const CLASSIC = '11111111-2222-3333-4444-555555555555';
export const APP = 'cts_orders_1a2b3';

/** App-local connection ids. */
export const CONN_FLOW_A = 'c8fc610e-0000-4000-8000-00000000000a';
export const CONN_FLOW_B = 'c8fc610e-0000-4000-8000-00000000000b';
export const CONN_SP = '91c5bd96-0000-4000-8000-000000000001';

export const getOrdersFlow: FlowSpec = {
  trigger: 'PowerAppV2',
  inputs: [
    { name: 'text', type: 'string', title: 'Customer', enum: ['nl', 'en'] },
    { name: 'number_1', type: 'number', title: 'Max rows' },
    { name: 'boolean', type: 'boolean', title: 'Include closed', required: false },
  ],
  responses: [
    {
      kind: 'Http',
      array: true,
      outputs: [
        { name: 'id', type: 'string' },
        { name: 'total', type: 'number' },
      ],
      runAfter: ['Get_items'],
    },
  ],
  connections: [
    { key: 'shared_sharepointonline', api: 'shared_sharepointonline', runtimeSource: 'invoker', connectionReference: 'cts_sharedsharepointonline_1a2b3' },
    { key: 'shared_office365_1', api: 'shared_office365', runtimeSource: 'embedded', connectionReference: 'cts_sharedoffice365_1a2b3' },
  ],
  actions: {
    Get_items: {
      runAfter: {},
      type: 'OpenApiConnection',
      inputs: {
        host: { connectionName: 'shared_sharepointonline', operationId: 'GetItems', apiId: '/providers/Microsoft.PowerApps/apis/shared_sharepointonline' },
        parameters: { dataset: 'https://contoso.sharepoint.com/sites/orders', table: 'Orders' },
        authentication: "@parameters('$authentication')",
      },
    },
  },
};

export const submitOrderFlow: FlowSpec = {
  trigger: 'PowerApp',
  inputs: [
    { name: 'Compose_Inputs', type: 'string' },
    { name: 'Createfile_FileName', type: 'string' },
  ],
  responses: [{ kind: 'PowerApp', outputs: [{ name: 'thereturnstring', type: 'string', title: 'theReturnString' }] }],
  connections: [{ key: 'shared_commondataserviceforapps', api: 'shared_commondataserviceforapps', connectionReference: 'cts_shareddataverse_1a2b3' }],
};

export async function ordersMsapp(): Promise<Uint8Array> {
  return msapp({
    dataSources: [
      {
        name: 'GetOrders',
        workflowEntityId: GET_ORDERS,
        wadl: wadlXml({
          title: 'Get Orders',
          inputs: [
            { name: 'text', type: 'string', required: true, title: 'Customer' },
            { name: 'number_1', type: 'number', required: true, title: 'Max rows' },
            { name: 'boolean', type: 'boolean', required: false, title: 'Include closed' },
          ],
          outputs: [
            { name: 'id', type: 'string' },
            { name: 'total', type: 'number' },
          ],
          arrayOutput: true,
        }),
      },
      {
        name: 'SubmitOrder',
        workflowEntityId: null,
        wadl: wadlXml({
          title: 'Submit Order',
          inputs: [
            { name: 'Compose_Inputs', type: 'string', required: true },
            { name: 'Createfile_FileName', type: 'string', required: true },
          ],
          outputs: [{ name: 'thereturnstring', type: 'string' }],
        }),
      },
    ],
    localConnectionReferences: {
      [CONN_FLOW_A]: flowConnectionEntry({
        id: CONN_FLOW_A,
        dataSources: ['GetOrders'],
        workflowEntityId: GET_ORDERS,
        workflowName: '2e4efea9-2784-4d4f-9e0c-8f2a3b1c0d11',
        dependencies: { shared_sharepointonline: CONN_SP },
      }),
      [CONN_FLOW_B]: flowConnectionEntry({ id: CONN_FLOW_B, dataSources: ['SubmitOrder'], workflowEntityId: SUBMIT_ORDER, workflowName: '44e16da7-0000-4000-8000-000000000002' }),
      [CONN_SP]: connectorConnectionEntry({ id: CONN_SP, api: 'shared_sharepointonline', dependents: [CONN_FLOW_A] }),
    },
    onStart: "ClearCollect(colOrders, GetOrders.Run(\"nl\", 10, false)); Set(r, SubmitOrder.Run(\"a\", \"b\").thereturnstring)",
  });
}

/** A realistic solution: a V2 flow with an HTTP array Response, a V1 flow (off), a classic process and an app calling both flows. */
export async function ordersSpec(overrides: Partial<SolutionSpec> = {}): Promise<SolutionSpec> {
  return {
    solution: { uniqueName: 'OrdersSolution', displayName: 'Orders', version: '1.2.3.4', managed: false, publisher: { uniqueName: 'Contoso', prefix: 'cts' } },
    flows: [
      { id: GET_ORDERS, name: 'Get Orders', json: flowJson(getOrdersFlow), stateCode: 1 },
      { id: SUBMIT_ORDER, name: 'Submit Order', json: flowJson(submitOrderFlow), stateCode: 0 },
      { id: CLASSIC, name: 'Classic Process', category: 0, jsonFileName: `/Workflows/ClassicProcess-${CLASSIC.toUpperCase()}.xaml`, json: '<Activity x:Class="XrmWorkflow" />' },
    ],
    apps: [
      {
        name: APP,
        displayName: 'Orders App',
        msapp: await ordersMsapp(),
        connectionReferences: {
          [CONN_FLOW_A]: appRecordFlowEntry({ dataSources: ['GetOrders'], workflowEntityId: GET_ORDERS, dependencies: { shared_sharepointonline: CONN_SP } }),
          [CONN_SP]: appRecordConnectorEntry({ api: 'shared_sharepointonline', dependents: [CONN_FLOW_A] }),
        },
      },
    ],
    connectionReferences: [
      { logicalName: 'cts_sharedsharepointonline_1a2b3', displayName: 'SharePoint Orders', api: 'shared_sharepointonline' },
      { logicalName: 'cts_sharedoffice365_1a2b3', api: 'shared_office365' },
    ],
    ...overrides,
  };
}

/** Loads an in-memory repository. */
export async function load(files: Record<string, Content>): Promise<Workspace> {
  return loadWorkspace(memoryTree(files), { hashes: true });
}

/** The one solution at `path`. */
export function solutionAt(ws: Workspace, path: string): Solution {
  const s = ws.solutions.find((x) => x.path === path);
  if (!s) throw new Error(`no solution at '${path}' (have: ${ws.solutions.map((x) => x.path).join(', ')})`);
  return s;
}

/** A solution's content without where it was read, for comparing layouts. */
export function essence(s: Solution): unknown {
  return {
    uniqueName: s.uniqueName,
    displayName: s.displayName,
    version: s.version,
    publisher: s.publisher,
    connectionReferences: s.connectionReferences.map(({ origin: _o, ...rest }) => rest),
    flows: s.flows.map(({ origin: _o, metaOrigin: _m, ...rest }) => rest),
    apps: s.apps.map(({ origin: _o, metaOrigin: _m, calls, secrets, ...rest }) => ({
      ...rest,
      calls: calls.map(({ origin: _c, binding, formulas, ...c }) => ({
        ...c,
        binding: { ...binding, solutionPath: undefined },
        // Call sites are compared by their path inside the app: each layout keeps the app elsewhere.
        formulas: formulas && { ...formulas, callSites: formulas.callSites.map(({ location, ...site }) => ({ ...site, inner: location.inner?.slice(location.inner.lastIndexOf('!/') + 1).replace(/^\//, '') })) },
      })),
      secrets: secrets.map((x) => x.dataSource),
    })),
  };
}

/** A single unpacked solution holding the given flows (for flow-definition tests). */
export async function loadFlows(flows: { id: string; name: string; spec: FlowSpec | string; stateCode?: 0 | 1 | 2 }[]): Promise<Workspace> {
  const files = unpackedTree({
    solution: { uniqueName: 'Flows' },
    flows: flows.map((f) => ({ id: f.id, name: f.name, stateCode: f.stateCode, json: typeof f.spec === 'string' ? f.spec : flowJson(f.spec) })),
  });
  return load(files);
}

import { describe, expect, it } from '@jest/globals';
import type { Flow } from '../../src/model/types.js';
import {
  approvalAction,
  childFlowAction,
  connectorAction,
  delayAction,
  flowDefinition,
  responseAction,
  runAfter,
  type FlowSpec,
} from '../helpers/solution-builder.js';
import { loadFlows } from './fixtures.js';

const ID = 'dc7b3a10-1111-4000-8000-000000000001';

async function flowOf(spec: FlowSpec | string): Promise<Flow> {
  const ws = await loadFlows([{ id: ID, name: 'The Flow', spec }]);
  expect(ws.diagnostics).toEqual([]);
  const flow = ws.solutions[0]?.flows[0];
  if (!flow) throw new Error('flow not read');
  return flow;
}

describe('triggers and inputs', () => {
  it('reads V2 (PowerAppV2) inputs in schema order with types, required flags and titles', async () => {
    const flow = await flowOf({
      trigger: 'PowerAppV2',
      inputs: [
        { name: 'text_1', type: 'string', title: 'Zeta' },
        { name: 'number', type: 'integer', title: 'Alpha' },
        { name: 'text', type: 'string', title: 'Middle', required: false },
        { name: 'file', type: 'object', title: 'File Content', required: false },
      ],
    });
    expect(flow.trigger).toEqual({ name: 'manual', type: 'Request', kind: 'PowerAppV2', powerApps: 'v2' });
    // Order is the Run() argument order: the schema's key order, not alphabetical.
    expect(flow.inputs).toEqual([
      { name: 'text_1', type: 'string', required: true, title: 'Zeta' },
      { name: 'number', type: 'number', required: true, title: 'Alpha' },
      { name: 'text', type: 'string', required: false, title: 'Middle' },
      { name: 'file', type: 'object', required: false, title: 'File Content' },
    ]);
    expect(flow.responses).toEqual([]);
    expect(flow.outputs).toEqual([]);
  });

  it('reads V1 (PowerApp, "Ask in PowerApps") inputs, which have no titles', async () => {
    const flow = await flowOf({
      trigger: 'PowerApp',
      inputs: [
        { name: 'Initializevariable_Value', type: 'string' },
        { name: 'Updatefileproperties_Item', type: 'any' },
      ],
    });
    expect(flow.trigger).toMatchObject({ kind: 'PowerApp', powerApps: 'v1' });
    expect(flow.inputs).toEqual([
      { name: 'Initializevariable_Value', type: 'string', required: true, title: '' },
      { name: 'Updatefileproperties_Item', type: 'any', required: true, title: '' },
    ]);
  });

  it('reads no inputs for triggers an app cannot call', async () => {
    const button = await flowOf({ trigger: 'Button', inputs: [{ name: 'text', type: 'string' }] });
    expect(button.trigger).toEqual({ name: 'manual', type: 'Request', kind: 'Button', powerApps: undefined });
    expect(button.inputs).toEqual([]);
    const recurrence = await flowOf({ trigger: 'Recurrence' });
    expect(recurrence.trigger).toEqual({ name: 'manual', type: 'Recurrence', kind: '', powerApps: undefined });
    const automated = await flowOf({ trigger: 'Dataverse' });
    expect(automated.trigger?.type).toBe('OpenApiConnectionWebhook');
    expect(automated.trigger?.powerApps).toBeUndefined();
  });
});

describe('responses and outputs', () => {
  it('reads a "Respond to a PowerApp or flow" response (kind PowerApp) by schema keys, with titles', async () => {
    const flow = await flowOf({
      trigger: 'PowerAppV2',
      responses: [
        {
          kind: 'PowerApp',
          asynchronous: true,
          outputs: [
            { name: 'thereturnstring', type: 'string', title: 'theReturnString' },
            { name: 'count', type: 'number', title: 'Count' },
          ],
        },
      ],
    });
    expect(flow.responses).toEqual([{ action: 'Respond_to_a_PowerApp_or_flow', kind: 'PowerApp', asynchronous: true, statusCode: 200, success: true, outputs: flow.outputs }]);
    expect(flow.outputs).toEqual([
      { name: 'count', type: 'number', title: 'Count' },
      { name: 'thereturnstring', type: 'string', title: 'theReturnString' },
    ]);
  });

  it('reads an HTTP Response with an array schema as `[].field` outputs', async () => {
    const flow = await flowOf({
      trigger: 'PowerAppV2',
      responses: [
        {
          kind: 'Http',
          array: true,
          outputs: [
            { name: 'title', type: 'string' },
            { name: 'year', type: 'integer' },
          ],
        },
      ],
    });
    expect(flow.responses).toEqual([{ action: 'Response', kind: 'Http', asynchronous: false, statusCode: 200, success: true, outputs: flow.outputs }]);
    expect(flow.outputs).toEqual([
      { name: '[].title', type: 'string', title: '' },
      { name: '[].year', type: 'number', title: '' },
    ]);
  });

  it('finds Response actions nested in Scope, If/else and Switch cases and default', async () => {
    const resp = (name: string): Record<string, unknown> => responseAction({ kind: 'PowerApp', outputs: [{ name, type: 'string' }] });
    const flow = await flowOf({
      trigger: 'PowerAppV2',
      actions: {
        Try: { type: 'Scope', runAfter: {}, actions: { Respond_in_scope: resp('fromscope') } },
        Condition: {
          type: 'If',
          runAfter: runAfter('Try'),
          expression: { and: [{ equals: ['@true', '@true'] }] },
          actions: { Respond_yes: resp('yes') },
          else: { actions: { Respond_no: resp('no') } },
        },
        Switch: {
          type: 'Switch',
          runAfter: runAfter('Condition'),
          expression: '@triggerBody()',
          cases: { Case: { case: 'a', actions: { Respond_case: resp('incase') } } },
          default: { actions: { Respond_default: resp('indefault') } },
        },
      },
    });
    expect(flow.responses.map((r) => r.action).sort()).toEqual(['Respond_case', 'Respond_default', 'Respond_in_scope', 'Respond_no', 'Respond_yes']);
    expect(flow.outputs.map((o) => o.name).sort()).toEqual(['fromscope', 'incase', 'indefault', 'no', 'yes']);
  });
});

describe('connections', () => {
  it('reads runtimeSource per connection key, the connection reference and the API', async () => {
    const flow = await flowOf({
      trigger: 'PowerAppV2',
      connections: [
        { key: 'shared_sharepointonline_1', api: 'shared_sharepointonline', runtimeSource: 'invoker', connectionReference: 'cat_SharePoint' },
        { key: 'shared_office365', api: 'shared_office365', runtimeSource: 'embedded', connectionReference: 'cat_Outlook' },
        { key: 'shared_approvals-2', api: 'shared_approvals', runtimeSource: null },
      ],
    });
    expect(flow.connections).toEqual([
      { key: 'shared_approvals-2', api: 'shared_approvals', runtimeSource: 'embedded', connectionReference: undefined },
      { key: 'shared_office365', api: 'shared_office365', runtimeSource: 'embedded', connectionReference: 'cat_Outlook' },
      { key: 'shared_sharepointonline_1', api: 'shared_sharepointonline', runtimeSource: 'invoker', connectionReference: 'cat_SharePoint' },
    ]);
    expect(flow.usesInvokerTokens).toBe(false);
  });

  it('flags the older X-MS-APIM-Tokens invoker authentication', async () => {
    const def = flowDefinition({ trigger: 'PowerApp', connections: [{ key: 'shared_commondataservice', api: 'shared_commondataservice', runtimeSource: 'invoker' }] }) as {
      properties: { definition: { actions: Record<string, unknown> } };
    };
    def.properties.definition.actions.List_records = {
      runAfter: {},
      type: 'OpenApiConnection',
      inputs: {
        host: { connectionName: 'shared_commondataservice', operationId: 'GetItems_V2', apiId: '/providers/Microsoft.PowerApps/apis/shared_commondataservice' },
        authentication: { type: 'Raw', value: "@json(decodeBase64(triggerOutputs().headers['X-MS-APIM-Tokens']))['$ConnectionKey']" },
      },
    };
    const flow = await flowOf(JSON.stringify(def));
    expect(flow.usesInvokerTokens).toBe(true);
    expect(flow.connections[0]?.runtimeSource).toBe('invoker');
  });
});

describe('actions that wait', () => {
  const respond = (after: string[]): Record<string, unknown> => responseAction({ kind: 'PowerApp', outputs: [{ name: 'ok', type: 'boolean' }], runAfter: after });

  it('a Delay of 5 minutes before the Response: 300 s, before the response', async () => {
    const flow = await flowOf({ trigger: 'PowerAppV2', actions: { Delay: delayAction(5, 'Minute'), Respond: respond(['Delay']) } });
    expect(flow.waits).toEqual([{ action: 'Delay', kind: 'wait', minSeconds: 300, beforeResponse: true, detail: expect.any(String) }]);
  });

  it('the same Delay after the Response (runAfter the response) is not before it', async () => {
    const flow = await flowOf({ trigger: 'PowerAppV2', actions: { Respond: respond([]), Delay: delayAction(5, 'Minute', ['Respond']) } });
    expect(flow.waits).toEqual([{ action: 'Delay', kind: 'wait', minSeconds: 300, beforeResponse: false, detail: expect.any(String) }]);
  });

  it('counts waits transitively before the response, and inside an enclosing scope', async () => {
    const flow = await flowOf({
      trigger: 'PowerAppV2',
      actions: {
        Wait_hour: delayAction(1, 'Hour'),
        Get: connectorAction('shared_sharepointonline', 'shared_sharepointonline', 'GetItems', ['Wait_hour']),
        Scope: {
          type: 'Scope',
          runAfter: runAfter('Get'),
          actions: { Inner_delay: delayAction(30, 'Second'), Respond: respond(['Inner_delay']), Late: delayAction(2, 'Day', ['Respond']) },
        },
      },
    });
    const byName = Object.fromEntries(flow.waits.map((w) => [w.action, w]));
    expect(byName.Wait_hour).toMatchObject({ minSeconds: 3600, beforeResponse: true });
    expect(byName.Inner_delay).toMatchObject({ minSeconds: 30, beforeResponse: true });
    expect(byName.Late).toMatchObject({ minSeconds: 172800, beforeResponse: false });
  });

  it('an approval webhook is an approval wait; a child flow is a child-flow wait and its id is listed', async () => {
    const child = '9A8B7C6D-0000-4000-8000-0000000000CC';
    const flow = await flowOf({
      trigger: 'PowerAppV2',
      actions: { Approve: approvalAction(), Child: childFlowAction(child, ['Approve']), Respond: respond(['Child']) },
    });
    expect(flow.waits.map((w) => [w.action, w.kind, w.minSeconds, w.beforeResponse])).toEqual([
      ['Approve', 'approval', undefined, true],
      ['Child', 'child-flow', undefined, true],
    ]);
    expect(flow.childFlows).toEqual([child.toLowerCase()]);
  });

  it('a flow with no Response answers at once: its waits are not before a response', async () => {
    const flow = await flowOf({ trigger: 'PowerAppV2', actions: { Delay: delayAction(5, 'Minute'), Approve: approvalAction(['Delay']) } });
    expect(flow.responses).toEqual([]);
    expect(flow.waits.map((w) => [w.action, w.kind, w.beforeResponse])).toEqual([
      ['Approve', 'approval', false],
      ['Delay', 'wait', false],
    ]);
  });

  it('Do-until loops and long retry policies are waits; a short retry policy is not', async () => {
    const flow = await flowOf({
      trigger: 'PowerAppV2',
      actions: {
        Until: { type: 'Until', runAfter: {}, expression: '@equals(1,1)', limit: { count: 3, timeout: 'PT1H' }, actions: {} },
        Http_long: { type: 'Http', runAfter: runAfter('Until'), inputs: { method: 'GET', uri: 'https://x', retryPolicy: { type: 'exponential', count: 10, interval: 'PT10S' } } },
        Http_short: { type: 'Http', runAfter: runAfter('Http_long'), inputs: { method: 'GET', uri: 'https://x', retryPolicy: { type: 'fixed', count: 2, interval: 'PT5S' } } },
        Respond: respond(['Http_short']),
      },
    });
    expect(flow.waits.map((w) => [w.action, w.kind, w.beforeResponse])).toEqual([
      ['Http_long', 'retry', true],
      ['Until', 'until', true],
    ]);
  });
});

describe('definition hash', () => {
  it('ignores designer metadata and key order but changes with the definition', async () => {
    const base: FlowSpec = { trigger: 'PowerAppV2', inputs: [{ name: 'text', type: 'string' }], responses: [{ kind: 'PowerApp', outputs: [] }] };
    const a = await flowOf(base);
    const withNoise = flowDefinition(base) as { properties: { definition: { triggers: { manual: Record<string, unknown> } } } };
    withNoise.properties.definition.triggers.manual.metadata = { operationMetadataId: 'ffffffff-0000-4000-8000-000000000000' };
    const reverseKeys = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reverseKeys) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverseKeys(x)])) : v;
    const reordered = JSON.stringify(reverseKeys(flowDefinition(base)));
    expect(reordered).not.toBe(JSON.stringify(flowDefinition(base)));
    expect((await flowOf(JSON.stringify(withNoise))).definitionHash).toBe(a.definitionHash);
    expect((await flowOf(reordered)).definitionHash).toBe(a.definitionHash);
    const changed = await flowOf({ ...base, inputs: [{ name: 'text', type: 'number' }] });
    expect(changed.definitionHash).not.toBe(a.definitionHash);
  });
});

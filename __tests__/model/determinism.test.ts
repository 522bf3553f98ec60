import { describe, expect, it } from '@jest/globals';
import JSZip from 'jszip';
import { loadWorkspace } from '../../src/model/workspace.js';
import { flowJson, memoryTree, msapp, solutionZip, unpackedTree, wadlXml, type SolutionSpec } from '../helpers/solution-builder.js';
import { GET_ORDERS, SUBMIT_ORDER, getOrdersFlow, ordersMsapp, ordersSpec, submitOrderFlow } from './fixtures.js';

async function bigSpec(order: 'natural' | 'reverse'): Promise<SolutionSpec> {
  const base = await ordersSpec();
  const more = Array.from({ length: 6 }, (_, i) => ({ id: `f1f1f1f1-0000-4000-8000-00000000000${i}`, name: `Extra Flow ${i}`, json: flowJson(i % 2 ? getOrdersFlow : submitOrderFlow), stateCode: (i % 2) as 0 | 1 }));
  const extraApp = await msapp({
    order,
    dataSources: more.map((f, i) => ({ name: `ExtraFlow${i}`, workflowEntityId: i % 3 ? f.id : null, wadl: wadlXml({ title: f.name, inputs: [{ name: 'text', type: 'string', required: true }], outputs: undefined }) })),
    localConnectionReferences: {},
  });
  return {
    ...base,
    flows: order === 'reverse' ? [...(base.flows ?? []), ...more].reverse() : [...(base.flows ?? []), ...more],
    apps: [...(base.apps ?? []), { name: 'cts_extra_00009', displayName: 'Extra', msapp: extraApp }],
  };
}

describe('determinism', () => {
  it('loading the same tree twice gives deep-equal workspaces', async () => {
    const spec = await ordersSpec();
    const files = { 'a/Orders.zip': await solutionZip(spec), ...unpackedTree(spec, 'b'), 'c/broken.zip': 'not a zip at all, but long enough' };
    const one = await loadWorkspace(memoryTree(files));
    const two = await loadWorkspace(memoryTree(files));
    expect(one.solutions).toHaveLength(2);
    expect(one.diagnostics).toHaveLength(1);
    expect(two).toEqual(one);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  });

  it('the workspace JSON does not depend on zip entry order (solution zip and .msapp)', async () => {
    const natural = await solutionZip(await bigSpec('natural'), { order: 'natural' });
    const reversed = await solutionZip(await bigSpec('reverse'), { order: 'reverse' });
    // The archives really differ in entry order.
    const names = async (b: Uint8Array): Promise<string[]> => Object.keys((await JSZip.loadAsync(b)).files);
    const [n1, n2] = [await names(natural), await names(reversed)];
    expect(n1).not.toEqual(n2);
    expect([...n1].sort()).toEqual([...n2].sort());
    expect(n1[0]).toBe('customizations.xml');

    const a = await loadWorkspace(memoryTree({ 'Orders.zip': natural }));
    const b = await loadWorkspace(memoryTree({ 'Orders.zip': reversed }));
    expect(a.solutions[0]?.flows).toHaveLength(8);
    expect(a.solutions[0]?.apps.flatMap((x) => x.calls)).toHaveLength(8);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('the workspace does not depend on the order files are listed in', async () => {
    const spec = await ordersSpec({ apps: [{ name: 'cts_orders_1a2b3', msapp: await ordersMsapp() }] });
    const files = { ...unpackedTree(spec, 'x'), 'y/Orders.zip': await solutionZip(spec) };
    const reversed = Object.fromEntries(Object.entries(files).reverse());
    const a = await loadWorkspace(memoryTree(files));
    const b = await loadWorkspace(memoryTree(reversed));
    expect(a.solutions.flatMap((s) => s.apps.flatMap((x) => x.calls.map((c) => c.binding.flowId)))).toEqual([GET_ORDERS, SUBMIT_ORDER, GET_ORDERS, SUBMIT_ORDER]);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});

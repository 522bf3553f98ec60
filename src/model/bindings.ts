import type { Binding, Flow, FlowCall, Solution } from './types.js';

interface Located {
  flow: Flow;
  solution: Solution;
}

/**
 * Joins every app flow call to the flow it calls, across all solutions analysed together.
 * Order of evidence (see the solution format notes): the data source's `WorkflowEntityId`; the
 * app's connection entry (`LocalConnectionReferences` / `Connections.json`); the app record in
 * customizations.xml / `.meta.xml`; the environment flow name (legacy packages only); and last
 * the display name, which is only a guess and is marked low confidence.
 * A flow shipped in several solutions binds to the copy in the app's own solution first.
 */
export function bindCalls(solutions: Solution[]): void {
  const byId = new Map<string, Located[]>();
  const byName = new Map<string, Located[]>();
  for (const solution of solutions) {
    for (const flow of solution.flows) {
      push(byId, flow.id, { flow, solution });
      push(byName, nameKey(flow.name), { flow, solution });
    }
  }
  for (const solution of solutions) {
    for (const app of solution.apps) {
      for (const call of app.calls) call.binding = bind(call, solution, byId, byName);
    }
  }
}

function bind(call: FlowCall, own: Solution, byId: Map<string, Located[]>, byName: Map<string, Located[]>): Binding {
  const attempts: [Binding['resolvedBy'], string | undefined][] = [
    ['workflowEntityId', call.hints.workflowEntityId],
    ['connectionReference', call.hints.localConnectionReference],
    ['appRecord', call.hints.appRecord],
  ];
  for (const [by, id] of attempts) {
    const hit = id ? prefer(byId.get(id), own) : undefined;
    if (hit) return { flowId: hit.flow.id, resolvedBy: by, confidence: 'high', solutionPath: hit.solution.path };
  }
  if (own.layout === 'legacy-package' && call.hints.workflowName) {
    const hit = prefer(byId.get(call.hints.workflowName), own);
    if (hit) return { flowId: hit.flow.id, resolvedBy: 'flowName', confidence: 'high', solutionPath: hit.solution.path };
  }
  // Display-name guess only where the app carries no id at all: an id that matches nothing is a real miss.
  const hasId = attempts.some(([, id]) => id !== undefined);
  if (!hasId) {
    const hit = prefer(byName.get(nameKey(call.dataSource)), own) ?? prefer(byName.get(nameKey(call.title)), own);
    if (hit) return { flowId: hit.flow.id, resolvedBy: 'name', confidence: 'low', solutionPath: hit.solution.path };
  }
  return { flowId: undefined, resolvedBy: undefined, confidence: undefined, solutionPath: undefined };
}

function prefer(list: Located[] | undefined, own: Solution): Located | undefined {
  if (!list || list.length === 0) return undefined;
  return list.find((l) => l.solution === own) ?? list[0];
}

/** Data source names are the flow's display name at add time with white space removed. */
function nameKey(name: string): string {
  return name.replace(/\s+/g, '').toLowerCase();
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Finds the solution and flow a call is bound to. */
export function boundFlow(call: FlowCall, solutions: readonly Solution[]): Located | undefined {
  if (!call.binding.flowId) return undefined;
  const solution = solutions.find((s) => s.path === call.binding.solutionPath);
  const flow = solution?.flows.find((f) => f.id === call.binding.flowId);
  return solution && flow ? { flow, solution } : undefined;
}

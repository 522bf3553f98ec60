import type { Flow, Solution } from '../model/types.js';
import type { TargetSolution } from '../model/target.js';
import { uncalled } from './finding.js';
import type { TargetContext } from './types.js';

/** The export's solutions that the target environment has installed, each with what the target says of it. */
export function installedSolutions(ctx: TargetContext): { solution: Solution; installed: TargetSolution }[] {
  const out: { solution: Solution; installed: TargetSolution }[] = [];
  for (const solution of ctx.workspace.solutions) {
    const installed = ctx.target.solutions.get(solution.uniqueName.toLowerCase());
    if (installed) out.push({ solution, installed });
  }
  return out;
}

/** The flows of the export that apps call, by id: a flow is called unless every formula of the app was read and none calls it ({@link uncalled}). */
export function calledFlows(ctx: TargetContext): Map<string, { app: Solution['apps'][number]; solution: Solution; dataSource: string }[]> {
  const out = new Map<string, { app: Solution['apps'][number]; solution: Solution; dataSource: string }[]>();
  for (const solution of ctx.workspace.solutions) {
    for (const app of solution.apps) {
      for (const call of app.calls) {
        const id = call.binding.flowId;
        if (!id || uncalled(call)) continue;
        const list = out.get(id) ?? [];
        list.push({ app, solution, dataSource: call.dataSource });
        out.set(id, list);
      }
    }
  }
  return out;
}

/** The flow as the last release shipped it: the base's copy when a base was compared, else the export's. */
export function releasedFlow(ctx: TargetContext, flow: Flow): { flow: Flow; from: 'base' | 'export' } {
  if (ctx.base) {
    for (const s of ctx.base.solutions) {
      const f = s.flows.find((x) => x.id === flow.id);
      if (f && !f.unreadable) return { flow: f, from: 'base' };
    }
  }
  return { flow, from: 'export' };
}

/** `on contoso.crm.dynamics.com`. */
export function onHost(ctx: TargetContext): string {
  return `in ${ctx.target.host}`;
}

import { makeFinding } from './finding.js';
import { ERRORS, KB_LINKS } from './kb.js';
import { calledFlows, installedSolutions, onHost } from './target-common.js';
import type { Finding, RuleMeta, TargetContext, TargetRule } from './types.js';

const meta: RuleMeta = {
  id: 'FG603',
  name: 'target-flow-off',
  defaultSeverity: 'warning',
  errorCodes: [ERRORS.WorkflowTriggerIsNotEnabled],
  brief: 'the flow is off in the target',
  summary: 'A flow that an app of the solution calls is turned off (or suspended) in the target environment.',
  impact:
    'Every call of a flow that is off fails with WorkflowTriggerIsNotEnabled. An import turns flows on only when their connection references are bound and the import is allowed to activate them; a flow someone turned off there can stay off.',
};

function check(ctx: TargetContext): Finding[] {
  if (!ctx.target.coverage.flows) return [];
  const out: Finding[] = [];
  const callers = calledFlows(ctx);
  for (const { solution } of installedSolutions(ctx)) {
    for (const flow of solution.flows) {
      const t = ctx.target.flows.get(flow.id);
      // A flow exported off is FG201's; here the export has it on and the target does not.
      if (!t || t.state === 'on' || flow.state === 'off') continue;
      for (const { app, solution: appSolution, dataSource } of callers.get(flow.id) ?? []) {
        out.push(
          makeFinding(meta, {
            solution: appSolution,
            app,
            flow,
            location: flow.metaOrigin ?? flow.origin,
            message: `Flow '${flow.name}' (${flow.id}) is ${t.state === 'suspended' ? 'suspended' : 'turned off'} ${onHost(ctx)}, and app '${app.displayName || app.name}' (${app.name}) of solution '${solution.uniqueName}' calls it as '${dataSource}': its calls fail there until the flow is on.`,
            mitigation: [
              `In ${ctx.target.host}, check that every connection reference of '${flow.name}' has a connection, then turn the flow on (solution → flow → Turn on).`,
              'If the flow was turned off on purpose, remove the calls from the app or keep the app out of this release.',
              `Background: ${KB_LINKS.turnOnFlow}`,
            ],
            identity: [ctx.target.host, dataSource],
          }),
        );
      }
    }
  }
  return out;
}

export const targetFlowOff: TargetRule = { meta, checkTarget: check };

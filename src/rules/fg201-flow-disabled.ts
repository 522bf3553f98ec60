import { appLabel, calledCalls, flowLabel, makeFinding } from './finding.js';
import { ERRORS, KB_LINKS } from './kb.js';
import type { Finding, Rule, RuleContext, RuleMeta } from './types.js';

const meta: RuleMeta = {
  id: 'FG201',
  name: 'flow-disabled',
  defaultSeverity: 'error',
  errorCodes: [ERRORS.WorkflowTriggerIsNotEnabled, ERRORS.InstallFlowFailed0x80040265, ERRORS.InstallFlowFailed0x80048d0b],
  summary: 'A flow is exported turned off (StateCode 0) while an app calls it, or on a release branch.',
  impact:
    'A flow imported in the off state stays off in the target environment: every call from an app fails with WorkflowTriggerIsNotEnabled, and adding the flow to an app fails to install it.',
  brief: 'the flow is exported turned off',
};

const steps = (name: string): string[] => [
  `In the development environment, turn on the flow '${name}' (My flows or the solution, then Turn on) and run it once to check it works.`,
  'Export the solution again so the flow is exported on, and commit the new export.',
  'After importing into a target environment, check that the flow is on there too; connection references must be bound before a flow can be turned on.',
  `Background: ${KB_LINKS.turnOnFlow}`,
];

function check(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const called = new Set<string>();
  for (const { solution, app, flow, call } of calledCalls(ctx.workspace)) {
    if (flow.state !== 'off') continue;
    called.add(`${solution.path}\u0000${flow.id}`);
    out.push(
      makeFinding(meta, {
        solution,
        app,
        flow,
        location: flow.metaOrigin ?? flow.origin,
        message: `Flow ${flowLabel(flow)} is exported turned off, and app ${appLabel(app)} calls it as '${call.dataSource}': every call will fail until the flow is turned on.`,
        mitigation: steps(flow.name),
      }),
    );
  }
  for (const solution of ctx.workspace.solutions) {
    for (const flow of solution.flows) {
      if (flow.state !== 'off' || called.has(`${solution.path}\u0000${flow.id}`)) continue;
      out.push(
        makeFinding(meta, {
          severity: ctx.release ? 'error' : 'note',
          errorCodes: [ERRORS.WorkflowTriggerIsNotEnabled.code],
          solution,
          flow,
          location: flow.metaOrigin ?? flow.origin,
          message: `Flow ${flowLabel(flow)} is exported turned off${ctx.release ? ' on a release branch' : ''}: it will be imported off and will not run${ctx.release ? '' : ' (fine for a draft, not for a release)'}.`,
          mitigation: steps(flow.name),
        }),
      );
    }
  }
  return out;
}

export const flowDisabled: Rule = { meta, check };

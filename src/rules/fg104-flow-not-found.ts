import type { FlowCall, Solution } from '../model/types.js';
import { appLabel, calledFrom, makeFinding, uncalled } from './finding.js';
import { ERRORS } from './kb.js';
import type { Finding, Rule, RuleContext, RuleMeta } from './types.js';

const meta: RuleMeta = {
  id: 'FG104',
  name: 'flow-not-found',
  defaultSeverity: 'error',
  errorCodes: [ERRORS.InstallFlowFailed0x80040265, ERRORS.InstallFlowFailed0x80048d0b],
  summary: 'A canvas app calls a flow that none of the analysed solutions contains.',
  impact:
    "After import the app's flow data source points at a flow the target environment may not have: the call cannot resolve, and installing the flow connection for the app fails. When the solution declares the flow as a missing dependency, it is expected to come from another solution, and this is only a reminder.",
  brief: 'the flow it calls is in none of these solutions',
};

const WORKFLOW = 29;

function declaredMissing(solution: Solution, call: FlowCall): boolean {
  const ids = [call.hints.workflowEntityId, call.hints.localConnectionReference, call.hints.appRecord].filter((x): x is string => x !== undefined);
  return solution.missingDependencies.some(
    (d) => (d.requiredType === WORKFLOW || d.requiredTypeName === 'workflow') && (ids.includes(d.requiredKey) || d.requiredDisplayName.replace(/\s+/g, '').toLowerCase() === call.dataSource.toLowerCase()),
  );
}

function check(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const solution of ctx.workspace.solutions) {
    for (const app of solution.apps) {
      for (const call of app.calls) {
        if (call.binding.flowId) continue;
        const id = call.hints.workflowEntityId ?? call.hints.localConnectionReference ?? call.hints.appRecord;
        const declared = declaredMissing(solution, call);
        // A data source no formula calls cannot fail at run time: removing it is the clean fix.
        const unused = uncalled(call);
        const idText = id ? `workflow id ${id}` : call.hints.workflowName ? `environment flow name ${call.hints.workflowName}, no solution workflow id` : 'no workflow id';
        const title = call.title ? ` ('${call.title}' when it was added)` : '';
        out.push(
          makeFinding(meta, {
            severity: declared || unused ? 'note' : meta.defaultSeverity,
            solution,
            app,
            flow: { id: id ?? call.hints.workflowName ?? '', name: call.title || call.dataSource },
            location: call.origin,
            call,
            message: declared
              ? `App ${appLabel(app)} calls flow '${call.dataSource}'${title}, ${idText}, which the solution declares as a missing dependency: it must be installed from its own solution before this one.`
              : unused
                ? `App ${appLabel(app)} has the flow data source '${call.dataSource}'${title}, ${idText}, which no analysed solution contains; no formula of the app calls it, so nothing fails at run time, but the import still needs the flow or the data source removed.`
                : `App ${appLabel(app)} calls flow '${call.dataSource}'${title}${calledFrom(call)}, ${idText}, but no analysed solution contains that flow, so the call cannot resolve after import.`,
            mitigation: declared
              ? ['Make sure the solution that contains the flow is imported into every target environment before this solution.']
              : unused
                ? [`Open ${appLabel(app)} in Power Apps Studio, remove '${call.dataSource}' from the app's flows (no formula uses it), then save, publish and export.`]
                : [
                  `Add the flow '${call.title || call.dataSource}' to this solution (Add existing > Automation > Cloud flow) and export again, or commit the solution that contains it to this repository.`,
                  `If the flow was deleted or replaced on purpose, open ${appLabel(app)} in Power Apps Studio, remove '${call.dataSource}' from the app's flows, add the replacement, fix the formulas that call it, then save, publish and export.`,
                  'A flow that lives outside any solution (a legacy, non-solution flow) cannot travel with the app: move it into a solution first.',
                ],
            identity: [call.dataSource.toLowerCase()],
          }),
        );
      }
    }
  }
  return out;
}

export const flowNotFound: Rule = { meta, check };

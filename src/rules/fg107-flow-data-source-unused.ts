import { appLabel, makeFinding, uncalled } from './finding.js';
import type { Finding, Rule, RuleContext, RuleMeta } from './types.js';

const meta: RuleMeta = {
  id: 'FG107',
  name: 'flow-data-source-unused',
  defaultSeverity: 'note',
  errorCodes: [],
  summary: "An app keeps a flow data source that none of its formulas calls.",
  impact:
    "A change to that flow cannot break the app, but the app still carries the flow's signature and connections: the import needs the flow, and reviewers see a dependency that does nothing. Removing the data source is the clean fix.",
  brief: 'a flow data source no formula calls',
};

function check(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const solution of ctx.workspace.solutions) {
    for (const app of solution.apps) {
      for (const call of app.calls) {
        // An unbound data source is FG104's (a note when nothing calls it): one cause, one entry.
        if (!uncalled(call) || !call.binding.flowId) continue;
        out.push(
          makeFinding(meta, {
            solution,
            app,
            flow: call.binding.flowId ? { id: call.binding.flowId, name: call.title || call.dataSource } : undefined,
            location: call.origin,
            call,
            message: `App ${appLabel(app)} has the flow data source '${call.dataSource}'${call.title ? ` ('${call.title}')` : ''}, but none of its formulas calls it: changing that flow cannot break the app.`,
            mitigation: [`Open ${appLabel(app)} in Power Apps Studio, remove '${call.dataSource}' from the app's flows (Power Automate pane), then save, publish and export.`],
            identity: [call.dataSource.toLowerCase()],
          }),
        );
      }
    }
  }
  return out;
}

export const flowDataSourceUnused: Rule = { meta, check };

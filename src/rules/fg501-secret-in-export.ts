import { appLabel, makeFinding } from './finding.js';
import type { Finding, Rule, RuleContext, RuleMeta } from './types.js';

const meta: RuleMeta = {
  id: 'FG501',
  name: 'secret-in-export',
  defaultSeverity: 'error',
  errorCodes: [],
  summary: 'A committed canvas app carries a flow callback URL with its SAS signature (sig=).',
  impact: 'Anyone who can read the repository can start the flow with that URL, without signing in, for as long as the signature is valid.',
  brief: 'callback URL with its signature committed',
};

function check(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const solution of ctx.workspace.solutions) {
    for (const app of solution.apps) {
      for (const secret of app.secrets) {
        out.push(
          makeFinding(meta, {
            solution,
            app,
            location: secret.origin,
            message: `App ${appLabel(app)} stores the callback URL of flow '${secret.dataSource}' with its SAS signature (the sig parameter of workFlowCallbackUri, not printed here): anyone with read access to this repository can start that flow.`,
            mitigation: [
              `Regenerate the flow's access keys so the committed signature stops working (for a solution flow, re-save the trigger or recreate the flow; Logic Apps: Regenerate access keys).`,
              `Remove '${secret.dataSource}' from the app and add it again in a current Power Apps Studio, which stores solution-aware references without the callback URL, then export again.`,
              'Purge the old file from the repository history if the repository is public.',
            ],
            identity: [secret.dataSource],
          }),
        );
      }
    }
  }
  return out;
}

export const secretInExport: Rule = { meta, check };

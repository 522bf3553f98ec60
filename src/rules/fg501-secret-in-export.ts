import type { CanvasApp, Solution } from '../model/types.js';
import { appLabel, flowIndex, makeFinding } from './finding.js';
import type { Finding, Rule, RuleContext, RuleMeta } from './types.js';

const meta: RuleMeta = {
  id: 'FG501',
  name: 'secret-in-export',
  defaultSeverity: 'error',
  errorCodes: [],
  summary: 'A committed canvas app carries flow callback URLs with their SAS signatures (sig=): one finding per app.',
  impact: 'Anyone who can read the repository can start those flows with the URLs, without signing in, for as long as the signatures are valid.',
  brief: 'callback URLs with their signatures committed',
};

/**
 * One finding per app document, however many URLs it holds: the document is what gets fixed and
 * purged. Its identity is the app alone (no flow, no URL), so renaming or moving a flow keeps it.
 */
function check(ctx: RuleContext): Finding[] {
  const index = flowIndex(ctx.workspace);
  const out: Finding[] = [];
  for (const solution of ctx.workspace.solutions) {
    for (const app of solution.apps) {
      const first = app.secrets[0];
      if (!first) continue;
      const flows = flowNames(index, solution, app);
      const count = app.secrets.length;
      const urls = count === 1 ? 'the callback URL' : `${count} callback URLs`;
      out.push(
        makeFinding(meta, {
          solution,
          app,
          location: first.origin,
          message: `App ${appLabel(app)} stores ${urls} of ${flows.length === 1 ? 'flow' : 'flows'} ${flows.join(', ')} with ${count === 1 ? 'its SAS signature' : 'their SAS signatures'} (the sig parameter of workFlowCallbackUri, not printed here): anyone with read access to this repository can start ${flows.length === 1 ? 'that flow' : 'those flows'}.`,
          mitigation: [
            `Regenerate the access keys of ${flows.join(', ')} so the committed ${count === 1 ? 'signature stops' : 'signatures stop'} working (for a solution flow, re-save the trigger or recreate the flow; Logic Apps: Regenerate access keys).`,
            `Remove ${flows.join(', ')} from the app and add ${flows.length === 1 ? 'it' : 'them'} again in a current Power Apps Studio, which stores solution-aware references without the callback URL, then export again.`,
            'Purge the old file from the repository history if the repository is public.',
          ],
        }),
      );
    }
  }
  return out;
}

/** `'DataSource'`, or `'DataSource' (flow 'Name')` where the call is bound to a flow of another name; each once, sorted. */
function flowNames(index: ReturnType<typeof flowIndex>, solution: Solution, app: CanvasApp): string[] {
  const names = new Set<string>();
  for (const secret of app.secrets) {
    const call = app.calls.find((c) => c.dataSource === secret.dataSource);
    const flow = call?.binding.flowId ? index.get(`${call.binding.solutionPath ?? solution.path}\u0000${call.binding.flowId}`)?.flow : undefined;
    const renamed = flow && flow.name.replace(/\s+/g, '') !== secret.dataSource ? ` (flow '${flow.name}')` : '';
    names.add(`'${secret.dataSource}'${renamed}`);
  }
  const key = (n: string): string => `${n.toLowerCase()}\u0000${n}`;
  return [...names].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export const secretInExport: Rule = { meta, check };

import { makeFinding } from './finding.js';
import { KB_LINKS } from './kb.js';
import { installedSolutions, onHost } from './target-common.js';
import type { Finding, RuleMeta, TargetContext, TargetRule } from './types.js';

const meta: RuleMeta = {
  id: 'FG605',
  name: 'target-solution-unmanaged',
  defaultSeverity: 'error',
  errorCodes: [],
  brief: 'installed unmanaged in the target: managed import fails',
  summary: 'The solution is installed unmanaged in the target environment, and this export ships it managed.',
  impact:
    'A managed solution cannot be imported over the same solution installed unmanaged: the import fails, and nothing of this release reaches the environment.',
};

function check(ctx: TargetContext): Finding[] {
  const out: Finding[] = [];
  for (const { solution, installed } of installedSolutions(ctx)) {
    if (installed.managed || solution.managed !== 'managed') continue;
    out.push(
      makeFinding(meta, {
        solution,
        location: solution.origin,
        message: `Solution '${solution.uniqueName}' is installed unmanaged ${onHost(ctx)} (version ${installed.version || 'unknown'}), and this export ships it managed: the import will fail.`,
        mitigation: [
          `Decide which ${ctx.target.host} should run: environments that receive releases should hold managed solutions only.`,
          `To move it to managed: delete the unmanaged solution '${solution.uniqueName}' in ${ctx.target.host} (its components stay, as unmanaged customizations), import the managed export, then remove the active customizations of its apps, flows and connection references so the managed layer runs.`,
          `Background: ${KB_LINKS.solutionLayers}`,
        ],
        identity: [ctx.target.host],
      }),
    );
  }
  return out;
}

export const targetSolutionUnmanaged: TargetRule = { meta, checkTarget: check };

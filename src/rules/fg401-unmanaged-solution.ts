import { makeFinding } from './finding.js';
import { KB_LINKS } from './kb.js';
import { unmanagedLayerSteps } from './mitigation.js';
import type { Finding, Rule, RuleContext, RuleMeta } from './types.js';

const meta: RuleMeta = {
  id: 'FG401',
  name: 'unmanaged-solution',
  defaultSeverity: 'error',
  errorCodes: [],
  summary: 'An unmanaged solution export is headed for a release branch or a release artifact path.',
  impact:
    'Importing an unmanaged solution into test or production makes every component an unmanaged customization there. Those layers sit on top of later managed updates, so a fixed flow or re-bound app in the next release does not take effect, and connection references can break (MissingConnectionReference).',
  brief: 'unmanaged export headed for release',
};

function check(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const solution of ctx.workspace.solutions) {
    if (solution.managed !== 'unmanaged') continue;
    const artifact = ctx.isReleaseArtifact?.(solution.path) ?? false;
    if (!ctx.release && !artifact) continue;
    out.push(
      makeFinding(meta, {
        solution,
        location: solution.origin,
        message: `Solution '${solution.uniqueName}' ${solution.version} is an unmanaged export, and ${artifact ? 'its path is configured as a release artifact' : 'this is a release branch'}: importing it into a target environment creates unmanaged layers over every app and flow in it.`,
        mitigation: [
          `Export '${solution.uniqueName}' as managed (Export > Managed, or pac solution export --managed) and commit that file for release.`,
          'Keep the unmanaged export (or the unpacked source) on development branches only.',
          ...unmanagedLayerSteps([...solution.apps.map((a) => a.displayName), ...solution.flows.map((f) => f.name)].slice(0, 5)).slice(0, 1),
          `Background: ${KB_LINKS.solutionLayers}`,
        ],
      }),
    );
  }
  return out;
}

export const unmanagedSolution: Rule = { meta, check };

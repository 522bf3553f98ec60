import { makeFinding } from './finding.js';
import { KB_LINKS } from './kb.js';
import { unmanagedLayerSteps } from './mitigation.js';
import type { Finding, Rule, RuleContext, RuleMeta } from './types.js';

const meta: RuleMeta = {
  id: 'FG402',
  name: 'unmanaged-layer-risk',
  defaultSeverity: 'warning',
  errorCodes: [],
  summary: 'A managed export leaves its flows, apps or connection references customizable, or is a patch.',
  impact:
    'Customizable managed components can be edited in the target environment. Each edit adds an unmanaged layer on top, which hides the changes of every later import: a re-bound app or a fixed flow seems not to deploy. The KB\'s fix for MissingConnectionReference and NotAllowedConnectionReference begins by removing such layers.',
  brief: 'managed export left customizable, or a patch',
};

function check(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const solution of ctx.workspace.solutions) {
    if (solution.managed !== 'managed') continue;
    const open = [
      ...solution.flows.filter((f) => f.customizable === true).map((f) => f.name),
      ...solution.apps.filter((a) => a.customizable === true).map((a) => a.displayName),
      ...solution.connectionReferences.filter((c) => c.customizable === true).map((c) => c.logicalName),
    ];
    if (open.length > 0) {
      out.push(
        makeFinding(meta, {
          solution,
          location: solution.origin,
          message: `Managed solution '${solution.uniqueName}' ${solution.version} leaves ${open.length} component${open.length === 1 ? '' : 's'} customizable in the target environment (${open.join(', ')}): edits made there become unmanaged layers that hide later updates.`,
          mitigation: [
            `In the development environment, set Managed properties > "Allow customizations" to off for the flows, apps and connection references of '${solution.uniqueName}' that must not be edited downstream, then export managed again.`,
            ...unmanagedLayerSteps(open.slice(0, 5)),
            `Managed properties: ${KB_LINKS.managedProperties}`,
          ],
          identity: ['customizable'],
        }),
      );
    }
    if (solution.parentSolution) {
      out.push(
        makeFinding(meta, {
          severity: 'note',
          solution,
          location: solution.origin,
          message: `Solution '${solution.uniqueName}' is a patch of '${solution.parentSolution}': it layers on its parent, and the app and flow changes in it only take effect where that parent is installed; clone the patches into a new parent version before the next release.`,
          mitigation: [`Import '${solution.parentSolution}' first in every target environment.`, 'Before the next release, roll the patches up with Clone solution so the target gets one managed version.'],
          identity: ['patch'],
        }),
      );
    }
  }
  return out;
}

export const unmanagedLayerRisk: Rule = { meta, check };

import type { Solution } from '../model/types.js';
import { KB_LINKS } from './kb.js';
import type { RuleContext } from './types.js';

/**
 * The fix for a stale app ↔ flow binding depends on whether users already run the app
 * (KB 4477072, "Resolution"): a live app must keep its old flow until everyone has the new
 * app version; an app still in development can simply be re-bound.
 */
export function isLiveApp(ctx: RuleContext, solution: Solution): boolean {
  return ctx.release || solution.managed === 'managed';
}

/** The fix step that names the formulas to edit after re-binding (FG101); a merged entry keeps it. */
export const FORMULA_STEP_PREFIX = 'After re-binding, change every call';

/** Steps to re-bind an app to a changed flow, fitted to a live or a development app. */
export function rebindSteps(ctx: RuleContext, solution: Solution, appName: string, flowName: string, change: string): string[] {
  if (isLiveApp(ctx, solution)) {
    return [
      `This app is live (${ctx.release ? 'release branch' : 'managed export'}): do not change the flow it uses in place. In the development environment, open the original flow '${flowName}' and use Save As to make a copy.`,
      `Make the change (${change}) on the copy only; leave the original flow as it was in the last release.`,
      `Open '${appName}' in Power Apps Studio, remove '${flowName}' from the app's flows and add the copy instead; fix the formulas that call it, then save and publish.`,
      'Export the solution with both flows and the updated app, and import it into the target environments.',
      'Turn off or delete the original flow only after every user runs the new app version.',
      `Background: ${KB_LINKS.liveApp}`,
    ];
  }
  return [
    `Open '${appName}' in Power Apps Studio in the development environment (latest Studio version).`,
    `In the Power Automate pane, remove '${flowName}' from the app, then add it again so the app stores the flow's current signature (${change}).`,
    'Update the formulas that call the flow if its inputs or outputs changed, then save and publish the app.',
    'Export the solution again and commit the new export together with the flow change.',
    `Background: ${KB_LINKS.devApp}`,
  ];
}

/** Steps to clear unmanaged layers that hide a managed update in the target environment. */
export function unmanagedLayerSteps(componentNames: string[]): string[] {
  const what = componentNames.length > 0 ? componentNames.map((n) => `'${n}'`).join(', ') : "the solution's apps, flows and connection references";
  return [
    `In each target environment, open the solution layers of ${what} and remove the active (unmanaged) customizations.`,
    'Export the solution from the development environment as managed and import it again, so the managed layer is the one that runs.',
    `Background: ${KB_LINKS.solutionLayers}`,
  ];
}

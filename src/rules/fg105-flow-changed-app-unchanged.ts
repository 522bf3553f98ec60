import { bindingMatches, diffFlow, storedBinding } from '../compare/signature.js';
import type { SolutionPair } from '../compare/pairing.js';
import type { CanvasApp, Solution } from '../model/types.js';
import { appLabel, calledCalls, flowLabel, makeFinding } from './finding.js';
import { ERRORS } from './kb.js';
import { rebindSteps } from './mitigation.js';
import type { ChangeContext, ChangeRule, Finding, RuleMeta } from './types.js';

const meta: RuleMeta = {
  id: 'FG105',
  name: 'flow-changed-app-unchanged',
  defaultSeverity: 'error',
  errorCodes: [ERRORS.TemplateExpressionFailure, ERRORS.InvokerConnectionOverrideFailed, ERRORS.MissingConnectionReference, ERRORS.NotAllowedConnectionReference],
  summary: "This change alters a flow's signature (inputs, outputs, connections or their mode, state) but does not re-bind an app that calls it.",
  impact:
    "The app keeps calling the flow with the signature it stored before: after deployment its calls fail or read blanks. Every app version already in users' hands breaks too, unless the change goes to a copy of the flow.",
  brief: 'flow changed, app not re-bound',
};

function checkChange(ctx: ChangeContext): Finding[] {
  const pairOf = new Map<Solution, SolutionPair>();
  for (const p of ctx.pairs) if (p.head) pairOf.set(p.head, p);
  const out: Finding[] = [];
  for (const bc of calledCalls(ctx.head)) {
    const flowPair = pairOf.get(bc.flowSolution);
    const baseFlow = flowPair?.base?.flows.find((f) => f.id === bc.flow.id);
    const diff = diffFlow(baseFlow, bc.flow);
    const b = diff.binding;
    const relevant = [...b.trigger, ...b.inputs, ...b.outputs, ...b.connections];
    if (diff.change !== 'signature-changed' || !baseFlow || relevant.length === 0) continue;
    // A change that brings the flow back in line with what the app stored needs no re-binding.
    if (bindingMatches(bc.call, bc.flow) && !bindingMatches(bc.call, baseFlow)) continue;
    if (ctx.touched(bc.solution.path)) {
      const baseApp = findApp(pairOf.get(bc.solution)?.base, bc.app);
      const baseCall = baseApp?.calls.find((c) => c.dataSource === bc.call.dataSource);
      if (!baseCall || storedBinding(baseCall) !== storedBinding(bc.call)) continue;
    }
    out.push(
      makeFinding(meta, {
        solution: bc.solution,
        app: bc.app,
        flow: bc.flow,
        location: bc.flow.origin,
        call: bc.call,
        // New outputs alone break nothing: the app simply cannot read them yet.
        severity: additiveOnly(b) ? 'note' : 'error',
        errorCodes: codesFor(b),
        message: `This change alters flow ${flowLabel(bc.flow)}: ${relevant.join('; ')}. App ${appLabel(bc.app)} calls it as '${bc.call.dataSource}' but was not re-bound in the same change, so it still uses the old signature.`,
        mitigation: rebindSteps({ release: ctx.release, workspace: ctx.head }, bc.solution, bc.app.displayName, bc.flow.name, relevant.join('; ')),
        identity: relevant,
        brief: `app not re-bound: ${relevant.join('; ')}`,
      }),
    );
  }
  return out;
}

type BindingDiff = ReturnType<typeof diffFlow>['binding'];

function additiveOnly(b: BindingDiff): boolean {
  return b.trigger.length === 0 && b.inputs.length === 0 && b.connections.length === 0 && b.outputs.every((o) => o.endsWith(' added'));
}

/** The documented errors each kind of change leads to. */
function codesFor(b: BindingDiff): string[] {
  const codes: string[] = [];
  if (b.trigger.length > 0 || b.inputs.length > 0) codes.push(ERRORS.TemplateExpressionFailure.code);
  // A removed output raises no error code: the app reads it as blank.
  if (b.connections.length > 0) codes.push(ERRORS.InvokerConnectionOverrideFailed.code, ERRORS.MissingConnectionReference.code, ERRORS.NotAllowedConnectionReference.code);
  return codes;
}

function findApp(solution: Solution | undefined, app: CanvasApp): CanvasApp | undefined {
  return solution?.apps.find((a) => a.name.toLowerCase() === app.name.toLowerCase());
}

export const flowChangedAppUnchanged: ChangeRule = { meta, checkChange };

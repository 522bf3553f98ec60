import type { FlowCall, FormulaCallSite } from '../model/types.js';
import { appLabel, calledCalls, flowLabel, makeFinding, siteLabel } from './finding.js';
import { ERRORS } from './kb.js';
import { rebindSteps } from './mitigation.js';
import type { Finding, Rule, RuleContext, RuleMeta } from './types.js';

const meta: RuleMeta = {
  id: 'FG106',
  name: 'call-arguments-mismatch',
  defaultSeverity: 'error',
  errorCodes: [ERRORS.TemplateExpressionFailure],
  summary: "A formula calls a flow with a number of arguments that does not fit the signature the app stored for it.",
  impact:
    "The app's own formula and its copy of the flow's signature disagree (a hand edit or a broken export): Power Apps refuses the formula, or the flow receives the wrong inputs and an expression such as triggerBody()['X'] cannot select property 'X'.",
  brief: 'a formula passes the wrong number of arguments',
};

/**
 * The argument counts a stored signature accepts: every input positional, or the required ones
 * positional with the optional ones in one trailing record (the connector convention; §9 of the
 * format notes lists it as unseen for flows, so both are accepted).
 */
export function acceptedArguments(call: FlowCall): Set<number> {
  const required = call.storedInputs.filter((p) => p.required).length;
  const all = call.storedInputs.length;
  return new Set(all > required ? [required, required + 1, all] : [all]);
}

function check(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const bc of calledCalls(ctx.workspace)) {
    const { call } = bc;
    if (call.signatureUnreadable || !call.formulas) continue;
    const accepted = acceptedArguments(call);
    const wrong = call.formulas.callSites.filter((s) => !accepted.has(s.arguments));
    for (const site of wrong) out.push(finding(ctx, bc, site, accepted));
  }
  return out;
}

function finding(ctx: RuleContext, bc: ReturnType<typeof calledCalls>[number], site: FormulaCallSite, accepted: Set<number>): Finding {
  const { app, call, flow } = bc;
  const counts = [...accepted].sort((a, b) => a - b).join(' or ');
  const f = makeFinding(meta, {
    solution: bc.solution,
    app,
    flow,
    location: site.location,
    call,
    message: `App ${appLabel(app)} calls flow ${flowLabel(flow)} in ${siteLabel(site)} with ${site.arguments} argument${site.arguments === 1 ? '' : 's'} (${site.formula}), but the signature the app stored for '${call.dataSource}' takes ${counts}: ${call.storedInputs.map((p) => `${p.name}${p.required ? '' : ' (optional)'}`).join(', ') || 'no inputs'}.`,
    mitigation: [
      `Open ${appLabel(app)} in Power Apps Studio and fix ${siteLabel(site)} so that it passes ${counts} argument(s), in the order of the flow's inputs.`,
      ...rebindSteps(ctx, bc.solution, app.displayName, flow.name, 'refresh the stored signature').slice(0, 2),
    ],
    identity: [site.screen, site.control, site.property, String(site.arguments)],
  });
  return { ...f, sites: [{ screen: site.screen, control: site.control, property: site.property, location: site.location }] };
}

export const callArgumentsMismatch: Rule = { meta, check };

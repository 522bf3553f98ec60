import { diffFlow } from '../compare/signature.js';
import { activeOverManaged } from '../model/target.js';
import { makeFinding } from './finding.js';
import { ERRORS, KB_LINKS } from './kb.js';
import { calledFlows, installedSolutions, onHost, releasedFlow } from './target-common.js';
import type { Finding, RuleMeta, TargetContext, TargetRule } from './types.js';

const meta: RuleMeta = {
  id: 'FG602',
  name: 'target-flow-drift',
  defaultSeverity: 'warning',
  errorCodes: [ERRORS.MissingConnectionReference],
  brief: 'the flow was edited in the target',
  summary: "The target environment's copy of a flow differs from the export in its trigger inputs, response outputs or connections: someone edited it there.",
  impact:
    'A flow edited in the target has changes the source does not have, so its connection references and signature no longer match what the apps were bound to in development: the KB names this as the cause of MissingConnectionReference in the target when the same call works in the source.',
};

function check(ctx: TargetContext): Finding[] {
  if (!ctx.target.coverage.flows) return [];
  const out: Finding[] = [];
  const callers = calledFlows(ctx);
  for (const { solution } of installedSolutions(ctx)) {
    for (const flow of solution.flows) {
      const t = ctx.target.flows.get(flow.id);
      if (!t?.definition || flow.unreadable) continue;
      const reference = releasedFlow(ctx, flow);
      const d = diffFlow(reference.flow, { ...reference.flow, ...t.definition, state: reference.flow.state });
      const differences = [...d.binding.trigger, ...d.binding.inputs, ...d.binding.outputs, ...d.binding.connections];
      if (differences.length === 0) continue;
      const apps = callers.get(flow.id) ?? [];
      // The edit survives the import only where an unmanaged layer holds it; otherwise the import replaces it.
      const kept = activeOverManaged(t.layers) !== undefined;
      const certain = apps.length > 0 && kept;
      const appText = apps.length > 0 ? ` App${apps.length === 1 ? '' : 's'} ${[...new Set(apps.map((a) => `'${a.app.displayName || a.app.name}' (${a.app.name})`))].join(', ')} call${apps.length === 1 ? 's' : ''} it with the signature of the export.` : '';
      const fate = kept ? 'An unmanaged layer holds these edits, so the import will not replace them.' : 'The import replaces the edited copy, and the edits made there are lost.';
      out.push(
        makeFinding(meta, {
          severity: certain ? 'error' : 'warning',
          errorCodes: apps.length > 0 ? [ERRORS.MissingConnectionReference.code] : [],
          solution,
          flow,
          location: flow.origin,
          message: `Flow '${flow.name}' (${flow.id}) ${onHost(ctx)} differs from the ${reference.from === 'base' ? 'last released export (the base)' : 'export'}: ${differences.join('; ')}.${appText} ${fate}`,
          mitigation: [
            `Find out who edited '${flow.name}' in ${ctx.target.host} and why; make the same change in the development environment if it must stay.`,
            `In ${ctx.target.host}, remove the active customizations of the flow (solution → flow → See solution layers → Remove active customizations).`,
            'Export from development and import the managed solution again; then re-check the apps that call the flow.',
            `Background: ${KB_LINKS.flowUpdates}`,
          ],
          identity: [ctx.target.host],
        }),
      );
    }
  }
  return out;
}

export const targetFlowDrift: TargetRule = { meta, checkTarget: check };

import { flowLabel, makeFinding } from './finding.js';
import { ERRORS, KB_LINKS } from './kb.js';
import type { Finding, Rule, RuleContext, RuleMeta } from './types.js';

const meta: RuleMeta = {
  id: 'FG302',
  name: 'missing-connection-reference',
  defaultSeverity: 'error',
  errorCodes: [ERRORS.MissingConnectionReference],
  summary: 'A flow uses a connection reference that no analysed solution defines, or a raw connection instead of a reference.',
  impact:
    'On import the flow\'s connection cannot be bound: the flow stays off or fails with MissingConnectionReference, and an app calling it reports "Connection not configured for this service".',
};

function check(ctx: RuleContext): Finding[] {
  const defined = new Set<string>();
  for (const s of ctx.workspace.solutions) for (const cr of s.connectionReferences) defined.add(cr.logicalName.toLowerCase());
  const out: Finding[] = [];
  for (const solution of ctx.workspace.solutions) {
    if (solution.layout === 'legacy-package') continue;
    const declared = new Set(solution.missingDependencies.map((d) => d.requiredKey.toLowerCase()));
    for (const flow of solution.flows) {
      for (const c of flow.connections) {
        const ref = c.connectionReference;
        if (ref && (defined.has(ref.toLowerCase()) || declared.has(ref.toLowerCase()))) continue;
        out.push(
          makeFinding(meta, {
            severity: ref ? 'error' : 'warning',
            errorCodes: [ERRORS.MissingConnectionReference.code],
            solution,
            flow,
            location: flow.origin,
            message: ref
              ? `Flow ${flowLabel(flow)} uses connection reference '${ref}' for '${c.key}' (${c.api}), but no analysed solution defines it and none declares it as a missing dependency.`
              : `Flow ${flowLabel(flow)} uses '${c.key}' (${c.api}) through a raw connection, not a connection reference, so the connection cannot be set when the solution is imported elsewhere (apps calling it report "Connection not configured for this service").`,
            mitigation: ref
              ? [
                  `Add the connection reference '${ref}' to the solution (Add existing > More > Connection reference) or create one for ${c.api} and point the flow's actions at it.`,
                  'Export the solution again and commit it; if the reference belongs to another solution, commit that solution too or import it first.',
                  `Background: ${KB_LINKS.deploymentSettings}`,
                ]
              : [
                  `Open '${flow.name}' inside the solution and re-select the ${c.api} connection in each action so it uses a connection reference (flows created inside a solution do this by default).`,
                  'Export the solution again and commit it.',
                ],
            identity: [c.key, ref ?? 'raw'],
          }),
        );
      }
    }
  }
  return out;
}

export const missingConnectionReference: Rule = { meta, check };

import { distinctIds, idKey, sameId } from '../compare/ids.js';
import type { Flow } from '../model/types.js';
import { appLabel, calledCalls, flowLabel, makeFinding } from './finding.js';
import { ERRORS, KB_LINKS } from './kb.js';
import type { Finding, Rule, RuleContext, RuleMeta } from './types.js';

const meta: RuleMeta = {
  id: 'FG301',
  name: 'connection-mode',
  defaultSeverity: 'note',
  errorCodes: [ERRORS.ConnectionAuthorizationFailed, ERRORS.NotAllowedConnectionReference, ERRORS.ChildFlowUnsupportedForInvokerConnections],
  summary: 'How each connection of an app-called flow is supplied: the run-only user\'s own (invoker) or the flow\'s (embedded).',
  impact:
    "An invoker connection (\"Provided by run-only user\") runs with each app user's own connection, so every user needs access to that connector's data, or the call fails with ConnectionAuthorizationFailed. An embedded connection runs as the flow owner for everyone who can run the app. A child flow cannot use invoker connections at all (ChildFlowUnsupportedForInvokerConnections).",
  brief: "connection modes: invoker (each user's) or embedded",
};

const modeText = (m: string): string => (m === 'invoker' ? 'invoker (each user\'s own connection)' : m === 'embedded' ? "embedded (the flow owner's connection)" : m);

function check(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const { solution, app, flow, call } of calledCalls(ctx.workspace)) {
    if (flow.connections.length === 0) continue;
    const modes = connectorModes(flow);
    const invoker = flow.connections.filter((c) => c.runtimeSource === 'invoker');
    const invokerApis = distinctIds(invoker.map((c) => c.api));
    out.push(
      makeFinding(meta, {
        solution,
        app,
        flow,
        errorCodes: invoker.length > 0 ? [ERRORS.ConnectionAuthorizationFailed.code] : [],
        location: flow.origin,
        call,
        message: `App ${appLabel(app)} calls flow ${flowLabel(flow)} ('${call.dataSource}') with these connection modes: ${modes.join('; ')}.${invoker.length > 0 ? ` Every app user needs permission on ${invokerApis.join(', ')}.` : ' Every app user acts with the owner\'s permissions.'}`,
        mitigation:
          invoker.length > 0
            ? [
                `Share the data behind ${invokerApis.join(', ')} with every user of the app (or a group they belong to), and make sure each user can create the connection.`,
                "If users must not need their own access, open the flow's details page, edit Run only users, and set those connections to use the flow's own connection instead; then remove and re-add the flow in the app.",
                `Background: ${KB_LINKS.flowAccess}`,
              ]
            : [
                'Check that running as the flow owner is intended: every app user acts with the owner\'s permissions on these connectors.',
                'If users should act as themselves, set the connections to "Provided by run-only user" under Run only users, then remove and re-add the flow in the app.',
                `Background: ${KB_LINKS.flowAccess}`,
              ],
        // The invoker connections (what users must be granted) are the identity: an embedded connection added beside the same
        // invoker ones changes the message, not the action, so the finding stays "existing".
        identity: [invoker.length > 0 ? `invoker:${invoker.map((c) => idKey(c.key)).sort().join(',')}` : 'embedded-only'],
      }),
    );
  }
  out.push(...childFlowsWithInvoker(ctx));
  out.push(...callableFlowsWithInvoker(ctx));
  return out;
}

/** Each connector once, with its mode and, where a connector has several, its connection keys. */
function connectorModes(flow: Flow): string[] {
  const groups = new Map<string, { api: string; mode: string; keys: string[] }>();
  for (const c of flow.connections) {
    const k = `${idKey(c.api)}\u0000${c.runtimeSource}`;
    const g = groups.get(k) ?? { api: c.api, mode: c.runtimeSource, keys: [] };
    g.keys.push(c.key);
    groups.set(k, g);
  }
  return [...groups.values()].map((g) => `${g.api}${g.keys.length > 1 || !sameId(g.keys[0] ?? '', g.api) ? ` (${g.keys.join(', ')})` : ''}: ${modeText(g.mode)}`);
}

/**
 * A manually triggered flow that answers with "Respond to a PowerApp or flow" is built to be run
 * by a parent flow; with invoker connections that call fails even when no parent is in the repository.
 */
function callableFlowsWithInvoker(ctx: RuleContext): Finding[] {
  const parents = new Set<string>();
  for (const s of ctx.workspace.solutions) for (const f of s.flows) for (const id of f.childFlows) parents.add(id);
  const out: Finding[] = [];
  for (const solution of ctx.workspace.solutions) {
    for (const flow of solution.flows) {
      const manual = flow.trigger?.type.toLowerCase() === 'request' && flow.trigger.kind === 'Button';
      const responds = flow.responses.some((r) => r.kind === 'PowerApp');
      const invoker = flow.connections.filter((c) => c.runtimeSource === 'invoker');
      if (!manual || !responds || invoker.length === 0 || parents.has(flow.id)) continue;
      out.push(
        makeFinding(meta, {
          severity: 'warning',
          errorCodes: [ERRORS.ChildFlowUnsupportedForInvokerConnections.code],
          solution,
          flow,
          location: flow.origin,
          message: `Flow ${flowLabel(flow)} has a manual trigger and responds with "Respond to a PowerApp or flow", so it is meant to run as a child flow, but ${invoker.map((c) => `'${c.key}' (${c.api})`).join(', ')} ${invoker.length > 1 ? 'are' : 'is'} provided by the run-only user (invoker): a parent flow's call fails, since child flows only run with embedded connections.`,
          mitigation: [
            `Open '${flow.name}', go to Run only users, and set ${invoker.map((c) => c.key).join(', ')} to use a connection of the flow (embedded) instead of "Provided by run-only user".`,
            'If the flow is only started by hand, ignore this finding for it in .github/flowguard.yml with the reason.',
            'Export the solution again and commit it.',
          ],
          identity: ['callable', invoker.map((c) => c.key).join(',')],
        }),
      );
    }
  }
  return out;
}

/** A flow called as a child flow may only use embedded connections. */
function childFlowsWithInvoker(ctx: RuleContext): Finding[] {
  const byId = new Map<string, { flow: Flow; solution: (typeof ctx.workspace.solutions)[number] }>();
  for (const solution of ctx.workspace.solutions) for (const flow of solution.flows) if (!byId.has(flow.id)) byId.set(flow.id, { flow, solution });
  const out: Finding[] = [];
  for (const solution of ctx.workspace.solutions) {
    for (const parent of solution.flows) {
      for (const childId of parent.childFlows) {
        const child = byId.get(childId);
        const invoker = child?.flow.connections.filter((c) => c.runtimeSource === 'invoker') ?? [];
        if (!child || invoker.length === 0) continue;
        out.push(
          makeFinding(meta, {
            severity: 'error',
            errorCodes: [ERRORS.ChildFlowUnsupportedForInvokerConnections.code],
            solution: child.solution,
            flow: child.flow,
            location: child.flow.origin,
            message: `Flow ${flowLabel(child.flow)} is run as a child flow by ${flowLabel(parent)}, but uses invoker connections (${invoker.map((c) => c.key).join(', ')}); child flows can only use embedded connections, so the parent's call fails.`,
            mitigation: [
              `Open '${child.flow.name}', go to Run only users, and set ${invoker.map((c) => c.key).join(', ')} to use a connection of the flow instead of "Provided by run-only user".`,
              'Export the solution again and commit it.',
            ],
            identity: ['child-of', parent.id],
          }),
        );
      }
    }
  }
  return out;
}

export const connectionMode: Rule = { meta, check };

import { idKey, sameId } from '../compare/ids.js';
import type { FlowConnection, StoredConnection } from '../model/types.js';
import { appLabel, signatureCalls, driftFinding, flowLabel, list, type BoundCall } from './finding.js';
import { ERRORS } from './kb.js';
import type { Finding, Rule, RuleContext, RuleMeta } from './types.js';

const meta: RuleMeta = {
  id: 'FG103',
  name: 'flow-connection-drift',
  defaultSeverity: 'error',
  errorCodes: [ERRORS.MissingConnectionReference, ERRORS.InvokerConnectionOverrideFailed, ERRORS.NotAllowedConnectionReference],
  summary: "The connections a flow uses differ from the connections the calling app recorded for it.",
  impact:
    "When it calls a flow, the app hands over the connections it recorded when the flow was added. A connection added to the flow, renamed, or moved to another connector is not handed over, and the run fails (MissingConnectionReference, or InvokerConnectionOverrideFailed for a run-only user's connection); a connection the flow no longer declares can be refused (NotAllowedConnectionReference).",
  brief: "the flow's connections differ from what the app recorded",
};

const codesFor = (c: FlowConnection): string[] =>
  c.runtimeSource === 'invoker'
    ? [ERRORS.InvokerConnectionOverrideFailed.code, ERRORS.MissingConnectionReference.code]
    : [ERRORS.MissingConnectionReference.code];

function check(ctx: RuleContext): Finding[] {
  // A call whose data source entry could not be read is not judged at all (one diagnostic, no drift).
  return signatureCalls(ctx.workspace)
    .filter((bc) => bc.call.connectionsRecorded)
    .flatMap((bc) => checkCall(ctx, bc));
}

function checkCall(ctx: RuleContext, bc: BoundCall): Finding[] {
  const { app, call, flow } = bc;
  const recorded = `the app recorded ${list(call.storedConnections.map((s) => `${s.key} (${s.api})`))}`;
  const where = `App ${appLabel(app)} calls flow ${flowLabel(flow)} ('${call.dataSource}')`;
  const finding = (severity: Finding['severity'], codes: string[], identity: string, what: string, change: string, brief: string = change): Finding =>
    driftFinding(meta, ctx, bc, where, recorded, { severity, errorCodes: codes, identity, what, change, brief });
  // Keys and API names are compared case-insensitively: the app may spell hex escapes differently (§8b.2).
  const stored = new Map(call.storedConnections.map((s) => [idKey(s.key), s]));
  const current = new Map(flow.connections.map((c) => [idKey(c.key), c]));
  const added = flow.connections.filter((c) => !stored.has(idKey(c.key)));
  const removed = call.storedConnections.filter((s) => !current.has(idKey(s.key)));
  const out: Finding[] = [];
  for (const c of flow.connections) {
    const s = stored.get(idKey(c.key));
    if (s && !sameId(s.api, c.api)) {
      out.push(finding('error', codesFor(c), `api:${c.key}`, `connection '${c.key}' now uses connector ${c.api} instead of ${s.api}`, `connection '${c.key}' now uses ${c.api}`));
    }
  }
  for (const c of added) {
    const renamedFrom = takeSameApi(removed, c.api);
    const mode = c.runtimeSource === 'invoker' ? "the run-only user's own connection" : "the flow's embedded connection";
    if (renamedFrom) {
      out.push(finding('error', codesFor(c), `renamed:${renamedFrom.key}>${c.key}`, `connection key '${renamedFrom.key}' (${c.api}) is now '${c.key}' in the flow (${mode})`, `connection key '${c.key}'`, `connection key '${renamedFrom.key}' now '${c.key}'`));
    } else {
      out.push(finding('error', codesFor(c), `added:${c.key}`, `connection '${c.key}' (${c.api}, ${mode}) was added to the flow after the app was bound`, `new connection '${c.key}'`, `connection '${c.key}' added (${c.runtimeSource === 'invoker' ? 'invoker' : 'embedded'})`));
    }
  }
  for (const s of removed) {
    out.push(finding('warning', [ERRORS.NotAllowedConnectionReference.code], `removed:${s.key}`, `connection '${s.key}' (${s.api}) is no longer used by the flow, but the app still provides it`, `connection '${s.key}' removed`, `connection '${s.key}' removed, the app still provides it`));
  }
  return out;
}

function takeSameApi(removed: StoredConnection[], api: string): StoredConnection | undefined {
  const i = removed.findIndex((r) => sameId(r.api, api));
  return i < 0 ? undefined : removed.splice(i, 1)[0];
}

export const flowConnectionDrift: Rule = { meta, check };

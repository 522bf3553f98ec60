import { makeFinding } from './finding.js';
import { ERRORS, KB_LINKS } from './kb.js';
import { installedSolutions, onHost } from './target-common.js';
import type { Finding, RuleMeta, TargetContext, TargetRule } from './types.js';

const meta: RuleMeta = {
  id: 'FG604',
  name: 'target-connection-unbound',
  defaultSeverity: 'error',
  errorCodes: [ERRORS.XrmConnectionReferenceMissingConnection],
  brief: 'connection reference has no connection in the target',
  summary: "A connection reference the solution's flows use exists in the target environment without a connection, and no deployment settings provide one.",
  impact:
    'A flow cannot be turned on while one of its connection references has no connection: after the import its flows stay off (XrmConnectionReferenceMissingConnection), and every app call fails with WorkflowTriggerIsNotEnabled.',
};

function check(ctx: TargetContext): Finding[] {
  if (!ctx.target.coverage.connectionReferences) return [];
  const out: Finding[] = [];
  const provided = new Set((ctx.settings?.connectionReferences ?? []).filter((c) => c.connectionId.trim() !== '').map((c) => c.logicalName.toLowerCase()));
  for (const { solution } of installedSolutions(ctx)) {
    const users = new Map<string, string[]>();
    for (const flow of solution.flows) {
      for (const c of flow.connections) {
        if (!c.connectionReference) continue;
        const key = c.connectionReference.toLowerCase();
        users.set(key, [...(users.get(key) ?? []), flow.name]);
      }
    }
    for (const [key, flows] of [...users].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const t = ctx.target.connectionReferences.get(key);
      if (!t || t.connectionId !== undefined || provided.has(key)) continue;
      const ref = solution.connectionReferences.find((c) => c.logicalName.toLowerCase() === key);
      const names = [...new Set(flows)];
      const settings = ctx.settings ? ` and the deployment settings ${ctx.settings.path} give it no ConnectionId` : ' and no deployment settings were given for this environment';
      out.push(
        makeFinding(meta, {
          solution,
          location: ref?.origin ?? solution.origin,
          message: `Connection reference '${t.logicalName}' exists ${onHost(ctx)} without a connection${settings}: flow${names.length === 1 ? '' : 's'} ${names.map((n) => `'${n}'`).join(', ')} cannot be turned on after the import.`,
          mitigation: [
            `In ${ctx.target.host}, open the connection reference '${t.logicalName}' (solution → Connection references) and select or create a connection for it; or`,
            `add it to the deployment settings of this environment: "ConnectionReferences": [{ "LogicalName": "${t.logicalName}", "ConnectionId": "<connection id in ${ctx.target.host}>", "ConnectorId": "${t.connectorId}" }] and import with --settings-file.`,
            'After the import, turn the flows on and check they run.',
            `Background: ${KB_LINKS.deploymentSettings}`,
          ],
          identity: [t.logicalName, ctx.target.host],
        }),
      );
    }
  }
  return out;
}

export const targetConnectionUnbound: TargetRule = { meta, checkTarget: check };

import { activeOverManaged, type TargetLayer } from '../model/target.js';
import { makeFinding } from './finding.js';
import { KB_LINKS } from './kb.js';
import { installedSolutions, onHost } from './target-common.js';
import type { Finding, RuleMeta, TargetContext, TargetRule } from './types.js';

const meta: RuleMeta = {
  id: 'FG601',
  name: 'target-unmanaged-layer',
  defaultSeverity: 'warning',
  errorCodes: [],
  brief: 'an unmanaged layer in the target hides the update',
  summary: 'A flow, canvas app or connection reference has an unmanaged (Active) layer above its managed layer in the target environment.',
  impact:
    'The active layer wins over every managed layer below it: an import updates the managed layer, and the environment keeps running the edited copy. A re-bound app or a fixed flow then seems not to deploy, and the KB\'s fix for MissingConnectionReference and NotAllowedConnectionReference starts by removing such layers.',
};

function steps(ctx: TargetContext, kind: string, name: string): string[] {
  return [
    `In ${ctx.target.host}, open the solution, select the ${kind} '${name}', then See solution layers, and remove the active customizations (Remove active customizations). This discards the edits made there: export or note them first if they must be kept, and make them in development instead.`,
    'Import the managed solution again, so the managed layer is the one that runs.',
    'To keep it from coming back, set Managed properties > "Allow customizations" off for this component before the next export.',
    `Background: ${KB_LINKS.removeActiveCustomizations}`,
  ];
}

function check(ctx: TargetContext): Finding[] {
  const out: Finding[] = [];
  const edited = (layer: TargetLayer): string => (layer.overwriteTime ? `, last changed ${layer.overwriteTime.slice(0, 10)}` : '');
  const judge = (modified: boolean, kind: string, label: string, layer: TargetLayer): { severity: 'error' | 'warning'; message: string } => ({
    severity: modified ? 'error' : 'warning',
    message: `${kind} ${label} has an unmanaged (Active) layer above its managed layer ${onHost(ctx)}${edited(layer)}: ${modified ? 'this change modifies it, and the import will not show the change there' : 'every later managed update of it stays hidden there'} until the active customizations are removed.`,
  });
  for (const { solution } of installedSolutions(ctx)) {
    for (const flow of solution.flows) {
      const t = ctx.target.flows.get(flow.id);
      const layer = activeOverManaged(t?.layers);
      if (!layer) continue;
      const j = judge(ctx.modified?.flows.has(flow.id) === true, 'Flow', `'${flow.name}' (${flow.id})`, layer);
      out.push(makeFinding(meta, { ...j, solution, flow, location: flow.metaOrigin ?? flow.origin, mitigation: steps(ctx, 'flow', flow.name), identity: ['flow', ctx.target.host] }));
    }
    for (const app of solution.apps) {
      const layer = activeOverManaged(ctx.target.apps.get(app.name.toLowerCase())?.layers);
      if (!layer) continue;
      const j = judge(ctx.modified?.apps.has(app.name.toLowerCase()) === true, 'Canvas app', `'${app.displayName || app.name}' (${app.name})`, layer);
      out.push(makeFinding(meta, { ...j, solution, app, location: app.metaOrigin ?? app.origin, mitigation: steps(ctx, 'canvas app', app.displayName || app.name), identity: ['app', ctx.target.host] }));
    }
    for (const ref of solution.connectionReferences) {
      const layer = activeOverManaged(ctx.target.connectionReferences.get(ref.logicalName.toLowerCase())?.layers);
      if (!layer) continue;
      const j = judge(ctx.modified?.connectionReferences.has(ref.logicalName.toLowerCase()) === true, 'Connection reference', `'${ref.logicalName}'`, layer);
      out.push(makeFinding(meta, { ...j, solution, location: ref.origin, mitigation: steps(ctx, 'connection reference', ref.logicalName), identity: ['connectionreference', ref.logicalName, ctx.target.host] }));
    }
  }
  return out;
}

export const targetUnmanagedLayer: TargetRule = { meta, checkTarget: check };

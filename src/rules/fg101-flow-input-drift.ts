import type { SignatureParam } from '../model/types.js';
import { typesCompatible } from '../model/types-normalize.js';
import { appLabel, signatureCalls, driftFinding, flowLabel, list, siteLabel, type BoundCall } from './finding.js';
import { ERRORS } from './kb.js';
import { FORMULA_STEP_PREFIX } from './mitigation.js';
import type { Finding, Rule, RuleContext, RuleMeta } from './types.js';

const meta: RuleMeta = {
  id: 'FG101',
  name: 'flow-input-drift',
  defaultSeverity: 'error',
  errorCodes: [ERRORS.TemplateExpressionFailure],
  summary: "The inputs a canvas app passes to a flow differ from the flow's current trigger inputs.",
  impact:
    "The app sends the arguments of the signature it stored when the flow was added. A new required input, a renamed or retyped input makes the run fail: the trigger rejects the request, or an expression such as triggerBody()['X'] cannot be evaluated because property 'X' cannot be selected.",
  brief: 'an input the app passes no longer fits the flow',
};

function describeParam(p: SignatureParam): string {
  return `'${p.name}' (${[p.title, p.type, p.required ? 'required' : 'optional'].filter(Boolean).join(', ')})`;
}

/** V1 ("Ask in PowerApps") inputs are named `<Action>_<Field>`: renaming the action renames the input. */
function fieldPart(name: string): string {
  const i = name.lastIndexOf('_');
  return i < 0 ? name : name.slice(i + 1).toLowerCase();
}

interface Rename {
  from: SignatureParam;
  to: SignatureParam;
}

function pairRenames(removed: SignatureParam[], added: SignatureParam[], v1: boolean): Rename[] {
  const renames: Rename[] = [];
  for (const from of [...removed]) {
    const to = added.find((a) => (v1 ? fieldPart(a.name) === fieldPart(from.name) : a.title !== '' && a.title === from.title) && typesCompatible(from.type, a.type));
    if (!to) continue;
    renames.push({ from, to });
    removed.splice(removed.indexOf(from), 1);
    added.splice(added.indexOf(to), 1);
  }
  return renames;
}

function check(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const bc of signatureCalls(ctx.workspace)) out.push(...checkCall(ctx, bc));
  return out;
}

function checkCall(ctx: RuleContext, bc: BoundCall): Finding[] {
  const { app, call, flow } = bc;
  const where = `App ${appLabel(app)} calls flow ${flowLabel(flow)} as '${call.dataSource}'`;
  const passes = `the app passes ${list(call.storedInputs.map((p) => p.name))}`;
  const finding = (severity: Finding['severity'], identity: string, what: string, change: string, brief: string): Finding => {
    const f = driftFinding(meta, ctx, bc, where, passes, { severity, identity, what, change, brief });
    const fix = formulasToChange(bc);
    if (fix) f.mitigation.splice(f.mitigation.length - 1, 0, fix);
    return f;
  };
  if (!flow.trigger?.powerApps) {
    return [finding('error', 'trigger', `the flow's trigger is now '${flow.trigger ? `${flow.trigger.type}/${flow.trigger.kind}` : 'missing'}', not a Power Apps trigger, so the app cannot start it`, 'new trigger', 'trigger is no longer a Power Apps trigger')];
  }
  const stored = new Map(call.storedInputs.map((p) => [p.name, p]));
  const current = new Map(flow.inputs.map((p) => [p.name, p]));
  const added = flow.inputs.filter((p) => !stored.has(p.name));
  const removed = call.storedInputs.filter((p) => !current.has(p.name));
  const out: Finding[] = [];
  for (const r of pairRenames(removed, added, flow.trigger.powerApps === 'v1')) {
    out.push(finding('error', `rename:${r.from.name}>${r.to.name}`, `input ${describeParam(r.from)} was renamed to ${describeParam(r.to)} in the flow`, `input renamed to '${r.to.name}'`, `input '${r.from.name}' renamed to '${r.to.name}'`));
  }
  for (const p of added) {
    out.push(finding(p.required ? 'error' : 'warning', `added:${p.name}`, `input ${describeParam(p)} added to the flow`, `new input '${p.name}'`, `input '${p.name}' added (${p.required ? 'required' : 'optional'})`));
  }
  for (const p of removed) {
    out.push(finding('warning', `removed:${p.name}`, `input ${describeParam(p)} is no longer declared by the flow, so the value the app sends for it is ignored`, `input '${p.name}' removed`, `input '${p.name}' removed, the app still sends it`));
  }
  for (const p of call.storedInputs) {
    const now = current.get(p.name);
    if (!now) continue;
    if (!typesCompatible(p.type, now.type)) {
      out.push(finding('error', `type:${p.name}`, `input '${p.name}' changed type from ${p.type} to ${now.type}`, `input '${p.name}' is now ${now.type}`, `input '${p.name}' now ${now.type} (was ${p.type})`));
    }
    if (p.required !== now.required) {
      const sev = now.required ? 'warning' : 'note';
      const what = now.required ? `input '${p.name}' became required, but the app's copy still treats it as optional` : `input '${p.name}' became optional; the app still treats it as required`;
      const change = `input '${p.name}' ${now.required ? 'now required' : 'now optional'}`;
      out.push(finding(sev, `required:${p.name}`, what, change, change));
    }
  }
  return out;
}

/** The step that names the formulas to edit after re-binding: each call must pass what the flow takes now. */
function formulasToChange(bc: BoundCall): string | undefined {
  const sites = bc.call.formulas?.callSites ?? [];
  if (sites.length === 0) return undefined;
  const required = bc.flow.inputs.filter((p) => p.required).length;
  const takes = `${required} required input${required === 1 ? '' : 's'}${bc.flow.inputs.length > required ? ` (and ${bc.flow.inputs.length - required} optional)` : ''}: ${list(bc.flow.inputs.map((p) => p.name))}`;
  const lines = sites.map((s) => `${siteLabel(s)} passes ${s.arguments} argument${s.arguments === 1 ? '' : 's'} (${s.formula})`);
  return `${FORMULA_STEP_PREFIX} so it passes what the flow now takes, ${takes}: ${lines.join('; ')}.`;
}

export const flowInputDrift: Rule = { meta, check };

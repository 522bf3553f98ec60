import { typesCompatible } from '../model/types-normalize.js';
import type { FlowCall, Severity } from '../model/types.js';
import { appLabel, signatureCalls, siteLabel, driftFinding, flowLabel, list, type BoundCall } from './finding.js';
import type { Finding, Rule, RuleContext, RuleMeta } from './types.js';

const meta: RuleMeta = {
  id: 'FG102',
  name: 'flow-output-drift',
  defaultSeverity: 'error',
  // A missing output raises no error: the app reads it as blank (KB 4477072, symptom 3).
  errorCodes: [],
  summary: "The outputs a canvas app reads from a flow's response differ from what the flow returns now.",
  impact:
    'The app reads the response through the schema it stored when the flow was added. An output that the flow no longer returns, or returns with another type, reads as blank in the app without any error; new outputs stay invisible until the app is re-bound.',
  brief: 'an output the app reads is gone or changed',
};

function check(ctx: RuleContext): Finding[] {
  return signatureCalls(ctx.workspace).flatMap((bc) => checkCall(ctx, bc));
}

function checkCall(ctx: RuleContext, bc: BoundCall): Finding[] {
  const { app, call, flow } = bc;
  const where = `App ${appLabel(app)} reads the response of flow ${flowLabel(flow)} ('${call.dataSource}')`;
  const finding = (severity: Finding['severity'], identity: string, what: string, change: string, brief: string): Finding =>
    driftFinding(meta, ctx, bc, where, '', { severity, identity, what, change, brief });
  const stored = call.storedOutputs ?? [];
  const current = new Map(flow.outputs.map((o) => [o.name, o]));
  const successes = flow.responses.filter((r) => r.success);
  const out: Finding[] = [];
  const sync = flow.responses.some((r) => !r.asynchronous) || flow.responses.length === 0;
  for (const o of stored) {
    const now = current.get(o.name);
    if (!now) {
      const why = successes.length === 0 ? (flow.responses.length === 0 ? 'the flow no longer has a response action' : 'the flow now answers only with failure responses') : `the flow's response now returns ${list(flow.outputs.map((x) => x.name))}`;
      const { severity, reading, read } = judgeReads(call, o.name);
      out.push(finding(severity, `removed:${o.name}`, `output '${o.name}' (${o.type}) is gone, so ${reading}; ${why}`, `output '${o.name}' removed`, `output '${o.name}' removed, ${read}`));
      continue;
    }
    if (!typesCompatible(o.type, now.type)) {
      out.push(finding('error', `type:${o.name}`, `output '${o.name}' changed type from ${o.type} to ${now.type}; the app reads it as blank`, `output '${o.name}' is now ${now.type}`, `output '${o.name}' now ${now.type} (was ${o.type})`));
    }
    // The app stores one response schema; a flow may answer from several success responses (§8b.3).
    const lacking = successes.filter((r) => !r.outputs.some((x) => x.name === o.name));
    // An output no formula reads (every use of the result followed) is blank harmlessly on any path.
    if (lacking.length > 0 && judgeReads(call, o.name).severity !== 'note') {
      const names = lacking.map((r) => `'${r.action}'${r.statusCode !== undefined ? ` (status ${r.statusCode})` : ''}`);
      const partial = finding('warning', `partial:${o.name}`, `output '${o.name}' is not returned by response ${names.join(', ')}, so when the flow answers from ${lacking.length === 1 ? 'it' : 'one of them'} the app reads '${o.name}' as blank`, '', `output '${o.name}' missing from response ${names.join(', ')}`);
      partial.mitigation = [
        `In '${flow.name}', add the output '${o.name}' to ${names.join(', ')} (an empty value where that path has none), so every success response returns what the app reads.`,
        "Or make the app's formulas treat a blank '" + o.name + "' as that path's answer.",
        'Export the solution again and commit it; the app needs no re-binding when the outputs it stored stay the same.',
      ];
      out.push(partial);
    }
  }
  const known = new Set(stored.map((o) => o.name));
  const added = flow.outputs.filter((o) => !known.has(o.name));
  if (added.length > 0 && sync) {
    const what = call.storedOutputs === undefined ? 'the app stored no response when the flow was added' : `the app knows ${list(stored.map((o) => o.name))}`;
    out.push(finding('note', `added:${added.map((o) => o.name).join(',')}`, `the flow now also returns ${list(added.map((o) => `'${o.name}' (${o.type})`))}, which the app cannot read yet; ${what}`, 'new outputs', `new output${added.length === 1 ? '' : 's'} ${list(added.map((o) => `'${o.name}'`))}`));
  }
  return out;
}

/**
 * How bad a missing output is depends on the app's formulas: read somewhere, it is blank there
 * (error); read nowhere, with every use of the result followed, nothing changes (note); where the
 * result goes somewhere FlowGuard does not follow, it may be read (warning). Without formulas the
 * stored signature is all there is, and the app reads what it stored.
 */
function judgeReads(call: FlowCall, output: string): { severity: Severity; reading: string; read: string } {
  const f = call.formulas;
  if (!f) return { severity: 'error', reading: 'the app reads it as blank', read: 'the app reads it' };
  const field = output.startsWith('[].') ? output.slice(3) : output;
  const reads = f.outputReads.filter((r) => r.output.toLowerCase() === field.toLowerCase());
  if (reads.length > 0) {
    const where = reads.slice(0, 5).map((r) => `${siteLabel(r)} (${r.via})`);
    const first = reads[0] as (typeof reads)[number];
    // Control names are unique in an app: the control alone says where.
    const at = first.control === '' || first.control === first.screen ? `${first.screen}.${first.property}` : `${first.control}.${first.property}`;
    const read = `read in ${at}${reads.length > 1 ? ` and ${reads.length - 1} other${reads.length > 2 ? 's' : ''}` : ''}`;
    return { severity: 'error', reading: `it is blank where the app reads it: ${where.join(', ')}${reads.length > 5 ? ` and ${reads.length - 5} more` : ''}`, read };
  }
  if (f.traced) return { severity: 'note', reading: 'nothing breaks now: no formula reads it', read: 'no formula reads it' };
  return { severity: 'warning', reading: `the app may read it as blank: no formula reads it directly, but the result is not fully traced (${f.untraced.join('; ')})`, read: 'maybe read' };
}

export const flowOutputDrift: Rule = { meta, check };

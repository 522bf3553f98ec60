import { createHash } from 'node:crypto';
import type { CanvasApp, Flow, FlowCall, Origin, Severity, Solution, Workspace } from '../model/types.js';
import { rebindSteps } from './mitigation.js';
import type { Finding, RuleContext, RuleMeta } from './types.js';

export interface FindingInput {
  severity?: Severity;
  errorCodes?: string[];
  solution: Solution;
  app?: CanvasApp | undefined;
  flow?: { id: string; name: string } | undefined;
  location: Origin;
  message: string;
  mitigation: string[];
  /** What makes this finding unique within the rule besides the solution, app and flow (e.g. the input name). */
  identity?: string[];
  /** The call this finding is about: its call sites in the app's formulas are listed. */
  call?: FlowCall | undefined;
  /** What breaks in a few words, for summary tables. */
  brief?: string;
}

/** Builds a finding; the fingerprint comes from the rule and component identities, never from positions or file paths. */
export function makeFinding(meta: RuleMeta, input: FindingInput): Finding {
  const parts = [meta.id, input.solution.uniqueName, input.app?.name ?? '', input.flow?.id ?? '', ...(input.identity ?? [])];
  return {
    ruleId: meta.id,
    rule: meta.name,
    severity: input.severity ?? meta.defaultSeverity,
    errorCodes: input.errorCodes ?? meta.errorCodes.map((e) => e.code),
    message: input.message,
    solution: { uniqueName: input.solution.uniqueName, path: input.solution.path },
    app: input.app ? { name: input.app.name, displayName: input.app.displayName } : undefined,
    flowId: input.flow?.id,
    flow: input.flow ? { id: input.flow.id, name: input.flow.name } : undefined,
    location: input.location,
    ...(input.call?.formulas ? { sites: input.call.formulas.callSites.map((c) => ({ screen: c.screen, control: c.control, property: c.property, location: c.location })) } : {}),
    mitigation: input.mitigation,
    fingerprint: fingerprint(parts),
    ...(input.brief ? { brief: input.brief } : {}),
  };
}

export function fingerprint(parts: string[]): string {
  return createHash('sha256').update(parts.map((p) => p.toLowerCase()).join('\u0000')).digest('hex').slice(0, 20);
}

/** One app → flow call that resolved to a flow. */
export interface BoundCall {
  solution: Solution;
  app: CanvasApp;
  call: FlowCall;
  flow: Flow;
  flowSolution: Solution;
}

/** Every call that resolved to a readable flow, in model order. Flows are looked up through one index: no nested scans. */
export function boundCalls(workspace: Workspace): BoundCall[] {
  const index = flowIndex(workspace);
  const out: BoundCall[] = [];
  for (const solution of workspace.solutions) {
    for (const app of solution.apps) {
      for (const call of app.calls) {
        const hit = call.binding.flowId ? index.get(`${call.binding.solutionPath}\u0000${call.binding.flowId}`) : undefined;
        // A flow that could not be read is a diagnostic (model/workspace.ts), never evidence of drift.
        if (hit && !hit.flow.unreadable) out.push({ solution, app, call, flow: hit.flow, flowSolution: hit.solution });
      }
    }
  }
  return out;
}

/**
 * True when the app's formulas were all read and none of them calls the data source. Then no finding
 * may say that the app calls, waits for or reads the flow: the data source is unused (FG107, or FG104
 * when it is bound to nothing). Formulas not read, or read only in part, prove nothing.
 */
export function uncalled(call: FlowCall): boolean {
  const f = call.formulas;
  return f !== undefined && f.callSites.length === 0 && f.untraced.length === 0;
}

/** Bound calls that the app's formulas make, or may make (formulas not read): the only ones a finding may say the app calls. */
export function calledCalls(workspace: Workspace): BoundCall[] {
  return boundCalls(workspace).filter((bc) => !uncalled(bc.call));
}

/** Called calls whose stored signature (the app's WADL) was read: the only ones input and output drift can be judged on. */
export function signatureCalls(workspace: Workspace): BoundCall[] {
  return calledCalls(workspace).filter((bc) => !bc.call.signatureUnreadable);
}

export function flowIndex(workspace: Workspace): Map<string, { flow: Flow; solution: Solution }> {
  const index = new Map<string, { flow: Flow; solution: Solution }>();
  for (const solution of workspace.solutions) for (const flow of solution.flows) index.set(`${solution.path}\u0000${flow.id}`, { flow, solution });
  return index;
}

export interface DriftFinding {
  severity: Severity;
  /** What makes this difference unique (e.g. `added:text_2`). */
  identity: string;
  /** The difference, in words. */
  what: string;
  /** The change, for the re-bind steps ("new input 'text_2'"). */
  change: string;
  /** What breaks in a few words ("input 'text_2' added (required)"). */
  brief: string;
  errorCodes?: string[];
}

/**
 * A finding about a difference between an app's stored binding and its flow: the message is
 * `<where>: <what>[; <context>].` and the fix is to re-bind the app (live or development route).
 */
export function driftFinding(meta: RuleMeta, ctx: RuleContext, bc: BoundCall, where: string, context: string, d: DriftFinding): Finding {
  const f = makeFinding(meta, {
    severity: d.severity,
    ...(d.errorCodes ? { errorCodes: d.errorCodes } : {}),
    solution: bc.solution,
    app: bc.app,
    flow: bc.flow,
    location: bc.flow.origin,
    message: `${where}${calledFrom(bc.call)}: ${d.what}${context ? `; ${context}` : ''}.`,
    mitigation: rebindSteps(ctx, bc.solution, bc.app.displayName, bc.flow.name, d.change),
    identity: [d.identity],
    call: bc.call,
    brief: d.brief,
  });
  return { ...f, what: d.what };
}

/** `Screen › control.property`. */
export function siteLabel(s: { screen: string; control: string; property: string }): string {
  return s.control === s.screen || s.control === '' ? `${s.screen}.${s.property}` : `${s.screen} › ${s.control}.${s.property}`;
}

const MAX_SITES = 5;

/** ` (called in Requests › btnSubmit.OnSelect with 2 arguments, …)`, or '' when the formulas were not read. */
export function calledFrom(call: FlowCall): string {
  const sites = call.formulas?.callSites;
  if (!sites) return '';
  // Formulas read in full with no call never get here (see uncalled): some could not be read.
  if (sites.length === 0) return ' (no formula FlowGuard could read calls it)';
  const shown = sites.slice(0, MAX_SITES).map((s) => `${siteLabel(s)} with ${s.arguments} argument${s.arguments === 1 ? '' : 's'}`);
  const more = sites.length > MAX_SITES ? ` and ${sites.length - MAX_SITES} more` : '';
  return ` (called in ${shown.join(', ')}${more})`;
}

/** `'Name' (id)` for messages. */
export function flowLabel(flow: { id: string; name: string }): string {
  return `'${flow.name}' (${flow.id})`;
}

export function appLabel(app: CanvasApp): string {
  return app.displayName && app.displayName !== app.name ? `'${app.displayName}' (${app.name})` : `'${app.name}'`;
}

export function list(items: string[]): string {
  return items.length === 0 ? 'nothing' : items.join(', ');
}

import type { Flow, WaitPoint } from '../model/types.js';
import { appLabel, calledCalls, flowIndex, flowLabel, makeFinding } from './finding.js';
import { ERRORS, KB_LINKS } from './kb.js';
import type { Finding, Rule, RuleContext, RuleMeta } from './types.js';

/** A flow answering an app (or a parent flow) must respond within 120 seconds. */
export const SYNC_LIMIT_SECONDS = 120;

const meta: RuleMeta = {
  id: 'FG202',
  name: 'sync-timeout-risk',
  defaultSeverity: 'warning',
  errorCodes: [ERRORS.ResponseTimeout],
  summary: 'A flow that an app calls can block for longer than 120 seconds before it responds.',
  impact:
    'An app waits for the flow\'s response synchronously, for at most 120 seconds. Delays, do-until loops, approvals and other webhooks, child flows and long retry policies before the response make the call fail with ResponseTimeout (504) while the flow run itself goes on.',
  brief: "the flow can take longer than the app's 120-second wait",
};

function check(ctx: RuleContext): Finding[] {
  const index = flowIndex(ctx.workspace);
  const byId = new Map<string, Flow>();
  for (const { flow } of index.values()) if (!byId.has(flow.id)) byId.set(flow.id, flow);
  const out: Finding[] = [];
  for (const { solution, app, flow, call } of calledCalls(ctx.workspace)) {
    if (flow.responses.length === 0 || flow.responses.every((r) => r.asynchronous)) continue;
    const waits = blockingWaits(flow, byId, new Set());
    if (waits.length === 0) continue;
    const known = waits.reduce((s, w) => s + (w.minSeconds ?? 0), 0);
    const certain = known > SYNC_LIMIT_SECONDS;
    out.push(
      makeFinding(meta, {
        severity: certain ? 'error' : meta.defaultSeverity,
        solution,
        app,
        flow,
        location: flow.origin,
        call,
        message: `App ${appLabel(app)} waits for flow ${flowLabel(flow)} ('${call.dataSource}'), which ${certain ? `blocks at least ${known} s` : 'can block'} before it responds: ${waits.map((w) => `${w.action}: ${w.detail}`).join('; ')}. Calls from an app time out after ${SYNC_LIMIT_SECONDS} s.`,
        mitigation: [
          `Move the response in '${flow.name}' before the actions that wait, so the app gets its answer at once and the rest runs afterwards; or turn on "Asynchronous response" in the response action's settings where the app does not need the result.`,
          'If the app needs the result of the slow part, split the work: respond with an id at once, let the flow write its result to Dataverse or SharePoint, and have the app read it later (a timer or a refresh).',
          'Shorten retry policies and loop timeouts that can run past two minutes.',
          `Background: ${KB_LINKS.asyncPattern}`,
        ],
        identity: [waits.map((w) => `${w.kind}:${w.action}`).join(',')],
      }),
    );
  }
  return out;
}

/** Waits before the first response, following child flows (their own waits before they respond add up). */
function blockingWaits(flow: Flow, byId: Map<string, Flow>, seen: Set<string>): WaitPoint[] {
  seen.add(flow.id);
  const waits: WaitPoint[] = [];
  for (const w of flow.waits) {
    if (!w.beforeResponse) continue;
    waits.push(w);
  }
  for (const childId of flow.childFlows) {
    const child = byId.get(childId);
    if (!child || seen.has(childId)) continue;
    const before = flow.waits.some((w) => w.kind === 'child-flow' && w.beforeResponse);
    if (!before) continue;
    for (const w of blockingWaits(child, byId, seen)) waits.push({ ...w, action: `${child.name} › ${w.action}` });
  }
  return waits;
}

export const syncTimeoutRisk: Rule = { meta, check };

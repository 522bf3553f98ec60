import type { RuleMeta } from '../rules/types.js';
import type { AppJson, CallJson, FlowJson, Report, SolutionJson } from './types.js';

/** Link to a rule's documentation page: `<docsBase><id>-<name>.md`, or undefined without a docs base. */
export function ruleDocsUrl(docsBase: string, ruleId: string, ruleName: string): string | undefined {
  if (docsBase === '') return undefined;
  const base = docsBase.endsWith('/') ? docsBase : `${docsBase}/`;
  return `${base}${encodeURIComponent(`${ruleId}-${ruleName}`)}.md`;
}

/** Rules by id. */
export function rulesById(rules: readonly RuleMeta[]): Map<string, RuleMeta> {
  return new Map(rules.map((r) => [r.id, r]));
}

/** Docs URL of each error code the rules know, first rule wins. */
export function errorCodeDocs(rules: readonly RuleMeta[]): Map<string, string> {
  const docs = new Map<string, string>();
  for (const rule of rules) for (const code of rule.errorCodes) if (!docs.has(code.code) && code.docs) docs.set(code.code, code.docs);
  return docs;
}

/** WorkflowIds compare case-insensitively and with or without braces. */
export function normalizeFlowId(id: string): string {
  return id.trim().replace(/^\{|\}$/g, '').toLowerCase();
}

export interface FlowEntry {
  flow: FlowJson;
  solution: SolutionJson;
}

/** Flows of all solutions by normalised id. */
export function indexFlows(solutions: readonly SolutionJson[]): Map<string, FlowEntry[]> {
  const index = new Map<string, FlowEntry[]>();
  for (const solution of solutions) {
    for (const flow of solution.flows) {
      const key = normalizeFlowId(flow.id);
      const list = index.get(key) ?? [];
      list.push({ flow, solution });
      index.set(key, list);
    }
  }
  return index;
}

/** The flow a call is bound to: the one in the call's flow solution when known, else the first with that id. */
export function lookupFlow(
  index: ReadonlyMap<string, FlowEntry[]>,
  flowId: string | null | undefined,
  flowSolution?: string | null,
): FlowEntry | undefined {
  if (!flowId) return undefined;
  const entries = index.get(normalizeFlowId(flowId));
  if (!entries || entries.length === 0) return undefined;
  if (flowSolution) {
    const inSolution = entries.find((e) => e.solution.path === flowSolution || e.solution.uniqueName === flowSolution);
    if (inSolution) return inSolution;
  }
  return entries[0];
}

export interface CallerEntry {
  app: AppJson;
  solution: SolutionJson;
}

/**
 * False for a data source that no formula calls (formulas read in full, no call site): the app holds
 * the flow but does not call it. Formulas not read, or read in part, keep the stored binding a call.
 */
export function formulasMayCall(call: Pick<CallJson, 'callSites' | 'traced'>): boolean {
  return !(call.callSites !== undefined && call.callSites.length === 0 && call.traced === true);
}

/** Apps (of any solution) whose formulas call the given flow id (see {@link formulasMayCall}). */
export function callersOf(solutions: readonly SolutionJson[], flowId: string): CallerEntry[] {
  const key = normalizeFlowId(flowId);
  const callers: CallerEntry[] = [];
  for (const solution of solutions) {
    for (const app of solution.apps) {
      if (app.calls.some((c) => c.flowId !== null && normalizeFlowId(c.flowId) === key && formulasMayCall(c))) callers.push({ app, solution });
    }
  }
  return callers;
}

/** How a flow's connection is supplied at run time, in words. */
export function connectionModeLabel(runtimeSource: string): string {
  switch (runtimeSource) {
    case 'invoker':
      return 'invoker (run-only user)';
    case 'embedded':
      return 'embedded';
    default:
      return runtimeSource === '' ? 'unknown' : runtimeSource;
  }
}

export interface AnalysisStats {
  solutions: number;
  apps: number;
  flows: number;
}

export function analysisStats(report: Report): AnalysisStats {
  let apps = 0;
  let flows = 0;
  for (const s of report.solutions) {
    apps += s.apps.length;
    flows += s.flows.length;
  }
  return { solutions: report.solutions.length, apps, flows };
}

/**
 * A repository-relative path as a SARIF/URI reference: forward slashes, no leading `./` or `/`,
 * each segment percent-encoded.
 */
export function repoRelativeUri(path: string): string {
  const clean = path.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '').replace(/^\/+/, '');
  return clean
    .split('/')
    .filter((seg) => seg !== '' && seg !== '.')
    .map((seg) => encodeURIComponent(seg))
    .join('/');
}

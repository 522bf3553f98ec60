import type { FlowCall, SignatureOutput, SignatureParam, Workspace } from '../model/types.js';
import { sortFindings } from './sort.js';
import type { Finding } from '../rules/types.js';
import { TOOL_NAME, VERSION } from '../version.js';
import type { AppJson, CallJson, FlowJson, Report, SolutionJson, TargetJson } from './types.js';

/** Builds the JSON report (schema version 1) from what was read and what was found. Pure. */
export function buildReport(
  workspace: Workspace,
  findings: Finding[],
  extra: Pick<Report, 'fixed' | 'changes'> & { suppressed?: readonly { finding: Finding; reason: string }[] } = {},
): Report {
  const counts: Report['counts'] = { error: 0, warning: 0, note: 0 };
  for (const f of findings) counts[f.severity]++;
  if (findings.some((f) => f.status !== undefined)) {
    counts.new = findings.filter((f) => f.status === 'new').length;
    counts.changed = findings.filter((f) => f.status === 'changed').length;
  }
  return {
    schemaVersion: 1,
    tool: { name: TOOL_NAME, version: VERSION },
    solutions: workspace.solutions.map(solutionJson),
    findings: sortFindings(findings),
    ...(extra.fixed ? { fixed: sortFindings(extra.fixed) } : {}),
    ...(extra.changes ? { changes: extra.changes } : {}),
    ...(extra.suppressed && extra.suppressed.length > 0
      ? {
          suppressed: sortFindings(extra.suppressed.map((s) => s.finding)).map((f) => {
            const reason = extra.suppressed?.find((s) => s.finding === f)?.reason ?? '';
            return { ruleId: f.ruleId, rule: f.rule, fingerprint: f.fingerprint, message: f.message, reason };
          }),
        }
      : {}),
    diagnostics: workspace.diagnostics,
    counts,
  };
}

function solutionJson(s: Workspace['solutions'][number]): SolutionJson {
  return {
    path: s.path,
    uniqueName: s.uniqueName,
    displayName: s.displayName,
    version: s.version,
    managed: s.managed,
    layout: s.layout,
    flows: s.flows.map(
      (f): FlowJson => ({
        id: f.id,
        name: f.name,
        state: f.state,
        trigger: f.trigger ? { type: f.trigger.type, kind: f.trigger.kind } : null,
        inputs: f.inputs.map(param),
        outputs: f.outputs.map(output),
        connections: f.connections.map((c) => ({ key: c.key, api: c.api, runtimeSource: c.runtimeSource, connectionReference: c.connectionReference ?? null })),
        file: f.origin.file,
        ...(f.origin.inner ? { inner: f.origin.inner } : {}),
      }),
    ),
    apps: s.apps.map(
      (a): AppJson => ({
        name: a.name,
        displayName: a.displayName,
        document: a.document,
        calls: a.calls.map(callJson),
        file: a.origin.file,
        ...(a.origin.inner ? { inner: a.origin.inner } : {}),
      }),
    ),
  };
}

function callJson(c: FlowCall): CallJson {
  return {
    dataSource: c.dataSource,
    flowId: c.binding.flowId ?? null,
    resolved: c.binding.flowId !== undefined,
    resolvedBy: c.binding.resolvedBy ?? null,
    confidence: c.binding.confidence ?? null,
    flowSolution: c.binding.solutionPath ?? null,
    storedInputs: c.storedInputs.map(param),
    storedOutputs: c.storedOutputs ? c.storedOutputs.map(output) : null,
    storedConnections: c.storedConnections.map((s) => ({ key: s.key, api: s.api })),
    ...(c.formulas
      ? {
          callSites: c.formulas.callSites.map((s) => ({
            screen: s.screen,
            control: s.control,
            property: s.property,
            arguments: s.arguments,
            formula: s.formula,
            location: { file: s.location.file, ...(s.location.inner ? { inner: s.location.inner } : {}) },
          })),
          outputReads: c.formulas.outputReads.map((r) => ({ output: r.output, screen: r.screen, control: r.control, property: r.property, via: r.via })),
          traced: c.formulas.traced,
        }
      : {}),
  };
}

function param(p: SignatureParam): SignatureParam {
  return { name: p.name, type: p.type, required: p.required, title: p.title };
}

function output(o: SignatureOutput): SignatureOutput {
  return { name: o.name, type: o.type, title: o.title };
}

/**
 * The report with the target check's outcome added: its findings among the others (sorted, counted),
 * its diagnostics, and the `target` object. Pure; the offline part is unchanged.
 */
export function withTarget(report: Report, target: { json: TargetJson; findings: readonly Finding[]; diagnostics: readonly Report['diagnostics'][number][] }): Report {
  const findings = sortFindings([...report.findings, ...target.findings]);
  const counts: Report['counts'] = { error: 0, warning: 0, note: 0 };
  for (const f of findings) counts[f.severity]++;
  if (findings.some((f) => f.status !== undefined)) counts.new = findings.filter((f) => f.status === 'new').length;
  return { ...report, findings, diagnostics: [...report.diagnostics, ...target.diagnostics], counts, target: target.json };
}

import type { Finding } from '../rules/types.js';
import { analysisStats } from './common.js';
import { MAX_MESSAGE_LENGTH, plainText, redactSecrets } from './escape.js';
import { SEVERITIES, countPhrase, plural } from './severity.js';
import { countBySeverity, isNew, sortDiagnostics, sortFindings } from './sort.js';
import type { Report, RenderContext } from './types.js';

const INDENT = '    ';
const MAX_PATH_LENGTH = 500;

/** `file:inner` (the inner path only for archives). */
function where(file: string, inner: string | undefined): string {
  const f = plainText(file, MAX_PATH_LENGTH);
  return inner ? `${f}:${plainText(inner, MAX_PATH_LENGTH)}` : f;
}

function header(f: Finding): string {
  return `${where(f.location.file, f.location.inner)}: ${plainText(f.severity, 20)} ${plainText(f.ruleId, 50)} ${plainText(f.rule, 100)}: ${plainText(f.message, MAX_MESSAGE_LENGTH)}`;
}

/**
 * The terminal format (no colours): one block per finding, in {@link sortFindings} order —
 * `path[:inner]: severity RULEID rule-name: message`, then, indented, the predicted error codes, the
 * status when compared, and the numbered fix steps — followed by fixed findings, diagnostics and a count line.
 * Untrusted text is redacted and stripped of control characters (no terminal escape sequences get through).
 */
export function renderText(report: Report, ctx: RenderContext): string {
  const out: string[] = [];
  const findings = sortFindings(report.findings);
  for (const f of findings) {
    out.push(header(f));
    if (f.errorCodes.length > 0) out.push(`${INDENT}predicted errors: ${f.errorCodes.map((c) => plainText(c, 100)).join(', ')}`);
    if (ctx.compared) out.push(`${INDENT}status: ${isNew(f) ? 'new in this change' : 'already present'}`);
    for (const e of f.evidence ?? []) out.push(`${INDENT}evidence: ${e.severity} ${plainText(e.ruleId, 20)}: ${plainText(e.message, MAX_MESSAGE_LENGTH)}`);
    if (f.mitigation.length > 0) {
      out.push(`${INDENT}how to fix:`);
      f.mitigation.forEach((step, i) => out.push(`${INDENT}  ${i + 1}. ${plainText(step, MAX_MESSAGE_LENGTH)}`));
    }
    out.push('');
  }
  const fixed = sortFindings(report.fixed ?? []);
  if (fixed.length > 0) {
    out.push('fixed:');
    for (const f of fixed) out.push(`${INDENT}${header(f)}`);
    out.push('');
  }
  const diagnostics = sortDiagnostics(report.diagnostics);
  if (diagnostics.length > 0) {
    out.push('diagnostics:');
    for (const d of diagnostics) out.push(`${INDENT}${where(d.file, d.inner)}: ${plainText(d.severity, 20)}: ${plainText(d.message, MAX_MESSAGE_LENGTH)}`);
    out.push('');
  }
  out.push(countLine(report, ctx, findings));
  return redactSecrets(`${out.join('\n')}\n`);
}

function countLine(report: Report, ctx: RenderContext, findings: readonly Finding[]): string {
  const counts = countBySeverity(findings);
  const stats = analysisStats(report);
  const scope = `${plural(stats.solutions, 'solution')}, ${plural(stats.apps, 'canvas app')}, ${plural(stats.flows, 'flow')}`;
  const total = SEVERITIES.reduce((n, s) => n + counts[s], 0);
  const found = total === 0 ? 'no problems' : countPhrase(counts);
  const compared = ctx.compared ? ` (${findings.filter(isNew).length} new, ${report.fixed?.length ?? 0} fixed)` : '';
  const unread = report.diagnostics.length > 0 ? `; ${plural(report.diagnostics.length, 'diagnostic')}` : '';
  const tool = `${plainText(report.tool.name || 'FlowGuard', 50)} ${plainText(report.tool.version, 50)}`;
  return `${found}${compared} in ${scope}${unread} — ${tool}`;
}

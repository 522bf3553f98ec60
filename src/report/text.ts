import { targetText } from './target-section.js';
import type { Finding } from '../rules/types.js';
import { analysisStats } from './common.js';
import { MAX_MESSAGE_LENGTH, plainText, redactSecrets } from './escape.js';
import { SEVERITIES, countPhrase, plural } from './severity.js';
import { countBySeverity, isNew, sortChanges, sortDiagnostics, sortFindings } from './sort.js';
import type { ChangeJson, Report, RenderContext } from './types.js';

const INDENT = '    ';
const MAX_PATH_LENGTH = 500;

/** `file:inner` (the inner path only for archives). */
function where(file: string, inner: string | undefined): string {
  const f = plainText(file, MAX_PATH_LENGTH);
  return inner ? `${f}:${plainText(inner, MAX_PATH_LENGTH)}` : f;
}

export interface TextOptions {
  /** ANSI colours for a terminal (severity words, group headings); the CLI decides (TTY, NO_COLOR, FORCE_COLOR). */
  color?: boolean;
}

type Paint = (code: string, text: string) => string;
const ANSI: Record<string, string> = { error: '31', warning: '33', note: '36', bold: '1', dim: '2' };
const paintWith = (color: boolean): Paint => (color ? (code, text) => `\u001b[${ANSI[code] ?? '0'}m${text}\u001b[0m` : (_code, text) => text);

function header(f: Finding, paint: Paint): string {
  return `${where(f.location.file, f.location.inner)}: ${paint(f.severity, plainText(f.severity, 20))} ${plainText(f.ruleId, 50)} ${plainText(f.rule, 100)}: ${plainText(f.message, MAX_MESSAGE_LENGTH)}`;
}

interface Group<T> {
  key: string;
  items: T[];
}

/** Groups in order of first appearance: with findings sorted worst first, a group's place is its worst finding. */
function groupBy<T>(items: readonly T[], key: (t: T) => string): Group<T>[] {
  const groups = new Map<string, Group<T>>();
  for (const t of items) {
    const k = key(t);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { key: k, items: [] }));
    g.items.push(t);
  }
  return [...groups.values()];
}

function solutionHeading(f: Finding): string {
  return `${plainText(f.solution.uniqueName, 200)} · ${plainText(f.solution.path, MAX_PATH_LENGTH)}`;
}

function componentHeading(f: Finding): string {
  const app = f.app ? `app '${plainText(f.app.displayName || f.app.name, 200)}'` : '';
  const flow = f.flow ? `flow '${plainText(f.flow.name, 200)}' (${plainText(f.flow.id, 100)})` : '';
  if (app && flow) return `${app} → ${flow}`;
  return app || flow || 'the solution itself';
}

function statusText(f: Finding): string {
  if (f.status === 'changed') return isNew(f) ? 'changed in this change' : 'already present, less severe now';
  return isNew(f) ? 'new in this change' : 'already present';
}

function findingBlock(f: Finding, ctx: RenderContext, paint: Paint, indent: string): string[] {
  const out = [`${indent}${header(f, paint)}`];
  const more = `${indent}${INDENT}`;
  if (f.errorCodes.length > 0) out.push(`${more}predicted errors: ${f.errorCodes.map((c) => plainText(c, 100)).join(', ')}`);
  if (ctx.compared) out.push(`${more}status: ${statusText(f)}`);
  if (f.previous) out.push(`${more}was: ${f.previous.severity} ${plainText(f.previous.message, MAX_MESSAGE_LENGTH)}`);
  for (const e of f.evidence ?? []) out.push(`${more}evidence: ${paint(e.severity, e.severity)} ${plainText(e.ruleId, 20)}: ${plainText(e.message, MAX_MESSAGE_LENGTH)}`);
  if (f.mitigation.length > 0) {
    out.push(`${more}how to fix:`);
    f.mitigation.forEach((step, i) => out.push(`${more}  ${i + 1}. ${plainText(step, MAX_MESSAGE_LENGTH)}`));
  }
  return out;
}

/**
 * The terminal format: findings grouped by solution, then by app → flow (groups in the order of their
 * worst finding, findings in {@link sortFindings} order). Each finding is `path[:inner]: severity RULEID
 * rule-name: message`, then, indented, the predicted error codes, the status when compared, the evidence
 * and the numbered fix steps; then fixed findings, what changed (with a base), diagnostics and the one-line summary.
 * Untrusted text is redacted and stripped of control characters (no terminal escape sequences get
 * through); colours, when asked for, are added around text that was already cleaned.
 */
export function renderText(report: Report, ctx: RenderContext, options: TextOptions = {}): string {
  const paint = paintWith(options.color === true);
  const out: string[] = [];
  const findings = sortFindings(report.findings);
  for (const solution of groupBy(findings, (f) => `${f.solution.path}\u0000${f.solution.uniqueName}`)) {
    out.push(paint('bold', solutionHeading(solution.items[0]!)));
    for (const component of groupBy(solution.items, (f) => [f.app?.name ?? '', f.flow?.id ?? ''].join('\u0000'))) {
      out.push(`  ${paint('bold', componentHeading(component.items[0]!))}`);
      for (const f of component.items) out.push(...findingBlock(f, ctx, paint, '    '), '');
    }
  }
  const fixed = sortFindings(report.fixed ?? []);
  if (fixed.length > 0) {
    out.push(paint('bold', 'fixed:'));
    for (const f of fixed) out.push(`${INDENT}${header(f, paint)}`);
    out.push('');
  }
  const changes = sortChanges(report.changes ?? []);
  if (changes.length > 0) {
    out.push(paint('bold', 'what changed:'));
    for (const c of changes) out.push(...changeBlock(c));
    out.push('');
  }
  out.push(...targetText(report));
  const diagnostics = sortDiagnostics(report.diagnostics);
  if (diagnostics.length > 0) {
    out.push(paint('bold', 'diagnostics:'));
    for (const d of diagnostics) out.push(`${INDENT}${where(d.file, d.inner)}: ${plainText(d.severity, 20)}: ${plainText(d.message, MAX_MESSAGE_LENGTH)}`);
    out.push('');
  }
  out.push(countLine(report, ctx, findings));
  return redactSecrets(`${out.join('\n')}\n`);
}

const CHANGE_NOUN: Record<string, string> = { flow: 'flow', connectionReference: 'connection reference', app: 'app', solution: 'solution' };

/** `flow 'Submit' (id) in path: signature-changed`, then its details and what every target needs, indented. */
function changeBlock(c: ChangeJson): string[] {
  const id = c.id ? ` (${plainText(c.id, 100)})` : '';
  const from = c.previousName !== undefined ? ` from '${plainText(c.previousName, 200)}'` : '';
  const noun = CHANGE_NOUN[c.kind] ?? plainText(c.kind, 50);
  const out = [`${INDENT}${noun} '${plainText(c.name, 200)}'${id} in ${plainText(c.solution, MAX_PATH_LENGTH)}: ${plainText(c.change, 100)}${from}`];
  for (const d of c.details) out.push(`${INDENT}${INDENT}${plainText(d, MAX_MESSAGE_LENGTH)}`);
  for (const n of c.targetNeeds ?? []) out.push(`${INDENT}${INDENT}every target environment needs: ${plainText(n, MAX_MESSAGE_LENGTH)}`);
  return out;
}

function countLine(report: Report, ctx: RenderContext, findings: readonly Finding[]): string {
  const counts = countBySeverity(findings);
  const stats = analysisStats(report);
  const scope = `${plural(stats.solutions, 'solution')}, ${plural(stats.apps, 'canvas app')}, ${plural(stats.flows, 'flow')}`;
  const total = SEVERITIES.reduce((n, s) => n + counts[s], 0);
  const found = total === 0 ? 'no problems' : countPhrase(counts);
  const changed = findings.filter((f) => f.status === 'changed').length;
  const compared = ctx.compared ? ` (${findings.filter((f) => f.status !== 'changed' && isNew(f)).length} new${changed > 0 ? `, ${changed} changed` : ''}, ${report.fixed?.length ?? 0} fixed)` : '';
  const unread = report.diagnostics.length > 0 ? `; ${plural(report.diagnostics.length, 'diagnostic')}` : '';
  const tool = `${plainText(report.tool.name || 'FlowGuard', 50)} ${plainText(report.tool.version, 50)}`;
  return `${found}${compared} in ${scope}${unread} — ${tool}`;
}

/**
 * The "Target environment" part of the reports: where the check looked, what the environment has
 * installed, what was read, and what will fail there. Pure; every printed name is escaped.
 */
import type { Finding } from '../rules/types.js';
import { escapeMarkdown, plainText } from './escape.js';
import { plural } from './severity.js';
import type { Report, TargetJson } from './types.js';

/** Target findings are the FG6xx rules. */
export function isTargetFinding(f: Finding): boolean {
  return /^FG6\d\d$/.test(f.ruleId);
}

const STATUS_TEXT: Record<TargetJson['status'], string> = {
  checked: 'checked',
  partial: 'partly checked (see the diagnostics)',
  'not-run': 'not checked',
};

function managedText(m: boolean | null): string {
  return m === null ? 'unknown' : m ? 'managed' : 'unmanaged';
}

function readText(t: TargetJson): string {
  const c = t.checked;
  return `${plural(c.flows, 'flow')}, ${plural(c.apps, 'canvas app')}, ${plural(c.connectionReferences, 'connection reference')}, ${plural(c.layerQueries, 'layer query', 'layer queries')} (${plural(c.requests, 'request')})`;
}

/** What a target finding is about, for its one-line entry: the app, the flow, or the solution. */
function subjectOf(f: Finding): string {
  if (f.app) return `app ${escapeMarkdown(f.app.displayName || f.app.name)}`;
  if (f.flow) return `flow ${escapeMarkdown(f.flow.name)}`;
  return `solution ${escapeMarkdown(f.solution.uniqueName)}`;
}

const ICON: Record<string, string> = { error: '❌', warning: '⚠️', note: 'ℹ️' };

/** The Markdown section; [] when the report has no target. `briefOf` gives a rule's short "what breaks". */
export function targetMarkdown(report: Report, briefOf: (ruleId: string) => string | undefined = () => undefined): string[] {
  const t = report.target;
  if (!t) return [];
  const findings = report.findings.filter(isTargetFinding);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const out = ['### 🎯 Target environment', '', `**${escapeMarkdown(t.host)}** — ${STATUS_TEXT[t.status]}${t.reason ? `: ${escapeMarkdown(t.reason, 300)}` : ''}`, ''];
  if (t.status !== 'not-run') {
    out.push('| Solution | Installed there | Managed there | This export |', '|---|---|---|---|');
    for (const s of t.solutions) {
      const installed = s.installed === null ? 'unknown' : s.installed ? escapeMarkdown(s.version ?? '') || 'yes' : 'not installed (first import)';
      out.push(`| ${escapeMarkdown(s.uniqueName)} | ${installed} | ${s.installed ? managedText(s.managed) : '—'} | ${escapeMarkdown(s.exportedVersion)} ${escapeMarkdown(s.exportedManaged)} |`);
    }
    out.push('', `Read: ${readText(t)}.`);
    out.push(findings.length === 0 ? 'Nothing there stops this release.' : `What will fail there: ${plural(errors, 'error')}, ${plural(findings.length - errors, 'other finding')} (details with the findings):`, '');
    for (const f of findings) out.push(`- ${ICON[f.severity] ?? '•'} **${f.ruleId}** ${subjectOf(f)}: ${escapeMarkdown(f.brief ?? briefOf(f.ruleId) ?? f.rule, 120)}`);
    if (findings.length > 0) out.push('');
  }
  return out;
}

/** The text block; [] when the report has no target. */
export function targetText(report: Report): string[] {
  const t = report.target;
  if (!t) return [];
  const out = [`target environment: ${plainText(t.host, 200)} (${STATUS_TEXT[t.status]}${t.reason ? `: ${plainText(t.reason, 300)}` : ''})`];
  if (t.status !== 'not-run') {
    for (const s of t.solutions) {
      const where = s.installed === null ? 'unknown' : s.installed ? `installed ${plainText(s.version ?? '', 40)} ${managedText(s.managed)}` : 'not installed';
      out.push(`  ${plainText(s.uniqueName, 200)}: ${where}; this export ${plainText(s.exportedVersion, 40)} ${s.exportedManaged}`);
    }
    out.push(`  read: ${readText(t)}`);
  }
  out.push('');
  return out;
}

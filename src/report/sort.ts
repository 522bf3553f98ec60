import type { Diagnostic, Severity } from '../model/types.js';
import type { Finding } from '../rules/types.js';
import type { ChangeJson } from './types.js';
import { severityRank } from './severity.js';

/**
 * Locale-independent string order: case-insensitive first, then by code unit so that strings that
 * differ only in case still have a fixed order. (`localeCompare` depends on the ICU data of the Node build.)
 */
export function compareText(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  if (a !== b) return a < b ? -1 : 1;
  return 0;
}

function appKey(f: Finding): string[] {
  return f.app ? [f.app.displayName, f.app.name] : [];
}

function flowKey(f: Finding): string[] {
  return f.flow ? [f.flow.name, f.flow.id] : [];
}

/** Compares key lists; a shorter list (no app / no flow) sorts before a longer one. */
function compareKeys(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareText(a[i] ?? '', b[i] ?? '');
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/**
 * The order every reporter prints findings in:
 * severity (error, warning, note), solution path, app (display name, then name; solution-level
 * findings without an app first), flow (name, then id; app-level findings without a flow first),
 * rule id, fingerprint; then message and location so that the order is total.
 */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    compareText(a.solution.path, b.solution.path) ||
    compareText(a.solution.uniqueName, b.solution.uniqueName) ||
    compareKeys(appKey(a), appKey(b)) ||
    compareKeys(flowKey(a), flowKey(b)) ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.fingerprint, b.fingerprint) ||
    compareText(a.message, b.message) ||
    compareText(a.location.file, b.location.file) ||
    compareText(a.location.inner ?? '', b.location.inner ?? '')
  );
}

/** A sorted copy (see {@link compareFindings}); the input is not changed. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

/** Diagnostics by file, inner path, severity, message. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareText(a.file, b.file) ||
    compareText(a.inner ?? '', b.inner ?? '') ||
    severityRank(a.severity) - severityRank(b.severity) ||
    compareText(a.message, b.message)
  );
}

export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(compareDiagnostics);
}

/** Counts by severity of the given findings. */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, note: 0 };
  for (const f of findings) if (f.severity in counts) counts[f.severity]++;
  return counts;
}

/**
 * Whether a compared finding is something the change did: a new finding, or a changed one whose
 * identity (fingerprint: what it is about) changed or whose severity rose. A changed finding whose only
 * change is a lower severity is what was there before, eased. A missing status is treated as new (never hide a finding).
 */
export function isNew(f: Finding): boolean {
  if (f.status === 'existing') return false;
  if (f.status !== 'changed' || !f.previous) return true;
  return f.previous.fingerprint !== f.fingerprint || severityRank(f.severity) < severityRank(f.previous.severity);
}

const CHANGE_KIND_ORDER: Record<string, number> = { flow: 0, connectionReference: 1, app: 2, solution: 3 };

/** Changes by kind (flows, connection references, apps, solutions), solution, name, id, change. */
export function sortChanges(changes: readonly ChangeJson[]): ChangeJson[] {
  return [...changes].sort(
    (a, b) =>
      (CHANGE_KIND_ORDER[a.kind] ?? 4) - (CHANGE_KIND_ORDER[b.kind] ?? 4) ||
      compareText(a.solution, b.solution) ||
      compareText(a.name, b.name) ||
      compareText(a.id ?? '', b.id ?? '') ||
      compareText(a.change, b.change),
  );
}

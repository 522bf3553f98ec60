import type { Severity } from '../model/types.js';
import type { Finding } from '../rules/types.js';
import { isNew } from './sort.js';

const RANK: Record<Severity, number> = { error: 3, warning: 2, note: 1 };

/**
 * The findings that fail the run: at or above `failOn`, and with the scope 'new' only what the change did
 * ({@link isNew}: new findings, and changed ones whose identity changed or whose severity rose).
 */
export function gatingFindings(findings: readonly Finding[], failOn: Severity | 'never', scope: 'new' | 'all'): Finding[] {
  if (failOn === 'never') return [];
  return findings.filter((f) => RANK[f.severity] >= RANK[failOn] && (scope === 'all' || isNew(f)));
}

/** Whether the findings fail the run. */
export function gate(findings: readonly Finding[], failOn: Severity | 'never', scope: 'new' | 'all'): boolean {
  return gatingFindings(findings, failOn, scope).length > 0;
}

/** The worst severity among the findings, or 'none'. */
export function worstSeverity(findings: readonly Finding[]): Severity | 'none' {
  return findings.reduce<Severity | 'none'>((w, f) => (w === 'none' || RANK[f.severity] > RANK[w] ? f.severity : w), 'none');
}

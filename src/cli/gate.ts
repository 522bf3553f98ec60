import type { Severity } from '../model/types.js';
import type { Finding } from '../rules/types.js';

const RANK: Record<Severity, number> = { error: 3, warning: 2, note: 1 };

/** Whether the findings fail the run: any finding at or above `failOn`, counting only new ones when the scope is 'new'. */
export function gate(findings: readonly Finding[], failOn: Severity | 'never', scope: 'new' | 'all'): boolean {
  if (failOn === 'never') return false;
  return findings.some((f) => RANK[f.severity] >= RANK[failOn] && (scope === 'all' || f.status !== 'existing'));
}

import type { Severity } from '../model/types.js';

/** Worst first. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'note'];

/** One table: how each severity looks in every output. */
export const SEVERITY_STYLE: Readonly<
  Record<
    Severity,
    {
      rank: number;
      icon: string;
      singular: string;
      plural: string;
      heading: string;
      sarif: 'error' | 'warning' | 'note';
      annotation: 'error' | 'warning' | 'notice';
    }
  >
> = {
  error: { rank: 0, icon: '❌', singular: 'error', plural: 'errors', heading: 'Errors', sarif: 'error', annotation: 'error' },
  warning: { rank: 1, icon: '⚠️', singular: 'warning', plural: 'warnings', heading: 'Warnings', sarif: 'warning', annotation: 'warning' },
  note: { rank: 2, icon: 'ℹ️', singular: 'note', plural: 'notes', heading: 'Notes', sarif: 'note', annotation: 'notice' },
};

/** Rank of a severity, worst (0) first; unknown values sort last. */
export function severityRank(severity: Severity): number {
  return SEVERITY_STYLE[severity]?.rank ?? SEVERITIES.length;
}

/** `1 error`, `2 errors`. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** `2 errors, 1 warning` for the non-zero severities, or `''` when all are zero. */
export function countPhrase(counts: Readonly<Record<Severity, number>>, prefix = ''): string {
  return SEVERITIES.filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${prefix}${counts[s] === 1 ? SEVERITY_STYLE[s].singular : SEVERITY_STYLE[s].plural}`)
    .join(', ');
}

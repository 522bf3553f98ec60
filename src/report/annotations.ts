import type { Finding } from '../rules/types.js';
import { plainText, redactSecrets, stripControlKeepNewlines, truncate } from './escape.js';
import { SEVERITY_STYLE, plural, severityRank } from './severity.js';

/** GitHub shows at most 10 annotations of each level per step (and 50 per job). */
export const MAX_ANNOTATIONS = 10;
/** GitHub truncates long annotation messages; keep them readable. */
const MAX_ANNOTATION_MESSAGE = 4000;

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  title: string;
  /** Repository-relative path of the file (the archive, for findings inside a zip). */
  file: string;
  startLine?: number;
}

export interface AnnotationSet {
  annotations: Annotation[];
  /** Findings left out because of `max`: the sink should say so (e.g. one notice pointing to the job summary). */
  overflow: number;
}

/**
 * Workflow annotations for findings: at most `max`, worst first (errors, then warnings, then notes),
 * otherwise in input order. Messages are plain text (redacted, control characters removed, newlines
 * kept — the sink's annotation command escapes them) and name the path inside an archive, which
 * GitHub cannot show. There are no line numbers, so `startLine` is left out (a file-level annotation).
 */
export function toAnnotations(findings: readonly Finding[], max: number = MAX_ANNOTATIONS): AnnotationSet {
  const limit = Math.max(0, Math.floor(max));
  const ordered = findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => severityRank(a.f.severity) - severityRank(b.f.severity) || a.i - b.i)
    .map((x) => x.f);
  const annotations = ordered.slice(0, limit).map(toAnnotation);
  return { annotations, overflow: ordered.length - annotations.length };
}

function toAnnotation(f: Finding): Annotation {
  const lines = [stripControlKeepNewlines(redactSecrets(f.message))];
  if (f.location.inner) lines.push(`In ${plainText(f.location.inner, 500)}.`);
  if (f.errorCodes.length > 0) lines.push(`Predicted errors: ${f.errorCodes.map((c) => plainText(c, 100)).join(', ')}.`);
  const firstStep = f.mitigation[0];
  if (firstStep !== undefined) {
    const more = f.mitigation.length > 1 ? ` (${plural(f.mitigation.length - 1, 'more step')} in the report)` : '';
    lines.push(`Fix: ${plainText(firstStep)}${more}`);
  }
  return {
    level: SEVERITY_STYLE[f.severity]?.annotation ?? 'warning',
    message: truncate(lines.join('\n'), MAX_ANNOTATION_MESSAGE),
    title: plainText(`${f.ruleId} ${f.rule}`, 200),
    file: plainText(f.location.file, 1000),
  };
}

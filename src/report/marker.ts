/** First line of every FlowGuard comment or thread: a sink finds its own comment by it. */
export const REPORT_MARKER = '<!-- flowguard:report -->';

/**
 * The marker for a keyed sticky comment, so two workflows (or two jobs) can each keep their own:
 * `<!-- flowguard:report key=release -->`. Without a key (or an empty one) it is {@link REPORT_MARKER}.
 * The key is reduced to `[A-Za-z0-9._/-]` without `--`, at most 100 characters, so it can never end the HTML comment.
 */
export function markerFor(key?: string): string {
  const clean = (key ?? '')
    .trim()
    .replace(/[^A-Za-z0-9._/-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .slice(0, 100);
  return clean === '' ? REPORT_MARKER : `<!-- flowguard:report key=${clean} -->`;
}

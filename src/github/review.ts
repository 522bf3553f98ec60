/**
 * PR reviews with inline comments. `pulls.createReview` is all-or-nothing: one comment on a line outside
 * the diff fails the whole review with 422, so inline comments go only on lines inside a file's patch hunks
 * (the RIGHT side: added and context lines); everything else goes into the review body.
 */
import type { GitHubClient } from './client.js';
import { toFailure, type Failure } from './permissions.js';
import { COMMENT_BODY_LIMIT, fitMarkdown } from '../report/fit.js';

const HUNK = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/**
 * New-file line numbers a review comment can use with `side: 'RIGHT'`: the added and context lines of
 * every hunk in a GitHub `patch` (which starts at the first `@@`, without file headers).
 */
export function commentableLines(patch: string | undefined | null): Set<number> {
  const lines = new Set<number>();
  if (!patch) return lines;
  let next = 0; // next new-file line number
  let oldLeft = 0;
  let newLeft = 0;
  for (const raw of patch.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const h = HUNK.exec(line);
    if (h) {
      oldLeft = h[1] === undefined ? 1 : Number(h[1]);
      next = Number(h[2]);
      newLeft = h[3] === undefined ? 1 : Number(h[3]);
      continue;
    }
    if (oldLeft <= 0 && newLeft <= 0) continue; // outside a hunk
    const tag = line[0];
    if (tag === '+') {
      lines.add(next++);
      newLeft--;
    } else if (tag === '-') {
      oldLeft--;
    } else if (tag === '\\') {
      // "\ No newline at end of file"
    } else {
      // a context line (' '), or an empty line where a trailing space was stripped
      lines.add(next++);
      oldLeft--;
      newLeft--;
    }
  }
  return lines;
}

export interface ReviewFinding {
  /** Repository-relative path with forward slashes. */
  path: string;
  line?: number;
  /** Markdown. */
  body: string;
}

export interface ReviewFile {
  filename: string;
  patch?: string | null;
}

export type ReviewEvent = 'COMMENT' | 'REQUEST_CHANGES';

export interface ReviewComment {
  path: string;
  line: number;
  side: 'RIGHT';
  body: string;
}

export interface Review {
  event: ReviewEvent;
  body: string;
  comments: ReviewComment[];
}

export interface BuildReviewOptions {
  /** First paragraph of the review body. */
  header?: string;
  /** Inline comments at most; the rest go to the body. Default 50 (content-creation limits). */
  maxInline?: number;
  /** A hidden marker for the body, e.g. `<!-- flowguard:review -->`. */
  marker?: string;
}

const normPath = (p: string): string => p.replace(/\\/g, '/').replace(/^\.\//, '');

/**
 * Splits findings into inline comments (path and line inside a hunk) and a body listing the rest.
 * Files without a patch (binary solution zips, huge diffs) take no inline comments.
 */
export function buildReview(
  findings: readonly ReviewFinding[],
  files: readonly ReviewFile[],
  event: ReviewEvent,
  options: BuildReviewOptions = {},
): Review {
  const maxInline = options.maxInline ?? 50;
  const lineSets = new Map<string, Set<number>>();
  for (const f of files) lineSets.set(normPath(f.filename), commentableLines(f.patch));

  const comments: ReviewComment[] = [];
  const rest: ReviewFinding[] = [];
  for (const f of findings) {
    const path = normPath(f.path);
    const ok = f.line !== undefined && comments.length < maxInline && lineSets.get(path)?.has(f.line) === true;
    if (ok) comments.push({ path, line: f.line!, side: 'RIGHT', body: fitMarkdown(f.body, COMMENT_BODY_LIMIT) });
    else rest.push(f);
  }

  const parts: string[] = [];
  if (options.marker) parts.push(options.marker);
  const n = findings.length;
  parts.push(options.header ?? `FlowGuard found ${n} ${n === 1 ? 'issue' : 'issues'}.`);
  if (comments.length > 0) {
    parts.push(`${comments.length} ${comments.length === 1 ? 'is' : 'are'} shown inline on the changed lines.`);
  }
  if (rest.length > 0) {
    const items = rest.map((f) => {
      const where = f.line !== undefined ? `${f.path}:${f.line}` : f.path;
      const text = f.body.replace(/\r?\n/g, ' ').trim();
      return `- \`${where.replace(/`/g, "'")}\`: ${text}`;
    });
    parts.push(`${comments.length > 0 ? 'Not on changed lines' : 'Findings'}:\n\n${items.join('\n')}`);
  }
  const body = fitMarkdown(parts.join('\n\n'), COMMENT_BODY_LIMIT);
  return { event, body, comments };
}

export interface PostReviewOptions {
  owner: string;
  repo: string;
  pull: number;
  review: Review;
  /** The head SHA the lines were computed for; a push in between then fails cleanly instead of misplacing comments. */
  commitId?: string;
}

export type PostReviewResult = { action: 'created'; id: number; url: string } | Failure;

/** Posts the review; HTTP failures (403 on a fork, 422 for a bad line) come back as a {@link Failure}. */
export async function postReview(octokit: GitHubClient, options: PostReviewOptions): Promise<PostReviewResult> {
  try {
    const res = await octokit.rest.pulls.createReview({
      owner: options.owner,
      repo: options.repo,
      pull_number: options.pull,
      event: options.review.event,
      body: options.review.body,
      comments: options.review.comments.map((c) => ({ path: c.path, line: c.line, side: c.side, body: c.body })),
      ...(options.commitId ? { commit_id: options.commitId } : {}),
    });
    return { action: 'created', id: res.data.id, url: res.data.html_url };
  } catch (error) {
    return toFailure(error, 'review');
  }
}

/**
 * The sticky PR comment: one comment per PR (per marker key), found by a hidden marker and its author,
 * updated in place, never duplicated. HTTP failures come back as a typed {@link Failure}, never thrown.
 */
import { renderMarkdown } from '../report/markdown.js';
import type { RenderContext, Report } from '../report/types.js';
import type { GitHubClient } from './client.js';
import { toFailure, type Failure } from './permissions.js';
import { COMMENT_BODY_LIMIT, fitMarkdown } from '../report/fit.js';
import { markerFor, REPORT_MARKER } from '../report/marker.js';

/** The marker of the unkeyed sticky comment. */
export const MARKER = REPORT_MARKER;
export { markerFor };

/** The body of the sticky comment the Action posts (the README shows the one for the bundled example). */
export function renderCommentBody(report: Report, rctx: RenderContext): string {
  return renderMarkdown(report, rctx, { fullReportHint: 'the job summary of this run', marker: MARKER });
}

/** The login `GITHUB_TOKEN` comments as. */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

/** Pages of 100 comments read at most while looking for the sticky comment (30,000 comments). */
export const MAX_COMMENT_PAGES = 300;

export interface CommentUser {
  login: string;
  type?: string;
}

export interface StickyComment {
  id: number;
  body: string;
  url: string;
  user: CommentUser | null;
}

export interface FindCommentOptions {
  owner: string;
  repo: string;
  issueNumber: number;
  /** Default {@link MARKER}. */
  marker?: string;
  /**
   * The login whose comment counts (case-insensitive). When undefined, `github-actions[bot]` or any
   * Bot-type user (a GitHub App's bot) counts, but never a human: a user comment quoting the marker is ignored.
   */
  author?: string;
}

function authorMatches(user: CommentUser | null | undefined, author: string | undefined): boolean {
  if (!user) return false;
  if (author !== undefined) return user.login.toLowerCase() === author.toLowerCase();
  return user.login === ACTIONS_BOT_LOGIN || user.type === 'Bot';
}

/**
 * The newest comment on the issue or PR that contains the marker and is by the expected author.
 * Reads every page (100 per page, bounded by {@link MAX_COMMENT_PAGES}). Throws the Octokit error on HTTP failure.
 */
export async function findStickyComment(
  octokit: GitHubClient,
  options: FindCommentOptions,
): Promise<StickyComment | undefined> {
  const marker = options.marker ?? MARKER;
  let found: StickyComment | undefined;
  let pages = 0;
  for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner: options.owner,
    repo: options.repo,
    issue_number: options.issueNumber,
    per_page: 100,
  })) {
    for (const c of page.data) {
      const body = c.body ?? '';
      if (!body.includes(marker) || !authorMatches(c.user, options.author)) continue;
      if (found === undefined || c.id > found.id) {
        found = {
          id: c.id,
          body,
          url: c.html_url,
          user: c.user ? { login: c.user.login, type: c.user.type } : null,
        };
      }
    }
    if (++pages >= MAX_COMMENT_PAGES) break;
  }
  return found;
}

export type CommentMode = 'always' | 'on-findings' | 'never';

export interface UpsertCommentOptions extends FindCommentOptions {
  /** The comment body. The marker is added on the first line if missing; an over-long body is fitted to 65,536 characters. */
  body: string;
  mode: CommentMode;
  hasFindings: boolean;
  /**
   * In `on-findings` mode with no findings: `false` says the existing comment already reports none,
   * so it is left alone (no update, result `unchanged`). Otherwise the existing comment is updated with `body`.
   */
  previouslyHadFindings?: boolean;
  /** Which permission a 403 names: `pull-requests: write` (default) or `issues: write`. */
  target?: 'pull-request' | 'issue';
}

export type UpsertCommentResult =
  | { action: 'created'; id: number; url: string }
  | { action: 'updated' | 'unchanged'; id: number; url: string; previousBody: string }
  | { action: 'skipped'; reason: string }
  | Failure;

const normalize = (s: string): string => s.replace(/\r\n/g, '\n').trimEnd();

/** The body with the marker on its first line (if it had none) and within GitHub's limit. */
export function prepareCommentBody(body: string, marker: string = MARKER): string {
  let out = body.includes(marker) ? body : `${marker}\n${body}`;
  if (out.length > COMMENT_BODY_LIMIT) {
    const rest = out.split(marker).join('').replace(/^\r?\n/, '');
    out = `${marker}\n${fitMarkdown(rest, COMMENT_BODY_LIMIT - marker.length - 1)}`;
  }
  return out;
}

/**
 * Creates, updates or leaves the sticky comment.
 * - `never`: no API call (`skipped`).
 * - `on-findings` without findings and without an existing comment: nothing is posted (`skipped`);
 *   with an existing comment it is updated with `body` (the caller words it as "findings resolved").
 * - An existing comment whose body is already identical is not re-sent (`unchanged`).
 * 403/404 and other HTTP errors come back as `{action: 'failed', ...}`.
 */
export async function upsertStickyComment(
  octokit: GitHubClient,
  options: UpsertCommentOptions,
): Promise<UpsertCommentResult> {
  if (options.mode === 'never') return { action: 'skipped', reason: 'comment-mode is never' };
  const endpoint = options.target === 'issue' ? 'issue-comment' : 'comment';
  const marker = options.marker ?? MARKER;
  const body = prepareCommentBody(options.body, marker);
  try {
    const existing = await findStickyComment(octokit, { ...options, marker });
    if (!existing) {
      if (options.mode === 'on-findings' && !options.hasFindings) {
        return { action: 'skipped', reason: 'no findings and no earlier comment' };
      }
      const res = await octokit.rest.issues.createComment({
        owner: options.owner,
        repo: options.repo,
        issue_number: options.issueNumber,
        body,
      });
      return { action: 'created', id: res.data.id, url: res.data.html_url };
    }
    const previousBody = existing.body;
    const quietResolved = options.mode === 'on-findings' && !options.hasFindings && options.previouslyHadFindings === false;
    if (quietResolved || normalize(previousBody) === normalize(body)) {
      return { action: 'unchanged', id: existing.id, url: existing.url, previousBody };
    }
    const res = await octokit.rest.issues.updateComment({
      owner: options.owner,
      repo: options.repo,
      comment_id: existing.id,
      body,
    });
    return { action: 'updated', id: res.data.id, url: res.data.html_url, previousBody };
  } catch (error) {
    return toFailure(error, endpoint);
  }
}

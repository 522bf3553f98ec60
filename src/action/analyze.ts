import type { Config } from '../config/config.js';
import { analyze, analyzeTree, compareTrees, type Analysis } from '../engine.js';
import { buildReport } from '../report/build-report.js';
import type { GitHubClient } from '../github/client.js';
import { apiTree } from '../github/content.js';
import { compareCommits, listPullFiles, type ChangedFile as PullFile } from '../github/files.js';
import { workingTree } from '../source/folder.js';
import { changedFiles, fetchCommit, gitTree, mergeBase, repoRoot, resolveCommit, type ChangedFile } from '../source/git.js';
import { DEFAULT_LIMITS } from '../source/limits.js';
import { RepoTree } from '../source/tree.js';
import type { RunContext } from './context.js';
import type { ActionInputs } from './inputs.js';

export interface EventAnalysis {
  result: Analysis;
  compared: boolean;
  /** The pull request's files, when they were listed (reused by the review). */
  pullFiles: PullFile[] | undefined;
}

interface Args {
  cwd: string;
  ctx: RunContext;
  inputs: ActionInputs;
  config: Config;
  release: boolean;
  octokit: GitHubClient | undefined;
  log: (m: string) => void;
}

/**
 * Picks where base and head come from: local git when the commits are there (fetching a missing
 * base commit first, as shallow checkouts lack it), else the REST API (trees and blobs, capped).
 * PR content is only ever read, never run.
 */
export async function analyzeForEvent(a: Args): Promise<EventAnalysis> {
  const { ctx, inputs, config, release, cwd } = a;
  const git = (await repoRoot(cwd)) !== undefined;
  // The checkout stands for the head only when the head came from the event, not from the head-ref input;
  // and only a pull_request checkout is the PR's merge commit (pull_request_target checks out the base).
  const headIsInput = inputs.headRef !== undefined && ctx.headSha === inputs.headRef;
  const mayBeMerge = !headIsInput && ctx.event === 'pull_request';
  if (ctx.kind === 'audit' || !ctx.baseSha) {
    if (git && ctx.headSha && !(await isHead(cwd, ctx.headSha, mayBeMerge))) {
      const sha = await ensureCommit(cwd, ctx.headSha, a.log);
      if (!sha) throw new Error(`head-ref '${ctx.headSha}' is not a commit in the checkout and cannot be fetched (check out with fetch-depth: 0)`);
      const head = await analyzeTree(await gitTree(cwd, sha, inputs.paths), config, release);
      return { result: { ...head, report: buildReport(head.workspace, head.findings) }, compared: false, pullFiles: undefined };
    }
    return { result: await analyze({ cwd, paths: inputs.paths, config, release }), compared: false, pullFiles: undefined };
  }
  if (git) {
    const base = await ensureCommit(cwd, ctx.baseSha, a.log);
    const head = ctx.headSha && !(await isHead(cwd, ctx.headSha, mayBeMerge)) ? await ensureCommit(cwd, ctx.headSha, a.log) : 'worktree';
    if (base && head) {
      const from = (await mergeBase(cwd, base, head === 'worktree' ? 'HEAD' : head)) ?? base;
      a.log(`FlowGuard: comparing ${head === 'worktree' ? 'the checked-out tree' : head.slice(0, 12)} with ${from.slice(0, 12)} (git)`);
      const changed = await changedFiles(cwd, from, head, inputs.paths);
      const headTree = head === 'worktree' ? await workingTree(cwd, inputs.paths) : await gitTree(cwd, head, inputs.paths);
      const result = await compareTrees({ baseTree: await gitTree(cwd, from, inputs.paths), headTree, changed }, config, release);
      return { result, compared: true, pullFiles: undefined };
    }
  }
  if (!a.octokit || !ctx.headSha) throw new Error(`the base commit ${ctx.baseSha} is not in the checkout and cannot be fetched, and no token is available to read it through the API`);
  return viaApi(a, a.octokit, ctx.baseSha, ctx.headSha);
}

async function viaApi(a: Args, octokit: GitHubClient, baseSha: string, headSha: string): Promise<EventAnalysis> {
  const { ctx, inputs } = a;
  a.log('FlowGuard: no usable git checkout; reading base and head through the REST API');
  let pullFiles: PullFile[] | undefined;
  let files: PullFile[];
  let from = baseSha;
  let truncated: boolean;
  if (ctx.kind === 'pull_request' && ctx.prNumber) {
    const listed = await listPullFiles(octokit, { owner: ctx.owner, repo: ctx.repo, pull: ctx.prNumber });
    pullFiles = files = listed.files;
    truncated = listed.truncated;
  } else {
    const cmp = await compareCommits(octokit, { owner: ctx.owner, repo: ctx.repo, base: baseSha, head: headSha });
    files = cmp.files;
    truncated = cmp.truncated;
    from = cmp.mergeBaseSha || baseSha;
  }
  // A capped file list cannot tell which solutions the change leaves alone: then every solution counts as touched.
  if (truncated) a.log('FlowGuard: the API lists only part of the changed files; every solution is compared in full.');
  // `.` (the default) is the whole repository: no filter. (An empty list would select no file at all.)
  const paths = inputs.paths.some((p) => /^\.?\/*$/.test(p)) ? undefined : inputs.paths;
  const tree = async (sha: string): Promise<RepoTree> => {
    const t = await apiTree(octokit, { owner: ctx.owner, repo: ctx.repo, sha, paths, maxBlobBytes: DEFAULT_LIMITS.maxFileBytes });
    return new RepoTree(t.files, (p) => t.read(p));
  };
  const changed: ChangedFile[] | undefined = truncated ? undefined : files.map((f) => ({
    status: f.status === 'removed' ? 'deleted' : f.status === 'renamed' ? 'renamed' : f.status === 'added' ? 'added' : 'modified',
    path: f.filename,
    ...(f.previous_filename ? { previousPath: f.previous_filename } : {}),
  }));
  const result = await compareTrees({ baseTree: await tree(from), headTree: await tree(headSha), ...(changed ? { changed } : {}) }, a.config, a.release);
  return { result, compared: true, pullFiles };
}

async function isHead(cwd: string, sha: string, checkoutMayBeMerge: boolean): Promise<boolean> {
  const head = await resolveCommit(cwd, 'HEAD').catch(() => undefined);
  const want = await resolveCommit(cwd, sha).catch(() => undefined);
  // A pull_request checkout is the merge commit (GITHUB_SHA); its tree is what the PR would produce.
  // That holds for the event's head only: a head-ref input names some other commit.
  return head !== undefined && (head === want || (checkoutMayBeMerge && head === process.env.GITHUB_SHA));
}

/**
 * The commit a revision names, fetching it when the checkout lacks it. After actions/checkout, branches
 * other than the checked-out one exist only as `origin/<branch>`; a fetched revision is read from FETCH_HEAD.
 */
async function ensureCommit(cwd: string, rev: string, log: (m: string) => void): Promise<string | undefined> {
  const resolve = (r: string): Promise<string | undefined> => resolveCommit(cwd, r).catch(() => undefined);
  const local = (await resolve(rev)) ?? (await resolve(`origin/${rev}`));
  if (local) return local;
  log(`FlowGuard: commit ${rev.slice(0, 40)} is not in the checkout; fetching it`);
  if (await fetchCommit(cwd, rev)) return (await resolve(rev)) ?? (await resolve('FETCH_HEAD'));
  return undefined;
}

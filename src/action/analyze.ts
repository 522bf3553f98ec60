import type { Config } from '../config/config.js';
import { analyze, analyzeTree, compareTrees, type Analysis } from '../engine.js';
import { buildReport } from '../report/build-report.js';
import type { GitHubClient } from '../github/client.js';
import { apiTree } from '../github/content.js';
import { compareCommits, listPullFiles, type ChangedFile as PullFile } from '../github/files.js';
import { workingTree } from '../source/folder.js';
import { changedFiles, fetchCommit, gitTree, hasCommit, mergeBase, repoRoot, resolveCommit, type ChangedFile } from '../source/git.js';
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
  if (ctx.kind === 'audit' || !ctx.baseSha) {
    if (git && ctx.headSha && !(await isHead(cwd, ctx.headSha))) {
      const head = await analyzeTree(await gitTree(cwd, ctx.headSha, inputs.paths), config, release);
      return { result: { ...head, report: buildReport(head.workspace, head.findings) }, compared: false, pullFiles: undefined };
    }
    return { result: await analyze({ cwd, paths: inputs.paths, config, release }), compared: false, pullFiles: undefined };
  }
  if (git) {
    const base = await ensureCommit(cwd, ctx.baseSha, a.log);
    const head = ctx.headSha && !(await isHead(cwd, ctx.headSha)) ? await ensureCommit(cwd, ctx.headSha, a.log) : 'worktree';
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
  if (ctx.kind === 'pull_request' && ctx.prNumber) {
    const listed = await listPullFiles(octokit, { owner: ctx.owner, repo: ctx.repo, pull: ctx.prNumber });
    pullFiles = files = listed.files;
    if (listed.truncated) a.log('FlowGuard: the pull request lists more files than the API returns; solutions beyond that are compared in full.');
  } else {
    const cmp = await compareCommits(octokit, { owner: ctx.owner, repo: ctx.repo, base: baseSha, head: headSha });
    files = cmp.files;
    from = cmp.mergeBaseSha || baseSha;
  }
  const tree = async (sha: string): Promise<RepoTree> => {
    const t = await apiTree(octokit, { owner: ctx.owner, repo: ctx.repo, sha, paths: inputs.paths.filter((p) => p !== '.'), maxBlobBytes: DEFAULT_LIMITS.maxFileBytes });
    return new RepoTree(t.files, (p) => t.read(p));
  };
  const changed: ChangedFile[] = files.map((f) => ({
    status: f.status === 'removed' ? 'deleted' : f.status === 'renamed' ? 'renamed' : f.status === 'added' ? 'added' : 'modified',
    path: f.filename,
    ...(f.previous_filename ? { previousPath: f.previous_filename } : {}),
  }));
  const result = await compareTrees({ baseTree: await tree(from), headTree: await tree(headSha), changed }, a.config, a.release);
  return { result, compared: true, pullFiles };
}

async function isHead(cwd: string, sha: string): Promise<boolean> {
  const head = await resolveCommit(cwd, 'HEAD').catch(() => undefined);
  const want = await resolveCommit(cwd, sha).catch(() => undefined);
  // A pull_request checkout is the merge commit (GITHUB_SHA); its tree is what the PR would produce.
  return head !== undefined && (head === want || head === process.env.GITHUB_SHA);
}

async function ensureCommit(cwd: string, sha: string, log: (m: string) => void): Promise<string | undefined> {
  if (await hasCommit(cwd, sha).catch(() => false)) return sha;
  log(`FlowGuard: commit ${sha.slice(0, 12)} is not in the checkout; fetching it`);
  if (await fetchCommit(cwd, sha)) return sha;
  return undefined;
}

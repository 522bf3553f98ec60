/**
 * The base of an Azure Repos pull-request build: the merge base of the target branch and the checked-out
 * commit (the PR's merge commit). Azure Pipelines checks out shallow (`fetchDepth: 1`) by default, with
 * only the merge commit: the target branch is fetched, and the history deepened in bounded steps until the
 * two meet. Reuses src/source/git.ts for everything but `fetch --deepen`.
 */
import { execFile } from 'node:child_process';
import { fetchCommit, mergeBase, resolveCommit, validateRev } from '../source/git.js';

const FETCH_TIMEOUT_MS = 10 * 60 * 1000;
/** Deepening steps (commits each) tried before fetching the whole history. */
const DEEPEN_STEPS = [50, 200, 1000];

export interface PullRequestBase {
  /** The commit to compare with. */
  commit: string;
  /** The target branch tip that was used. */
  target: string;
  /** False when no merge base was found and the target tip itself is used. */
  isMergeBase: boolean;
}

/**
 * The build token as an HTTP header for git, through `GIT_CONFIG_*` variables (never the command line):
 * the checkout step does not keep its credentials unless `persistCredentials: true`.
 */
function gitEnv(token: string | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_TERMINAL_PROMPT: '0' };
  if (token) {
    const n = Number.parseInt(env.GIT_CONFIG_COUNT ?? '0', 10) || 0;
    env.GIT_CONFIG_COUNT = String(n + 1);
    env[`GIT_CONFIG_KEY_${n}`] = 'http.extraheader';
    env[`GIT_CONFIG_VALUE_${n}`] = `AUTHORIZATION: bearer ${token}`;
  }
  return env;
}

function git(cwd: string, args: string[], token: string | undefined): Promise<{ ok: boolean; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, env: gitEnv(token), timeout: FETCH_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024, windowsHide: true }, (err, stdout, stderr) =>
      resolve({ ok: !err, stdout: String(stdout), stderr: String(stderr).trim() }),
    );
  });
}

async function isShallow(cwd: string): Promise<boolean> {
  const r = await git(cwd, ['rev-parse', '--is-shallow-repository'], undefined);
  return r.ok && r.stdout.trim() === 'true';
}

/**
 * Finds (fetching as needed) the merge base of `origin/<targetBranch>` and HEAD.
 * Undefined when the target branch cannot be found at all.
 */
export async function pullRequestBase(cwd: string, targetBranch: string, token: string | undefined, log: (m: string) => void): Promise<PullRequestBase | undefined> {
  validateRev(targetBranch, 'target branch');
  const remoteRef = `refs/remotes/origin/${targetBranch}`;
  const refspec = `+refs/heads/${targetBranch}:${remoteRef}`;
  const shallow = await isShallow(cwd);
  log(`FlowGuard: fetching the target branch '${targetBranch}'${shallow ? ' (shallow checkout)' : ''}`);
  const fetched = token ? await fetchWithToken(cwd, refspec, shallow ? 50 : undefined, token) : await fetchCommit(cwd, refspec, 'origin', shallow ? 50 : undefined);
  if (!fetched) log(`FlowGuard: could not fetch '${targetBranch}' from origin; using what the checkout has`);
  const target = (await resolveCommit(cwd, remoteRef).catch(() => undefined)) ?? (await resolveCommit(cwd, targetBranch).catch(() => undefined));
  if (!target) return undefined;

  let base = await mergeBase(cwd, target, 'HEAD').catch(() => undefined);
  if (!base && (await isShallow(cwd))) {
    for (const depth of DEEPEN_STEPS) {
      log(`FlowGuard: no merge base in the fetched history yet; deepening by ${depth} commits`);
      const r = await git(cwd, ['fetch', '--quiet', '--no-tags', '--no-recurse-submodules', `--deepen=${depth}`, 'origin', refspec], token);
      if (!r.ok) break;
      base = await mergeBase(cwd, target, 'HEAD').catch(() => undefined);
      if (base || !(await isShallow(cwd))) break;
    }
    if (!base && (await isShallow(cwd))) {
      log('FlowGuard: fetching the whole history to find the merge base');
      await git(cwd, ['fetch', '--quiet', '--no-tags', '--no-recurse-submodules', '--unshallow', 'origin', refspec], token);
      base = await mergeBase(cwd, target, 'HEAD').catch(() => undefined);
    }
  }
  if (!base) log(`FlowGuard: '${targetBranch}' and the checked-out commit share no history; comparing with the tip of '${targetBranch}'`);
  return { commit: base ?? target, target, isMergeBase: base !== undefined };
}

async function fetchWithToken(cwd: string, refspec: string, depth: number | undefined, token: string): Promise<boolean> {
  const args = ['fetch', '--quiet', '--no-tags', '--no-recurse-submodules', ...(depth ? [`--depth=${depth}`] : []), 'origin', refspec];
  return (await git(cwd, args, token)).ok;
}

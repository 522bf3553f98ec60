/**
 * What the triggering event asks for: a pull-request review (base vs head), a push to a branch
 * (compared with the commit before the push), or an audit of the whole repository.
 */
export interface RunContext {
  kind: 'pull_request' | 'push' | 'audit';
  event: string;
  owner: string;
  repo: string;
  /** Branch the result is for: the PR's base branch, or the pushed branch. */
  branch: string | undefined;
  baseSha: string | undefined;
  headSha: string | undefined;
  prNumber: number | undefined;
  /** The PR comes from a fork: its token is read-only. */
  isFork: boolean;
}

const ZERO_SHA = /^0+$/;

type Json = Record<string, any>;

export function resolveContext(eventName: string, payload: Json, env: NodeJS.ProcessEnv, refs: { baseRef?: string | undefined; headRef?: string | undefined }): RunContext {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? `${payload.repository?.owner?.login ?? ''}/${payload.repository?.name ?? ''}`).split('/');
  const base: RunContext = { kind: 'audit', event: eventName, owner, repo, branch: branchOf(env.GITHUB_REF), baseSha: undefined, headSha: undefined, prNumber: undefined, isFork: false };
  if ((eventName === 'pull_request' || eventName === 'pull_request_target') && payload.pull_request) {
    const pr = payload.pull_request as Json;
    return {
      ...base,
      kind: 'pull_request',
      branch: pr.base?.ref,
      baseSha: pr.base?.sha,
      headSha: pr.head?.sha,
      prNumber: Number(pr.number ?? payload.number),
      isFork: Boolean(pr.head?.repo && pr.base?.repo && pr.head.repo.full_name !== pr.base.repo.full_name),
    };
  }
  if (eventName === 'push' && typeof payload.after === 'string') {
    const before = typeof payload.before === 'string' && !ZERO_SHA.test(payload.before) ? payload.before : undefined;
    return { ...base, kind: before ? 'push' : 'audit', branch: branchOf(payload.ref) ?? base.branch, baseSha: before, headSha: payload.after };
  }
  if (refs.baseRef) return { ...base, kind: 'push', baseSha: refs.baseRef, headSha: refs.headRef };
  return { ...base, headSha: refs.headRef };
}

function branchOf(ref: unknown): string | undefined {
  return typeof ref === 'string' && ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
}

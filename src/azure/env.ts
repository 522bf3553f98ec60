/**
 * What an Azure Pipelines build tells a step through its environment (predefined variables, upper-cased,
 * dots as underscores). Only read here; nothing else in src/azure looks at `process.env`.
 */
import { tmpdir } from 'node:os';

export interface AzurePipelineEnv {
  /** `Build.Reason`: `PullRequest`, `IndividualCI`, `BatchedCI`, `Schedule`, `Manual`, … */
  buildReason: string;
  /** `System.PullRequest.PullRequestId` on a pull-request build. */
  pullRequestId: number | undefined;
  /** The pull request's target branch without `refs/heads/` (`main`). */
  targetBranch: string | undefined;
  /** `Build.SourceBranch` without `refs/heads/` (`release/2.0`; `refs/pull/7/merge` stays as it is). */
  sourceBranch: string | undefined;
  /** `System.CollectionUri`, with a trailing slash (`https://dev.azure.com/contoso/`). */
  collectionUri: string | undefined;
  /** `System.TeamProject`: the project name. */
  project: string | undefined;
  /** `Build.Repository.ID`. */
  repositoryId: string | undefined;
  /** `Build.Repository.Name`, for messages. */
  repositoryName: string | undefined;
  /** `Build.Repository.Provider`: `TfsGit` for Azure Repos, `GitHub`, `Bitbucket`, … */
  repositoryProvider: string | undefined;
  /** `System.AccessToken`, when the pipeline maps it into the step's environment. */
  token: string | undefined;
  /** `Build.BuildId`, for the link back from the pull request. */
  buildId: string | undefined;
  /** `Agent.TempDirectory` (cleaned after every job), else the system's temp folder. */
  tempDir: string;
}

/** True when the variables say this is an Azure Pipelines job (`TF_BUILD=True`). */
export function isAzurePipelines(env: NodeJS.ProcessEnv): boolean {
  return (env.TF_BUILD ?? '').toLowerCase() === 'true';
}

/** A value the pipeline left as an unexpanded macro (`$(System.AccessToken)`) counts as unset. */
function value(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const v = env[name]?.trim();
  if (v === undefined || v === '' || /^\$\([^)]*\)$/.test(v)) return undefined;
  return v;
}

function branchName(ref: string | undefined): string | undefined {
  if (ref === undefined) return undefined;
  return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : ref;
}

/** The Azure Pipelines context, or undefined outside Azure Pipelines. */
export function readAzureEnv(env: NodeJS.ProcessEnv): AzurePipelineEnv | undefined {
  if (!isAzurePipelines(env)) return undefined;
  const prId = value(env, 'SYSTEM_PULLREQUEST_PULLREQUESTID');
  const prNumber = prId !== undefined && /^\d+$/.test(prId) ? Number(prId) : undefined;
  const collection = value(env, 'SYSTEM_COLLECTIONURI');
  return {
    buildReason: value(env, 'BUILD_REASON') ?? '',
    pullRequestId: prNumber,
    targetBranch: branchName(value(env, 'SYSTEM_PULLREQUEST_TARGETBRANCH')),
    sourceBranch: branchName(value(env, 'BUILD_SOURCEBRANCH')),
    collectionUri: collection === undefined ? undefined : collection.replace(/\/*$/, '/'),
    project: value(env, 'SYSTEM_TEAMPROJECT'),
    repositoryId: value(env, 'BUILD_REPOSITORY_ID'),
    repositoryName: value(env, 'BUILD_REPOSITORY_NAME'),
    repositoryProvider: value(env, 'BUILD_REPOSITORY_PROVIDER'),
    token: value(env, 'SYSTEM_ACCESSTOKEN'),
    buildId: value(env, 'BUILD_BUILDID'),
    tempDir: value(env, 'AGENT_TEMPDIRECTORY') ?? tmpdir(),
  };
}

/** A pull-request build: `Build.Reason` is `PullRequest` and the pull request and its target are known. */
export function isPullRequestBuild(e: AzurePipelineEnv): boolean {
  return e.buildReason === 'PullRequest' && e.pullRequestId !== undefined && e.targetBranch !== undefined;
}

/** Whether the pull request lives in Azure Repos, where the threads and statuses API applies. */
export function isAzureRepos(e: AzurePipelineEnv): boolean {
  return e.repositoryProvider === undefined || e.repositoryProvider === 'TfsGit';
}

/** The pull request's API root: `{collection}{project}/_apis/git/repositories/{repo}/pullRequests/{id}`. */
export function pullRequestApi(e: AzurePipelineEnv): string | undefined {
  if (!e.collectionUri || !e.project || !e.repositoryId || e.pullRequestId === undefined) return undefined;
  return `${e.collectionUri}${encodeURIComponent(e.project)}/_apis/git/repositories/${encodeURIComponent(e.repositoryId)}/pullRequests/${e.pullRequestId}`;
}

/** The build's results page (the summary tab the Markdown report is uploaded to). */
export function buildUrl(e: AzurePipelineEnv): string | undefined {
  if (!e.collectionUri || !e.project || !e.buildId) return undefined;
  return `${e.collectionUri}${encodeURIComponent(e.project)}/_build/results?buildId=${encodeURIComponent(e.buildId)}`;
}

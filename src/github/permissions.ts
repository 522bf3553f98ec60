/**
 * Turning GitHub API failures into warnings that name the missing permission.
 * Reporting failures (a read-only fork token, a 403 on a comment) must degrade to the job summary and
 * annotations, never crash the run.
 */

/** What FlowGuard was doing when the call failed. */
export type Endpoint =
  | 'comment'
  | 'issue-comment'
  | 'review'
  | 'pull-files'
  | 'compare'
  | 'tree'
  | 'blob'
  | 'check-run';

export type Permission =
  | 'pull-requests: write'
  | 'issues: write'
  | 'pull-requests: read'
  | 'contents: read'
  | 'checks: write';

interface EndpointInfo {
  action: string;
  permission: Permission;
  write: boolean;
}

const ENDPOINTS: Record<Endpoint, EndpointInfo> = {
  comment: { action: 'post the PR comment', permission: 'pull-requests: write', write: true },
  'issue-comment': { action: 'post the issue comment', permission: 'issues: write', write: true },
  review: { action: 'post the PR review', permission: 'pull-requests: write', write: true },
  'pull-files': { action: "list the pull request's changed files", permission: 'pull-requests: read', write: false },
  compare: { action: 'compare the base and head commits', permission: 'contents: read', write: false },
  tree: { action: 'list the repository tree', permission: 'contents: read', write: false },
  blob: { action: 'read a repository file', permission: 'contents: read', write: false },
  'check-run': { action: 'create the check run', permission: 'checks: write', write: true },
};

/** The permission an endpoint needs, as written in a workflow's `permissions:` block. */
export function permissionFor(endpoint: Endpoint): Permission {
  return ENDPOINTS[endpoint].permission;
}

/** True when GitHub's error text says the request hit a rate limit (which GitHub also reports as 403). */
export function isRateLimitMessage(apiMessage: string | undefined): boolean {
  return /rate limit/i.test(apiMessage ?? '');
}

const STILL_WRITTEN = 'The job summary, annotations and report files were still written.';

/**
 * A one-paragraph warning for a failed API call.
 * 403/404 name the missing permission; rate limits and other statuses say what happened instead.
 */
export function describeFailure(status: number, endpoint: Endpoint, apiMessage?: string): string {
  const info = ENDPOINTS[endpoint];
  const head = `FlowGuard could not ${info.action}`;
  const tail = info.write ? ` ${STILL_WRITTEN}` : '';
  const detail = apiMessage ? ` (GitHub said: ${apiMessage})` : '';
  if (isRateLimitMessage(apiMessage) || status === 429) {
    return `${head}: GitHub's API rate limit was exceeded and the retries ran out (HTTP ${status})${detail}.${tail}`;
  }
  if (status === 401) {
    return `${head}: the token was rejected (HTTP 401); check the \`github-token\` input.${tail}`;
  }
  if (status === 403 || status === 404) {
    const fork = info.write ? ' (fork pull requests and Dependabot runs get a read-only token)' : '';
    const notFound = status === 404 ? ' or the pull request does not exist (HTTP 404)' : '';
    return `${head}: the token lacks \`${info.permission}\`${fork}${notFound}.${tail}`;
  }
  if (status === 422) {
    return `${head}: GitHub rejected the request (HTTP 422)${detail}.${tail}`;
  }
  return `${head}: HTTP ${status}${detail}.${tail}`;
}

/** The typed result a reporting call returns instead of throwing. */
export interface Failure {
  action: 'failed';
  status: number;
  /** Set for 403/404 that are not rate limits. */
  missingPermission?: Permission;
  /** A warning for the log, from {@link describeFailure}. */
  message: string;
  /** GitHub's own error message, when it sent one. */
  apiMessage?: string;
}

/** The HTTP status and GitHub message of an Octokit RequestError; undefined for anything else. */
export function httpErrorInfo(error: unknown): { status: number; apiMessage?: string } | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status = (error as { status?: unknown }).status;
  if (typeof status !== 'number') return undefined;
  const data = (error as { response?: { data?: unknown } }).response?.data;
  let apiMessage: string | undefined;
  if (typeof data === 'object' && data !== null && typeof (data as { message?: unknown }).message === 'string') {
    apiMessage = (data as { message: string }).message;
  } else if (typeof data === 'string' && data.trim() !== '') {
    apiMessage = data.trim().slice(0, 200);
  }
  return apiMessage === undefined ? { status } : { status, apiMessage };
}

/** Converts an HTTP error to a {@link Failure}; rethrows anything that is not one (programming errors). */
export function toFailure(error: unknown, endpoint: Endpoint): Failure {
  const info = httpErrorInfo(error);
  if (!info) throw error;
  const { status, apiMessage } = info;
  const failure: Failure = { action: 'failed', status, message: describeFailure(status, endpoint, apiMessage) };
  if ((status === 403 || status === 404) && !isRateLimitMessage(apiMessage)) {
    failure.missingPermission = permissionFor(endpoint);
  }
  if (apiMessage !== undefined) failure.apiMessage = apiMessage;
  return failure;
}

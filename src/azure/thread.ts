/**
 * The pull request's FlowGuard thread and status in Azure Repos.
 *
 * One thread per pull request (per marker): found by the hidden marker that starts its first comment,
 * its comment updated in place, its status `active` while the change has findings and `fixed` when they
 * are gone. A status (`…/pullRequests/{id}/statuses`) says failed or succeeded under a configurable
 * context, so a branch policy can require it. HTTP failures come back as a typed result, never thrown.
 */
import { AzureDevOpsClient, AzureHttpError } from './client.js';

export const API_VERSION = '7.1';

export type ThreadStatus = 'unknown' | 'active' | 'byDesign' | 'closed' | 'fixed' | 'wontFix' | 'pending';

export interface ThreadComment {
  id: number;
  content?: string;
  isDeleted?: boolean;
  commentType?: string;
  author?: { id?: string; displayName?: string; uniqueName?: string };
}

export interface Thread {
  id: number;
  status?: ThreadStatus | number;
  isDeleted?: boolean;
  comments?: ThreadComment[];
}

/** What to grant when the token may not write to the pull request. */
export const PERMISSION = 'Contribute to pull requests';

const STILL_WRITTEN = 'The build summary, the issues and the result of this step were still written.';

export interface Failure {
  action: 'failed';
  status: number;
  message: string;
}

export function api(base: string, path: string): string {
  return `${base}${path}${path.includes('?') ? '&' : '?'}api-version=${API_VERSION}`;
}

/** A warning for a failed call that names what to grant (401/403/404) or says what happened. */
export function describeFailure(err: unknown, doing: string, repository: string | undefined): Failure {
  const status = err instanceof AzureHttpError ? err.status : 0;
  const said = err instanceof AzureHttpError && err.apiMessage ? ` (Azure DevOps said: ${err.apiMessage})` : '';
  const repo = repository ? ` on the repository '${repository}'` : ' on the repository';
  const grant = `grant the build service identity ('<project> Build Service (<organization>)') '${PERMISSION}'${repo} (Project settings → Repositories → Security)`;
  let message: string;
  if (status === 401) {
    message = `FlowGuard could not ${doing}: the access token was rejected (HTTP 401). Map it into the step (env: SYSTEM_ACCESSTOKEN: $(System.AccessToken)) and ${grant}.`;
  } else if (status === 403) {
    message = `FlowGuard could not ${doing}: the build's access token may not write to the pull request (HTTP 403)${said}. To let FlowGuard comment, ${grant}.`;
  } else if (status === 404) {
    message = `FlowGuard could not ${doing}: the pull request or repository was not found (HTTP 404)${said}. Check that the token may read it ('Limit job authorization scope' settings) and ${grant}.`;
  } else if (status === 0) {
    message = `FlowGuard could not ${doing}: ${(err as Error).message}.`;
  } else {
    message = `FlowGuard could not ${doing}: HTTP ${status}${said}.`;
  }
  return { action: 'failed', status, message: `${message} ${STILL_WRITTEN}` };
}

/** The warning when the pipeline did not map the token into the step. */
export function missingTokenMessage(repository: string | undefined): string {
  const repo = repository ? ` on the repository '${repository}'` : '';
  return `FlowGuard could not update the pull request: SYSTEM_ACCESSTOKEN is not set. Map it into the step (env: SYSTEM_ACCESSTOKEN: $(System.AccessToken)) and grant the build service identity '${PERMISSION}'${repo}. ${STILL_WRITTEN}`;
}

function firstComment(t: Thread): ThreadComment | undefined {
  return (t.comments ?? []).filter((c) => !c.isDeleted).sort((a, b) => a.id - b.id)[0];
}

function isOurs(t: Thread, marker: string): boolean {
  if (t.isDeleted) return false;
  const c = firstComment(t);
  return c !== undefined && c.commentType !== 'system' && (c.content ?? '').trimStart().startsWith(marker);
}

/** The newest live thread whose first comment starts with the marker. */
export async function findThread(client: AzureDevOpsClient, prApi: string, marker: string): Promise<{ thread: Thread; comment: ThreadComment } | undefined> {
  const { items } = await client.list<Thread>(api(prApi, '/threads'));
  const ours = items.filter((t) => isOurs(t, marker)).sort((a, b) => b.id - a.id)[0];
  if (!ours) return undefined;
  return { thread: ours, comment: firstComment(ours) as ThreadComment };
}

export type CommentMode = 'always' | 'on-findings' | 'never';

export interface UpsertThreadOptions {
  prApi: string;
  marker: string;
  /** The comment (the marker is put on its first line when missing). */
  content: string;
  mode: CommentMode;
  /** The change has findings to show: the thread is `active`; otherwise it is `fixed`. */
  hasFindings: boolean;
  /** Something worth a new thread (findings, or fixed ones); in `on-findings` mode nothing else creates one. */
  worthPosting: boolean;
  /** For messages. */
  repository?: string;
  log?: (m: string) => void;
}

export type UpsertThreadResult =
  | { action: 'created' | 'updated' | 'unchanged'; threadId: number; commentId: number; status: ThreadStatus }
  | { action: 'skipped'; reason: string }
  | Failure;

const normalize = (s: string): string => s.replace(/\r\n/g, '\n').trimEnd();

const statusName = (s: Thread['status']): string | undefined => (typeof s === 'number' ? ['unknown', 'active', 'fixed', 'wontFix', 'closed', 'byDesign', 'pending'][s] : s);

/** Attempts at creating the thread; between them the threads are listed again, so a 5xx that did create one is not repeated. */
const CREATE_ATTEMPTS = 3;

/**
 * Creates, updates or leaves the FlowGuard thread.
 * - `never`: no request.
 * - no thread yet: created `active` (or `fixed`), unless `on-findings` and nothing is worth posting.
 * - a thread: its comment is updated when the content differs; its status set to `active` when there are
 *   findings and the content changed (or it was fixed), to `fixed` when there are none. A thread a person
 *   closed or marked won't-fix stays so while the report is the same.
 */
export async function upsertThread(client: AzureDevOpsClient, o: UpsertThreadOptions): Promise<UpsertThreadResult> {
  if (o.mode === 'never') return { action: 'skipped', reason: 'comment mode is never' };
  const content = o.content.trimStart().startsWith(o.marker) ? o.content : `${o.marker}\n${o.content}`;
  const want: ThreadStatus = o.hasFindings ? 'active' : 'fixed';
  let step = 'read the pull request threads';
  try {
    let found = await findThread(client, o.prApi, o.marker);
    if (!found) {
      if (o.mode === 'on-findings' && !o.worthPosting) return { action: 'skipped', reason: 'no findings and no earlier FlowGuard thread' };
      step = 'create the pull request thread';
      for (let attempt = 1; ; attempt++) {
        try {
          const res = await client.request<Thread>('POST', api(o.prApi, '/threads'), {
            body: { comments: [{ parentCommentId: 0, content, commentType: 'text' }], status: want },
            retryServerErrors: false,
          });
          const comment = firstComment(res.data) ?? { id: 1 };
          return { action: 'created', threadId: res.data.id, commentId: comment.id, status: want };
        } catch (err) {
          const retry = err instanceof AzureHttpError && (err.status === 0 || err.status >= 500) && attempt < CREATE_ATTEMPTS;
          if (!retry) throw err;
          o.log?.(`FlowGuard: creating the thread failed (${(err as Error).message}); checking whether it was created before trying again`);
          await new Promise((r) => setTimeout(r, 500 * attempt));
          found = await findThread(client, o.prApi, o.marker);
          if (found) break;
        }
      }
    }
    const { thread, comment } = found;
    const changed = normalize(comment.content ?? '') !== normalize(content);
    if (changed) {
      step = 'update the pull request thread';
      await client.request('PATCH', api(o.prApi, `/threads/${thread.id}/comments/${comment.id}`), { body: { content } });
    }
    const current = statusName(thread.status);
    const setStatus = o.hasFindings ? current !== 'active' && (changed || current === 'fixed' || current === undefined) : current !== 'fixed';
    if (setStatus) {
      step = 'set the status of the pull request thread';
      await client.request('PATCH', api(o.prApi, `/threads/${thread.id}`), { body: { status: want } });
    }
    const status = (setStatus ? want : current ?? want) as ThreadStatus;
    return { action: changed || setStatus ? 'updated' : 'unchanged', threadId: thread.id, commentId: comment.id, status };
  } catch (err) {
    if (!(err instanceof AzureHttpError)) throw err;
    return describeFailure(err, step, o.repository);
  }
}

export interface StatusOptions {
  prApi: string;
  state: 'succeeded' | 'failed' | 'pending' | 'error' | 'notApplicable';
  description: string;
  name: string;
  genre: string;
  targetUrl?: string;
  repository?: string;
}

/** Posts the pull-request status (the newest status of a context is the one a branch policy reads). */
export async function postStatus(client: AzureDevOpsClient, o: StatusOptions): Promise<{ action: 'posted'; id: number | undefined } | Failure> {
  try {
    const res = await client.request<{ id?: number }>('POST', api(o.prApi, '/statuses'), {
      body: {
        state: o.state,
        description: o.description.slice(0, 500),
        context: { name: o.name, genre: o.genre },
        ...(o.targetUrl ? { targetUrl: o.targetUrl } : {}),
      },
    });
    return { action: 'posted', id: res.data?.id };
  } catch (err) {
    if (!(err instanceof AzureHttpError)) throw err;
    return describeFailure(err, 'post the pull request status', o.repository);
  }
}

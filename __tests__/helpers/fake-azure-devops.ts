/**
 * A loopback fake of the Azure DevOps REST API for tests (node:http on 127.0.0.1, port 0): the pull-request
 * threads, comments and statuses FlowGuard uses, with Azure DevOps' shapes.
 *
 *   GET   /:org/:project/_apis/git/repositories/:repo/pullRequests/:id/threads          (pages of `pageSize`, `x-ms-continuationtoken`)
 *   POST  /:org/:project/_apis/git/repositories/:repo/pullRequests/:id/threads          (creates a thread with its first comment)
 *   PATCH /:org/:project/_apis/git/repositories/:repo/pullRequests/:id/threads/:t       (status)
 *   PATCH /:org/:project/_apis/git/repositories/:repo/pullRequests/:id/threads/:t/comments/:c  (content; only the author may)
 *   GET/POST /:org/:project/_apis/git/repositories/:repo/pullRequests/:id/statuses
 *
 * Every call must carry `api-version=7.1` (else 400) and `Authorization: Bearer <token>`: an unknown token
 * gets 401, a `readOnly` identity 403 on writes with Azure DevOps' TF401027 body. `fail()` queues forced
 * responses (a 503, a 500). Every request is logged. Bounded: a request budget (then 400s), a body cap,
 * and `close()` drops keep-alive connections. Spawn the CLI asynchronously: the server runs on the test's
 * event loop.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeIdentity {
  id: string;
  displayName: string;
  uniqueName: string;
  readOnly?: boolean;
}

export const BUILD_SERVICE: FakeIdentity = {
  id: '8c8c7d32-6b1b-47f4-b2e9-30b477b5ab3d',
  displayName: 'Contoso Build Service (contoso)',
  uniqueName: 'Build\\8c8c7d32-6b1b-47f4-b2e9-30b477b5ab3d',
};

export const REVIEWER: FakeIdentity = { id: 'b1f5a2c4-0000-4000-8000-000000000001', displayName: 'Megan Bowen', uniqueName: 'megan@contoso.com' };

export interface FakeComment {
  id: number;
  parentCommentId: number;
  author: { id: string; displayName: string; uniqueName: string };
  content: string;
  publishedDate: string;
  lastUpdatedDate: string;
  lastContentUpdatedDate: string;
  commentType: 'text' | 'system' | 'codeChange';
  isDeleted?: boolean;
}

export interface FakeThread {
  id: number;
  publishedDate: string;
  lastUpdatedDate: string;
  comments: FakeComment[];
  status: string;
  threadContext: null;
  properties: Record<string, unknown>;
  isDeleted: boolean;
}

export interface FakeStatus {
  id: number;
  state: string;
  description: string;
  context: { name: string; genre: string };
  targetUrl?: string;
  createdBy: { id: string; displayName: string };
  creationDate: string;
}

export interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  headers: http.IncomingHttpHeaders;
  status: number;
  forced: boolean;
}

export interface Forced {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  times?: number;
}

export const azureFailures = {
  serverError(status = 503, times = 1): Forced {
    return { status, times, body: { $id: '1', innerException: null, message: 'The service is temporarily unavailable.', typeName: 'Microsoft.VisualStudio.Services.WebApi.VssServiceException', typeKey: 'VssServiceException', errorCode: 0, eventId: 3000 } };
  },
};

interface Forcing {
  method: string;
  regex: RegExp;
  queue: Forced[];
}

const PR_ROOT = '^/([^/]+)/([^/]+)/_apis/git/repositories/([^/]+)/pullRequests/(\\d+)';

export class FakeAzureDevOps {
  readonly log: LoggedRequest[] = [];
  /** Threads per pull request id. */
  private readonly threadStore = new Map<number, FakeThread[]>();
  private readonly statusStore = new Map<number, FakeStatus[]>();
  private readonly tokens = new Map<string, FakeIdentity>();
  private readonly forced: Forcing[] = [];
  private server!: http.Server;
  private port = 0;
  private nextThreadId = 1;
  private nextStatusId = 1;
  private clock = Date.parse('2026-01-01T00:00:00Z');
  private requestCount = 0;

  private constructor(
    readonly org: string,
    readonly project: string,
    readonly repositoryId: string,
    /** Threads per page of the list call. */
    public pageSize: number,
    private readonly maxRequests: number,
  ) {}

  static async start(o: { org?: string; project?: string; repositoryId?: string; pageSize?: number; maxRequests?: number } = {}): Promise<FakeAzureDevOps> {
    const fake = new FakeAzureDevOps(o.org ?? 'contoso', o.project ?? 'Power Platform', o.repositoryId ?? '5e3b0f2a-1c4d-4e6f-8a9b-0c1d2e3f4a5b', o.pageSize ?? 2, o.maxRequests ?? 2000);
    fake.server = http.createServer((req, res) => {
      fake.handle(req, res).catch((err: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: `fake-azure-devops: ${String(err)}` }));
      });
    });
    await new Promise<void>((resolve, reject) => {
      fake.server.once('error', reject);
      fake.server.listen(0, '127.0.0.1', () => resolve());
    });
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** `System.CollectionUri`, with its trailing slash. */
  get collectionUri(): string {
    return `http://127.0.0.1:${this.port}/${this.org}/`;
  }

  async close(): Promise<void> {
    if (!this.server.listening) return;
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  setToken(token: string, identity: FakeIdentity): this {
    this.tokens.set(token, identity);
    return this;
  }

  threads(pr: number): FakeThread[] {
    let list = this.threadStore.get(pr);
    if (!list) this.threadStore.set(pr, (list = []));
    return list;
  }

  statuses(pr: number): FakeStatus[] {
    let list = this.statusStore.get(pr);
    if (!list) this.statusStore.set(pr, (list = []));
    return list;
  }

  /** Adds a thread (by a reviewer, say) with one comment. */
  addThread(pr: number, content: string, author: FakeIdentity = REVIEWER, o: { status?: string; commentType?: FakeComment['commentType'] } = {}): FakeThread {
    const at = this.tick();
    const t: FakeThread = {
      id: this.nextThreadId++,
      publishedDate: at,
      lastUpdatedDate: at,
      comments: [this.comment(1, content, author, o.commentType ?? 'text')],
      status: o.status ?? 'active',
      threadContext: null,
      properties: {},
      isDeleted: false,
    };
    this.threads(pr).push(t);
    return t;
  }

  /** Queues forced responses for a method and a path pattern (`:name` segments match one segment). */
  fail(method: string, pattern: string, ...responses: Forced[]): this {
    const src = pattern
      .split('/')
      .map((s) => (s.startsWith(':') ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    const queue: Forced[] = [];
    for (const r of responses) for (let i = 0; i < Math.min(r.times ?? 1, 100); i++) queue.push(r);
    this.forced.push({ method: method.toUpperCase(), regex: new RegExp(`^${src}$`), queue });
    return this;
  }

  pendingFailures(): number {
    return this.forced.reduce((n, f) => n + f.queue.length, 0);
  }

  /** Logged requests, filtered by method and a path suffix pattern (e.g. `/threads`, `/threads/:t/comments/:c`). */
  requests(method?: string, suffix?: string): LoggedRequest[] {
    const re = suffix
      ? new RegExp(`/pullRequests/\\d+${suffix.split('/').map((s) => (s.startsWith(':') ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/')}$`)
      : undefined;
    return this.log.filter((r) => (!method || r.method === method.toUpperCase()) && (!re || re.test(r.path)));
  }

  clearLog(): void {
    this.log.length = 0;
  }

  // ---------------------------------------------------------------------------------------------

  private tick(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString();
  }

  private comment(id: number, content: string, author: FakeIdentity, commentType: FakeComment['commentType']): FakeComment {
    const at = this.tick();
    return { id, parentCommentId: 0, author: { id: author.id, displayName: author.displayName, uniqueName: author.uniqueName }, content, publishedDate: at, lastUpdatedDate: at, lastContentUpdatedDate: at, commentType };
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname);
    const query = Object.fromEntries(url.searchParams.entries());
    const method = (req.method ?? 'GET').toUpperCase();
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of req) {
      size += (c as Buffer).length;
      if (size > 8 * 1024 * 1024) {
        res.writeHead(413).end();
        return;
      }
      chunks.push(c as Buffer);
    }
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: unknown;
    try {
      body = raw === '' ? undefined : JSON.parse(raw);
    } catch {
      body = raw;
    }
    const entry: LoggedRequest = { method, path, query, body, headers: req.headers, status: 0, forced: false };
    this.log.push(entry);
    const send = (status: number, data?: unknown, headers: Record<string, string> = {}): void => {
      entry.status = status;
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8; api-version=7.1', ...headers });
      res.end(data === undefined ? '' : JSON.stringify(data));
    };

    if (++this.requestCount > this.maxRequests) return send(400, { message: 'fake-azure-devops: request budget exhausted' });
    const forcing = this.forced.find((f) => f.method === method && f.regex.test(path) && f.queue.length > 0);
    if (forcing) {
      const r = forcing.queue.shift() as Forced;
      entry.forced = true;
      return send(r.status, r.body, r.headers);
    }
    if (query['api-version'] !== '7.1') return send(400, { message: `VS800006: the api-version '${query['api-version'] ?? ''}' is missing or not supported here` });
    const auth = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''));
    const who = auth ? this.tokens.get(auth[1] as string) : undefined;
    if (!who) return send(401, { message: 'TF400813: The user is not authorized to access this resource.' });

    const m = new RegExp(`${PR_ROOT}(/.*)?$`).exec(path);
    if (!m || m[1] !== this.org || m[2] !== this.project || m[3] !== this.repositoryId) {
      return send(404, { message: `TF401019: The Git repository with name or identifier ${m?.[3] ?? '?'} does not exist or you do not have permissions for the operation you are attempting.`, typeKey: 'GitRepositoryNotFoundException' });
    }
    const pr = Number(m[4]);
    const rest = m[5] ?? '';
    const write = method !== 'GET';
    if (write && who.readOnly) {
      return send(403, {
        $id: '1',
        innerException: null,
        message: `TF401027: You need the Git 'PullRequestContribute' permission to perform this action. Details: identity '${who.uniqueName}', scope 'repository'.`,
        typeName: 'Microsoft.TeamFoundation.Git.Server.GitNeedsPermissionException, Microsoft.TeamFoundation.Git.Server',
        typeKey: 'GitNeedsPermissionException',
        errorCode: 0,
        eventId: 3000,
      });
    }

    if (rest === '/threads' && method === 'GET') {
      const all = this.threads(pr);
      const start = query['continuationToken'] ? Number(query['continuationToken'].replace(/^page-/, '')) : 0;
      const page = all.slice(start, start + this.pageSize);
      const next: Record<string, string> = start + this.pageSize < all.length ? { 'x-ms-continuationtoken': `page-${start + this.pageSize}` } : {};
      return send(200, { value: page, count: page.length }, next);
    }
    if (rest === '/threads' && method === 'POST') {
      const b = body as { comments?: { content?: string; commentType?: string }[]; status?: string };
      const first = b?.comments?.[0];
      if (!first || typeof first.content !== 'string') return send(400, { message: 'comments are required' });
      const t = this.addThread(pr, first.content, who, { status: b.status ?? 'active' });
      return send(200, t);
    }
    const threadMatch = /^\/threads\/(\d+)(?:\/comments\/(\d+))?$/.exec(rest);
    if (threadMatch && method === 'PATCH') {
      const t = this.threads(pr).find((x) => x.id === Number(threadMatch[1]));
      if (!t) return send(404, { message: `TF401180: The requested pull request comment thread was not found.` });
      if (threadMatch[2]) {
        const c = t.comments.find((x) => x.id === Number(threadMatch[2]));
        if (!c) return send(404, { message: 'TF401181: The pull request comment was not found.' });
        if (c.author.id !== who.id) return send(403, { message: 'TF401179: only the author of a comment may edit it.' });
        const content = (body as { content?: unknown })?.content;
        if (typeof content !== 'string') return send(400, { message: 'content is required' });
        c.content = content;
        c.lastUpdatedDate = c.lastContentUpdatedDate = this.tick();
        return send(200, c);
      }
      const status = (body as { status?: unknown })?.status;
      if (typeof status !== 'string') return send(400, { message: 'status is required' });
      t.status = status;
      t.lastUpdatedDate = this.tick();
      return send(200, t);
    }
    if (rest === '/statuses' && method === 'POST') {
      const b = body as { state?: string; description?: string; context?: { name?: string; genre?: string }; targetUrl?: string };
      if (!b?.state || !b.context?.name) return send(400, { message: 'state and context.name are required' });
      const s: FakeStatus = {
        id: this.nextStatusId++,
        state: b.state,
        description: b.description ?? '',
        context: { name: b.context.name, genre: b.context.genre ?? '' },
        ...(b.targetUrl ? { targetUrl: b.targetUrl } : {}),
        createdBy: { id: who.id, displayName: who.displayName },
        creationDate: this.tick(),
      };
      this.statuses(pr).push(s);
      return send(200, s);
    }
    if (rest === '/statuses' && method === 'GET') return send(200, { value: this.statuses(pr), count: this.statuses(pr).length });
    return send(404, { message: `fake-azure-devops: no route for ${method} ${path}` });
  }
}

/**
 * A loopback fake of the GitHub REST API for tests (node:http on 127.0.0.1, port 0).
 *
 * - Serves one repository (`owner/repo`, default `octo-org/flows`); other repositories get 404.
 * - Built-in routes with GitHub's response shapes and `Link` pagination (`per_page` default 30, max 100; `page`):
 *   GET  /repos/:o/:r/pulls/:n                    (set with setPull)
 *   GET  /repos/:o/:r/pulls/:n/files              (paginated, capped at 3,000 like GitHub; set with setPullFiles)
 *   GET  /repos/:o/:r/issues/:n/comments          (paginated)
 *   POST /repos/:o/:r/issues/:n/comments          (201; 422 for a body over 65,536 characters)
 *   PATCH/DELETE /repos/:o/:r/issues/comments/:id
 *   GET/POST /repos/:o/:r/pulls/:n/reviews        (POST validates inline lines against the file patches: 422 like GitHub)
 *   GET  /repos/:o/:r/git/trees/:sha[?recursive=1] (set with addCommit)
 *   GET  /repos/:o/:r/git/blobs/:sha              (base64, wrapped at 60 characters like GitHub)
 *   GET  /repos/:o/:r/compare/:base...:head       (set with setCompare; files capped at 300)
 *   GET  /user                                    (403 for a Bot token, like GITHUB_TOKEN)
 * - `route()` adds or overrides a route; `fail()` queues forced responses (502 once, 403, rate limits).
 * - Every request is logged (method, path, query, parsed JSON body, headers, response status).
 * - Tokens map to users (`setToken`); a `readOnly` user gets 403 "Resource not accessible by integration"
 *   on every write, like a fork PR's GITHUB_TOKEN. Without a known token the caller is `github-actions[bot]`.
 *
 * Bounded: a request budget (`maxRequests`, then 400 responses), a body size cap, delays capped at 30 s
 * and cleared by `close()`, and `close()` drops keep-alive connections.
 *
 * From a child process: set `GITHUB_API_URL=fake.url`, and spawn asynchronously (`spawn`/`execFile`, never
 * `spawnSync`), because the server runs on the test's event loop.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';

export interface FakeUser {
  login: string;
  id: number;
  type: 'User' | 'Bot';
  /** Writes get 403 "Resource not accessible by integration" (a fork PR's token). */
  readOnly?: boolean;
}

export const ACTIONS_BOT: FakeUser = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };

export interface LoggedRequest {
  method: string;
  /** The path without the query string, e.g. `/repos/o/r/pulls/3/files`. */
  path: string;
  query: Record<string, string>;
  /** Path and query as received. */
  url: string;
  /** Parsed JSON body, or undefined. */
  body: unknown;
  headers: http.IncomingHttpHeaders;
  /** The response status sent. */
  status: number;
  /** True when the response came from a `fail()` queue. */
  forced: boolean;
  /** The pattern of the route that answered (undefined for 404s and forced responses). */
  route?: string;
}

export interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Wait before answering (capped at 30 s; cut short by close()). */
  delayMs?: number;
}

export interface ForcedResponse extends FakeResponse {
  /** How many consecutive matching requests get this response. Default 1. */
  times?: number;
}

export interface RouteContext {
  method: string;
  path: string;
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  headers: http.IncomingHttpHeaders;
  /** The caller, from the Authorization header. */
  user: FakeUser | undefined;
  fake: FakeGitHub;
}

export type RouteHandler = (ctx: RouteContext) => FakeResponse | Promise<FakeResponse>;

export interface FakeComment {
  id: number;
  node_id: string;
  url: string;
  html_url: string;
  issue_url: string;
  body: string;
  user: { login: string; id: number; type: string };
  created_at: string;
  updated_at: string;
  author_association: string;
}

export interface FakeFile {
  sha: string;
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  additions: number;
  deletions: number;
  changes: number;
  blob_url: string;
  raw_url: string;
  contents_url: string;
  patch?: string;
  previous_filename?: string;
}

export type FakeFileInput = Partial<FakeFile> & { filename: string };

export interface FakeReviewComment {
  path: string;
  line?: number;
  side?: string;
  position?: number;
  body: string;
}

export interface FakeReview {
  id: number;
  node_id: string;
  user: { login: string; id: number; type: string };
  body: string;
  state: string;
  html_url: string;
  pull_request_url: string;
  commit_id: string;
  submitted_at: string;
  comments: FakeReviewComment[];
}

interface TreeEntry {
  path: string;
  mode: string;
  type: 'blob' | 'tree';
  sha: string;
  size?: number;
  url: string;
}

interface CompareData {
  status: string;
  ahead_by: number;
  behind_by: number;
  merge_base_commit: { sha: string };
  base_commit: { sha: string };
  files: FakeFile[];
}

export interface FakeGitHubOptions {
  owner?: string;
  repo?: string;
  /** Used in html_url fields. Default https://github.com. */
  serverUrl?: string;
  /** Requests answered normally; later ones get 400 so a runaway client stops. Default 10,000. */
  maxRequests?: number;
  /** Largest request body accepted. Default 32 MiB. */
  maxBodyBytes?: number;
}

const DOCS = 'https://docs.github.com/rest';
const MAX_DELAY_MS = 30_000;

// ---------------------------------------------------------------------------------------------
// Canned failures, with GitHub's bodies and headers

export const failures = {
  /** A fork PR's token writing: 403 "Resource not accessible by integration". */
  forbidden(times = 1): ForcedResponse {
    return {
      status: 403,
      times,
      body: {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
        status: '403',
      },
    };
  },
  notFound(times = 1): ForcedResponse {
    return { status: 404, times, body: { message: 'Not Found', documentation_url: DOCS, status: '404' } };
  },
  serverError(status = 502, times = 1): ForcedResponse {
    return { status, times, body: { message: 'Server Error' } };
  },
  /** A secondary rate limit: 403 or 429 with `retry-after` (seconds). */
  secondaryRateLimit(options: { status?: 403 | 429; retryAfter?: number; times?: number } = {}): ForcedResponse {
    const status = options.status ?? 429;
    return {
      status,
      times: options.times ?? 1,
      headers: { 'retry-after': String(options.retryAfter ?? 1) },
      body: {
        message:
          'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ABCD:1234.',
        documentation_url: 'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
        status: String(status),
      },
    };
  },
  /** The primary rate limit: `x-ratelimit-remaining: 0` and a reset `resetInSeconds` from now. */
  primaryRateLimit(options: { status?: 403 | 429; resetInSeconds?: number; times?: number } = {}): ForcedResponse {
    const status = options.status ?? 403;
    const reset = Math.floor(Date.now() / 1000) + (options.resetInSeconds ?? 0);
    return {
      status,
      times: options.times ?? 1,
      headers: {
        'x-ratelimit-limit': '1000',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-used': '1000',
        'x-ratelimit-reset': String(reset),
        'x-ratelimit-resource': 'core',
      },
      body: {
        message: 'API rate limit exceeded for installation ID 12345.',
        documentation_url: 'https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting',
        status: String(status),
      },
    };
  },
  validationFailed(message: string, times = 1): ForcedResponse {
    return { status: 422, times, body: { message: 'Validation Failed', errors: [{ message }], documentation_url: DOCS, status: '422' } };
  },
};

// ---------------------------------------------------------------------------------------------

interface Route {
  method: string;
  pattern: string;
  regex: RegExp;
  names: string[];
  handler: RouteHandler;
  /** Built-in routes check owner/repo. */
  builtin: boolean;
}

interface ForcedQueue {
  method: string;
  regex: RegExp;
  queue: ForcedResponse[];
}

function compile(pattern: string): { regex: RegExp; names: string[] } {
  const names: string[] = [];
  const src = pattern
    .split('/')
    .map((seg) => {
      if (seg.startsWith(':')) {
        names.push(seg.slice(1));
        return '([^/]+)';
      }
      return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { regex: new RegExp(`^${src}$`), names };
}

function gitBlobSha(content: Buffer): string {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}

function fakeSha(...parts: string[]): string {
  return createHash('sha1').update(parts.join('\0')).digest('hex');
}

/** Counts of '+' and '-' lines in a patch (hunk headers excluded). */
function patchCounts(patch: string | undefined): { additions: number; deletions: number } {
  let additions = 0;
  let deletions = 0;
  for (const line of (patch ?? '').split('\n')) {
    if (line.startsWith('+')) additions++;
    else if (line.startsWith('-')) deletions++;
  }
  return { additions, deletions };
}

/** Lines a review comment may use, per side, computed independently of src/github/review.ts. */
function diffLines(patch: string | undefined): { right: Set<number>; left: Set<number> } {
  const right = new Set<number>();
  const left = new Set<number>();
  let o = 0;
  let n = 0;
  let inHunk = false;
  for (const line of (patch ?? '').split('\n')) {
    const h = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
    if (h) {
      o = Number(h[1]);
      n = Number(h[2]);
      inHunk = true;
      continue;
    }
    if (!inHunk || line === '') continue;
    if (line.startsWith('+')) right.add(n++);
    else if (line.startsWith('-')) left.add(o++);
    else if (line.startsWith(' ')) {
      right.add(n++);
      left.add(o++);
    }
  }
  return { right, left };
}

export class FakeGitHub {
  readonly owner: string;
  readonly repo: string;
  readonly serverUrl: string;
  /** Every request, in arrival order. */
  readonly log: LoggedRequest[] = [];

  private server!: http.Server;
  private port = 0;
  private readonly maxRequests: number;
  private readonly maxBodyBytes: number;
  private requestCount = 0;
  private readonly routes: Route[] = [];
  private readonly forced: ForcedQueue[] = [];
  private readonly timers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  private nextId = 1000;
  private clock = Date.parse('2026-01-01T00:00:00Z');

  private readonly tokens = new Map<string, FakeUser>();
  private readonly commentStore = new Map<number, FakeComment[]>();
  private readonly pullFiles = new Map<number, FakeFile[]>();
  private readonly pulls = new Map<number, Record<string, unknown>>();
  private readonly reviewStore = new Map<number, FakeReview[]>();
  private readonly trees = new Map<string, { sha: string; entries: TreeEntry[]; truncated: boolean }>();
  private readonly blobs = new Map<string, Buffer>();
  private readonly compares = new Map<string, CompareData>();

  private constructor(options: FakeGitHubOptions) {
    this.owner = options.owner ?? 'octo-org';
    this.repo = options.repo ?? 'flows';
    this.serverUrl = (options.serverUrl ?? 'https://github.com').replace(/\/+$/, '');
    this.maxRequests = options.maxRequests ?? 10_000;
    this.maxBodyBytes = options.maxBodyBytes ?? 32 * 1024 * 1024;
    this.installBuiltins();
  }

  /** Starts a server on 127.0.0.1 with a free port. */
  static async start(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
    const fake = new FakeGitHub(options);
    fake.server = http.createServer((req, res) => {
      fake.handle(req, res).catch((err: unknown) => {
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ message: `fake-github: ${String(err)}` }));
        } else res.destroy();
      });
    });
    await new Promise<void>((resolve, reject) => {
      fake.server.once('error', reject);
      fake.server.listen(0, '127.0.0.1', () => resolve());
    });
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** The API root, e.g. `http://127.0.0.1:43123`: use as baseUrl or GITHUB_API_URL. */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Stops the server: pending delays end, keep-alive connections are dropped. Safe to call twice. */
  async close(): Promise<void> {
    for (const t of this.timers) {
      clearTimeout(t.timer);
      t.resolve();
    }
    this.timers.clear();
    if (!this.server.listening) return;
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  // ---- routes and failures ------------------------------------------------------------------

  /** Adds a route (`:name` segments are parameters); it takes precedence over earlier and built-in routes. */
  route(method: string, pattern: string, handler: RouteHandler): this {
    const { regex, names } = compile(pattern);
    this.routes.unshift({ method: method.toUpperCase(), pattern, regex, names, handler, builtin: false });
    return this;
  }

  /**
   * Queues forced responses for requests matching method and path. The path may be concrete
   * (`/repos/o/r/issues/3/comments`) or a pattern (`/repos/:o/:r/issues/:n/comments`).
   * Each response is used `times` times (default 1), in order; then requests are handled normally.
   */
  fail(method: string, pathPattern: string, ...responses: ForcedResponse[]): this {
    const { regex } = compile(pathPattern);
    const queue: ForcedResponse[] = [];
    for (const r of responses) for (let i = 0; i < Math.min(r.times ?? 1, 1000); i++) queue.push(r);
    this.forced.push({ method: method.toUpperCase(), regex, queue });
    return this;
  }

  /** Forced responses not yet used. */
  pendingFailures(): number {
    return this.forced.reduce((n, f) => n + f.queue.length, 0);
  }

  /** Logged requests, optionally filtered by method and path (concrete or `:param` pattern). */
  requests(method?: string, pathPattern?: string): LoggedRequest[] {
    const regex = pathPattern ? compile(pathPattern).regex : undefined;
    return this.log.filter(
      (r) => (!method || r.method === method.toUpperCase()) && (!regex || regex.test(r.path)),
    );
  }

  clearLog(): void {
    this.log.length = 0;
  }

  // ---- state -------------------------------------------------------------------------------

  /** Maps a token to a user. */
  setToken(token: string, user: FakeUser): this {
    this.tokens.set(token, user);
    return this;
  }

  /** The live comment list of an issue or PR (oldest first). */
  comments(issue: number): FakeComment[] {
    let list = this.commentStore.get(issue);
    if (!list) this.commentStore.set(issue, (list = []));
    return list;
  }

  addComment(issue: number, body: string, user: Pick<FakeUser, 'login' | 'type'> & { id?: number } = ACTIONS_BOT): FakeComment {
    const id = this.nextId++;
    const at = this.tick();
    const c: FakeComment = {
      id,
      node_id: `IC_${id}`,
      url: `${this.url}/repos/${this.owner}/${this.repo}/issues/comments/${id}`,
      html_url: `${this.serverUrl}/${this.owner}/${this.repo}/pull/${issue}#issuecomment-${id}`,
      issue_url: `${this.url}/repos/${this.owner}/${this.repo}/issues/${issue}`,
      body,
      user: { login: user.login, id: user.id ?? 1, type: user.type },
      created_at: at,
      updated_at: at,
      author_association: user.type === 'Bot' ? 'NONE' : 'MEMBER',
    };
    this.comments(issue).push(c);
    return c;
  }

  findComment(id: number): FakeComment | undefined {
    for (const list of this.commentStore.values()) {
      const c = list.find((x) => x.id === id);
      if (c) return c;
    }
    return undefined;
  }

  /** Sets the changed files of a PR; missing fields are filled in (sha, counts, URLs; status 'modified'). */
  setPullFiles(pull: number, files: FakeFileInput[]): FakeFile[] {
    const full = files.map((f) => this.completeFile(f));
    this.pullFiles.set(pull, full);
    return full;
  }

  /** Sets the PR object served by GET /pulls/:n (merged over defaults with head/base SHAs and repos). */
  setPull(pull: number, data: Record<string, unknown> = {}): void {
    const full = `${this.owner}/${this.repo}`;
    this.pulls.set(pull, {
      number: pull,
      state: 'open',
      title: `PR ${pull}`,
      html_url: `${this.serverUrl}/${full}/pull/${pull}`,
      user: { login: 'octocat', id: 1, type: 'User' },
      head: { ref: 'feature', sha: fakeSha('head', String(pull)), repo: { full_name: full } },
      base: { ref: 'main', sha: fakeSha('base', String(pull)), repo: { full_name: full } },
      changed_files: this.pullFiles.get(pull)?.length ?? 0,
      ...data,
    });
  }

  reviews(pull: number): FakeReview[] {
    let list = this.reviewStore.get(pull);
    if (!list) this.reviewStore.set(pull, (list = []));
    return list;
  }

  /** Stores a blob; returns its git SHA. */
  addBlob(content: string | Uint8Array): string {
    const buf = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    const sha = gitBlobSha(buf);
    this.blobs.set(sha, buf);
    return sha;
  }

  /**
   * Stores a commit with these files (path → content) and its tree, served by the trees API under both
   * the commit SHA and the tree SHA. `truncated` sets the API's flag.
   */
  addCommit(
    files: Record<string, string | Uint8Array>,
    options: { sha?: string; truncated?: boolean } = {},
  ): { sha: string; treeSha: string; blobs: Record<string, string> } {
    const blobs: Record<string, string> = {};
    const entries: TreeEntry[] = [];
    const dirs = new Set<string>();
    for (const [path, content] of Object.entries(files)) {
      const sha = this.addBlob(content);
      blobs[path] = sha;
      entries.push({
        path,
        mode: '100644',
        type: 'blob',
        sha,
        size: this.blobs.get(sha)!.length,
        url: `${this.url}/repos/${this.owner}/${this.repo}/git/blobs/${sha}`,
      });
      const parts = path.split('/');
      for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
    }
    for (const d of dirs) {
      const sha = fakeSha('tree', d, ...Object.keys(files));
      entries.push({ path: d, mode: '040000', type: 'tree', sha, url: `${this.url}/repos/${this.owner}/${this.repo}/git/trees/${sha}` });
    }
    entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const treeSha = fakeSha('root-tree', ...entries.map((e) => `${e.path}:${e.sha}`));
    const sha = options.sha ?? fakeSha('commit', treeSha);
    const tree = { sha: treeSha, entries, truncated: options.truncated ?? false };
    this.trees.set(sha, tree);
    this.trees.set(treeSha, tree);
    return { sha, treeSha, blobs };
  }

  /** Sets the result of GET /compare/{base}...{head}. */
  setCompare(
    base: string,
    head: string,
    data: { mergeBase?: string; files?: FakeFileInput[]; status?: string; aheadBy?: number; behindBy?: number } = {},
  ): void {
    this.compares.set(`${base}...${head}`, {
      status: data.status ?? 'ahead',
      ahead_by: data.aheadBy ?? 1,
      behind_by: data.behindBy ?? 0,
      merge_base_commit: { sha: data.mergeBase ?? base },
      base_commit: { sha: base },
      files: (data.files ?? []).map((f) => this.completeFile(f)),
    });
  }

  // ---- helpers for routes -----------------------------------------------------------------

  /** A paginated list response with GitHub's `Link` header (per_page default 30, max 100). */
  paginate(ctx: Pick<RouteContext, 'path' | 'query'>, items: readonly unknown[]): FakeResponse {
    const perPage = Math.min(100, Math.max(1, Number.parseInt(ctx.query['per_page'] ?? '', 10) || 30));
    const page = Math.max(1, Number.parseInt(ctx.query['page'] ?? '', 10) || 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const headers: Record<string, string> = {};
    if (last > 1) {
      const link = (p: number, rel: string): string => {
        const q = new URLSearchParams({ ...ctx.query, per_page: String(perPage), page: String(p) });
        return `<${this.url}${ctx.path}?${q.toString()}>; rel="${rel}"`;
      };
      const links: string[] = [];
      if (page > 1) links.push(link(page - 1, 'prev'));
      if (page < last) links.push(link(page + 1, 'next'));
      if (page < last) links.push(link(last, 'last'));
      if (page > 1) links.push(link(1, 'first'));
      headers['link'] = links.join(', ');
    }
    return { status: 200, body: slice, headers };
  }

  private tick(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString();
  }

  private completeFile(f: FakeFileInput): FakeFile {
    const counts = patchCounts(f.patch);
    const additions = f.additions ?? counts.additions;
    const deletions = f.deletions ?? counts.deletions;
    const sha = f.sha ?? fakeSha('file', f.filename, f.patch ?? '');
    const full = `${this.owner}/${this.repo}`;
    const out: FakeFile = {
      sha,
      filename: f.filename,
      status: f.status ?? 'modified',
      additions,
      deletions,
      changes: f.changes ?? additions + deletions,
      blob_url: f.blob_url ?? `${this.serverUrl}/${full}/blob/${sha}/${f.filename}`,
      raw_url: f.raw_url ?? `${this.serverUrl}/${full}/raw/${sha}/${f.filename}`,
      contents_url: f.contents_url ?? `${this.url}/repos/${full}/contents/${f.filename}?ref=${sha}`,
    };
    if (f.patch !== undefined) out.patch = f.patch;
    if (f.previous_filename !== undefined) out.previous_filename = f.previous_filename;
    return out;
  }

  private userFor(headers: http.IncomingHttpHeaders): FakeUser | undefined {
    const auth = headers['authorization'];
    if (!auth) return undefined;
    const token = auth.replace(/^(token|bearer)\s+/i, '').trim();
    return this.tokens.get(token) ?? ACTIONS_BOT;
  }

  // ---- request handling -------------------------------------------------------------------

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const rawUrl = req.url ?? '/';
    const parsed = new URL(rawUrl, 'http://127.0.0.1');
    const path = parsed.pathname;
    const query: Record<string, string> = {};
    for (const [k, v] of parsed.searchParams) query[k] = v;

    const entry: LoggedRequest = { method, path, query, url: rawUrl, body: undefined, headers: req.headers, status: 0, forced: false };
    this.log.push(entry);

    // Body (bounded)
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > this.maxBodyBytes) {
        tooBig = true;
        break;
      }
      chunks.push(chunk);
    }
    if (tooBig) return this.send(res, entry, { status: 413, body: { message: 'fake-github: request body too large' } });
    const raw = Buffer.concat(chunks).toString('utf8');
    if (raw.trim() !== '') {
      try {
        entry.body = JSON.parse(raw);
      } catch {
        entry.body = raw;
        return this.send(res, entry, { status: 400, body: { message: 'Problems parsing JSON', documentation_url: DOCS } });
      }
    }

    if (++this.requestCount > this.maxRequests) {
      return this.send(res, entry, { status: 400, body: { message: `fake-github: request budget of ${this.maxRequests} exhausted` } });
    }

    // Forced failures
    for (const f of this.forced) {
      if (f.method === method && f.queue.length > 0 && f.regex.test(path)) {
        const r = f.queue.shift()!;
        entry.forced = true;
        return this.send(res, entry, r);
      }
    }

    const user = this.userFor(req.headers);
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const m = route.regex.exec(path);
      if (!m) continue;
      const params: Record<string, string> = {};
      route.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1]!)));
      if (route.builtin) {
        const otherRepo =
          params['owner'] !== undefined &&
          (params['owner'].toLowerCase() !== this.owner.toLowerCase() || params['repo']?.toLowerCase() !== this.repo.toLowerCase());
        if (otherRepo) continue; // only one repository exists: 404
        if (method !== 'GET' && method !== 'HEAD') {
          if (!user) return this.send(res, entry, { status: 401, body: { message: 'Requires authentication', documentation_url: DOCS, status: '401' } });
          if (user.readOnly) return this.send(res, entry, { ...failures.forbidden() });
        }
      }
      entry.route = route.pattern;
      const response = await route.handler({ method, path, params, query, body: entry.body, headers: req.headers, user, fake: this });
      return this.send(res, entry, response);
    }
    return this.send(res, entry, { status: 404, body: { message: 'Not Found', documentation_url: DOCS, status: '404' } });
  }

  private async send(res: http.ServerResponse, entry: LoggedRequest, r: FakeResponse): Promise<void> {
    entry.status = r.status;
    if (r.delayMs && r.delayMs > 0) {
      await new Promise<void>((resolve) => {
        const t = { timer: setTimeout(() => done(), Math.min(r.delayMs!, MAX_DELAY_MS)), resolve: () => done() };
        const done = (): void => {
          clearTimeout(t.timer);
          this.timers.delete(t);
          resolve();
        };
        this.timers.add(t);
      });
      if (res.destroyed || !this.server.listening) return;
    }
    const headers: Record<string, string> = {
      'x-github-request-id': `FAKE:${this.requestCount}`,
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      'x-ratelimit-resource': 'core',
      ...(r.headers ?? {}),
    };
    if (r.status === 204 || r.body === undefined) {
      res.writeHead(r.status, headers);
      res.end();
      return;
    }
    const payload = JSON.stringify(r.body);
    res.writeHead(r.status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(payload)) });
    res.end(payload);
  }

  // ---- built-in routes --------------------------------------------------------------------

  private builtin(method: string, pattern: string, handler: RouteHandler): void {
    const { regex, names } = compile(pattern);
    this.routes.push({ method, pattern, regex, names, handler, builtin: true });
  }

  private installBuiltins(): void {
    const R = '/repos/:owner/:repo';
    const notFound = (): FakeResponse => ({ status: 404, body: { message: 'Not Found', documentation_url: DOCS, status: '404' } });
    const num = (s: string | undefined): number => Number.parseInt(s ?? '', 10);

    this.builtin('GET', '/user', ({ user }) => {
      if (!user) return { status: 401, body: { message: 'Requires authentication', documentation_url: DOCS, status: '401' } };
      if (user.type === 'Bot') return failures.forbidden();
      return { status: 200, body: { login: user.login, id: user.id, type: user.type } };
    });

    this.builtin('GET', `${R}/pulls/:number`, ({ params }) => {
      const pr = this.pulls.get(num(params['number']));
      return pr ? { status: 200, body: pr } : notFound();
    });

    this.builtin('GET', `${R}/pulls/:number/files`, (ctx) => {
      const files = this.pullFiles.get(num(ctx.params['number']));
      if (!files) return notFound();
      return this.paginate(ctx, files.slice(0, 3000));
    });

    this.builtin('GET', `${R}/issues/:number/comments`, (ctx) => this.paginate(ctx, this.comments(num(ctx.params['number']))));

    this.builtin('POST', `${R}/issues/:number/comments`, ({ params, body, user }) => {
      const text = (body as { body?: unknown } | undefined)?.body;
      if (typeof text !== 'string') return failures.validationFailed('body is missing');
      if (text.length > 65536) return failures.validationFailed('body is too long (maximum is 65536 characters)');
      const c = this.addComment(num(params['number']), text, user ?? ACTIONS_BOT);
      return { status: 201, body: c };
    });

    this.builtin('PATCH', `${R}/issues/comments/:id`, ({ params, body }) => {
      const c = this.findComment(num(params['id']));
      if (!c) return notFound();
      const text = (body as { body?: unknown } | undefined)?.body;
      if (typeof text !== 'string') return failures.validationFailed('body is missing');
      if (text.length > 65536) return failures.validationFailed('body is too long (maximum is 65536 characters)');
      c.body = text;
      c.updated_at = this.tick();
      return { status: 200, body: c };
    });

    this.builtin('DELETE', `${R}/issues/comments/:id`, ({ params }) => {
      for (const list of this.commentStore.values()) {
        const i = list.findIndex((x) => x.id === num(params['id']));
        if (i >= 0) {
          list.splice(i, 1);
          return { status: 204 };
        }
      }
      return notFound();
    });

    this.builtin('GET', `${R}/pulls/:number/reviews`, (ctx) => this.paginate(ctx, this.reviews(num(ctx.params['number']))));

    this.builtin('POST', `${R}/pulls/:number/reviews`, ({ params, body, user }) => {
      const pull = num(params['number']);
      const b = (body ?? {}) as { event?: string; body?: string; comments?: FakeReviewComment[]; commit_id?: string };
      const unprocessable = (errors: string[]): FakeResponse => ({
        status: 422,
        body: { message: 'Unprocessable Entity', errors, documentation_url: DOCS, status: '422' },
      });
      const event = b.event;
      if (event !== undefined && !['COMMENT', 'REQUEST_CHANGES', 'APPROVE'].includes(event)) {
        return unprocessable([`Invalid event ${event}`]);
      }
      if ((event === 'COMMENT' || event === 'REQUEST_CHANGES') && !(typeof b.body === 'string' && b.body.trim() !== '')) {
        return unprocessable([`Review body is required for ${event}`]);
      }
      if (typeof b.body === 'string' && b.body.length > 65536) return unprocessable(['Body is too long (maximum is 65536 characters)']);
      const files = this.pullFiles.get(pull) ?? [];
      for (const c of b.comments ?? []) {
        const file = files.find((f) => f.filename === c.path);
        if (!file) return unprocessable(['Path could not be resolved']);
        if (c.line === undefined) {
          if (c.position === undefined) return unprocessable(['Position or line is required']);
          continue;
        }
        const lines = diffLines(file.patch);
        const set = (c.side ?? 'RIGHT') === 'LEFT' ? lines.left : lines.right;
        if (!set.has(c.line)) return unprocessable(['Pull request review thread line must be part of the diff']);
      }
      const id = this.nextId++;
      const state = event === 'COMMENT' ? 'COMMENTED' : event === 'REQUEST_CHANGES' ? 'CHANGES_REQUESTED' : event === 'APPROVE' ? 'APPROVED' : 'PENDING';
      const u = user ?? ACTIONS_BOT;
      const review: FakeReview = {
        id,
        node_id: `PRR_${id}`,
        user: { login: u.login, id: u.id, type: u.type },
        body: b.body ?? '',
        state,
        html_url: `${this.serverUrl}/${this.owner}/${this.repo}/pull/${pull}#pullrequestreview-${id}`,
        pull_request_url: `${this.url}/repos/${this.owner}/${this.repo}/pulls/${pull}`,
        commit_id: b.commit_id ?? fakeSha('head', String(pull)),
        submitted_at: this.tick(),
        comments: (b.comments ?? []).map((c) => ({ ...c })),
      };
      this.reviews(pull).push(review);
      const { comments: _omit, ...shown } = review;
      void _omit;
      return { status: 200, body: shown };
    });

    this.builtin('GET', `${R}/git/trees/:sha`, ({ params, query }) => {
      const tree = this.trees.get(params['sha'] ?? '');
      if (!tree) return notFound();
      const recursive = query['recursive'] !== undefined;
      const entries = recursive ? tree.entries : tree.entries.filter((e) => !e.path.includes('/'));
      return {
        status: 200,
        body: {
          sha: tree.sha,
          url: `${this.url}/repos/${this.owner}/${this.repo}/git/trees/${tree.sha}`,
          tree: entries,
          truncated: recursive ? tree.truncated : false,
        },
      };
    });

    this.builtin('GET', `${R}/git/blobs/:sha`, ({ params }) => {
      const sha = params['sha'] ?? '';
      const buf = this.blobs.get(sha);
      if (!buf) return notFound();
      const b64 = buf.toString('base64').replace(/.{60}/g, '$&\n');
      return {
        status: 200,
        body: {
          sha,
          node_id: `B_${sha.slice(0, 8)}`,
          size: buf.length,
          url: `${this.url}/repos/${this.owner}/${this.repo}/git/blobs/${sha}`,
          content: b64.endsWith('\n') ? b64 : `${b64}\n`,
          encoding: 'base64',
        },
      };
    });

    this.builtin('GET', `${R}/compare/:basehead`, ({ params }) => {
      const basehead = params['basehead'] ?? '';
      const data = this.compares.get(basehead);
      if (!data) return notFound();
      return {
        status: 200,
        body: {
          url: `${this.url}/repos/${this.owner}/${this.repo}/compare/${basehead}`,
          html_url: `${this.serverUrl}/${this.owner}/${this.repo}/compare/${basehead}`,
          status: data.status,
          ahead_by: data.ahead_by,
          behind_by: data.behind_by,
          total_commits: data.ahead_by,
          base_commit: data.base_commit,
          merge_base_commit: data.merge_base_commit,
          commits: [],
          files: data.files.slice(0, 300),
        },
      };
    });
  }
}

/**
 * A small client for the Azure DevOps REST API: bearer token, JSON in and out, bounded retries of
 * server errors and throttling (5xx, 429, network failures) with exponential backoff that honours
 * `Retry-After`, and list calls that follow `x-ms-continuationtoken` for a bounded number of pages.
 */

export class AzureHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Azure DevOps' own message (`TF401027: You need the Git 'PullRequestContribute' permission …`). */
    readonly apiMessage?: string,
    /** Azure DevOps' exception type (`GitNeedsPermissionException`). */
    readonly typeKey?: string,
  ) {
    super(message);
    this.name = 'AzureHttpError';
  }
}

export interface ClientOptions {
  token: string;
  /** Retries after the first attempt. Default 3. */
  maxRetries?: number;
  /** First backoff delay; doubled each retry. Default 500 ms. */
  baseDelayMs?: number;
  /** Longest wait between attempts, `Retry-After` included. Default 10 s. */
  maxDelayMs?: number;
  /** Per-request timeout. Default 30 s. */
  timeoutMs?: number;
  log?: (message: string) => void;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

export interface RequestOptions {
  body?: unknown;
  /** Retry 5xx and network failures (default true). Non-idempotent callers turn it off and recover themselves. */
  retryServerErrors?: boolean;
}

export interface ApiResponse<T> {
  status: number;
  data: T;
  headers: Headers;
}

/** List pages read at most while following continuation tokens. */
export const MAX_PAGES = 100;

const USER_AGENT = 'flowguard-azure-pipelines';

export class AzureDevOpsClient {
  private readonly o: Required<Omit<ClientOptions, 'log'>> & { log: (m: string) => void };
  /** Requests sent, retries included (for the log and tests). */
  requestCount = 0;

  constructor(options: ClientOptions) {
    this.o = {
      maxRetries: 3,
      baseDelayMs: 500,
      maxDelayMs: 10_000,
      timeoutMs: 30_000,
      log: () => undefined,
      fetch: globalThis.fetch.bind(globalThis),
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      ...options,
    } as AzureDevOpsClient['o'];
  }

  async request<T>(method: string, url: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const retryServer = options.retryServerErrors ?? true;
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      try {
        this.requestCount++;
        res = await this.o.fetch(url, {
          method,
          headers: {
            authorization: `Bearer ${this.o.token}`,
            accept: 'application/json',
            'user-agent': USER_AGENT,
            ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
          },
          ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
          redirect: 'manual',
          signal: AbortSignal.timeout(this.o.timeoutMs),
        });
      } catch (err) {
        if (retryServer && attempt < this.o.maxRetries) {
          await this.wait(attempt, undefined, `${method} ${redact(url)} failed (${(err as Error).message})`);
          continue;
        }
        throw new AzureHttpError(0, `${method} ${redact(url)} failed: ${(err as Error).message}`);
      }
      const retryable = res.status === 429 || (retryServer && res.status >= 500);
      if (retryable && attempt < this.o.maxRetries) {
        await res.arrayBuffer().catch(() => undefined);
        await this.wait(attempt, res.headers.get('retry-after'), `${method} ${redact(url)} answered HTTP ${res.status}`);
        continue;
      }
      return this.parse<T>(method, url, res);
    }
  }

  /**
   * Every item of a list endpoint (`{ value: [...] }`), following `x-ms-continuationtoken` as the
   * `continuationToken` query parameter, at most `maxPages` pages. `truncated` says the cap was hit.
   */
  async list<T>(url: string, maxPages: number = MAX_PAGES): Promise<{ items: T[]; truncated: boolean }> {
    const items: T[] = [];
    let token: string | null = null;
    const seen = new Set<string>();
    for (let page = 0; page < maxPages; page++) {
      const pageUrl: string = token === null ? url : withQuery(url, 'continuationToken', token);
      const res: ApiResponse<{ value?: T[] }> = await this.request<{ value?: T[] }>('GET', pageUrl);
      if (Array.isArray(res.data?.value)) items.push(...res.data.value);
      token = res.headers.get('x-ms-continuationtoken');
      if (!token) return { items, truncated: false };
      // A server that hands out the same token twice would loop forever.
      if (seen.has(token)) return { items, truncated: true };
      seen.add(token);
    }
    return { items, truncated: true };
  }

  private async wait(attempt: number, retryAfter: string | null | undefined, why: string): Promise<void> {
    const asked = retryAfter !== null && retryAfter !== undefined && /^\d+(\.\d+)?$/.test(retryAfter.trim()) ? Number(retryAfter) * 1000 : undefined;
    const ms = Math.min(this.o.maxDelayMs, asked ?? this.o.baseDelayMs * 2 ** attempt);
    this.o.log(`FlowGuard: ${why}; retrying in ${Math.round(ms)} ms (attempt ${attempt + 2} of ${this.o.maxRetries + 1})`);
    await this.o.sleep(ms);
  }

  private async parse<T>(method: string, url: string, res: Response): Promise<ApiResponse<T>> {
    const text = await res.text();
    const type = res.headers.get('content-type') ?? '';
    // An unknown or expired token gets 203 and a sign-in page rather than 401.
    if (res.status === 203 || (res.ok && /text\/html/i.test(type))) {
      throw new AzureHttpError(401, `${method} ${redact(url)}: the access token was not accepted (HTTP ${res.status}, a sign-in page)`);
    }
    let data: unknown;
    try {
      data = text === '' ? undefined : JSON.parse(text);
    } catch {
      data = undefined;
    }
    if (!res.ok) {
      const body = (typeof data === 'object' && data !== null ? data : {}) as { message?: unknown; typeKey?: unknown };
      const apiMessage = typeof body.message === 'string' ? body.message.slice(0, 500) : text.trim().slice(0, 200) || undefined;
      const typeKey = typeof body.typeKey === 'string' ? body.typeKey : undefined;
      throw new AzureHttpError(res.status, `${method} ${redact(url)}: HTTP ${res.status}${apiMessage ? ` (${apiMessage})` : ''}`, apiMessage, typeKey);
    }
    return { status: res.status, data: data as T, headers: res.headers };
  }
}

/** Adds (or replaces) one query parameter. */
export function withQuery(url: string, name: string, value: string): string {
  const u = new URL(url);
  u.searchParams.set(name, value);
  return u.toString();
}

/** The URL without its query (continuation tokens are opaque and long). */
function redact(url: string): string {
  return url.replace(/\?.*$/, '');
}

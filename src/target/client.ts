/**
 * A read-only Dataverse Web API client: GET only, a handful of requests in flight, service protection
 * limits honoured (429/503/504 with Retry-After: every request pauses, then retries), a timeout per
 * request and a deadline for the whole check, paging through `@odata.nextLink` on the same origin only.
 * Facts: https://learn.microsoft.com/power-apps/developer/data-platform/api-limits and
 * https://learn.microsoft.com/power-apps/developer/data-platform/webapi/compose-http-requests-handle-errors
 */
import { parseJson, prop, str } from '../source/decode.js';
import type { EnvironmentUrl } from './environment.js';

export type RequestFailure = 'unauthorized' | 'forbidden' | 'not-found' | 'bad-request' | 'throttled' | 'server' | 'timeout' | 'malformed' | 'network' | 'too-large';

export class TargetRequestError extends Error {
  constructor(
    readonly kind: RequestFailure,
    message: string,
    readonly status?: number,
    readonly code?: string,
  ) {
    super(message);
  }
}

export interface ClientOptions {
  env: EnvironmentUrl;
  /** The bearer token (the credential caches and refreshes it). */
  token: () => Promise<string>;
  /** Requests in flight at most: 1 to 16. */
  concurrency: number;
  requestTimeoutMs: number;
  /** Epoch milliseconds after which nothing more is sent. */
  deadline: number;
  maxRetries?: number;
  maxResponseBytes?: number;
}

export const MAX_CONCURRENCY = 16;
const TRANSIENT = new Set([429, 502, 503, 504]);

export class DataverseClient {
  /** Requests sent, retries included. */
  requests = 0;
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];
  /** Service protection: while a Retry-After runs, no request is sent (the service extends the wait of clients that keep sending). */
  private resumeAt = 0;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly secrets: string[] = [];

  constructor(private readonly options: ClientOptions) {
    if (!Number.isInteger(options.concurrency) || options.concurrency < 1 || options.concurrency > MAX_CONCURRENCY) {
      throw new RangeError(`concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}`);
    }
  }

  /** GET a path under the Web API root (`workflows?$filter=…`, `WhoAmI`), parsed. */
  async get(path: string, headers: Record<string, string> = {}): Promise<unknown> {
    return this.send(new URL(path, this.options.env.api), headers);
  }

  /** GET a collection and every following page; the rows of `value`, in order. */
  async getAll(path: string, pageSize = 500): Promise<unknown[]> {
    const rows: unknown[] = [];
    let url: URL | undefined = new URL(path, this.options.env.api);
    const headers = { Prefer: `odata.maxpagesize=${pageSize}` };
    for (let page = 0; url; page++) {
      if (page > 10_000) throw new TargetRequestError('malformed', 'the service returned more than 10,000 pages');
      const body = await this.send(url, headers);
      const value = prop(body, 'value');
      if (!Array.isArray(value)) throw new TargetRequestError('malformed', `the response to ${describePath(url)} has no "value" array`);
      rows.push(...value);
      const next = prop(body, '@odata.nextLink');
      url = typeof next === 'string' && next !== '' ? this.sameOrigin(next) : undefined;
    }
    return rows;
  }

  /** Timers of pending waits are cleared; nothing keeps the process alive. */
  close(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  /** A message with the token (and anything else secret) replaced. */
  redact(text: string): string {
    let out = text;
    for (const s of this.secrets) if (s.length >= 8) out = out.split(s).join('***');
    return out;
  }

  /** The token goes only to the environment's origin: a next link elsewhere is refused. */
  private sameOrigin(link: string): URL {
    let url: URL;
    try {
      url = new URL(link);
    } catch {
      throw new TargetRequestError('malformed', 'the service returned an @odata.nextLink that is not a URL');
    }
    if (url.origin !== this.options.env.origin || !url.pathname.startsWith('/api/data/')) {
      throw new TargetRequestError('malformed', `the service returned an @odata.nextLink outside the environment (${url.host}); it was not followed`);
    }
    return url;
  }

  private async send(url: URL, headers: Record<string, string>): Promise<unknown> {
    const retries = this.options.maxRetries ?? 5;
    for (let attempt = 0; ; attempt++) {
      await this.acquire();
      let response: { status: number; body: Uint8Array; retryAfter: string | null };
      try {
        await this.waitForResume();
        response = await this.fetchOnce(url, headers);
      } finally {
        this.release();
      }
      if (response.status >= 200 && response.status < 300) return this.parse(url, response.body);
      if (TRANSIENT.has(response.status) && attempt < retries) {
        this.pause(retryDelayMs(response.retryAfter, attempt), response.status === 429 ? 'throttled' : 'server', url);
        continue;
      }
      throw this.failure(url, response.status, response.body);
    }
  }

  private async fetchOnce(url: URL, headers: Record<string, string>): Promise<{ status: number; body: Uint8Array; retryAfter: string | null }> {
    const remaining = this.options.deadline - Date.now();
    if (remaining <= 0) throw new TargetRequestError('timeout', 'the target check ran out of time');
    const token = await this.options.token();
    if (!this.secrets.includes(token)) this.secrets.push(token);
    const timeout = Math.min(this.options.requestTimeoutMs, remaining);
    const signal = AbortSignal.timeout(timeout);
    this.requests++;
    try {
      const res = await fetch(url, {
        method: 'GET',
        redirect: 'manual',
        signal,
        headers: { Accept: 'application/json', 'OData-MaxVersion': '4.0', 'OData-Version': '4.0', Authorization: `Bearer ${token}`, ...headers },
      });
      const body = await readCapped(res, this.options.maxResponseBytes ?? 64 * 1024 * 1024);
      return { status: res.status, body, retryAfter: res.headers.get('retry-after') };
    } catch (err) {
      if (err instanceof TargetRequestError) throw err;
      if (signal.aborted) throw new TargetRequestError('timeout', `${describePath(url)} did not answer within ${Math.round(timeout / 1000)} s`);
      throw new TargetRequestError('network', `${describePath(url)} failed: ${this.redact(causeOf(err))}`);
    }
  }

  private parse(url: URL, body: Uint8Array): unknown {
    try {
      return parseJson(body);
    } catch (err) {
      throw new TargetRequestError('malformed', `the response to ${describePath(url)} is not JSON (${(err as Error).message})`);
    }
  }

  private failure(url: URL, status: number, body: Uint8Array): TargetRequestError {
    let code: string | undefined;
    let message = '';
    try {
      const error = prop(parseJson(body), 'error');
      code = str(prop(error, 'code')) || undefined;
      message = str(prop(error, 'message'));
    } catch {
      // Not an OData error body: the status says enough.
    }
    const detail = this.redact(message.slice(0, 500));
    const what = `${describePath(url)} answered ${status}${code ? ` (${code})` : ''}${detail ? `: ${detail}` : ''}`;
    if (status === 401) return new TargetRequestError('unauthorized', what, status, code);
    if (status === 403) return new TargetRequestError('forbidden', what, status, code);
    if (status === 404) return new TargetRequestError('not-found', what, status, code);
    if (status === 429) return new TargetRequestError('throttled', `${what} (still throttled after retries)`, status, code);
    if (status >= 300 && status < 400) return new TargetRequestError('malformed', `${describePath(url)} answered with a redirect (${status}); it was not followed`, status);
    if (status >= 500) return new TargetRequestError('server', `${what} (after retries)`, status, code);
    return new TargetRequestError('bad-request', what, status, code);
  }

  private pause(ms: number, kind: RequestFailure, url: URL): void {
    const until = Date.now() + ms;
    if (until > this.options.deadline) throw new TargetRequestError(kind === 'throttled' ? 'throttled' : 'timeout', `${describePath(url)}: the service asked to wait ${Math.ceil(ms / 1000)} s, past the check's time limit`);
    this.resumeAt = Math.max(this.resumeAt, until);
  }

  private async waitForResume(): Promise<void> {
    while (Date.now() < this.resumeAt) await this.sleep(this.resumeAt - Date.now());
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.timers.delete(t);
        resolve();
      }, ms);
      this.timers.add(t);
    });
  }

  private acquire(): Promise<void> {
    if (this.inFlight < this.options.concurrency) {
      this.inFlight++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.inFlight--;
  }
}

/** `Retry-After` in seconds or as an HTTP date; without it, exponential backoff from 1 s, at most 60 s. */
export function retryDelayMs(retryAfter: string | null, attempt: number, now = Date.now()): number {
  if (retryAfter !== null && retryAfter.trim() !== '') {
    const seconds = Number(retryAfter.trim());
    if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds, 300) * 1000;
    const date = Date.parse(retryAfter);
    if (Number.isFinite(date)) return Math.min(Math.max(date - now, 0), 300_000);
  }
  return Math.min(1000 * 2 ** attempt, 60_000);
}

/** The entity set and the shape of the query, without ids or values (diagnostics stay short). */
export function describePath(url: URL): string {
  const path = url.pathname.replace(/^\/api\/data\/v[\d.]+\//, '').replace(/\([^)]*\)/g, '(…)');
  return url.search ? `${path}?…` : path;
}

async function readCapped(res: Response, max: number): Promise<Uint8Array> {
  const length = Number(res.headers.get('content-length') ?? '0');
  if (length > max) {
    await res.body?.cancel();
    throw new TargetRequestError('too-large', `a response of ${length} bytes is larger than the ${max}-byte limit`);
  }
  if (!res.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      throw new TargetRequestError('too-large', `a response is larger than the ${max}-byte limit`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function causeOf(err: unknown): string {
  const e = err as { message?: string; cause?: { code?: string; message?: string } };
  return e.cause?.code ?? e.cause?.message ?? e.message ?? String(err);
}

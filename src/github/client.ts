/**
 * The one place FlowGuard builds a GitHub REST client: `@actions/github`'s Octokit with the
 * throttling and retry plugins, an explicit base URL (GHES), a user agent and bounded retries.
 *
 * Plugin order matters: with (throttling, retry) a rate-limit response reaches the throttling
 * handlers (which honour `retry-after`), while 5xx and network failures are retried by plugin-retry.
 */
import { getOctokit } from '@actions/github';
import { defaults as toolkitDefaults } from '@actions/github/lib/utils';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

/** The Octokit instance every `src/github` module takes. */
export type GitHubClient = ReturnType<typeof getOctokit>;

export const DEFAULT_API_URL = 'https://api.github.com';

export interface ClientOptions {
  /** REST API root. Defaults to `GITHUB_API_URL` (set on GHES runners), then https://api.github.com. */
  baseUrl?: string;
  userAgent?: string;
  /** Retries of a 5xx or network failure (plugin-retry). Default 3. */
  retries?: number;
  /** Retries of a rate-limited request (primary or secondary limit). Default 2. */
  rateLimitRetries?: number;
  /**
   * Milliseconds per backoff unit. plugin-retry waits (attempt²) units before retrying a 5xx;
   * the throttling plugin waits `retry-after` seconds × this value. Default 1000; tests use 1.
   */
  retryAfterBaseValue?: number;
  /** Seconds to wait on a secondary rate limit that came without `retry-after`. Default 60. */
  fallbackSecondaryRateRetryAfter?: number;
  /** Longest rate-limit wait (in `retry-after` seconds) FlowGuard accepts before giving up. Default 120. */
  maxRateLimitWaitSeconds?: number;
  /** Time budget of one HTTP attempt in milliseconds (a timed-out attempt counts as a network failure and is retried). Default 60 000; 0 turns it off. */
  timeoutMs?: number;
  /** Receives retry and rate-limit notes and Octokit's warnings (wire it to `core.warning`/`core.info`). */
  log?: (msg: string) => void;
  /**
   * A fetch implementation. By default the toolkit's proxy-aware fetch (configured for the API URL known at
   * import, i.e. `GITHUB_API_URL`) is used, except for loopback base URLs (tests, local fakes), which get
   * the global fetch so a proxy in the environment is not used.
   */
  fetch?: typeof globalThis.fetch;
}

let clientCounter = 0;

/** The API root from the option, `GITHUB_API_URL`, or github.com; without a trailing slash. */
export function resolveBaseUrl(baseUrl?: string, env: NodeJS.ProcessEnv = process.env): string {
  const url = (baseUrl?.trim() || env['GITHUB_API_URL']?.trim() || DEFAULT_API_URL).replace(/\/+$/, '');
  return url;
}

function isLoopback(baseUrl: string): boolean {
  try {
    const host = new URL(baseUrl).hostname;
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]' || host === '::1';
  } catch {
    return false;
  }
}

export function createClient(token: string, options: ClientOptions = {}): GitHubClient {
  const log = options.log ?? (() => undefined);
  const baseUrl = resolveBaseUrl(options.baseUrl);
  const retries = Math.max(0, options.retries ?? 3);
  const rateLimitRetries = Math.max(0, options.rateLimitRetries ?? 2);
  const base = options.retryAfterBaseValue ?? 1000;
  const maxWait = options.maxRateLimitWaitSeconds ?? 120;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const baseFetch: typeof globalThis.fetch =
    options.fetch ??
    (isLoopback(baseUrl)
      ? globalThis.fetch
      : ((toolkitDefaults.request?.fetch as typeof globalThis.fetch | undefined) ?? globalThis.fetch));
  const fetchImpl: typeof globalThis.fetch =
    timeoutMs > 0
      ? (input, init) => {
          const timeout = AbortSignal.timeout(timeoutMs);
          const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
          return baseFetch(input, { ...init, signal });
        }
      : baseFetch;

  const onLimit =
    (kind: string) =>
    (retryAfter: number, opts: { method?: string; url?: string }, _octokit: unknown, retryCount: number): boolean => {
      const what = `${opts.method ?? 'GET'} ${opts.url ?? ''}`;
      if (retryCount < rateLimitRetries && retryAfter <= maxWait) {
        log(`GitHub ${kind} rate limit on ${what}; retrying in ${retryAfter}s (retry ${retryCount + 1} of ${rateLimitRetries}).`);
        return true;
      }
      log(
        retryAfter > maxWait
          ? `GitHub ${kind} rate limit on ${what}; the reset is ${retryAfter}s away (more than ${maxWait}s), not waiting.`
          : `GitHub ${kind} rate limit on ${what}; giving up after ${retryCount} retries.`,
      );
      return false;
    };

  return getOctokit(
    token,
    {
      baseUrl,
      userAgent: options.userAgent ?? 'flowguard',
      // `request` replaces the toolkit's default (shallow merge), so the proxy-aware fetch is passed on above.
      request: { fetch: fetchImpl },
      log: {
        debug: () => undefined,
        info: () => undefined,
        warn: (m: string) => log(m),
        error: (m: string) => log(m),
      },
      retry: {
        retries,
        retryAfterBaseValue: base,
        // Rate limits (403/429) belong to the throttling plugin, which honours retry-after and is bounded.
        doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
      },
      throttle: {
        // A distinct id per client: the plugin's write/notification limiters are shared per id across clients.
        id: `flowguard-${process.pid}-${++clientCounter}`,
        retryAfterBaseValue: base,
        fallbackSecondaryRateRetryAfter: options.fallbackSecondaryRateRetryAfter ?? 60,
        onRateLimit: onLimit('primary'),
        onSecondaryRateLimit: onLimit('secondary'),
      },
    },
    throttling,
    retry,
  );
}
